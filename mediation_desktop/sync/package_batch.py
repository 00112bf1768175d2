"""Importing a pile of packages (a USB stick's folder, or dropped files) as one batch, with one line per
room in words a supervisor understands: imported, already imported, held and why, rejected and why;
the counts; the conflicts.

The batch runs through importer.import_packages, which takes one backup before the first package
that changes anything. The files are handed to it lazily, so ``cancelled()`` is asked between
packages: a package is imported whole or not started, never cut in the middle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mediation_desktop.core.errors import UserError
from mediation_desktop.services.backend import Backend
from mediation_desktop.storage import sync_repo
from mediation_desktop.sync.container import SUFFIX
from mediation_desktop.sync.importer import FileReport, import_packages

UNKNOWN_ROOM = "（无法识别发送方的文件）"
STATUS_WORDS = {"imported": "已导入", "already_imported": "以前已导入", "held": "已暂存", "rejected": "已拒绝"}


@dataclass
class RoomLine:
    """What one sender's packages in the batch came to."""

    org_code: str
    org_name: str
    imported: int = 0
    already_imported: int = 0
    held: int = 0
    rejected: int = 0
    created: int = 0
    updated: int = 0
    conflicts: int = 0
    reasons: list[str] = field(default_factory=list)   # why a package was held or rejected, in words

    @property
    def words(self) -> str:
        parts = []
        if self.imported:
            parts.append(f"导入{self.imported}个包（新增{self.created}件、更新{self.updated}件）")
        if self.already_imported:
            parts.append(f"{self.already_imported}个包以前已导入")
        if self.held:
            parts.append(f"{self.held}个包已暂存，等待缺少的包")
        if self.rejected:
            parts.append(f"{self.rejected}个包被拒绝")
        if self.conflicts:
            parts.append(f"{self.conflicts}处冲突待处理")
        text = f"{self.org_name}：" + ("，".join(parts) or "没有包")
        return text + ("。" + "；".join(self.reasons) if self.reasons else "。")

    def as_json(self) -> dict:
        return {"org_code": self.org_code, "org_name": self.org_name, "imported": self.imported,
                "already_imported": self.already_imported, "held": self.held, "rejected": self.rejected,
                "created": self.created, "updated": self.updated, "conflicts": self.conflicts,
                "reasons": list(self.reasons), "words": self.words}


@dataclass
class BatchResult:
    reports: list[FileReport]
    rooms: list[RoomLine]
    cancelled: bool = False
    not_started: list[str] = field(default_factory=list)   # files left when the batch was cancelled

    @property
    def conflicts(self) -> int:
        return sum(r.conflicts for r in self.rooms)

    @property
    def summary(self) -> str:
        counts = {s: sum(1 for r in self.reports if r.status == s) for s in STATUS_WORDS}
        text = "，".join(f"{STATUS_WORDS[s]}{n}个" for s, n in counts.items() if n) or "没有导入任何包"
        if self.cancelled:
            text += f"；已取消，{len(self.not_started)}个包未导入"
        if self.conflicts:
            text += f"；共{self.conflicts}处冲突，请在“冲突”中处理"
        return text

    def as_json(self) -> dict:
        return {"summary": self.summary, "cancelled": self.cancelled, "not_started": self.not_started,
                "rooms": [r.as_json() for r in self.rooms], "files": [r.as_json() for r in self.reports]}


def package_files(sources: Iterable[str | Path]) -> list[Path]:
    """The package files named, and those in the folders named (not their subfolders), in name order:
    a room's packages are named by their change numbers, so they come in the order they were made."""
    found: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir()
                                if p.is_file() and p.suffix.lower() == SUFFIX and not p.name.startswith(".")))
        elif path.is_file():
            found.append(path)
        else:
            raise UserError("E_FILE_NOT_FOUND", f"找不到文件或文件夹：{path}")
    seen: set[Path] = set()
    unique = []
    for p in found:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def import_batch(backend: Backend, sources: Iterable[str | Path], *, cancelled: Callable[[], bool] = lambda: False,
                 progress: Callable[[int, int, str], None] | None = None) -> BatchResult:
    """Import every package of ``sources`` (files or folders); ``cancelled()`` is asked before each one."""
    files = package_files(sources)
    if not files:
        raise UserError("E_FILE_NOT_FOUND", f"所选位置没有同步包（{SUFFIX} 文件）")
    started: list[Path] = []
    stopped = [False]

    def feed() -> Iterator[Path]:
        for i, path in enumerate(files):
            if cancelled():
                stopped[0] = True
                return
            if progress is not None:
                progress(i, len(files), path.name)
            started.append(path)
            yield path

    reports = import_packages(backend, feed())
    if progress is not None and not stopped[0]:
        progress(len(files), len(files), "")
    return BatchResult(reports, room_lines(backend, reports), stopped[0],
                       [str(p) for p in files[len(started):]])


def room_lines(backend: Backend, reports: list[FileReport]) -> list[RoomLine]:
    """One line per sender, in the order of organisation codes; unreadable files last."""
    with backend.db.read() as conn:
        names = {p.org_code: p.org_name for p in sync_repo.list_peers(conn)}
    lines: dict[str, RoomLine] = {}
    for r in reports:
        code = r.sender_org_code or ""
        line = lines.get(code)
        if line is None:
            line = lines[code] = RoomLine(code, names.get(code, UNKNOWN_ROOM if not code else code))
        if r.status == "imported":
            line.imported += 1
        elif r.status == "already_imported":
            line.already_imported += 1
        elif r.status == "held":
            line.held += 1
        else:
            line.rejected += 1
        line.created += r.created
        line.updated += r.updated
        line.conflicts += r.conflicts
        if r.status in ("held", "rejected") and r.reason:
            line.reasons.append(f"{Path(r.file).name}：{r.reason}")
    return sorted(lines.values(), key=lambda line: (not line.org_code, line.org_code))
