"""The desk is read on the task runner while the sign-in dialog is open, and shown the moment the
password is checked: the very lists read then, equal to a fresh read. A change written by another
program while the dialog was open makes the desk read afresh instead."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog

from mediation_desktop.core.model import Applicant, Case, Claim, Respondent
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.case_list import CaseListService
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.session_schedule import session_desk

TEST_USER, TEST_PASSWORD = "测试员", "correct-horse"   # the account tests/gui/conftest.py signs in with


def _walk_in(name: str) -> Case:
    return Case(org_id="", received_on=date(2026, 2, 13), applicants=[Applicant(name)],
                respondent=Respondent("天津鑫达建筑工程有限公司", uscc="91350100M000100Y43"), dispute_types=["wages"],
                claims=[Claim("支付拖欠工资", 1640902, "wages")], facts="申请人在被申请人处从事焊工工作，被申请人拖欠工资三个月。")


def _signing_in(qtbot, window_of, meanwhile=None):
    """Answer the sign-in once the desk has been read behind the dialog (``meanwhile`` runs then,
    as another program's write would); returns what the runner read."""
    read: dict = {}

    def answer(dialog) -> bool:
        window = window_of()
        page = window.desk
        assert page.prefetched is not None and page.desk is None   # read during sign-in, not shown yet
        qtbot.waitUntil(lambda: window.ctx.runner.idle, timeout=15000)
        read["lists"] = page.prefetched.result
        assert read["lists"] is not None
        if meanwhile is not None:
            meanwhile(window)
        dialog.name.setText(TEST_USER)
        dialog.password.setText(TEST_PASSWORD)
        dialog.try_sign_in()
        return dialog.result() == QDialog.DialogCode.Accepted
    return answer, read


def _window(make_window, dialog_answers, qtbot, meanwhile=None):
    first = make_window()            # the folder, its keys and account; then a case on the desk
    paths = first.paths
    first.close()
    backend = Backend(paths, TEST_USER)
    try:
        CaseService(backend).register(_walk_in("钱登记"))
    finally:
        backend.close()
    holder: dict = {}
    from mediation_desktop.gui import main_window

    original = main_window.MainWindow.start

    def start(self):
        holder["window"] = self
        original(self)

    answer, read = _signing_in(qtbot, lambda: holder["window"], meanwhile)
    dialog_answers["SignInDialog"] = answer
    main_window.MainWindow.start = start
    try:
        window = make_window()
    finally:
        main_window.MainWindow.start = original
    return window, read


def test_the_desk_shown_after_sign_in_is_the_one_read_during_it_and_equals_a_fresh_read(
        make_window, dialog_answers, qtbot):
    window, read = _window(make_window, dialog_answers, qtbot)
    page = window.desk
    desk, sessions = read["lists"]
    assert page.desk is desk and page.sessions is sessions       # no second read
    assert page.prefetched is None                                 # used once
    backend = window.ctx.backend
    today = window.ctx.today()
    assert (desk, sessions) == (CaseListService(backend).desk(today), session_desk(backend, today))
    assert any("钱登记" in i.title for i in desk.new_registrations)


def test_a_change_written_while_the_dialog_is_open_is_on_the_desk(make_window, dialog_answers, qtbot):
    def another_program_registers(window):
        other = Backend(window.paths, "王调解")
        try:
            CaseService(other).register(_walk_in("赵预取"))
        finally:
            other.close()

    window, read = _window(make_window, dialog_answers, qtbot, another_program_registers)
    page = window.desk
    qtbot.waitUntil(lambda: page.desk is not None, timeout=15000)
    assert page.desk is not read["lists"][0]
    assert not any("赵预取" in i.title for i in read["lists"][0].new_registrations)
    assert any("赵预取" in i.title for i in page.desk.new_registrations)
    backend = window.ctx.backend
    assert page.desk == CaseListService(backend).desk(window.ctx.today())
