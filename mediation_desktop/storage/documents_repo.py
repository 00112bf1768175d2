"""The document register: every generated document's kind, version, file hash, author and time."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select, update

from mediation_desktop.storage.schema import attachments, documents


@dataclass(frozen=True)
class DocumentRecord:
    id: str
    case_id: str
    kind: str
    version: int
    file_name: str
    sha256: str
    template_source: str
    generated_by: str
    generated_at: str
    signed_copies: tuple[str, ...] = ()   # attachment ids of scanned signed copies


def next_version(conn: Connection, case_id: str, kind: str) -> int:
    current = conn.execute(select(func.max(documents.c.version))
                           .where(documents.c.case_id == case_id, documents.c.kind == kind)).scalar()
    return (current or 0) + 1


def insert_document(conn: Connection, rec: DocumentRecord) -> None:
    conn.execute(documents.insert().values(
        id=rec.id, case_id=rec.case_id, kind=rec.kind, version=rec.version, file_name=rec.file_name,
        sha256=rec.sha256, template_source=rec.template_source, generated_by=rec.generated_by,
        generated_at=rec.generated_at))


def list_documents(conn: Connection, case_id: str) -> list[DocumentRecord]:
    signed: dict[str, list[str]] = {}
    for att_id, doc_id in conn.execute(select(attachments.c.id, attachments.c.document_id)
                                       .where(attachments.c.case_id == case_id, attachments.c.document_id.is_not(None))):
        signed.setdefault(doc_id, []).append(att_id)
    rows = conn.execute(select(documents).where(documents.c.case_id == case_id)
                        .order_by(documents.c.kind, documents.c.version.desc()))
    return [DocumentRecord(r.id, r.case_id, r.kind, r.version, r.file_name, r.sha256, r.template_source,
                           r.generated_by, r.generated_at, tuple(signed.get(r.id, ()))) for r in rows]


def get_document(conn: Connection, document_id: str) -> DocumentRecord | None:
    r = conn.execute(select(documents).where(documents.c.id == document_id)).first()
    if r is None:
        return None
    return DocumentRecord(r.id, r.case_id, r.kind, r.version, r.file_name, r.sha256, r.template_source,
                          r.generated_by, r.generated_at)


def link_attachment(conn: Connection, attachment_id: str, document_id: str) -> None:
    conn.execute(update(attachments).where(attachments.c.id == attachment_id).values(document_id=document_id))
