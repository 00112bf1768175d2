"""The district's desk driven through the window: a supervisor register holding two rooms' imported
packages (real nodes, real signed packages), each page filled off the GUI thread, acting on a room's
case, the statistics return with charts and its exports, the batch import, and a room that sees and
answers what the district sent."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))

from sync_helpers import enrol, make_node
from test_no_gui_thread_queries import guarded  # noqa: F401 - the fixture, shared with that test

from mediation_desktop.services.demo import fill_demo

TEST_USER, TEST_PASSWORD = "测试员", "correct-horse"


def _rooms_for(sup, tmp_path: Path, cases: int = 25):
    rooms = []
    for i, (name, code) in enumerate((("和平区劳动人事争议调解中心", "HP"), ("南市街道调解委员会", "NS"))):
        room = make_node(tmp_path / f"room{i}", "room", name, code)
        enrol(room, sup)
        fill_demo(room, cases, seed=11 + i)
        rooms.append(room)
    return rooms


def _packages(room, out: Path) -> list[Path]:
    from mediation_desktop.sync.export import export_packages

    out.mkdir(parents=True, exist_ok=True)
    return [r.path for r in export_packages(room, out)]


@pytest.fixture
def district(tmp_path, data_dir):
    """A supervisor node in ``data_dir`` (its first account is the test account) and two rooms, whose
    packages wait in a USB folder; ``imported`` says whether they were already imported."""
    from mediation_desktop.paths import DataPaths
    from mediation_desktop.services.accounts import create_first_user
    from mediation_desktop.services.backend import Backend

    sup = Backend(DataPaths.resolve(data_dir), TEST_USER)
    sup.migrate()
    sup.initialise("和平区人力资源和社会保障局", "D01", "supervisor")
    from mediation_desktop.sync.trust import create_keys

    create_keys(sup)
    create_first_user(sup, TEST_USER, TEST_PASSWORD)
    rooms = _rooms_for(sup, tmp_path)
    usb = tmp_path / "usb"
    for room in rooms:
        _packages(room, usb)
    return sup, rooms, usb


def _import_all(sup, usb: Path) -> None:
    from mediation_desktop.sync.package_batch import import_batch

    result = import_batch(sup, [usb])
    assert sum(r.imported for r in result.rooms) == 2


def _window_of(make_window, sup):
    sup.close()
    return make_window(org=None, wait=False)


def _open(window, qtbot, wait_idle):
    with qtbot.waitSignal(window.ready, timeout=15000):
        pass
    wait_idle(window)


@pytest.fixture
def supervisor_window(district, make_window, qtbot, wait_idle):
    sup, rooms, usb = district
    _import_all(sup, usb)
    sup.close()
    window = make_window(org="和平区人力资源和社会保障局")
    wait_idle(window)
    return window, rooms


def test_a_supervisor_sees_the_district_navigation_and_no_room_pages(supervisor_window):
    from mediation_desktop.gui.main_window import SUPERVISOR_NAV

    window, _rooms = supervisor_window
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["区域总览", "调解组织", "案件", "期限", "风险", "统计", "通知与批注", "重点企业", "同步"]
    assert window.nav_keys == list(SUPERVISOR_NAV)
    assert window.show_key("register") is None and window.show_key("import") is None
    assert not window.batch_documents.button.isVisibleTo(window.cases)   # the rooms' papers, not the district's


def test_overview_lists_both_rooms_and_double_click_opens_their_cases(supervisor_window, qtbot, wait_idle):
    window, rooms = supervisor_window
    page = window.show_key("overview")
    wait_idle(window)
    table = page.rooms
    names = sorted(table.item(r, 0).text().removeprefix("⚠ ") for r in range(table.rowCount()))
    assert names == ["南市街道调解委员会", "和平区劳动人事争议调解中心"]
    assert all(not r.stale for r in table.rows)   # both reported today
    assert "调解组织 2 个" in page.figures.text()
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "NS")
    with qtbot.waitSignal(window.cases.keys_loaded, timeout=15000) as got:
        table.cellDoubleClicked.emit(row, 0)
    wait_idle(window)
    assert window.stack.currentWidget() is window.cases
    assert window.cases.room.currentText().startswith("南市街道调解委员会")
    assert got.args[0] == 25
    model = window.cases.model
    assert model.headerData(1, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "调解组织"
    qtbot.waitUntil(lambda: model.data(model.index(0, 1)) == "南市街道调解委员会", timeout=10000)
    window.cases.room.setCurrentIndex(0)   # all rooms
    qtbot.waitUntil(lambda: window.cases.count_label.text() == "共 50 件", timeout=10000)


def test_a_room_not_reporting_for_the_set_days_stands_out(supervisor_window, qtbot, wait_idle):
    from datetime import timedelta

    window, _rooms = supervisor_window
    later = window.ctx.today() + timedelta(days=9)
    window.ctx.today = lambda: later
    page = window.show_key("rooms")
    wait_idle(window)
    table = page.table
    assert all(table.item(r, 0).text().startswith("⚠ ") for r in range(table.rowCount()))
    assert "超过7天未报送" in table.item(0, 4).text()
    assert "超过7天未报送 2 个" in page.summary.text()
    page.stale_days.setValue(10)
    page.save_stale_days()
    wait_idle(window)
    assert not any(table.item(r, 0).text().startswith("⚠ ") for r in range(table.rowCount()))
    assert "超过10天未报送 0 个" in page.summary.text()


def test_risk_page_lists_and_exports_every_list(supervisor_window, tmp_path, wait_idle):
    from openpyxl import load_workbook

    window, _rooms = supervisor_window
    page = window.show_key("risk")
    wait_idle(window)
    assert page.risk is not None
    assert page.tabs.count() == 7
    assert page.tables["overdue"].rowCount() == len(page.risk.overdue)
    out = tmp_path / "风险.xlsx"
    page.export(str(out))
    wait_idle(window)
    wb = load_workbook(out)
    assert wb.sheetnames[:5] == ["风险案件", "超期案件", "集体争议", "同一用人单位", "重点监测企业"]
    assert wb["超期案件"].max_row == len(page.risk.overdue) + 1


def test_a_supervisor_has_no_case_actions_but_sends_a_correction_the_room_answers(
        supervisor_window, tmp_path, qtbot, wait_idle):
    from mediation_desktop.services.case_list import CaseListService, ListFilter
    from mediation_desktop.sync.importer import import_packages

    window, rooms = supervisor_window
    backend = window.ctx.backend
    service = CaseListService(backend)
    num = service.keys(ListFilter())[0]
    row = service.rows([num])[num]
    window.open_case(row.case_id)
    wait_idle(window)
    detail = window.detail
    # Nothing the district may not do on a room's case is offered; the remark and correction are.
    assert set(detail.action_buttons) == {"remark", "correction"}
    assert not detail.add_attachment_button.isVisibleTo(detail)
    dialog = detail.write_remark(correction=True)
    dialog.ui.text.setPlainText("申请人人数与材料不符，请核实后更正。")
    dialog.submit()
    wait_idle(window)
    assert dialog.result() == dialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: "更正请求" in detail.remarks.text(), timeout=10000)

    # The room imports the district's package: it sees the correction on the case and answers it.
    code = next(c for i, _n, c in service.organisations() if i == row.org_id)
    owner = next(r for r in rooms if r.node.org.code == code)
    from mediation_desktop.sync.export import export_packages

    down = tmp_path / "down"
    down.mkdir()
    files = [r.path for r in export_packages(backend, down)]
    reports = import_packages(owner, files)
    assert any(r.status == "imported" for r in reports)
    from mediation_desktop.services.district_messages import answer_remark, case_remarks

    (remark,) = case_remarks(owner, row.case_id)
    assert remark.open
    answer_remark(owner, remark.id, "已核实更正")
    (remark,) = case_remarks(owner, row.case_id)
    assert not remark.open

    # 通知与批注 lists the request as waiting until the room's answer comes up in its next package.
    page = window.show_key("notices")
    wait_idle(window)
    assert page.remarks_table.item(0, 4).text() == "● 待答复"
    assert page.remarks_table.item(0, 2).text() == row.case_no
    up = tmp_path / "up"
    up.mkdir()
    export_packages(owner, up)
    window.show_key("sync").batch.add_sources([str(up)])
    with qtbot.waitSignal(window.show_key("sync").batch.finished, timeout=30000):
        window.nav_widgets["sync"].batch.start()
    wait_idle(window)
    window.show_key("notices")
    wait_idle(window)
    assert page.remarks_table.item(0, 4).text() == "已答复"
    assert "已核实更正" in page.remarks_table.item(0, 6).text()


def test_notices_and_key_enterprises_are_written_from_their_pages(supervisor_window, tmp_path, wait_idle):
    window, _rooms = supervisor_window
    notices = window.show_key("notices")
    wait_idle(window)
    assert notices.compose.isVisible()
    attached = tmp_path / "排查表.txt"
    attached.write_text("排查", encoding="utf-8")
    notices.notice_title.setText("关于春节前欠薪隐患排查的通知")
    notices.body.setPlainText("请各调解组织于1月20日前完成排查。")
    notices.choose_attachment(str(attached))
    notices.send()
    wait_idle(window)
    assert notices.table.rowCount() == 1
    assert notices.table.item(0, 2).text() == "排查表.txt"

    page = window.show_key("key_enterprises")
    wait_idle(window)
    csv_file = tmp_path / "名单.csv"
    csv_file.write_text("统一社会信用代码,名称,原因\n91350100M000100Y43,天津和平建筑有限公司,欠薪投诉多\n"
                        "bad,坏行,\n", encoding="utf-8")
    page.choose_file(str(csv_file))
    wait_idle(window)
    assert not page.confirm_button.isEnabled() and page.refused.rowCount() == 1
    assert page.table.rowCount() == 0
    from openpyxl import Workbook

    wb = Workbook()   # the same list as an Excel workbook, with a title row above the header
    wb.active.append(["2027年重点监测企业名单"])
    wb.active.append(["统一社会信用代码", "名称", "原因"])
    wb.active.append(["91350100M000100Y43", "天津和平建筑有限公司", "欠薪投诉多"])
    wb.active.append(["91350100M000100Y43", "天津和平建筑有限公司", "重复"])
    xlsx = tmp_path / "名单.xlsx"
    wb.save(xlsx)
    page.choose_file(str(xlsx))
    wait_idle(window)
    assert page.confirm_button.isEnabled() and page.to_import.rowCount() == 1 and page.repeated.rowCount() == 1
    page.confirm()
    wait_idle(window)
    assert page.table.rowCount() == 1 and not page.preview_box.isVisible()


def test_statistics_page_draws_charts_and_exports_xlsx_and_docx(supervisor_window, tmp_path, wait_idle):
    from docx import Document
    from openpyxl import load_workbook

    window, _rooms = supervisor_window
    page = window.show_key("statistics")
    page.choose("year", window.ctx.today().year)
    page.reload()
    wait_idle(window)
    assert page.current is not None
    names = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert names[-1] == "合计" and len(names) == 3
    assert len(page.chart_views) == 4
    total_received = page.current.ret.rows[-1]["received"]
    assert int(page.table.item(2, 1).text()) == total_received
    page.export(str(tmp_path / "r.xlsx"))
    wait_idle(window)
    wb = load_workbook(tmp_path / "r.xlsx")
    assert "图表" in wb.sheetnames and len(wb["图表"]._charts) == 4
    page.export(str(tmp_path / "r.docx"))
    wait_idle(window)
    doc = Document(str(tmp_path / "r.docx"))
    assert len(doc.inline_shapes) == 4


def test_batch_import_one_line_per_room_then_already_imported(district, make_window, qtbot, wait_idle):
    sup, rooms, usb = district
    sup.close()
    window = make_window(org="和平区人力资源和社会保障局")
    page = window.show_key("sync")
    batch = page.batch
    batch.add_sources([str(usb)])
    with qtbot.waitSignal(batch.finished, timeout=30000):
        batch.start()
    wait_idle(window)
    assert batch.table.rowCount() == 2
    assert {batch.table.item(r, 1).text() for r in range(2)} == {"1"}
    assert all("导入1个包" in batch.table.item(r, 8).text() for r in range(2))
    batch.add_sources([str(usb)])
    with qtbot.waitSignal(batch.finished, timeout=30000):
        batch.start()
    assert {batch.table.item(r, 2).text() for r in range(2)} == {"1"}


def test_a_room_window_has_statistics_and_notices_with_the_unread_count(tmp_path, data_dir, make_window,
                                                                       qtbot, wait_idle):
    from mediation_desktop.services.accounts import create_first_user
    from mediation_desktop.sync.export import export_packages
    from mediation_desktop.sync.importer import import_packages
    from mediation_desktop.sync.supervisor import add_notice

    room = make_node(data_dir, "room", "和平区劳动人事争议调解中心", "HP")
    create_first_user(room, TEST_USER, TEST_PASSWORD)
    sup = make_node(tmp_path / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    enrol(room, sup)
    add_notice(sup, "关于年终统计的通知", "请于12月25日前报送。")
    down = tmp_path / "down"
    down.mkdir()
    import_packages(room, [r.path for r in export_packages(sup, down)])
    room.close()
    window = make_window(org="和平区劳动人事争议调解中心")
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[:4] == ["工作台", "案件", "登记", "导入台账"]
    qtbot.waitUntil(lambda: window.nav.item(5).text() == "通知（1）", timeout=10000)
    assert titles[4] == "统计"
    assert window.desk.notices_note.isVisibleTo(window.desk) and "1 条未读" in window.desk.notices_note.text()
    page = window.show_key("notices")
    wait_idle(window)
    assert not page.compose.isVisible() and page.table.rowCount() == 1
    assert page.table.item(0, 3).text() == "未读"
    page.mark_read()
    wait_idle(window)
    assert page.table.item(0, 3).text() == "已读"
    qtbot.waitUntil(lambda: window.nav.item(5).text() == "通知", timeout=10000)
    assert not window.desk.notices_note.isVisibleTo(window.desk)


def test_the_owner_rule_hides_actions_a_role_could_take_on_its_own_cases():
    from mediation_desktop.services.permissions import may_act_on_case, may_answer_remark, may_remark

    assert may_act_on_case("head+admin", "accept", None, "me")
    assert may_act_on_case("head+admin", "accept", "me", "me")
    assert not may_act_on_case("head+admin", "accept", "a-room", "me")
    assert not may_act_on_case("supervisor+admin", "accept", None, "me")
    assert may_remark("supervisor+admin", "supervisor", "a-room", "me")
    assert not may_remark("supervisor+admin", "supervisor", "me", "me")
    assert not may_remark("head+admin", "room", "a-room", "me")
    assert may_answer_remark("mediator", "room") and not may_answer_remark("supervisor", "supervisor")


def test_every_district_page_queries_off_the_gui_thread(district, make_window, guarded, qtbot, wait_idle):  # noqa: F811 - the fixture
    from mediation_desktop.gui import crash
    from mediation_desktop.services.changes import EVERYTHING

    sup, _rooms, usb = district
    _import_all(sup, usb)
    sup.close()
    window = make_window(org="和平区人力资源和社会保障局")
    guarded.arm()
    for i in range(window.nav.count()):
        window.show_page(i)
        wait_idle(window)
    window.show_key("statistics").reload()
    wait_idle(window)
    window.ctx.announce(EVERYTHING)   # every page refreshes as after a sync import
    wait_idle(window)
    window.show_room_cases("HP")
    wait_idle(window)
    guarded.disarm()
    assert guarded.found == [], guarded.found[0] if guarded.found else ""
    assert crash.crashes == []


def test_a_room_sees_the_correction_on_its_case_and_answers_it_in_the_window(tmp_path, data_dir, make_window,
                                                                            qtbot, wait_idle):
    from mediation_desktop.services.accounts import create_first_user
    from mediation_desktop.services.case_list import CaseListService, ListFilter
    from mediation_desktop.services.district_messages import case_remarks
    from mediation_desktop.sync.export import export_packages
    from mediation_desktop.sync.importer import import_packages
    from mediation_desktop.sync.supervisor import add_remark

    room = make_node(data_dir, "room", "和平区劳动人事争议调解中心", "HP")
    create_first_user(room, TEST_USER, TEST_PASSWORD)
    fill_demo(room, 5, seed=3)
    sup = make_node(tmp_path / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    enrol(room, sup)
    up, down = tmp_path / "up", tmp_path / "down"
    up.mkdir()
    down.mkdir()
    import_packages(sup, [r.path for r in export_packages(room, up)])
    service = CaseListService(room)
    num = service.keys(ListFilter())[0]
    case_id = service.rows([num])[num].case_id
    add_remark(sup, case_id, "请补充用人单位的统一社会信用代码。", "correction")
    import_packages(room, [r.path for r in export_packages(sup, down)])
    room.close()
    window = make_window(org="和平区劳动人事争议调解中心")
    window.open_case(case_id)
    wait_idle(window)
    detail = window.detail
    assert "区人社更正请求" in detail.remarks.text()
    assert "correction" not in detail.action_buttons and "answer" in detail.action_buttons
    dialog = detail.answer_remark()
    dialog.ui.text.setPlainText("\u202e")   # a bidi control alone: refused, the dialog stays open
    dialog.submit()
    wait_idle(window)
    assert dialog.isVisible() and dialog.ui.buttons.isEnabled()
    dialog.ui.text.setPlainText("已补充信用代码。")
    dialog.submit()
    wait_idle(window)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: "answer" not in detail.action_buttons, timeout=10000)
    (remark,) = case_remarks(window.ctx.backend, case_id)
    assert not remark.open and remark.answers[0]["text"] == "已补充信用代码。"


def test_a_batch_stops_between_packages_and_keeps_the_rest_for_later(district, make_window, qtbot, wait_idle):
    sup, _rooms, usb = district
    sup.close()
    window = make_window(org="和平区人力资源和社会保障局")
    batch = window.show_key("sync").batch
    batch.add_sources([str(usb)])
    with qtbot.waitSignal(batch.finished, timeout=30000) as got:
        batch.start()
        batch.cancel()   # asked before each package: the one under way finishes whole
    result = got.args[0]
    assert result.cancelled
    imported = sum(r.imported for r in result.rooms)
    assert imported + len(result.not_started) == 2 and result.not_started
    assert batch.sources == result.not_started and batch.import_button.isEnabled()
    with qtbot.waitSignal(batch.finished, timeout=30000) as got:
        batch.start()
    assert sum(r.imported for r in got.args[0].rooms) == len(result.not_started)
    assert not got.args[0].cancelled and batch.sources == []


def test_statistics_refuses_a_custom_period_ending_before_it_starts(supervisor_window, wait_idle):
    from PySide6.QtCore import QDate

    from mediation_desktop.gui import messages

    window, _rooms = supervisor_window
    page = window.show_key("statistics")
    wait_idle(window)
    shown = page.current   # the page opens on this month's return
    assert shown is not None and shown.ret.start.day == 1
    page.choose("custom")
    page.date_from.setDate(QDate(2026, 6, 1))
    page.date_to.setDate(QDate(2026, 5, 1))
    page.reload()
    wait_idle(window)
    assert page.current is shown
    assert any("统计期间的结束日期不能早于开始日期" in text for _title, text in messages.shown)


def test_a_room_counts_by_mediator(tmp_path, data_dir, make_window, wait_idle):
    from mediation_desktop.services.accounts import create_first_user

    room = make_node(data_dir, "room", "和平区劳动人事争议调解中心", "HP")
    create_first_user(room, TEST_USER, TEST_PASSWORD)
    fill_demo(room, 30, seed=5)
    room.close()
    window = make_window(org="和平区劳动人事争议调解中心")
    page = window.show_key("statistics")
    assert [page.by.itemText(i) for i in range(page.by.count())] == ["按调解员", "按月份"]
    page.choose("year", window.ctx.today().year)
    page.reload()
    wait_idle(window)
    ret = page.current.ret
    assert ret.by == "mediator" and page.table.horizontalHeaderItem(0).text() == "调解员"
    assert sum(r["received"] for r in ret.rows[:-1]) == ret.rows[-1]["received"]
    assert [c.key for c in page.current.charts] == ["monthly", "types", "outcomes", "groups"]


def test_dropped_files_and_folders_join_the_batch(district, make_window, wait_idle):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    sup, _rooms, usb = district
    sup.close()
    window = make_window(org="和平区人力资源和社会保障局")
    batch = window.show_key("sync").batch
    files = sorted(usb.iterdir())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files[0])), QUrl.fromLocalFile(str(usb)),
                  QUrl("https://example.invalid/x.mdpkg")])   # a web address is not a file: ignored
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    batch.dropEvent(event)
    assert batch.sources == [str(files[0]), str(usb)] and batch.import_button.isEnabled()


def test_the_overview_follows_a_batch_import(district, make_window, qtbot, wait_idle):
    sup, _rooms, usb = district
    sup.close()
    window = make_window(org="和平区人力资源和社会保障局")
    overview = window.show_key("overview")
    wait_idle(window)
    assert [r.days_since for r in overview.rooms.rows] == [None, None]
    assert all(overview.rooms.item(r, 0).text().startswith("⚠ ") for r in range(2))
    batch = window.show_key("sync").batch
    batch.add_sources([str(usb)])
    with qtbot.waitSignal(batch.finished, timeout=30000):
        batch.start()
    wait_idle(window)   # the import announced its changes: the overview read the rooms again
    assert [r.days_since for r in overview.rooms.rows] == [0, 0]
    assert sum(r.cases for r in overview.rooms.rows) == 50
    assert not any(overview.rooms.item(r, 0).text().startswith("⚠ ") for r in range(2))
