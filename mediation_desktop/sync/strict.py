"""Strict readers for untrusted package contents: JSON, JSON Lines and the inner ZIP archive.

Everything inside a sync package came from another machine, so nothing is trusted: JSON must be plain
UTF-8 without duplicate keys, floats or NaN (money travels as integer fen, never as a float); the ZIP
is read entry by entry from memory (never ``extractall``) with its names, layout, sizes and
compression ratios checked, and sizes enforced while actually decompressing rather than taken from the
headers. Every refusal is a :class:`UserError` with a stable code and a Chinese reason.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from mediation_desktop.core.errors import UserError

# --------------------------------------------------------------------------------------------- JSON

MAX_JSON_DEPTH = 32
MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_JSONL_LINE_BYTES = 4 * 1024 * 1024
# Integers must fit SQLite's signed 64-bit column type.
_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1


class StrictJSONError(UserError):
    """Refused JSON; ``line`` is the 1-based JSON Lines line number when there is one."""

    def __init__(self, code: str, message: str, *, line: int | None = None):
        if line is not None:
            message = f"第 {line} 行：{message}"
        super().__init__(code, message)
        self.line = line


class _Refusal(Exception):
    """Raised inside json's hooks, turned into a StrictJSONError outside (keeps hook code tiny)."""

    def __init__(self, code: str, message: str):
        super().__init__(code)
        self.code = code
        self.message = message


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Refusal("E_JSON_DUPLICATE_KEY", f"对象中键“{key[:40]}”出现了两次。")
            seen.add(key)
    return result


def _no_float(text: str) -> Any:
    raise _Refusal("E_JSON_FLOAT", f"不允许小数“{text[:40]}”：金额和数值必须是整数（金额以分为单位）或字符串。")


def _no_constant(text: str) -> Any:
    raise _Refusal("E_JSON_NAN", f"不允许 {text}：它不是合法的数值。")


def _bounded_int(text: str) -> int:
    if len(text) < 19:  # the hot path: every short integer fits int64
        return int(text)
    # Checked on the text first: Python refuses >4300 digits with a ValueError of its own.
    if len(text.lstrip("-")) > 19 or not (_INT_MIN <= (value := int(text)) <= _INT_MAX):
        raise _Refusal("E_JSON_INT_RANGE", f"整数“{text[:40]}”超出允许范围（64 位有符号整数）。")
    return value


_DECODER = json.JSONDecoder(
    object_pairs_hook=_no_duplicates,
    parse_float=_no_float,
    parse_constant=_no_constant,
    parse_int=_bounded_int,
    strict=True,  # raw control characters inside strings are a syntax error
)
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)", re.DOTALL)


def _check_escapes(text: str) -> None:
    # Non-ASCII characters must be written literally, so lone surrogates (\ud800) cannot sneak in
    # and every string is a plain substring of the (valid UTF-8) text.
    if "\\u" in text:
        for match in _ESCAPE.finditer(text):
            code = match.group(1)
            if code is not None and int(code, 16) >= 0x80:
                raise _Refusal("E_JSON_ENCODING", f"不允许用转义“\\u{code}”书写非 ASCII 字符。")


def _strings(value: Any) -> Iterator[str]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            yield from item.keys()
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            deepest = max(deepest, level)
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            deepest = max(deepest, level)
            stack.extend((v, level + 1) for v in item)
    return deepest


def _decode(data: bytes, max_depth: int) -> Any:
    if data.startswith(b"\xef\xbb\xbf"):
        raise _Refusal("E_JSON_ENCODING", "文本以 BOM 开头；应为不带 BOM 的 UTF-8。")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Refusal("E_JSON_ENCODING", f"第 {exc.start} 字节处不是合法的 UTF-8。") from None
    _check_escapes(text)
    try:
        value = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise _Refusal("E_JSON_SYNTAX", f"JSON 格式错误（第 {exc.colno} 列）：{exc.msg}。") from None
    except RecursionError:
        raise _Refusal("E_JSON_DEPTH", f"嵌套层数超过 {max_depth} 层。") from None
    # Fast path: NFC text means NFC strings. Otherwise look at each string (the text can be non-NFC
    # only across a boundary, e.g. the "n" of an escaped "\n" followed by a combining mark).
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        for string in _strings(value):
            if not string.isascii() and not unicodedata.is_normalized("NFC", string):
                raise _Refusal("E_JSON_ENCODING", f"文本“{string[:20]}”不是 NFC 规范化的 Unicode。")
    # Counting brackets over-estimates depth, so the exact walk runs only when it could matter.
    if data.count(b"{") + data.count(b"[") > max_depth and _depth(value) > max_depth:
        raise _Refusal("E_JSON_DEPTH", f"嵌套层数超过 {max_depth} 层。")
    return value


def loads_strict(data: bytes, *, max_depth: int = MAX_JSON_DEPTH, max_bytes: int = MAX_JSON_BYTES) -> Any:
    """Parse one JSON document from UTF-8 bytes, refusing anything a hostile sender could abuse.

    Refused (``StrictJSONError`` with code): invalid UTF-8, a BOM, non-NFC text or ``\\u`` escapes
    of non-ASCII characters (E_JSON_ENCODING); syntax errors (E_JSON_SYNTAX); duplicate keys
    (E_JSON_DUPLICATE_KEY); any float including ``1e5`` (E_JSON_FLOAT); NaN/Infinity (E_JSON_NAN);
    integers outside int64 (E_JSON_INT_RANGE); nesting deeper than ``max_depth`` (E_JSON_DEPTH);
    more than ``max_bytes`` (E_JSON_TOO_LARGE).
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("loads_strict expects bytes")
    if len(data) > max_bytes:
        raise StrictJSONError("E_JSON_TOO_LARGE", f"JSON 文本超过 {max_bytes} 字节的上限。")
    try:
        return _decode(bytes(data), max_depth)
    except _Refusal as refusal:
        raise StrictJSONError(refusal.code, refusal.message) from None


def dumps_canonical(value: Any) -> bytes:
    """The one JSON form the package format writes: sorted keys, no spaces, UTF-8, no floats."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def iter_jsonl_strict(
    data: bytes, *, max_depth: int = MAX_JSON_DEPTH, max_line_bytes: int = MAX_JSONL_LINE_BYTES
) -> Iterator[tuple[int, Any]]:
    """Yield ``(line_number, value)`` for each line of a JSON Lines file (``\\n`` separated).

    Every line must be a strict JSON document (see :func:`loads_strict`); blank lines are refused
    (E_JSON_SYNTAX) except the final newline. Errors carry the 1-based line number.
    """
    lines = bytes(data).split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        if len(line) > max_line_bytes:
            raise StrictJSONError("E_JSON_TOO_LARGE", f"该行超过 {max_line_bytes} 字节的上限。", line=number)
        if not line.strip():
            raise StrictJSONError("E_JSON_SYNTAX", "空行。", line=number)
        try:
            yield number, _decode(line, max_depth)
        except _Refusal as refusal:
            raise StrictJSONError(refusal.code, refusal.message, line=number) from None


# ---------------------------------------------------------------------------------------------- ZIP

ARCHIVE_ERROR = "E_PKG_ARCHIVE"
_EOCD = struct.Struct("<4s4H2LH")  # signature, disk, cd disk, entries here, entries total, cd size, cd offset, comment len
_LOCAL = struct.Struct("<4s5H3L2H")  # signature, version, flags, method, time, date, crc, csize, usize, name len, extra len
_SAFE_SEGMENT = re.compile(r"[A-Za-z0-9_\-][A-Za-z0-9_.\-]*")
_DRIVE = re.compile(r"^[A-Za-z]:")
_READ_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    """Caps for one inner archive. The defaults suit a package of up to about 1 GiB."""

    max_entries: int = 65_000  # stays below the ZIP64 entry count, which we never write
    max_entry_size: int = 512 * 1024 * 1024
    max_total_size: int = 2 * 1024 * 1024 * 1024
    max_ratio: int = 100  # uncompressed / compressed; legitimate JSON Lines stays far below this
    ratio_floor: int = 1024 * 1024  # tiny entries may compress extremely well; that is harmless
    max_name_length: int = 200
    allowed_dirs: frozenset[str] = field(default_factory=lambda: frozenset({"attachments"}))


def _refuse(message: str) -> UserError:
    return UserError(ARCHIVE_ERROR, f"包内归档不合格：{message}")


def check_entry_name(name: str, limits: ZipLimits = ZipLimits()) -> None:
    """Refuse a name that could escape a folder, collide on Windows or hide its meaning."""
    shown = repr(name[:80])
    if not name:
        raise _refuse("条目名称为空。")
    if len(name) > limits.max_name_length:
        raise _refuse(f"条目名称过长：{shown}。")
    if "\x00" in name or any(unicodedata.category(ch) in ("Cc", "Cf") for ch in name):
        raise _refuse(f"条目名称含有控制字符：{shown}。")
    if "\\" in name:
        raise _refuse(f"条目名称含有反斜杠：{shown}。")
    if name.startswith("/") or _DRIVE.match(name):
        raise _refuse(f"条目名称是绝对路径：{shown}。")
    segments = name.split("/")
    if any(seg in ("..", ".") for seg in segments):
        raise _refuse(f"条目名称试图跳出目录：{shown}。")
    if not unicodedata.is_normalized("NFC", name):
        raise _refuse(f"条目名称不是 NFC 规范化形式：{shown}。")
    if len(segments) > 2 or (len(segments) == 2 and segments[0] not in limits.allowed_dirs):
        raise _refuse(f"条目位于不允许的目录：{shown}。")
    if not all(_SAFE_SEGMENT.fullmatch(seg) for seg in segments):
        raise _refuse(f"条目名称含有不允许的字符：{shown}。")


def _parse_eocd(data: bytes, limits: ZipLimits) -> tuple[int, int, int]:
    if len(data) < _EOCD.size:
        raise _refuse("数据过短，不是 ZIP 文件。")
    sig, disk, cd_disk, here, total, cd_size, cd_offset, comment = _EOCD.unpack_from(data, len(data) - _EOCD.size)
    # Our writer puts the end record last with no comment; anything else means appended data,
    # a second archive or ZIP64 features we never produce.
    if sig != b"PK\x05\x06" or comment != 0:
        raise _refuse("结尾记录缺失或其后附有多余数据。")
    if disk != 0 or cd_disk != 0 or here != total or total == 0xFFFF or cd_offset == 0xFFFFFFFF:
        raise _refuse("使用了不支持的分卷或 ZIP64 结构。")
    if total > limits.max_entries:
        raise _refuse(f"条目数 {total} 超过上限 {limits.max_entries}。")
    if cd_offset + cd_size != len(data) - _EOCD.size:
        raise _refuse("中央目录位置与文件长度不符。")
    return total, cd_offset, cd_size


class StrictZip:
    """An inner archive held in memory, validated on construction; entries are read on demand.

    Construction checks the structure without decompressing anything: the end record, entry
    count, names (see :func:`check_entry_name`), exact and case-insensitive duplicates, symlinks,
    encryption, compression methods, declared sizes and ratios, and that local entries tile the
    file from byte 0 up to the central directory with no gaps or overlaps.
    """

    def __init__(self, data: bytes, limits: ZipLimits = ZipLimits()):
        self._data = bytes(data)
        self.limits = limits
        count, cd_offset, _ = _parse_eocd(self._data, limits)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(self._data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, struct.error) as exc:
            raise _refuse(f"无法读取 ZIP 结构（{exc}）。") from None
        if len(infos) != count:
            raise _refuse("中央目录条目数与结尾记录不符。")
        self._infos: dict[str, zipfile.ZipInfo] = {}
        folded: set[str] = set()
        total = 0
        spans = []
        for info in infos:
            self._check_info(info)
            key = unicodedata.normalize("NFC", info.filename).casefold()
            if info.filename in self._infos or key in folded:
                raise _refuse(f"条目名称重复：{info.filename[:80]!r}。")
            folded.add(key)
            self._infos[info.filename] = info
            total += info.file_size
            if total > limits.max_total_size:
                raise _refuse(f"解压后总大小超过上限 {limits.max_total_size} 字节。")
            spans.append(self._local_span(info))
        position = 0
        for start, end in sorted(spans):
            if start != position:
                raise _refuse("条目之间有重叠或夹带数据。")
            position = end
        if position != cd_offset:
            raise _refuse("最后一个条目与中央目录之间夹带数据。")

    def _check_info(self, info: zipfile.ZipInfo) -> None:
        # orig_filename is the name as stored; zipfile's ``filename`` cuts at NUL and, on Windows,
        # turns backslashes into slashes, which would hide exactly what we must see.
        name = info.orig_filename
        if info.filename != name:
            raise _refuse(f"条目名称含有 NUL 或反斜杠：{name[:80]!r}。")
        if info.flag_bits & 0x1:
            raise _refuse(f"条目已加密：{name[:80]!r}。")
        if info.flag_bits & 0x8:
            raise _refuse(f"条目使用了数据描述符：{name[:80]!r}。")
        if not name.isascii() and not info.flag_bits & 0x800:
            raise _refuse(f"条目名称编码不明：{name[:80]!r}。")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise _refuse(f"条目是符号链接：{name[:80]!r}。")
        if name.endswith("/") or info.is_dir():
            raise _refuse(f"不允许目录条目：{name[:80]!r}。")
        check_entry_name(name, self.limits)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(f"条目使用了不支持的压缩方式 {info.compress_type}：{name[:80]!r}。")
        if info.file_size > self.limits.max_entry_size:
            raise _refuse(f"条目 {name[:80]!r} 声明大小 {info.file_size} 字节，超过上限。")
        if info.file_size > self._ratio_budget(info):
            raise _refuse(f"条目 {name[:80]!r} 的压缩比异常（疑似压缩炸弹）。")

    def _ratio_budget(self, info: zipfile.ZipInfo) -> int:
        return max(self.limits.ratio_floor, info.compress_size * self.limits.max_ratio)

    def _local_span(self, info: zipfile.ZipInfo) -> tuple[int, int]:
        offset = info.header_offset
        if offset + _LOCAL.size > len(self._data):
            raise _refuse("本地文件头越界。")
        sig, _, flags, method, _, _, crc, csize, usize, name_len, extra_len = _LOCAL.unpack_from(self._data, offset)
        name_start = offset + _LOCAL.size
        local_name = self._data[name_start : name_start + name_len]
        central_name = info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437")
        if sig != b"PK\x03\x04" or local_name != central_name:
            raise _refuse(f"本地文件头与中央目录不一致：{info.filename[:80]!r}。")
        if (flags, method, crc, csize, usize) != (info.flag_bits, info.compress_type, info.CRC, info.compress_size, info.file_size):
            raise _refuse(f"本地文件头与中央目录不一致：{info.filename[:80]!r}。")
        end = name_start + name_len + extra_len + info.compress_size
        if end > len(self._data):
            raise _refuse("条目数据越界。")
        return offset, end

    @property
    def names(self) -> list[str]:
        return list(self._infos)

    def read(self, name: str, *, max_size: int | None = None) -> bytes:
        """Decompress one entry, counting real output: stop at the cap, never trust the header."""
        info = self._infos.get(name)
        if info is None:
            raise _refuse(f"缺少条目 {name[:80]!r}。")
        cap = min(info.file_size, self.limits.max_entry_size, self._ratio_budget(info))
        if max_size is not None:
            cap = min(cap, max_size)
        parts: list[bytes] = []
        produced = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(min(_READ_CHUNK, cap + 1 - produced)):
                    produced += len(chunk)
                    if produced > cap:
                        raise _refuse(f"条目 {name[:80]!r} 解压后超过允许的大小。")
                    parts.append(chunk)
        except (zipfile.BadZipFile, EOFError, zlib.error, ValueError, OSError, NotImplementedError) as exc:
            raise _refuse(f"条目 {name[:80]!r} 已损坏（{exc}）。") from None
        if produced != info.file_size:
            raise _refuse(f"条目 {name[:80]!r} 的实际大小与声明不符。")
        return b"".join(parts)


def read_listed_entries(
    archive: StrictZip, listing: Mapping[str, tuple[int, str]], *, also_present: frozenset[str] = frozenset()
) -> dict[str, bytes]:
    """Read exactly the entries of ``listing`` (name → (size, sha256 hex)), checking both values.

    The archive must hold those names plus ``also_present`` (e.g. the manifest itself) and nothing
    else; each entry is decompressed with the listed size as its hard cap.
    """
    present = set(archive.names)
    unlisted = sorted(present - set(listing) - also_present)
    if unlisted:
        raise _refuse(f"条目 {unlisted[0][:80]!r} 未列在清单中。")
    missing = sorted((set(listing) | also_present) - present)
    if missing:
        raise _refuse(f"清单所列条目 {missing[0][:80]!r} 不存在。")
    result: dict[str, bytes] = {}
    for name, (size, sha256_hex) in listing.items():
        data = archive.read(name, max_size=size)
        if len(data) != size or hashlib.sha256(data).hexdigest() != sha256_hex:
            raise _refuse(f"条目 {name[:80]!r} 的大小或 SHA-256 与清单不符。")
        result[name] = data
    return result
