"""The start-up sequence (gui/startup.py) runs its states in the documented order, hands exactly one
back end to the window, and lets go of everything when the user walks away. The organisation menu
is shown to exactly the roles the organisation service accepts."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from mediation_desktop.gui.setup_dialog import SetupDialog
from mediation_desktop.gui.startup import StartupSequence
from mediation_desktop.paths import DataPaths
from mediation_desktop.services import accounts
from mediation_desktop.services.backend import Backend

TEST_USER, TEST_PASSWORD = "测试员", "correct-horse"   # the account tests/gui/conftest.py signs in with


@pytest.fixture
def states(monkeypatch):
    """Every state the sequence enters, in order."""
    entered: list[str] = []
    original = StartupSequence._enter

    def enter(self, state: str) -> None:
        entered.append(state)
        original(self, state)

    monkeypatch.setattr(StartupSequence, "_enter", enter)
    return entered


def _prepared(data_dir, users: tuple[tuple[str, str], ...] = ()) -> DataPaths:
    paths = DataPaths.resolve(data_dir)
    backend = Backend(paths, TEST_USER)
    backend.migrate()
    backend.initialise("和平区劳动人事争议调解中心", "津和平")
    accounts.create_first_user(backend, TEST_USER, TEST_PASSWORD)
    for name, role in users:
        accounts.add_user(backend, name, TEST_PASSWORD, role)
    backend.close()
    return paths


def _sign_in_as(name: str):
    def answer(dialog) -> bool:
        dialog.name.setText(name)
        dialog.password.setText(TEST_PASSWORD)
        dialog.try_sign_in()
        return dialog.result() == QDialog.DialogCode.Accepted
    return answer


def test_a_prepared_folder_goes_lock_check_sign_in_and_hands_over_one_back_end(make_window, data_dir, states):
    _prepared(data_dir)
    window = make_window()
    assert states == ["claim_folder", "open_database", "sign_in", "signed_in", "check_in_background"]
    assert window.startup.state == "check_in_background"   # quick_check runs while the desk is in use
    assert window.startup.backend is None                 # handed over: the window's ctx holds the only one
    assert window.ctx.backend is not None and window.ctx.backend.role == "head+admin"
    assert not hasattr(window, "_backend")
    assert window.lock is window.startup.lock is not None


def test_first_start_sets_up_the_organisation_its_keys_and_the_first_account(make_window, data_dir, states,
                                                                            monkeypatch, wait_idle):
    def fill(dialog: SetupDialog) -> int:
        dialog.org_name.setText("河西区劳动人事争议调解中心")
        dialog.org_code.setText("津河西")
        dialog.org_address.setText("天津市河西区友谊路35号")
        dialog.org_phone.setText("022-28000000")
        dialog.user.setText("王调解")
        dialog.password.setText(TEST_PASSWORD)
        dialog.again.setText(TEST_PASSWORD)
        dialog._check()
        return dialog.result()

    monkeypatch.setattr(SetupDialog, "exec", fill)
    window = make_window(org=None)
    wait_idle(window)
    assert states == ["claim_folder", "open_database", "first_run_setup", "signed_in", "check_in_background"]
    backend = window.ctx.backend
    assert backend.user == "王调解" and backend.node.org.code == "津河西"
    assert (backend.node.org.address, backend.node.org.phone) == ("天津市河西区友谊路35号", "022-28000000")
    from mediation_desktop.sync.trust import node_keys

    assert node_keys(backend).node_id == backend.node.node_id   # the setup made this node's keys
    assert [a.name for a in accounts.list_users(backend)] == ["王调解"]


def test_postponing_first_start_setup_leaves_the_folder_empty(make_window, data_dir, states, monkeypatch, wait_idle):
    monkeypatch.setattr(SetupDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    window = make_window(org=None)
    wait_idle(window)
    assert states[-1] == "setup_postponed" and window.ctx.backend is None
    assert "尚未完成首次设置" in window.status.text()
    assert not (DataPaths.resolve(data_dir).keys.exists() and any(DataPaths.resolve(data_dir).keys.iterdir()))


def test_cancelling_sign_in_closes_the_window_and_releases_folder_and_database(make_window, data_dir, states,
                                                                             dialog_answers, wait_idle):
    from mediation_desktop.services.instance import claim_data_folder

    paths = _prepared(data_dir)
    dialog_answers["SignInDialog"] = lambda dialog: False
    window = make_window(wait=False)
    wait_idle(window)
    assert states == ["claim_folder", "open_database", "sign_in", "abandoned"]
    assert not window.isVisible() and window.ctx.backend is None and window.startup.backend is None
    lock = claim_data_folder(paths)      # nothing of the window holds the folder any more
    lock.release()


def test_a_second_window_stops_at_the_lock(make_window, data_dir, states, qtbot):
    from mediation_desktop.gui.main_window import MainWindow

    _prepared(data_dir)
    make_window()
    states.clear()
    second = MainWindow(DataPaths.resolve(data_dir), TEST_USER)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.refused, timeout=5000):
        second.start()
    assert states == ["claim_folder", "refused"] and second.ctx.backend is None


@pytest.mark.parametrize("role, shown", [("head", True), ("admin", True), ("mediator", False),
                                         ("supervisor", False)])
def test_the_organisation_menu_is_shown_exactly_to_those_the_service_lets_save(
        make_window, data_dir, dialog_answers, wait_idle, role, shown):
    from mediation_desktop.core.errors import PermissionDenied
    from mediation_desktop.services.organisation import update_organisation

    _prepared(data_dir, users=(("zhang", role),))
    dialog_answers["SignInDialog"] = _sign_in_as("zhang")
    window = make_window()
    backend = window.ctx.backend
    assert backend.role == role
    assert window.menu_actions["organisation"].isVisible() is shown
    if shown:
        saved = {}

        def save(dialog) -> bool:
            dialog.edits["phone"].setText("022-12345678")
            dialog.save()
            wait_idle(window)
            saved["result"] = dialog.result()
            return dialog.result() == QDialog.DialogCode.Accepted

        dialog_answers["OrganisationDialog"] = save
        window.menu_actions["organisation"].trigger()
        assert saved["result"] == QDialog.DialogCode.Accepted
        backend._node = None
        assert backend.node.org.phone == "022-12345678"
        from mediation_desktop.gui import messages

        assert not any("无权" in text for _title, text in messages.shown)
    else:
        assert window.edit_organisation() is None
        with pytest.raises(PermissionDenied):
            update_organisation(backend, phone="022-00000000")
        backend._node = None
        assert backend.node.org.phone != "022-00000000"


def test_only_the_desk_is_built_before_sign_in_and_each_page_on_its_first_showing(make_window, data_dir, qtbot):
    from mediation_desktop.gui.main_window import PAGES
    from mediation_desktop.gui.pages.case_list import CaseListPage
    from mediation_desktop.gui.pages.register import RegisterPage

    _prepared(data_dir)
    window = make_window()
    assert set(window.nav_widgets) == {"desk"} and window.stack.indexOf(window.desk) == 0
    window.show_key("register")
    page = window.stack.currentWidget()
    assert isinstance(page, RegisterPage) and window.stack.indexOf(page) == PAGES.index("register")
    assert window.nav_widgets["register"] is page and window.register is page   # built once
    window.show_key("cases")
    assert isinstance(window.stack.currentWidget(), CaseListPage)
    assert window.stack.indexOf(window.cases) == PAGES.index("cases")
    qtbot.waitUntil(lambda: window.cases.count_label.text() == "共 0 件", timeout=10000)
    assert window.batch_documents.button.isVisibleTo(window.cases)   # the head may generate documents
    assert "import" not in window.nav_widgets


def test_nothing_before_the_first_paint_imports_the_database_layer_or_the_document_libraries(data_dir):
    """The GUI thread's way to the first paint (the folder's lock, Qt, the window) stays free of
    SQLAlchemy, Alembic, argon2 and the document and spreadsheet libraries: those load on other
    threads or with the pages that use them. Checked in a fresh interpreter."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from mediation_desktop.gui.application import claim_or_explain, make_app\n"
        "from mediation_desktop.gui.main_window import MainWindow\n"
        "from mediation_desktop.paths import DataPaths\n"
        "paths = DataPaths.resolve(sys.argv[1])\n"
        "app = make_app()\n"
        "lock = claim_or_explain(paths)\n"
        "window = MainWindow(paths, 'x', lock=lock)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "heavy = ('sqlalchemy', 'alembic', 'argon2', 'docx', 'openpyxl', 'python_calamine', 'jinja2', 'cryptography')\n"
        "print(' '.join(sorted(name for name in heavy if name in sys.modules)) or 'none')\n"
        "lock.release()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code, str(data_dir)], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["none"]
