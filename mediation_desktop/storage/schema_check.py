"""Is a database file's schema exactly what its migration revision says it should be?

A backup is a whole SQLite file, schema included: one extra trigger (``after insert on audit_log
... delete from cases``) would run inside every later transaction. So restore and ``check`` compare
the file's ``sqlite_master`` (every table, index, trigger and view, with its SQL) with the schema
this program's own migrations produce for the same revision, and name whatever differs.

The expected schema is not written down a second time: it is obtained by migrating a fresh,
empty database to that revision (once per revision per process), so it follows the migrations.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import tempfile
from functools import cache
from pathlib import Path
from urllib.request import pathname2url

# (type, name) -> (table it belongs to, normalised SQL)
Schema = dict[tuple[str, str], tuple[str, str]]

_TYPE_LABELS = {"table": "数据表", "index": "索引", "trigger": "触发器", "view": "视图"}


def _normalise(sql: str | None) -> str:
    # SQLite keeps the statement as written; layout differences are not schema differences.
    return re.sub(r"\s+", " ", sql or "").strip()


_CONSTRAINT = re.compile(r"(CONSTRAINT|UNIQUE|PRIMARY KEY|FOREIGN KEY|CHECK)\b", re.IGNORECASE)


def _split_top_level(body: str) -> list[str]:
    """``a INT, CONSTRAINT u UNIQUE (a, b)`` -> its two parts (commas inside brackets or quotes
    do not split)."""
    parts, depth, quote, start = [], 0, "", 0
    for i, c in enumerate(body):
        if quote:
            if c == quote:
                quote = ""
        elif c in "'\"`[":
            quote = "]" if c == "[" else c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(body[start:i].strip())
            start = i + 1
    parts.append(body[start:].strip())
    return parts


def _normalise_table(sql: str) -> str:
    """A CREATE TABLE with its table constraints in a fixed order. Alembic's batch migrations
    rebuild a table with its constraints in set order, which varies from run to run; the columns
    keep their order (it is part of the table)."""
    head, paren, rest = sql.partition("(")
    body, close, tail = rest.rpartition(")")
    if not paren or not close:
        return sql
    parts = _split_top_level(body)
    columns = [p for p in parts if not _CONSTRAINT.match(p)]
    constraints = sorted(p for p in parts if _CONSTRAINT.match(p))
    return f"{head}({', '.join(columns + constraints)}){tail}"


def _read_schema(con: sqlite3.Connection) -> Schema:
    rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    schema: Schema = {}
    for kind, name, table, sql in rows:
        if name.startswith("sqlite_stat"):
            continue  # ANALYZE's statistics: data about the schema, not schema; they come and go
        text = _normalise(sql)
        if kind == "table" and text.upper().startswith("CREATE TABLE"):
            text = _normalise_table(text)
        schema[(kind, name)] = (table, text)
    return schema


def read_schema(path: Path) -> Schema:
    con = sqlite3.connect(f"file:{pathname2url(str(path))}?mode=ro", uri=True)
    try:
        return _read_schema(con)
    finally:
        con.close()


def revision_of(path: Path) -> str | None:
    con = sqlite3.connect(f"file:{pathname2url(str(path))}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        con.close()
    return row[0] if row else None


@cache
def expected_schema(revision: str) -> Schema:
    """The schema a fresh database has after migrating to ``revision`` (cached per process)."""
    from alembic import command

    from mediation_desktop.storage.engine import Database
    from mediation_desktop.storage.migrate import alembic_config

    folder = Path(tempfile.mkdtemp(prefix="mediation-schema-"))
    try:
        db = Database(folder / "expected.sqlite3")
        try:
            cfg = alembic_config()
            with db.engine.connect() as conn:
                conn = conn.execution_options(write=True)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
                conn.commit()
        finally:
            db.dispose()
        return read_schema(folder / "expected.sqlite3")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def schema_differences(path: Path) -> list[str]:
    """Every object that is extra, missing or changed against the file's own revision, in Chinese
    and by name (empty when the schema is exactly as the migrations make it)."""
    revision = revision_of(path)
    if revision is None:
        return ["数据库没有版本记录（alembic_version），无法核对结构"]
    try:
        expected = expected_schema(revision)
    except Exception:  # noqa: BLE001 - an unknown revision is reported by the caller's version check
        return [f"无法识别的数据库版本“{revision[:40]}”，无法核对结构"]
    actual = read_schema(path)
    problems = []
    for key in sorted(set(actual) - set(expected)):
        problems.append(f"多出{_TYPE_LABELS.get(key[0], key[0])}“{key[1]}”（属于 {actual[key][0]}）")
    for key in sorted(set(expected) - set(actual)):
        problems.append(f"缺少{_TYPE_LABELS.get(key[0], key[0])}“{key[1]}”")
    for key in sorted(set(actual) & set(expected)):
        if actual[key] != expected[key]:
            problems.append(f"{_TYPE_LABELS.get(key[0], key[0])}“{key[1]}”的定义与版本 {revision} 不符")
    return problems
