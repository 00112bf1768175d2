"""Reading one 台账 cell: dates, amounts, counts, outcomes, dispute types, identifiers.

A ledger repeats itself (the same dates, employers, outcomes and type words on thousands of rows), so
the readers cache by the raw cell value; a 100,000-row import then parses each distinct value once.
Readers raise :class:`CellError` with a Chinese reason; the row loop turns it into a LedgerIssue.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from operator import mul
from typing import cast

from mediation_desktop.core.date_text import date_text_problem
from mediation_desktop.core.enums import DisputeType, Outcome
from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.money import MAX_FEN, parse_amount
from mediation_desktop.core.rules import MAX_DATE, MAX_WORKERS, MIN_DATE, clean, max_len
from mediation_desktop.core.validation import check_id_number, check_phone, check_uscc

# The date range every reader shares (core.rules).
MIN_YEAR = MIN_DATE.year
MAX_YEAR = MAX_DATE.year


class CellError(Exception):
    """A cell's value cannot be read. ``args[0]`` is the Chinese reason."""


def is_blank(value: object) -> bool:
    return value is None or (type(value) is str and not value.strip())


def field_text(key: str, value: object) -> tuple[str, str]:
    """A text cell cleaned by the field rules of ``key`` (core.rules), and the control characters
    removed from it (the row then gets a warning). Raises CellError for what cannot be imported:
    bidi controls, or a value longer than the field."""
    text = cell_text(value)
    if text.isprintable() and (text.isascii() or unicodedata.is_normalized("NFC", text)) and len(text) <= max_len(key):
        # The usual cell, which the rules provably leave as it is: nothing to drop or refuse, already
        # NFC, trimmed, short enough (clean() below says why a value would differ).
        return text, ""
    try:
        cleaned = clean(key, text, drop_controls=True)
    except ValidationError as exc:
        raise CellError(exc.message) from None
    return cleaned.text, cleaned.dropped


def describe_dropped(dropped: str) -> str:
    return "、".join(f"U+{ord(c):04X}" for c in dropped[:5])


def cell_text(value: object) -> str:
    """A cell as trimmed text; whole-number floats lose their ``.0`` (Excel stores 序号 1 as 1.0)."""
    if value is None:
        return ""
    if type(value) is str:
        return value.strip()
    if type(value) is float and value.is_integer():
        return str(int(value))
    if type(value) is datetime:
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    return str(value).strip()


# ---------------------------------------------------------------- dates

_SERIAL_TEXT = re.compile(r"^\d{5}(?:\.\d+)?$")
_EPOCH_1900 = datetime(1899, 12, 30)


class DateReader:
    """Excel date cells, serial numbers, and the date strings people type."""

    def __init__(self, epoch: datetime | None = None):
        # 1900 system: serial 1 is 1900-01-01 (with Lotus's phantom 1900-02-29, irrelevant after 1980);
        # the 1904 system (old Mac workbooks) counts from 1904-01-01.
        self._epoch = _EPOCH_1900 if epoch is None or epoch.year != 1904 else epoch
        self._cache: dict[object, date | str] = {}

    def __call__(self, value: object) -> date:
        if type(value) is datetime:
            return value.date()
        if type(value) is date:
            return value
        if type(value) is bool:
            raise CellError(f"“{value}”不是日期")
        cached = self._cache.get(value)
        if cached is None:
            cached = self._cache[value] = self._parse(value)
        if isinstance(cached, str):
            raise CellError(cached)
        return cached

    def _parse(self, value: object) -> date | str:
        if type(value) is int or type(value) is float:
            if 19000000 <= value <= 29991231 and value == int(value):   # 20260213 typed as a number
                return self._parse(str(int(value)))
            return self._from_serial(value)
        if type(value) is not str:
            return f"“{cell_text(value)}”不是日期"
        text = value.strip()
        if _SERIAL_TEXT.match(text):  # a CSV saved from a sheet whose date column lost its format
            return self._from_serial(float(text))
        # Typed dates: the rule every date field of the window uses too (core.date_text).
        return date_text_problem(text)

    def _from_serial(self, serial: float) -> date | str:
        if not 1 <= serial < 2958466:   # Excel's own range, up to 9999-12-31
            return f"“{cell_text(serial)}”不是日期"
        return _in_range((self._epoch + timedelta(days=int(serial))).date(), serial)


def _in_range(found: date, source: object) -> date | str:
    if MIN_YEAR <= found.year <= MAX_YEAR:
        return found
    return f"日期“{cell_text(source)}”（{found.isoformat()}）不合理，请核对"


# ---------------------------------------------------------------- amounts


class AmountReader:
    """Amounts to integer fen through core.money.parse_amount, with a fast path for plain numbers.

    ``unit_fen`` is 100 for a 元 column and 1,000,000 for a column headed （万元）: there a bare number
    means 万元, while a text that names its own unit (``3000元``) keeps it.
    """

    def __init__(self, unit_fen: int = 100):
        self._multiplier = unit_fen // 100
        self._cache: dict[str, int | str] = {}

    def __call__(self, value: object) -> int:
        if type(value) is float and 0 <= value < 1e12:
            # Exact whenever the cell holds at most two decimals; otherwise parse_amount rounds half-up.
            hundred = value * 100
            fen = round(hundred)
            if abs(hundred - fen) < 1e-6:
                return self._scaled(fen, value)
        elif type(value) is int and 0 <= value < 10**12:
            return self._scaled(value * 100, value)
        elif type(value) is str:
            cached = self._cache.get(value)
            if cached is None:
                cached = self._cache[value] = self._parse_text(value)
            if isinstance(cached, str):
                raise CellError(cached)
            return cached
        return self._scaled(self._parse(value), value)

    def _scaled(self, fen: int, source: object) -> int:
        fen *= self._multiplier
        if fen >= MAX_FEN:
            raise CellError(f"金额“{cell_text(source)}”过大")
        return fen

    def _parse_text(self, text: str) -> int | str:
        try:
            fen = parse_amount(text)
        except ValidationError as exc:
            return exc.message
        if self._multiplier != 1 and "元" not in text and "万" not in text:
            fen *= self._multiplier
            if fen >= MAX_FEN:
                return f"金额“{text}”过大"
        return fen

    @staticmethod
    def _parse(value: object) -> int:
        if type(value) in (datetime, date):
            raise CellError(f"“{cell_text(value)}”是日期，不是金额")
        try:
            return parse_amount(value)
        except ValidationError as exc:
            raise CellError(exc.message) from None


# ---------------------------------------------------------------- counts

# At most 9 digits: a longer run is no head count (and int() of thousands of digits is refused anyway).
_COUNT_TEXT = re.compile(r"^(\d{1,9})\s*(?:人|名|个)?$")


def read_count(value: object) -> int:
    """涉及人数: a whole number of at least 1 (``3``, ``3.0``, ``"3人"``)."""
    if type(value) is int:
        number = value
    elif type(value) is float and value.is_integer():
        number = int(value)
    elif type(value) is str:
        match = _COUNT_TEXT.match(unicodedata.normalize("NFKC", value).strip())
        if match is None:
            raise CellError(f"人数“{value.strip()}”应为正整数")
        number = int(match[1])
    else:
        raise CellError(f"人数“{cell_text(value)}”应为正整数")
    if number < 1:
        raise CellError(f"人数“{cell_text(value)}”应至少为1")
    if number > MAX_WORKERS:
        raise CellError(f"人数“{cell_text(value)}”过大（最多 {MAX_WORKERS} 人）")
    return number


# ---------------------------------------------------------------- outcomes

OUTCOME_WORDS: dict[str, Outcome | None] = {
    **{word: Outcome.AGREEMENT for word in ("调解成功", "达成协议", "成功", "已达成协议", "达成调解协议", "调解达成协议")},
    **{word: Outcome.FAILED for word in ("调解不成", "终止", "调解不成功", "未达成", "未达成协议", "调解失败",
                                          "终止调解", "调解终止", "不成功")},
    **{word: Outcome.WITHDRAWN for word in ("撤回", "撤诉", "撤回申请", "申请人撤回", "撤销")},
    **{word: Outcome.SETTLED for word in ("和解", "自行和解", "双方和解", "和解撤回")},
    **{word: Outcome.NOT_ACCEPTED for word in ("不予受理", "不受理", "未受理")},
    **{word: Outcome.TRANSFERRED for word in ("转办", "移送", "已转办", "已移送", "移交")},
    **{word: None for word in ("", "在办", "调解中", "办理中", "未结", "未结案", "待调解", "正在调解", "受理中")},
    **{outcome.value: outcome for outcome in Outcome},
}



class OutcomeReader:
    """调解结果 -> Outcome, None for an open case; an unknown word is a CellError."""

    def __init__(self) -> None:
        self._cache: dict[object, Outcome | None | str] = {}

    def __call__(self, value: object) -> Outcome | None:
        if value is None:
            return None
        try:
            found = self._cache[value]
        except KeyError:
            key = "".join(unicodedata.normalize("NFKC", cell_text(value)).split()).lower()
            found = OUTCOME_WORDS.get(key, "")
            if found == "":
                found = (f"调解结果“{cell_text(value)}”无法识别，可填：调解成功、调解不成、撤回、和解、"
                         f"不予受理、转办，或留空/在办")
            self._cache[value] = found
        if type(found) is str:  # a message; an Outcome is a str too, but not exactly one
            raise CellError(found)
        return cast("Outcome | None", found)


# ---------------------------------------------------------------- dispute types

_TYPE_WORDS: dict[str, DisputeType] = {
    **{w: DisputeType.WAGES for w in ("劳动报酬", "工资", "欠薪", "拖欠工资", "追索劳动报酬", "追讨工资",
                                      "欠发工资", "工资报酬", "讨薪", "农民工工资")},
    **{w: DisputeType.COMPENSATION for w in ("经济补偿", "赔偿金", "经济补偿金", "赔偿", "补偿", "经济补偿或赔偿金",
                                             "双倍工资", "二倍工资")},
    **{w: DisputeType.INJURY_MEDICAL for w in ("工伤", "工伤医疗费", "工伤待遇", "工伤赔偿", "医疗费")},
    **{w: DisputeType.SOCIAL_INSURANCE for w in ("社会保险", "社保", "养老保险", "医疗保险", "失业保险", "生育保险",
                                                 "工伤保险", "住房公积金", "公积金")},
    **{w: DisputeType.CONTRACT for w in ("劳动合同", "解除劳动合同", "终止劳动合同", "订立劳动合同", "履行劳动合同",
                                         "变更劳动合同", "合同", "订立", "履行", "变更", "解除", "终止")},
    **{w: DisputeType.LABOR_RELATION for w in ("确认劳动关系", "劳动关系", "劳动关系确认")},
    **{w: DisputeType.DISMISSAL for w in ("辞退", "除名", "离职", "辞职", "开除", "除名辞退辞职离职")},
    **{w: DisputeType.HOURS_LEAVE for w in ("加班", "加班费", "休假", "工作时间", "休息休假", "工作时间休息休假",
                                            "年休假", "带薪年休假", "工时")},
    **{w: DisputeType.WELFARE_TRAINING for w in ("福利", "培训", "劳动保护", "福利培训劳动保护", "福利待遇")},
    **{w: DisputeType.OTHER for w in ("其他", "其它")},
    **{t.value: t for t in DisputeType},
}
# For words not in the table, the first keyword found decides ("拖欠三个月工资" -> wages).
_TYPE_KEYWORDS: tuple[tuple[str, DisputeType], ...] = (
    ("劳动关系", DisputeType.LABOR_RELATION), ("工伤", DisputeType.INJURY_MEDICAL),
    ("社保", DisputeType.SOCIAL_INSURANCE), ("社会保险", DisputeType.SOCIAL_INSURANCE),
    ("补偿", DisputeType.COMPENSATION), ("赔偿", DisputeType.COMPENSATION),
    ("工资", DisputeType.WAGES), ("报酬", DisputeType.WAGES), ("薪", DisputeType.WAGES),
    ("加班", DisputeType.HOURS_LEAVE), ("休假", DisputeType.HOURS_LEAVE), ("休息", DisputeType.HOURS_LEAVE),
    ("辞退", DisputeType.DISMISSAL), ("除名", DisputeType.DISMISSAL), ("离职", DisputeType.DISMISSAL),
    ("辞职", DisputeType.DISMISSAL), ("开除", DisputeType.DISMISSAL),
    ("福利", DisputeType.WELFARE_TRAINING), ("培训", DisputeType.WELFARE_TRAINING),
    ("劳动保护", DisputeType.WELFARE_TRAINING), ("合同", DisputeType.CONTRACT),
)
_TYPE_SEPARATORS = re.compile(r"[、，,/／；;\s|]+")


class DisputeTypeReader:
    """The DisputeType codes in one cell, and the words not recognised (those are mapped to other).

    The returned list is shared between rows with the same cell: callers copy it before changing it.
    """

    def __init__(self) -> None:
        self._cache: dict[object, tuple[list[str], tuple[str, ...]]] = {}

    def __call__(self, value: object) -> tuple[list[str], tuple[str, ...]]:
        try:
            return self._cache[value]
        except KeyError:
            pass
        codes: list[str] = []
        unknown: list[str] = []
        for word in _TYPE_SEPARATORS.split(unicodedata.normalize("NFKC", cell_text(value))):
            if not word:
                continue
            found = _TYPE_WORDS.get(word.lower()) or _type_by_keyword(word)
            if found is None:
                unknown.append(word)
                found = DisputeType.OTHER
            if found.value not in codes:
                codes.append(found.value)
        result = self._cache[value] = (codes, tuple(unknown))
        return result


def _type_by_keyword(word: str) -> DisputeType | None:
    for keyword, found in _TYPE_KEYWORDS:
        if keyword in word:
            return found
    return None


# ---------------------------------------------------------------- several people in one cell

_LIST_SEPARATORS = re.compile(r"\s*[、，,/／；;]\s*")
_GROUP_SUFFIX = re.compile(r"^(.+?)\s*等\s*(\d{1,9})\s*(?:人|名)$")


_ANY_SEPARATOR = re.compile(r"[、，,/／；;]")


def split_list(text: str) -> list[str]:
    """``张三、李四`` -> ``["张三", "李四"]``; empty parts dropped."""
    if _ANY_SEPARATOR.search(text) is None:   # the usual single value: skip the split
        return [text] if text else []
    return [part for part in _LIST_SEPARATORS.split(text) if part]


def split_names(text: str) -> tuple[list[str], int | None]:
    """Applicant names, and the head count a ledger writes as ``张三等5人``."""
    names = split_list(text)
    implied = None
    if names and "等" in names[-1]:
        match = _GROUP_SUFFIX.match(names[-1])
        if match:
            names[-1] = match[1]
            implied = int(match[2])
    return names, implied


# ---------------------------------------------------------------- identifiers

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_OFFSET = 48 * sum(_ID_WEIGHTS)   # sum(w * ord(digit)) - this = sum(w * digit)
_ID_CHECK = "10X98765432"
_ID_PLAIN = re.compile(r"^\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$")
_MONTH_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def id_from_cell(value: object) -> str:
    """Text of an identifier cell; ``="110…"`` (Excel's keep-as-text CSV trick) loses its wrapper."""
    if type(value) is str:
        text = value.strip()
        if text.startswith('="') and text.endswith('"'):
            text = text[2:-1].strip()
        return text
    return cell_text(value)


def check_id_fast(text: str, today: str) -> str:
    """core.validation.check_id_number, with a fast path for the common clean 18-character form.

    ``today`` is ``YYYYMMDD``: birth dates compare as strings, which is all the fast path needs.
    """
    if len(text) == 18 and _ID_PLAIN.match(text):
        total = sum(map(mul, text[:17].encode(), _ID_WEIGHTS)) - _ID_OFFSET
        if _ID_CHECK[total % 11] == text[17] and text[6:14] <= today:
            month, day = int(text[10:12]), int(text[12:14])
            if day <= _MONTH_DAYS[month] and (month != 2 or day < 29 or _leap(int(text[6:10]))):
                return text
    try:
        return check_id_number(text, today=date(int(today[:4]), int(today[4:6]), int(today[6:])))
    except ValidationError as exc:
        raise CellError(f"身份证号“{text}”无效：{exc.message}") from None


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def check_phone_fast(text: str) -> str:
    if len(text) == 11 and _MOBILE.match(text):
        return text
    try:
        return check_phone(text)
    except ValidationError as exc:
        raise CellError(f"电话“{text}”无效：{exc.message}") from None


class UsccReader:
    """Employers recur, so each credit code is checked once per import. Raises CellError."""

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        found = self._cache.get(text)
        if found is None:
            try:
                found = check_uscc(text)
            except ValidationError as exc:
                found = f"!统一社会信用代码“{text}”无效：{exc.message}"
            self._cache[text] = found
        if found[0] == "!":
            raise CellError(found[1:])
        return found
