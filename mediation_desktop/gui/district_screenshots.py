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

from mediation_desktop.gui.screenshot_setup import (
    SHOT_PASSWORD,
    close_window,
    enrol_both,
    new_register,
    open_window,
    prepare,
    settle,
)

ROOMS = (("和平区劳动人事争议调解中心", "HP", 400), ("南市街道劳动争议调解委员会", "NS", 260),
         ("新兴街道劳动争议调解委员会", "XX", 0))


def _build(folder: Path) -> tuple[Path, Path]:
    """The district's data folder, and a USB folder with one more package to import as a batch."""
    from mediation_desktop.paths import DataPaths
    from mediation_desktop.services.accounts import create_first_user
    from mediation_desktop.services.backend import Backend
    from mediation_desktop.services.demo import fill_demo
    from mediation_desktop.services.district_risk import district_risk
    from mediation_desktop.sync.export import export_packages
    from mediation_desktop.sync.importer import import_packages
    from mediation_desktop.sync.supervisor import add_notice, set_key_enterprises

    sup = new_register(folder / "district", "区人社", "和平区人力资源和社会保障局", "和平区", role="supervisor",
                       display_name="刘科长")
    usb = folder / "usb"
    usb.mkdir()
    for i, (name, code, cases) in enumerate(ROOMS):
        room = new_register(folder / code, "王调解", name, code)
        enrol_both(room, sup, folder)
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
    out = prepare(out_dir)
    data, usb = _build(Path(tempfile.mkdtemp(prefix="md_district_shots_")))
    window = open_window(data, "区人社")

    def shot(name: str) -> None:
        settle(window)
        window.grab().save(str(out / name))

    window.show_key("overview")
    shot("district_overview.png")
    window.show_key("rooms")
    shot("district_rooms.png")
    window.show_room_cases("NS")
    settle(window)
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
    settle(window)
    row = window.cases.model.row_at(0)
    if row is not None:
        window.open_case(row.case_id)
        settle(window)
        dialog = window.detail.write_remark(correction=True)
        dialog.ui.text.setPlainText("申请人人数与所附名单不符（名单为12人），请核实后更正登记。")
        settle(window)
        window.grab().save(str(out / "district_case_remark.png"))
        dialog.grab().save(str(out / "remark_dialog.png"))
        dialog.reject()
    close_window(window)
    _room(out, data.parent / "HP")
    return 0


def _room(out: Path, folder: Path) -> None:
    """The room after the district's package: the unread notice on the desk, the 通知 page, and
    the correction request on its case with the answer button."""
    window = open_window(folder, "王调解")
    window.show_key("desk")
    settle(window)
    window.grab().save(str(out / "room_desk_notice.png"))
    page = window.show_key("notices")
    settle(window)
    window.grab().save(str(out / "room_notices.png"))
    remark = page.remarks[0] if page.remarks else None
    if remark is not None:
        window.open_case(remark["case_id"])
        settle(window)
        window.grab().save(str(out / "room_case_correction.png"))
    close_window(window)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
