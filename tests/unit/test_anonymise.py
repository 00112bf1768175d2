"""Anonymising typical cases: no name, ID number, phone number, credit code, full employer name or short
name of the source case survives anywhere in the write-up, headings included, whatever the facts say."""

from __future__ import annotations

import random
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediation_desktop.core.anonymise import INDUSTRY_WORDS, Anonymiser, employer_alias
from mediation_desktop.core.enums import Outcome, Status
from mediation_desktop.core.model import (
    Agreement,
    AgreementItem,
    Applicant,
    Case,
    Claim,
    MediationSession,
    Respondent,
)
from mediation_desktop.core.typical_draft import draft
from mediation_desktop.core.validation import id_check_char, uscc_check_char

SURNAMES = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "欧阳", "司马", "诸葛"]
NAME_CHARS = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌宇浩凯"
BRAND_CHARS = "顺达宏图鑫源金盛恒通瑞丰嘉禾远航新世纪腾飞"
FILLER = "申请人在被申请人处工作期间单位未按时足额支付报酬双方多次协商未果经调解达成一致，。、；：（）"
FORMS = ["有限公司", "股份有限公司", "有限责任公司", "公司", "厂", "店"]
REGIONS = ["", "天津市", "天津市和平区", "河北省廊坊市", "北京市朝阳区"]

given_names = st.text(alphabet=NAME_CHARS, min_size=1, max_size=2)
people = st.lists(st.tuples(st.sampled_from(SURNAMES), given_names).map("".join), min_size=1, max_size=6, unique=True)
brands = st.text(alphabet=BRAND_CHARS, min_size=2, max_size=3)
employers = st.tuples(st.sampled_from(REGIONS), brands, st.sampled_from(INDUSTRY_WORDS), st.sampled_from(FORMS))


def _id_number(rng: random.Random) -> str:
    first = "1201011990" + "".join(rng.choice("0123456789") for _ in range(7))
    first = first[:10] + "0101" + first[14:]
    return first + id_check_char(first)


def _uscc(rng: random.Random) -> str:
    first = "91120101" + "".join(rng.choice("0123456789ABCDEFGH") for _ in range(9))
    return first + uscc_check_char(first)


def _phone(rng: random.Random) -> str:
    return "13" + "".join(rng.choice("0123456789") for _ in range(9))


def _case(names: list[str], employer: tuple[str, str, str, str], seed: int, mentions: list[int]) -> Case:
    rng = random.Random(seed)
    region, brand, industry, form = employer
    full = region + brand + industry + form
    applicants = [Applicant(n, id_number=_id_number(rng), phone=_phone(rng), address=f"天津市河西区{brand}路{i}号")
                  for i, n in enumerate(names)]
    respondent = Respondent(full, uscc=_uscc(rng), legal_rep=names[-1], phone="022-2" + "".join(
        rng.choice("0123456789") for _ in range(7)), address="天津市南开区某路1号")
    # The facts name everyone in every way: full names, given names alone, the employer's full and
    # short names, ID and phone numbers and the credit code, run together with ordinary text.
    pieces = [*names, *(n[-2:] for n in names), full, brand, brand + industry, brand + "公司",
              *(a.id_number for a in applicants), *(a.phone for a in applicants), respondent.uscc, respondent.phone]
    facts = "".join(FILLER[m % len(FILLER)] + pieces[m % len(pieces)] for m in mentions)
    case = Case(org_id="o", received_on=date(2026, 3, 2), applicants=applicants, respondent=respondent,
                case_no="津和平劳调〔2026〕12号", status=Status.CLOSED, outcome=Outcome.AGREEMENT,
                dispute_types=["wages"], workers_involved=len(names), mediator=names[0],
                claims=[Claim(f"{names[0]}要求{brand}支付工资", 100000, "wages")], facts=facts,
                respondent_position=f"{brand}认可拖欠{names[-1]}工资",
                sessions=[MediationSession(date(2026, 3, 9), notes=f"{names[0]}与{full}当面协商。{facts[:200]}")],
                conclusion_note=f"{brand + industry}当场支付。",
                agreement=Agreement(date(2026, 3, 9), items=[AgreementItem(full, names[0], "工资", 100000,
                                                                          account="6222020200112233445")]))
    case.amount_agreed_fen = 100000
    return case


def _forbidden(case: Case) -> set[str]:
    terms = {case.case_no, case.respondent.name, case.respondent.uscc, case.respondent.phone}
    for a in case.applicants:
        terms |= {a.name, a.id_number, a.phone}
        given = a.name[2:] if a.name[:2] in ("欧阳", "司马", "诸葛") else a.name[1:]
        if len(given) >= 2:
            terms.add(given)
    alias = employer_alias(case.respondent.name)
    terms |= set(alias.terms)
    return {t for t in terms if t}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=people, employer=employers, seed=st.integers(0, 10**6),
       mentions=st.lists(st.integers(0, 10**4), min_size=1, max_size=40))
def test_nothing_identifying_survives_in_any_section(names, employer, seed, mentions):
    case = _case(names, employer, seed, mentions)
    written = draft(case)
    for section in (written.title, written.facts, written.process, written.result, written.experience):
        for term in _forbidden(case):
            assert term not in section, (term, section)


@settings(max_examples=200, deadline=None)
@given(names=people, text=st.text(alphabet=NAME_CHARS + FILLER + "".join(SURNAMES), max_size=80))
def test_any_text_around_the_names_keeps_none_of_them(names, text):
    anon = Anonymiser(people=names)
    out = anon(text.join(names) + text)
    assert not anon.leaks(out)
    for n in names:
        assert n not in out


@given(st.text(max_size=200))
def test_random_text_without_identifiers_is_left_alone(text):
    anon = Anonymiser(people=["张伟明"], employers=["天津市顺达物流有限公司"])
    if not any(t in text for t in ("张伟明", "伟明", "顺达", "物流", "公司")) and not any(c.isdigit() for c in text):
        assert anon(text) == text


def test_aliases_follow_the_practice():
    anon = Anonymiser(people=["张伟明", "张秀英", "李强", "欧阳娜娜"],
                      employers=["天津市顺达物流有限公司"])
    assert [anon.alias_of(n) for n in ("张伟明", "张秀英", "李强", "欧阳娜娜")] == ["张某甲", "张某乙", "李某", "欧阳某"]
    assert anon.alias_of("天津市顺达物流有限公司") == "某物流公司"
    assert employer_alias("宏图建筑工程有限公司").alias == "某建筑工程公司"
    assert employer_alias("老王烧烤店").alias == "某烧烤店"
    assert employer_alias("天津恒通科技股份有限公司").alias == "某科技公司"
    assert anon("顺达公司拖欠伟明工资，顺达物流负责人称") == "某物流公司拖欠张某甲工资，某物流公司负责人称"


def test_numbers_are_removed_even_when_the_record_does_not_know_them():
    anon = Anonymiser()
    text = "身份证号120101199001011239，电话13812345678、022-23456789，代码91350100M000100Y43。"
    out = anon(text)
    assert out == "身份证号（略），电话（略）、（略），代码（略）。"
