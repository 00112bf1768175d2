"""Finding a person by ID number or phone without keeping the number in a second place.

A case is found by an applicant's full 居民身份证号 or its last six characters, by a full phone
number or its last four digits. The numbers themselves stay only in ``applicants``; what the lookup
table holds is a keyed hash (HMAC-SHA256 under a secret of this register) of the normalised number
and of its suffixes, so a copy of the lookup table alone says nothing, and the same number in
another register hashes differently.

Both sides use this module: the write paths turn an applicant's numbers into ``(kind, digest)``
pairs, and search turns what the user typed into the digests it could match.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable

# What a lookup row says it is the hash of. The kind is part of the hashed text, so the last four
# digits of a phone never match the last four characters of something else.
ID_FULL, ID_SUFFIX, PHONE_FULL, PHONE_SUFFIX = "id", "id6", "phone", "phone4"
KINDS = (ID_FULL, ID_SUFFIX, PHONE_FULL, PHONE_SUFFIX)
ID_SUFFIX_LEN = 6
PHONE_SUFFIX_LEN = 4
DIGEST_BYTES = 16      # 128 bits: no two numbers of a register collide in practice, and half the index
SECRET_BYTES = 32

_ID_FULL_RE = re.compile(r"\d{17}[\dX]|\d{15}")
_ID_SUFFIX_RE = re.compile(r"\d{5}[\dX]")
_PHONE_RE = re.compile(r"\d{7,13}")
_TYPED_NUMBER_RE = re.compile(r"[0-9Xx+\-()（）\s]+")


def normalise_id(value: str | None) -> str | None:
    """An ID number as stored for lookup: half-width, no spaces, upper-case X; None if not one."""
    if not value:
        return None
    s = unicodedata.normalize("NFKC", value).replace(" ", "").strip().upper()
    return s if _ID_FULL_RE.fullmatch(s) else None


def normalise_phone(value: str | None) -> str | None:
    """The digits of a phone number without country prefix or extension (022-23456789-12 ->
    02223456789); None when fewer than seven digits remain."""
    if not value:
        return None
    s = unicodedata.normalize("NFKC", value).strip()
    s = re.sub(r"[()（）\s]", "", s)
    if s.startswith("+86"):
        s = s[3:]
    elif s.startswith("0086"):
        s = s[4:]
    parts = s.split("-")
    if parts[0].startswith("0") and len(parts) >= 2 and len("".join(parts[:-1])) >= 10:
        # 022-23456789-12 or 02223456789-12: what precedes the last part is already a whole landline
        # (area code and 7-8 digits), so the last part is an extension; 022-2345-6789 is one number.
        parts = parts[:-1]
    digits = "".join(parts)
    return digits if _PHONE_RE.fullmatch(digits) else None


def digest(secret: bytes, kind: str, value: str) -> bytes:
    """HMAC-SHA256 (RFC 2104) of ``kind:value`` under ``secret``, cut to DIGEST_BYTES.

    The two keyed SHA-256 states are made once per secret and copied for each value: a ledger
    import hashes four numbers per applicant, and keying HMAC afresh each time was most of that
    cost. tests/unit/test_number_search.py holds it equal to ``hmac.new``."""
    inner, outer = _keyed_states(secret)
    first = inner.copy()
    first.update(f"{kind}:{value}".encode())
    second = outer.copy()
    second.update(first.digest())
    return second.digest()[:DIGEST_BYTES]


_SHA256_BLOCK = 64


@functools.lru_cache(maxsize=4)
def _keyed_states(secret: bytes) -> tuple[hashlib._Hash, hashlib._Hash]:
    key = hashlib.sha256(secret).digest() if len(secret) > _SHA256_BLOCK else secret
    key = key.ljust(_SHA256_BLOCK, b"\0")
    return (hashlib.sha256(bytes(b ^ 0x36 for b in key)), hashlib.sha256(bytes(b ^ 0x5C for b in key)))


def applicant_digests(secret: bytes, id_number: str | None, phone: str | None) -> set[tuple[str, bytes]]:
    """The (kind, digest) pairs one applicant's numbers are found by."""
    out: set[tuple[str, bytes]] = set()
    ident = normalise_id(id_number)
    if ident:
        out.add((ID_FULL, digest(secret, ID_FULL, ident)))
        out.add((ID_SUFFIX, digest(secret, ID_SUFFIX, ident[-ID_SUFFIX_LEN:])))
    number = normalise_phone(phone)
    if number:
        out.add((PHONE_FULL, digest(secret, PHONE_FULL, number)))
        out.add((PHONE_SUFFIX, digest(secret, PHONE_SUFFIX, number[-PHONE_SUFFIX_LEN:])))
    return out


def case_digests(secret: bytes, people: Iterable[tuple[str | None, str | None]]) -> set[tuple[str, bytes]]:
    """Every (kind, digest) of a case's applicants, given as (id_number, phone) pairs, once each."""
    out: set[tuple[str, bytes]] = set()
    for id_number, phone in people:
        out |= applicant_digests(secret, id_number, phone)
    return out


def typed_number(query: str) -> str | None:
    """The query as one number when it is nothing but a number (spaces, hyphens and brackets
    allowed: ``138 0013 8000``), so that a phone typed in groups is still one term."""
    text = unicodedata.normalize("NFKC", query or "").strip()
    if not text or not _TYPED_NUMBER_RE.fullmatch(text) or not any(c.isdigit() for c in text):
        return None
    return text


def search_digests(secret: bytes, term: str) -> list[bytes]:
    """The digests a typed term could be: a full ID number or its last six characters, a full phone
    number or its last four digits. Empty when the term is none of these."""
    text = unicodedata.normalize("NFKC", term).replace(" ", "").strip().upper()
    found: list[bytes] = []
    ident = normalise_id(text)
    if ident:
        found.append(digest(secret, ID_FULL, ident))
    if _ID_SUFFIX_RE.fullmatch(text):
        found.append(digest(secret, ID_SUFFIX, text))
    if len(text) == PHONE_SUFFIX_LEN and text.isdigit():
        found.append(digest(secret, PHONE_SUFFIX, text))
    number = normalise_phone(text)
    if number and not ident:
        found.append(digest(secret, PHONE_FULL, number))
    return found
