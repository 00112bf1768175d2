"""设置 → 组织信息: the organisation's name, address and phone, the arbitration committee named in
termination notices, and the case-number pattern. A refused field shows its message beneath it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from mediation_desktop.core.errors import UserError, ValidationError
from mediation_desktop.gui.widgets.form_rows import ERROR_STYLE

FIELDS = (
    ("name", "组织名称", ""),
    ("address", "地址", "如：天津市和平区南京路100号"),
    ("phone", "联系电话", ""),
    ("arbitration_name", "仲裁委员会名称", "如：天津市和平区劳动人事争议仲裁委员会（用于终止调解告知书）"),
    ("arbitration_address", "仲裁委员会地址", "用于终止调解告知书"),
    ("case_no_pattern", "案号格式", "{org_code}劳调〔{year}〕{seq}号"),
)


class OrganisationDialog(QDialog):
    saved = Signal(object)   # the saved Organisation

    def __init__(self, backend, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.backend, self.runner = backend, runner
        self.setWindowTitle("组织信息")
        self.setMinimumWidth(560)
        org = backend.node.org
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for key, label, hint in FIELDS:
            edit = QLineEdit(getattr(org, key) or "")
            edit.setPlaceholderText(hint)
            error = QLabel("")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.setVisible(False)
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(edit)
            box.addWidget(error)
            form.addRow(label + "：", box)
            self.edits[key], self.errors[key] = edit, error
        layout.addLayout(form)
        self.pattern_help = QLabel("案号格式可用 {org_code}（组织代码）、{year}（年份）、{seq}（序号），必须含年份和序号。")
        self.pattern_help.setWordWrap(True)
        self.pattern_help.setStyleSheet("color:#546e7a;")
        layout.addWidget(self.pattern_help)
        self.general_error = QLabel("")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

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
        backend = self.backend

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, UserError):
                self.show_error(exc)
                return True
            return False

        def done(org) -> None:
            self.saved.emit(org)
            self.accept()

        self.runner.run(lambda: update_organisation(backend, **fields), done, on_error=failed, parent=self)
