"""送达回证 names the document it serves and is addressed only to that document's addressees.

Run against the every-stage register through the real ``doc`` command: the receipt for an
acceptance notice goes to the applicant alone, the one for an agreement to both parties, and a
receipt can never serve a document the record refuses.
"""

from __future__ import annotations

import pytest
from docx import Document

from .cli import run_cli
from .stage_register import EMPLOYER

pytestmark = pytest.mark.e2e


def receipt_text(path) -> str:
    doc = Document(path)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_receipt_for_the_acceptance_notice_goes_to_the_applicant_only(stage_register, tmp_path):
    case = stage_register.case("agreed")
    out = tmp_path / "service.docx"
    r = run_cli(stage_register.root, "doc", case.case_no, "service", "--serves", "acceptance", "--out", str(out))
    assert r.code == 0, r.err
    text = receipt_text(out)
    assert "受理通知书" in text and "调解协议书" not in text
    assert case.applicants[0] in text
    assert EMPLOYER not in text            # the employer is not an addressee of the acceptance notice


def test_receipt_for_the_agreement_goes_to_both_parties(stage_register, tmp_path):
    case = stage_register.case("agreed")
    out = tmp_path / "service.docx"
    r = run_cli(stage_register.root, "doc", case.case_no, "service", "--serves", "agreement", "--out", str(out))
    assert r.code == 0, r.err
    text = receipt_text(out)
    assert "调解协议书" in text
    assert case.applicants[0] in text and EMPLOYER in text


@pytest.mark.parametrize(("key", "serves", "code"), [
    ("registered", "agreement", "E_DOC_STAGE"),     # no agreement on record: nothing to serve
    ("agreed", "rejection", "E_DOC_STAGE"),         # an accepted case was never refused
    ("agreed", "service", "E_DOC_SERVES"),          # a receipt does not serve a receipt
    ("agreed", "nonsense", "E_DOC_SERVES"),
])
def test_a_receipt_never_serves_a_document_the_record_refuses(stage_register, tmp_path, key, serves, code):
    case = stage_register.case(key)
    out = tmp_path / "service.docx"
    r = run_cli(stage_register.root, "doc", case.case_no, "service", "--serves", serves, "--out", str(out))
    assert r.code == 2, (r.out, r.err)
    assert r.err.startswith(f"{code}:") and "Traceback" not in r.err
    assert not out.exists()


def test_serves_is_only_for_a_receipt(stage_register, tmp_path):
    case = stage_register.case("agreed")
    out = tmp_path / "agreement.docx"
    r = run_cli(stage_register.root, "doc", case.case_no, "agreement", "--serves", "acceptance", "--out", str(out))
    assert r.code == 2 and r.err.startswith("E_DOC_SERVES:")
    assert not out.exists()
