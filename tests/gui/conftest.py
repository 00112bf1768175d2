"""GUI fixtures: a main window on a fresh data folder, message boxes recorded instead of shown."""

from __future__ import annotations

import pytest

from mediation_desktop.gui import crash, messages

# PySide6 6.12.0 drops one reference to None on every QCoreApplication.processEvents() and
# QTest.qWait() call made from Python (measured: 300 calls, sys.getrefcount(None) 300 lower), and
# None is not immortal before Python 3.12, so a long run of qtbot.waitUntil() ends in "Fatal
# Python error: none_dealloc". Holding extra references keeps None alive whatever the suite does.
_NONE_BALLAST = [None] * 5_000_000


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
def make_window(qtbot, data_dir):
    """Build a main window on ``data_dir`` (optionally initialised by the back end first)."""
    from mediation_desktop.gui.application import make_app
    from mediation_desktop.gui.main_window import MainWindow
    from mediation_desktop.paths import DataPaths

    make_app()
    windows = []

    def build(org: str | None = "和平区劳动人事争议调解中心", demo: int = 0):
        paths = DataPaths.resolve(data_dir)
        if org is not None and not (paths.root / "mediation.sqlite3").exists():
            from mediation_desktop.services.backend import Backend

            backend = Backend(paths, "测试员")
            backend.migrate()
            backend.initialise(org, "津和平")
            if demo:
                from mediation_desktop.services.demo import fill_demo

                fill_demo(backend, demo)
            backend.close()
        window = MainWindow(paths, "测试员")
        qtbot.addWidget(window)
        window.show()
        window.start()
        if org is not None:
            with qtbot.waitSignal(window.ready, timeout=15000):
                pass
        _wait_idle(qtbot, window)
        windows.append(window)
        return window

    yield build
    for w in windows:
        w.register.dirty = False
        w.close()
