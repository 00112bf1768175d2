"""Dates as people type them: 2026-02-13, 2026/2/13, 2026.2.13, 2026年2月13日 (full-width digits too),
20260213, with or without a time after them. The ledger reader and every date field of the window read
typed dates here, so a date the ledger accepts is accepted in a form and the other way round."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.rules import MAX_DATE, MIN_DATE

DATE_TEXT = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def date_text_problem(text: str) -> date | str:
    """The date ``text`` names, or the Chinese reason it names none (a reader that caches results wants
    the reason as a value rather than an exception)."""
    stripped = text.strip()
    if not stripped.isascii():
        stripped = unicodedata.normalize("NFKC", stripped).strip()
    match = DATE_TEXT.match(stripped) or DATE_COMPACT.match(stripped)
    if match is None:
        return f"“{text.strip()[:40]}”不是可识别的日期，请写成 2026-02-13 或 2026年2月13日"
    try:
        found = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return f"日期“{text.strip()}”不存在"
    if not MIN_DATE <= found <= MAX_DATE:
        return f"日期“{text.strip()}”（{found.isoformat()}）不合理，请核对"
    return found


def parse_date_text(text: str, *, field: str | None = None) -> date:
    """The date ``text`` names, or ValidationError ``E_DATE`` with the reason."""
    found = date_text_problem(text)
    if isinstance(found, str):
        raise ValidationError("E_DATE", found, field=field)
    return found
