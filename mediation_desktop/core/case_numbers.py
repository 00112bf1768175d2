"""案号 patterns: ``{org_code}劳调〔{year}〕{seq}号`` and the case numbers made from them.

A pattern is text with three placeholders and nothing else: no format specifiers (``{seq:>99999999}``
once made 100-million-character case numbers), no conversions, no attribute or index access. Every
number it can make fits the case-number field, checked with the longest values each placeholder
can take.
"""

from __future__ import annotations

import string
from functools import lru_cache

from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.rules import clean_text, max_len, text_problem

PLACEHOLDERS = ("org_code", "year", "seq")
MAX_SEQ = 10**9          # the sync format's bound on the number inside a case number
_LONGEST = {"org_code": "码" * max_len("org.code"), "year": "9999", "seq": str(MAX_SEQ)}
_FIELD = "case_no_pattern"


def _refuse(message: str) -> ValidationError:
    return ValidationError("E_CASE_NO_PATTERN", message, field=_FIELD)


def check_case_no_pattern(pattern: str, org_code: str | None = None) -> str:
    """The cleaned pattern, or ValidationError ``E_CASE_NO_PATTERN`` (or a text-rule code)."""
    pattern = clean_text("org.case_no_pattern", pattern, field=_FIELD)
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError:
        raise _refuse("案号格式中的花括号不成对；如需花括号本身，请写成 {{ 或 }}") from None
    used: set[str] = set()
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            raise _refuse(f"案号格式只能使用 {{org_code}}、{{year}}、{{seq}}，不认识“{{{name[:20]}}}”")
        if spec or conversion:
            raise _refuse(f"案号格式中的 {{{name}}} 不能带格式说明或转换（如 :>8、!r），请只写 {{{name}}}")
        used.add(name)
    if not {"year", "seq"} <= used:
        raise _refuse("案号格式必须包含 {year} 和 {seq}，否则案号会重复")
    longest = _format(pattern, _LONGEST["org_code"] if org_code is None else org_code, 9999, MAX_SEQ)
    limit = max_len("case.case_no")
    if len(longest) > limit:
        raise _refuse(f"按此格式，案号最长可达 {len(longest)} 个字，超过了 {limit} 个字的上限，请缩短固定文字")
    return pattern


@lru_cache(maxsize=16)
def _checked(pattern: str, org_code: str) -> str:
    # A bulk import numbers thousands of cases with one pattern: check it once.
    return check_case_no_pattern(pattern, org_code)


def _format(pattern: str, org_code: str, year: int, seq: int) -> str:
    return pattern.format(org_code=org_code, year=year, seq=seq)


def format_case_no(pattern: str, org_code: str, year: int, seq: int) -> str:
    """A case number from a checked pattern; a pattern stored before these rules is checked again."""
    _checked(pattern, org_code)
    number = _format(pattern, org_code, year, seq)
    problem = text_problem("case.case_no", number)
    if problem:
        raise _refuse(f"案号“{number[:64]}”不合格：{problem}")
    return number
