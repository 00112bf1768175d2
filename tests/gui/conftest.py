"""GUI fixtures: a main window on a fresh data folder, message boxes recorded instead of shown."""

from __future__ import annotations

import pytest

from mediation_desktop.gui import crash, messages

# PySide6 6.12.0 drops one reference to None on every QCoreApplication.processEvents() and
# QTest.qWait() call made from Python (measured: 300 calls, sys.getrefcount(None) 300 lower), and
# None is not immortal before Python 3.12, so a long run of qtbot.waitUntil() ends in "Fatal
# Python error: none_dealloc". Holding extra references keeps None alive whatever the suite does.
_NONE_BALLAST = [None] * 5_000_000


TEST_USER, TEST_PASSWORD = "测试员", "correct-horse"




@pytest.fixture
def dialog_answers(monkeypatch):
    """The main window's modal start-up questions, answered by dialog class name. By default the
    sign-in and first-account dialogs are filled with the test account; a test puts its own
    ``fn(dialog) -> bool`` in the returned dict to answer differently."""
    from PySide6.QtWidgets import QDialog

    from mediation_desktop.gui import main_window

    answers: dict = {}
    asked: list[str] = []

    def answer(dialog) -> bool:
        name = type(dialog).__name__
        asked.append(name)
        if name in answers:
            return answers[name](dialog)
        if name == "SignInDialog":
            dialog.name.setText(TEST_USER)
            dialog.password.setText(TEST_PASSWORD)
            dialog.try_sign_in()
        elif name == "FirstUserDialog":
            dialog.name.setText(TEST_USER)
            dialog.password.setText(TEST_PASSWORD)
            dialog.again.setText(TEST_PASSWORD)
            dialog.create()
        elif name == "SetupDialog":
            return dialog.exec() == QDialog.DialogCode.Accepted   # tests replace SetupDialog.exec
        else:
            raise AssertionError(f"unexpected dialog {name}")
        return dialog.result() == QDialog.DialogCode.Accepted

    answers["_asked"] = asked
    monkeypatch.setattr(main_window, "run_dialog", answer)
    return answers


@pytest.fixture(autouse=True)
def headless_dialogs(monkeypatch):
    monkeypatch.setattr(messages, "HEADLESS", True)
    monkeypatch.setattr(crash, "HEADLESS", True)
    messages.shown.clear()
    crash.crashes.clear()
    yield


def _wait_idle(qtbot, window, timeout: int = 15000) -> None:
    """Until the task runner has nothing queued (every result delivered)."""
    qtbot.waitUntil(lambda: window.ctx.runner.idle, timeout=timeout)


@pytest.fixture
def wait_idle(qtbot):
    return lambda window, timeout=15000: _wait_idle(qtbot, window, timeout)


@pytest.fixture
def make_window(qtbot, data_dir, dialog_answers):
    """Build a main window on ``data_dir`` (optionally initialised by the back end first, with the
    test account ``TEST_USER`` as head and administrator), signed in as that account."""
    from mediation_desktop.gui.application import make_app
    from mediation_desktop.gui.main_window import MainWindow
    from mediation_desktop.paths import DataPaths

    make_app()
    windows = []

    def build(org: str | None = "和平区劳动人事争议调解中心", demo: int = 0, wait: bool = True):
        paths = DataPaths.resolve(data_dir)
        if org is not None and not (paths.root / "mediation.sqlite3").exists():
            from mediation_desktop.services.backend import Backend

            backend = Backend(paths, "测试员")
            backend.migrate()
            backend.initialise(org, "津和平")
            from mediation_desktop.sync.trust import create_keys

            create_keys(backend)
            from mediation_desktop.services.accounts import create_first_user

            create_first_user(backend, TEST_USER, TEST_PASSWORD)
            if demo:
                from mediation_desktop.services.demo import fill_demo

                fill_demo(backend, demo)
            backend.close()
        window = MainWindow(paths, "测试员")
        qtbot.addWidget(window)
        window.show()
        window.start()
        if org is not None and wait:
            with qtbot.waitSignal(window.ready, timeout=15000):
                pass
        _wait_idle(qtbot, window)
        windows.append(window)
        return window

    yield build
    for w in windows:
        register = w.nav_widgets.get("register")   # built only if the test showed it
        if register is not None:
            register.dirty = False
        w.close()
