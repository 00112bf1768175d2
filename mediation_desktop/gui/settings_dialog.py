"""设置 → 组织信息: the organisation's name, address and phone, the arbitration committee named in
termination notices, and the case-number pattern. A refused field shows its message beneath it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from mediation_desktop.core.errors import UserError, ValidationError
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.forms.ui_settings_dialog import Ui_OrganisationDialog
from mediation_desktop.gui.widgets.form_rows import ERROR_STYLE
from mediation_desktop.services.changes import SETTINGS

# The organisation fields the dialog edits: each has a line edit and an error label of these names in
# ui/settings_dialog.ui.
FIELDS = ("name", "address", "phone", "arbitration_name", "arbitration_address", "case_no_pattern")


class OrganisationDialog(QDialog):
    saved = Signal(object)   # the saved Organisation

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_OrganisationDialog()
        self.ui.setupUi(self)
        org = ctx.require_backend().node.org   # read when the database was opened, no query here
        self.edits: dict[str, QLineEdit] = {key: getattr(self.ui, key) for key in FIELDS}
        self.errors: dict[str, QLabel] = {key: getattr(self.ui, f"{key}_error") for key in FIELDS}
        for key, edit in self.edits.items():
            edit.setText(getattr(org, key) or "")
            self.errors[key].setStyleSheet(ERROR_STYLE)
        self.pattern_help, self.general_error = self.ui.pattern_help, self.ui.general_error
        self.pattern_example = self.ui.pattern_example
        self.general_error.setStyleSheet(ERROR_STYLE)
        buttons = self.ui.buttons
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.edits["case_no_pattern"].textChanged.connect(self._show_example)
        self._show_example(self.edits["case_no_pattern"].text())
        # The shared database server (PostgreSQL) is a setting of the data folder, in a dialog of its own.
        from PySide6.QtWidgets import QPushButton

        self.server_button = QPushButton("数据库服务器…")
        buttons.addButton(self.server_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.server_button.clicked.connect(self.edit_database_server)

    def edit_database_server(self) -> QDialog:
        from mediation_desktop.gui.database_dialog import DatabaseServerDialog

        dialog = DatabaseServerDialog(self.ctx.require_backend().paths, self.ctx.runner, self)
        dialog.open()
        return dialog

    def _show_example(self, pattern: str) -> None:
        """The first case number of this year under the pattern being typed, or why there is none."""
        from mediation_desktop.core.case_numbers import check_case_no_pattern, format_case_no
        from mediation_desktop.core.clock import today

        code = self.ctx.require_backend().node.org.code
        try:
            check_case_no_pattern(pattern.strip(), code)
            example = format_case_no(pattern.strip(), code, today().year, 1)
        except UserError as exc:
            self.pattern_example.setText(f"按此格式无法生成案号：{exc.message}")
            return
        self.pattern_example.setText(f"示例：今年第1件案件的案号是“{example}”")

    def values(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.edits.items()}

    def show_error(self, exc: UserError) -> None:
        label = self.errors.get(exc.field or "")
        if label is None:
            self.general_error.setText(exc.message)
            return
        label.setText(exc.message)
        label.setVisible(True)
        self.edits[exc.field].setFocus()

    def save(self) -> None:
        from mediation_desktop.services.organisation import check_case_no_pattern, update_organisation

        for label in self.errors.values():
            label.setVisible(False)
        self.general_error.setText("")
        fields = self.values()
        # Checked before the service is called: it edits the loaded organisation field by field.
        try:
            check_case_no_pattern(fields["case_no_pattern"].strip())
            if not fields["name"].strip():
                raise ValidationError("E_REQUIRED", "组织名称不能为空", field="name")
        except UserError as exc:
            self.show_error(exc)
            return
        backend = self.ctx.require_backend()   # the back end of the moment (reopened after a restore)

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, UserError):
                self.show_error(exc)
                return True
            return False

        def done(org) -> None:
            self.saved.emit(org)
            self.accept()

        self.ctx.runner.run(lambda: update_organisation(backend, **fields), done, on_error=failed, parent=self,
                            changes=SETTINGS)
