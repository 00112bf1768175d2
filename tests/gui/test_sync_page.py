"""The sync page on two real nodes: export says when the stick is safe, import shows the dry run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))

from sync_helpers import make_pair  # noqa: E402

from mediation_desktop.gui.sync.page import SyncPage, spoken_groups  # noqa: E402
from mediation_desktop.gui.tasks import TaskRunner  # noqa: E402


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch):
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)


def test_export_then_supervisor_sees_the_room(qtbot, tmp_path):
    room, sup = make_pair(tmp_path, cases=3)
    runner = TaskRunner()
    page = SyncPage(room, runner)
    qtbot.addWidget(page)
    page.export_to(tmp_path / "stick")
    qtbot.waitUntil(lambda: "安全拔出" in page.message.text(), timeout=20000)
    qtbot.waitUntil(lambda: runner.idle, timeout=20000)
    assert "    " in page.fingerprint.text()
    package = next((tmp_path / "stick").glob("*.mdpkg"))

    sup_page = SyncPage(sup, runner)
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
