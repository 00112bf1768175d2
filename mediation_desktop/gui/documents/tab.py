"""The case detail's 文书 tab: every generated document of the case (kind, version, who generated it
and when, whether a signed scan is attached), generate a new version, open it in Word or WPS, print
it, show its folder, and attach the scan of the signed paper to the version it signs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext

COLUMNS = ("文书", "版本", "生成人", "生成时间", "模板", "签字件")


def open_file(path: Path) -> bool:
    """Open a file (or folder) with the program the system has for it: Word or WPS for .docx."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def print_file(path: Path) -> str | None:
    """Send the document to the default printer where the system can (Windows, through Word or
    WPS); elsewhere open it and return what the user should do instead."""
    if sys.platform == "win32":
        os.startfile(str(path), "print")  # type: ignore[attr-defined]  # the user's own file
        return None
    if not open_file(path):
        # Nothing opened: say so rather than tell the user to print from a window that is not there.
        raise OSError(0, "这台电脑上没有能打开 .docx 文书的程序（如 WPS 或 Word），请安装后再打印")
    return "已用文字处理程序打开文书，请在 Word 或 WPS 中选择“打印”。"


def kind_label(kind: str) -> str:
    from mediation_desktop.documents.kinds import KINDS

    return KINDS.get(kind, kind)


class DocumentsPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        from mediation_desktop.documents.kinds import KINDS

        super().__init__(parent)
        self.ctx = ctx
        self.case = None
        self.records: list = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.kind = QComboBox()
        for code, label in KINDS.items():
            self.kind.addItem(label, code)
        self.generate_button = QPushButton("生成(&G)")
        self.generate_button.clicked.connect(lambda: self.generate())
        self.kind.currentIndexChanged.connect(lambda _i: self._enable())
        self.refusals: dict[str, str | None] = {}   # kind -> why the record does not permit it
        # A 送达回证 names the document it serves: the ones the record permits (the rule the service
        # checks, core.document_stages.servable), the stage's usual one chosen first.
        self.serves_label = QLabel("所送达的文书：")
        self.serves = QComboBox()
        self.serves.setToolTip("送达回证随哪一份文书送达；送达对象按该文书的收件人列出")
        top.addWidget(QLabel("文书种类："))
        top.addWidget(self.kind)
        top.addWidget(self.serves_label)
        top.addWidget(self.serves)
        top.addWidget(self.generate_button)
        top.addStretch(1)
        layout.addLayout(top)
        # What the case's stage still calls for (core.document_needs), so nothing is forgotten.
        self.needs = QLabel("")
        self.needs.setWordWrap(True)
        self.needs.setStyleSheet("color:#b26a00;")
        layout.addWidget(self.needs)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.open_selected())
        self.table.itemSelectionChanged.connect(self._enable)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton("打开")
        self.preview_button = QPushButton("预览")
        self.print_button = QPushButton("打印")
        self.folder_button = QPushButton("打开所在文件夹")
        self.attach_button = QPushButton("附加签字扫描件…")
        for button, slot in ((self.preview_button, self.preview_selected), (self.open_button, self.open_selected),
                             (self.print_button, self.print_selected),
                             (self.folder_button, self.show_folder), (self.attach_button, self.attach_signed)):
            button.clicked.connect(lambda _=False, slot=slot: slot())
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._enable()

    # -- loading -------------------------------------------------------------------------------------
    def show_case(self, case) -> None:  # core.model.Case
        from mediation_desktop.core.document_stages import permitted

        self.case = case
        self.message.setText("")
        # A document never contradicts the record: kinds the case's stage refuses are shown greyed,
        # with the reason, and cannot be generated.
        self.refusals = permitted(case) if case is not None else {}
        for i in range(self.kind.count()):
            reason = self.refusals.get(self.kind.itemData(i))
            self.kind.setItemData(i, reason or "", Qt.ItemDataRole.ToolTipRole)
        self._fill_serves(case)
        self.reload()
        self._enable()

    def _fill_serves(self, case) -> None:  # core.model.Case or None
        from mediation_desktop.core.document_stages import default_served, servable

        self.serves.clear()
        if case is None:
            return
        for code in servable(case):
            self.serves.addItem(kind_label(code), code)
        usual = self.serves.findData(default_served(case))
        self.serves.setCurrentIndex(max(usual, 0))

    def _service(self):
        from mediation_desktop.services.document_register import DocumentService

        return DocumentService(self.ctx.require_backend())

    def reload(self) -> None:
        if self.case is None:
            return
        service, case_id = self._service(), self.case.id
        self.ctx.runner.run(lambda: (case_id, service.list(case_id)), self._fill, parent=self)

    def _fill(self, loaded) -> None:
        case_id, records = loaded
        if self.case is None or case_id != self.case.id:
            return   # another case was opened meanwhile
        self.records = records
        self.table.setRowCount(len(records))
        for row, rec in enumerate(records):
            signed = f"已附 {len(rec.signed_copies)} 份" if rec.signed_copies else ""
            source = "自定义模板" if rec.template_source == "user" else "内置模板"
            for col, text in enumerate((kind_label(rec.kind), f"第{rec.version}版", rec.generated_by,
                                        rec.generated_at[:16].replace("T", " "), source, signed)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self._show_needs(records)
        self._enable()

    def _show_needs(self, records: list) -> None:
        from mediation_desktop.core.document_needs import SERVED, describe_needs, needed_documents
        from mediation_desktop.documents.kinds import KINDS

        oldest_first = sorted(records, key=lambda r: r.generated_at)
        generated = [r.kind for r in oldest_first]
        # The register keeps no link from a receipt to what it served: receipts are taken to serve the
        # served documents in the order those were first generated.
        served_order = list(dict.fromkeys(k for k in generated if k in SERVED))
        served = served_order[:generated.count("service")]
        needs = needed_documents(self.case, generated, served)
        self.needs.setText(f"本阶段还需要：{describe_needs(needs, KINDS)}" if needs else "")

    def _enable(self) -> None:
        from mediation_desktop.services.permissions import allowed

        backend = self.ctx.backend
        role = backend.role if backend is not None else ""
        chosen = self.selected() is not None
        reason = self.refusals.get(self.kind.currentData()) if self.case is not None else None
        receipt = self.kind.currentData() == "service"
        self.serves_label.setVisible(receipt)
        self.serves.setVisible(receipt)
        self.generate_button.setEnabled(self.case is not None and allowed(role, "document.generate") and reason is None)
        self.generate_button.setToolTip(f"不能生成：{reason}" if reason else "")
        for button in (self.preview_button, self.open_button, self.print_button, self.folder_button):
            button.setEnabled(chosen)
        self.attach_button.setEnabled(chosen and allowed(role, "case.record"))

    def selected(self):  # a DocumentRecord or None
        row = self.table.currentRow()
        return self.records[row] if 0 <= row < len(self.records) and self.table.selectedItems() else None

    # -- actions -------------------------------------------------------------------------------------
    def generate(self, kind: str | None = None) -> None:
        if self.case is None:
            return
        kind = kind or self.kind.currentData()
        service, case_id = self._service(), self.case.id
        # The receipt serves the chosen document; the service refuses one the record does not permit
        # (E_DOC_SERVES, shown as a message) if the case changed since the list was made.
        serves = self.serves.currentData() if kind == "service" else None

        def done(result) -> None:  # (DocumentRecord, warning)
            rec, warning = result
            served = f"（送达{kind_label(serves)}）" if serves else ""
            self.message.setText(f"已生成 {kind_label(rec.kind)}{served} 第{rec.version}版：{rec.file_name}")
            if warning:
                messages.warn(self, "自定义模板有误，已改用内置模板", warning)
            self.reload()

        self.ctx.runner.run(lambda: service.generate(case_id, kind, serves=serves), done, label="正在生成文书…",
                            parent=self)

    def _with_path(self, then) -> None:
        rec = self.selected()
        if rec is None:
            return
        service = self._service()
        self.ctx.runner.run(lambda: service.path_of(rec), then, parent=self)

    def open_selected(self) -> None:
        from mediation_desktop.core.filenames import may_open

        def opened(path: Path) -> None:
            if not may_open(path.name):
                # A register row from a package could name any type; only documents are opened.
                messages.warn(self, "不能打开该文件", f"“{path.name}”不是文书类型的文件，为安全起见不直接打开。文件位置：\n{path}")
            elif not path.exists():
                messages.warn(self, "找不到文书", f"文书文件已不在原处：\n{path}\n可以重新生成一版。")
            elif not open_file(path):
                messages.warn(self, "无法打开文书", f"没有找到可以打开 Word 文档的程序（Word 或 WPS）。文件位置：\n{path}")
        self._with_path(opened)

    def preview_selected(self) -> None:
        from mediation_desktop.gui.documents.preview import PreviewDialog, make_preview

        def previewing(path: Path) -> None:
            self.message.setText("正在生成预览…")

            def show(preview: tuple[str, str]) -> None:
                self.message.setText("")
                self.preview = PreviewDialog(path.name, preview, self)
                self.preview.show()

            def failed(exc: BaseException) -> bool:
                self.message.setText("")   # no progress text left behind a failure
                return False

            self.ctx.runner.run(lambda: make_preview(path), show, on_error=failed, parent=self)
        self._with_path(previewing)

    def print_selected(self) -> None:
        def printing(path: Path) -> None:
            from mediation_desktop.core.filenames import may_open

            if not may_open(path.name):
                messages.warn(self, "不能打印该文件", f"“{path.name}”不是文书类型的文件，为安全起见不交给系统处理。")
                return
            try:
                advice = print_file(path)
            except OSError as exc:
                messages.warn(self, "无法打印", f"未能打印这份文书：{exc.strerror or exc}。")
                self.message.setText("")
                return
            self.message.setText(advice or "已发送到默认打印机。")
        self._with_path(printing)

    def show_folder(self) -> None:
        self._with_path(lambda path: open_file(path.parent))

    def attach_signed(self, scan: str | None = None) -> None:
        rec = self.selected()
        if rec is None:
            return
        if not scan:
            scan, _ = QFileDialog.getOpenFileName(self, "选择签字扫描件", "",
                                                  "扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)")
            if not scan:
                return
        service = self._service()

        def done(_attachment_id) -> None:
            self.message.setText(f"已把签字扫描件附到 {kind_label(rec.kind)} 第{rec.version}版。")
            self._reload_detail()

        self.ctx.runner.run(lambda: service.attach_signed_copy(rec.id, Path(scan)), done,
                            label="正在保存扫描件…", parent=self)

    def _reload_detail(self) -> None:
        """The scan is also an attachment: the whole case detail reloads (and this tab with it)."""
        widget = self.parentWidget()
        while widget is not None and not hasattr(widget, "back_requested"):
            widget = widget.parentWidget()
        if widget is not None:
            widget.reload()
        else:
            self.reload()
