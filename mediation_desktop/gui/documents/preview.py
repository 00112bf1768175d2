"""文书预览: a generated document seen inside the app before it is opened or printed. The first page as
LibreOffice lays it out when LibreOffice is installed; otherwise the document's text, paragraph by
paragraph and table row by table row."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def first_page_image(path: Path, out_dir: Path) -> Path | None:
    """The first page as a PNG in ``out_dir``: LibreOffice lays the document out as PDF and poppler's
    pdftoppm draws page 1. None when either is missing or fails (the caller shows the text instead)."""
    from mediation_desktop.core.errors import UserError
    from mediation_desktop.documents.pdf import convert_to_pdf, find_soffice

    pdftoppm = shutil.which("pdftoppm")
    if find_soffice() is None or pdftoppm is None:
        return None
    try:
        pdf = convert_to_pdf([path], out_dir, timeout=90)[0]
        subprocess.run([pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(out_dir / "page")], capture_output=True, timeout=60, check=True)
    except (UserError, OSError, subprocess.SubprocessError):
        return None
    image = out_dir / "page.png"
    return image if image.is_file() else None


def document_text(path: Path) -> str:
    """The text of a .docx: paragraphs, then each table row with its cells joined by “　”."""
    import docx

    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = list(dict.fromkeys(cell.text.strip() for cell in row.cells))   # merged cells repeat
            lines.append("　".join(c for c in cells if c))
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def make_preview(path: Path) -> tuple[str, str]:
    """(``"image"``, png path) or (``"text"``, the text): run on the task runner, LibreOffice takes seconds."""
    image = first_page_image(path, Path(tempfile.mkdtemp(prefix="md-preview-")))
    if image is not None and image.is_file():
        return "image", str(image)
    return "text", document_text(path)


class PreviewDialog(QDialog):
    def __init__(self, title: str, preview: tuple[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"预览 — {title}")
        self.resize(720, 760)
        layout = QVBoxLayout(self)
        kind, value = preview
        if kind == "image":
            self.view: QWidget = QScrollArea()
            picture = QLabel()
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            picture.setPixmap(QPixmap(value))
            self.view.setWidget(picture)
            self.view.setWidgetResizable(True)
            note = "第一页（由 LibreOffice 排版）"
        else:
            self.view = QPlainTextEdit(value)
            self.view.setReadOnly(True)
            note = "未能生成页面图像（需要安装 LibreOffice），以下是文书的文字内容；版式请打开文书查看。"
        self.note = QLabel(note)
        self.note.setStyleSheet("color:#546e7a;")
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
