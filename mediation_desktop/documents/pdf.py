"""PDF through LibreOffice: many files in one soffice call, with a private profile per call.

LibreOffice instances that share a profile fail silently when they run at once (the second exits 1
with no PDF), and each call costs about 2 s of start-up, so callers batch and every call gets its own
``-env:UserInstallation``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from mediation_desktop.core.errors import UserError

_WINDOWS_CANDIDATES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
_MAC_CANDIDATE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"


def find_soffice() -> Path | None:
    """LibreOffice's command: $MEDIATION_DESKTOP_SOFFICE, then PATH, then the usual install places."""
    override = os.environ.get("MEDIATION_DESKTOP_SOFFICE")
    if override and Path(override).is_file():
        return Path(override)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for candidate in (*_WINDOWS_CANDIDATES, _MAC_CANDIDATE):
        if Path(candidate).is_file():
            return Path(candidate)
    return None


def convert_to_pdf(paths: list[Path | str], out_dir: Path | str, *, timeout: float | None = None) -> list[Path]:
    """Convert .docx files to PDF in ``out_dir`` with one LibreOffice call; returns the PDFs in order.

    Raises UserError E_NO_LIBREOFFICE when LibreOffice is not installed, E_PDF_CONVERT when it fails
    or times out (default: 60 s plus 10 s per file).
    """
    sources = [Path(p).resolve() for p in paths]
    if not sources:
        return []
    stems = [p.stem.casefold() for p in sources]
    if len(set(stems)) != len(stems):
        raise UserError("E_PDF_CONVERT", "要转换的文件中有重名文件，转换后的 PDF 会互相覆盖，请分批转换")
    soffice = find_soffice()
    if soffice is None:
        raise UserError("E_NO_LIBREOFFICE", "未找到 LibreOffice，无法转换为 PDF。请安装 LibreOffice 后重试，"
                        "或直接用 Word/WPS 打开 .docx 文件打印")
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    targets = [out / f"{p.stem}.pdf" for p in sources]
    for target in targets:  # so a PDF left from an earlier run cannot pass for this one
        if target.exists():
            target.unlink()
    with tempfile.TemporaryDirectory(prefix="md-lo-profile-") as profile:
        command = [str(soffice), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                   "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                   "--convert-to", "pdf", "--outdir", str(out), *map(str, sources)]
        returncode, output = _run(command, timeout if timeout is not None else 60 + 10 * len(sources))
    missing = [t.name for t in targets if not t.is_file() or t.stat().st_size == 0]
    if missing:
        detail = output.strip().splitlines()[-1] if output.strip() else f"退出码 {returncode}"
        raise UserError("E_PDF_CONVERT", f"LibreOffice 未能生成：{'、'.join(missing)}（{detail}）")
    return targets


def _run(command: list[str], timeout: float) -> tuple[int, str]:
    """Run soffice in its own process group so a hung conversion can be killed with its children."""
    kwargs: dict = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True}
    if sys.platform == "win32":
        kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW
    else:
        kwargs["start_new_session"] = True
    process = subprocess.Popen(command, **kwargs)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        if sys.platform == "win32":
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise UserError("E_PDF_CONVERT", f"LibreOffice 转换超时（{timeout:.0f} 秒），请稍后重试") from None
    return process.returncode, output or ""
