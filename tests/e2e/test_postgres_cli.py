"""The district on a PostgreSQL server, through the real command line: ``init --role supervisor``
with ``--database-url``, two rooms' packages imported, lists, search, deadlines, the report, backup and
check; two staff importing the same package at once (the second finds it already imported).

Each room keeps its own SQLite data folder; the supervisor's data folder holds only keys and logs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.unit.postgres_db import fresh_database

from .cli import run_cli

pytestmark = pytest.mark.postgres
ENV = {"MEDIATION_DESKTOP_PASSPHRASE": "和平区 2026 口令"}


@pytest.fixture(scope="module")
def pg_url():
    with fresh_database("md_e2e") as url:
        yield url


def cli(d, *args, url=None, code=0, path=None):
    env = {**ENV, "MEDIATION_DESKTOP_DATABASE_URL": url} if url else dict(ENV)
    if path is not None:
        env["PATH"] = path
    r = run_cli(d, *args, env=env)
    assert r.code == code, (args, r.err)
    return r


def enrol(a, b, tmp, url_a=None, url_b=None):
    card = tmp / f"{a.name}.card"
    fp = cli(a, "keys", "export", "--out", str(card), "--json", url=url_a).json()["fingerprint"]
    cli(b, "keys", "trust", str(card), "--fingerprint", fp, url=url_b)


def report_rows(d, tmp, url=None):
    out = tmp / f"{d.name}-report.json"
    cli(d, "report", "--from", "2000-01-01", "--to", "2099-12-31", "--out", str(out), url=url)
    return {r.get("org_code"): r for r in json.loads(out.read_text(encoding="utf-8"))["organisations"]}


def start_import(d, package, url):
    env = {**os.environ, **ENV, "PYTHONIOENCODING": "utf-8", "MEDIATION_DESKTOP_DATABASE_URL": url}
    env.pop("MEDIATION_DESKTOP_DATA_DIR", None)
    return subprocess.Popen([sys.executable, "-m", "mediation_desktop", "--data-dir", str(d), "--user", d.name,
                             "sync", "import", str(package), "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, env=env, text=True, encoding="utf-8")


def test_district_on_postgres_through_the_command_line(tmp_path, pg_url):
    sup = tmp_path / "sup"
    # The option itself (the other calls use the environment variable, as a staff machine would).
    r = run_cli(sup, "--database-url", pg_url.replace("postgresql+psycopg://", "postgresql://"), "init",
                "--org", "和平区人力资源和社会保障局", "--org-code", "D01", "--role", "supervisor", "--json", env=ENV)
    assert r.code == 0, r.err
    assert not (sup / "mediation.sqlite3").exists() and (sup / "keys").is_dir()
    again = cli(sup, "init", "--org", "和平区", "--org-code", "D01", "--role", "supervisor", url=pg_url, code=2)
    assert again.err.startswith("E_ALREADY_INITIALISED")

    rooms = {"HP": tmp_path / "HP", "HX": tmp_path / "HX"}
    packages = {}
    for i, (code, room) in enumerate(rooms.items()):
        cli(room, "init", "--org", f"{code}劳动人事争议调解中心", "--org-code", code)
        cli(room, "demo", "--cases", str(20 + 10 * i))
        enrol(room, sup, tmp_path, url_b=pg_url)
        enrol(sup, room, tmp_path, url_a=pg_url)
        packages[code] = cli(room, "sync", "export", "--out", str(tmp_path / f"stick-{code}"), "--json").json()["file"]

    # A second staff member: a copy of the supervisor's data folder (its keys), the same server.
    staff2 = tmp_path / "staff2"
    shutil.copytree(sup, staff2, ignore=shutil.ignore_patterns("logs"))
    racers = [start_import(sup, packages["HP"], pg_url), start_import(staff2, packages["HP"], pg_url)]
    outcomes = []
    for proc in racers:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        outcomes.append(json.loads(out)[0])
    assert sorted(o["status"] for o in outcomes) == ["already_imported", "imported"]
    assert next(o for o in outcomes if o["status"] == "imported")["created"] == 20

    (hx,) = cli(staff2, "sync", "import", packages["HX"], "--json", url=pg_url).json()
    assert (hx["status"], hx["created"]) == ("imported", 30)

    listed = cli(sup, "cases", "--json", url=pg_url).json()
    assert len(listed) == 50
    room_cases = {c["id"]: c for code in rooms for c in cli(rooms[code], "cases", "--json").json()}
    assert {c["id"]: c["amount_claimed"] for c in listed} == {i: c["amount_claimed"] for i, c in room_cases.items()}

    shown = cli(sup, "case", "show", listed[0]["case_no"], "--json", url=pg_url).json()
    assert shown["id"] == listed[0]["id"]
    term = listed[3]["respondent"]["name"] if isinstance(listed[3].get("respondent"), dict) else listed[3]["respondent"]
    found = cli(sup, "cases", "--search", term[:4], "--json", url=pg_url).json()
    local = [c for c in room_cases.values() if term[:4] in json.dumps(c, ensure_ascii=False)]
    assert {c["id"] for c in local} <= {c["id"] for c in found}
    hp_only = cli(sup, "cases", "--org", "HP", "--json", url=pg_url).json()
    assert len(hp_only) == 20

    on = "2026-06-01"
    due = cli(sup, "deadlines", "--on", on, "--within", "3660", "--json", url=pg_url).json()
    room_due = [cli(room, "deadlines", "--on", on, "--within", "3660", "--json").json() for room in rooms.values()]
    assert _count(due) == sum(_count(d) for d in room_due)

    rooms_json = cli(sup, "rooms", "--json", url=pg_url).json()
    assert "HP" in json.dumps(rooms_json, ensure_ascii=False) and "HX" in json.dumps(rooms_json, ensure_ascii=False)
    cli(sup, "risk", "--json", url=pg_url)
    cli(sup, "remark", listed[0]["case_no"], "请补充送达回证", url=pg_url)
    # Accounts live on the server: one added from one staff member's folder is seen from another's.
    added = run_cli(sup, "users", "add", "李审核", "--role", "supervisor",
                    env={**ENV, "MEDIATION_DESKTOP_DATABASE_URL": pg_url, "MEDIATION_DESKTOP_USER_PASSWORD": "correct-horse-9"})
    assert added.code == 0, added.err
    assert "李审核" in cli(staff2, "users", "list", "--json", url=pg_url).out

    consolidated = report_rows(sup, tmp_path, pg_url)
    for code, room in rooms.items():
        assert consolidated[code] == report_rows(room, tmp_path)[code]

    checked = cli(sup, "check", "--json", url=pg_url).json()
    assert checked["ok"] is True and {"constraints", "audit_chain"} <= set(checked["checked"])

    dump = tmp_path / "district.dump"
    cli(sup, "backup", "--out", str(dump), url=pg_url)
    listing = subprocess.run(["pg_restore", "--list", str(dump)], capture_output=True, text=True, check=True).stdout
    assert "TABLE DATA public cases" in listing and "audit_log" in listing
    no_tools = cli(sup, "backup", "--out", str(tmp_path / "b2.dump"), url=pg_url, code=2, path="/nonexistent")
    assert no_tools.err.startswith("E_BACKUP_PG_DUMP") and "pg_dump --format=custom" in no_tools.err
    refused = cli(sup, "restore", str(dump), url=pg_url, code=2)
    assert refused.err.startswith("E_RESTORE_SERVER") and "pg_restore" in refused.err

    # A row changed behind the app's back breaks the one audit chain, and check says so.
    import psycopg

    with psycopg.connect(pg_url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("UPDATE audit_log SET detail = '{}' WHERE id = (SELECT min(id) + 1 FROM audit_log)")
    broken = cli(sup, "check", url=pg_url, code=2)
    assert broken.err.startswith("E_CHECK_FAILED") and "审计记录" in broken.err


def _count(deadlines_json) -> int:
    if isinstance(deadlines_json, dict):
        return sum(len(v) for v in deadlines_json.values() if isinstance(v, list))
    return len(deadlines_json)


def test_unreachable_server_and_bad_urls_are_refused(tmp_path):
    r = run_cli(tmp_path / "x", "--database-url", "mysql://u@h/db", "cases")
    assert r.code == 2 and r.err.startswith("E_DATABASE_URL") and "Traceback" not in r.err
    r = run_cli(tmp_path / "x", "--database-url", "postgresql://u:secret@127.0.0.1:1/db", "cases")
    assert r.code == 2 and r.err.startswith("E_DATABASE_CONNECT") and "secret" not in r.err
    r = run_cli(tmp_path / "x", "cases", env={"MEDIATION_DESKTOP_DATABASE_URL": "postgresql://h:99999/db"})
    assert r.code == 2 and r.err.startswith("E_DATABASE_URL")
