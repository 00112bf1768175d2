from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.validation import (
    USCC_ALPHABET,
    check_id_number,
    check_phone,
    check_uscc,
    id_check_char,
    mask_id,
    mask_phone,
    uscc_check_char,
)


# GB 11643 worked example and real-format credit codes published in GB 32100's annex style.
def test_id_number_known_example():
    assert check_id_number("11010519491231002X") == "11010519491231002X"
    assert check_id_number(" 11010519491231002x ") == "11010519491231002X"


@pytest.mark.parametrize("bad,code", [
    ("110105194912310021", "E_ID_CHECKSUM"),
    ("11010519491331002X", "E_ID_BIRTHDATE"),   # month 13
    ("11010518000101002X", "E_ID_BIRTHDATE"),   # before 1900
    ("1101051949123100", "E_ID_FORMAT"),
    ("11010519491231002Y", "E_ID_FORMAT"),
])
def test_id_number_refused(bad, code):
    with pytest.raises(ValidationError) as exc:
        check_id_number(bad)
    assert exc.value.code == code


def test_id_number_birth_in_future_refused():
    first17 = "12010120300101123"
    with pytest.raises(ValidationError) as exc:
        check_id_number(first17 + id_check_char(first17), today=date(2026, 1, 1))
    assert exc.value.code == "E_ID_BIRTHDATE"


@given(st.dates(min_value=date(1920, 1, 1), max_value=date(2020, 12, 31)), st.integers(0, 999))
def test_any_generated_id_passes_and_a_changed_digit_fails(born, seq):
    first17 = f"120101{born:%Y%m%d}{seq:03d}"
    good = first17 + id_check_char(first17)
    assert check_id_number(good) == good
    wrong = next(c for c in "0123456789X" if c != good[-1])
    with pytest.raises(ValidationError):
        check_id_number(first17 + wrong)


def test_uscc_known_and_checksum():
    assert check_uscc("91350100M000100Y43") == "91350100M000100Y43"
    with pytest.raises(ValidationError) as exc:
        check_uscc("91350100M000100Y44")
    assert exc.value.code == "E_USCC_CHECKSUM"
    with pytest.raises(ValidationError) as exc:
        check_uscc("91350100I000100Y43")  # I is not in the alphabet
    assert exc.value.code == "E_USCC_FORMAT"


@given(st.text(alphabet=USCC_ALPHABET, min_size=9, max_size=9), st.sampled_from(["120101", "120116", "110105"]))
def test_generated_uscc_round_trip(body, region):
    first17 = "91" + region + body
    code = first17 + uscc_check_char(first17)
    assert check_uscc(code.lower()) == code


@pytest.mark.parametrize("raw,expected", [
    ("13812345678", "13812345678"), ("+86 138 1234 5678", "13812345678"), ("022-23456789", "022-23456789"),
    ("（022）23456789", "02223456789"),
])
def test_phone_accepted(raw, expected):
    assert check_phone(raw) == expected


@pytest.mark.parametrize("raw", ["12345", "1381234567", "23812345678", "abc"])
def test_phone_refused(raw):
    with pytest.raises(ValidationError) as exc:
        check_phone(raw)
    assert exc.value.code == "E_PHONE"


def test_masks_keep_only_prefix_and_last_four():
    assert mask_id("12010119900307123X") == "120***********123X"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_id(None) is None


@pytest.mark.parametrize("code", ["津和平", "HP01", "和平-01", "R_1"])
def test_org_codes_people_use_are_accepted(code):
    from mediation_desktop.core.validation import check_org_code

    assert check_org_code(code) == code


@pytest.mark.parametrize("code", ["", "a/b", "..", "和 平", "x" * 33, "C:", "a\\b"])
def test_org_codes_that_would_break_paths_are_refused(code):
    from mediation_desktop.core.validation import check_org_code

    with pytest.raises(ValidationError) as exc:
        check_org_code(code)
    assert exc.value.code == "E_ORG_CODE"


def test_record_ids_are_uuid4_and_differ_in_a_forked_child():
    import os
    import uuid

    from mediation_desktop.core.model import new_id

    first = new_id()
    assert uuid.UUID(first).version == 4 and str(uuid.UUID(first)) == first
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report its next id and leave at once
        os.write(write, new_id().encode())
        os._exit(0)
    os.close(write)
    child = os.read(read, 64).decode()
    os.waitpid(pid, 0)
    assert child != new_id()
