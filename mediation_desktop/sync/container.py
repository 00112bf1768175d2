"""The package file: signed cleartext header, then the payload encrypted to its recipients.

Layout (all integers big-endian; docs/sync-format.md has the full description)::

    "MDPKG\\0"  u8 version  u32 header_len  header JSON  64-byte Ed25519 signature  payload

The signature covers SHA-256(magic ‖ version ‖ header_len ‖ header ‖ SHA-256(payload)). A reader
checks the sender and the signature before it decrypts a single byte, and only then opens the inner
archive strictly. Writers use a temporary name, fsync, re-read and verify, then rename.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
import struct
import time
import uuid
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature

from mediation_desktop.core.errors import UserError
from mediation_desktop.core.validation import ORG_CODE_RE
from mediation_desktop.sync import envelope
from mediation_desktop.sync._files import (
    drop_from_cache,
    fsync_dir,
    open_exclusive,
    rename_no_replace,
    temp_name,
)
from mediation_desktop.sync.inner import BOUND_FIELDS, build_archive, read_archive
from mediation_desktop.sync.keys import NodeKeys, PeerKeys
from mediation_desktop.sync.strict import ZipLimits, dumps_canonical, loads_strict

MAGIC = b"MDPKG\x00"
FORMAT_VERSION = 1
SUFFIX = ".mdpkg"
KINDS = ("incremental", "full", "downstream")
MAX_HEADER_BYTES = 64 * 1024
MAX_PACKAGE_BYTES = 1024 * 1024 * 1024  # FAT32 sticks allow 4 GiB; packages stay well below
MAX_RECIPIENTS = 32
SIGNATURE_SIZE = 64
_PREFIX = struct.Struct(">6sBI")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_ORG_CODE = ORG_CODE_RE
_CREATED_AT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)")
_META_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")
_PARTIAL = re.compile(r"\..+\.mdpkg\.[0-9a-f]{8}\.part")
_SEQ_MAX = 2**63 - 1
_HEADER_FIELDS = {
    "format", "format_version", "schema_version", "package_id", "kind", "sender", "sender_org_code",
    "recipients", "origin_seq", "created_at", "payload_size", "payload_sha256", "algorithms",
    "wrapped_keys", "meta",
}

# node id → its enrolled keys: one PeerKeys, several (after a key change: old ones revoked), or None.
PeerLookup = Callable[[str], "PeerKeys | Sequence[PeerKeys] | None"]


@dataclass(frozen=True)
class PackageHeader:
    """The cleartext header. Authentic only when obtained from :func:`open_package`."""

    schema_version: int
    package_id: str
    kind: str
    sender: str
    sender_org_code: str
    recipients: tuple[str, ...]
    origin_seq: tuple[int, int]
    created_at: str
    payload_size: int
    payload_sha256: str
    wrapped_keys: Mapping[str, bytes]
    meta: Mapping[str, str | int]
    raw: bytes

    @property
    def from_seq(self) -> int:
        return self.origin_seq[0]

    @property
    def to_seq(self) -> int:
        return self.origin_seq[1]


@dataclass(frozen=True)
class OpenedPackage:
    """A package that passed every check: authentic, addressed to us, decrypted, archive verified."""

    path: Path
    header: PackageHeader
    manifest: dict[str, Any]
    entries: dict[str, bytes]
    file_sha256: str


def _err(code: str, message: str) -> UserError:
    return UserError(code, message)


# ------------------------------------------------------------------------------------------ header


def _header_error(reason: str) -> UserError:
    return _err("E_PKG_HEADER", f"包头无效：{reason}该文件可能已损坏或被改动，请让对方重新导出。")


def _parse_header(raw: bytes) -> PackageHeader:
    try:
        h = loads_strict(raw, max_depth=4, max_bytes=MAX_HEADER_BYTES)
    except UserError as exc:
        raise _header_error(f"不是合格的 JSON（{exc.message}）。") from None
    if not isinstance(h, dict) or set(h) != _HEADER_FIELDS:
        raise _header_error("字段不完整或有多余字段。")
    if h["format"] != "mdpkg" or h["format_version"] != FORMAT_VERSION or h["algorithms"] != envelope.ALGORITHMS:
        raise _header_error("格式、版本或算法不受支持。")

    def integer(value: Any, low: int, high: int) -> bool:
        return type(value) is int and low <= value <= high

    def node_id(value: Any) -> bool:
        return isinstance(value, str) and _UUID.fullmatch(value) is not None

    if not integer(h["schema_version"], 1, 1_000_000):
        raise _header_error("schema_version 不正确。")
    if not node_id(h["package_id"]) or not node_id(h["sender"]):
        raise _header_error("包编号或发送方编号不是规范的 UUID。")
    if h["kind"] not in KINDS:
        raise _header_error("包类型不受支持。")
    if not isinstance(h["sender_org_code"], str) or not _ORG_CODE.fullmatch(h["sender_org_code"]):
        raise _header_error("发送方机构代码不正确。")
    recipients = h["recipients"]
    if (not isinstance(recipients, list) or not 1 <= len(recipients) <= MAX_RECIPIENTS
            or not all(node_id(r) for r in recipients) or len(set(recipients)) != len(recipients)):
        raise _header_error("接收方列表不正确。")
    seq = h["origin_seq"]
    if not (isinstance(seq, list) and len(seq) == 2 and integer(seq[0], 0, _SEQ_MAX)
            and integer(seq[1], seq[0] if type(seq[0]) is int else 0, _SEQ_MAX)):
        raise _header_error("序号范围不正确。")
    if not isinstance(h["created_at"], str) or not _CREATED_AT.fullmatch(h["created_at"]):
        raise _header_error("创建时间格式不正确。")
    if not integer(h["payload_size"], envelope.TAG_SIZE + 1, _SEQ_MAX):
        raise _header_error("载荷长度不正确。")
    if not isinstance(h["payload_sha256"], str) or not re.fullmatch(r"[0-9a-f]{64}", h["payload_sha256"]):
        raise _header_error("载荷摘要格式不正确。")
    wrapped = _parse_wrapped(h["wrapped_keys"], recipients)
    meta = h["meta"]
    if not isinstance(meta, dict) or len(meta) > 32 or not all(
        _META_KEY.fullmatch(k) and ((isinstance(v, str) and len(v) <= 200) or integer(v, -_SEQ_MAX, _SEQ_MAX))
        for k, v in meta.items()
    ):
        raise _header_error("附加信息 meta 不正确。")
    return PackageHeader(h["schema_version"], h["package_id"], h["kind"], h["sender"], h["sender_org_code"],
                         tuple(recipients), (seq[0], seq[1]), h["created_at"], h["payload_size"],
                         h["payload_sha256"], wrapped, dict(meta), bytes(raw))


def _parse_wrapped(value: Any, recipients: list[str]) -> dict[str, bytes]:
    if not isinstance(value, dict) or set(value) != set(recipients):
        raise _header_error("密钥封装与接收方不对应。")
    result = {}
    for recipient, text in value.items():
        try:
            blob = base64.b64decode(text.encode("ascii"), validate=True) if isinstance(text, str) else b""
        except (binascii.Error, UnicodeEncodeError):
            blob = b""
        if len(blob) != envelope.WRAPPED_SIZE:
            raise _header_error("密钥封装格式不正确。")
        result[recipient] = blob
    return result


def _signed_digest(header_raw: bytes, payload_sha256: bytes) -> bytes:
    prefix = _PREFIX.pack(MAGIC, FORMAT_VERSION, len(header_raw))
    return hashlib.sha256(prefix + header_raw + payload_sha256).digest()


# -------------------------------------------------------------------------------------------- read


def _read_exact(stream: BinaryIO, size: int, digest: Any) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise _err("E_PKG_TRUNCATED", "文件不完整（可能在复制中途被中断或 U 盘被拔出）。请重新复制或让对方重新导出。")
    digest.update(data)
    return data


def _read_prefix_and_header(stream: BinaryIO, file_size: int, max_size: int, digest: Any) -> PackageHeader:
    if file_size > max_size:
        raise _err("E_PKG_TOO_LARGE", f"文件大小 {file_size} 字节，超过上限 {max_size} 字节。")
    head = stream.read(_PREFIX.size)
    digest.update(head)
    if head[: len(MAGIC)] != MAGIC[: len(head)]:
        raise _err("E_PKG_MAGIC", "这不是调解工作台的同步包文件。")
    if len(head) > len(MAGIC) and head[len(MAGIC)] != FORMAT_VERSION:
        newer = head[len(MAGIC)] > FORMAT_VERSION
        raise _err("E_PKG_VERSION", "同步包格式比本软件新，请先升级本软件。" if newer else "同步包格式版本无效。")
    if len(head) < _PREFIX.size:
        raise _err("E_PKG_TRUNCATED", "文件不完整（可能在复制中途被中断或 U 盘被拔出）。请重新复制或让对方重新导出。")
    header_len = _PREFIX.unpack(head)[2]
    if not 2 <= header_len <= MAX_HEADER_BYTES:
        raise _header_error("包头长度超出范围。")
    header = _parse_header(_read_exact(stream, header_len, digest))
    expected = _PREFIX.size + header_len + SIGNATURE_SIZE + header.payload_size
    if file_size < expected:
        raise _err("E_PKG_TRUNCATED", "文件不完整（可能在复制中途被中断或 U 盘被拔出）。请重新复制或让对方重新导出。")
    if file_size > expected:
        raise _header_error("文件长度与包头记录不符（末尾有多余数据）。")
    return header


def read_header_unverified(path: Path, *, max_size: int = MAX_PACKAGE_BYTES) -> PackageHeader:
    """The header WITHOUT any authentication, for display only (e.g. naming an unknown sender)."""
    path = Path(path)
    try:
        with open(path, "rb") as stream:
            return _read_prefix_and_header(stream, os.fstat(stream.fileno()).st_size, max_size, hashlib.sha256())
    except OSError as exc:
        raise _err("E_PKG_READ", f"无法读取文件 {path.name}：{exc.strerror}。") from None


def open_package(path: Path, *, me: NodeKeys, known_peers: PeerLookup, schema_versions: Container[int],
                 max_size: int = MAX_PACKAGE_BYTES, limits: ZipLimits = ZipLimits()) -> OpenedPackage:
    """Check and open one package; any defect is a UserError with a stable E_PKG_* code.

    Order: size and magic/version → header (strict) → sender known and not revoked → signature →
    addressed to ``me`` → schema version in ``schema_versions`` → decrypt → inner archive and
    manifest. Nothing is decrypted before the signature holds, and nothing is written anywhere.
    ``known_peers(node_id)`` returns that node's enrolled keys (one, or several after a key change,
    the old ones revoked with a cut-off), or None for a stranger.
    """
    path = Path(path)
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            header = _read_prefix_and_header(stream, os.fstat(stream.fileno()).st_size, max_size, digest)
            candidates = _senders(header, known_peers)
            signature = _read_exact(stream, SIGNATURE_SIZE, digest)
            chunks, payload_digest = _read_payload(stream, header.payload_size, digest)
    except OSError as exc:
        raise _err("E_PKG_READ", f"无法读取文件 {path.name}：{exc.strerror}。") from None
    _check_signature(candidates, header, signature, payload_digest)
    if payload_digest.hex() != header.payload_sha256:
        raise _err("E_PKG_SIGNATURE", "载荷摘要与包头记录不符。已拒绝，未做任何改动。")
    if me.node_id not in header.recipients:
        raise _err("E_PKG_NOT_FOR_ME", "这个包不是发给本机的（接收方中没有本机）。请确认文件是否拿错。")
    if header.schema_version not in schema_versions:
        raise _err("E_PKG_SCHEMA", f"包的数据版本 {header.schema_version} 不受本软件支持；"
                                   "如果对方的软件更新，请先升级本软件。")
    try:
        key = envelope.unwrap_key(header.wrapped_keys[me.node_id], me.encryption_key, header.package_id, me.node_id)
        plaintext = envelope.decrypt_chunks(key, header.package_id, chunks)
    except envelope.DecryptionFailed:
        raise _err("E_PKG_DECRYPT", "无法解密：这个包不是用本机当前的密钥加密的（密钥已更换或安装被复制？）。") from None
    bound = _bound_fields(header)
    manifest, entries = read_archive(plaintext, bound, limits)
    return OpenedPackage(path, header, manifest, entries, digest.hexdigest())


def _senders(header: PackageHeader, known_peers: PeerLookup) -> list[PeerKeys]:
    found = known_peers(header.sender)
    candidates = [found] if isinstance(found, PeerKeys) else list(found or ())
    candidates = [peer for peer in candidates if peer.node_id == header.sender]
    if not candidates:
        raise _err("E_PKG_UNKNOWN_SENDER", f"发送方（机构代码 {header.sender_org_code}，节点 {header.sender}）"
                                           "尚未登记。请先核对指纹并登记对方的身份名片。")
    if not any(peer.accepts(header.to_seq) for peer in candidates):
        raise _revoked(header)
    return candidates


def _revoked(header: PackageHeader) -> UserError:
    return _err("E_PKG_REVOKED", f"发送方（机构代码 {header.sender_org_code}）的这把密钥已被吊销，"
                                 "不再接受它签名的新包。请对方使用新密钥重新导出。")


def _check_signature(candidates: list[PeerKeys], header: PackageHeader, signature: bytes, digest: bytes) -> None:
    for peer in candidates:
        try:
            peer.verifier().verify(signature, _signed_digest(header.raw, digest))
        except (InvalidSignature, ValueError):
            continue
        if not peer.accepts(header.to_seq):  # signed by an old key, beyond its cut-off
            raise _revoked(header)
        return
    raise _err("E_PKG_SIGNATURE", "签名校验失败：文件在传递中被改动或损坏，或并非由所称的发送方制作。已拒绝，未做任何改动。")


def _read_payload(stream: BinaryIO, size: int, digest: Any) -> tuple[list[bytes], bytes]:
    payload_digest = hashlib.sha256()
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        chunk = _read_exact(stream, min(remaining, envelope.CHUNK_SIZE + envelope.TAG_SIZE), digest)
        payload_digest.update(chunk)
        chunks.append(chunk)
        remaining -= len(chunk)
    if stream.read(1):
        raise _header_error("文件在读取过程中变长了。")
    return chunks, payload_digest.digest()


def _bound_fields(header: PackageHeader) -> dict[str, Any]:
    values = {"package_id": header.package_id, "sender": header.sender, "recipients": list(header.recipients),
              "kind": header.kind, "origin_seq": list(header.origin_seq), "schema_version": header.schema_version}
    return values


# ------------------------------------------------------------------------------------------- write


def package_file_name(header: PackageHeader) -> str:
    return f"{header.sender_org_code}_{header.from_seq:06d}-{header.to_seq:06d}_{header.package_id[:8]}{SUFFIX}"


def remove_stale_partials(out_dir: Path, *, older_than_seconds: float = 3600) -> int:
    """Delete our own leftover temporary files (from a killed export) older than the threshold."""
    removed = 0
    now = time.time()
    for candidate in Path(out_dir).iterdir():
        if _PARTIAL.fullmatch(candidate.name) and candidate.is_file() and not candidate.is_symlink():
            try:
                if now - candidate.stat().st_mtime > older_than_seconds:
                    candidate.unlink()
                    removed += 1
            except OSError:
                pass
    return removed


def _build_header(sender: NodeKeys, recipients: list[PeerKeys], fields: Mapping[str, Any],
                  content_key: bytes) -> dict[str, Any]:
    allowed = {"schema_version", "kind", "origin_seq", "package_id", "created_at", "meta"}
    if not {"schema_version", "kind", "origin_seq"} <= set(fields) <= allowed:
        raise ValueError(f"header_fields must hold schema_version, kind, origin_seq and only {sorted(allowed)}")
    package_id = fields.get("package_id") or str(uuid.uuid4())
    created_at = fields.get("created_at") or datetime.now(UTC).replace(microsecond=0).isoformat()
    return {
        "format": "mdpkg",
        "format_version": FORMAT_VERSION,
        "schema_version": fields["schema_version"],
        "package_id": package_id,
        "kind": fields["kind"],
        "sender": sender.node_id,
        "sender_org_code": sender.org_code,
        "recipients": [r.node_id for r in recipients],
        "origin_seq": list(fields["origin_seq"]),
        "created_at": created_at.replace("+00:00", "Z"),
        "algorithms": envelope.ALGORITHMS,
        "wrapped_keys": {
            r.node_id: base64.b64encode(envelope.wrap_key(content_key, r.encryption_public, package_id, r.node_id)).decode()
            for r in recipients
        },
        "meta": dict(fields.get("meta") or {}),
    }


def write_package(out_dir: Path, *, sender: NodeKeys, recipients: Iterable[PeerKeys],
                  header_fields: Mapping[str, Any], entries: Mapping[str, bytes] | Iterable[tuple[str, bytes]],
                  max_size: int = MAX_PACKAGE_BYTES, limits: ZipLimits = ZipLimits()) -> Path:
    """Build, encrypt, sign and durably write one package into ``out_dir``; return its final path.

    ``header_fields``: ``schema_version`` (int), ``kind`` (one of KINDS), ``origin_seq`` ((from, to)),
    optionally ``package_id``, ``created_at`` (ISO with offset) and ``meta`` (str → str/int; no
    personal data, it travels in clear). The sender is always added as a recipient so it can re-read
    its own exports. The file appears under its final name only after it was fsynced, re-read and
    verified; a crash at any point leaves at most a hidden ``.….part`` file.
    """
    content_key = envelope.new_content_key()
    header = _build_header(sender, _with_sender(sender, recipients), header_fields, content_key)
    plaintext, _ = build_archive(entries, {k: header[k] for k in BOUND_FIELDS}, limits)
    return _write_sealed(Path(out_dir), sender, header, content_key, plaintext, max_size, limits)


def _with_sender(sender: NodeKeys, recipients: Iterable[PeerKeys]) -> list[PeerKeys]:
    everyone = {sender.node_id: sender.public()}
    for peer in recipients:
        everyone.setdefault(peer.node_id, peer)
    return list(everyone.values())


def _write_sealed(out_dir: Path, sender: NodeKeys, header: dict[str, Any], content_key: bytes, plaintext: bytes,
                  max_size: int, limits: ZipLimits, *, verify: bool = True) -> Path:
    """Encrypt ``plaintext`` (an inner archive), sign and write. ``verify=False`` exists for tests only."""
    payload_sha256, payload_size = envelope.digest_of_encryption(content_key, header["package_id"], plaintext)
    header |= {"payload_sha256": payload_sha256, "payload_size": payload_size}
    raw = dumps_canonical(header)
    try:
        parsed = _parse_header(raw)  # what we write must be what every reader accepts
    except UserError as exc:
        raise ValueError(f"invalid header_fields: {exc.message}") from None
    total = _PREFIX.size + len(raw) + SIGNATURE_SIZE + payload_size
    if len(raw) > MAX_HEADER_BYTES or total > max_size:
        raise _err("E_PKG_TOO_LARGE", f"包的大小 {total} 字节超过上限 {max_size} 字节；请分批导出。")
    signature = sender.signing_key.sign(_signed_digest(raw, bytes.fromhex(payload_sha256)))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        remove_stale_partials(out_dir)
        final = out_dir / package_file_name(parsed)
        if final.exists():
            raise _err("E_PKG_EXISTS", f"目标文件夹中已有同名文件 {final.name}。")
        tmp = temp_name(final)
        try:
            _write_file(tmp, _PREFIX.pack(MAGIC, FORMAT_VERSION, len(raw)) + raw + signature,
                        envelope.encrypt_chunks(content_key, header["package_id"], plaintext))
            if verify:
                _verify_written(tmp, sender, parsed, max_size, limits)
            rename_no_replace(tmp, final)
        finally:
            tmp.unlink(missing_ok=True)
        fsync_dir(out_dir)
    except FileExistsError:
        raise _err("E_PKG_EXISTS", "目标文件夹中已有同名文件。") from None
    except OSError as exc:
        raise _err("E_PKG_WRITE", f"无法写入包文件（{exc.strerror or exc}）：请检查 U 盘或文件夹是否可写、空间是否足够。") from None
    return final


def _write_file(tmp: Path, head: bytes, chunks: Iterable[bytes]) -> None:
    fd = open_exclusive(tmp, 0o644)
    with os.fdopen(fd, "wb") as out:
        out.write(head)
        for chunk in chunks:
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
        drop_from_cache(out.fileno())


def _verify_written(tmp: Path, sender: NodeKeys, header: PackageHeader, max_size: int, limits: ZipLimits) -> None:
    def only_me(node_id: str) -> PeerKeys | None:
        return sender.public() if node_id == sender.node_id else None

    try:
        open_package(tmp, me=sender, known_peers=only_me, schema_versions={header.schema_version},
                     max_size=max_size, limits=limits)
    except UserError as exc:
        raise _err("E_PKG_WRITE_VERIFY", f"写出的包复读校验失败（{exc.code}）：U 盘或磁盘可能有问题，请换一个位置重试。") from None
