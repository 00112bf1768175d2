"""Money: integer fen inside, Decimal at the edges, never float.

大写 follows the PBoC rules (《正确填写票据和结算凭证的基本规定》): round half-up to the fen with
Decimal first (cn2an truncates), reject negatives, then let cn2an write the words.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.rules import MAX_FEN

CENT = Decimal("0.01")
__all__ = ["MAX_FEN", "amount_in_words", "capitalize", "format_figures", "format_plain", "parse_amount"]

_NUMBER = re.compile(r"^[+]?(\d+(?:\.\d*)?|\.\d+)$")


def _refuse(text: object, field: str | None) -> ValidationError:
    return ValidationError("E_AMOUNT", f"金额“{text}”无法识别，请填写如 16409.02 的数字", field=field)


def parse_amount(value: object, *, field: str | None = None) -> int:
    """Parse what a person or a ledger writes for an amount into integer fen.

    Accepts numbers and strings like ``16409.02``, ``¥16,409.02``, ``16409.02元``, ``1.2万元``,
    ``１２００`` (full-width). Rounds half-up to the fen. Refuses negatives, floats with more
    precision than the source could mean, and anything unreadable.
    """
    if isinstance(value, bool) or value is None:
        raise _refuse(value, field)
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        # Excel hands numbers over as floats; repr() gives the shortest decimal that round-trips,
        # which is what the user typed into the cell.
        amount = Decimal(repr(value))
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, str):
        amount = _parse_text(value, field)
    else:
        raise _refuse(value, field)
    if not amount.is_finite():
        raise _refuse(value, field)
    if amount < 0:
        raise ValidationError("E_AMOUNT_NEGATIVE", f"金额不能为负数：{value}", field=field)
    # Checked before rounding: quantize() of a huge value (1e26) overflows Decimal's precision.
    if amount * 100 >= MAX_FEN:
        raise ValidationError("E_AMOUNT_TOO_LARGE", f"金额过大：{value}（最多 {MAX_FEN // 100 - 1} 元）", field=field)
    fen = int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if fen >= MAX_FEN:   # 99999999999.995 rounds up to the ceiling
        raise ValidationError("E_AMOUNT_TOO_LARGE", f"金额过大：{value}（最多 {MAX_FEN // 100 - 1} 元）", field=field)
    return fen


def _parse_text(text: str, field: str | None) -> Decimal:
    import unicodedata

    s = unicodedata.normalize("NFKC", text).strip()
    s = s.replace(",", "").replace(" ", "").replace("，", "")
    for prefix in ("人民币", "RMB", "CNY", "¥", "￥"):
        if s.upper().startswith(prefix):
            s = s[len(prefix):]
    scale = Decimal(1)
    for suffix, factor in (("万元", Decimal(10000)), ("万", Decimal(10000)), ("元整", Decimal(1)), ("元", Decimal(1))):
        if s.endswith(suffix):
            s, scale = s[: -len(suffix)], factor
            break
    if s.startswith("-"):
        raise ValidationError("E_AMOUNT_NEGATIVE", f"金额不能为负数：{text}", field=field)
    if not _NUMBER.match(s):
        raise _refuse(text, field)
    try:
        return Decimal(s) * scale
    except InvalidOperation:  # pragma: no cover - the regex already guards this
        raise _refuse(text, field) from None


def fen_to_decimal(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(CENT)


def format_plain(fen: int | None) -> str | None:
    """The JSON form: a decimal string with two places (``"16409.02"``)."""
    if fen is None:
        return None
    return format(fen_to_decimal(fen), "f")


def format_figures(fen: int) -> str:
    """``¥12,345.67``."""
    return "¥" + format(fen_to_decimal(fen), ",.2f")


def capitalize(fen: int) -> str:
    """人民币大写 without the prefix, e.g. 壹万陆仟肆佰零玖元零贰分."""
    import cn2an

    if fen < 0:
        raise ValidationError("E_AMOUNT_NEGATIVE", "金额不能为负数")
    return str(cn2an.an2cn(format(fen_to_decimal(fen), "f"), "rmb"))


def amount_in_words(fen: int) -> str:
    """The form documents use: ``人民币壹万贰仟叁佰肆拾伍元陆角柒分（¥12,345.67）``."""
    return f"人民币{capitalize(fen)}（{format_figures(fen)}）"
