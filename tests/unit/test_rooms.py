"""The district's overview of its rooms: real nodes, real packages, real SQLite files."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from mediation_desktop.core.clock import today as clock_today
from mediation_desktop.core.enums import Outcome
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import Agreement, AgreementItem, Applicant, Case, Claim, Respondent
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.rooms import (
    DEFAULT_STALE_DAYS,
    agreement_rate,
    export_overview_xlsx,
    room_overview,
    set_stale_days,
    stale_days,
    sync_words,
)

from .sync_helpers import enrol, export_one, import_one, make_node


def a_case(name: str, received: date, employer: str = "天津鑫达建筑工程有限公司", uscc: str | None = None,
           workers: int = 1) -> Case:
    return Case(org_id="", received_on=received, applicants=[Applicant(name, is_representative=workers >= 10)],
                respondent=Respondent(employer, uscc=uscc), dispute_types=["wages"], workers_involved=workers, claims=[Claim("支付拖欠工资", 800_000, "wages")],
                facts="被拖欠工资。")


@pytest.fixture
def district(tmp_path):
    sup = make_node(tmp_path / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    hp = make_node(tmp_path / "hp", "room", "和平区劳动人事争议调解中心", "HP")
    hx = make_node(tmp_path / "hx", "room", "河西区友谊路街道调解委员会", "HX")
    enrol(hp, sup)
    enrol(hx, sup)
    yield sup, hp, hx
    for b in (sup, hp, hx):
        b.close()


def _fill_hp(hp) -> None:
    s = CaseService(hp)
    # An agreement and a failure concluded in 2026: the agreement rate is 50.0%.
    a = s.register(a_case("甲", date(2026, 3, 2)))
    s.accept(a.case_no, date(2026, 3, 3))
    s.conclude(a.case_no, Outcome.AGREEMENT, date(2026, 3, 10), agreement=Agreement(
        signed_on=date(2026, 3, 10), items=[AgreementItem("公司", "甲", "工资", 800_000)]))
    s.close(a.case_no, date(2026, 3, 11))
    b = s.register(a_case("乙", date(2026, 3, 5)))
    s.accept(b.case_no, date(2026, 3, 5))
    s.conclude(b.case_no, Outcome.FAILED, date(2026, 3, 12))
    s.close(b.case_no, date(2026, 3, 12))
    # Open: accepted late (received 3-02, three working days passed), and overdue by now.
    late = s.register(a_case("丙", date(2026, 3, 2)))
    s.accept(late.case_no, date(2026, 3, 20))
    # Open and collective.
    s.register(a_case("丁", date(2026, 3, 9), workers=12))


def test_each_room_with_its_cases_and_rate(district, tmp_path):
    sup, hp, hx = district
    _fill_hp(hp)
    CaseService(hx).register(a_case("戊", date(2026, 4, 1)))
    for room in (hp, hx):
        import_one(sup, export_one(room, tmp_path / room.node.org.code))
    rows = {r.org_code: r for r in room_overview(sup, date(2026, 6, 1))}
    assert set(rows) == {"HP", "HX"}
    hp_row = rows["HP"]
    assert (hp_row.cases, hp_row.open, hp_row.late_accepted, hp_row.collective_open) == (4, 2, 1, 1)
    assert hp_row.overdue == 2      # both open cases are past their deadlines on 1 June
    assert (hp_row.agreements_year, hp_row.mediated_year, hp_row.agreement_rate) == (1, 2, "50.0%")
    assert (rows["HX"].open, rows["HX"].agreement_rate) == (1, "—")
    assert hp_row.held == 0 and hp_row.missing is None
    # A year later nothing was concluded "this year" any more.
    assert room_overview(sup, date(2027, 6, 1))[0].agreement_rate == "—"


def test_a_missing_package_is_said_in_words(district, tmp_path):
    sup, hp, _ = district
    s = CaseService(hp)
    s.register(a_case("甲", date(2026, 3, 2)))
    first = export_one(hp, tmp_path / "1")
    s.register(a_case("乙", date(2026, 3, 3)))
    export_one(hp, tmp_path / "2")          # lost on the way
    s.register(a_case("丙", date(2026, 3, 4)))
    third = export_one(hp, tmp_path / "3")
    import_one(sup, first)
    assert import_one(sup, third).status == "held"
    row = next(r for r in room_overview(sup) if r.org_code == "HP")
    assert row.held == 1 and row.missing is not None
    assert "缺少第2号包" in row.sync_words and "已暂存1个后续包" in row.sync_words
    assert row.as_json()["missing"] == list(row.missing)


def test_stale_rooms_stand_out_and_the_setting(district, tmp_path):
    sup, hp, hx = district
    CaseService(hp).register(a_case("甲", date(2026, 3, 2)))
    import_one(sup, export_one(hp, tmp_path / "hp"))
    later = clock_today() + timedelta(days=DEFAULT_STALE_DAYS)   # the program's day (China time), not UTC's
    rows = {r.org_code: r for r in room_overview(sup, later)}
    assert rows["HP"].stale and rows["HP"].days_since == DEFAULT_STALE_DAYS
    assert f"超过{DEFAULT_STALE_DAYS}天未报送" in rows["HP"].sync_words
    assert rows["HX"].stale and rows["HX"].last_package_at is None and "尚未收到同步包" in rows["HX"].sync_words
    assert [r.org_code for r in room_overview(sup, later)][0] in {"HP", "HX"}   # stale ones first
    assert not {r.org_code: r for r in room_overview(sup, clock_today())}["HP"].stale

    assert set_stale_days(sup, "10") == 10 and stale_days(sup) == 10
    assert not {r.org_code: r for r in room_overview(sup, later)}["HP"].stale
    for bad in ("0", "367", "七", "", "1.5", "-3"):
        with pytest.raises(UserError) as exc:
            set_stale_days(sup, bad)
        assert exc.value.code == "E_STALE_DAYS"
    assert stale_days(sup) == 10    # nothing changed by a refused value


def test_only_a_district_has_the_overview(district):
    _, hp, _ = district
    with pytest.raises(UserError) as exc:
        room_overview(hp)
    assert exc.value.code == "E_ROLE"


def test_overview_exports_to_excel_formula_safe(district, tmp_path):
    sup, hp, _ = district
    CaseService(hp).register(a_case("甲", date(2026, 3, 2)))
    import_one(sup, export_one(hp, tmp_path / "hp"))
    out = export_overview_xlsx(room_overview(sup), str(tmp_path / "rooms.xlsx"))
    ws = load_workbook(out).active
    assert [c.value for c in ws[1]][:3] == ["调解组织", "代码", "最近收到同步包"]
    names = {ws.cell(r, 1).value for r in range(2, ws.max_row + 1)}
    assert names == {"和平区劳动人事争议调解中心", "河西区友谊路街道调解委员会"}
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_agreement_rate_is_agreements_over_mediated(agreements, extra):
    mediated = agreements + extra
    text = agreement_rate(agreements, mediated)
    if mediated == 0:
        assert text == "—"
    else:
        assert text.endswith("%")
        assert abs(float(text[:-1]) - agreements / mediated * 100) <= 0.05 + 1e-9


@given(st.integers(0, 500), st.integers(0, 50), st.one_of(st.none(), st.integers(0, 400)), st.integers(1, 366))
def test_sync_words_say_what_matters(imported, held, days, limit):
    missing = (imported * 10 + 1, imported * 10 + 5) if held else None
    words = sync_words(imported, held, missing, days, limit)
    assert (f"缺少第{imported + 1}号包" in words) == bool(held)
    assert ("未报送" in words) == (days is None or days >= limit)
    assert ("尚未收到同步包" in words) == (days is None)
