"""The number lookup table: keyed hashes of applicants' ID and phone numbers (core.number_lookup).

Written wherever a case's applicants are written (cases_repo.insert_cases, so registration, edits,
ledger import, demo data and sync apply alike) and removed with them (cases_repo.delete_children).
The secret lives in this register's ``settings``: each node computes its own hashes, so a synced
case is found at the district by the hashes the district made on import.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.sql import Select

from mediation_desktop.core import number_lookup
from mediation_desktop.storage.schema import number_lookups, settings

SECRET_KEY = "number_lookup_secret"   # also made by migration 0011


def secret(conn: Connection, create: bool = False) -> bytes | None:
    """This register's lookup secret; made on first need when ``create`` (a write transaction)."""
    found = conn.execute(select(settings.c.value).where(settings.c.key == SECRET_KEY)).scalar()
    if found is None:
        if not create:
            return None
        found = secrets.token_hex(number_lookup.SECRET_BYTES)
        conn.execute(insert(settings).values(key=SECRET_KEY, value=found))
    return bytes.fromhex(found)


def rows_for(key: bytes, applicant_rows: Iterable[dict]) -> list[dict]:
    """Lookup rows for ``applicants`` rows (dicts with case_id, id_number, phone), one per
    (case, kind, hash), in the applicants' order (a bulk insert passes a hundred thousand: no
    sort of them all)."""
    out: list[dict] = []
    seen: set[tuple[str, bytes]] = set()     # the kind is hashed in, so (case, hash) says it all
    for a in applicant_rows:
        id_number, phone = a.get("id_number"), a.get("phone")
        if not (id_number or phone):
            continue
        case_id = a["case_id"]
        for kind, h in sorted(number_lookup.applicant_digests(key, id_number, phone)):
            if (case_id, h) not in seen:        # two applicants of one case may share a number
                seen.add((case_id, h))
                out.append({"case_id": case_id, "kind": kind, "hash": h})
    return out


def insert_for_applicants(conn: Connection, applicant_rows: Sequence[dict]) -> list[dict]:
    """The lookup rows to insert beside these applicant rows (made here, inserted by the caller's
    bulk path so they ride the same executemany)."""
    if not any(a.get("id_number") or a.get("phone") for a in applicant_rows):
        return []
    key = secret(conn, create=True)
    assert key is not None  # made above when missing
    return rows_for(key, applicant_rows)


def delete_for_cases(conn: Connection, case_ids: Sequence[str]) -> None:
    conn.execute(delete(number_lookups).where(number_lookups.c.case_id.in_(case_ids)))


def case_ids_matching(conn: Connection, term: str) -> Select | None:
    """A subquery of case ids whose applicants' numbers match ``term``, or None when the term
    cannot be a number (or no number was ever stored, so there is no secret yet)."""
    key = secret(conn)
    if key is None:
        return None
    digests = number_lookup.search_digests(key, term)
    if not digests:
        return None
    return select(number_lookups.c.case_id).where(number_lookups.c.hash.in_(digests))
