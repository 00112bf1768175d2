"""Screenshots of the district's desk for the README, at 1366x768: a supervisor register holding the
packages of two rooms (a third enrolled room has sent nothing yet, so it stands out), one urgent
report, a key-enterprise list and a notice.

    xvfb-run -a -s "-screen 0 1400x900x24" python -m mediation_desktop.gui.district_screenshots docs/screenshots

(or with QT_QPA_PLATFORM=offscreen and FONTCONFIG_FILE=resources/fonts-zh.conf).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

SHOT_PASSWORD = "screenshot-pass"
ROOMS = (("和平区劳动人事争议调解中心", "HP", 400), ("南市街道劳动争议调解委员会", "NS", 260),
         ("新兴街道劳动争议调解委员会", "XX", 0))


def _build(folder: Path) -> tuple[Path, Path]:
    """The district's data folder, and a USB folder with one more package to import as a batch."""
    from mediation_desktop.paths import DataPaths
    from mediation_desktop.services.accounts import create_first_user
    from mediation_desktop.services.backend import Backend
    from mediation_desktop.services.demo import fill_demo
    from mediation_desktop.services.district_risk import district_risk
    from mediation_desktop.sync import trust
    from mediation_desktop.sync.export import export_packages
    from mediation_desktop.sync.importer import import_packages
    from mediation_desktop.sync.keys import export_card, fingerprint
    from mediation_desktop.sync.supervisor import add_notice, set_key_enterprises

    sup = Backend(DataPaths.resolve(folder / "district"), "区人社")
    sup.migrate()
    sup.initialise("和平区人力资源和社会保障局", "和平区", "supervisor")
    trust.create_keys(sup)
    create_first_user(sup, "区人社", SHOT_PASSWORD, "刘科长")
    usb = folder / "usb"
    usb.mkdir()
    for i, (name, code, cases) in enumerate(ROOMS):
        room = Backend(DataPaths.resolve(folder / code), "王调解")
        room.migrate()
        room.initialise(name, code)
        trust.create_keys(room)
        for me, other in ((room, sup), (sup, room)):
            card = folder / f"{other.node.node_id}.card"
            card.write_bytes(export_card(trust.node_keys(other)))
            trust.trust(me, card, fingerprint(trust.node_keys(other)))
        if cases:
            fill_demo(room, cases, seed=31 + i)
            from mediation_desktop.services.urgent_reports import create_report

            risk = district_risk(room)
            urgent = risk.collective or [c for c in risk.cases if c.level == "red"]
            if urgent:   # the room's urgent report about its collective dispute
                create_report(room, case_no=urgent[0].case_no)
            out = folder / f"out_{code}"
            out.mkdir()
            import_packages(sup, [r.path for r in export_packages(room, out)])
            if i == 1:   # more work since: the next package waits on the USB stick
                fill_demo(room, 40, seed=77)
                export_packages(room, usb)
        room.close()
    risky = [c for c in district_risk(sup).cases if c.respondent_uscc][:3]
    set_key_enterprises(sup, [{"uscc": c.respondent_uscc, "name": c.respondent_name, "reason": "欠薪投诉较多"}
                              for c in risky])
    add_notice(sup, "关于做好春节前欠薪隐患排查的通知", "请各调解组织于1月20日前完成辖区重点企业排查，"
               "发现橙色以上风险的，当日报送情况快报。")
    # A correction request on one of 和平区's open cases, carried down with the notice and the list.
    from mediation_desktop.services.case_list import CaseListService, ListFilter
    from mediation_desktop.sync.supervisor import add_remark

    service = CaseListService(sup)
    hp = next(i for i, _n, c in service.organisations() if c == "HP")
    num = service.keys(ListFilter(org_id=hp, outcome="open"))[0]
    add_remark(sup, service.rows([num])[num].case_id, "申请人人数与所附名单不符（名单为12人），请核实后更正登记。",
               "correction")
    down = folder / "down"
    down.mkdir()
    packages = [r.path for r in export_packages(sup, down)]
    room = Backend(DataPaths.resolve(folder / "HP"), "王调解")
    create_first_user(room, "王调解", SHOT_PASSWORD, "王建国")
    import_packages(room, packages)
    room.close()
    sup.close()
    return folder / "district", usb


def main(out_dir: str) -> int:
    from PySide6.QtCore import QEventLoop, QTimer

    from mediation_desktop.gui import main_window, messages
    from mediation_desktop.gui.application import make_app
    from mediation_desktop.paths import DataPaths

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    messages.HEADLESS = True
    data, usb = _build(Path(tempfile.mkdtemp(prefix="md_district_shots_")))
    app = make_app()

    def sign_in(dialog) -> bool:   # the sign-in dialog
        dialog.name.setText("区人社")
        dialog.password.setText(SHOT_PASSWORD)
        dialog.try_sign_in()
        return dialog.account is not None

    main_window.run_dialog = sign_in
    window = main_window.MainWindow(DataPaths.resolve(data), "区人社")
    window.resize(1366, 768)
    window.show()
    window.start()

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()

        def check() -> None:
            if window.ctx.runner.idle:
                QTimer.singleShot(ms, loop.quit)
            else:
                QTimer.singleShot(20, check)
        check()
        loop.exec()

    def shot(name: str) -> None:
        settle()
        window.grab().save(str(out / name))

    settle()
    window.show_key("overview")
    shot("district_overview.png")
    window.show_key("rooms")
    shot("district_rooms.png")
    window.show_room_cases("NS")
    settle()
    shot("district_cases.png")
    window.show_key("risk")
    shot("district_risk.png")
    stats = window.show_key("statistics")
    stats.choose("year", window.ctx.today().year)
    stats.reload()
    shot("statistics.png")
    stats.tabs.setCurrentIndex(1)
    shot("statistics_charts.png")
    stats.chart_views[2].parentWidget().parentWidget().parentWidget().verticalScrollBar().setValue(660)
    shot("statistics_outcomes.png")
    notices = window.show_key("notices")
    shot("district_notices.png")
    notices.lists.setCurrentIndex(1)
    shot("district_remarks.png")
    keys = window.show_key("key_enterprises")
    sample = Path(tempfile.mkdtemp()) / "重点企业名单.csv"
    from mediation_desktop.sync.supervisor import key_enterprises

    listed = key_enterprises(window.ctx.backend)   # the list in force, plus one more, one row twice
    lines = [f"{e['uscc']},{e['name']},{e['reason']}" for e in listed]
    lines += ["91350100M000100Y43,天津恒通物流有限公司,春节前排查为橙色风险", lines[0] + "（重复）"]
    sample.write_text("统一社会信用代码,名称,原因\n" + "\n".join(lines) + "\n", encoding="utf-8")
    keys.choose_file(str(sample))
    shot("key_enterprises.png")
    sync = window.show_key("sync")
    sync.batch.add_sources([str(usb)])
    sync.batch.start()
    shot("batch_import.png")
    window.show_key("cases")
    settle()
    row = window.cases.model.row_at(0)
    if row is not None:
        window.open_case(row.case_id)
        settle()
        dialog = window.detail.write_remark(correction=True)
        dialog.ui.text.setPlainText("申请人人数与所附名单不符（名单为12人），请核实后更正登记。")
        settle()
        window.grab().save(str(out / "district_case_remark.png"))
        dialog.grab().save(str(out / "remark_dialog.png"))
        dialog.reject()
    window.close()
    app.processEvents()
    _room(app, out, data.parent / "HP")
    return 0


def _room(app, out: Path, folder: Path) -> None:  # app: QApplication
    """The room after the district's package: the unread notice on the desk, the 通知 page, and
    the correction request on its case with the answer button."""
    from PySide6.QtCore import QEventLoop, QTimer

    from mediation_desktop.gui import main_window
    from mediation_desktop.paths import DataPaths

    def sign_in(dialog) -> bool:   # the sign-in dialog
        dialog.name.setText("王调解")
        dialog.password.setText(SHOT_PASSWORD)
        dialog.try_sign_in()
        return dialog.account is not None

    main_window.run_dialog = sign_in
    window = main_window.MainWindow(DataPaths.resolve(folder), "王调解")
    window.resize(1366, 768)
    window.show()
    window.start()

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()

        def check() -> None:
            if window.ctx.runner.idle:
                QTimer.singleShot(ms, loop.quit)
            else:
                QTimer.singleShot(20, check)
        check()
        loop.exec()

    settle()
    window.show_key("desk")
    settle()
    window.grab().save(str(out / "room_desk_notice.png"))
    page = window.show_key("notices")
    settle()
    window.grab().save(str(out / "room_notices.png"))
    remark = page.remarks[0] if page.remarks else None
    if remark is not None:
        window.open_case(remark["case_id"])
        settle()
        window.grab().save(str(out / "room_case_correction.png"))
    window.close()
    app.processEvents()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
