"""The 台账 columns: the standard headers, the synonyms real ledgers use, and finding the header row.

Header text is compared after normalisation (full-width to half-width, no spaces or line breaks, no
required-field markers such as ``*`` or ``（必填）``), so ``申请人\\n（必填）`` and ``＊申请人`` both name
申请人. A trailing bracket that is not a synonym of its own (``请求金额（元）``,
``统一社会信用代码（用人单位）``) is dropped before the second lookup; a ``（万元）`` unit is remembered so
plain numbers in that column are read as 万元.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from mediation_desktop.core.errors import UserError

LEDGER_NO = "序号"
RECEIVED = "收案日期"
ACCEPTED = "受理日期"
APPLICANT = "申请人"
APPLICANT_ID = "申请人身份证号"
APPLICANT_PHONE = "申请人电话"
RESPONDENT = "被申请人"
USCC = "统一社会信用代码"
DISPUTE_TYPES = "争议类型"
WORKERS = "涉及人数"
CLAIMED = "请求金额"
MEDIATOR = "调解员"
OUTCOME = "调解结果"
CLOSED = "结案日期"
AGREED = "协议金额"
REMARKS = "备注"

STANDARD_HEADERS: tuple[str, ...] = (
    LEDGER_NO, RECEIVED, ACCEPTED, APPLICANT, APPLICANT_ID, APPLICANT_PHONE, RESPONDENT, USCC,
    DISPUTE_TYPES, WORKERS, CLAIMED, MEDIATOR, OUTCOME, CLOSED, AGREED, REMARKS,
)
REQUIRED_HEADERS: tuple[str, ...] = (APPLICANT, RESPONDENT, RECEIVED)
AMOUNT_HEADERS = frozenset({CLAIMED, AGREED})

# Keys are already normalised (see normalise_header). CONTRACT §3 lists the first group of each.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    LEDGER_NO: ("序号", "编号", "案号", "登记号", "登记编号", "台账编号", "案件编号", "收案编号"),
    RECEIVED: ("收案日期", "申请日期", "登记日期", "收案时间", "申请时间", "登记时间"),
    ACCEPTED: ("受理日期", "受理时间"),
    APPLICANT: ("申请人", "劳动者", "申请人姓名", "劳动者姓名", "申请人(劳动者)"),
    APPLICANT_ID: ("申请人身份证号", "身份证号", "身份证号码", "申请人身份证号码", "身份证",
                   "公民身份号码", "劳动者身份证号", "劳动者身份证号码"),
    APPLICANT_PHONE: ("申请人电话", "联系电话", "电话", "手机", "手机号", "手机号码", "联系方式",
                      "申请人联系电话", "申请人手机", "申请人手机号", "劳动者电话", "劳动者联系电话"),
    RESPONDENT: ("被申请人", "用人单位", "被申请单位", "被申请人名称", "用人单位名称", "被申请单位名称",
                 "被申请人(用人单位)"),
    USCC: ("统一社会信用代码", "信用代码", "社会信用代码", "统一信用代码", "用人单位统一社会信用代码",
           "被申请人统一社会信用代码", "统一社会信用代码(用人单位)"),
    DISPUTE_TYPES: ("争议类型", "纠纷类型", "争议类别", "案由", "案件类型"),
    WORKERS: ("涉及人数", "涉及劳动者人数", "人数", "涉案人数", "劳动者人数"),
    CLAIMED: ("请求金额", "涉案金额", "标的额", "争议金额", "申请金额", "诉求金额", "标的金额"),
    MEDIATOR: ("调解员", "调解人员", "承办人", "承办调解员", "经办人"),
    OUTCOME: ("调解结果", "处理结果", "结案方式", "办理结果", "调处结果"),
    CLOSED: ("结案日期", "结案时间", "办结日期", "办结时间"),
    AGREED: ("协议金额", "调解金额", "达成金额", "协议约定金额"),
    REMARKS: ("备注", "说明"),
}
SYNONYMS: dict[str, str] = {word: canonical for canonical, words in _SYNONYMS.items() for word in words}

_MARKERS = re.compile(r"^[*※]+|[*※]+$|\((?:必填|选填|可选|必须|非必填)\)$")
_TRAILING_BRACKET = re.compile(r"\(([^()]*)\)$")
_TEN_THOUSAND = frozenset({"万元", "万", "单位:万元", "单位万元"})
_YUAN = frozenset({"元", "单位:元", "单位元", "人民币元", "人民币"})

HEADER_SEARCH_ROWS = 10


def normalise_header(value: object) -> str:
    """``" ＊申请人\\n（必填） "`` -> ``"申请人"``; full-width brackets become ASCII ones."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    text = "".join(text.split())
    previous = None
    while previous != text:  # markers can stack: "*申请人(必填)*"
        previous = text
        text = _MARKERS.sub("", text)
    return text


def display_header(value: object) -> str:
    """The header as the user wrote it, on one line (what error messages name)."""
    return " ".join(str(value).split())


def canonical_header(value: object) -> tuple[str | None, int]:
    """The standard header a cell names, and the amount scale (100 fen, or 1,000,000 for 万元)."""
    text = normalise_header(value)
    if not text:
        return None, 100
    found = SYNONYMS.get(text)
    if found:
        return found, 100
    bracket = _TRAILING_BRACKET.search(text)
    if bracket:
        found = SYNONYMS.get(text[: bracket.start()])
        if found:
            unit = bracket.group(1)
            return found, 1_000_000 if unit in _TEN_THOUSAND else 100
    return None, 100


@dataclass
class HeaderMap:
    row: int                                   # the header's own row number (1-based)
    columns: dict[str, int]                    # canonical header -> 0-based column index
    labels: dict[str, str]                     # canonical header -> header text as written
    scales: dict[str, int] = field(default_factory=dict)   # amount column -> fen per unit
    ignored: list[tuple[int, str]] = field(default_factory=list)   # (index, text) of unknown headers


def read_header_row(row_number: int, cells: Sequence) -> HeaderMap:
    """Map one row's cells to standard headers. Raises E_LEDGER_HEADER for a duplicated column."""
    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    scales: dict[str, int] = {}
    ignored: list[tuple[int, str]] = []
    for index, cell in enumerate(cells):
        canonical, scale = canonical_header(cell)
        if canonical is None:
            if cell is not None and str(cell).strip():
                ignored.append((index, display_header(cell)))
            continue
        label = display_header(cell)
        if canonical in columns:
            if _running_number_yields(canonical, labels[canonical], label):
                if normalise_header(label) == "序号":
                    continue  # keep the real 编号 already seen
            else:
                raise UserError(
                    "E_LEDGER_HEADER",
                    f"第{row_number}行的表头中“{labels[canonical]}”与“{label}”都表示“{canonical}”，"
                    f"请删除或改名其中一列后再导入",
                )
        columns[canonical] = index
        labels[canonical] = label
        if canonical in AMOUNT_HEADERS:
            scales[canonical] = scale
    return HeaderMap(row_number, columns, labels, scales, ignored)


def _running_number_yields(canonical: str, first: str, second: str) -> bool:
    """序号 is often a running 1, 2, 3 next to the real 编号/案号: then both may stay, 编号 wins."""
    if canonical != LEDGER_NO:
        return False
    return (normalise_header(first) == "序号") != (normalise_header(second) == "序号")


def find_header(rows: Sequence[Sequence]) -> HeaderMap:
    """The first of ``rows`` (the sheet's first rows) naming all required columns.

    Rows above it (a title such as “2024年劳动争议调解台账”) are skipped. When none qualifies,
    E_LEDGER_HEADER names what the most complete row lacks.
    """
    best_missing: list[str] | None = None
    best_row = 0
    for offset, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = {canonical_header(cell)[0] for cell in cells}
        missing = [name for name in REQUIRED_HEADERS if name not in found]
        if not missing:
            return read_header_row(offset + 1, cells)
        if best_missing is None or len(missing) < len(best_missing):
            best_missing, best_row = missing, offset + 1
    missing_text = "、".join(f"“{name}”" for name in (best_missing or REQUIRED_HEADERS))
    where = f"最接近的是第{best_row}行，缺少" if best_missing and len(best_missing) < len(REQUIRED_HEADERS) else "缺少"
    raise UserError(
        "E_LEDGER_HEADER",
        f"在前{HEADER_SEARCH_ROWS}行中没有找到表头：{where}{missing_text}列。"
        f"表头须包含“申请人”（或“劳动者”）、“被申请人”（或“用人单位”）和“收案日期”（或“申请日期”“登记日期”）",
    )
