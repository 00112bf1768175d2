"""Each use case outside the case lifecycle checks the signed-in role before doing anything."""

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

from .helpers import make_backend, walk_in


@pytest.fixture
def backend(tmp_path):
    b = make_backend(tmp_path / "d")
    b.case = CaseService(b).register(walk_in())
    yield b
    b.close()


CALLS = {
    "ledger": lambda b, tmp: import_ledger(b, tmp / "missing.xlsx"),
    "document": lambda b, tmp: DocumentService(b).generate(b.case.case_no, "acceptance"),
    "report": lambda b, tmp: compile_return(b, date(2026, 1, 1), date(2026, 12, 31)),
    "settings": lambda b, tmp: update_organisation(b, address="和平路1号"),
    "sync_export": lambda b, tmp: export_packages(b, tmp),
    "sync_import": lambda b, tmp: import_packages(b, []),
}
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
        try:
            CALLS[call](backend, tmp_path)
        except PermissionDenied:  # pragma: no cover - the assertion below explains
            pytest.fail(f"{role} should be allowed to {call}")
        except Exception:  # noqa: BLE001 - past the gate; other refusals are not this test's subject
            pass
    else:
        with pytest.raises(PermissionDenied):
            CALLS[call](backend, tmp_path)
