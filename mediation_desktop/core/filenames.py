"""File names that came from outside (a picked scan, a sync package, a document register row).

A name is only ever used as the last part of a path inside a folder the app chose, so it is reduced
to a safe base name: whatever a room's package or a renamed scan says, the file lands in that
folder and nowhere else, and it cannot pose as another type (``a\\u202egpj.exe`` shows as
``aexe.jpg`` in Explorer). Files are handed to the operating system to open only for the document
and image types below; anything else could be a program and is only ever saved where the user says.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_CHARS = 100
FALLBACK_NAME = "附件"

# The types the app opens with the system viewer. Everything else is "save as", never run.
OPENABLE_EXTENSIONS = frozenset({
    "pdf", "jpg", "jpeg", "png", "tif", "tiff", "bmp", "docx", "doc", "xlsx", "xls", "wps", "ofd", "txt",
})

# Windows refuses these as file names whatever the extension (``CON.txt`` is the console).
_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)", re.IGNORECASE)
# Characters Windows does not allow in a name; removed so the same name works on every node.
_WINDOWS_FORBIDDEN = set('<>:"|?*')
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}


def _allowed_char(c: str) -> bool:
    if c in _BIDI or c in _WINDOWS_FORBIDDEN:
        return False
    # Cc: control characters; Cf: invisible format characters (bidi, zero-width joiners...);
    # Zl/Zp: line and paragraph separators. None of them belongs in a file name.
    return unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")


def split_extension(name: str) -> tuple[str, str]:
    """``("报告", "pdf")`` for ``报告.pdf``; ``""`` when there is no extension."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or not ext:
        return name, ""
    return stem, ext


def safe_basename(name: str) -> str:
    """A name safe to use as the last part of a path in any folder, on Windows and Linux alike.

    No separators, no ``..``, no drive letter, no Windows reserved device name, no control or
    bidi/format characters, NFC, at most :data:`MAX_NAME_CHARS` characters, the extension kept.
    """
    text = unicodedata.normalize("NFC", str(name))
    # Only the last path component counts, whichever separator the sender's system used.
    text = re.split(r"[/\\]", text)[-1]
    text = "".join(c for c in text if _allowed_char(c))
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\.{2,}", ".", text)  # no "..", anywhere
    # Leading dots would make "..", hidden files or an extension-only name; trailing dots and
    # spaces are silently dropped by Windows, which would change the extension seen.
    text = text.strip(" ")
    stem, dot, ext = text.rpartition(".")
    if not dot or not ext.isalnum() or len(ext) > 16:
        stem, ext = text, ""
    stem = stem.strip(" .")
    if _RESERVED.fullmatch(stem.split(".")[0].strip()):
        stem = f"_{stem}"
    if not stem:
        stem = FALLBACK_NAME
    suffix = f".{ext}" if ext else ""
    stem = stem[: MAX_NAME_CHARS - len(suffix)].rstrip(" .") or FALLBACK_NAME
    result = unicodedata.normalize("NFC", stem + suffix)
    return result[:MAX_NAME_CHARS]


def may_open(name: str) -> bool:
    """Whether a file of this (already safe) name may be handed to the system to open."""
    return split_extension(name)[1].lower() in OPENABLE_EXTENSIONS
