"""Unexpected exceptions: log them, show a crash dialog with the log path, keep the window alive.

Everything saved before the fault is already committed (each change is one transaction), so the
dialog can say truthfully that saved work is safe.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.log import scrub

log = logging.getLogger("mediation_desktop.gui.crash")

HEADLESS = False
crashes: list[str] = []        # what the dialog would have shown (tests, the headless mode)
_log_path = ""


class CrashDialog(QDialog):
    def __init__(self, parent: QWidget | None, summary: str, details: str, log_path: str):
        super().__init__(parent)
        self.setWindowTitle("程序出现意外错误")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        layout = QVBoxLayout(self)
        text = QLabel(
            "程序遇到了一个意外错误，刚才的操作没有完成。\n"
            "已经保存的案件数据不受影响，您可以继续工作。\n\n"
            f"错误信息：{summary}\n"
            f"详细信息已写入日志文件：\n{log_path or '（未能写入日志）'}\n\n"
            "如果问题反复出现，请把日志文件发给系统管理员。")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        self.details = QPlainTextEdit(scrub(details))
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        show = QPushButton("显示详细信息")
        show.setCheckable(True)
        show.toggled.connect(self.details.setVisible)
        copy = QPushButton("复制错误信息")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(f"{log_path}\n{scrub(details)}"))
        buttons.addButton(show, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.log_path = log_path
        self.resize(560, 300)


def show_crash(parent: QWidget | None, exc: BaseException, tb: str, log_path: str = "") -> CrashDialog | None:
    log_path = log_path or _log_path
    summary = scrub(f"{type(exc).__name__}: {exc}")
    crashes.append(summary)
    if HEADLESS:
        return None
    dialog = CrashDialog(parent, summary, tb, log_path)
    dialog.open()
    return dialog


def install_excepthook(log_path: str) -> None:
    """Route exceptions escaping Qt slots (which would otherwise only print) to the crash dialog."""
    global _log_path
    _log_path = log_path

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        from PySide6.QtWidgets import QApplication

        from mediation_desktop.core.environment_errors import environment_fault

        fault = environment_fault(exc)
        if fault is not None:  # a full disk or a read-only folder is explained, not a crash
            from mediation_desktop.gui import messages

            log.info("stopped by the environment: %s", exc)
            messages.show_user_error(QApplication.activeWindow(), fault)
            return
        text = "".join(traceback.format_exception(kind, exc, tb))
        log.error("unexpected error:\n%s", text)

        show_crash(QApplication.activeWindow(), exc, text, log_path)

    sys.excepthook = hook
