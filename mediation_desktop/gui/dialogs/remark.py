"""The district's remark or correction request on a room's case (sync.supervisor.add_remark), and a
room's answer to one (services.district_messages.answer_remark). One form (ui/remark_dialog.ui) for
both; the text rules and refusals are the services' own, so the dialog stays open on a refusal."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.forms.ui_remark_dialog import Ui_RemarkDialog
from mediation_desktop.services.changes import CASES, NOTICES


class _TextDialog(QDialog):
    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_RemarkDialog()   # the form: ui/remark_dialog.ui
        self.ui.setupUi(self)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("发出")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttons.accepted.connect(self.submit)
        self.ui.buttons.rejected.connect(self.reject)

    @property
    def text(self) -> str:
        return self.ui.text.toPlainText()

    def _run(self, work) -> None:
        self.ui.buttons.setEnabled(False)

        def done(result) -> None:
            self.saved.emit(str(result))
            self.accept()

        def failed(_exc: BaseException) -> bool:
            self.ui.buttons.setEnabled(True)
            return False   # the standard message; the dialog stays open with the text

        self.ctx.runner.run(work, done, on_error=failed, parent=self, changes=CASES | NOTICES)

    def submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class RemarkDialog(_TextDialog):
    """区人社: a remark or a correction request on a case held here from a room."""

    def __init__(self, ctx: AppContext, case_id: str, case_no: str, parent: QWidget | None = None,
                 correction: bool = False):
        super().__init__(ctx, parent)
        self.case_id = case_id
        self.setWindowTitle("发送更正请求" if correction else "写批注")
        self.ui.case_label.setText(f"案件：{case_no}")
        (self.ui.kind_correction if correction else self.ui.kind_remark).setChecked(True)

    @property
    def kind(self) -> str:
        return "correction" if self.ui.kind_correction.isChecked() else "remark"

    def submit(self) -> None:
        backend = self.ctx.require_backend()
        from mediation_desktop.sync.supervisor import add_remark

        case_id, text, kind = self.case_id, self.text, self.kind
        self._run(lambda: add_remark(backend, case_id, text, kind))


class AnswerDialog(_TextDialog):
    """调解组织: the answer to the district's remark or correction request (closes a correction)."""

    def __init__(self, ctx: AppContext, remark, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.remark_id = remark.id
        what = "更正请求" if remark.kind == "correction" else "批注"
        self.setWindowTitle(f"答复区人社的{what}")
        self.ui.case_label.setText(f"区人社{what}（{remark.created_at[:10]}，{remark.author}）：\n{remark.text}")
        for w in (self.ui.kind_remark, self.ui.kind_correction):
            w.setVisible(False)
        self.ui.text.setPlaceholderText("例如：已核实，申请人为12人，已更正登记。")
        self.ui.hint.setText("答复随下一个上报包送达区人社；更正请求随之办结。")

    def submit(self) -> None:
        backend = self.ctx.require_backend()
        from mediation_desktop.services.district_messages import answer_remark

        remark_id, text = self.remark_id, self.text
        self._run(lambda: answer_remark(backend, remark_id, text)["id"])
