"""Durable file writing: temporary name, fsync, atomic rename, fsync of the folder."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (POSIX only; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_name(final: Path, suffix: str = ".part") -> Path:
    """A hidden sibling name that never equals any final name we produce."""
    return final.with_name(f".{final.name}.{secrets.token_hex(4)}{suffix}")


def open_exclusive(path: Path, mode: int = 0o600) -> int:
    """Create ``path`` (refusing to follow or reuse an existing file) with restrictive permissions."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    return os.open(path, flags, mode)


def drop_from_cache(fd: int) -> None:
    """Ask the kernel to forget cached pages so a re-read really comes from the device (best effort)."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        try:
            advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        except OSError:
            pass


def atomic_write_bytes(final: Path, data: bytes, *, mode: int = 0o600, replace: bool = False) -> None:
    """Write ``data`` to ``final`` so that a crash leaves either the old state or the complete file."""
    tmp = temp_name(final, ".tmp")
    fd = open_exclusive(tmp, mode)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if replace:
            os.replace(tmp, final)
        else:
            # link() fails if the final name exists, so a concurrent writer cannot be overwritten.
            rename_no_replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(final.parent)


def rename_no_replace(tmp: Path, final: Path) -> None:
    if os.name == "nt":
        os.rename(tmp, final)  # Windows rename already refuses an existing target
        return
    try:
        os.link(tmp, final)
    except OSError as exc:
        if isinstance(exc, FileExistsError):
            raise
        # Filesystems without hard links (FAT on a USB stick): check, then rename.
        if final.exists():
            raise FileExistsError(str(final)) from None
        os.rename(tmp, final)
        return
    tmp.unlink()
