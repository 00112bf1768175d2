from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.money import MAX_FEN, amount_in_words, format_figures, format_plain, parse_amount


@pytest.mark.parametrize("raw,fen", [
    ("16409.02", 1640902), ("¥16,409.02", 1640902), ("￥16,409.02", 1640902), ("16409.02元", 1640902),
    ("1.2万元", 1200000), ("1.2万", 1200000), ("人民币5000元整", 500000), ("１２００", 120000),
    (16409.02, 1640902), (12000, 1200000), (Decimal("0.005"), 1), ("12.345", 1235), (0, 0),
])
def test_parse_amount_forms(raw, fen):
    assert parse_amount(raw) == fen


@pytest.mark.parametrize("raw,code", [
    ("-5", "E_AMOUNT_NEGATIVE"), (-1, "E_AMOUNT_NEGATIVE"), ("abc", "E_AMOUNT"), ("", "E_AMOUNT"),
    (None, "E_AMOUNT"), (float("nan"), "E_AMOUNT"), (True, "E_AMOUNT"), ("1e20", "E_AMOUNT"),
    (1e26, "E_AMOUNT_TOO_LARGE"), ("99999999999999999999", "E_AMOUNT_TOO_LARGE"),
])
def test_parse_amount_refusals(raw, code):
    with pytest.raises(ValidationError) as exc:
        parse_amount(raw)
    assert exc.value.code == code


@given(st.integers(min_value=0, max_value=MAX_FEN - 1))
def test_fen_round_trips_through_every_written_form(fen):
    plain = format_plain(fen)
    assert parse_amount(plain) == fen
    assert parse_amount(format_figures(fen)) == fen
    assert parse_amount(plain + "元") == fen


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_rounding_is_half_up_to_the_fen(value):
    fen = parse_amount(str(value))
    assert abs(Decimal(fen) - value * 100) <= Decimal("0.5")


def test_amount_in_words_form():
    assert amount_in_words(1234567) == "人民币壹万贰仟叁佰肆拾伍元陆角柒分（¥12,345.67）"
