"""Scans of signed papers attached to a case, stored once by content hash.

The file is copied to ``attachments/<first two hex>/<sha256>`` under the data folder (the same scan
attached twice is stored once; sync packages name attachments by hash too), and a row in the
``attachments`` table links it to the case with its original file name. Qt-free.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mediation_desktop.core.errors import NotFoundError, UserError
from mediation_desktop.core.filenames import may_open, safe_basename
from mediation_desktop.core.model import new_id

if TYPE_CHECKING:
    from mediation_desktop.services.backend import Backend

MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Attachment:
    id: str
    case_id: str
    file_name: str
    sha256: str
    size: int
    description: str
    added_by: str
    added_at: str


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class AttachmentService:
    def __init__(self, backend: Backend):
        self.backend = backend

    def stored_path(self, sha256: str) -> Path:
        return self.backend.paths.attachments / sha256[:2] / sha256

    def store(self, src: Path) -> tuple[str, int]:
        """Copy ``src`` into the store by its hash (once); returns (sha256, size). Also used for the
        photos of an outreach activity."""
        if not src.is_file():
            raise UserError("E_ATTACHMENT_MISSING", f"找不到文件“{src}”，请确认文件存在后重新选择")
        size = src.stat().st_size
        if size > MAX_BYTES:
            raise UserError("E_ATTACHMENT_TOO_LARGE", "附件超过200MB，请压缩或分页扫描后再添加")
        digest = sha256_of(src)
        target = self.stored_path(digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".part")
            shutil.copyfile(src, partial)
            with partial.open("rb") as fh:
                os.fsync(fh.fileno())
            os.replace(partial, target)
        return digest, size

    def add(self, case_id: str, source: str | Path, description: str = "") -> Attachment:
        """Copy ``source`` into the store (if not there yet) and link it to the case."""
        from mediation_desktop.core.clock import now_iso
        from mediation_desktop.storage import attachments_repo
        from mediation_desktop.storage.outbox import audit, record_changes

        src = Path(source)
        digest, size = self.store(src)
        att = Attachment(new_id(), case_id, safe_basename(src.name), digest, size, description.strip(), self.backend.user, now_iso())
        with self.backend.db.write() as conn:
            if not attachments_repo.case_exists(conn, case_id):
                raise NotFoundError("E_CASE_NOT_FOUND", "找不到该案件，可能已被删除")
            attachments_repo.insert_attachment(
                conn, id=att.id, case_id=case_id, sha256=digest, file_name=att.file_name, size=size,
                description=att.description, added_by=att.added_by, added_at=att.added_at)
            record_changes(conn, "attachment", [att.id])
            audit(conn, self.backend.user, "attach", "case", case_id, {"file": att.file_name, "sha256": digest})
        return att

    def list(self, case_id: str) -> list[Attachment]:
        from mediation_desktop.storage import attachments_repo

        with self.backend.db.read() as conn:
            rows = attachments_repo.list_attachments(conn, case_id)
        # Names from older registers or other nodes are made safe again on the way out.
        return [Attachment(r.id, r.case_id, safe_basename(r.file_name), r.sha256, r.size, r.description, r.added_by, r.added_at)
                for r in rows]

    def path_of(self, attachment: Attachment) -> Path:
        """The stored file, checked against its hash so a damaged copy is never handed out."""
        path = self.stored_path(attachment.sha256)
        if not path.is_file():
            raise UserError("E_ATTACHMENT_MISSING", "附件文件不在数据目录中，请从备份恢复或重新添加")
        if sha256_of(path) != attachment.sha256:
            raise UserError("E_ATTACHMENT_DAMAGED", "附件文件已损坏（校验值不符），请从备份恢复或重新添加")
        return path

    def readable_copy(self, attachment: Attachment) -> Path:
        """A copy under its (safe) name in a fresh folder of its own, for a viewer that needs the
        extension. A new folder per open: nothing another program left in a shared temp folder
        (a planted file or link under the same name) is ever followed or opened."""
        source = self.path_of(attachment)
        folder = Path(tempfile.mkdtemp(prefix="mediation-attachment-"))
        copy = folder / safe_basename(attachment.file_name)
        with source.open("rb") as src, open(copy, "xb") as dst:
            shutil.copyfileobj(src, dst)
        return copy

    @staticmethod
    def may_open(attachment: Attachment) -> bool:
        """Only document and image types are handed to the system to open; others are saved."""
        return may_open(safe_basename(attachment.file_name))

    def save_copy(self, attachment: Attachment, destination: str | Path) -> Path:
        """Write the attachment where the user chose (the "save as" route for types never opened)."""
        target = Path(destination)
        shutil.copyfile(self.path_of(attachment), target)
        return target
