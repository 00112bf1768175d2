"""Validation of identifiers people type: 居民身份证号, 统一社会信用代码, phone numbers.

Each ``check_*`` returns the normalised value or raises :class:`ValidationError` with a stable code.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from mediation_desktop.core import clock
from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.rules import clean_text, max_len

# GB 11643-1999: weights 2^(17-i) mod 11, check character from the remainder.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_RE = re.compile(r"^\d{17}[\dX]$")


def _clean(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().replace(" ", "").upper()


def id_check_char(first17: str) -> str:
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def check_id_number(value: str, *, field: str | None = "id_number", today: date | None = None) -> str:
    s = _clean(value)
    if not _ID_RE.match(s):
        raise ValidationError("E_ID_FORMAT", "身份证号应为18位，最后一位可为数字或X", field=field)
    try:
        born = date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        raise ValidationError("E_ID_BIRTHDATE", "身份证号中的出生日期不存在", field=field) from None
    if born.year < 1900 or born > (today or clock.today()):
        raise ValidationError("E_ID_BIRTHDATE", "身份证号中的出生日期不合理", field=field)
    if id_check_char(s[:17]) != s[17]:
        raise ValidationError("E_ID_CHECKSUM", "身份证号校验位不正确，请核对", field=field)
    return s


def birth_date_from_id(id_number: str) -> date:
    return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))


# GB 32100-2015: 18 characters from a 31-character alphabet (no I, O, Z, S, V).
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def check_uscc(value: str, *, field: str | None = "uscc") -> str:
    s = _clean(value)
    if not _USCC_RE.match(s):
        raise ValidationError("E_USCC_FORMAT", "统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）", field=field)
    if uscc_check_char(s[:17]) != s[17]:
        raise ValidationError("E_USCC_CHECKSUM", "统一社会信用代码校验位不正确，请核对", field=field)
    return s


_MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE_RE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")


def check_phone(value: str, *, field: str | None = "phone") -> str:
    s = _clean(value).replace("（", "(").replace("）", ")")
    s = re.sub(r"[()\s]", "", s)
    if s.startswith("+86"):
        s = s[3:]
    elif s.startswith("0086"):
        s = s[4:]
    if _MOBILE_RE.match(s) or _LANDLINE_RE.match(s):
        return s
    raise ValidationError("E_PHONE", "电话号码应为11位手机号或带区号的固定电话", field=field)


def check_name(value: str, *, field: str | None = "name", what: str = "姓名", rule: str = "applicant.name") -> str:
    """A required name under the text rules of ``rule`` (core.rules: length, characters, NFC)."""
    s = clean_text(rule, value, field=field)
    if not s:
        raise ValidationError("E_REQUIRED", f"{what}不能为空", field=field)
    return s


def check_user_name(value: str, *, field: str | None = "user") -> str:
    """The name an action is recorded under (``--user``, an account's name): one line, no spaces,
    at most the audit trail's length, nothing a sync package would be refused for."""
    s = clean_text("user.name", value, field=field)
    if not s or any(c.isspace() for c in s):
        raise ValidationError("E_USER_NAME", f"操作人名称不能为空、不能含空格，最多{max_len('user.name')}个字符",
                              field=field)
    return s


def mask_id(id_number: str | None) -> str | None:
    """``120***********123X``: the region prefix and last four stay, the birth date goes."""
    if not id_number:
        return id_number
    if len(id_number) <= 7:
        return "*" * len(id_number)
    return id_number[:3] + "*" * (len(id_number) - 7) + id_number[-4:]


def mask_phone(phone: str | None) -> str | None:
    if not phone:
        return phone
    if len(phone) <= 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


# An organisation code appears in case numbers (津和平劳调〔2026〕1号) and in package file names, so
# it may hold Chinese characters, ASCII letters, digits, "_" and "-", and nothing a file system or a
# path could misread.
ORG_CODE_RE = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff][0-9A-Za-z_\-\u3400-\u4dbf\u4e00-\u9fff]{0,31}")


def check_org_code(value: str, *, field: str | None = "org_code") -> str:
    s = unicodedata.normalize("NFC", value).strip()
    if not ORG_CODE_RE.fullmatch(s):
        raise ValidationError("E_ORG_CODE", "组织代码应为1到32个汉字、字母、数字、下划线或连字符，如“津和平”或“HP01”",
                              field=field)
    return s
