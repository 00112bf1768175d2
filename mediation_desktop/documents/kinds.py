"""The eight standard documents and the closed list of reasons for ending a mediation."""

from __future__ import annotations

# Code (CLI, file names, the document register) -> the title printed on the paper.
KINDS: dict[str, str] = {
    "application": "调解申请书",
    "acceptance": "受理通知书",
    "rejection": "不予受理通知书",
    "record": "调解笔录",
    "extension": "延期调解确认书",
    "agreement": "调解协议书",
    "termination": "终止调解告知书",
    "service": "送达回证",
}

ORAL_APPLICATION_TITLE = "口头申请记录"

# To whom each document is addressed: a 送达回证 lists these parties and no one else. The acceptance
# and refusal notices answer the applicants' application; the rest bind or inform both sides.
ADDRESSEES: dict[str, tuple[str, ...]] = {
    "application": ("respondent",),
    "acceptance": ("applicants",),
    "rejection": ("applicants",),
    "record": ("applicants", "respondent"),
    "extension": ("applicants", "respondent"),
    "agreement": ("applicants", "respondent"),
    "termination": ("applicants", "respondent"),
}

# Agreement.tax -> the sentence under the agreed amounts. Whether a sum is before or after individual
# income tax decides what the worker actually receives, so a payable agreement says which.
TAX_STATEMENTS: dict[str, str] = {
    "pre_tax": "以上款项均为税前金额，依法应缴纳的个人所得税由被申请人代扣代缴。",
    "after_tax": "以上款项均为税后金额（申请人实际所得），依法应缴纳的个人所得税由被申请人承担。",
    "none": "以上款项不涉及个人所得税的代扣代缴。",
}

# Why a mediation ended without an agreement (人民调解法 第26条; 人民法院在线调解规则 第25条).
# 达成协议 is deliberately absent: that ending produces an agreement, not a termination notice.
# The code is what callers store (e.g. in Case.conclusion_note); the label is printed.
TERMINATION_REASONS: dict[str, str] = {
    "settled_withdrawn": "双方当事人自行和解，申请人撤回调解申请",
    "unreachable": "当事人无法联系",
    "party_unwilling": "一方当事人明确表示不愿继续调解",
    "wide_divergence": "双方当事人分歧较大，难以达成调解协议",
    "expired_no_extension": "调解期限届满未达成调解协议，且当事人未同意延期",
    "refused_to_sign": "一方当事人拒绝在调解协议书上签字",
    "applicant_absent": "申请人无正当理由缺席调解或中途退出调解",
    "other": "其他原因",
}

# Short names for pick lists (the same order as TERMINATION_REASONS).
TERMINATION_REASON_SHORT: dict[str, str] = {
    "settled_withdrawn": "自行和解撤回",
    "unreachable": "无法联系",
    "party_unwilling": "一方明确不愿继续",
    "wide_divergence": "分歧较大",
    "expired_no_extension": "期满未达成且未同意延期",
    "refused_to_sign": "一方拒绝签署",
    "applicant_absent": "申请人无正当理由缺席或退出",
    "other": "其他",
}


def termination_reason_text(note: str | None) -> str | None:
    """The printed reason for a stored note: a code, a short or full label, or free text.

    ``"other:工厂搬迁"`` / ``"其他：工厂搬迁"`` print the free text after the prefix.
    """
    if not note or not note.strip():
        return None
    text = note.strip()
    if text in TERMINATION_REASONS:
        return TERMINATION_REASONS[text]
    for code, short in TERMINATION_REASON_SHORT.items():
        if text == short:
            return TERMINATION_REASONS[code]
    for prefix in ("other:", "other：", "其他:", "其他："):
        if text.startswith(prefix) and text[len(prefix):].strip():
            return text[len(prefix):].strip()
    return text
