"""Strict JSON / JSON Lines reading of untrusted package contents."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desktop.sync.strict import (
    StrictJSONError,
    dumps_canonical,
    iter_jsonl_strict,
    loads_strict,
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (b'{"a": 1, "a": 2}', "E_JSON_DUPLICATE_KEY"),
        (b'{"x": {"k": 1, "k": 1}}', "E_JSON_DUPLICATE_KEY"),
        (b'{"amount": 12.5}', "E_JSON_FLOAT"),
        (b'{"amount": 1e5}', "E_JSON_FLOAT"),
        (b'[-0.0]', "E_JSON_FLOAT"),
        (b'{"amount": NaN}', "E_JSON_NAN"),
        (b'[Infinity]', "E_JSON_NAN"),
        (b'[-Infinity]', "E_JSON_NAN"),
        (b'{"a": 1', "E_JSON_SYNTAX"),
        (b"{'a': 1}", "E_JSON_SYNTAX"),
        (b'{"a": "line\nbreak"}', "E_JSON_SYNTAX"),
        (b'[1] [2]', "E_JSON_SYNTAX"),
        (b'{"a": "\xff"}', "E_JSON_ENCODING"),
        (b'\xef\xbb\xbf{"a": 1}', "E_JSON_ENCODING"),
        ('{"a": "e\u0301"}'.encode(), "E_JSON_ENCODING"),  # NFD
        (b'{"a": "\\u5f20"}', "E_JSON_ENCODING"),  # non-ASCII through an escape
        (b'{"a": "\\ud800"}', "E_JSON_ENCODING"),  # lone surrogate
        (b'[12345678901234567890]', "E_JSON_INT_RANGE"),
        (b'[' + b'9' * 5000 + b']', "E_JSON_INT_RANGE"),
        (b'[' * 33 + b']' * 33, "E_JSON_DEPTH"),
        (b'[' * 100_000 + b']' * 100_000, "E_JSON_DEPTH"),
    ],
)
def test_loads_strict_refuses_hostile_json(text, code):
    with pytest.raises(StrictJSONError) as info:
        loads_strict(text)
    assert info.value.code == code
    assert info.value.message  # a Chinese reason for the report


def test_loads_strict_accepts_plain_package_json():
    text = '{"name":"张三","amount":"16409.02","fen":1640902,"ok":true,"none":null,"items":[{"k":"\\n\\u0001"}]}'
    value = loads_strict(text.encode())
    assert value["name"] == "张三"
    assert value["fen"] == 1640902
    assert value["items"][0]["k"] == "\n\x01"


def test_depth_limit_is_exact_and_brackets_inside_strings_do_not_count():
    assert loads_strict(b"[" * 32 + b"]" * 32) == loads_strict(b"[" * 32 + b"]" * 32)
    assert loads_strict(b'{"a":"' + b"[" * 100 + b'"}') == {"a": "[" * 100}


def test_a_literal_backslash_u_is_ordinary_text():
    assert loads_strict(b'{"a": "\\\\u5f20"}') == {"a": "\\u5f20"}


def test_size_limit():
    with pytest.raises(StrictJSONError) as info:
        loads_strict(b"[" + b"1," * 100 + b"1]", max_bytes=50)
    assert info.value.code == "E_JSON_TOO_LARGE"


def test_jsonl_yields_line_numbers_and_reports_them_in_errors():
    good = b'{"seq":1}\n{"seq":2}\n'
    assert list(iter_jsonl_strict(good)) == [(1, {"seq": 1}), (2, {"seq": 2})]
    with pytest.raises(StrictJSONError) as info:
        list(iter_jsonl_strict(b'{"seq":1}\n{"seq":2}\n{"amount":3.5}\n'))
    assert info.value.code == "E_JSON_FLOAT"
    assert info.value.line == 3
    assert "第 3 行" in info.value.message


@pytest.mark.parametrize(
    ("data", "code", "line"),
    [
        (b'{"a":1}\n\n{"a":2}\n', "E_JSON_SYNTAX", 2),
        (b'{"a":1}\n{"a":1,"a":2}', "E_JSON_DUPLICATE_KEY", 2),
        (b'{"a":NaN}\n', "E_JSON_NAN", 1),
        (b'{"a":1}\n{"b":"\xc3"}\n', "E_JSON_ENCODING", 2),
    ],
)
def test_jsonl_refusals(data, code, line):
    with pytest.raises(StrictJSONError) as info:
        list(iter_jsonl_strict(data))
    assert (info.value.code, info.value.line) == (code, line)


def test_jsonl_line_length_limit():
    with pytest.raises(StrictJSONError) as info:
        list(iter_jsonl_strict(b'{"a":"' + b"x" * 200 + b'"}\n', max_line_bytes=100))
    assert (info.value.code, info.value.line) == ("E_JSON_TOO_LARGE", 1)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1)
    | st.text().map(lambda s: __import__("unicodedata").normalize("NFC", s)).filter(
        lambda s: not any(0xD800 <= ord(c) <= 0xDFFF for c in s)),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5).filter(
        lambda s: __import__("unicodedata").is_normalized("NFC", s) and not any(0xD800 <= ord(c) <= 0xDFFF for c in s)),
        children, max_size=4),
    max_leaves=20,
)


@given(json_values)
def test_canonical_output_always_reads_back(value):
    # What the package writer produces must be accepted by the reader, unchanged.
    assert loads_strict(dumps_canonical(value)) == value


def test_nfc_strings_whose_json_text_is_not_nfc_are_accepted():
    # "\n" written as backslash-n, then a combining tilde: the text composes "n"+"~", the string does not.
    value = {"a": "\n\u0303"}
    assert loads_strict(dumps_canonical(value)) == value
