"""A mediator's day through the widgets: first start, register (with a mistake), desk, accept,
record a session, agree, close; plus unsaved-changes protection and the crash dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from mediation_desktop.core import clock
from mediation_desktop.core.validation import id_check_char, uscc_check_char
from mediation_desktop.gui import crash, messages
from mediation_desktop.gui.setup_dialog import SetupDialog

ID17 = "12010119900307123"
GOOD_ID = ID17 + id_check_char(ID17)
BAD_ID = ID17 + ("0" if id_check_char(ID17) != "0" else "1")
USCC17 = "91120101MA05XK1Y0"
GOOD_USCC = USCC17 + uscc_check_char(USCC17)


def _fill_setup(dialog: SetupDialog) -> int:
    dialog.org_name.setText("和平区劳动人事争议调解中心")
    dialog.org_code.setText("津和平")
    dialog.org_address.setText("天津市河西区友谊路35号")
    dialog.org_phone.setText("022-28000000")
    dialog.user.setText("王调解")
    dialog.password.setText("correct-horse")
    dialog.again.setText("correct-horse")
    dialog._check()
    return dialog.result()


def _accepting(fill):
    def hook(dialog: QDialog) -> None:
        fill(dialog)
        dialog._accept()
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    return hook


def test_first_start_register_and_work_a_case_to_closure(make_window, qtbot, monkeypatch, wait_idle):
    monkeypatch.setattr(SetupDialog, "exec", _fill_setup)
    window = make_window(org=None)   # opens, runs the setup dialog, initialises
    wait_idle(window)
    assert "和平区劳动人事争议调解中心" in window.windowTitle()
    assert window.ctx.backend.user == "王调解"

    # Register a walk-in dispute with a wrong ID check digit: refused inline, nothing saved.
    window.show_page(2)
    page = window.register
    row = page.applicant_rows[0]
    row.name.setText("张三")
    row.id_number.setText(BAD_ID)
    page.resp_name.setText("天津鑫达建筑工程有限公司")
    page.resp_uscc.setText(GOOD_USCC)
    claim = page.claim_rows[0]
    claim.description.setText("支付拖欠工资")
    claim.amount.setText("12000")
    assert "壹万贰仟元整" in claim.amount.words.text()
    claim.dispute_type.setCurrentIndex(claim.dispute_type.findData("wages"))   # the case's type comes from it
    page.save()
    wait_idle(window)
    assert row.errors["id_number"].isVisibleTo(page)
    assert "校验位" in row.errors["id_number"].text()
    assert row.name.text() == "张三" and page.dirty   # the form keeps what was typed, to be corrected
    from mediation_desktop.services.case_list import CaseListService, ListFilter

    assert CaseListService(window.ctx.backend).count(ListFilter()) == 0

    # Fixed: saved, the detail page opens on the new case.
    row.id_number.setText(GOOD_ID)
    page.save()
    wait_idle(window)
    assert page.applicant_rows[0].name.text() == "" and not page.dirty   # a fresh form for the next visitor
    assert any("登记成功" in title for title, _ in messages.shown)
    assert window.stack.currentWidget() is window.detail
    detail = window.detail
    assert detail.title.text().startswith("津和平劳调")
    assert set(detail.action_buttons) >= {"accept", "not_accept"}
    assert "record_session" not in detail.action_buttons
    assert detail.stage_chip.text() == "待受理"

    # The desk lists it as a new registration and as due for acceptance; an item opens the case.
    window.show_page(0)
    wait_idle(window)
    items = window.desk.items()
    assert any(i.text(0) == detail.title.text() for i in items)
    assert any("受理期限" in i.text(2) for i in items)
    window.desk._activated(items[0], 0)
    wait_idle(window)
    assert window.stack.currentWidget() is detail

    today = clock.today()
    detail.run_action("accept", _accepting(lambda d: d.mediator.setText("刘建华")))
    wait_idle(window)
    assert detail.stage_chip.text() == "调解中"
    assert "record_session" in detail.action_buttons

    def session(d):
        d.attendees.setText("申请人张三，被申请人委托代理人李四")
        d.notes.setPlainText("双方同意分两期支付")
    detail.run_action("record_session", _accepting(session))
    wait_idle(window)
    assert detail.sessions.rowCount() == 1
    assert detail.sessions.item(0, 3).text().startswith("申请人张三")

    detail.run_action("agree", _accepting(lambda d: None))
    wait_idle(window)
    assert detail.stage_chip.text() == "待结案·达成协议"
    assert detail.agreement_items.rowCount() == 1
    assert "¥12,000.00" in detail.agreement_items.item(0, 3).text()

    def close(d):
        assert d.unpaid                 # the agreed ¥12,000 is still owed: closing asks to be told so
        d.acknowledge.setChecked(True)
    detail.run_action("close", _accepting(close))
    wait_idle(window)
    assert detail.stage_chip.text() == "已结案·达成协议"
    assert list(detail.action_buttons) == ["reopen"]
    actions = [detail.audit.item(r, 2).text() for r in range(detail.audit.rowCount())]
    assert actions[0] == "登记" and "受理" in actions and actions[-1] == "结案"
    assert today.isoformat() in detail.audit.item(0, 0).text()


def test_duplicate_is_pointed_out_and_can_be_declined(make_window, qtbot, monkeypatch, wait_idle):
    window = make_window()
    page = window.register
    asked = []
    monkeypatch.setattr(messages, "ask", lambda *a, **k: asked.append(a[2]) or False)

    def fill():
        page.applicant_rows[0].name.setText("李四")
        page.resp_name.setText("天津恒通物流有限公司")
        claim = page.claim_rows[0]
        claim.description.setText("支付拖欠工资")
        claim.dispute_type.setCurrentIndex(claim.dispute_type.findData("wages"))

    fill()
    page.save()
    wait_idle(window)
    fill()
    page.save()
    wait_idle(window)
    assert asked and "在办案件" in asked[0]
    assert "可能重复" in page.summary.text()
    from mediation_desktop.services.case_list import CaseListService, ListFilter

    assert CaseListService(window.ctx.backend).count(ListFilter()) == 1


def test_closing_with_unsaved_registration_asks_first(make_window, qtbot, monkeypatch, data_dir, wait_idle):
    window = make_window()
    window.show_page(2)
    window.register.applicant_rows[0].name.setText("王五")
    assert window.register.dirty
    monkeypatch.setattr(messages, "ask", lambda *a, **k: False)
    window.close()
    assert window.isVisible()
    monkeypatch.setattr(messages, "ask", lambda *a, **k: True)
    window.close()
    assert not window.isVisible()
    settings = QSettings(str(data_dir / "gui.ini"), QSettings.Format.IniFormat)
    assert settings.value("window/page", type=int) == 2


@pytest.mark.expect_log(r"unexpected error in a background task")
def test_unexpected_error_in_a_task_opens_the_crash_dialog_and_the_window_keeps_working(make_window, qtbot, wait_idle):
    window = make_window()

    def boom():
        raise RuntimeError("磁盘出错")

    window.ctx.runner.run(boom, parent=window)
    wait_idle(window)
    assert crash.crashes and "RuntimeError" in crash.crashes[0]
    results = []
    window.ctx.runner.run(lambda: 41 + 1, results.append)
    wait_idle(window)
    assert results == [42]
    dialog = crash.CrashDialog(window, "RuntimeError: 磁盘出错", "Traceback …", str(window.paths.log_file))
    qtbot.addWidget(dialog)
    assert str(window.paths.log_file) in dialog.findChild(type(window.status)).text()


def test_user_error_in_a_task_becomes_a_chinese_message(make_window, qtbot, wait_idle):
    from mediation_desktop.core.errors import UserError

    window = make_window()

    def refuse():
        raise UserError("E_LEDGER_HEADER", "台账缺少“申请人”列")

    window.ctx.runner.run(refuse, parent=window)
    wait_idle(window)
    assert messages.shown[-1][0] == "操作未完成"
    assert "台账缺少“申请人”列" in messages.shown[-1][1]
    assert "重新导入" in messages.shown[-1][1]   # the next step
    assert not crash.crashes
