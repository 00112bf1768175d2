"""Sign-in, idle lock, user management, the audit viewer, the backup page and recovery."""

from __future__ import annotations

import pytest

from mediation_desktop.core.errors import UserError
from mediation_desktop.gui import messages
from mediation_desktop.paths import DataPaths
from mediation_desktop.services import accounts
from mediation_desktop.services.backend import Backend


@pytest.fixture
def backend(data_dir, qapp):
    from mediation_desktop.gui.application import make_app

    make_app()
    b = Backend.open(data_dir, "setup", must_exist=False)
    b.initialise("和平区劳动人事争议调解中心", "津和平")
    yield b
    b.close()


def test_first_user_then_sign_in_and_wrong_password(backend, qtbot):
    from mediation_desktop.gui.auth.signin import FirstUserDialog, SignInDialog

    first = FirstUserDialog(backend)
    qtbot.addWidget(first)
    first.name.setText("wang")
    first.display.setText("王主任")
    first.password.setText("correct-horse")
    first.again.setText("correct-hors")
    first.create()
    assert first.account is None and "不一致" in first.error.text()
    first.again.setText("correct-horse")
    first.create()
    assert first.account.role == "head+admin" and backend.role == "head+admin"

    backend.role = ""
    dialog = SignInDialog(backend)
    qtbot.addWidget(dialog)
    dialog.name.setText("wang")
    dialog.password.setText("wrong-password")
    dialog.try_sign_in()
    assert dialog.account is None and "不正确" in dialog.error.text() and dialog.password.text() == ""
    dialog.password.setText("correct-horse")
    dialog.try_sign_in()
    assert dialog.account.name == "wang" and backend.role == "head+admin"


def test_idle_lock_hides_the_window_until_the_password_is_given(backend, qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel, QMainWindow

    from mediation_desktop.gui.auth.idle import IdleLock

    window = QMainWindow()
    window.setCentralWidget(QLabel("身份证号 110105194912310021"))
    qtbot.addWidget(window)
    window.show()
    answers = []
    lock = IdleLock(_ctx(backend, qtbot, tmp_path), window, minutes=0.001,
                    ask_password=lambda: answers.append("asked") or False)
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
    assert not window.centralWidget().isVisible() and answers == ["asked"]
    lock.unlock()
    assert window.centralWidget().isVisible() and not lock.is_locked
    lock.stop()


def _ctx(backend, qtbot, tmp_path):  # pages take the app context, not a bare back end
    from PySide6.QtCore import QSettings

    from mediation_desktop.gui.context import AppContext
    from mediation_desktop.gui.tasks import TaskRunner

    ctx = AppContext(TaskRunner(), QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat))
    ctx.backend = backend
    ctx.settle = lambda: qtbot.waitUntil(lambda: ctx.runner.idle, timeout=15000)
    return ctx


def test_users_page_adds_and_disables(backend, qtbot, tmp_path):
    from PySide6.QtWidgets import QDialog

    from mediation_desktop.gui.admin.users_page import AddUserDialog, UsersPage

    accounts.create_first_user(backend, "wang", "correct-horse", role="admin")
    backend.role = "admin"
    ctx = _ctx(backend, qtbot, tmp_path)
    page = UsersPage(ctx)
    qtbot.addWidget(page)
    ctx.settle()
    dialog = AddUserDialog(page)
    dialog.name.setText("li")
    dialog.display.setText("李调解员")
    dialog.password.setText("mediator-pass")
    dialog.role.setCurrentIndex(0)
    dialog.setResult(QDialog.DialogCode.Accepted)
    page.add(dialog)
    ctx.settle()
    names = [page.table.item(i, 0).text() for i in range(page.table.rowCount())]
    assert names == ["li", "wang"] and page.table.item(0, 2).text() == "调解员"
    page.table.selectRow(0)
    page.set_active(False)
    ctx.settle()
    assert page.table.item(0, 3).text() == "已停用"
    page.table.selectRow(1)
    page.set_active(False)  # the last administrator stays
    ctx.settle()
    assert messages.shown and "管理员" in messages.shown[-1][1]


def test_audit_viewer_filters_and_pages(backend, qtbot, qtmodeltester, tmp_path):
    from mediation_desktop.gui.admin import audit_page
    from mediation_desktop.services.audit_events import record_event

    for i in range(5):
        record_event(backend, "export", None, None, {"file": f"r{i}.xlsx"})
    backend.user = "li"
    record_event(backend, "document", "case", "c1", {"kind": "agreement"})
    ctx = _ctx(backend, qtbot, tmp_path)
    page = audit_page.AuditPage(ctx)
    qtbot.addWidget(page)
    ctx.settle()
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 7 and "完整" in page.chain.text()
    page.user.setCurrentIndex(page.user.findData("li"))
    page.search()
    ctx.settle()
    assert [e.action for e in page.model.entries] == ["document"]
    page.user.setCurrentIndex(0)
    audit_page.PAGE = 3
    try:
        page.search()
        ctx.settle()
        page.more()
        ctx.settle()
        assert page.model.rowCount() == 6
    finally:
        audit_page.PAGE = 200


def test_backup_page_backs_up_checks_and_restores(backend, qtbot, monkeypatch, data_dir, tmp_path):
    from mediation_desktop.gui.admin.backup_page import BackupPage
    from mediation_desktop.services.audit_events import record_event

    reopened = []
    ctx = _ctx(backend, qtbot, tmp_path)
    page = BackupPage(ctx, restored=lambda: reopened.append(True))
    qtbot.addWidget(page)
    ctx.settle()
    assert page.table.rowCount() == 0
    backend.role = "mediator"
    page.backup_now()            # the service refuses, the page says so
    ctx.settle()
    assert "无权备份数据" in messages.shown[-1][1] and not list(backend.paths.backups.glob("*"))
    backend.role = None
    page.backup_now()
    ctx.settle()
    assert page.table.rowCount() == 1 and messages.shown[-1][0] == "备份"
    page.check()
    ctx.settle()
    assert "检查通过" in messages.shown[-1][1]
    record_event(backend, "export", None, None, {"file": "after.xlsx"})
    monkeypatch.setattr(messages, "ask", lambda *a, **k: True)
    page.table.selectRow(0)
    backend.role = "mediator"
    page.restore_selected()
    assert "无权" in messages.shown[-1][1] and not reopened
    backend.role = None
    page.restore_selected()
    ctx.settle()
    assert reopened == [True]
    assert list(data_dir.glob("mediation.sqlite3.replaced-*"))


@pytest.mark.expect_log(r"failed quick_check|damaged database replaced")
def test_recovery_dialog_restores_the_newest_good_backup(backend, qtbot, data_dir):
    from mediation_desktop.gui.admin.recovery import RecoveryDialog
    from mediation_desktop.services.integrity import startup_check

    good = backend.backup_before("manual")
    backend.close()
    paths = DataPaths.resolve(data_dir)
    with open(paths.database, "r+b") as fh:
        fh.seek(4096)
        fh.write(b"\xff" * 8192)
    with pytest.raises(UserError) as info:
        startup_check(paths)
    dialog = RecoveryDialog(paths, info.value.message)
    qtbot.addWidget(dialog)
    assert dialog.good == good
    dialog.recover()
    assert dialog.used == good
    startup_check(paths)
    assert list(data_dir.glob("mediation.sqlite3.damaged-*"))


def test_a_second_window_on_the_same_folder_is_refused(data_dir):
    from mediation_desktop.services.instance import claim_data_folder

    paths = DataPaths.resolve(data_dir)
    first = claim_data_folder(paths)
    try:
        with pytest.raises(UserError) as info:
            claim_data_folder(paths, retries=1)
        assert info.value.code == "E_ALREADY_RUNNING" and str(paths.root) in info.value.message
    finally:
        first.release()
    claim_data_folder(paths).release()
