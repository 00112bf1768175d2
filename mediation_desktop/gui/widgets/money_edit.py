"""A money field that shows the 大写 amount as you type (人民币壹万贰仟元整)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.money import capitalize, format_figures, parse_amount


class MoneyEdit(QWidget):
    """``fen()`` is None when empty; raises ValidationError when the text cannot be read."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("金额（元），如 12000 或 1.2万")
        self.words = QLabel("")
        self.words.setStyleSheet("color:#37474f;")
        self.words.setWordWrap(True)
        layout.addWidget(self.edit)
        layout.addWidget(self.words)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._update)

    def _update(self, text: str) -> None:
        text = text.strip()
        if not text:
            self.words.setText("")
        else:
            try:
                fen = parse_amount(text)
                self.words.setText(f"大写：人民币{capitalize(fen)}（{format_figures(fen)}）")
            except ValidationError as exc:
                self.words.setText(exc.message)
        self.changed.emit()

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # Qt naming, like QLineEdit
        self.edit.setText(text)

    def fen(self, field: str | None = None) -> int | None:
        text = self.edit.text().strip()
        return None if not text else parse_amount(text, field=field)
