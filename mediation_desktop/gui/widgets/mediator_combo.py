"""The mediator of a case: chosen from the mediator register (调解员名册), or typed.

The register's active names are offered in an editable combo box; typing stays allowed, because an
old case names someone no longer (or never) in the register. Whether a name is in the register is
decided by services.mediators, which also warns on the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

if TYPE_CHECKING:
    from mediation_desktop.gui.context import AppContext


class MediatorCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        # A typed name is the case's mediator, not a new choice for every later case.
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setPlaceholderText("从调解员名册中选择，或直接填写")

    def text(self) -> str:
        return self.currentText().strip()

    def setText(self, text: str) -> None:  # Qt spelling: the field reads like the QLineEdit it replaced
        self.setEditText(text)

    def set_names(self, names: list[str]) -> None:
        """Offer these names; what is typed or chosen stays as it is."""
        typed = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItems(names)
        self.setEditText(typed)
        self.blockSignals(False)

    def names(self) -> list[str]:
        return [self.itemText(i) for i in range(self.count())]

    def load(self, ctx: AppContext | None) -> None:
        """Fill the choices from the register, on the task runner (never a query on the GUI thread)."""
        if ctx is None or ctx.backend is None:
            return
        from mediation_desktop.services.mediators import register_names

        backend = ctx.backend
        ctx.runner.run(lambda: register_names(backend), self.set_names, parent=self)
