"""Messages that tell the truth: the sync page's progress line goes when the export fails, a dry run's
confirmation never says 已导入, and the add-user dialog keeps what was typed when it is refused."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))

from sync_helpers import make_pair

from mediation_desktop.gui import crash, messages
from mediation_desktop.gui.sync.page import SyncPage
from mediation_desktop.gui.tasks import TaskRunner
from mediation_desktop.services import accounts


def _ctx(backend, runner, tmp_path):
    from PySide6.QtCore import QSettings

    from mediation_desktop.gui.context import AppContext

    ctx = AppContext(runner, QSettings(str(tmp_path / f"{backend.node.org.code}.ini"), QSettings.Format.IniFormat))
    ctx.backend = backend
    return ctx


@pytest.fixture
def backend(data_dir, qapp):
    from mediation_desktop.gui.application import make_app
    from mediation_desktop.services.backend import Backend

    make_app()
    b = Backend.open(data_dir, "setup", must_exist=False)
    b.initialise("和平区劳动人事争议调解中心", "津和平")
    yield b
    b.close()


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch):
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)


def test_a_failed_export_clears_its_progress_line(qtbot, tmp_path):
    room, _sup = make_pair(tmp_path, cases=1)
    runner = TaskRunner()
    page = SyncPage(_ctx(room, runner, tmp_path))
    qtbot.addWidget(page)
    not_a_folder = tmp_path / "stick.txt"
    not_a_folder.write_text("一个文件，不是文件夹", encoding="utf-8")
    page.export_to(not_a_folder)
    assert page.message.text().startswith("正在写出同步包")
    qtbot.waitUntil(lambda: runner.idle, timeout=20000)
    assert "正在写出" not in page.message.text() and page.message.text() == "同步包没有写出。"
    assert messages.shown or crash.crashes   # the reason itself was shown
    runner.wait_for_done()


def test_a_dry_run_confirmation_says_what_would_happen(qtbot, tmp_path):
    room, _sup = make_pair(tmp_path, cases=1)
    page = SyncPage(_ctx(room, TaskRunner(), tmp_path))
    qtbot.addWidget(page)
    report = SimpleNamespace(file="/u/室.mdpkg", status="imported", created=3, updated=1, unchanged=0, conflicts=0,
                             reason="")
    dry = page.report_text([report], dry_run=True)
    assert "已导入" not in dry and dry == "室.mdpkg：可以导入；将新增 3，将更新 1，未变 0，冲突 0"
    assert page.report_text([report]).startswith("室.mdpkg：已导入；新增 3")
    page.runner.wait_for_done()


def test_the_add_user_dialog_keeps_what_was_typed_when_refused(backend, qtbot, tmp_path):
    from mediation_desktop.gui.admin.users_page import UsersPage

    accounts.create_first_user(backend, "wang", "correct-horse", role="admin")
    backend.role = "admin"
    runner = TaskRunner()
    ctx = _ctx(backend, runner, tmp_path)
    page = UsersPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: runner.idle, timeout=15000)
    dialog = page.add()
    assert dialog.isVisible()
    dialog.name.setText("li")
    dialog.display.setText("李调解员")
    dialog.role.setCurrentIndex(2)
    dialog.password.setText("short")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: runner.idle, timeout=15000)
    assert dialog.isVisible() and "密码至少需要" in dialog.error.text()
    assert (dialog.name.text(), dialog.display.text(), dialog.role.currentIndex(), dialog.password.text()) == \
        ("li", "李调解员", 2, "short")
    assert not messages.shown   # said in the dialog, not in a second box
    dialog.password.setText("mediator-pass")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: runner.idle, timeout=15000)
    assert not dialog.isVisible() and dialog.error.text() == ""
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=15000)
    assert sorted(page.table.item(i, 0).text() for i in range(2)) == ["li", "wang"]
    runner.wait_for_done()
