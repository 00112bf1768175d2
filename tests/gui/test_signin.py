"""The password is checked on a thread of its own: the dialog stays responsive and says 正在验证…
meanwhile, and cannot be left or pressed twice. A refused password drops the desk read behind the
dialog, so the desk shown after a later sign-in is a fresh read."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from mediation_desktop.services import accounts
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.case_list import CaseListService

TEST_USER, TEST_PASSWORD = "测试员", "correct-horse"   # the account tests/gui/conftest.py signs in with


def test_the_password_is_checked_off_the_gui_thread_while_the_dialog_answers(data_dir, qapp, qtbot, monkeypatch):
    from mediation_desktop.gui.auth.signin import CHECKING, SignInDialog

    backend = Backend.open(data_dir, "setup", must_exist=False)
    backend.initialise("和平区劳动人事争议调解中心", "津和平")
    accounts.create_first_user(backend, TEST_USER, TEST_PASSWORD)
    backend.role = ""
    release, checked_on = threading.Event(), []
    real = accounts.sign_in

    def held(backend, name, password):
        checked_on.append(threading.current_thread())
        assert release.wait(10)
        return real(backend, name, password)

    monkeypatch.setattr(accounts, "sign_in", held)
    dialog = SignInDialog(backend)
    qtbot.addWidget(dialog)
    dialog.name.setText(TEST_USER)
    dialog.password.setText(TEST_PASSWORD)
    dialog.ui.buttons.accepted.emit()                       # 登录 pressed
    assert dialog.checking and dialog.error.text() == CHECKING
    assert not dialog.ui.buttons.isEnabled() and dialog.password.isReadOnly()
    ticked: list[int] = []
    QTimer.singleShot(0, lambda: ticked.append(1))
    qtbot.waitUntil(lambda: bool(ticked), timeout=2000)    # the GUI thread runs its events meanwhile
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    dialog.reject()                                         # nobody leaves mid-check
    dialog.check()                                          # nor starts a second one
    assert closed == [] and len(checked_on) == 1
    assert checked_on[0] is not threading.main_thread()
    release.set()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)
    assert dialog.account.name == TEST_USER and backend.role == "head+admin"
    assert not dialog.checking and dialog.error.text() == ""
    assert dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    backend.close()


def test_a_refused_password_drops_the_desk_read_behind_the_dialog(make_window, dialog_answers, qtbot):
    first = make_window()                 # the folder, its keys and the test account
    paths = first.paths
    first.close()
    seen: dict = {}

    def wrong_then_right(dialog) -> bool:
        window = dialog.parent()
        qtbot.waitUntil(lambda: window.ctx.runner.idle, timeout=15000)
        seen["read"] = window.desk.prefetched
        assert seen["read"] is not None and seen["read"].result is not None   # read behind the dialog
        dialog.name.setText(TEST_USER)
        dialog.password.setText("wrong-password")
        dialog.try_sign_in()
        assert dialog.account is None and "不正确" in dialog.error.text()
        assert window.desk.prefetched is None and window.desk.desk is None   # dropped, nothing shown
        assert window.ctx.backend is None
        dialog.password.setText(TEST_PASSWORD)
        dialog.try_sign_in()
        return dialog.result() == QDialog.DialogCode.Accepted

    dialog_answers["SignInDialog"] = wrong_then_right
    window = make_window()
    assert window.paths == paths
    qtbot.waitUntil(lambda: window.desk.desk is not None, timeout=15000)
    assert window.desk.desk is not seen["read"].result[0]           # a fresh read after the sign-in
    assert window.desk.desk == CaseListService(window.ctx.backend).desk(window.ctx.today())


def test_the_first_account_is_made_off_the_gui_thread(data_dir, qapp, qtbot, monkeypatch):
    from mediation_desktop.gui.auth.signin import CHECKING, FirstUserDialog

    backend = Backend.open(data_dir, "setup", must_exist=False)
    backend.initialise("和平区劳动人事争议调解中心", "津和平")
    release, made_on = threading.Event(), []
    real = accounts.create_first_user

    def held(*args):
        made_on.append(threading.current_thread())
        assert release.wait(10)
        return real(*args)

    monkeypatch.setattr(accounts, "create_first_user", held)
    dialog = FirstUserDialog(backend)
    qtbot.addWidget(dialog)
    dialog.name.setText(TEST_USER)
    dialog.password.setText(TEST_PASSWORD)
    dialog.again.setText(TEST_PASSWORD)
    dialog.ui.buttons.accepted.emit()                       # 创建 pressed
    qtbot.waitUntil(lambda: bool(made_on), timeout=5000)
    assert dialog.error.text() == CHECKING and not dialog.ui.buttons.isEnabled()
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    dialog.reject()                                         # the outcome decides, not a cancel
    assert closed == []
    assert made_on[0] is not threading.main_thread()
    release.set()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)
    assert dialog.account.name == TEST_USER and backend.role == "head+admin"
    assert [a.name for a in accounts.list_users(backend)] == [TEST_USER]
    backend.close()
