"""Enrolling the other side: show who a card names, and enrol it only when the fingerprint the other
side reads aloud (typed here) matches the card. Typing, rather than a "looks the same" click, is
what makes a swapped card fail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

ROLE_NAMES = {"room": "调解组织", "supervisor": "区人社监管"}


class EnrolDialog(QDialog):
    def __init__(self, backend, card_path: Path, parent: QWidget | None = None):  # noqa: ANN001
        from mediation_desktop.sync.trust import read_card

        super().__init__(parent)
        self.backend, self.card_path = backend, Path(card_path)
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
        from mediation_desktop.core.errors import UserError
        from mediation_desktop.sync.trust import trust

        try:
            self.result_info = trust(self.backend, self.card_path, self.fingerprint.text())
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
