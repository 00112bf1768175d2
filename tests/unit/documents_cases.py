"""Realistic cases for the document tests, as plain core.model objects (no database)."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

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
)
from mediation_desktop.core.validation import id_check_char

TODAY = date(2026, 2, 20)

NAMES = ["张𠮷", "王䶮", "欧阳秀英", "刘建国", "陈丽娟", "杨志强", "赵海燕", "黄明", "周小红", "吴德胜",
         "徐桂芳", "孙伟"]


def id_number(seq: int, born: date = date(1985, 6, 15)) -> str:
    first17 = f"120104{born:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


def organisation(*, arbitration: bool = True) -> Organisation:
    return Organisation(
        name="河西区友谊路街道劳动人事争议调解委员会", code="HXYYL", address="天津市河西区友谊路35号",
        phone="022-28000000",
        arbitration_name="天津市河西区劳动人事争议仲裁委员会" if arbitration else None,
        arbitration_address="天津市河西区解放南路256号" if arbitration else None,
    )


LONG_FACTS = "\n".join(
    f"第{i}段：申请人在被申请人处从事建筑施工工作，双方未签订书面劳动合同，工资按月以现金或银行转账方式发放。"
    "2025年9月以后，被申请人以工程款未结算为由，多次推迟发放工资，申请人多次催要未果。" * 3
    for i in range(1, 7)
)


def collective_case() -> Case:
    """12 workers (three representatives), wages and compensation, four agreed items, long facts."""
    applicants = [
        Applicant(name=name, id_number=id_number(10 + i), phone=f"1391234{i:04d}", gender="男" if i % 2 else "女",
                  address=f"天津市河西区大沽南路{100 + i}号", is_representative=i < 3)
        for i, name in enumerate(NAMES)
    ]
    return Case(
        org_id="org", case_no="（2026）津西友调字第7号", received_on=date(2026, 2, 13), accepted_on=date(2026, 2, 14),
        applicants=applicants,
        respondent=Respondent(name="天津宏远建设工程有限公司", uscc="91120103MA06ABCD1X", legal_rep="钱大江",
                              address="天津市河西区围堤道88号", phone="022-23001234"),
        status=Status.MEDIATING, outcome=Outcome.AGREEMENT, workers_involved=12,
        dispute_types=[DisputeType.WAGES, DisputeType.COMPENSATION], mediator="郑平",
        claims=[Claim("请求支付2025年9月至2026年1月拖欠工资", 41_256_000, DisputeType.WAGES),
                Claim("请求支付解除劳动合同经济补偿", 16_409_02, DisputeType.COMPENSATION)],
        facts=LONG_FACTS, channel=Channel.WRITTEN,
        sessions=[
            MediationSession(held_on=date(2026, 2, 19), place="第二调解室", attendees="申请人代表三人，被申请人代理人",
                             recorder="林书记", notes="第二次调解：被申请人同意分三期支付。\n申请人代表表示同意。"),
            MediationSession(held_on=date(2026, 2, 16), place="第一调解室", attendees="双方",
                             recorder="林书记", notes="第一次调解：双方陈述。"),
        ],
        agreement=Agreement(signed_on=date(2026, 2, 20), full_and_final=True, items=[
            AgreementItem(payer="被申请人", payee="申请人张𠮷等12人", description="拖欠工资第一期",
                          amount_fen=20_000_000, due_on=date(2026, 2, 28), method="银行转账"),
            AgreementItem(payer="被申请人", payee="申请人张𠮷等12人", description="拖欠工资第二期",
                          amount_fen=21_256_000, due_on=date(2026, 3, 31), method="银行转账"),
            AgreementItem(payer="被申请人", payee="申请人王䶮", description="解除劳动合同经济补偿",
                          amount_fen=16_409_02, due_on=date(2026, 3, 5), method="现金"),
            AgreementItem(payer="被申请人", payee="", description="为申请人出具解除劳动合同证明",
                          due_on=date(2026, 3, 6)),
        ]),
    )


def contract_case(**changes) -> Case:
    """One worker, a contract dispute (no 支付令 route), walked in; mediation failed."""
    case = Case(
        org_id="org", case_no="（2026）津西友调字第9号", received_on=date(2026, 3, 2), accepted_on=date(2026, 3, 3),
        applicants=[Applicant(name="李明", id_number=id_number(33, date(1990, 5, 1)), gender="男",
                              phone="13900001111", address="天津市南开区鞍山西道20号")],
        respondent=Respondent(name="天津A&B<科技>有限公司", legal_rep="周某"),
        status=Status.MEDIATING, outcome=Outcome.FAILED, concluded_on=date(2026, 3, 17),
        dispute_types=[DisputeType.CONTRACT], mediator="郑平", channel=Channel.WALK_IN,
        claims=[Claim("请求确认双方劳动合同于2026年2月28日解除")],
        facts="申请人于2024年3月入职被申请人处。", conclusion_note="wide_divergence",
        not_accepted_reason="该争议已由仲裁委员会受理",
    )
    for key, value in changes.items():
        setattr(case, key, value)
    return case


# -- reading documents back -----------------------------------------------------------------------
def paragraphs(path: Path) -> list[str]:
    """Text of every paragraph (body and table cells) in document order."""
    document = Document(str(path))
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]


def text_of(path: Path) -> str:
    return "\n".join(paragraphs(path))


def xml_of(path: Path, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")
