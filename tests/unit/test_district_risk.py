"""Risk across rooms: real nodes and packages; the employer rules of core.risk as properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import Applicant, Case, Claim, Respondent
from mediation_desktop.core.risk import (
    KEY_ENTERPRISE_REASON,
    LEVELS,
    RiskFacts,
    assess,
    assess_facts,
    employer_key,
    normalise_employer_name,
    rooms_reason,
    same_employer_reason,
)
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.district_risk import (
    district_risk,
    export_risk_xlsx,
    same_employer_many,
    set_same_employer_many,
)
from mediation_desktop.sync.supervisor import set_key_enterprises

from .sync_helpers import enrol, export_one, import_one, make_node

XINDA_USCC = "91350100M000100Y43"
KEY_USCC = "91120101MA05T9XK45"
TODAY = date(2026, 6, 1)


def a_case(name: str, employer: str, *, uscc: str | None = None, workers: int = 1,
           received: date = date(2026, 5, 25), types: tuple[str, ...] = ("wages",)) -> Case:
    return Case(org_id="", received_on=received, applicants=[Applicant(name, is_representative=workers >= 10)],
                respondent=Respondent(employer, uscc=uscc), dispute_types=list(types), workers_involved=workers,
                claims=[Claim("请求", 500_000, types[0])], facts="争议。")


@pytest.fixture
def district(tmp_path):
    sup = make_node(tmp_path / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    hp = make_node(tmp_path / "hp", "room", "和平区劳动人事争议调解中心", "HP")
    hx = make_node(tmp_path / "hx", "room", "河西区友谊路街道调解委员会", "HX")
    enrol(hp, sup)
    enrol(hx, sup)
    hp_cases, hx_cases = CaseService(hp), CaseService(hx)
    # The same employer in two rooms: with its credit code in one, by another spelling of its name in the other.
    hp_cases.register(a_case("张三", "天津鑫达建筑工程有限责任公司", uscc=XINDA_USCC))
    hx_cases.register(a_case("李四", "天津（鑫达）建筑工程有限公司 "))
    # Many in one room.
    for name in ("王一", "王二", "王三"):
        hx_cases.register(a_case(name, "天津恒通物流有限公司", types=("contract",)))
    # A collective wage dispute at a key enterprise.
    collective = hp_cases.register(a_case("赵六", "天津重点监测制造有限公司", uscc=KEY_USCC, workers=12))
    # Long overdue.
    old = hp_cases.register(a_case("钱七", "天津小店", received=date(2026, 1, 5), types=("dismissal",)))
    set_key_enterprises(sup, [{"uscc": KEY_USCC, "name": "天津重点监测制造有限公司", "reason": "欠薪隐患"}])
    for room in (hp, hx):
        import_one(sup, export_one(room, tmp_path / room.node.org.code))
    yield {"sup": sup, "hp": hp, "hx": hx, "collective": collective.case_no, "old": old.case_no}
    for b in (sup, hp, hx):
        b.close()


def test_the_same_employer_in_two_rooms(district):
    risk = district_risk(district["sup"], TODAY)
    xinda = next(e for e in risk.employers if e.uscc == XINDA_USCC)
    assert {code for _, code, _ in xinda.rooms} == {"HP", "HX"} and xinda.open_cases == 2
    assert rooms_reason(2) in xinda.reasons
    flagged = [c for c in risk.cases if rooms_reason(2) in c.reasons]
    assert {c.org_code for c in flagged} == {"HP", "HX"}
    assert all(LEVELS.index(c.level) >= LEVELS.index("orange") for c in flagged)


def test_many_open_cases_in_one_room_and_the_setting(district):
    sup = district["sup"]
    hengtong = next(e for e in district_risk(sup, TODAY).employers if e.name == "天津恒通物流有限公司")
    assert hengtong.rooms == (("河西区友谊路街道调解委员会", "HX", 3),)
    assert same_employer_reason(3, "河西区友谊路街道调解委员会") in hengtong.reasons
    assert set_same_employer_many(sup, "4") == 4 and same_employer_many(sup) == 4
    again = district_risk(sup, TODAY)
    assert all(e.name != "天津恒通物流有限公司" for e in again.employers)
    assert all(same_employer_reason(3) not in c.reasons for c in again.cases)
    for bad in ("1", "abc", "", "1001"):
        with pytest.raises(UserError) as exc:
            set_same_employer_many(sup, bad)
        assert exc.value.code == "E_RISK_SETTING"
    assert same_employer_many(sup) == 4


def test_collective_key_enterprise_and_overdue_lists(district):
    risk = district_risk(district["sup"], TODAY)
    (collective,) = risk.collective
    assert collective.case_no == district["collective"] and collective.level == "red"
    assert KEY_ENTERPRISE_REASON in collective.reasons
    assert [e.uscc for e in risk.key_enterprises] == [KEY_USCC]
    old = next(c for c in risk.overdue if c.case_no == district["old"])
    assert old.overdue_days == (TODAY - old.next_due).days > 100
    assert risk.overdue == sorted(risk.overdue, key=lambda c: -c.overdue_days)
    red = risk.entries("red")
    assert [e["case_no"] for e in red] == [district["collective"]]
    assert all(LEVELS.index((e.get("risk") or e)["level"]) >= 1 for e in risk.entries())


def test_a_room_sees_its_own_cases_and_programme_records(district):
    from mediation_desktop.services.screenings import add_screening
    from mediation_desktop.services.urgent_reports import create_report

    hp = district["hp"]
    risk = district_risk(hp, TODAY)
    assert risk.cases and all(c.org_code == "HP" for c in risk.cases)
    assert all(rooms_reason(2) not in c.reasons for c in risk.cases)
    add_screening(hp, "天津隐患企业有限公司", "2026-05-20", "red", "拖欠工资两个月，涉及30人", workers=30)
    create_report(hp, case_no=district["collective"], today=date(2026, 5, 26))
    entries = district_risk(hp, TODAY).entries("red")
    sources = {e["source"] for e in entries}
    assert sources == {"case", "screening", "urgent_report"}


def test_every_list_exports_to_excel(district, tmp_path):
    out = export_risk_xlsx(district_risk(district["sup"], TODAY), str(tmp_path / "风险.xlsx"))
    wb = load_workbook(out)
    assert wb.sheetnames == ["风险案件", "超期案件", "集体争议", "同一用人单位", "重点监测企业", "风险排查", "情况快报"]
    assert wb["集体争议"]["B2"].value == district["collective"]
    employers = {wb["同一用人单位"].cell(r, 1).value for r in range(2, wb["同一用人单位"].max_row + 1)}
    assert {"天津鑫达建筑工程有限责任公司", "天津恒通物流有限公司"} <= employers
    assert all(c.data_type != "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    with pytest.raises(UserError) as exc:
        export_risk_xlsx(district_risk(district["sup"], TODAY), str(tmp_path / "no-such-folder" / "r.xlsx"))
    assert exc.value.code == "E_OUTPUT_PATH"


# -- the rules, for any text ------------------------------------------------------------------------

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
noise = st.sampled_from([" ", "\u3000", "（", "）", "(", ")", "·", "  "])


@given(names)
def test_normalising_twice_changes_nothing(name):
    once = normalise_employer_name(name)
    assert normalise_employer_name(once) == once


@given(st.text(st.sampled_from("天津鑫达建筑工程物流科技"), min_size=1, max_size=12), st.lists(noise, max_size=4),
       st.integers(0, 12))
def test_spaces_and_brackets_do_not_make_another_employer(core, extra, at):
    name = core + "有限公司"
    cut = min(at, len(name))
    noisy = name[:cut] + "".join(extra) + name[cut:]
    assert normalise_employer_name(noisy) == normalise_employer_name(name)
    assert normalise_employer_name(name.replace("有限公司", "有限责任公司")) == normalise_employer_name(name)


@given(st.one_of(st.none(), st.just(""), st.just(XINDA_USCC)), names)
def test_the_credit_code_wins_over_the_name(uscc, name):
    key = employer_key(uscc, name)
    assert key == (f"uscc:{uscc}" if uscc else f"name:{normalise_employer_name(name)}")


@given(st.integers(1, 200), st.booleans(), st.one_of(st.none(), st.integers(0, 50_000_000)), st.integers(0, 10),
       st.integers(0, 6), st.booleans())
def test_the_case_page_and_the_list_agree(workers, wages, amount, same, rooms, key):
    case = Case(org_id="", received_on=date(2026, 5, 1), applicants=[Applicant("甲")],
                respondent=Respondent("公司"), dispute_types=["wages" if wages else "contract"],
                workers_involved=workers, amount_claimed_fen=amount)
    page = assess(case, open_cases_same_employer=same, key_enterprise=key, today=date(2026, 6, 1),
                  rooms_same_employer=rooms)
    listed = assess_facts(RiskFacts(workers, workers >= 10, wages, amount, same, rooms, key, date(2026, 6, 1)))
    assert (page.level, page.reasons) == (listed.level, listed.reasons)
    assert (rooms >= 2) == (rooms_reason(rooms) in listed.reasons)
    if rooms >= 2:
        assert LEVELS.index(listed.level) >= LEVELS.index("orange")


def test_the_case_list_filters_by_room_and_by_risk(district):
    from mediation_desktop.core.model import CaseFilter
    from mediation_desktop.services.case_list import CaseListService

    service = CaseListService(district["sup"])
    hx = service.organisation_id("HX")
    assert len(service.keys(CaseFilter(org_id=hx))) == 4 == service.count(CaseFilter(org_id=hx))
    with pytest.raises(UserError) as exc:
        service.organisation_id("=cmd|' /C calc'!A0")
    assert exc.value.code == "E_ORG_NOT_FOUND"
    assert [c for _, _, c in service.organisations()] == ["D01", "HP", "HX"]
    red = service.keys(CaseFilter(risk_level="red"))
    assert [r.case_no for r in service.rows(red).values()] == [district["collective"]]
    orange_hx = service.keys(CaseFilter(risk_level="orange", org_id=hx))
    assert service.count(CaseFilter(risk_level="orange", org_id=hx)) == len(orange_hx) >= 1
    assert set(orange_hx) <= set(service.keys(CaseFilter(org_id=hx)))
    with pytest.raises(UserError):
        service.keys(CaseFilter(risk_level="purple"))


def test_one_rooms_list_walks_an_index(district):
    """``cases --org`` at a million cases: the newest-first list of one room needs no sort."""
    import sqlite3

    from mediation_desktop.core.model import CaseFilter
    from mediation_desktop.storage import queries

    sup = district["sup"]
    with sup.db.read() as conn:
        stmt = queries.filtered(conn, [queries.cases.c.num], CaseFilter(org_id="x")).order_by(
            queries.cases.c.received_on.desc(), queries.cases.c.num.desc())
        sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    plan = " ".join(str(r) for r in sqlite3.connect(sup.db.path).execute("EXPLAIN QUERY PLAN " + sql))
    assert "ix_cases_org_received" in plan and "TEMP B-TREE" not in plan
