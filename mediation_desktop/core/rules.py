"""Every bounded value in one table: text fields, money, head counts, dates.

A value accepted on one node travels to the other in a sync package, and a value the other side's
reader refuses holds back every later package of that node. So the GUI form, the ledger reader, the
command line, the case services, the sync record checker and the schema column sizes all read their
limits from here, and text passes through :func:`clean_text` before it is stored.

Text rules: NFC; no bidi override or isolate characters (they make a name read differently from
what it is); no control characters, except the newline in multi-line fields (CR and CRLF become a
newline there); at most ``max_len`` characters after cleaning.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from mediation_desktop.core.errors import ValidationError


@dataclass(frozen=True)
class TextRule:
    label: str              # the field's Chinese name, for messages
    max_len: int
    multiline: bool = False


_L = TextRule

TEXT_RULES: dict[str, TextRule] = {
    # the case
    "case.case_no": _L("案号", 64),
    "case.court_case_no": _L("法院案号", 64),
    "case.mediator": _L("调解员", 50),
    "case.facts": _L("事实与理由", 20000, True),
    "case.not_accepted_reason": _L("不予受理理由", 4000, True),
    "case.conclusion_note": _L("结案说明", 4000, True),
    "case.transferred_to": _L("移送单位", 200),
    "case.remarks": _L("备注", 4000, True),
    "case.ledger_key": _L("台账行标识", 64),
    "case.ledger_no": _L("台账序号", 64),
    "case.created_by": _L("登记人", 50),
    # parties
    "applicant.name": _L("申请人姓名", 100),
    "applicant.id_number": _L("身份证号", 18),
    "applicant.phone": _L("申请人电话", 32),
    "applicant.gender": _L("性别", 4),
    "applicant.address": _L("申请人住址", 200),
    "applicant.agent": _L("申请人委托代理人", 100),
    "respondent.name": _L("被申请人（用人单位）名称", 200),
    "respondent.uscc": _L("统一社会信用代码", 18),
    "respondent.legal_rep": _L("法定代表人", 50),
    "respondent.address": _L("被申请人地址", 200),
    "respondent.phone": _L("被申请人电话", 32),
    "respondent.legal_rep_title": _L("法定代表人职务", 50),
    "respondent.agent": _L("被申请人委托代理人", 100),
    "case.respondent_position": _L("被申请人意见", 4000, True),
    # what is asked, what happened, what was agreed
    "claim.description": _L("请求事项", 4000, True),
    "session.place": _L("调解地点", 200),
    "session.mode": _L("调解方式", 16),
    "session.attendees": _L("参加人员", 4000, True),
    "session.notes": _L("调解笔录", 20000, True),
    "session.recorder": _L("记录人", 50),
    "agreement.arbitration_review_result": _L("仲裁审查结果", 4000, True),
    "agreement.judicial_confirmation_result": _L("司法确认结果", 4000, True),
    "item.payer": _L("付款方", 200),
    "item.payee": _L("收款方", 200),
    "item.description": _L("协议事项", 4000, True),
    "item.method": _L("履行方式", 100),
    "item.account": _L("收款账户", 100),
    "agreement.other_terms": _L("其他约定", 4000, True),
    "worker.name": _L("劳动者姓名", 100),
    "document.kind": _L("文书种类", 16),
    "document.file_name": _L("文件名", 255),
    "document.template_source": _L("模板来源", 16),
    "document.generated_by": _L("生成人", 50),
    "attachment.file_name": _L("附件文件名", 255),
    "attachment.description": _L("附件说明", 200),
    "attachment.added_by": _L("添加人", 50),
    # the district's records
    "remark.text": _L("意见内容", 4000, True),
    "remark.author": _L("意见作者", 50),
    "notice.title": _L("通知标题", 200),
    "notice.body": _L("通知正文", 20000, True),
    "key_enterprise.uscc": _L("重点企业信用代码", 18),
    "key_enterprise.name": _L("重点企业名称", 200),
    "key_enterprise.reason": _L("列入原因", 4000, True),
    # the programme's registers (core/programme.py)
    "mediator.name": _L("调解员姓名", 50),
    "mediator.phone": _L("调解员电话", 32),
    "training.course": _L("培训课程", 200),
    "training.organiser": _L("培训主办单位", 200),
    "training.certificate_no": _L("培训证书编号", 64),
    "outreach.title": _L("普法活动名称", 200),
    "outreach.place": _L("普法活动地点", 200),
    "outreach.enterprise": _L("普法活动企业", 200),
    "outreach.materials": _L("宣传材料", 4000, True),
    "screening.enterprise": _L("排查企业名称", 200),
    "screening.uscc": _L("排查企业信用代码", 18),
    "screening.findings": _L("排查发现", 4000, True),
    "screening.follow_up": _L("跟进措施", 4000, True),
    "urgent.title": _L("快报标题", 200),
    "urgent.what": _L("快报事由", 4000, True),
    "urgent.who": _L("快报涉及单位与人员", 1000, True),
    "urgent.measures": _L("已采取的措施", 4000, True),
    "urgent.request": _L("请求事项", 4000, True),
    "typical.title": _L("典型案例标题", 200),
    "typical.section": _L("典型案例内容", 20000, True),
    "mediation_org.name": _L("调解组织名称", 200),
    "mediation_org.address": _L("调解组织地址", 200),
    "mediation_org.head": _L("调解组织负责人", 50),
    # the organisation
    "org.name": _L("组织名称", 200),
    "org.code": _L("组织代码", 32),
    "org.district_code": _L("所属区代码", 32),
    "org.address": _L("组织地址", 200),
    "org.phone": _L("组织电话", 32),
    "org.arbitration_name": _L("仲裁委员会名称", 200),
    "org.arbitration_address": _L("仲裁委员会地址", 200),
    "org.case_no_pattern": _L("案号格式", 100),
    # people acting, and what the trail records of them
    "user.name": _L("操作人", 50),
    "user.display_name": _L("显示名", 50),
    "tombstone.deleted_by": _L("删除人", 50),
    # a ledger cell before it is split into names (Excel's own limit for one cell)
    "ledger.cell": _L("单元格", 32767),
}


def rule(key: str) -> TextRule:
    return TEXT_RULES[key]


def max_len(key: str) -> int:
    return TEXT_RULES[key].max_len


# -- money ----------------------------------------------------------------------------------------
# One ceiling for every amount, exclusive: 999,999,999,999.99 yuan is the largest amount. Far above any
# dispute, and inside both cn2an's 16 digits and the sync format's decimal strings.
MAX_FEN = 10**13


def fen_in_range(fen: int) -> bool:
    return 0 <= fen < MAX_FEN


def check_fen(fen: int | None, *, field: str | None = None) -> int | None:
    if fen is None:
        return None
    if fen < 0:
        raise ValidationError("E_AMOUNT_NEGATIVE", "金额不能为负数", field=field)
    if fen >= MAX_FEN:
        raise ValidationError("E_AMOUNT_TOO_LARGE", f"金额过大（最多 {MAX_FEN // 100 - 1} 元）", field=field)
    return fen


# -- head counts ------------------------------------------------------------------------------------
MIN_WORKERS = 1
MAX_WORKERS = 1_000_000
MAX_APPLICANTS = 1000          # a collective dispute names its representatives, not everyone


def workers_problem(workers: int, applicants: int) -> str | None:
    """Why a case's 涉及人数 cannot stand with this many applicants (None when it can)."""
    if not MIN_WORKERS <= workers <= MAX_WORKERS:
        return f"涉及人数应在 {MIN_WORKERS} 到 {MAX_WORKERS} 之间"
    if applicants > MAX_APPLICANTS:
        return f"申请人最多 {MAX_APPLICANTS} 名"
    if workers < applicants:
        return "涉及人数不能少于申请人人数"
    return None


# -- dates ------------------------------------------------------------------------------------------
# Labour-dispute mediation ledgers start in the late 1980s; a date outside these years is a typo.
MIN_DATE = date(1980, 1, 1)
MAX_DATE = date(2099, 12, 31)


def date_in_range(value: date) -> bool:
    return MIN_DATE <= value <= MAX_DATE


def check_date(value: date | None, *, field: str | None = None, what: str = "日期") -> date | None:
    if value is not None and not date_in_range(value):
        raise ValidationError("E_DATE_RANGE", f"{what}“{value.isoformat()}”不合理：应在 {MIN_DATE.year} 年到 "
                                              f"{MAX_DATE.year} 年之间", field=field)
    return value


# -- text -------------------------------------------------------------------------------------------
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# XML (and so .docx) cannot hold these at all; they count as control characters here.
_NONCHARACTERS = frozenset("\ufffe\uffff")
_LINE_BREAKS = ("\r\n", "\r", "\u2028", "\u2029", "\x85")


def is_control(char: str) -> bool:
    # Line and paragraph separators count too: a multi-line field turns them into newlines first.
    return unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") or char in _NONCHARACTERS


def _shown(char: str) -> str:
    return f"U+{ord(char):04X}"


def text_problem(key: str, value: str) -> str | None:
    """Why a stored or received value breaks its field's rule (None when it keeps it).

    This is the check the sync reader applies: exactly the values :func:`clean_text` can produce."""
    return rule_problem(TEXT_RULES[key], value)


def rule_problem(r: TextRule, value: str) -> str | None:
    """:func:`text_problem` for a rule not in the table (machine-made text of a given length)."""
    if len(value) > r.max_len:
        return f"{r.label}超过 {r.max_len} 个字"
    if value.isprintable() and (value.isascii() or unicodedata.is_normalized("NFC", value)):
        return None   # the usual case, at C speed: no control, format (bidi) or line-break character
    for char in value:
        if char in BIDI_CONTROLS:
            return f"{r.label}含有文字方向控制字符（{_shown(char)}）"
        if is_control(char) and not (r.multiline and char == "\n"):
            return f"{r.label}含有控制字符（{_shown(char)}）"
    if not unicodedata.is_normalized("NFC", value):
        return f"{r.label}不是规范（NFC）形式的文字"
    return None


@dataclass(frozen=True)
class Cleaned:
    text: str
    dropped: str = ""   # control characters removed (only when the caller allows removal)


def clean(key: str, value: str, *, drop_controls: bool = False) -> Cleaned:
    """NFC-normalise and strip ``value`` for field ``key``; raise ValidationError for what cannot stay.

    Bidi controls are always refused. Control characters are refused unless ``drop_controls`` (a ledger
    row: the row goes in with a warning), in which case they are removed and reported in ``dropped``;
    in multi-line fields line breaks of every kind become ``\\n`` first."""
    r = TEXT_RULES[key]
    if not isinstance(value, str):
        raise ValidationError("E_TEXT_TYPE", f"{r.label}应为文字", field=key)
    if value.isprintable():
        # The usual case, at C speed: no control, format (bidi) or line-break character at all.
        if not value.isascii():
            value = unicodedata.normalize("NFC", value)
        value = value.strip()
        if len(value) > r.max_len:
            raise ValidationError("E_TOO_LONG", f"{r.label}过长：{len(value)} 个字，最多 {r.max_len} 个字", field=key)
        return Cleaned(value)
    for char in value:
        if char in BIDI_CONTROLS:
            raise ValidationError("E_TEXT_BIDI", f"{r.label}含有文字方向控制字符（{_shown(char)}），这类字符会让文字"
                                                 "显示得与实际内容不同，请删除后重新输入", field=key)
    if r.multiline:
        for brk in _LINE_BREAKS:
            value = value.replace(brk, "\n")
    dropped = [c for c in value if is_control(c) and not (r.multiline and c == "\n")]
    if dropped:
        if not drop_controls:
            raise ValidationError("E_TEXT_CONTROL", f"{r.label}含有不可见的控制字符（{_shown(dropped[0])}），"
                                                    "请删除后重新输入" + ("" if r.multiline else "；此项只能填一行"),
                                  field=key)
        unwanted = set(dropped)
        value = "".join(c for c in value if c not in unwanted)
    # Lone surrogates are gone by now, so normalisation cannot fail.
    value = unicodedata.normalize("NFC", value).strip()
    if len(value) > r.max_len:
        raise ValidationError("E_TOO_LONG", f"{r.label}过长：{len(value)} 个字，最多 {r.max_len} 个字", field=key)
    return Cleaned(value, "".join(dict.fromkeys(dropped)))


def clean_text(key: str, value: str, *, field: str | None = None) -> str:
    """The cleaned value of a form or command-line field (control characters refused).

    ``field`` overrides the error's field name (``applicants.0.name`` in a form with several rows)."""
    try:
        return clean(key, value).text
    except ValidationError as exc:
        if field is not None and field != exc.field:
            raise ValidationError(exc.code, exc.message, field=field) from None
        raise


def clean_optional(key: str, value: str | None, *, field: str | None = None) -> str | None:
    """Like :func:`clean_text`, with ``None`` for a missing or blank value."""
    if value is None:
        return None
    return clean_text(key, value, field=field) or None


def repair_text(key: str, value: str) -> str:
    """The nearest value that keeps the rule, for text already stored: bidi and control characters
    dropped, NFC, trimmed, cut to the length. Used by the migration that repairs old registers."""
    r = TEXT_RULES[key]
    value = "".join(c for c in value if c not in BIDI_CONTROLS)
    if r.multiline:
        for brk in _LINE_BREAKS:
            value = value.replace(brk, "\n")
    value = "".join(c for c in value if not (is_control(c) and not (r.multiline and c == "\n")))
    value = unicodedata.normalize("NFC", value).strip()
    if len(value) > r.max_len:
        # NFC of a prefix can differ from the prefix of the NFC text only around a cut combining mark;
        # normalise again and cut again until it is stable.
        value = unicodedata.normalize("NFC", value[: r.max_len]).rstrip()[: r.max_len]
    return value
