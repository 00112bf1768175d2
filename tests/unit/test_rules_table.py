"""The rules table (core/rules.py) and every reader of it agree: values at and beyond each bound go to
the form/command-line cleaner, the ledger cell reader, the case service's validation, the sync record
checker and the schema; what one accepts, all accept."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_desktop.core import rules
from mediation_desktop.core.case_fields import APPLICANT_TEXT, CASE_TEXT, CLAIM_TEXT, RESPONDENT_TEXT
from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.money import parse_amount
from mediation_desktop.services.cases import validate_case
from mediation_desktop.services.ledger_values import (
    AmountReader,
    CellError,
    DateReader,
    field_text,
    read_count,
)
from mediation_desktop.storage import schema
from mediation_desktop.sync import records as rec

from .helpers import walk_in

TODAY = date(2026, 11, 30)


def sync_accepts(key: str, value: str) -> bool:
    try:
        rec.text(key)(value, "t")
        return True
    except rec.RecordError:
        return False


def sync_accepts_case(case) -> bool:
    """The whole case as the exporter writes it, through the reader's record check."""
    case.org_id, case.case_no, case.seq_no = "0" * 8 + "-0000-4000-8000-" + "0" * 12, "津和平劳调〔2026〕1号", 1
    case.created_at = case.updated_at = datetime(2026, 2, 13, 9, 0, tzinfo=UTC)
    line = {"entity": "case", "id": case.id, "origin_node": case.org_id, "version": 1,
            "data": rec.case_data(case, [], [], None)}
    try:
        rec.check_record(line, "t")
        return True
    except rec.RecordError:
        return False


def form_accepts(key: str, value: str) -> str | None:
    try:
        return rules.clean_text(key, value)
    except ValidationError:
        return None


def ledger_accepts(key: str, value: str) -> str | None:
    try:
        return field_text(key, value)[0]
    except CellError:
        return None


def probes(rule: rules.TextRule) -> dict[str, str]:
    n = rule.max_len
    return {
        "at the bound": "字" * n,
        "one beyond": "字" * (n + 1),
        "beyond after trimming": " " + "字" * n + " ",
        "NFD at the bound": "e\u0301" * (n // 2) if n >= 2 else "e",
        "BEL": "张\x07三",
        "CR LF": "第一行\r\n第二行",
        "newline": "第一行\n第二行",
        "tab": "甲\t乙",
        "bidi override": "张\u202e三",
        "bidi isolate": "张\u2066三\u2069",
        "line separator": "甲\u2028乙",
        "noncharacter": "甲\ufffe",
    }


@pytest.mark.parametrize("key", sorted(rules.TEXT_RULES))
def test_every_reader_agrees_on_each_text_bound(key):
    rule = rules.TEXT_RULES[key]
    for what, value in probes(rule).items():
        cleaned = form_accepts(key, value)
        from_ledger = ledger_accepts(key, value)
        if cleaned is not None:
            # What the form or the command line stores, the other side's reader accepts,
            # and the ledger reads the same cell to the same value.
            assert sync_accepts(key, cleaned), (key, what)
            assert from_ledger == cleaned, (key, what)
            assert rules.text_problem(key, cleaned) is None
        if from_ledger is not None:
            assert sync_accepts(key, from_ledger), (key, what)
        if sync_accepts(key, value):
            # A value the reader takes as it is, every entry point takes unchanged (bar trimming).
            assert cleaned == value.strip(), (key, what)
        if what in ("one beyond", "bidi override", "bidi isolate"):
            assert cleaned is None and from_ledger is None and not sync_accepts(key, value), (key, what)
        if what == "at the bound":
            assert cleaned == value and from_ledger == value and sync_accepts(key, value), key
        if what in ("BEL", "tab", "noncharacter"):
            # Refused where a person can correct it; removed (with a row warning) from a ledger.
            assert cleaned is None and not sync_accepts(key, value), (key, what)
            assert from_ledger is not None and not set(from_ledger) & {"\x07", "\t", "\ufffe"}, (key, what)
        if what in ("CR LF", "line separator", "newline"):
            if rule.multiline:
                assert cleaned == value.replace("\r\n", "\n").replace("\u2028", "\n"), (key, what)
            else:
                assert cleaned is None and not sync_accepts(key, value), (key, what)
        if what == "NFD at the bound":
            assert cleaned == unicodedata.normalize("NFC", value)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(rules.TEXT_RULES)), st.text(max_size=300))
def test_arbitrary_text_cleaned_anywhere_is_read_everywhere(key, value):
    cleaned = form_accepts(key, value)
    if cleaned is not None:
        assert sync_accepts(key, cleaned)
        assert rules.clean_text(key, cleaned) == cleaned      # cleaning is idempotent
    from_ledger = ledger_accepts(key, value)
    if from_ledger is not None:
        assert sync_accepts(key, from_ledger)
    if sync_accepts(key, value):
        assert cleaned == value.strip()
    repaired = rules.repair_text(key, value)
    assert sync_accepts(key, repaired)


# Schema column sizes come from the table: a column that has a size has the rule's length.
COLUMNS = {
    "organisations": {"name": "org.name", "code": "org.code", "district_code": "org.district_code",
                      "address": "org.address", "phone": "org.phone", "arbitration_name": "org.arbitration_name",
                      "arbitration_address": "org.arbitration_address", "case_no_pattern": "org.case_no_pattern"},
    "cases": {"respondent_legal_rep_title": "respondent.legal_rep_title", "respondent_agent": "respondent.agent", "case_no": "case.case_no", "court_case_no": "case.court_case_no", "mediator": "case.mediator",
              "transferred_to": "case.transferred_to", "ledger_key": "case.ledger_key",
              "created_by": "case.created_by", "respondent_name": "respondent.name",
              "respondent_uscc": "respondent.uscc", "respondent_legal_rep": "respondent.legal_rep",
              "respondent_address": "respondent.address", "respondent_phone": "respondent.phone"},
    "applicants": {"agent": "applicant.agent", "name": "applicant.name", "id_number": "applicant.id_number", "phone": "applicant.phone",
                   "gender": "applicant.gender", "address": "applicant.address"},
    "sessions": {"place": "session.place", "mode": "session.mode", "recorder": "session.recorder"},
    "agreement_items": {"account": "item.account", "payer": "item.payer", "payee": "item.payee", "method": "item.method"},
    "documents": {"kind": "document.kind", "file_name": "document.file_name",
                  "template_source": "document.template_source", "generated_by": "document.generated_by"},
    "attachments": {"file_name": "attachment.file_name", "description": "attachment.description",
                    "added_by": "attachment.added_by"},
    "remarks": {"author": "remark.author"},
    "notices": {"title": "notice.title"},
    "key_enterprises": {"uscc": "key_enterprise.uscc", "name": "key_enterprise.name"},
    "tombstones": {"deleted_by": "tombstone.deleted_by"},
    "users": {"name": "user.name", "display_name": "user.display_name"},
    "audit_log": {"user": "user.name"},
    "agreement_workers": {"name": "worker.name"},
}


@pytest.mark.parametrize("table", sorted(COLUMNS))
def test_schema_column_sizes_are_the_rules_lengths(table):
    columns = schema.metadata.tables[table].c
    for column, key in COLUMNS[table].items():
        assert columns[column].type.length == rules.max_len(key), (table, column)


def test_case_texts_the_service_cleans_are_all_in_the_table():
    for mapping in (CASE_TEXT, APPLICANT_TEXT, RESPONDENT_TEXT, CLAIM_TEXT):
        for attr, key in mapping.items():
            assert key in rules.TEXT_RULES, (attr, key)


# -- the case service agrees with the table field by field -------------------------------------------

SERVICE_FIELDS = [("facts", "case.facts"), ("remarks", "case.remarks"), ("mediator", "case.mediator"),
                  ("respondent.name", "respondent.name"), ("respondent.address", "respondent.address"),
                  ("applicants.0.name", "applicant.name"), ("applicants.0.address", "applicant.address"),
                  ("claims.0.description", "claim.description")]


def _set(case, path: str, value: str) -> None:
    obj = case
    parts = path.split(".")
    for part in parts[:-1]:
        obj = obj[int(part)] if part.isdigit() else getattr(obj, part)
    setattr(obj, parts[-1], value)


def _get(case, path: str) -> str:
    obj = case
    for part in path.split("."):
        obj = obj[int(part)] if part.isdigit() else getattr(obj, part)
    return obj


@pytest.mark.parametrize("path,key", SERVICE_FIELDS)
def test_the_case_service_accepts_what_the_table_accepts(path, key):
    for what, value in probes(rules.TEXT_RULES[key]).items():
        case = walk_in()
        _set(case, path, value)
        errors = [e for e in validate_case(case, today=TODAY) if e.field == path]
        cleaned = form_accepts(key, value)
        if cleaned is None:
            assert errors, (path, what)
        else:
            assert not errors, (path, what, errors)
            assert _get(case, path) == cleaned, (path, what)
            assert sync_accepts(key, _get(case, path))


# -- money, head counts, dates -----------------------------------------------------------------------


def _fen_readers(fen: int) -> dict[str, bool]:
    yuan = f"{fen // 100}.{fen % 100:02d}"
    found = {}
    try:
        found["parse_amount"] = parse_amount(yuan) == fen
    except ValidationError:
        found["parse_amount"] = False
    try:
        found["ledger"] = AmountReader()(yuan) == fen
    except CellError:
        found["ledger"] = False
    for label, wire in (("sync fen", fen), ("sync text", yuan)):
        try:
            found[label] = rec.fen()(wire, "t") == fen
        except rec.RecordError:
            found[label] = False
    case = walk_in(amount_fen=fen)
    found["service"] = not [e for e in validate_case(case, today=TODAY) if e.field and "amount" in e.field]
    try:
        found["rule"] = rules.check_fen(fen) == fen
    except ValidationError:
        found["rule"] = False
    return found


@pytest.mark.parametrize("fen,accepted", [(0, True), (rules.MAX_FEN - 1, True), (rules.MAX_FEN, False),
                                          (2 * 10**13, False), (10**16, False)])
def test_one_money_ceiling_for_every_reader(fen, accepted):
    assert _fen_readers(fen) == dict.fromkeys(_fen_readers(0), accepted)


@pytest.mark.parametrize("workers,accepted", [(1, True), (rules.MAX_WORKERS, True), (rules.MAX_WORKERS + 1, False),
                                              (0, False)])
def test_one_head_count_range_for_every_reader(workers, accepted):
    case = walk_in(workers=workers)
    service = not [e for e in validate_case(case, today=TODAY) if e.field == "workers_involved"]
    try:
        ledger = read_count(str(workers)) == workers
    except CellError:
        ledger = False
    assert (service, ledger, sync_accepts_case(case)) == (accepted, accepted, accepted)


def test_fewer_workers_than_applicants_is_refused_by_the_rule_and_the_service():
    assert rules.workers_problem(1, 2)
    case = walk_in()
    case.applicants = case.applicants * 2
    case.workers_involved = 1
    assert [e.code for e in validate_case(case, today=TODAY) if e.field == "workers_involved"] == ["E_WORKERS"]


@pytest.mark.parametrize("day,accepted", [(rules.MIN_DATE, True), (rules.MIN_DATE - timedelta(days=1), False),
                                          (rules.MAX_DATE, True), (rules.MAX_DATE + timedelta(days=1), False)])
def test_one_date_range_for_every_reader(day, accepted):
    try:
        ledger = DateReader()(day.isoformat()) == day
    except CellError:
        ledger = False
    case = walk_in(received=date(2026, 2, 13))
    case.extended_until = day       # no ordering rule applies to this date: only the range
    service = not [e for e in validate_case(case, today=TODAY) if e.field == "extended_until"]
    assert (ledger, sync_accepts_case(case), service) == (accepted, accepted, accepted)


def test_the_sync_checker_reads_its_bounds_from_the_table():
    assert rec.MAX_FEN == rules.MAX_FEN
    # every keyed text check refuses one character beyond its rule's length
    for key, rule in rules.TEXT_RULES.items():
        assert not sync_accepts(key, "字" * (rule.max_len + 1))


def test_rules_are_frozen_values():
    rule = rules.TEXT_RULES["case.facts"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rule.max_len = 1  # type: ignore[misc]
