"""The main window with every part wired in: one window per folder, the start-up check and
recovery, sign-in and roles, the 管理 pages, the organisation settings, full personal data on
request, and the background timers (hourly backup, shared-folder sync)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from mediation_desktop.core.validation import id_check_char
from mediation_desktop.gui import messages
from mediation_desktop.paths import DataPaths
from mediation_desktop.services import accounts
from mediation_desktop.services.backend import Backend
from mediation_desktop.sync.trust import create_keys

TEST_USER, TEST_PASSWORD = "测试员", "correct-horse"   # the account tests/gui/conftest.py signs in with

ID17 = "11010519491231002"
FULL_ID = ID17 + id_check_char(ID17)
PHONE = "13812345678"


def _prepared(data_dir: Path, cases: int = 0, users: tuple[tuple[str, str], ...] = ()) -> DataPaths:
    """A folder set up the way the command line would: organisation, the test account, more users."""
    paths = DataPaths.resolve(data_dir)
    backend = Backend(paths, TEST_USER)
    backend.migrate()
    backend.initialise("和平区劳动人事争议调解中心", "津和平")
    create_keys(backend)
    accounts.create_first_user(backend, TEST_USER, TEST_PASSWORD)
    for name, role in users:
        accounts.add_user(backend, name, TEST_PASSWORD, role)
    if cases:
        from mediation_desktop.services.demo import fill_demo

        fill_demo(backend, cases)
    backend.close()
    return paths


def _signing_in_as(name: str, seen: list | None = None):
    def answer(dialog) -> bool:
        if seen is not None:
            seen.append((dialog.backend.role, dialog.parent().ctx.backend))
        dialog.name.setText(name)
        dialog.password.setText(TEST_PASSWORD)
        dialog.try_sign_in()
        return dialog.result() == QDialog.DialogCode.Accepted
    return answer


# -- one window per data folder --------------------------------------------------------------------
def test_a_second_window_on_the_same_folder_is_refused_in_chinese_and_closes(make_window, qtbot, data_dir):
    from mediation_desktop.gui.application import claim_or_explain
    from mediation_desktop.gui.main_window import MainWindow

    first = make_window()
    second = MainWindow(DataPaths.resolve(data_dir), "另一人")
    qtbot.addWidget(second)
    second.show()
    with qtbot.waitSignal(second.refused, timeout=5000) as refused:
        second.start()
    assert "同一数据目录同时只能打开一个窗口" in refused.args[0]
    assert not second.isVisible() and second.ctx.backend is None
    assert any("已经打开" in title for title, _ in messages.shown)
    assert claim_or_explain(DataPaths.resolve(data_dir)) is None   # a second process exits before any window
    assert first.ctx.backend is not None and first.lock.held      # the first window keeps working
    first.close()
    lock = claim_or_explain(DataPaths.resolve(data_dir))            # released with the window
    assert lock is not None
    lock.release()


# -- start-up check and recovery ------------------------------------------------------------------
def _damage(paths: DataPaths) -> None:
    with open(paths.database, "r+b") as fh:
        fh.seek(2 * 4096)
        fh.write(b"\xde\xad\xbe\xef" * 3072)


@pytest.mark.expect_log(r"failed quick_check|damaged database replaced")
def test_a_damaged_database_offers_the_newest_good_backup_and_then_opens(make_window, data_dir, dialog_answers, qtbot):
    from mediation_desktop.storage.backup import integrity_problems

    paths = _prepared(data_dir, cases=40)
    backend = Backend(paths, TEST_USER)
    good = backend.backup_before("manual")
    backend.db.dispose()
    _damage(paths)
    assert integrity_problems(paths.database)
    offered = []

    def recover(dialog) -> bool:
        offered.append(dialog.good)
        dialog.recover()
        return dialog.result() == QDialog.DialogCode.Accepted

    dialog_answers["RecoveryDialog"] = recover
    window = make_window()          # waits for `ready`: recovered, reopened, signed in
    assert offered == [good]
    assert any(title == "已恢复" for title, _ in messages.shown)
    assert not integrity_problems(paths.database)
    assert any("damaged" in p.name for p in paths.database.parent.iterdir())   # kept, never deleted
    from mediation_desktop.services.case_list import CaseListService, ListFilter

    assert CaseListService(window.ctx.backend).count(ListFilter()) == 40


@pytest.mark.expect_log(r"failed quick_check|damaged database replaced")
def test_declining_recovery_closes_the_window_without_touching_the_file(make_window, data_dir, dialog_answers, wait_idle):
    paths = _prepared(data_dir, cases=40)
    _damage(paths)
    before = paths.database.read_bytes()
    dialog_answers["RecoveryDialog"] = lambda dialog: False
    window = make_window(wait=False)
    wait_idle(window)
    assert not window.isVisible() and window.ctx.backend is None
    assert paths.database.read_bytes() == before


# -- sign-in and roles ----------------------------------------------------------------------------
# The permission each menu entry needs, as the services check it when the entry is used: the menus
# must show exactly the entries services.permissions lets the role use, nothing it would refuse.
MENU_NEEDS = {
    "sync": ("data.export", "sync.import"), "sync_folder": ("data.export", "sync.import"),
    "users": ("users.manage",), "audit": ("audit.read",), "backup": ("backup.create", "backup.restore"),
    "templates": ("template.decide",), "programme": ("case.read",), "organisation": ("org.settings",),
}


def _menu_entries_for(role: str) -> set[str]:
    from mediation_desktop.services.permissions import allowed_any

    return {key for key, needs in MENU_NEEDS.items() if allowed_any(role, needs)} | {"lock"}


def test_nobody_acts_before_signing_in_and_the_menus_follow_the_role(make_window, data_dir, dialog_answers):
    _prepared(data_dir, users=(("li", "mediator"),))
    seen: list = []
    dialog_answers["SignInDialog"] = _signing_in_as("li", seen)
    window = make_window()
    assert seen == [("", None)]          # role empty, pages without a back end while the dialog is up
    backend = window.ctx.backend
    assert backend.user == "li" and backend.role == "mediator"
    assert window.idle_lock is not None and window.idle_lock.timer.isActive()
    visible = {key for key, action in window.menu_actions.items() if action.isVisible()}
    assert visible == {"lock", "programme"}   # a mediator manages nothing; keeps the 队伍与工作 registers
    assert visible == _menu_entries_for("mediator")
    assert window.show_tool_page("users") is None and window.edit_organisation() is None
    assert "调解员" in window.status.text()


def test_the_head_and_administrator_reaches_every_management_page(make_window, qtbot, monkeypatch, wait_idle):
    window = make_window()
    assert window.ctx.backend.role == "head+admin"
    visible = {key for key, action in window.menu_actions.items() if action.isVisible()}
    assert set(window.menu_actions) == set(MENU_NEEDS) | {"lock"}   # a new entry says what it needs
    assert visible == _menu_entries_for("head+admin")
    assert {"users", "templates", "organisation", "backup"} <= visible   # the two roles' entries together

    window.menu_actions["users"].trigger()
    wait_idle(window)
    users = window.tool_pages["users"]
    assert window.stack.currentWidget() is users
    assert [users.table.item(r, 0).text() for r in range(users.table.rowCount())] == [TEST_USER]

    window.menu_actions["audit"].trigger()
    wait_idle(window)
    audit = window.tool_pages["audit"]
    assert any(e.action == "sign_in" and e.user == TEST_USER for e in audit.model.entries)

    window.menu_actions["sync"].trigger()
    wait_idle(window)
    assert "本机指纹" in window.tool_pages["sync"].fingerprint.text()

    window.menu_actions["backup"].trigger()
    wait_idle(window)
    backup = window.tool_pages["backup"]
    backup.backup_now()
    wait_idle(window)
    assert backup.table.rowCount() >= 1 and backup.files[0].path.exists() and backup.files[0].reason == "manual"

    window.go_back()
    assert window.stack.currentIndex() < 4


def test_restoring_a_backup_reopens_the_database_and_asks_to_sign_in_again(make_window, qtbot, monkeypatch,
                                                                          dialog_answers, wait_idle):
    from mediation_desktop.services.cases import CaseService

    window = make_window()
    window.menu_actions["backup"].trigger()
    backup = window.tool_pages["backup"]
    backup.backup_now()
    wait_idle(window)
    CaseService(window.ctx.backend).register(_walk_in())     # a change the restore takes back
    backup.reload()
    wait_idle(window)
    monkeypatch.setattr(messages, "ask", lambda *a, **k: True)
    old_backend = window.ctx.backend
    manual = next(i for i, b in enumerate(backup.files) if b.reason == "manual")
    backup.table.selectRow(manual)
    with qtbot.waitSignal(window.ready, timeout=15000):
        backup.restore_selected()
    wait_idle(window)
    assert window.ctx.backend is not old_backend and window.ctx.backend.role == "head+admin"
    assert dialog_answers["_asked"].count("SignInDialog") == 2
    from mediation_desktop.services.case_list import CaseListService, ListFilter

    assert CaseListService(window.ctx.backend).count(ListFilter()) == 0
    assert window.tool_pages == {}


# -- organisation settings ---------------------------------------------------------------------------
def test_organisation_settings_show_errors_beside_the_field_and_save(make_window, qtbot, dialog_answers):
    window = make_window()
    outcome = {}

    def fill(dialog) -> bool:
        dialog.edits["case_no_pattern"].setText("{org_code}第{seq}号")
        dialog.save()
        outcome["pattern_error"] = dialog.errors["case_no_pattern"].text()
        outcome["pattern_shown"] = dialog.errors["case_no_pattern"].isVisibleTo(dialog)
        dialog.edits["case_no_pattern"].setText("{org_code}劳调〔{year}〕{seq}号")
        dialog.edits["name"].setText("和平区劳动人事争议调解中心（新址）")
        dialog.edits["arbitration_name"].setText("天津市和平区劳动人事争议仲裁委员会")
        dialog.edits["arbitration_address"].setText("天津市和平区南京路100号")
        dialog.save()
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
        return True

    dialog_answers["OrganisationDialog"] = fill
    window.menu_actions["organisation"].trigger()
    assert "{year}" in outcome["pattern_error"] and outcome["pattern_shown"]
    backend = window.ctx.backend
    backend._node = None   # read back from the database, not the object the dialog edited
    org = backend.node.org
    assert org.arbitration_name == "天津市和平区劳动人事争议仲裁委员会"
    assert org.arbitration_address == "天津市和平区南京路100号"
    assert "（新址）" in window.windowTitle()


# -- personal data ----------------------------------------------------------------------------------
def _walk_in():  # a core.model.Case
    from mediation_desktop.core.clock import today
    from mediation_desktop.core.model import Applicant, Case, Claim, Respondent

    case = Case(org_id="", received_on=today(), applicants=[Applicant(name="张三", id_number=FULL_ID, phone=PHONE)],
                respondent=Respondent(name="天津鑫达建筑工程有限公司"),
                claims=[Claim(description="支付拖欠工资", amount_fen=1_200_000)], dispute_types=["wages"])
    return case


def test_full_id_numbers_are_shown_only_on_request_and_the_view_is_audited(make_window, qtbot, wait_idle):
    from mediation_desktop.services.audit_view import AuditFilter, query_audit
    from mediation_desktop.services.cases import CaseService

    window = make_window()
    case = CaseService(window.ctx.backend).register(_walk_in())
    window.open_case(case.id)
    wait_idle(window)
    detail = window.detail
    assert detail.applicants.item(0, 1).text() != FULL_ID and "*" in detail.applicants.item(0, 1).text()
    assert PHONE not in detail.applicants.item(0, 2).text()
    assert detail.reveal_button.isVisibleTo(detail)
    qtbot.mouseClick(detail.reveal_button, Qt.MouseButton.LeftButton)
    wait_idle(window)
    assert detail.applicants.item(0, 1).text() == FULL_ID and detail.applicants.item(0, 2).text() == PHONE
    assert not detail.reveal_button.isVisibleTo(detail)
    views = [e for e in query_audit(window.ctx.backend, AuditFilter(action="view_personal"), limit=10)]
    assert len(views) == 1 and views[0].user == TEST_USER and views[0].detail.get("case_no") == case.case_no

    detail.reload()                          # showing the case again masks the numbers again
    wait_idle(window)
    assert detail.applicants.item(0, 1).text() != FULL_ID
    window.ctx.backend.role = "admin"        # administrators keep the system running, not the cases
    detail.reload()
    wait_idle(window)
    assert not detail.reveal_button.isVisibleTo(detail)


# -- background work -------------------------------------------------------------------------------
def test_hourly_automatic_backup_timer_takes_a_backup_when_one_is_due(make_window, wait_idle):
    from mediation_desktop.services.backups import list_backups
    from mediation_desktop.services.cases import CaseService

    window = make_window()
    timer = window.background.backup_timer
    assert timer.isActive() and timer.interval() == 60 * 60 * 1000
    CaseService(window.ctx.backend).register(_walk_in())
    timer.timeout.emit()
    wait_idle(window)
    assert [b.reason for b in list_backups(window.paths.backups)].count("auto") == 1
    timer.timeout.emit()                     # at most once a day
    wait_idle(window)
    assert [b.reason for b in list_backups(window.paths.backups)].count("auto") == 1


def test_an_unreachable_or_unset_sync_folder_is_shown_in_the_status_bar(make_window, qtbot, tmp_path, wait_idle):
    window = make_window()
    wait_idle(window)
    assert "区人社最近收到数据：尚无" in window.sync_status.text() and "未设置" in window.sync_status.text()
    window.settings.setValue("sync/outbox", str(tmp_path / "gone" / "out"))
    window.settings.setValue("sync/inbox", str(tmp_path / "gone" / "in"))
    with qtbot.waitSignal(window.background.synced, timeout=5000):
        window.background.sync_now()
    wait_idle(window)
    assert "无法访问" in window.sync_status.text()
    assert window.background.sync_timer.isActive() and window.background.sync_timer.interval() == 5 * 60 * 1000


def test_sync_folder_dialog_stores_the_folders_in_gui_ini(make_window, dialog_answers, tmp_path):
    from PySide6.QtCore import QSettings

    window = make_window()

    def fill(dialog) -> bool:
        dialog.outbox.setText(str(tmp_path / "out"))
        dialog.inbox.setText(str(tmp_path / "in"))
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    dialog_answers["SyncFolderDialog"] = fill
    window.menu_actions["sync_folder"].trigger()
    stored = QSettings(str(window.paths.root / "gui.ini"), QSettings.Format.IniFormat)
    assert stored.value("sync/outbox") == str(tmp_path / "out") and stored.value("sync/inbox") == str(tmp_path / "in")


@pytest.fixture
def room_and_supervisor(tmp_path, monkeypatch):
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
    from sync_helpers import make_pair

    room, sup = make_pair(tmp_path, cases=3)
    accounts.create_first_user(room, TEST_USER, TEST_PASSWORD)
    room.close()
    yield room.paths, sup
    sup.close()


def test_the_room_window_writes_to_the_shared_folder_and_shows_when_the_district_received(
        room_and_supervisor, qtbot, tmp_path, dialog_answers, wait_idle):
    from mediation_desktop.gui.application import make_app
    from mediation_desktop.gui.main_window import MainWindow, gui_settings
    from mediation_desktop.sync.auto_folder import sync_with_folder

    room_paths, sup = room_and_supervisor
    share_up, share_down = tmp_path / "share" / "up", tmp_path / "share" / "down"
    share_up.mkdir(parents=True)
    share_down.mkdir(parents=True)
    settings = gui_settings(room_paths)
    settings.setValue("sync/outbox", str(share_up))
    settings.setValue("sync/inbox", str(share_down))
    settings.sync()
    make_app()
    window = MainWindow(room_paths, TEST_USER)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=15000):
        window.start()
    qtbot.waitUntil(lambda: window.background is not None and "可用" in window.sync_status.text(), timeout=20000)
    assert "发出 1 个包" in window.sync_status.text()
    assert len(list(share_up.glob("*.mdpkg"))) == 1

    # The district picks it up from the share and answers with an acknowledgement.
    from mediation_desktop.sync.export import export_packages

    report = sync_with_folder(sup, None, share_up)
    assert report.imported and report.imported[0]["status"] == "imported"
    assert export_packages(sup, share_down)
    with qtbot.waitSignal(window.background.synced, timeout=20000):
        window.background.sync_now()
    wait_idle(window)
    text = window.sync_status.text()
    assert "区人社最近收到数据：" in text and "尚无" not in text and "收到 1 个包" in text
    window.close()


def test_the_districts_remarks_show_on_the_case(make_window, wait_idle):
    from mediation_desktop.core.clock import now_iso
    from mediation_desktop.core.model import new_id
    from mediation_desktop.services.cases import CaseService
    from mediation_desktop.storage import sync_repo

    window = make_window()
    backend = window.ctx.backend
    case = CaseService(backend).register(_walk_in())
    window.open_case(case.id)
    wait_idle(window)
    assert not window.detail.remarks.isVisibleTo(window.detail)
    with backend.db.write() as conn:   # as a downstream package would store it
        sync_repo.upsert_remark(conn, {"id": new_id(), "case_id": case.id, "kind": "correction",
                                       "text": "收案日期有误，请更正", "author": "督导员",
                                       "origin_node": new_id(), "created_at": now_iso(), "answered_at": None})
    window.detail.reload()
    wait_idle(window)
    assert window.detail.remarks.isVisibleTo(window.detail)
    assert "区人社更正请求" in window.detail.remarks.text() and "收案日期有误" in window.detail.remarks.text()
