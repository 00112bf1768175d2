"""Realistic synthetic cases: Chinese names, Tianjin employers with valid credit codes, valid ID
numbers, a plausible mix of dispute types, amounts and outcomes. Also the benchmarks' generator."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from mediation_desktop.core import clock
from mediation_desktop.core.enums import Channel, DisputeType, Outcome, Status
from mediation_desktop.core.lifecycle import amount_claimed
from mediation_desktop.core.model import (
    Agreement,
    AgreementItem,
    Applicant,
    Case,
    Claim,
    MediationSession,
    Respondent,
)
from mediation_desktop.core.validation import USCC_ALPHABET, id_check_char, uscc_check_char

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强海燕红梅玉兰春雷晓东俊峰立新宏伟文博子涵雨桐浩然欣怡佳怡梓轩思远宇航嘉豪建华淑珍凤英德明永强金凤"
TIANJIN_DISTRICTS = {
    "120101": "和平区", "120102": "河东区", "120103": "河西区", "120104": "南开区", "120105": "河北区",
    "120106": "红桥区", "120110": "东丽区", "120111": "西青区", "120112": "津南区", "120113": "北辰区",
    "120114": "武清区", "120115": "宝坻区", "120116": "滨海新区", "120117": "宁河区", "120118": "静海区",
}
HOMETOWNS = ["120101", "120104", "120116", "130102", "130602", "370102", "371302", "410102", "411502",
             "420102", "340102", "510104", "230102", "150102", "640104"]
BRAND = ["鑫达", "恒通", "宏远", "华泰", "金桥", "瑞丰", "永盛", "海诚", "津润", "众合", "新业", "立信",
         "嘉禾", "盛世", "天和", "博远", "德润", "中联", "兴隆", "福源", "安泰", "汇丰", "锦程", "宇辰"]
TRADE = [("建筑工程", "建筑"), ("物流", "物流"), ("餐饮管理", "餐饮"), ("电子科技", "制造"),
         ("物业服务", "物业"), ("机械制造", "制造"), ("商贸", "批发零售"), ("保洁服务", "服务"),
         ("汽车配件", "制造"), ("食品", "制造"), ("网络科技", "信息技术"), ("装饰工程", "建筑"),
         ("快递", "物流"), ("酒店管理", "住宿"), ("人力资源服务", "服务"), ("服装", "制造")]
FORMS = ["有限公司", "有限公司", "有限责任公司", "股份有限公司", "科技有限公司"]
TYPE_WEIGHTS = [
    (DisputeType.WAGES, 45), (DisputeType.COMPENSATION, 20), (DisputeType.CONTRACT, 10),
    (DisputeType.SOCIAL_INSURANCE, 8), (DisputeType.INJURY_MEDICAL, 5), (DisputeType.HOURS_LEAVE, 4),
    (DisputeType.DISMISSAL, 4), (DisputeType.LABOR_RELATION, 2), (DisputeType.WELFARE_TRAINING, 1),
    (DisputeType.OTHER, 1),
]
OUTCOME_WEIGHTS = [(Outcome.AGREEMENT, 60), (Outcome.FAILED, 15), (Outcome.WITHDRAWN, 10),
                   (Outcome.SETTLED, 10), (Outcome.TRANSFERRED, 3), (Outcome.NOT_ACCEPTED, 2)]
MEDIATORS = ["刘建华", "王秀兰", "张志强", "陈丽", "杨国庆", "赵淑珍", "孙立新", "周海燕"]
FACT_TEMPLATES = [
    "申请人自{start}年入职被申请人处从事{job}工作，被申请人自{months}个月前起拖欠工资，经多次催要未果。",
    "申请人在被申请人处从事{job}工作，被申请人以经营困难为由解除劳动合同，未支付经济补偿。",
    "申请人于{start}年入职，工作期间被申请人未依法缴纳社会保险，现申请人要求补缴并支付相应损失。",
    "申请人在工作中受伤，已认定为工伤，被申请人未支付工伤医疗费及停工留薪期工资。",
    "申请人长期加班，被申请人未支付加班费，双方就加班时长和加班费数额发生争议。",
]
JOBS = ["焊工", "保洁", "厨师", "快递员", "仓库管理", "装配工", "保安", "司机", "销售", "电工", "文员", "木工"]


class DemoGenerator:
    def __init__(self, seed: int = 20260213, today: date | None = None, employers: int = 3000):
        self.rng = random.Random(seed)
        self.today = today or clock.today()
        self.types, self.type_w = zip(*TYPE_WEIGHTS, strict=True)
        self.outcomes, self.outcome_w = zip(*OUTCOME_WEIGHTS, strict=True)
        self.employers = [self._employer() for _ in range(employers)]

    # -- identities --------------------------------------------------------------------------------
    def name(self) -> str:
        rng = self.rng
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
        return rng.choice(SURNAMES) + given

    def id_number(self) -> str:
        rng = self.rng
        born = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 365 * 40))
        first17 = f"{rng.choice(HOMETOWNS)}{born:%Y%m%d}{rng.randrange(0, 1000):03d}"
        return first17 + id_check_char(first17)

    def phone(self) -> str:
        rng = self.rng
        return rng.choice(("13", "15", "18", "17", "19")) + str(rng.randrange(0, 10)) + f"{rng.randrange(0, 10**8):08d}"

    def uscc(self, region: str) -> str:
        body = "91" + region + "".join(self.rng.choice(USCC_ALPHABET) for _ in range(9))
        return body + uscc_check_char(body)

    def _employer(self) -> Respondent:
        rng = self.rng
        region, district = rng.choice(list(TIANJIN_DISTRICTS.items()))
        trade, _industry = rng.choice(TRADE)
        name = f"天津{rng.choice(BRAND)}{trade}{rng.choice(FORMS)}"
        if rng.random() < 0.4:
            name = f"天津市{district}{rng.choice(BRAND)}{trade}{rng.choice(FORMS)}"
        return Respondent(name=name, uscc=self.uscc(region), legal_rep=self.name(),
                          address=f"天津市{district}{rng.choice(BRAND)}路{rng.randrange(1, 300)}号",
                          phone=f"022-{rng.randrange(2000, 8999)}{rng.randrange(0, 10000):04d}")

    # -- cases -------------------------------------------------------------------------------------
    def case(self, days_back: int = 730) -> Case:
        rng = self.rng
        received = self.today - timedelta(days=rng.randrange(0, days_back))
        collective = rng.random() < 0.05
        workers = rng.randrange(10, 80) if collective else (1 if rng.random() < 0.9 else rng.randrange(2, 6))
        n_named = min(workers, 3 if collective else workers)
        applicants = [Applicant(name=self.name(), id_number=self.id_number() if rng.random() < 0.9 else None,
                                phone=self.phone() if rng.random() < 0.95 else None,
                                is_representative=collective) for _ in range(n_named)]
        types = [rng.choices(self.types, self.type_w)[0]]
        if rng.random() < 0.25:
            extra = rng.choices(self.types, self.type_w)[0]
            if extra not in types:
                types.append(extra)
        per_worker = rng.randrange(2000_00, 60000_00)
        claims = [Claim(description=_claim_text(t), amount_fen=per_worker * workers // len(types) // 100 * 100,
                        dispute_type=str(t)) for t in types]
        channel = rng.choices([Channel.WALK_IN, Channel.WRITTEN, Channel.COURT_DELEGATED, Channel.HOTLINE,
                               Channel.ARBITRATION, Channel.SCREENING], [55, 20, 8, 8, 6, 3])[0]
        facts = rng.choice(FACT_TEMPLATES).format(start=received.year - rng.randrange(1, 8),
                                                  job=rng.choice(JOBS), months=rng.randrange(1, 7))
        case = Case(
            org_id="", received_on=received, applicants=applicants, respondent=rng.choice(self.employers),
            dispute_types=[str(t) for t in types], workers_involved=workers, claims=claims,
            amount_claimed_fen=None, channel=channel,
            court_case_no=f"（{received.year}）津0101民诉前调{rng.randrange(100, 9999)}号"
            if channel == Channel.COURT_DELEGATED else None,
            mediator=rng.choice(MEDIATORS), facts=facts,
        )
        case.amount_claimed_fen = amount_claimed(case)   # None when no claim names an amount
        self._progress(case)
        return case

    def _progress(self, case: Case) -> None:
        """Move the case along as far as its age makes plausible."""
        rng = self.rng
        age = (self.today - case.received_on).days
        if age < 2 and rng.random() < 0.7:
            return
        if rng.random() < 0.02 and age >= 2:
            case.status, case.outcome = Status.CLOSED, Outcome.NOT_ACCEPTED
            case.concluded_on = case.closed_on = case.received_on + timedelta(days=2)
            case.not_accepted_reason = "不属于劳动争议调解范围"
            return
        case.accepted_on = case.received_on + timedelta(days=rng.randrange(0, min(3, age) + 1))
        case.status = Status.MEDIATING
        mediated = (self.today - case.accepted_on).days
        if mediated < 5 or (mediated < 30 and rng.random() < 0.5):
            if mediated >= 1:
                case.sessions.append(MediationSession(held_on=case.accepted_on + timedelta(days=1), place="调解室",
                                                      attendees=f"{case.applicant_names}；{case.respondent.legal_rep}",
                                                      notes="双方陈述各自意见，调解员释法析理。"))
            return
        # Never in the future: a case accepted a week ago cannot have ended next week.
        end = min(case.accepted_on + timedelta(days=rng.randrange(1, 15)), self.today)
        case.sessions.append(MediationSession(held_on=min(end, case.accepted_on + timedelta(days=1)), place="调解室",
                                              attendees=case.applicant_names, notes="首次调解，双方陈述意见。"))
        outcome = rng.choices(self.outcomes[:-1], self.outcome_w[:-1])[0]
        case.outcome, case.concluded_on = outcome, end
        if outcome == Outcome.AGREEMENT:
            share = rng.choice((0.6, 0.7, 0.8, 0.9, 1.0))
            amount = int((case.amount_claimed_fen or 0) * share) // 100 * 100
            case.agreement = Agreement(signed_on=end, items=[AgreementItem(
                payer=case.respondent.name, payee=case.applicant_names, description="拖欠工资及经济补偿",
                amount_fen=amount, due_on=end + timedelta(days=rng.randrange(3, 30)), method="银行转账")])
            case.amount_agreed_fen = amount
        elif outcome == Outcome.TRANSFERRED:
            case.transferred_to = "区劳动人事争议仲裁委员会"
        if (self.today - end).days > 20 or rng.random() < 0.5:
            case.status, case.closed_on = Status.CLOSED, min(end + timedelta(days=rng.randrange(0, 5)), self.today)

    def cases(self, n: int) -> Iterator[Case]:
        for _ in range(n):
            yield self.case()


def _claim_text(t: DisputeType) -> str:
    return {
        DisputeType.WAGES: "支付拖欠的劳动报酬", DisputeType.COMPENSATION: "支付解除劳动合同经济补偿金",
        DisputeType.CONTRACT: "支付未签订书面劳动合同二倍工资差额", DisputeType.SOCIAL_INSURANCE: "补缴社会保险费",
        DisputeType.INJURY_MEDICAL: "支付工伤医疗费", DisputeType.HOURS_LEAVE: "支付加班费及未休年休假工资",
        DisputeType.DISMISSAL: "支付违法辞退赔偿金", DisputeType.LABOR_RELATION: "确认与被申请人存在劳动关系",
        DisputeType.WELFARE_TRAINING: "支付福利待遇", DisputeType.OTHER: "其他请求",
    }[t]
