"""The inner archive of a package: a ZIP holding ``manifest.json`` and the named entries.

The manifest repeats the identifying header fields (so an archive cannot be re-wrapped under another
header) and lists every other entry with its size and SHA-256. Reading goes through the strict ZIP
reader; an entry is accepted only if it is listed, and every listed entry must be present and match.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from typing import Any

from mediation_desktop.core.errors import UserError
from mediation_desktop.sync.strict import (
    ARCHIVE_ERROR,
    StrictZip,
    ZipLimits,
    check_entry_name,
    dumps_canonical,
    loads_strict,
    read_listed_entries,
)

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = "mdpkg-manifest"
MAX_MANIFEST_BYTES = 32 * 1024 * 1024
# Header fields the manifest must repeat verbatim.
BOUND_FIELDS = ("package_id", "sender", "recipients", "kind", "origin_seq", "schema_version")
_COMPRESSED_SUFFIXES = (".json", ".jsonl", ".csv", ".txt")
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # same bytes for the same content, whatever the clock says


def build_archive(entries: Mapping[str, bytes] | Iterable[tuple[str, bytes]], bound: Mapping[str, Any],
                  limits: ZipLimits = ZipLimits()) -> tuple[bytes, dict[str, Any]]:
    """Return (zip bytes, manifest dict). Text entries are deflated; attachments are stored as-is."""
    items = entries.items() if isinstance(entries, Mapping) else entries
    buffer = io.BytesIO()
    listing: list[dict[str, Any]] = []
    seen: set[str] = set()
    total = 0
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in items:
            if name == MANIFEST_NAME or name in seen:
                raise ValueError(f"entry name reserved or repeated: {name!r}")
            try:
                check_entry_name(name, limits)
            except UserError as exc:
                raise ValueError(exc.message) from None
            if not isinstance(data, (bytes, bytearray, memoryview)):
                raise TypeError(f"entry {name!r} must be bytes")
            seen.add(name)
            total += len(data)
            if len(seen) >= limits.max_entries or len(data) > limits.max_entry_size or total > limits.max_total_size:
                # what every reader would refuse is refused here, with advice instead of a failed re-read
                raise UserError("E_PKG_TOO_LARGE", "导出内容超过单个包的容量上限（条目数或大小），请分批导出。")
            _add(archive, name, bytes(data))
            listing.append({"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
        manifest = {"format": MANIFEST_FORMAT, "version": 1, **{k: bound[k] for k in BOUND_FIELDS},
                    "entries": listing}
        _add(archive, MANIFEST_NAME, dumps_canonical(manifest))
    return buffer.getvalue(), manifest


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.external_attr = 0o100644 << 16  # a regular file, never a link
    if name.endswith(_COMPRESSED_SUFFIXES):
        info.compress_type = zipfile.ZIP_DEFLATED
        # Level 3: on JSON Lines, level 6 is 2.5x slower for about 10 % smaller output.
        archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=3)
    else:
        archive.writestr(info, data, compress_type=zipfile.ZIP_STORED)


def _refuse(message: str) -> UserError:
    return UserError(ARCHIVE_ERROR, f"包内清单不合格：{message}")


def read_archive(plaintext: bytes, bound: Mapping[str, Any], limits: ZipLimits = ZipLimits()
                 ) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Validate the inner archive against its manifest and the header; return (manifest, entries)."""
    archive = StrictZip(plaintext, limits)
    try:
        manifest = loads_strict(archive.read(MANIFEST_NAME, max_size=MAX_MANIFEST_BYTES))
    except UserError as exc:
        if exc.code == ARCHIVE_ERROR:
            raise
        raise _refuse(f"manifest.json 不是合格的 JSON（{exc.message}）。") from None
    listing = _check_manifest(manifest, bound)
    return manifest, read_listed_entries(archive, listing, also_present=frozenset({MANIFEST_NAME}))


def _check_manifest(manifest: Any, bound: Mapping[str, Any]) -> dict[str, tuple[int, str]]:
    expected_keys = {"format", "version", "entries", *BOUND_FIELDS}
    if not isinstance(manifest, dict) or set(manifest) != expected_keys:
        raise _refuse("字段不完整或有多余字段。")
    if manifest["format"] != MANIFEST_FORMAT or manifest["version"] != 1:
        raise _refuse("格式或版本不受支持。")
    for key in BOUND_FIELDS:
        if manifest[key] != bound[key]:
            raise _refuse(f"清单中的 {key} 与包头不一致（疑似拼接或转发篡改）。")
    entries = manifest["entries"]
    if not isinstance(entries, list):
        raise _refuse("entries 必须是列表。")
    listing: dict[str, tuple[int, str]] = {}
    for item in entries:
        if not isinstance(item, dict) or set(item) != {"name", "size", "sha256"}:
            raise _refuse("条目记录格式不正确。")
        name, size, digest = item["name"], item["size"], item["sha256"]
        if not isinstance(name, str) or name == MANIFEST_NAME or name in listing:
            raise _refuse("条目名称缺失或重复。")
        if type(size) is not int or size < 0 or not isinstance(digest, str) or not _SHA256_HEX.fullmatch(digest):
            raise _refuse(f"条目 {name[:80]!r} 的大小或摘要格式不正确。")
        listing[name] = (size, digest)
    return listing
