"""Building the QApplication: logging, Chinese, the font, the crash hook, then the window.

A second copy on a data folder that is already open explains and exits before showing a window.
The window is shown before the database is opened; ``MainWindow.start`` runs right after the
first paint (``app.run_gui`` has meanwhile imported what opening the database needs, on a thread
of its own).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from mediation_desktop import APP_NAME, APP_TITLE
from mediation_desktop.paths import DataPaths

qt_log = logging.getLogger("mediation_desktop.qt")


def _qt_message(kind: QtMsgType, _context, message: str) -> None:
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(kind, logging.ERROR)
    qt_log.log(level, "%s", message)


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Chinese translations and a CJK font (reuses an existing instance)."""
    from mediation_desktop.gui.i18n import choose_font, install_translations

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    install_translations(app)
    choose_font(app)
    return app  # type: ignore[return-value]


def claim_or_explain(paths: DataPaths):  # an InstanceLock, or None after explaining
    """One window per data folder: a second copy says so in Chinese and exits before any window."""
    from mediation_desktop.core.errors import UserError
    from mediation_desktop.gui import messages
    from mediation_desktop.services.instance import claim_data_folder

    try:
        return claim_data_folder(paths)
    except UserError as exc:
        if messages.HEADLESS:
            messages.shown.append(("调解工作台已经打开", exc.message))
        else:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(None, "调解工作台已经打开", exc.message)
        return None


def main(data_dir: str | Path | None = None, user: str | None = None) -> int:
    paths = DataPaths.resolve(data_dir)
    log_path = paths.log_file
    try:
        from mediation_desktop.log import setup_logging

        setup_logging(log_path)
    except OSError:
        pass
    app = make_app()
    qInstallMessageHandler(_qt_message)
    from mediation_desktop.gui.crash import install_excepthook
    from mediation_desktop.gui.main_window import MainWindow

    install_excepthook(str(log_path))
    lock = claim_or_explain(paths)
    if lock is None:
        return 1
    window = MainWindow(paths, user, lock=lock)
    window.show()
    QTimer.singleShot(0, window.start)   # after the first paint
    return app.exec()
