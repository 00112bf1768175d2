"""Realistic sample cases (fictitious people) for template previews, benchmarks and the docs images.

The GUI can render a user's template against these to check it before installing it.
"""

from __future__ import annotations

from datetime import date

from mediation_desktop.core.enums import Channel, DisputeType, Outcome, Status
from mediation_desktop.core.model import (
    Agreement,
    AgreementItem,
    Applicant,
    Case,
    Claim,
    MediationSession,
    Organisation,
    Respondent,
    WorkerAmount,
)
from mediation_desktop.core.validation import id_check_char, uscc_check_char


def sample_org() -> Organisation:
    return Organisation(
        name="和平区南营门街道劳动人事争议调解中心", code="HPNYM", address="天津市和平区南营门街道办事处二楼",
        phone="022-23456789", arbitration_name="天津市和平区劳动人事争议仲裁委员会",
        arbitration_address="天津市和平区新华路188号",
    )


def _id(region: str, born: date, seq: int) -> str:
    first17 = f"{region}{born:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


def _uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


_NAMES = ["张𠮷", "王䶮", "李秀英", "刘建国", "陈丽娟", "杨志强", "赵海燕", "黄明", "周小红", "吴德胜",
          "徐桂芳", "孙伟"]


def sample_collective_case(n_applicants: int = 12) -> Case:
    """A wage-arrears case with many workers, long facts and several agreed items."""
    applicants = []
    for i in range(n_applicants):
        name = _NAMES[i % len(_NAMES)] + ("" if i < len(_NAMES) else str(i // len(_NAMES) + 1))
        applicants.append(Applicant(
            name=name, id_number=_id("120101", date(1975 + i % 25, 1 + i % 12, 1 + i % 28), 11 + 2 * i),
            phone=f"1380022{i:04d}", gender="男" if i % 2 == 0 else "女",
            address=f"天津市河西区友谊路{10 + i}号", is_representative=i < 3))
    applicants[0].agent, applicants[0].agent_special = "刘平（天津市某律师事务所律师）", True
    case = Case(
        org_id="org", received_on=date(2026, 2, 13), accepted_on=date(2026, 2, 14),
        applicants=applicants,
        respondent=Respondent(name="天津市津安建筑劳务有限公司", uscc=_uscc("91120101MA05T1U3K"),
                              legal_rep="马振华", address="天津市和平区南京路100号", phone="022-27000000",
                              legal_rep_title="执行董事", agent="马某（本公司人事经理）", agent_special=True),
        respondent_position=("被申请人对拖欠工资的事实和数额无异议，但认为经济补偿的计算基数应以申请人离职前十二个月的"
                             "平均工资为准，并表示因资金周转困难，请求分期支付。"),
        employment_ended_on=date(2026, 1, 31),
        case_no="（2026）津和南调字第12号", status=Status.MEDIATING, outcome=Outcome.AGREEMENT,
        dispute_types=[DisputeType.WAGES, DisputeType.COMPENSATION], workers_involved=n_applicants,
        claims=[
            Claim("请求被申请人支付2025年10月至2026年1月拖欠的工资", 39_380_000, DisputeType.WAGES),
            Claim("请求被申请人支付解除劳动合同经济补偿金", 16_409_02, DisputeType.COMPENSATION),
        ],
        mediator="郑调解", channel=Channel.WRITTEN,
        facts=("申请人等12人自2023年起在被申请人承建的河西区某住宅项目从事钢筋、木工等工作，约定按月支付工资。"
               "2025年10月起，被申请人以工程款未到位为由停发工资，累计拖欠四个月。\n"
               "2026年1月，项目停工，被申请人通知申请人离场，但未支付拖欠的工资，也未依法支付解除劳动合同的经济补偿。"
               "申请人多次向被申请人催要未果，遂于2026年2月13日向本中心申请调解。"
               "被申请人对拖欠工资的事实和数额无异议，表示因资金周转困难，希望分期支付。"),
        sessions=[
            MediationSession(held_on=date(2026, 2, 16), place="本中心第一调解室", attendees="申请人代表张𠮷、王䶮、李秀英；被申请人委托代理人马某",
                             recorder="林记录", notes="第一次调解，双方陈述意见。"),
            MediationSession(held_on=date(2026, 2, 20), place="本中心第一调解室", mode="现场",
                             attendees="申请人代表张𠮷、王䶮、李秀英；被申请人委托代理人马某", recorder="林记录",
                             notes="调解员：请申请人陈述请求。\n申请人代表张𠮷：要求一次性支付拖欠工资和经济补偿。\n"
                                   "被申请人代理人：同意支付，但请求分两期支付。\n经调解员释法析理，双方同意分期支付。"),
        ],
        agreement=Agreement(signed_on=date(2026, 2, 20), items=[
            AgreementItem(payer="被申请人天津市津安建筑劳务有限公司", payee="申请人张𠮷等12人",
                          description="2025年10月至2026年1月工资的第一期", amount_fen=20_000_000,
                          due_on=date(2026, 2, 28), method="银行转账", account="各申请人本人的工资卡（账号见附表所列名单）"),
            AgreementItem(payer="被申请人天津市津安建筑劳务有限公司", payee="申请人张𠮷等12人",
                          description="2025年10月至2026年1月工资的第二期", amount_fen=19_380_000,
                          due_on=date(2026, 3, 31), method="银行转账"),
            AgreementItem(payer="被申请人天津市津安建筑劳务有限公司", payee="申请人张𠮷等12人",
                          description="解除劳动合同经济补偿金", amount_fen=1_640_902,
                          due_on=date(2026, 3, 31), method="银行转账"),
            AgreementItem(payer="被申请人", payee="", description="为申请人出具解除劳动合同证明，并在十五日内办理档案和社会保险关系转移手续",
                          due_on=date(2026, 3, 6)),
        ], full_and_final=True, tax="pre_tax"),
    )
    # Each worker's share of the total (the schedule attached to a collective agreement).
    agreement = case.agreement
    assert agreement is not None
    total = agreement.total_fen
    share = total // n_applicants
    agreement.per_worker = [WorkerAmount(a.name, share + (total - share * n_applicants if i == 0 else 0))
                            for i, a in enumerate(applicants)]
    return case


def sample_single_case() -> Case:
    """One worker, a contract dispute (no 支付令 route), mediation failed."""
    return Case(
        org_id="org", received_on=date(2026, 3, 2), accepted_on=date(2026, 3, 3),
        applicants=[Applicant(name="李明", id_number=_id("120103", date(1990, 5, 1), 23), phone="13900001111",
                              gender="男", address="天津市南开区鞍山西道20号")],
        respondent=Respondent(name="天津某某科技有限公司", uscc=None, legal_rep="周某",
                              address="天津市和平区小白楼街道解放北路1号"),
        case_no="（2026）津和南调字第31号", status=Status.MEDIATING, outcome=Outcome.FAILED,
        concluded_on=date(2026, 3, 17), dispute_types=[DisputeType.CONTRACT],
        claims=[Claim("请求确认双方劳动合同于2026年2月28日解除", None, DisputeType.CONTRACT)],
        mediator="郑调解", channel=Channel.WALK_IN, facts="申请人于2024年3月入职被申请人处任软件工程师。",
        conclusion_note="wide_divergence",
    )
