from datetime import date

import pytest
from docx import Document
from sqlalchemy import select

from mediation_desktop.core.errors import UserError
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.document_register import DocumentService
from mediation_desktop.storage.schema import audit_log

from .helpers import make_backend, walk_in


@pytest.fixture
def setup(tmp_path):
    backend = make_backend(tmp_path / "d")
    case = CaseService(backend).register(walk_in("张三"))
    # Accepted: the acceptance notice and a service receipt are documents its record permits.
    case = CaseService(backend).accept(case.case_no, date(2026, 2, 14))
    yield backend, case
    backend.close()


def test_regenerating_makes_versions_and_keeps_each_file(setup, tmp_path):
    backend, case = setup
    docs = DocumentService(backend)
    (tmp_path / "out").mkdir()
    first, _ = docs.generate(case.case_no, "acceptance", tmp_path / "out" / "受理.docx")
    second, _ = docs.generate(case.case_no, "acceptance")
    assert (first.version, second.version) == (1, 2)
    assert docs.path_of(first).exists() and docs.path_of(second).exists()
    text = "\n".join(p.text for p in Document(tmp_path / "out" / "受理.docx").paragraphs)
    assert case.case_no in text
    listed = docs.list(case.id)
    assert [(d.kind, d.version) for d in listed] == [("acceptance", 2), ("acceptance", 1)]
    with backend.db.read() as conn:
        actions = list(conn.execute(select(audit_log.c.action)).scalars())
    assert actions.count("document_generate") == 2


def test_signed_scan_is_linked_to_its_version_and_not_overwritten(setup, tmp_path):
    backend, case = setup
    docs = DocumentService(backend)
    rec, _ = docs.generate(case.case_no, "acceptance")
    scan = tmp_path / "签字.pdf"
    scan.write_bytes(b"%PDF-1.4 signed copy")
    att_id = docs.attach_signed_copy(rec.id, scan)
    docs.generate(case.case_no, "acceptance")  # a new version does not take the signature over
    listed = {d.version: d for d in docs.list(case.id)}
    assert listed[1].signed_copies == (att_id,) and listed[2].signed_copies == ()


def test_bad_kind_and_path_are_refused(setup, tmp_path):
    backend, case = setup
    docs = DocumentService(backend)
    for kind, out, code in (("bogus", None, "E_DOC_KIND"), ("acceptance", tmp_path / "x.pdf", "E_DOC_PATH")):
        with pytest.raises(UserError) as exc:
            docs.generate(case.case_no, kind, out)
        assert exc.value.code == code
    assert docs.list(case.id) == []


def test_batch_skips_cases_that_cannot_have_the_document(setup, tmp_path):
    backend, case = setup
    svc = CaseService(backend)
    other = svc.register(walk_in("李四"))
    svc.accept(other.case_no, date(2026, 2, 14))
    waiting = svc.register(walk_in("王五"))    # not yet accepted: nothing to serve
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    written, failures = DocumentService(backend).generate_batch(
        "service", [case.case_no, other.case_no, waiting.case_no], tmp_path / "b")
    assert len(written) == 2 and [f[0] for f in failures] == [waiting.case_no]
    assert "尚未受理" in failures[0][1]
    written, failures = DocumentService(backend).generate_batch("agreement", [case.case_no], tmp_path / "c")
    assert written == [] and failures[0][0] == case.case_no
