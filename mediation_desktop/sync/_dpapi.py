"""Windows DPAPI (CryptProtectData) through ctypes: ties a secret to the current Windows user.

Only used on Windows; ``available()`` is False elsewhere, and nothing here is imported eagerly.
"""

from __future__ import annotations

import ctypes
import sys

_UI_FORBIDDEN = 0x1
_DESCRIPTION = "mediation-desktop node key"


def available() -> bool:
    if sys.platform != "win32":
        return False
    try:
        ctypes.WinDLL("crypt32")
    except OSError:
        return False
    return True


class _Blob(ctypes.Structure):
    _fields_ = [("cbData", ctypes.c_uint32), ("pbData", ctypes.POINTER(ctypes.c_char))]


def _call(function_name: str, data: bytes) -> bytes:
    crypt32 = ctypes.WinDLL("crypt32")  # type: ignore[attr-defined]
    kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
    buffer = ctypes.create_string_buffer(data, len(data))
    blob_in = _Blob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char)))
    blob_out = _Blob()
    function = getattr(crypt32, function_name)
    if function_name == "CryptProtectData":
        ok = function(ctypes.byref(blob_in), _DESCRIPTION, None, None, None, _UI_FORBIDDEN, ctypes.byref(blob_out))
    else:
        ok = function(ctypes.byref(blob_in), None, None, None, None, _UI_FORBIDDEN, ctypes.byref(blob_out))
    if not ok:
        raise OSError(f"{function_name} failed")
    try:
        return ctypes.string_at(blob_out.pbData, blob_out.cbData)
    finally:
        kernel32.LocalFree(blob_out.pbData)


def protect(data: bytes) -> bytes:
    return _call("CryptProtectData", data)


def unprotect(data: bytes) -> bytes:
    return _call("CryptUnprotectData", data)
