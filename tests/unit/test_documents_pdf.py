"""The rendered .docx files open in LibreOffice: all eight kinds converted to PDF in one soffice call."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mediation_desktop.core.errors import UserError
from mediation_desktop.documents import KINDS, convert_to_pdf, find_soffice, render
from mediation_desktop.documents import pdf as pdf_module

from .documents_cases import TODAY, collective_case, contract_case, organisation

FONTS_CONF = Path(__file__).resolve().parents[2] / "resources" / "fonts-zh.conf"

needs_libreoffice = pytest.mark.skipif(
    find_soffice() is None and not os.environ.get("CI"),
    reason="LibreOffice is not installed (in CI this test must run)",
)


def _pages(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


@pytest.mark.libreoffice
@needs_libreoffice
def test_all_kinds_convert_in_one_call(tmp_path, monkeypatch):
    monkeypatch.setenv("FONTCONFIG_FILE", str(FONTS_CONF))
    docs = []
    for kind in KINDS:
        case = contract_case() if kind == "termination" else collective_case()
        docs.append(render(kind, case, organisation(), tmp_path / f"{kind}.docx", today=TODAY).path)
    calls = []
    real_run = pdf_module._run
    monkeypatch.setattr(pdf_module, "_run", lambda *a: calls.append(a) or real_run(*a))

    pdfs = convert_to_pdf(docs, tmp_path / "pdf")

    assert len(calls) == 1
    assert [p.name for p in pdfs] == [f"{k}.pdf" for k in KINDS]
    for kind, pdf in zip(KINDS, pdfs, strict=True):
        assert pdf.is_file() and _pages(pdf) >= 1, kind
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
            compact = re.sub(r"\s+", "", text)
            case_no = "（2026）津西友调字第9号" if kind == "termination" else "（2026）津西友调字第7号"
            assert case_no in compact, kind
            assert KINDS[kind] in compact, kind
        else:
            assert pdf.stat().st_size > 5000


def test_missing_libreoffice_is_a_user_error(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: None)
    (tmp_path / "a.docx").write_bytes(b"")
    with pytest.raises(UserError) as exc:
        convert_to_pdf([tmp_path / "a.docx"], tmp_path)
    assert exc.value.code == "E_NO_LIBREOFFICE" and "LibreOffice" in exc.value.message


def test_same_stem_twice_is_refused_before_converting(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with pytest.raises(UserError) as exc:
        convert_to_pdf([tmp_path / "a" / "x.docx", tmp_path / "b" / "x.docx"], tmp_path)
    assert exc.value.code == "E_PDF_CONVERT"


def test_nothing_to_convert():
    assert convert_to_pdf([], "/nonexistent") == []
