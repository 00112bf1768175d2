"""The GUI's entry point, kept free of Qt so that ``cli.py`` can import it without loading PySide6.

``run_gui`` imports the Qt application lazily; the command line only pays for Qt when no command
was given.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

log = logging.getLogger("mediation_desktop.app")


def preload_database_layer() -> threading.Thread:
    """Import what the window's ``open_database`` uses (SQLAlchemy, the tables, argon2: a quarter
    of a second) on a thread of its own, while Qt loads and the window is built and painted; the
    task runner's open then finds them loaded. A failure is left for ``open_database`` to report."""
    def load() -> None:
        try:
            import mediation_desktop.services.accounts
            import mediation_desktop.services.backend
            import mediation_desktop.services.integrity  # noqa: F401
        except Exception:  # the same import on the task runner reports it
            log.debug("preloading the database layer failed", exc_info=True)

    thread = threading.Thread(target=load, name="preload-database", daemon=True)
    thread.start()
    return thread


def run_gui(data_dir: str | Path | None = None, user: str | None = None) -> int:
    """Open the main window on ``data_dir`` and run until it is closed; returns the exit status."""
    preload_database_layer()
    try:
        from mediation_desktop.gui.application import main
    except ImportError as exc:  # a broken install: say so in Chinese instead of a traceback
        sys.stderr.write(f"无法启动图形界面：缺少组件（{exc.name}）。请重新安装本程序。\n")
        return 1
    return main(data_dir, user)
