"""How values are written on the paper: dates, money, clause numbers, blanks, file names."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from mediation_desktop.core.money import amount_in_words, capitalize, format_figures

# A fill-in line for values the mediator writes by hand (signature dates, unknown addresses).
BLANK = "__________"
BLANK_DATE = "______年____月____日"

_DIGITS = "零一二三四五六七八九"


def date_cn(value: date | None, *, blank: str = BLANK_DATE) -> str:
    """``2026年2月13日``: no zero padding, as official Chinese documents write dates."""
    if value is None:
        return blank
    return f"{value.year}年{value.month}月{value.day}日"


def money_cn(fen: int | None) -> str:
    """``人民币壹万贰仟叁佰肆拾伍元陆角柒分（¥12,345.67）``; a blank line when unknown."""
    if fen is None:
        return f"人民币{BLANK}元"
    return amount_in_words(fen)


def money_parts(fen: int | None) -> dict[str, str]:
    """The pieces a template author may want separately (for tables)."""
    if fen is None:
        return {"text": money_cn(None), "words": "", "figures": "", "plain": ""}
    return {
        "text": amount_in_words(fen),
        "words": "人民币" + capitalize(fen),
        "figures": format_figures(fen),
        "plain": format_figures(fen)[1:],
    }


def ordinal_cn(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 99 -> 九十九 (clause numbers 一、二、…)."""
    if n <= 0 or n >= 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _DIGITS[hundreds] + "百"
        if tens == 0 and ones:
            return out + "零" + _DIGITS[ones]
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    if ones:
        out += _DIGITS[ones]
    return out


def or_blank(value: str | None, blank: str = BLANK) -> str:
    return value.strip() if value and value.strip() else blank


def paragraphs_of(text: str | None) -> list[str]:
    """Split free text into paragraphs (one per non-empty line) for ``{%p for %}`` loops."""
    if not text:
        return []
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


_WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}


def safe_file_stem(text: str, *, max_len: int = 80) -> str:
    """A file-name stem Windows accepts: no reserved characters or names, no trailing dot or space."""
    stem = unicodedata.normalize("NFC", text)
    stem = _WINDOWS_FORBIDDEN.sub("_", stem).strip().rstrip(". ")
    stem = stem[:max_len].rstrip(". ")
    if not stem:
        stem = "未编号"
    if stem.split(".")[0].upper() in _WINDOWS_RESERVED:
        stem = "_" + stem
    return stem
