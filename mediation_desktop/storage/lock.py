"""One writer per data folder: an operating-system lock on ``mediation.lock`` held by the GUI.

The lock belongs to the open file, so the operating system drops it when the process dies (no
stale lock after a crash or power cut). The file's text names the holder for the refusal message;
on Windows the lock covers one byte far past that text, because a locked range cannot be read.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path
from typing import BinaryIO

from mediation_desktop.core.clock import now_iso

_WIN_LOCK_OFFSET = 1 << 20


class InstanceLock:
    def __init__(self, path: Path):
        self.path = path
        self._fh: BinaryIO | None = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self) -> bool:
        """Take the lock without waiting; False when another process (or handle) holds it."""
        if self._fh is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+b")  # held open for the process's lifetime
        try:
            if sys.platform == "win32":  # the type checker then knows msvcrt is Windows-only
                import msvcrt

                fh.seek(_WIN_LOCK_OFFSET)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        info = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": now_iso()})
        fh.seek(0)
        fh.truncate()
        fh.write(info.encode("utf-8"))
        fh.flush()
        self._fh = fh
        return True

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        try:
            if sys.platform == "win32":  # the type checker then knows msvcrt is Windows-only
                import msvcrt

                fh.seek(_WIN_LOCK_OFFSET)
                msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        finally:
            fh.close()

    def holder(self) -> dict | None:
        """Who holds the lock, as written in the file (None when unreadable)."""
        try:
            text = self.path.read_text(encoding="utf-8")[:1000]
            return json.loads(text) if text.strip() else None
        except (OSError, ValueError):
            return None

    def held_elsewhere(self) -> bool:
        """True when some other handle holds the lock right now (probes by taking it briefly)."""
        if self._fh is not None:
            return False
        if self.acquire():
            self.release()
            return False
        return True

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


class NoFolderLock(InstanceLock):
    """The stand-in when the database is on a PostgreSQL server: the server serialises writers and
    several staff (and windows) work at once, so no window claims the folder. Always "held"."""

    def __init__(self, path: Path):
        super().__init__(path)
        self._claimed = False

    @property
    def held(self) -> bool:
        return self._claimed

    def acquire(self) -> bool:
        self._claimed = True
        return True

    def release(self) -> None:
        self._claimed = False

    def held_elsewhere(self) -> bool:
        return False
