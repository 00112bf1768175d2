"""Every document kind through LibreOffice, read page by page with poppler's ``pdftotext``: no page
carries only the signature block, and the acceptance notice is one sheet."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mediation_desktop.core.enums import DisputeType
from mediation_desktop.core.errors import UserError
from mediation_desktop.documents import KINDS, convert_to_pdf, find_soffice, render
from mediation_desktop.documents.samples import sample_collective_case, sample_org, sample_single_case

from .documents_cases import TODAY, collective_case, contract_case, organisation

FONTS_CONF = Path(__file__).resolve().parents[2] / "resources" / "fonts-zh.conf"

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif((find_soffice() is None or shutil.which("pdftotext") is None) and not os.environ.get("CI"),
                       reason="LibreOffice or poppler-utils is not installed (in CI this test must run)"),
]

# The last paragraph of each body, kept with the signatures that follow it; and the last line of the
# signature block. Both must be on the same page, or that page holds nothing but signatures.
BODY_END = {"application": ("此致", "以上记录已向申请人宣读"), "acceptance": ("特此通知",),
            "rejection": ("特此通知",), "record": ("以上笔录已经当事人阅看",), "extension": ("延长期间",),
            "agreement": ("以下无正文",), "termination": ("特此告知",), "service": ("注：送达方式",)}
CLOSE = {"application": "申请人（签名或捺印）", "record": "记录人（签名）"}
SEAL = "（印章）"


def _pages(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout for n in range(1, count + 1)]


def _signature_alone(kind: str, pages: list[str]) -> str | None:
    """Why the signature block of this document stands alone on a page, or None."""
    flat = [p.replace(" ", "") for p in pages]
    ends = [i for i, p in enumerate(flat) if any(marker in p for marker in BODY_END[kind])]
    assert ends, f"{kind}: body end not found"
    body_end = ends[-1]
    close = CLOSE.get(kind, SEAL)
    closes = [i for i, p in enumerate(flat) if i >= body_end and close in p]
    assert closes, f"{kind}: signature close not found"
    if closes[0] != body_end:
        return f"{kind}: body ends on page {body_end + 1}, signatures close on page {closes[0] + 1}"
    return None


def _cases():
    """Each kind for the collective sample (12 workers, representatives), for the collective case
    where all twelve sign, and for a single worker."""
    everyone = collective_case()
    for a in everyone.applicants:
        a.is_representative = False
    # Long names and a long address: the acceptance notice must still be one sheet.
    long = sample_collective_case()
    long.respondent.name = "天津市滨海新区某某国际物流供应链管理集团股份有限公司第三分公司"
    long.dispute_types = [DisputeType.WAGES, DisputeType.COMPENSATION, DisputeType.HOURS_LEAVE,
                          DisputeType.SOCIAL_INSURANCE]
    long_org = dataclasses.replace(sample_org(), address="天津市和平区南营门街道办事处新华路与曲阜道交口东南侧综合服务楼二楼东侧调解室")
    return {"c": (sample_collective_case(), sample_org(), KINDS), "e": (everyone, organisation(), KINDS),
            "s": (sample_single_case(), sample_org(), KINDS), "t": (contract_case(), organisation(), KINDS),
            "l": (long, long_org, ("acceptance",))}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    os.environ.setdefault("FONTCONFIG_FILE", str(FONTS_CONF))
    out = tmp_path_factory.mktemp("pages")
    docs = {}
    for label, (case, org, kinds) in _cases().items():
        for kind in kinds:
            path = out / f"{label}_{kind}.docx"
            try:
                render(kind, case, org, path, today=TODAY, deadlines={"mediation_due": TODAY})
            except UserError as exc:  # a kind this case cannot have (no agreement, no session)
                assert exc.code == "E_DOC_NOT_READY", exc
                continue
            docs[(label, kind)] = path
    pdf_paths = convert_to_pdf(list(docs.values()), out / "pdf")
    return {key: _pages(pdf) for key, pdf in zip(docs, pdf_paths, strict=True)}


def test_every_kind_converted(pdfs):
    assert {kind for _, kind in pdfs} == set(KINDS)
    assert all(pages and "第1页" in pages[0].replace(" ", "") for pages in pdfs.values())


def test_no_page_carries_only_the_signature_block(pdfs):
    problems = [p for (label, kind), pages in pdfs.items() if (p := _signature_alone(kind, pages))]
    assert problems == []


def test_all_twelve_signatures_stay_with_the_agreement_body(pdfs):
    pages = pdfs[("e", "agreement")]
    page = next(p.replace(" ", "") for p in pages if "以下无正文" in p.replace(" ", ""))
    assert "孙伟" in page and "调解员（签名）" in page


def test_acceptance_notice_is_one_page(pdfs):
    for label in ("c", "e", "s", "t", "l"):
        assert len(pdfs[(label, "acceptance")]) == 1, label


def test_recorder_signature_line_does_not_overflow(pdfs):
    for label in ("c", "e"):
        lines = [line.strip() for page in pdfs[(label, "record")] for line in page.splitlines()]
        line = next(line for line in lines if "记录人（签名）" in line)
        assert line.endswith("__________"), line       # the whole fill-in line on one line
