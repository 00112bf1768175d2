"""Every message box goes through here: error codes become Chinese text with a next step.

``HEADLESS`` (set by tests and the screenshot script) records messages in ``shown`` instead of
opening boxes; ``ask`` is the one blocking question and is replaced in tests.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from mediation_desktop.core.errors import UserError, ValidationErrors

HEADLESS = False
shown: list[tuple[str, str]] = []

# What to do next, by error code prefix (the message itself says what went wrong).
NEXT_STEPS = {
    "E_LEDGER": "请按提示修改台账文件后重新导入；可先用“预检”查看所有问题。",
    "E_TRANSITION": "请刷新案件，按当前状态可用的按钮操作。",
    "E_CASE_NOT_FOUND": "请刷新案件列表后重试。",
    "E_NOT_INITIALISED": "请重新启动程序并完成首次设置。",
    "E_DATE": "请检查日期后重试。",
    "E_EXTENSION": "请选择不超过法定上限的日期。",
    "E_ATTACHMENT": "请重新选择文件。",
    "E_FILE": "请确认文件存在、未被其他程序占用，然后重试。",
}


def next_step(code: str) -> str:
    for prefix, hint in NEXT_STEPS.items():
        if code.startswith(prefix):
            return hint
    return "请修改后重试；如问题仍然存在，请联系系统管理员。"


def user_error_text(exc: UserError) -> str:
    if isinstance(exc, ValidationErrors):
        body = "\n".join(f"• {e.message}" for e in exc.errors)
    else:
        body = exc.message
    return f"{body}\n\n{next_step(exc.code)}"


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
