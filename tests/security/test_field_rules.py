"""One local character must never stop a room's sync.

Arbitrary text goes in through every way a room takes it (the registration service the form and
``case add`` use, a ledger file, ``--user``, ``org set``); whatever is accepted must export, import at
the supervisor, pass ``check`` and render into a .docx. A record that would still be refused stops
the export before any package is written; a register written before the rules is repaired by
migration 0006 with a chained audit entry per row; case-number patterns are bounded; a huge ledger
cell is one row's error.
"""

from __future__ import annotations

import csv
import sqlite3
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediation_desktop.core.errors import UserError, ValidationError
from mediation_desktop.core.model import Applicant, Case, Claim, Respondent
from mediation_desktop.core.rules import BIDI_CONTROLS, MAX_FEN, max_len
from mediation_desktop.paths import DataPaths
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.document_register import DocumentService
from mediation_desktop.services.integrity import full_check
from mediation_desktop.services.ledger_import import import_ledger
from mediation_desktop.services.ledger_reader import read_ledger
from mediation_desktop.services.organisation import update_organisation
from mediation_desktop.storage.outbox import verify_audit_chain
from mediation_desktop.sync.export import export_packages
from tests.e2e.cli import run_cli
from tests.unit.sync_helpers import export_one, import_one, make_pair

RECEIVED = date(2026, 2, 13)
USCC = "91350100M000100Y43"

# Text as hostile as it gets: controls, bidi, NFD pairs, separators, and long runs.
hostile = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.sampled_from(["张", "e", "\u0301", "\x07", "\r", "\n", "\t", "\u202e", "\u2066", " ",
                                      "\u2028", "\ufffe", "\x85", "a"]), max_size=60),
    st.builds(lambda c, n: c * n, st.sampled_from(["字", "a", "e\u0301"]), st.integers(0, 300)),
)


def clean_view(value: str) -> bool:
    """No character that any record reader refuses."""
    return not any(unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") and c != "\n" for c in value) and \
        not set(value) & BIDI_CONTROLS and unicodedata.is_normalized("NFC", value)


def _case(name: str, employer: str, facts: str, remark: str, claim: str, mediator: str) -> Case:
    return Case(org_id="", received_on=RECEIVED, applicants=[Applicant(name)], respondent=Respondent(employer, USCC),
                dispute_types=["wages"], workers_involved=1, claims=[Claim(claim or "支付工资", 150000, "wages")],
                facts=facts, remarks=remark, mediator=mediator or None)


def _write_csv(path: Path, name: str, employer: str, remark: str) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["收案日期", "申请人", "被申请人", "备注"],
                                      ["2026-02-13", name, employer, remark]])
    return path


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    room, sup = make_pair(tmp_path_factory.mktemp("rules"), cases=0)
    yield room, sup
    room.close()
    sup.close()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(texts=st.lists(hostile, min_size=7, max_size=7))
def test_whatever_any_entry_point_accepts_exports_imports_checks_and_renders(pair, tmp_path_factory, texts):
    room, sup = pair
    name, employer, facts, remark, claim, mediator, org_text = texts
    accepted_case = None
    # 1. the registration service (the GUI form and `case add` both call it)
    try:
        accepted_case = CaseService(room).register(_case(name, employer, facts, remark, claim, mediator))
    except UserError as exc:
        assert exc.code.startswith("E_"), exc
    # 2. a ledger file
    folder = tmp_path_factory.mktemp("ledger")
    try:
        import_ledger(room, _write_csv(folder / "l.csv", name, employer, remark))
    except UserError:
        pass
    # 3. --user: the back end refuses a name the audit trail or a package would refuse
    try:
        acting = Backend(DataPaths.resolve(room.paths.root), org_text)
    except UserError:
        acting = None
    if acting is not None:
        assert clean_view(acting.user) and len(acting.user) <= max_len("user.name")
        acting.role = room.role
        CaseService(acting).register(_case("李四", "天津某公司", "事实", "", "", ""))
        acting.db.dispose()
    # 4. org set
    try:
        update_organisation(room, address=org_text, arbitration_name=org_text)
    except UserError:
        pass

    # Everything accepted travels, and the supervisor takes it.
    out = tmp_path_factory.mktemp("out")
    report = import_one(sup, export_one(room, out))
    assert report.status == "imported", report.reason
    assert full_check(room.paths).ok and full_check(sup.paths).ok
    if accepted_case is not None:
        stored = CaseService(sup).get(accepted_case.id)
        assert stored.applicants[0].name == accepted_case.applicants[0].name
        assert all(clean_view(v) for v in (stored.facts, stored.remarks, stored.respondent.name))
        service = DocumentService(room)
        record, _warning = service.generate(accepted_case.case_no, "application")
        saved = service.folder_for(accepted_case) / record.file_name
        text = "\n".join(p.text for p in Document(str(saved)).paragraphs)
        text += "\n".join(c.text for t in Document(str(saved)).tables for row in t.rows for c in row.cells)
        assert accepted_case.applicants[0].name in text


def test_user_over_fifty_characters_or_with_a_control_is_refused_on_the_command_line(tmp_path):
    data = tmp_path / "d"
    assert run_cli(data, "init", "--org", "和平区调解中心", "--org-code", "HP").code == 0
    for bad in ("张" * 51, "张\x07三", "张\u202e三"):
        result = run_cli(data, "cases", user=bad)
        assert result.code == 2, result.err
        assert result.err.startswith(("E_USER_NAME", "E_TEXT_CONTROL", "E_TEXT_BIDI", "E_TOO_LONG")), result.err
        assert "Traceback" not in result.err
    assert run_cli(data, "cases", user="张" * 50).code == 0


def test_org_set_refuses_bidi_and_over_long_values_and_changes_nothing(pair):
    room, _sup = pair
    before = room.node.org
    for field, value in (("name", "和平\u202e中心"), ("address", "地" * 201), ("phone", "1\x0723")):
        with pytest.raises(ValidationError):
            update_organisation(room, **{field: value})
    assert room.node.org == before


def test_export_stops_on_a_record_the_other_side_would_refuse(tmp_path):
    room, sup = make_pair(tmp_path, cases=0)
    case = CaseService(room).register(_case("王五", "天津某公司", "事实", "", "", ""))
    out = tmp_path / "out"
    out.mkdir()
    # A value no entry point lets in today, written straight into the file (an older version, a tool).
    con = sqlite3.connect(room.paths.database)
    con.execute("UPDATE applicants SET name = ? WHERE case_id = ?", ("王\x07五", case.id))
    con.commit()
    con.close()
    with pytest.raises(UserError) as exc:
        export_packages(room, out)
    assert exc.value.code == "E_SYNC_EXPORT_RECORD"
    assert case.case_no in exc.value.message and "applicants[0].name" in exc.value.message
    assert list(out.iterdir()) == []
    # After the repair the export goes through and the supervisor accepts it.
    con = sqlite3.connect(room.paths.database)
    con.execute("UPDATE applicants SET name = ? WHERE case_id = ?", ("王五", case.id))
    con.commit()
    con.close()
    assert import_one(sup, export_one(room, out)).status == "imported"


def test_money_above_the_one_ceiling_is_refused_where_a_person_types_it(pair):
    room, _sup = pair
    case = _case("赵六", "天津某公司", "事实", "", "", "")
    case.claims[0].amount_fen = 2 * 10**13      # 2000亿元: once saved locally and refused by the district
    with pytest.raises(UserError) as exc:
        CaseService(room).register(case)
    assert exc.value.code == "E_AMOUNT_TOO_LARGE"
    assert MAX_FEN == 10**13


# -- case-number patterns (issue item 7) ---------------------------------------------------------------

@pytest.mark.parametrize("pattern", ["{seq:>99999999}{year}", "{seq!r}{year}", "{year}{seq.real}", "{year}{seq[0]}",
                                     "{0}{year}{seq}", "{year}{seq:{year}}", "{year}" + "号" * 60 + "{seq}",
                                     "{year}{seq}{", "{year}\x07{seq}", "{year}\u202e{seq}", "{seq}号"])
def test_case_number_patterns_take_only_the_placeholders_and_fit_64_characters(pair, pattern):
    room, _sup = pair
    with pytest.raises(ValidationError) as exc:
        update_organisation(room, case_no_pattern=pattern)
    assert exc.value.code in ("E_CASE_NO_PATTERN", "E_TEXT_CONTROL", "E_TEXT_BIDI")


def test_a_pattern_at_the_limit_numbers_cases_that_travel(tmp_path):
    room, sup = make_pair(tmp_path, cases=0)
    # code "HP" (2) + year (4) + the longest sequence (10) = 16; the rest fills 64 exactly.
    pattern = "{org_code}" + "劳" * (64 - 16) + "{year}{seq}"
    update_organisation(room, case_no_pattern=pattern)
    with pytest.raises(ValidationError):
        update_organisation(room, case_no_pattern=pattern.replace("劳", "劳劳", 1))
    case = CaseService(room).register(_case("孙七", "天津某公司", "事实", "", "", ""))
    assert len(case.case_no) <= 64
    out = tmp_path / "out"
    out.mkdir()
    assert import_one(sup, export_one(room, out)).status == "imported"


def test_org_set_pattern_on_the_command_line_is_refused_with_exit_2(tmp_path):
    data = tmp_path / "d"
    assert run_cli(data, "init", "--org", "和平区调解中心", "--org-code", "HP").code == 0
    result = run_cli(data, "org", "set", "--case-no-pattern", "{seq:>99999999}{year}")
    assert result.code == 2 and result.err.startswith("E_CASE_NO_PATTERN"), result.err


# -- ledger cells (issue item 13 and the row rules) ----------------------------------------------------

def test_a_200000_character_cell_is_a_row_error_naming_row_and_column(tmp_path):
    path = tmp_path / "l.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["收案日期", "申请人", "被申请人", "备注"],
                                      ["2026-02-13", "张三", "某公司", "长" * 200_000],
                                      ["2026-02-14", "李四", "某公司", "好"]])
    result = read_ledger(path, today=date(2026, 11, 30))
    assert [r.row for r in result.records] == [3]
    assert [(e.row, e.column) for e in result.errors] == [(2, "备注")]
    assert "200000" in result.errors[0].message


def test_a_200000_character_xlsx_cell_is_a_row_error_too(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["收案日期", "申请人", "被申请人", "事实"])
    sheet.append(["2026-02-13", "张三", "某公司", "长" * 200_000])
    book.save(tmp_path / "l.xlsx")
    result = read_ledger(tmp_path / "l.xlsx", today=date(2026, 11, 30))
    assert result.records == []
    assert [e.row for e in result.errors] == [2]


def test_ledger_controls_are_removed_with_a_warning_and_bidi_is_a_row_error(tmp_path):
    path = _write_csv(tmp_path / "l.csv", "张\x07三", "某\u202e公司", "第一行\r\n第\x0b二行")
    result = read_ledger(path, today=date(2026, 11, 30))
    assert result.records == []
    assert [(e.row, e.column) for e in result.errors] == [(2, "被申请人")]
    path = _write_csv(tmp_path / "m.csv", "张\x07三", "某公司", "第一行\r\n第\x0b二行")
    result = read_ledger(path, today=date(2026, 11, 30))
    (record,) = result.records
    assert record.applicants[0].name == "张三"
    assert record.remarks == "第一行\n第二行"
    assert {w.column for w in result.warnings} == {"申请人", "备注"}


def test_an_nfd_ledger_name_is_stored_composed(tmp_path):
    path = _write_csv(tmp_path / "l.csv", "Jose\u0301", "某公司", "")
    (record,) = read_ledger(path, today=date(2026, 11, 30)).records
    assert record.applicants[0].name == "Jos\u00e9"


# -- the repair migration (0006) -------------------------------------------------------------------

def test_migration_0006_repairs_old_values_chains_its_audit_entries_and_sync_resumes(tmp_path):
    from alembic import command

    from mediation_desktop.storage import migrate

    room, sup = make_pair(tmp_path, cases=0)
    case = CaseService(room).register(_case("周八", "天津某公司", "事实", "", "", ""))
    cfg = migrate.alembic_config()
    with room.db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
        conn.commit()
    room.db.dispose()
    con = sqlite3.connect(room.paths.database)
    con.execute("UPDATE applicants SET name = ? WHERE case_id = ?", ("周\x07八 ", case.id))
    con.execute("UPDATE cases SET facts = ?, remarks = ?, mediator = ?, respondent_name = ? WHERE id = ?",
                ("事实\r\n经过\x1b", "备\u202e注", "调" * 60, "天津某公司\u0301", case.id))
    con.execute("UPDATE claims SET description = ? WHERE case_id = ?", ("请" * 5000, case.id))
    con.execute("UPDATE organisations SET case_no_pattern = ?, address = ?", ("{seq:>99999999}{year}", "地\x07址"))
    con.commit()
    audit_before = con.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    con.close()

    assert room.migrate() is True
    room.reload_calendar()
    con = sqlite3.connect(room.paths.database)
    name, = con.execute("SELECT name FROM applicants WHERE case_id = ?", (case.id,)).fetchone()
    facts, remarks, mediator, employer, names = con.execute(
        "SELECT facts, remarks, mediator, respondent_name, applicant_names FROM cases WHERE id = ?",
        (case.id,)).fetchone()
    claim, = con.execute("SELECT description FROM claims WHERE case_id = ?", (case.id,)).fetchone()
    pattern, address = con.execute("SELECT case_no_pattern, address FROM organisations").fetchone()
    repairs = con.execute("SELECT entity, detail FROM audit_log WHERE id > ? AND action = 'field_repair'",
                          (audit_before,)).fetchall()
    con.close()
    assert (name, names) == ("周八", "周八")
    assert (facts, remarks, mediator) == ("事实\n经过", "备注", "调" * 50)
    assert employer == unicodedata.normalize("NFC", "天津某公司\u0301")
    assert claim == "请" * 4000
    assert pattern == "{org_code}劳调〔{year}〕{seq}号" and address == "地址"
    # one entry per repaired row (the case, its applicant, its claim, the organisation), chained
    assert sorted(e for e, _ in repairs) == ["applicant", "case", "claim", "organisation"]
    assert all("周八" not in detail for _, detail in repairs)    # field names, never the contents
    with room.db.read() as conn:
        assert verify_audit_chain(conn) == []
    room.db.dispose()
    result = run_cli(room.paths.root, "check")
    assert result.code == 0, result.err + result.out
    out = tmp_path / "out"
    out.mkdir()
    report = import_one(sup, export_one(room, out))
    assert report.status == "imported", report.reason
    assert CaseService(sup).get(case.id).mediator == "调" * 50


def test_the_districts_remarks_notices_and_key_enterprises_keep_the_rules(tmp_path):
    from mediation_desktop.sync.supervisor import add_notice, add_remark, notices, set_key_enterprises

    room, sup = make_pair(tmp_path, cases=0)
    case = CaseService(room).register(_case("吴九", "天津某公司", "事实", "", "", ""))
    out = tmp_path / "up"
    out.mkdir()
    assert import_one(sup, export_one(room, out)).status == "imported"
    for call in (lambda: add_notice(sup, "通知\u202e", "正文"), lambda: add_notice(sup, "通知", "正\x07文"),
                 lambda: add_remark(sup, case.case_no, "请" * 4001),
                 lambda: set_key_enterprises(sup, [{"uscc": USCC, "name": "某\u2066公司", "reason": ""}])):
        with pytest.raises(ValidationError):
            call()
    add_notice(sup, " 通知 ", "第一行\r\n第二行")
    add_remark(sup, case.case_no, "请核对\r\n金额")
    set_key_enterprises(sup, [{"uscc": USCC, "name": "天津某公司", "reason": "欠薪\r\n多次"}])
    assert [(n["title"], n["body"]) for n in notices(sup)] == [("通知", "第一行\n第二行")]
    down = tmp_path / "down"
    down.mkdir()
    assert import_one(room, export_one(sup, down)).status == "imported"
