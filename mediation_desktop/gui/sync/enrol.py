"""Enrolling the other side: show who a card names, and enrol it only when the fingerprint the other
side reads aloud (typed here) matches the card. Typing, rather than a "looks the same" click, is
what makes a swapped card fail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from mediation_desktop.gui.context import AppContext
from mediation_desktop.services.changes import SYNC

ROLE_NAMES = {"room": "调解组织", "supervisor": "区人社监管"}


class EnrolDialog(QDialog):
    def __init__(self, ctx: AppContext, card_path: Path, parent: QWidget | None = None):
        from mediation_desktop.sync.trust import read_card

        super().__init__(parent)
        self.ctx, self.card_path = ctx, Path(card_path)
        self.card = read_card(self.card_path)   # a damaged or foreign file is refused before we ask anything
        self.result_info: dict | None = None
        self.setWindowTitle("登记对方身份卡")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow("机构：", QLabel(self.card.org_name))
        form.addRow("代码：", QLabel(self.card.org_code))
        form.addRow("角色：", QLabel(ROLE_NAMES.get(self.card.role, self.card.role)))
        self.fingerprint = QLineEdit()
        self.fingerprint.setPlaceholderText("请对方在其“同步”页面念出指纹，逐组输入，如 1234 5678 …")
        form.addRow("对方念出的指纹：", self.fingerprint)
        layout.addLayout(form)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("核对并登记")
        buttons.accepted.connect(self.enrol)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def enrol(self) -> None:
        from mediation_desktop.sync.trust import trust

        backend, card_path, typed = self.ctx.require_backend(), self.card_path, self.fingerprint.text()
        self.error.setText("")
        self.ctx.runner.run(lambda: trust(backend, card_path, typed), self._enrolled, on_error=self._refused,
                            parent=self, changes=SYNC)

    def _enrolled(self, info: dict) -> None:
        self.result_info = info
        self.accept()

    def _refused(self, exc: BaseException) -> bool:
        from mediation_desktop.core.errors import UserError

        if not isinstance(exc, UserError):
            return False
        self.error.setText(exc.message)   # beside the fingerprint, so it can be typed again
        return True
