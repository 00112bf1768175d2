"""The audit trail: chained, edits and deletions and a cut-off tail detected; views of personal
data recorded; the viewer's filters; no ID number ever reaches the log."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys

import pytest

from mediation_desktop.core.errors import PermissionDenied
from mediation_desktop.paths import DataPaths
from mediation_desktop.services import audit_head
from mediation_desktop.services.audit_events import audit_view_personal, record_event
from mediation_desktop.services.audit_view import AuditFilter, query_audit
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.integrity import full_check


@pytest.fixture
def backend(data_dir):
    b = Backend.open(data_dir, "tester", must_exist=False)
    b.initialise("和平区劳动人事争议调解中心", "津和平")
    for i in range(5):
        record_event(b, "export", None, None, {"file": f"report-{i}.xlsx"})
    yield b
    b.close()


def _sql(data_dir, statement: str, *args) -> None:
    con = sqlite3.connect(data_dir / "mediation.sqlite3")
    con.execute(statement, args)
    con.commit()
    con.close()


def test_an_intact_chain_passes(backend, data_dir):
    backend.close()
    assert full_check(DataPaths.resolve(data_dir)).ok


def test_an_edited_entry_is_detected(backend, data_dir):
    backend.close()
    _sql(data_dir, "UPDATE audit_log SET user = 'someone-else' WHERE id = 3")
    report = full_check(DataPaths.resolve(data_dir))
    assert any("#3" in p and "篡改" in p for p in report.problems)


def test_a_deleted_entry_is_detected(backend, data_dir):
    backend.close()
    _sql(data_dir, "DELETE FROM audit_log WHERE id = 3")
    report = full_check(DataPaths.resolve(data_dir))
    assert any("#4" in p and "删除" in p for p in report.problems)


def test_a_cut_off_tail_is_detected_through_the_remembered_head(backend, data_dir):
    backend.close()  # closing remembers the head
    head = json.loads((data_dir / "audit-head.json").read_text())
    _sql(data_dir, "DELETE FROM audit_log WHERE id >= ?", head["last_id"] - 1)
    problems = full_check(DataPaths.resolve(data_dir)).problems
    assert any("截断" in p for p in problems)


def test_a_cut_off_tail_is_detected_through_a_backup_even_without_the_head_file(backend, data_dir):
    backend.backup_before("manual")
    backend.close()
    (data_dir / "audit-head.json").unlink()
    _sql(data_dir, "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    problems = audit_head.tail_problems(DataPaths.resolve(data_dir))
    assert problems and "备份" in problems[0]


def test_viewing_personal_data_is_audited_and_needs_the_permission(backend):
    audit_view_personal(backend, "case-id-1", "津和平〔2026〕1号")
    entries = query_audit(backend, AuditFilter(action="view_personal"))
    assert [(e.user, e.entity_id) for e in entries] == [("tester", "case-id-1")]
    backend.role = "admin"
    with pytest.raises(PermissionDenied):
        audit_view_personal(backend, "case-id-1")


def test_viewer_filters_and_pages(backend):
    backend.user = "li"
    record_event(backend, "document", "case", "c-9", {"kind": "mediation_agreement"})
    assert [e.action for e in query_audit(backend, AuditFilter(user="li"))] == ["document"]
    assert len(query_audit(backend, AuditFilter(text="report-"))) == 5
    first = query_audit(backend, AuditFilter(action="export"), limit=2)
    rest = query_audit(backend, AuditFilter(action="export"), limit=10, before_id=first[-1].id)
    assert [e.id for e in first + rest] == sorted((e.id for e in first + rest), reverse=True)
    assert len(first + rest) == 5
    backend.role = "mediator"
    with pytest.raises(PermissionDenied):
        query_audit(backend)


ID_RE = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")


def test_no_log_line_contains_an_id_number(data_dir, tmp_path):
    """Run the real command line over data full of valid ID numbers, then grep every log file."""
    env_cmd = [sys.executable, "-m", "mediation_desktop"]
    run = lambda *a: subprocess.run([*env_cmd, *a], capture_output=True, text=True, timeout=120)  # noqa: E731
    assert run("init", "--org", "和平区调解中心", "--org-code", "津和平").returncode == 0
    assert run("demo", "--cases", "50").returncode == 0
    con = sqlite3.connect(data_dir / "mediation.sqlite3")
    ids = [r[0] for r in con.execute("SELECT id_number FROM applicants WHERE id_number IS NOT NULL")]
    case_no = con.execute("SELECT case_no FROM cases LIMIT 1").fetchone()[0]
    con.close()
    assert ids, "the demo data should carry ID numbers"
    for args in (["cases", "--search", ids[0]], ["case", "show", case_no],
                 ["ledger", "import", str(tmp_path / "missing.xlsx")]):
        run(*args)
    # and a direct attempt: something in the app logs an ID number by mistake
    subprocess.run([sys.executable, "-c", (
        "import logging; from mediation_desktop.log import setup_logging; from pathlib import Path;"
        f"setup_logging(Path(r'{data_dir}') / 'logs' / 'mediation-desktop.log');"
        f"logging.getLogger('x').warning('applicant %s phone %s', '{ids[0]}', '13812345678')")], check=True)
    text = "".join(p.read_text(encoding="utf-8") for p in (data_dir / "logs").glob("*.log*"))
    assert "applicant" in text
    assert not ID_RE.search(text)
    assert "13812345678" not in text
