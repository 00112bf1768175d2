"""The sync page on two real nodes: export says when the stick is safe, import shows the dry run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))

from sync_helpers import make_pair

from mediation_desktop.gui.sync.page import SyncPage, spoken_groups
from mediation_desktop.gui.tasks import TaskRunner


def _ctx(backend, runner, tmp_path):  # the page takes the app context
    from PySide6.QtCore import QSettings

    from mediation_desktop.gui.context import AppContext

    ctx = AppContext(runner, QSettings(str(tmp_path / f"{backend.node.org.code}.ini"), QSettings.Format.IniFormat))
    ctx.backend = backend
    return ctx


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch):
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)


def test_export_then_supervisor_sees_the_room(qtbot, tmp_path):
    room, sup = make_pair(tmp_path, cases=3)
    runner = TaskRunner()
    page = SyncPage(_ctx(room, runner, tmp_path))
    qtbot.addWidget(page)
    page.export_to(tmp_path / "stick")
    qtbot.waitUntil(lambda: "安全拔出" in page.message.text(), timeout=20000)
    qtbot.waitUntil(lambda: runner.idle, timeout=20000)
    assert "    " in page.fingerprint.text()
    package = next((tmp_path / "stick").glob("*.mdpkg"))

    sup_page = SyncPage(_ctx(sup, runner, tmp_path))
    qtbot.addWidget(sup_page)
    from mediation_desktop.sync.importer import import_packages

    reports = import_packages(sup, [package], dry_run=True)
    assert "新增 3" in sup_page.report_text(reports)
    sup_page.import_now([package])
    qtbot.waitUntil(lambda: "导入结果" in sup_page.message.text(), timeout=20000)
    qtbot.waitUntil(lambda: sup_page.table.rowCount() == 1 and sup_page.table.item(0, 6) is not None, timeout=20000)
    assert sup_page.table.item(0, 6).text() == "3"
    runner.wait_for_done()


def test_fingerprint_groups_for_reading_aloud():
    assert spoken_groups("1111 2222 3333 4444 5555 6666 7777 8888") == \
        "1111    2222    3333    4444\n5555    6666    7777    8888"


def test_conflicts_are_listed_and_closed_without_overwriting(qtbot, tmp_path):
    from sync_helpers import export_one, import_one

    from mediation_desktop.services.cases import CaseService
    from mediation_desktop.sync import supervisor

    room, sup = make_pair(tmp_path, cases=2)
    import_one(sup, export_one(room, tmp_path / "a"))
    case_no = room_case_numbers(room)[0]
    supervisor.add_remark(sup, case_no, "收案日期有误，请更正", kind="correction")
    CaseService(room).apply(case_no, "edit", lambda c: setattr(c, "facts", c.facts + "（已更正）"))
    import_one(sup, export_one(room, tmp_path / "b"))

    runner = TaskRunner()
    page = SyncPage(_ctx(sup, runner, tmp_path))
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.conflicts_button.isEnabled(), timeout=20000)
    page.show_conflicts()
    dialog = page.conflicts_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=20000)
    assert "更正请求" in dialog.table.item(0, 2).text()
    dialog.keep_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=20000)
    assert supervisor.conflicts(sup) == []
    dialog.reject()
    qtbot.waitUntil(lambda: not page.conflicts_button.isEnabled(), timeout=20000)
    runner.wait_for_done()


def room_case_numbers(room):
    from mediation_desktop.core.model import CaseFilter
    from mediation_desktop.storage.queries import list_summaries

    with room.db.read() as conn:
        return [r.case_no for r in list_summaries(conn, CaseFilter())]


def test_enrolment_through_the_page_needs_the_fingerprint_read_aloud(qtbot, tmp_path):
    from sync_helpers import make_node

    from mediation_desktop.sync.keys import fingerprint
    from mediation_desktop.sync.trust import node_keys, peers

    room = make_node(tmp_path / "room", "room", "和平区劳动人事争议调解中心", "HP")
    sup = make_node(tmp_path / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    runner = TaskRunner()
    room_page, sup_page = SyncPage(_ctx(room, runner, tmp_path)), SyncPage(_ctx(sup, runner, tmp_path))
    qtbot.addWidget(room_page)
    qtbot.addWidget(sup_page)
    card = tmp_path / "room.mdcard"
    room_page.write_card(card)
    qtbot.waitUntil(lambda: "已保存本机身份卡" in room_page.message.text(), timeout=20000)
    spoken = fingerprint(node_keys(room))
    assert spoken.split()[0] in room_page.message.text()

    sup_page.enrol_from(card)
    dialog = sup_page.enrol_dialog
    dialog.fingerprint.setText("0000 0000 0000 0000 0000 0000 0000 0000")
    dialog.enrol()
    qtbot.waitUntil(lambda: "指纹" in dialog.error.text(), timeout=20000)
    assert peers(sup) == []
    dialog.fingerprint.setText(spoken.replace(" ", "-"))
    dialog.enrol()
    qtbot.waitUntil(lambda: "已登记" in sup_page.message.text(), timeout=20000)
    assert [p["org_code"] for p in peers(sup)] == ["HP"]
    bogus = tmp_path / "bogus.mdcard"
    bogus.write_text("不是名片", encoding="utf-8")
    sup_page.enrol_from(bogus)
    assert "名片" in sup_page.message.text()
    runner.wait_for_done()
