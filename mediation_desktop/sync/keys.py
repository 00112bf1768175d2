"""A node's keys, its public identity card, fingerprints read aloud, and private keys at rest.

Each installation (a mediation room or the district supervisor) is a *node* with a UUID, an Ed25519
signing key (it signs the packages it sends) and an X25519 encryption key (packages for it are
encrypted to it). Another node is enrolled by importing its public *card* and comparing a
fingerprint read aloud over the phone: 32 decimal digits in 8 groups, easy to say in Chinese.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import secrets
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from mediation_desktop.core.errors import UserError
from mediation_desktop.core.validation import ORG_CODE_RE
from mediation_desktop.sync import _dpapi
from mediation_desktop.sync._files import atomic_write_bytes
from mediation_desktop.sync.strict import dumps_canonical, loads_strict

ROLES = ("room", "supervisor")
CARD_VERSION = 1
KEY_FILE_NAME = "node_key.json"
PASSPHRASE_ENV = "MEDIATION_DESKTOP_PASSPHRASE"

_CARD_FORMAT = "mediation-desktop-card"
_CARD_CONTEXT = b"mediation-desktop card v1\x00"
_FINGERPRINT_CONTEXT = b"mediation-desktop fingerprint v1\x00"
_KEY_FORMAT = "mediation-desktop-node-key"
_KEY_AAD = b"mediation-desktop node key v1\x00"
_ORG_CODE = ORG_CODE_RE
_FINGERPRINT_DIGITS = 32
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**16, 8, 1  # about 0.2 s and 64 MiB: slow for guessing, fine once
_MAX_CARD_BYTES = 16 * 1024
_CARD_FIELDS = {
    "format", "card_version", "node_id", "org_name", "org_code", "role",
    "signing_public", "encryption_public", "created", "signature",
}


# ------------------------------------------------------------------------------------ value types


@dataclass(frozen=True)
class PeerKeys:
    """The public keys of a node, as the container needs them to check and address packages.

    ``revoked`` is set by whoever keeps the trust list (the database). A revoked node's packages
    are refused, except those whose sequence range ends at or below ``revoked_after_seq`` (work the
    node did before its key was lost stays importable).
    """

    node_id: str
    signing_public: bytes
    encryption_public: bytes
    org_code: str = ""
    role: str = ""
    revoked: bool = False
    revoked_after_seq: int | None = None

    def verifier(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.signing_public)

    def encryption_key(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(self.encryption_public)

    def accepts(self, last_seq: int) -> bool:
        """Whether a package from this node ending at ``last_seq`` may still be accepted."""
        if not self.revoked:
            return True
        return self.revoked_after_seq is not None and last_seq <= self.revoked_after_seq


@dataclass(frozen=True)
class PeerCard:
    """A parsed, self-signature-checked public identity card. ``raw`` is the card file's bytes."""

    node_id: str
    org_name: str
    org_code: str
    role: str
    signing_public: bytes
    encryption_public: bytes
    created: str
    card_version: int
    raw: bytes

    def peer_keys(self, *, revoked: bool = False, revoked_after_seq: int | None = None) -> PeerKeys:
        return PeerKeys(self.node_id, self.signing_public, self.encryption_public, self.org_code, self.role,
                        revoked, revoked_after_seq)


@dataclass(frozen=True, eq=False)
class NodeKeys:
    """This installation's identity and private keys."""

    node_id: str
    org_name: str
    org_code: str
    role: str
    signing_key: Ed25519PrivateKey
    encryption_key: X25519PrivateKey
    created: str

    @property
    def signing_public(self) -> bytes:
        return self.signing_key.public_key().public_bytes_raw()

    @property
    def encryption_public(self) -> bytes:
        return self.encryption_key.public_key().public_bytes_raw()

    def public(self) -> PeerKeys:
        return PeerKeys(self.node_id, self.signing_public, self.encryption_public, self.org_code, self.role)


# ------------------------------------------------------------------------------------- generation


def _check_identity(node_id: Any, org_name: Any, org_code: Any, role: Any, code: str) -> None:
    def refuse(message: str) -> UserError:
        return UserError(code, message)

    if not isinstance(node_id, str) or not _is_canonical_uuid(node_id):
        raise refuse("节点编号不是规范的 UUID。")
    if not isinstance(org_name, str) or not org_name.strip() or len(org_name) > 100:
        raise refuse("机构名称必须是 1 到 100 个字符。")
    if not unicodedata.is_normalized("NFC", org_name) or any(unicodedata.category(c)[0] == "C" for c in org_name):
        raise refuse("机构名称含有控制字符或非规范字符。")
    if not isinstance(org_code, str) or not _ORG_CODE.fullmatch(org_code):
        raise refuse("机构代码只能由 1 到 32 个汉字、字母、数字、下划线或连字符组成。")
    if role not in ROLES:
        raise refuse("节点角色只能是 room（调解室）或 supervisor（区级督导）。")


def _is_canonical_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def generate_node_keys(node_id: str, org_name: str, org_code: str, role: str) -> NodeKeys:
    """Create fresh keys for this installation (refuses malformed identity fields: E_KEY_IDENTITY)."""
    _check_identity(node_id, org_name, org_code, role, "E_KEY_IDENTITY")
    created = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return NodeKeys(node_id, org_name, org_code, role, Ed25519PrivateKey.generate(), X25519PrivateKey.generate(), created)


# ---------------------------------------------------------------------------------------- encoding


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, length: int | None, refuse: UserError) -> bytes:
    if not isinstance(text, str):
        raise refuse
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise refuse from None
    if (length is not None and len(data) != length) or _b64(data) != text:
        raise refuse
    return data


_canonical = dumps_canonical


# -------------------------------------------------------------------------------------------- card


def _card_body(keys: NodeKeys) -> dict[str, Any]:
    return {
        "format": _CARD_FORMAT,
        "card_version": CARD_VERSION,
        "node_id": keys.node_id,
        "org_name": keys.org_name,
        "org_code": keys.org_code,
        "role": keys.role,
        "signing_public": _b64(keys.signing_public),
        "encryption_public": _b64(keys.encryption_public),
        "created": keys.created,
    }


def export_card(keys: NodeKeys) -> bytes:
    """This node's public identity card: canonical JSON, self-signed by its signing key."""
    body = _card_body(keys)
    signature = keys.signing_key.sign(_CARD_CONTEXT + _canonical(body))
    return _canonical({**body, "signature": _b64(signature)}) + b"\n"


def parse_card(data: bytes) -> PeerCard:
    """Parse a card and check its self-signature; any defect is UserError E_CARD_INVALID."""
    def invalid(reason: str) -> UserError:
        return UserError("E_CARD_INVALID", f"身份名片无效：{reason}请向对方重新索取名片文件。")

    if len(data) > _MAX_CARD_BYTES:
        raise invalid("文件过大。")
    try:
        card = loads_strict(bytes(data).rstrip(b" \t\r\n"))
    except UserError as exc:
        raise invalid(f"不是合格的 JSON（{exc.message}）。") from None
    if not isinstance(card, dict) or set(card) != _CARD_FIELDS:
        raise invalid("字段不完整或有多余字段。")
    if card["format"] != _CARD_FORMAT or card["card_version"] != CARD_VERSION:
        raise invalid("格式或版本不受支持。")
    try:
        _check_identity(card["node_id"], card["org_name"], card["org_code"], card["role"], "E_CARD_INVALID")
    except UserError as exc:
        raise invalid(exc.message) from None
    created = card["created"]
    if not isinstance(created, str) or not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", created):
        raise invalid("创建时间格式不正确。")
    bad_key = invalid("公钥格式不正确。")
    signing_public = _unb64(card["signing_public"], 32, bad_key)
    encryption_public = _unb64(card["encryption_public"], 32, bad_key)
    signature = _unb64(card["signature"], 64, invalid("签名格式不正确。"))
    body = {k: v for k, v in card.items() if k != "signature"}
    if _canonical(card) + b"\n" != bytes(data).rstrip(b" \t\r\n") + b"\n":
        raise invalid("文件内容被改动过（不是规范格式）。")
    try:
        Ed25519PublicKey.from_public_bytes(signing_public).verify(signature, _CARD_CONTEXT + _canonical(body))
    except (InvalidSignature, ValueError):
        raise invalid("自签名校验失败，文件可能被篡改。") from None
    return PeerCard(card["node_id"], card["org_name"], card["org_code"], card["role"], signing_public,
                    encryption_public, created, CARD_VERSION, bytes(data))


# ------------------------------------------------------------------------------------- fingerprint


def fingerprint(card: PeerCard | PeerKeys | NodeKeys) -> str:
    """32 decimal digits in 8 groups of 4 ("1234 5678 …"), over the node id and both public keys."""
    digest = hashlib.sha256(
        _FINGERPRINT_CONTEXT + card.node_id.encode("ascii") + card.signing_public + card.encryption_public
    ).digest()
    digits = str(int.from_bytes(digest, "big") % 10**_FINGERPRINT_DIGITS).zfill(_FINGERPRINT_DIGITS)
    return " ".join(digits[i : i + 4] for i in range(0, _FINGERPRINT_DIGITS, 4))


def normalize_fingerprint(typed: str) -> str:
    """The 32 digits of a fingerprint as a user typed it: spaces, dashes and full-width forms allowed.

    Raises UserError E_FINGERPRINT_MISMATCH when what remains is not exactly 32 digits.
    """
    text = unicodedata.normalize("NFKC", typed or "")
    text = re.sub(r"[\s\-_.·—–]", "", text)
    if not re.fullmatch(rf"[0-9]{{{_FINGERPRINT_DIGITS}}}", text):
        raise UserError("E_FINGERPRINT_MISMATCH",
                        f"指纹应为 {_FINGERPRINT_DIGITS} 位数字（可带空格或连字符），请核对后重新输入。")
    return text


def verify_fingerprint(card: PeerCard | PeerKeys, typed: str) -> None:
    """Refuse enrolment unless ``typed`` is the card's fingerprint (E_FINGERPRINT_MISMATCH)."""
    expected = fingerprint(card).replace(" ", "")
    if not hmac.compare_digest(normalize_fingerprint(typed), expected):
        raise UserError("E_FINGERPRINT_MISMATCH",
                        "指纹与名片不一致：名片可能在传递中被调换。请通过电话与对方逐组核对指纹，不一致时不要信任该名片。")


# ---------------------------------------------------------------------------------- keys at rest


def _passphrase_error() -> UserError:
    return UserError("E_KEY_PASSPHRASE",
                     f"私钥口令不正确或未提供。请把环境变量 {PASSPHRASE_ENV} 设为创建密钥时使用的口令后重试。")


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)


def _secret_document(keys: NodeKeys) -> bytes:
    from cryptography.hazmat.primitives import serialization as ser

    raw = ser.Encoding.Raw, ser.PrivateFormat.Raw, ser.NoEncryption()
    return _canonical({
        "node_id": keys.node_id, "org_name": keys.org_name, "org_code": keys.org_code, "role": keys.role,
        "created": keys.created,
        "signing_private": _b64(keys.signing_key.private_bytes(*raw)),
        "encryption_private": _b64(keys.encryption_key.private_bytes(*raw)),
    })


def save_private(keys: NodeKeys, folder: Path, passphrase: str | None, *, overwrite: bool = False) -> Path:
    """Store the private keys in ``folder`` (created 0700; the file is 0600 on POSIX).

    With a passphrase (an empty string counts as none) the keys are encrypted with AES-256-GCM under
    a scrypt-derived key; without one they are protected by Windows DPAPI where available, otherwise
    by file permissions alone. Refuses to replace existing keys unless ``overwrite`` (E_KEY_EXISTS).
    """
    folder = Path(folder)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    path = folder / KEY_FILE_NAME
    if path.exists() and not overwrite:
        raise UserError("E_KEY_EXISTS", f"本机密钥已存在（{path}），不会覆盖。")
    secret = _secret_document(keys)
    document: dict[str, Any] = {"format": _KEY_FORMAT, "version": 1, "node_id": keys.node_id}
    if passphrase:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        key = _scrypt(passphrase, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P)
        document |= {
            "protection": "scrypt-aes256gcm",
            "kdf": {"n": _SCRYPT_N, "r": _SCRYPT_R, "p": _SCRYPT_P, "salt": _b64(salt)},
            "nonce": _b64(nonce),
            "secret": _b64(AESGCM(key).encrypt(nonce, secret, _KEY_AAD + keys.node_id.encode())),
        }
    elif _dpapi.available():
        document |= {"protection": "dpapi", "secret": _b64(_dpapi.protect(secret))}
    else:
        document |= {"protection": "none", "secret": _b64(secret)}
    atomic_write_bytes(path, _canonical(document) + b"\n", mode=0o600, replace=overwrite)
    return path


def is_passphrase_protected(folder: Path) -> bool:
    """Whether loading the keys in ``folder`` needs a passphrase (False when there are none)."""
    try:
        document = loads_strict((Path(folder) / KEY_FILE_NAME).read_bytes())
    except (OSError, UserError):
        return False
    return isinstance(document, dict) and document.get("protection") == "scrypt-aes256gcm"


def load_private(folder: Path, passphrase: str | None) -> NodeKeys:
    """Load this node's keys (E_KEY_MISSING, E_KEY_CORRUPT, E_KEY_PASSPHRASE, E_KEY_DPAPI)."""
    path = Path(folder) / KEY_FILE_NAME
    corrupt = UserError("E_KEY_CORRUPT", f"本机密钥文件已损坏（{path}）。请从备份恢复，或按密钥遗失流程重新生成并重新登记。")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError("E_KEY_MISSING", f"未找到本机密钥（{path}）。请先初始化本机（init）。") from None
    except OSError as exc:
        raise UserError("E_KEY_MISSING", f"无法读取本机密钥（{path}）：{exc.strerror}。") from None
    try:
        document = loads_strict(data)
    except UserError:
        raise corrupt from None
    if not isinstance(document, dict) or document.get("format") != _KEY_FORMAT or document.get("version") != 1:
        raise corrupt
    node_id = document.get("node_id")
    protection = document.get("protection")
    blob = _unb64(document.get("secret"), None, corrupt)
    if protection == "scrypt-aes256gcm":
        secret = _decrypt_with_passphrase(document, blob, passphrase, corrupt)
    elif protection == "dpapi":
        if not _dpapi.available():
            raise UserError("E_KEY_DPAPI", "本机密钥受 Windows 用户保护，只能在创建它的 Windows 账户下读取。")
        try:
            secret = _dpapi.unprotect(blob)
        except OSError:
            raise UserError("E_KEY_DPAPI", "无法用当前 Windows 账户解开本机密钥；请使用创建密钥的账户登录。") from None
    elif protection == "none":
        secret = blob
    else:
        raise corrupt
    return _keys_from_secret(secret, node_id, corrupt)


def _decrypt_with_passphrase(document: dict, blob: bytes, passphrase: str | None, corrupt: UserError) -> bytes:
    kdf, node_id = document.get("kdf"), document.get("node_id")
    if not isinstance(kdf, dict) or set(kdf) != {"n", "r", "p", "salt"} or not isinstance(node_id, str):
        raise corrupt
    n, r, p = kdf["n"], kdf["r"], kdf["p"]
    # Bounds keep a tampered file from making us allocate gigabytes.
    if n not in [2**k for k in range(14, 21)] or r not in range(1, 17) or p not in range(1, 5):
        raise corrupt
    salt = _unb64(kdf["salt"], 16, corrupt)
    nonce = _unb64(document.get("nonce"), 12, corrupt)
    if not passphrase:
        raise _passphrase_error()
    try:
        return AESGCM(_scrypt(passphrase, salt, n, r, p)).decrypt(nonce, blob, _KEY_AAD + node_id.encode())
    except InvalidTag:
        raise _passphrase_error() from None


def _keys_from_secret(secret: bytes, node_id: Any, corrupt: UserError) -> NodeKeys:
    try:
        doc = loads_strict(secret)
    except UserError:
        raise corrupt from None
    fields = {"node_id", "org_name", "org_code", "role", "created", "signing_private", "encryption_private"}
    if not isinstance(doc, dict) or set(doc) != fields or doc["node_id"] != node_id:
        raise corrupt
    try:
        _check_identity(doc["node_id"], doc["org_name"], doc["org_code"], doc["role"], "E_KEY_CORRUPT")
    except UserError:
        raise corrupt from None
    if not isinstance(doc["created"], str):
        raise corrupt
    signing = Ed25519PrivateKey.from_private_bytes(_unb64(doc["signing_private"], 32, corrupt))
    encryption = X25519PrivateKey.from_private_bytes(_unb64(doc["encryption_private"], 32, corrupt))
    return NodeKeys(doc["node_id"], doc["org_name"], doc["org_code"], doc["role"], signing, encryption, doc["created"])
