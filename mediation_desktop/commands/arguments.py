"""Argument types shared by the command groups: numbers are bounded where argparse reads them, so
``--limit 99999999999999999999`` is refused as bad input (E_ARGUMENT, exit 2) instead of failing
deep inside SQLite or the date arithmetic."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, timedelta

from mediation_desktop.core.errors import UserError


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type``: a whole number from ``low`` to ``high``."""
    def parse(text: str) -> int:
        value = text.strip()
        # At most a handful of digits are read: int() of a huge string is slow and pointless.
        if not value.lstrip("+-").isdigit() or len(value) > 12:
            raise argparse.ArgumentTypeError(f"应为 {low} 到 {high} 之间的整数，而不是“{text[:40]}”")
        number = int(value)
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"应为 {low} 到 {high} 之间的整数，而不是 {number}")
        return number
    parse.__name__ = "整数"
    return parse


def days_after(start: date, days: int, option: str) -> date:
    """``start + days`` refused with E_ARGUMENT when it runs past the last representable date."""
    try:
        return start + timedelta(days=days)
    except OverflowError:
        raise UserError("E_ARGUMENT", f"{option} 与日期 {start.isoformat()} 相加超出了可表示的日期范围（公元9999年），"
                        "请给出较小的天数或较早的日期") from None
