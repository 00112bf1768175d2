"""Codes that appear in JSON, the database and packages, with their Chinese labels."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    REGISTERED = "registered"   # 已登记，待受理
    MEDIATING = "mediating"     # 已受理，调解中（或调解已结束、待结案）
    CLOSED = "closed"           # 已结案


class Stage(StrEnum):
    """A finer view than :class:`Status`: what the mediator must do next."""

    REGISTERED = "registered"   # 待受理
    MEDIATING = "mediating"     # 调解中
    CONCLUDED = "concluded"     # 调解结束，待履行/结案
    CLOSED = "closed"           # 已结案


class Outcome(StrEnum):
    NOT_ACCEPTED = "not_accepted"
    AGREEMENT = "agreement"
    SETTLED = "settled"
    FAILED = "failed"
    WITHDRAWN = "withdrawn"
    TRANSFERRED = "transferred"


class DisputeType(StrEnum):
    LABOR_RELATION = "labor_relation"
    CONTRACT = "contract"
    DISMISSAL = "dismissal"
    HOURS_LEAVE = "hours_leave"
    SOCIAL_INSURANCE = "social_insurance"
    WELFARE_TRAINING = "welfare_training"
    WAGES = "wages"
    INJURY_MEDICAL = "injury_medical"
    COMPENSATION = "compensation"
    OTHER = "other"


class Channel(StrEnum):
    WALK_IN = "walk_in"                 # 当面口头申请
    WRITTEN = "written"                 # 书面申请
    COURT_DELEGATED = "court_delegated"  # 法院委派（诉前）
    COURT_ENTRUSTED = "court_entrusted"  # 法院委托（诉中）
    ARBITRATION = "arbitration"         # 仲裁转来
    HOTLINE = "hotline"                 # 12345/12333 转办
    PETITION = "petition"               # 信访转办
    SCREENING = "screening"             # 排查发现
    LEDGER = "ledger"                   # 旧台账导入


COURT_CHANNELS = frozenset({Channel.COURT_DELEGATED, Channel.COURT_ENTRUSTED})

STATUS_LABELS = {Status.REGISTERED: "待受理", Status.MEDIATING: "调解中", Status.CLOSED: "已结案"}
STAGE_LABELS = {Stage.REGISTERED: "待受理", Stage.MEDIATING: "调解中", Stage.CONCLUDED: "待结案", Stage.CLOSED: "已结案"}

OUTCOME_LABELS = {
    Outcome.NOT_ACCEPTED: "不予受理",
    Outcome.AGREEMENT: "达成协议",
    Outcome.SETTLED: "和解",
    Outcome.FAILED: "调解不成",
    Outcome.WITHDRAWN: "撤回",
    Outcome.TRANSFERRED: "转办",
}

# In the words of 调解仲裁法 第2条 (the documents print them in running text: "因…发生的劳动争议").
DISPUTE_TYPE_LABELS = {
    DisputeType.LABOR_RELATION: "确认劳动关系",
    DisputeType.CONTRACT: "劳动合同",
    DisputeType.DISMISSAL: "除名、辞退和辞职、离职",
    DisputeType.HOURS_LEAVE: "工作时间、休息休假",
    DisputeType.SOCIAL_INSURANCE: "社会保险",
    DisputeType.WELFARE_TRAINING: "福利、培训或者劳动保护",
    DisputeType.WAGES: "劳动报酬",
    DisputeType.INJURY_MEDICAL: "工伤医疗费",
    DisputeType.COMPENSATION: "经济补偿或赔偿金",
    DisputeType.OTHER: "其他",
}

CHANNEL_LABELS = {
    Channel.WALK_IN: "当面申请",
    Channel.WRITTEN: "书面申请",
    Channel.COURT_DELEGATED: "法院委派",
    Channel.COURT_ENTRUSTED: "法院委托",
    Channel.ARBITRATION: "仲裁转来",
    Channel.HOTLINE: "12345/12333转办",
    Channel.PETITION: "信访转办",
    Channel.SCREENING: "排查发现",
    Channel.LEDGER: "台账导入",
}

# Dispute types for which an unpaid agreement can go straight to the court as a 支付令 (调解仲裁法 第16条).
PAYMENT_ORDER_TYPES = frozenset({DisputeType.WAGES, DisputeType.INJURY_MEDICAL, DisputeType.COMPENSATION})

COLLECTIVE_THRESHOLD = 10  # 调解仲裁法 第7条: 10 or more workers with a common claim
