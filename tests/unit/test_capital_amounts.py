"""人民币大写 per the PBoC rules (《正确填写票据和结算凭证的基本规定》), as documents print it."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.money import MAX_FEN, amount_in_words, capitalize, parse_amount
from mediation_desktop.documents.formatting import money_cn


def words(amount: str) -> str:
    # The PBoC examples reach 贰拾万亿元, above what a case may hold (core.rules.MAX_FEN): 大写 itself
    # has no ceiling, parse_amount does.
    fen = int((Decimal(amount) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if fen < MAX_FEN:
        assert parse_amount(amount) == fen
    return capitalize(fen)


# The PBoC worked examples and the cn2an probe cases; each must come out exactly like this.
@pytest.mark.parametrize("amount,expected", [
    ("1409.50", "壹仟肆佰零玖元伍角"),              # a 0 inside the number is written 零
    ("6007.14", "陆仟零柒元壹角肆分"),              # several 0s in a row: one 零
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),       # 角 is 0, 分 is not: 零 after 元
    ("325.04", "叁佰贰拾伍元零肆分"),
    ("12345.67", "壹万贰仟叁佰肆拾伍元陆角柒分"),
    ("0", "零元整"),
    ("100000", "壹拾万元整"),                       # a leading 拾 is 壹拾
    ("15", "壹拾伍元整"),
    ("1000001", "壹佰万零壹元整"),
    ("0.05", "伍分"),
    ("10.10", "壹拾元壹角"),
    ("100.05", "壹佰元零伍分"),
    ("1001.01", "壹仟零壹元零壹分"),
    ("100010000", "壹亿零壹万元整"),
    ("100000000", "壹亿元整"),
    ("20000000000000", "贰拾万亿元整"),
    ("1010101010.10", "壹拾亿壹仟零壹拾万壹仟零壹拾元壹角"),
    ("99999999999999.99", "玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
])
def test_pboc_examples(amount, expected):
    assert words(amount) == expected


# Rule 3: a 0 in the 万 or 元 place with a non-zero 千 or 角 may take one 零 or none; all are correct.
@pytest.mark.parametrize("amount,allowed", [
    ("1680.32", {"壹仟陆佰捌拾元叁角贰分", "壹仟陆佰捌拾元零叁角贰分"}),
    ("107000.53", {"壹拾万柒仟元伍角叁分", "壹拾万零柒仟元伍角叁分", "壹拾万柒仟元零伍角叁分"}),
    ("206000.75", {"贰拾万陆仟元柒角伍分", "贰拾万零陆仟元柒角伍分", "贰拾万陆仟元零柒角伍分"}),
])
def test_optional_zero_forms(amount, allowed):
    assert words(amount) in allowed


@pytest.mark.parametrize("amount,expected", [
    ("12.345", "壹拾贰元叁角伍分"),     # half up, where cn2an alone truncates to 叁角肆分
    ("12.344", "壹拾贰元叁角肆分"),
    ("12.005", "壹拾贰元零壹分"),
    ("0.005", "壹分"),
    ("0.004", "零元整"),
    ("9.995", "壹拾元整"),
])
def test_rounds_half_up_to_the_fen_first(amount, expected):
    assert words(amount) == expected


def test_document_form_has_prefix_words_and_figures():
    assert amount_in_words(1234567) == "人民币壹万贰仟叁佰肆拾伍元陆角柒分（¥12,345.67）"
    assert money_cn(0) == "人民币零元整（¥0.00）"
    assert money_cn(10_000_000_000) == "人民币壹亿元整（¥100,000,000.00）"
    assert money_cn(None).startswith("人民币__")  # an unknown amount is a fill-in line, not 零


@pytest.mark.parametrize("value", [-1, -100])
def test_negative_refused(value):
    with pytest.raises(ValidationError) as exc:
        capitalize(value)
    assert exc.value.code == "E_AMOUNT_NEGATIVE"


def test_negative_text_refused():
    with pytest.raises(ValidationError) as exc:
        parse_amount("-12.50")
    assert exc.value.code == "E_AMOUNT_NEGATIVE"


def test_too_large_refused():
    with pytest.raises(ValidationError) as exc:
        parse_amount(str(Decimal(MAX_FEN) / 100))
    assert exc.value.code == "E_AMOUNT_TOO_LARGE"


# -- properties over the whole range ---------------------------------------------------------------
_DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_UNIT = {"拾": 10, "佰": 100, "仟": 1000}


def decode(text: str) -> int:
    """An independent reader of 大写 amounts, back to fen."""
    body = text.removesuffix("整")
    integer, _, fraction = body.partition("元") if "元" in body else ("", "", body)
    total = section = digit = 0
    for ch in integer:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        elif ch in _UNIT:
            section += digit * _UNIT[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10**4
            section = digit = 0
        elif ch == "亿":
            total = (total + section + digit) * 10**8
            section = digit = 0
        else:
            raise AssertionError(f"unexpected {ch!r} in {text}")
    yuan = total + section + digit
    jiao = re.search(r"(.)角", fraction)
    fen = re.search(r"(.)分", fraction)
    return yuan * 100 + (_DIGIT[jiao.group(1)] * 10 if jiao else 0) + (_DIGIT[fen.group(1)] if fen else 0)


amounts = st.one_of(
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=MAX_FEN - 1),
    # Many zeros: the interesting cases for 零.
    st.lists(st.sampled_from([0, 0, 0, 1, 5, 9]), min_size=1, max_size=16).map(
        lambda ds: int("".join(map(str, ds)))),
)


@given(amounts)
def test_words_read_back_to_the_same_amount(fen):
    assert decode(capitalize(fen)) == fen


@given(amounts)
def test_only_capital_characters_and_well_placed_zeros(fen):
    text = capitalize(fen)
    assert re.fullmatch(r"[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+", text)
    assert "零零" not in text
    if text != "零元整":
        # 零 stands for skipped places, so it is always followed by a digit, never by a unit.
        assert not re.search(r"零[拾佰仟万亿元角分整]", text)
        assert not text.startswith("零")
    # Every 拾/佰/仟 has its digit (壹拾, not 拾).
    assert not re.search(r"(^|[^壹贰叁肆伍陆柒捌玖])[拾佰仟]", text)


@given(amounts)
def test_zheng_and_fen_endings(fen):
    text = capitalize(fen)
    assert text.endswith("整") == (fen % 100 == 0)
    assert text.endswith("分") == (fen % 10 != 0)
    assert "元" in text or fen < 100


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_parse_then_words_rounds_half_up(amount):
    fen = parse_amount(str(amount))
    assert fen == int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    assert decode(capitalize(fen)) == fen
