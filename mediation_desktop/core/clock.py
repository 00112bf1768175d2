"""Time. Timestamps carry their UTC offset; China Standard Time has no daylight saving."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

CST = timezone(timedelta(hours=8), "Asia/Shanghai")


def now() -> datetime:
    return datetime.now(CST).replace(microsecond=0)


def now_iso() -> str:
    return now().isoformat()


def today() -> date:
    return now().date()


def parse_iso_date(text: str, *, field: str | None = None) -> date:
    from mediation_desktop.core.errors import ValidationError

    try:
        return date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise ValidationError("E_DATE", f"日期“{text}”格式不正确，应为 YYYY-MM-DD", field=field) from None
