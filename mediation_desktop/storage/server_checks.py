"""What can be checked and saved on a PostgreSQL server from a client: constraints the server has
not validated, and the ``pg_dump`` command line that backs the database up (the server's pages are
checked by the server itself; its backups are its administrator's)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import Connection, text


def unvalidated_constraints(conn: Connection) -> list[str]:
    """Constraints added NOT VALID and never validated: rows may break them (empty when all hold)."""
    rows = conn.execute(text(
        "SELECT c.conrelid::regclass::text AS tbl, c.conname FROM pg_constraint c "
        "JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE NOT c.convalidated AND n.nspname = current_schema() ORDER BY 1, 2"))
    return [f"{r.tbl}.{r.conname}" for r in rows]


def invalid_indexes(conn: Connection) -> list[str]:
    """Indexes left invalid (a failed CREATE INDEX CONCURRENTLY): searches would not use them."""
    rows = conn.execute(text(
        "SELECT i.indexrelid::regclass::text AS idx FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT i.indisvalid AND n.nspname = current_schema()"))
    return [r.idx for r in rows]


def libpq_url(url: str) -> tuple[str, str | None]:
    """(the URL as libpq spells it, without the password; the password) for the PostgreSQL client
    tools. The password goes to them through PGPASSWORD, never on a command line others can see."""
    parts = urlsplit(url)
    scheme = "postgresql"
    netloc = parts.netloc
    password = parts.password
    if password is not None:
        userinfo, host = netloc.rsplit("@", 1)
        netloc = f"{userinfo.split(':', 1)[0]}@{host}"
    return urlunsplit((scheme, netloc, parts.path, parts.query, "")), password


def pg_dump_args(url: str, out: Path, pg_dump: str = "pg_dump") -> list[str]:
    """The command that writes the whole database in pg_dump's custom format (restored with pg_restore)."""
    dbname, _password = libpq_url(url)
    return [pg_dump, "--format=custom", "--no-owner", f"--file={out}", f"--dbname={dbname}"]
