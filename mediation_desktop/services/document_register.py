"""Generating a case's documents and keeping their register.

Every generation is a new version: the .docx is kept under the data folder's
``documents/<案号>/`` with its SHA-256 in the register, so what was printed and signed can always be
found again. A scanned signed copy is attached to the version it signs and is never overwritten.
"""

from __future__ import annotations

import builtins  # the service has a method named list, which hides the type inside the class
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from mediation_desktop.core import document_stages
from mediation_desktop.core.clock import now_iso, today
from mediation_desktop.core.deadlines import compute_deadlines
from mediation_desktop.core.errors import NotFoundError, UserError
from mediation_desktop.core.filenames import safe_basename
from mediation_desktop.core.model import Case, new_id
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.permissions import require_backend
from mediation_desktop.storage import documents_repo
from mediation_desktop.storage.documents_repo import DocumentRecord
from mediation_desktop.storage.nodes import load_organisation
from mediation_desktop.storage.outbox import audit, record_changes


class DocumentService:
    def __init__(self, backend: Backend):
        self.backend = backend

    def folder_for(self, case: Case) -> Path:
        from mediation_desktop.documents.formatting import safe_file_stem

        return self.backend.paths.documents / safe_file_stem(case.case_no or case.id)

    def generate(self, case_ref: str, kind: str, out: Path | None = None, *,
                 serves: str | None = None) -> tuple[DocumentRecord, str | None]:
        """Render ``kind`` for the case, register it, and copy it to ``out`` when given.

        ``serves`` names the document a 送达回证 accompanies (default: the latest one the case's stage
        issues); it must itself be a document the record permits, so a receipt never serves a
        document that could not exist. Returns the register entry and a warning (a broken user
        template replaced by the built-in)."""
        from mediation_desktop.documents import KINDS, render

        require_backend(self.backend, "document.generate")
        if kind not in KINDS:
            raise UserError("E_DOC_KIND", f"未知的文书种类“{kind}”，可选：{'、'.join(KINDS)}")
        if out is not None and out.suffix.lower() != ".docx":
            raise UserError("E_DOC_PATH", "输出文件名应以 .docx 结尾")
        if out is not None:
            from mediation_desktop.services.output_files import check_output_file

            check_output_file(out)
        case = CaseService(self.backend).get(case_ref)
        # Before anything is written: a document the record does not permit is never produced.
        document_stages.require_permitted(kind, case, KINDS[kind])
        issued = document_stages.as_issued(kind, case)
        extra = None
        if serves is not None:
            if kind != "service":
                raise UserError("E_DOC_SERVES", "只有送达回证需要指明所送达的文书")
            document_stages.require_servable(serves, case, KINDS)
            extra = {"served_kind": serves}
        with self.backend.db.read() as conn:
            org = load_organisation(conn, case.org_id)
            version = documents_repo.next_version(conn, case.id, kind)
        folder = self.folder_for(case)
        folder.mkdir(parents=True, exist_ok=True)
        # A name a person recognises in Explorer: 津和平劳调〔2026〕12号_受理通知书_第1版.docx.
        target = folder / safe_basename(f"{case.case_no or case.id}_{KINDS[kind]}_第{version}版.docx")
        rendered = render(kind, issued, org, target, user_template_dir=self.backend.paths.templates,
                          today=document_stages.issue_date(kind, case, today()),
                          deadlines=compute_deadlines(issued, self.backend.calendar), extra=extra,
                          fallback_to_builtin=True)
        rec = DocumentRecord(new_id(), case.id, kind, version, target.name, rendered.sha256, rendered.template_source,
                             self.backend.user, now_iso())
        try:
            with self.backend.db.write() as conn:
                if documents_repo.next_version(conn, case.id, kind) != version:
                    raise UserError("E_DOC_CONCURRENT", "另一位用户刚刚生成了同一文书，请重试")
                documents_repo.insert_document(conn, rec)
                record_changes(conn, "document", [rec.id])
                audit(conn, self.backend.user, "document_generate", "case", case.id,
                      {"case_no": case.case_no, "kind": kind, "version": version, "sha256": rendered.sha256})
        except Exception:
            target.unlink(missing_ok=True)
            raise
        if out is not None:
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target, out)
        return rec, rendered.warning

    def path_of(self, rec: DocumentRecord) -> Path:
        from mediation_desktop.core.filenames import safe_basename

        case = CaseService(self.backend).get(rec.case_id)
        # The register row may have come in a package: its name never leaves the case's folder.
        return self.folder_for(case) / safe_basename(rec.file_name)

    def list(self, case_id: str) -> list[DocumentRecord]:
        with self.backend.db.read() as conn:
            return documents_repo.list_documents(conn, case_id)

    def attach_signed_copy(self, document_id: str, scan: Path) -> str:
        """Store a scan of the signed paper and link it to that document version."""
        from mediation_desktop.services.attachments import AttachmentService

        with self.backend.db.read() as conn:
            rec = documents_repo.get_document(conn, document_id)
        if rec is None:
            raise NotFoundError("E_DOC_NOT_FOUND", "找不到这份文书")
        att = AttachmentService(self.backend).add(rec.case_id, scan, f"{rec.kind} 第{rec.version}版签字扫描件")
        with self.backend.db.write() as conn:
            documents_repo.link_attachment(conn, att.id, document_id)
            record_changes(conn, "attachment", [att.id])
        return att.id

    def permitted_kinds(self, case: Case) -> dict[str, str | None]:
        """Each document kind with the reason the record refuses it (None: permitted)."""
        return document_stages.permitted(case)

    def generate_batch(self, kind: str, case_refs: Iterable[str], out_dir: Path,
                       progress: Callable[[int, int], None] | None = None) -> tuple[builtins.list[Path], builtins.list[tuple[str, str]]]:
        """One kind for many cases (e.g. service receipts). Returns the written files and, per case
        that could not have this document, its case number and the reason."""
        from mediation_desktop.documents import output_file_name

        refs = list(case_refs)
        written, failures = [], []
        for done, ref in enumerate(refs, start=1):
            try:
                case = CaseService(self.backend).get(ref)
                reason = document_stages.refusal(kind, case) if kind in document_stages.RULES else None
                if reason is not None:
                    failures.append((ref, reason))   # skipped: the record does not permit it
                else:
                    out = out_dir / output_file_name(case, kind)
                    self.generate(case.id, kind, out)
                    written.append(out)
            except UserError as exc:
                failures.append((ref, exc.message))
            if progress:
                progress(done, len(refs))
        return written, failures
