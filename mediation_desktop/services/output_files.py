"""Where the user asked a file to be written: checked before any work is done or recorded, so a
document is not entered in the register (nor an export audited) for a file that could not be
written, and a bad path is refused with a clear message instead of failing half-way."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from mediation_desktop.core.environment_errors import from_os_error
from mediation_desktop.core.errors import UserError


def check_output_file(path: str | Path) -> Path:
    """``path`` if its folder exists and a file can really be created there (probed with a
    throw-away file: permission bits alone do not tell about read-only media or /proc)."""
    out = Path(path)
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise UserError("E_OUTPUT_PATH", f"“{out}”是一个文件夹，请给出要写入的文件名")
    if not folder.is_dir():
        raise UserError("E_OUTPUT_PATH", f"输出文件夹“{folder}”不存在，请先建立该文件夹或换一个位置")
    try:
        fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=folder)
    except OSError as exc:
        fault = from_os_error(OSError(exc.errno, exc.strerror, str(folder)))
        if fault is not None and fault.code != "E_PATH_MISSING":
            raise fault from None  # a full disk, a read-only medium, no permission: said as such
        raise UserError("E_OUTPUT_PATH", f"不能在“{folder}”中建立文件（{exc.strerror or exc}），请换一个位置") from None
    os.close(fd)
    os.unlink(probe)
    return out
