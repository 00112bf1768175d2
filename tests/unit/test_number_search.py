"""Finding a person by ID number or phone: the full number or its suffix, through keyed hashes.

Every write path keeps the lookup rows (registration, edit, ledger import, sync apply, the
migration's backfill), search by each kind of number finds exactly the right cases, and the plain
number is stored nowhere but in ``applicants``.
"""

from __future__ import annotations

import hashlib
import hmac
import sqlite3
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_desktop.core import number_lookup as nl
from mediation_desktop.core.model import Applicant, CaseFilter
from mediation_desktop.core.validation import id_check_char
from mediation_desktop.services.case_list import CaseListService
from mediation_desktop.services.cases import CaseService
from mediation_desktop.storage import migrate

from .helpers import make_backend, walk_in
from .sync_helpers import enrol, export_one, import_one, make_node
from .test_consolidated_postgres import pg_url  # noqa: F401 - the fixture (a throw-away database)


def an_id(body17: str) -> str:
    return body17 + id_check_char(body17)


ID_A = an_id("12010119850612345")
ID_B = an_id("12010219900101777")
PHONE_A = "13802261234"
PHONE_B = "022-23456789"


@pytest.fixture
def svc(tmp_path):
    backend = make_backend(tmp_path / "d")
    yield CaseService(backend)
    backend.close()


def register(svc: CaseService, name: str, id_number: str | None = None, phone: str | None = None, **kw):
    case = walk_in(name, **kw)
    case.applicants = [Applicant(name, id_number=id_number, phone=phone)]
    return svc.register(case)


def found(svc: CaseService, text: str) -> set[str]:
    return {r["case_no"] for r in CaseListService(svc.backend).summaries(CaseFilter(search=text))}


def test_each_kind_of_number_finds_exactly_its_case(svc):
    a = register(svc, "张三", ID_A, PHONE_A)
    b = register(svc, "李四", ID_B, PHONE_B)
    register(svc, "王五")
    assert found(svc, ID_A) == {a.case_no}
    assert found(svc, ID_A[-6:]) == {a.case_no}
    assert found(svc, ID_B.lower()) == {b.case_no}
    assert found(svc, PHONE_A) == {a.case_no}
    assert found(svc, PHONE_A[-4:]) == {a.case_no}
    assert found(svc, "138 0226 1234") == {a.case_no}          # typed in groups
    assert found(svc, "+86 13802261234") == {a.case_no}
    assert found(svc, "02223456789") == {b.case_no}            # a landline without its hyphen
    assert found(svc, "6789") == {b.case_no}
    # A suffix nobody has finds nothing; an ID's middle digits are not a kind of number indexed.
    assert found(svc, "999999") == set()
    assert found(svc, ID_A[6:12]) == set()


def test_a_four_digit_suffix_shared_by_many_cases_returns_them_all(svc):
    sharing = {register(svc, f"工人{i}", phone=f"139{i:04d}8888").case_no for i in range(30)}
    others = {register(svc, f"职工{i}", phone=f"137{i:04d}1234").case_no for i in range(5)}
    assert found(svc, "8888") == sharing
    assert found(svc, "1234") == others
    (one,) = found(svc, "13900038888")
    assert one in sharing


def test_an_edit_moves_the_lookup_with_the_number(svc):
    case = register(svc, "张三", ID_A, PHONE_A)
    case.applicants[0].phone = "13911112222"
    case.applicants[0].id_number = None
    svc.update(case)
    assert found(svc, PHONE_A) == set()
    assert found(svc, ID_A[-6:]) == set()
    assert found(svc, "2222") == {case.case_no}


def test_the_number_is_stored_nowhere_but_in_applicants(svc):
    register(svc, "张三", ID_A, PHONE_A)
    register(svc, "李四", ID_B, PHONE_B)
    con = sqlite3.connect(svc.backend.paths.database)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        hits = []
        for table in tables:
            if table == "applicants" or table.startswith("cases_fts_"):
                continue
            columns = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
            for column in columns:
                for number in (ID_A, ID_B, PHONE_A, PHONE_B, "02223456789"):
                    n = con.execute(f'SELECT count(*) FROM "{table}" WHERE instr(CAST("{column}" AS TEXT), ?) > 0',
                                    (number,)).fetchone()[0]
                    if n:
                        hits.append((table, column, number))
        assert hits == []
        # The lookup table holds 16-byte digests, four per applicant with both numbers.
        rows = con.execute("SELECT kind, length(hash) FROM number_lookups").fetchall()
        assert sorted(k for k, _ in rows) == sorted(["id", "id6", "phone", "phone4"] * 2)
        assert {n for _, n in rows} == {nl.DIGEST_BYTES}
    finally:
        con.close()


def test_a_ledger_import_is_searchable_by_number(svc, tmp_path):
    from mediation_desktop.services.ledger_import import import_ledger

    ledger = tmp_path / "台账.csv"
    ledger.write_text("序号,收案日期,申请人,身份证号,联系电话,被申请人,调解结果\n"
                      f"L-7,2026-01-05,赵六,{ID_A},{PHONE_A},天津某公司,在办\n"
                      "L-8,2026-01-06,钱七,,,天津某公司,在办\n", encoding="utf-8")
    assert import_ledger(svc.backend, ledger)["imported"] == 2
    (zhao,) = found(svc, ID_A[-6:])
    assert found(svc, PHONE_A[-4:]) == {zhao}
    assert found(svc, "L-7") == {zhao}          # the ledger's own 序号
    assert len(found(svc, "L-8")) == 1 and found(svc, "L-8") != {zhao}


def test_the_district_finds_a_synced_case_by_its_own_hashes(tmp_path):
    room = make_node(tmp_path / "room", "room", "和平区劳动人事争议调解中心", "HP")
    sup = make_node(tmp_path / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    enrol(room, sup)
    case = register(CaseService(room), "张三", ID_A, PHONE_A)
    import_one(sup, export_one(room, tmp_path / "out"))
    district = CaseService(sup)
    assert found(district, ID_A[-6:]) == {case.case_no}
    assert found(district, PHONE_A) == {case.case_no}
    # Each register hashes under its own secret: the district's rows are not the room's.
    rows = [{r[0] for r in sqlite3.connect(b.paths.database).execute("SELECT hash FROM number_lookups")}
            for b in (room, sup)]
    assert rows[0] and rows[1] and not rows[0] & rows[1]
    room.close()
    sup.close()


def test_the_migration_backfills_lookups_of_cases_already_stored(svc):
    from alembic import command

    case = register(svc, "张三", ID_A, PHONE_A)
    cfg = migrate.alembic_config()
    with svc.backend.db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010")
        conn.commit()
    assert migrate.upgrade(svc.backend.db) is True
    assert found(svc, ID_A[-6:]) == {case.case_no}
    assert found(svc, PHONE_A[-4:]) == {case.case_no}


# -- the rule itself -----------------------------------------------------------------------------

SECRET = b"k" * 32
FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), st.sampled_from(["", " ", "-"]), st.booleans())
def test_a_mobile_typed_any_way_is_the_stored_one(mobile, sep, wide):
    stored = nl.applicant_digests(SECRET, None, mobile)
    typed = f"{mobile[:3]}{sep}{mobile[3:7]}{sep}{mobile[7:]}"
    if wide:
        typed = typed.translate(FULLWIDTH)
    full = nl.typed_number(typed) or typed
    assert set(nl.search_digests(SECRET, "".join(full.split()))) & {h for _, h in stored}
    assert (nl.PHONE_SUFFIX, nl.search_digests(SECRET, mobile[-4:])[0]) in stored


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[1-6][0-9]{16}", fullmatch=True), st.booleans())
def test_an_id_number_and_its_suffix_match_in_either_case_and_width(body, wide):
    ident = an_id(body)
    stored = {h for _, h in nl.applicant_digests(SECRET, ident, None)}
    for typed in (ident, ident.lower(), ident[-6:].lower()):
        text = typed.translate(FULLWIDTH) if wide else typed
        assert set(nl.search_digests(SECRET, text)) & stored, typed
    # Another register's secret gives other digests.
    assert not stored & {h for _, h in nl.applicant_digests(b"o" * 32, ident, None)}


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=100), st.sampled_from(nl.KINDS), st.text(max_size=30))
def test_a_digest_is_hmac_sha256_cut_short(secret, kind, value):
    """Registers already store these digests: the keyed-state shortcut must give HMAC's bytes."""
    expected = hmac.new(secret, f"{kind}:{value}".encode(), hashlib.sha256).digest()[:nl.DIGEST_BYTES]
    assert nl.digest(secret, kind, value) == expected


@given(st.text(max_size=40))
def test_arbitrary_text_never_breaks_the_number_rule(text):
    assert isinstance(nl.search_digests(SECRET, text), list)
    nl.normalise_phone(text)
    nl.normalise_id(text)
    nl.typed_number(text)


def test_search_with_the_number_and_a_name_needs_both(svc):
    a = register(svc, "张三", ID_A, PHONE_A, received=date(2026, 2, 1))
    register(svc, "李四", ID_B, "13702261234")
    assert found(svc, "1234") == {a.case_no, found(svc, "13702261234").pop()}
    assert found(svc, "张三 1234") == {a.case_no}


@pytest.mark.parametrize(("typed", "number"), [
    ("022-23456789", "02223456789"), ("022-2345-6789", "02223456789"), ("022-23456789-12", "02223456789"),
    ("02223456789-12", "02223456789"), ("（022）23456789", "02223456789"), ("+86 138 0226 1234", "13802261234"),
    ("0086-13802261234", "13802261234"), ("130-0000-0000", "13000000000"), ("12345", None), ("", None),
])
def test_phone_numbers_normalise_to_their_digits_without_extension(typed, number):
    assert nl.normalise_phone(typed) == number



@pytest.mark.postgres
def test_the_district_on_postgresql_finds_synced_cases_by_number(tmp_path, request, monkeypatch):
    """The consolidated database keeps its own lookup rows too (bytea digests, the same queries)."""
    url = request.getfixturevalue("pg_url")
    from .postgres_db import supervisor_on

    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)
    sup = supervisor_on(tmp_path / "sup", url)
    room = make_node(tmp_path / "room", "room", "和平区劳动人事争议调解中心", "HP")
    enrol(room, sup)
    case = register(CaseService(room), "张三", ID_A, PHONE_A)
    register(CaseService(room), "李四", ID_B, "13702261234")
    import_one(sup, export_one(room, tmp_path / "out"))
    district = CaseService(sup)
    assert found(district, ID_A[-6:]) == {case.case_no}
    assert found(district, PHONE_A) == {case.case_no}
    assert len(found(district, "1234")) == 2
    room.close()
    sup.db.dispose()
