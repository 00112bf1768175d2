"""Audit entries for what is not a change but must be traceable: viewing full personal data,
exports, imports, document generation. Each is one small transaction of its own."""

from __future__ import annotations

from mediation_desktop.storage.outbox import audit


def record_event(backend, action: str, entity: str | None = None, entity_id: str | None = None,
                 detail: dict | None = None) -> None:
    with backend.db.write() as conn:
        audit(conn, backend.user, action, entity, entity_id, detail)


def audit_view_personal(backend, case_id: str, case_no: str | None = None) -> None:
    """Call when the case detail shows full ID or phone numbers (checks the permission first)."""
    from mediation_desktop.services.permissions import require_backend

    require_backend(backend, "case.view_personal")
    record_event(backend, "view_personal", "case", case_id, {"case_no": case_no} if case_no else None)


def audit_export(backend, what: str, file_name: str, count: int | None = None) -> None:
    record_event(backend, "export", None, None, {"what": what, "file": file_name, "count": count})


def audit_document(backend, case_id: str, kind: str, file_name: str) -> None:
    record_event(backend, "document", "case", case_id, {"kind": kind, "file": file_name})
