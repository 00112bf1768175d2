"""Encryption of a package payload to several recipients: X25519 + HKDF-SHA256 + AES-256-GCM.

A random 32-byte content key encrypts the payload in 1 MiB chunks (AES-256-GCM; the nonce is the
chunk index plus a "last chunk" flag, so chunks cannot be reordered, dropped or truncated without the
tag failing). The content key is wrapped once per recipient: an ephemeral X25519 key agrees a secret
with the recipient's public key, HKDF-SHA256 turns it into a wrapping key, AES-256-GCM wraps.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

CHUNK_SIZE = 1024 * 1024
TAG_SIZE = 16
WRAPPED_SIZE = 32 + 32 + TAG_SIZE  # ephemeral public key, wrapped content key, its tag
ALGORITHMS = {
    "signature": "ed25519",
    "hash": "sha256",
    "key_agreement": "x25519-hkdf-sha256",
    "cipher": "aes-256-gcm-chunked-1mib",
}
_WRAP_INFO = b"mdpkg v1 key wrap\x00"
_PAYLOAD_AAD = b"mdpkg v1 payload\x00"
_ZERO_NONCE = bytes(12)  # safe: every wrapping key is used exactly once


class DecryptionFailed(Exception):
    """The payload or a wrapped key did not authenticate."""


def new_content_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def _wrapping_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes,
                  package_id: str, recipient_id: str) -> bytes:
    info = _WRAP_INFO + uuid.UUID(package_id).bytes + recipient_id.encode("ascii")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_public, info=info)
    return hkdf.derive(shared)


def wrap_key(content_key: bytes, recipient_public: bytes, package_id: str, recipient_id: str) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    key = _wrapping_key(shared, ephemeral_public, recipient_public, package_id, recipient_id)
    return ephemeral_public + AESGCM(key).encrypt(_ZERO_NONCE, content_key, None)


def unwrap_key(wrapped: bytes, me: X25519PrivateKey, package_id: str, my_id: str) -> bytes:
    if len(wrapped) != WRAPPED_SIZE:
        raise DecryptionFailed
    ephemeral_public, sealed = wrapped[:32], wrapped[32:]
    my_public = me.public_key().public_bytes_raw()
    try:
        shared = me.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        key = _wrapping_key(shared, ephemeral_public, my_public, package_id, my_id)
        return AESGCM(key).decrypt(_ZERO_NONCE, sealed, None)
    except (InvalidTag, ValueError):  # ValueError: a low-order point gives an all-zero secret
        raise DecryptionFailed from None


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def chunk_count(plaintext_size: int) -> int:
    return max(1, -(-plaintext_size // CHUNK_SIZE))


def ciphertext_size(plaintext_size: int) -> int:
    return plaintext_size + TAG_SIZE * chunk_count(plaintext_size)


def encrypt_chunks(content_key: bytes, package_id: str, plaintext: bytes | memoryview) -> Iterator[bytes]:
    """Yield ciphertext chunks. Deterministic for a given key and id, so two passes give equal bytes."""
    aead = AESGCM(content_key)
    aad = _PAYLOAD_AAD + uuid.UUID(package_id).bytes
    view = memoryview(plaintext)
    count = chunk_count(len(view))
    for index in range(count):
        piece = view[index * CHUNK_SIZE : (index + 1) * CHUNK_SIZE]
        yield aead.encrypt(_nonce(index, index == count - 1), bytes(piece), aad)


def digest_of_encryption(content_key: bytes, package_id: str, plaintext: bytes) -> tuple[str, int]:
    """SHA-256 hex and size of the ciphertext, without keeping it (the header needs both first)."""
    digest, size = hashlib.sha256(), 0
    for chunk in encrypt_chunks(content_key, package_id, plaintext):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def decrypt_chunks(content_key: bytes, package_id: str, chunks: list[bytes]) -> bytes:
    """Decrypt ``chunks`` (each CHUNK_SIZE + TAG_SIZE bytes except the last), consuming the list.

    Nothing is returned unless every chunk, including the final one, authenticates.
    """
    aead = AESGCM(content_key)
    aad = _PAYLOAD_AAD + uuid.UUID(package_id).bytes
    plain: list[bytes] = []
    count = len(chunks)
    for index in range(count):
        chunk = chunks[index]
        chunks[index] = b""  # release ciphertext as we go: peak memory stays near one payload
        if len(chunk) <= TAG_SIZE or (index < count - 1 and len(chunk) != CHUNK_SIZE + TAG_SIZE):
            raise DecryptionFailed
        try:
            plain.append(aead.decrypt(_nonce(index, index == count - 1), chunk, aad))
        except InvalidTag:
            raise DecryptionFailed from None
    return b"".join(plain)
