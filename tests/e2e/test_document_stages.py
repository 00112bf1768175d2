"""Every document kind for a case in every stage, through ``doc`` in a subprocess: either the record
permits the document, and the .docx read back with python-docx holds the stage's facts (dates,
terms, names, amounts), or it is refused with E_DOC_STAGE, exit 2, no file and no version."""

from __future__ import annotations

import sqlite3

import pytest
from docx import Document

from mediation_desktop.core.clock import today

from .cli import run_cli
from .stage_register import EMPLOYER, ORG, STAGES

KINDS = ("application", "acceptance", "rejection", "record", "extension", "agreement", "termination", "service")
AFTER_ACCEPTANCE = {"application", "acceptance", "service"}

PERMITTED: dict[str, set[str]] = {
    "registered": {"application"},
    "accepted": AFTER_ACCEPTANCE,
    "rejected": {"application", "rejection", "service"},
    "session": AFTER_ACCEPTANCE | {"record"},
    "extended": AFTER_ACCEPTANCE | {"record", "extension"},
    "agreed": AFTER_ACCEPTANCE | {"record", "agreement"},
    "agreed_paid": AFTER_ACCEPTANCE | {"record", "agreement"},
    "failed": AFTER_ACCEPTANCE | {"record", "termination"},
    "withdrawn": AFTER_ACCEPTANCE | {"termination"},
    "settled": AFTER_ACCEPTANCE | {"termination"},
    "transferred": AFTER_ACCEPTANCE | {"termination"},
    "closed_agreement": AFTER_ACCEPTANCE | {"record", "agreement"},
    "collective": AFTER_ACCEPTANCE | {"record", "agreement"},
    "late_accepted": AFTER_ACCEPTANCE,
}

# What each kind must state for a given stage, beyond the case number, the organisation and the names.
FACTS: dict[tuple[str, str], list[str]] = {
    ("rejected", "rejection"): ["申请事项不属于劳动争议调解范围"],
    ("extended", "extension"): ["2026年10月14日", "2026年9月28日"],
    ("failed", "termination"): ["双方当事人分歧较大"],
    ("withdrawn", "termination"): ["申请人撤回调解申请"],
    ("settled", "termination"): ["双方当事人自行和解"],
    ("transferred", "termination"): ["涉及工伤认定"],
    ("collective", "agreement"): ["¥120,000.00", "2026年9月25日", "蒋代表"],
}
for _key in ("agreed", "agreed_paid", "closed_agreement"):
    FACTS[(_key, "agreement")] = ["¥36,800.50", "2026年9月25日", "银行转账"]
for _key in ("session", "extended", "agreed", "agreed_paid", "failed", "closed_agreement", "collective"):
    FACTS[(_key, "record")] = ["2026年9月20日", "第一调解室"]


def docx_text(path) -> str:
    doc = Document(path)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def versions(root, case_no: str) -> int:
    con = sqlite3.connect(root / "mediation.sqlite3")
    try:
        return con.execute("SELECT count(*) FROM documents d JOIN cases c ON c.id = d.case_id WHERE c.case_no = ?",
                           (case_no,)).fetchone()[0]
    finally:
        con.close()


def files(root) -> set:
    folder = root / "documents"
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def cn(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"


def original_term(root, numbers: dict[str, str], key: str) -> str:
    """The 15-day term from acceptance as the case record computes it (holidays included)."""
    unextended = "session" if key == "extended" else key    # accepted the same day, never extended
    r = run_cli(root, "case", "show", numbers[unextended], "--json")
    assert r.code == 0, r.err
    return r.json()["deadlines"]["mediation_due"]


def test_the_matrix_covers_every_stage_and_kind():
    assert set(PERMITTED) == set(STAGES)
    assert all(kinds <= set(KINDS) for kinds in PERMITTED.values())
    # Every kind is permitted somewhere and refused somewhere: the test below exercises both sides.
    for kind in KINDS:
        allowed = [key for key, kinds in PERMITTED.items() if kind in kinds]
        assert allowed and (kind == "application" or len(allowed) < len(PERMITTED)), kind


@pytest.mark.parametrize("key", list(STAGES))
def test_each_kind_is_refused_or_states_the_record(stage_register, tmp_path, key):
    root = stage_register.root
    case = stage_register.case(key)
    for kind in KINDS:
        out = tmp_path / f"{kind}.docx"
        before_versions, before_files = versions(root, case.case_no), files(root)
        r = run_cli(root, "doc", case.case_no, kind, "--out", str(out))
        if kind not in PERMITTED[key]:
            assert r.code == 2, (key, kind, r.out, r.err)
            assert r.err.startswith("E_DOC_STAGE:") and "Traceback" not in r.err, (key, kind, r.err)
            assert case.case_no in r.err
            assert not out.exists(), (key, kind)
            assert versions(root, case.case_no) == before_versions and files(root) == before_files, (key, kind)
            continue
        assert r.code == 0, (key, kind, r.err)
        assert versions(root, case.case_no) == before_versions + 1
        text = docx_text(out)
        for fact in [case.case_no, ORG, case.applicants[0], *FACTS.get((key, kind), [])]:
            assert fact in text, (key, kind, fact)
        if kind in ("application", "agreement", "termination"):
            assert EMPLOYER in text, (key, kind)
        if kind == "acceptance":
            # The original 15-day term, even after an extension (the same as that of a case accepted
            # the same day and never extended); never the extended end.
            assert cn(original_term(root, stage_register.numbers, key)) in text, (key, text)
            assert "2026年10月14日" not in text
        if kind == "extension":
            printed = today()
            assert f"{printed.year}年{printed.month}月{printed.day}日" not in text   # dated the day agreed
        if key == "accepted" and kind == "application":
            # 确认劳动关系 claims no money: no amount line at all, never 人民币零元整.
            assert "零元" not in text and "¥0.00" not in text
