"""Every message box goes through here: error codes become Chinese text with a next step.

``HEADLESS`` (set by tests and the screenshot script) records messages in ``shown`` instead of
opening boxes; ``ask`` is the one blocking question and is replaced in tests.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from mediation_desktop.core import error_codes
from mediation_desktop.core.errors import UserError, ValidationErrors

HEADLESS = False
shown: list[tuple[str, str]] = []


def next_step(code: str) -> str:
    # The next step (下一步) is registered with the code in core.error_codes, like its message.
    return error_codes.next_step(code)


def user_error_text(exc: UserError) -> str:
    if isinstance(exc, ValidationErrors):
        body = "\n".join(f"• {e.message}" for e in exc.errors)
    else:
        body = exc.message
    step = next_step(exc.code)
    return body if body.endswith(step) else f"{body}\n\n{step}"  # some messages carry their step


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    shown.append((title, text))
    if HEADLESS:
        return
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.open()  # not exec(): the window keeps running, tests are never blocked


def show_user_error(parent: QWidget | None, exc: UserError) -> None:
    _box(parent, QMessageBox.Icon.Warning, "操作未完成", user_error_text(exc))


def info(parent: QWidget | None, title: str, text: str) -> None:
    _box(parent, QMessageBox.Icon.Information, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    _box(parent, QMessageBox.Icon.Warning, title, text)


def ask(parent: QWidget | None, title: str, text: str, yes: str = "是", no: str = "否") -> bool:
    """A blocking yes/no question (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes_btn = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
    box.addButton(no, QMessageBox.ButtonRole.NoRole)
    box.exec()
    return box.clickedButton() is yes_btn
