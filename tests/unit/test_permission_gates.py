"""Each use case outside the case lifecycle checks the signed-in role before doing anything.

A refused role gets PermissionDenied and nothing is written; an allowed role gets the work done, and
each call below checks the result it should have (an allowed call that failed for any reason is a
failure here, not a pass).
"""

from datetime import date

import pytest

from mediation_desktop.core.errors import PermissionDenied
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.document_register import DocumentService
from mediation_desktop.services.ledger_import import import_ledger
from mediation_desktop.services.organisation import update_organisation
from mediation_desktop.services.statistics import compile_return
from mediation_desktop.sync.export import export_packages
from mediation_desktop.sync.importer import import_packages

from .helpers import walk_in
from .sync_helpers import dump, enrol, make_node


@pytest.fixture
def backend(tmp_path):
    """A room with keys, enrolled with its supervisor, one accepted case; the supervisor has sent a
    package the room has not read yet."""
    b = make_node(tmp_path / "d", "room", "和平区劳动人事争议调解中心", "津和平")
    sup = make_node(tmp_path / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    enrol(b, sup)
    cases = CaseService(b)
    b.case = cases.accept(cases.register(walk_in()).id, date(2026, 2, 14))
    (result,) = export_packages(sup, tmp_path / "from_sup")
    b.incoming = result.path
    sup.close()
    yield b
    b.close()


def _ledger(b, tmp):
    path = tmp / "台账.csv"
    path.write_text("收案日期,申请人,被申请人\n2026-03-02,李四,天津宏远机械有限公司\n", encoding="utf-8")
    report = import_ledger(b, path)
    assert (report["imported"], report["rejected"]) == (1, 0), report


def _document(b, tmp):
    record, warning = DocumentService(b).generate(b.case.case_no, "acceptance", out=tmp / "受理通知书.docx")
    assert (record.kind, record.version, warning) == ("acceptance", 1, None)
    assert (tmp / "受理通知书.docx").stat().st_size > 0


def _report(b, tmp):
    ret = compile_return(b, date(2026, 1, 1), date(2026, 12, 31))
    assert any(row.get("org_code") == "津和平" for row in ret.rows)


def _settings(b, tmp):
    assert update_organisation(b, address="和平路1号").address == "和平路1号"


def _sync_export(b, tmp):
    (result,) = export_packages(b, tmp / "out")
    assert result.path.is_file()


def _sync_import(b, tmp):
    (report,) = import_packages(b, [b.incoming])
    assert report.status == "imported", report


CALLS = {"ledger": _ledger, "document": _document, "report": _report, "settings": _settings,
         "sync_export": _sync_export, "sync_import": _sync_import}
# Which role may do what (services/permissions.py); the others must be refused before any work.
ALLOWED = {
    "mediator": {"ledger", "document"},
    "supervisor": {"report", "sync_export", "sync_import"},
    "admin": {"settings"},
}


@pytest.mark.parametrize("role", sorted(ALLOWED))
@pytest.mark.parametrize("call", sorted(CALLS))
def test_role_gates(backend, tmp_path, role, call):
    backend.role = role
    if call in ALLOWED[role]:
        CALLS[call](backend, tmp_path)  # does the work and checks its result
    else:
        before = dump(backend)
        with pytest.raises(PermissionDenied):
            CALLS[call](backend, tmp_path)
        assert dump(backend) == before, "a refused call changed the database"
