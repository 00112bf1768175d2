"""The programme's registers as plain rules: mediators' backgrounds, training hours, the screening
checklist and levels, organisation types, the pre-Spring-Festival screening season.

Every entry point (command line, GUI form, sync reader) checks these values through the functions
here, so a value one node accepts is one the other node accepts too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from mediation_desktop.core import rules
from mediation_desktop.core.errors import ValidationError

# -- mediators ---------------------------------------------------------------------------------------
# 三(五) wants lawyers, retired judges and prosecutors, union cadres, HR and counsellors in joint mediation.
BACKGROUNDS: dict[str, str] = {
    "full_time": "专职", "part_time": "兼职", "lawyer": "律师", "retired_judge": "退休法官",
    "retired_prosecutor": "退休检察官", "union": "工会干部", "hr": "人力资源", "counsellor": "心理咨询师",
    "other": "其他",
}
_BACKGROUND_BY_LABEL = {label: key for key, label in BACKGROUNDS.items()}


def check_background(value: str | None) -> str:
    """A background key; the Chinese label is accepted too. Missing means 专职."""
    if value is None or not value.strip():
        return "full_time"
    value = value.strip()
    if value in BACKGROUNDS:
        return value
    if value in _BACKGROUND_BY_LABEL:
        return _BACKGROUND_BY_LABEL[value]
    choices = "、".join(f"{k}（{v}）" for k, v in BACKGROUNDS.items())
    raise ValidationError("E_MEDIATOR_BACKGROUND", f"调解员背景“{value[:20]}”不在可选范围内，可选：{choices}",
                          field="background")


def match_name(text: str | None, names: list[str]) -> str | None:
    """A free-text mediator (an old case, a ledger cell) matched to the register: the exact name, else
    the one register name the text contains (``张伟（专职）`` -> 张伟); None when none or several match."""
    if not text or not text.strip():
        return None
    text = text.strip()
    if text in names:
        return text
    hits = [n for n in names if n and n in text]
    return hits[0] if len(hits) == 1 else None


# -- training ---------------------------------------------------------------------------------------
# Hours are kept in tenths (a 90-minute session is 1.5 hours) as an integer, never a float.
MAX_TRAINING_TENTHS = 2000      # 200 hours in one record: more is a typo
DEFAULT_YEARLY_TARGET_HOURS = 30  # the usual yearly minimum (10 self-study + 20 organised)
_HOURS = re.compile(r"([0-9]{1,4})(?:\.([0-9]))?")


def parse_hours(text: str | int | None, *, field: str = "hours") -> int:
    """Training hours as tenths: ``"1.5"`` -> 15. One decimal place at most, more than zero."""
    raw = str(text).strip() if text is not None else ""
    m = _HOURS.fullmatch(raw)
    if not m:
        raise ValidationError("E_TRAINING_HOURS", f"培训学时“{raw[:20]}”应为数字，最多一位小数，如 3 或 1.5", field=field)
    tenths = int(m.group(1)) * 10 + int(m.group(2) or 0)
    if not 0 < tenths <= MAX_TRAINING_TENTHS:
        raise ValidationError("E_TRAINING_HOURS", f"培训学时应大于 0、不超过 {MAX_TRAINING_TENTHS // 10} 学时", field=field)
    return tenths


def hours_text(tenths: int) -> str:
    return f"{tenths // 10}.{tenths % 10}" if tenths % 10 else str(tenths // 10)


# -- outreach and head counts ---------------------------------------------------------------------------
MAX_AUDIENCE = 1_000_000
MAX_PHOTOS = 50
PHOTO_EXTENSIONS = frozenset({"jpg", "jpeg", "png", "bmp", "gif", "webp", "heic", "tif", "tiff"})


def check_photo_name(name: str) -> str:
    """An outreach photo's file name: an image type (its bytes travel to the district)."""
    from mediation_desktop.core.filenames import safe_basename, split_extension

    safe = safe_basename(name)
    if split_extension(safe)[1].lower().lstrip(".") not in PHOTO_EXTENSIONS:
        raise ValidationError("E_PHOTO_TYPE", f"“{safe[:60]}”不是照片：只能添加 {'、'.join(sorted(PHOTO_EXTENSIONS))} 格式的图片",
                              field="photos")
    return safe


def parse_count(text: str | int | None, *, field: str, what: str, high: int = rules.MAX_WORKERS,
                low: int = 0) -> int | None:
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    raw = str(text).strip()
    if not raw.isdigit() or not raw.isascii() or not low <= int(raw) <= high:
        raise ValidationError("E_COUNT", f"{what}“{raw[:20]}”应为 {low} 到 {high} 之间的整数", field=field)
    return int(raw)


# -- risk screening (风险隐患排查) ---------------------------------------------------------------------
LEVELS: dict[str, str] = {"none": "无风险", "yellow": "黄色", "orange": "橙色", "red": "红色"}
CHECKLIST: dict[str, str] = {
    "wage_arrears": "拖欠工资",
    "social_insurance": "欠缴社会保险费",
    "rent_utilities": "拖欠房租或水电费",
    "halted": "停产、搬迁或关闭",
    "layoffs": "大规模裁员",
    "collective_complaints": "集体投诉",
}
_CHECK_BY_LABEL = {label: key for key, label in CHECKLIST.items()}
SCREENING_STATUSES = ("open", "closed")


def check_level(value: str | None) -> str:
    value = (value or "").strip()
    if value in LEVELS:
        return value
    for key, label in LEVELS.items():
        if value in (label, label.rstrip("色")):
            return key
    raise ValidationError("E_SCREENING_LEVEL", f"风险等级“{value[:20]}”不正确，可选：none（无）、yellow（黄）、"
                                               "orange（橙）、red（红）", field="level")


def check_items(values: list[str] | tuple[str, ...] | None) -> list[str]:
    """Checklist keys (or their Chinese labels), in the checklist's order, each once."""
    found: set[str] = set()
    for raw in values or ():
        for part in re.split(r"[,，、\s]+", raw.strip()):
            if not part:
                continue
            key = part if part in CHECKLIST else _CHECK_BY_LABEL.get(part)
            if key is None:
                choices = "、".join(f"{k}（{v}）" for k, v in CHECKLIST.items())
                raise ValidationError("E_SCREENING_CHECK", f"排查项目“{part[:20]}”不在清单内，可选：{choices}",
                                      field="checks")
            found.add(key)
    return [k for k in CHECKLIST if k in found]


def items_in_text(text: str) -> list[str]:
    """Checklist items a findings text names in words (拖欠工资, 搬迁 …), so free text counts too."""
    return [k for k in CHECKLIST if any(word in text for word in _WORDS[k])]


_WORDS: dict[str, tuple[str, ...]] = {
    "wage_arrears": ("拖欠工资", "欠薪", "欠发工资", "拖欠劳动报酬"),
    "social_insurance": ("社会保险", "社保"),
    "rent_utilities": ("房租", "租金", "水电"),
    "halted": ("停产", "停工", "搬迁", "关闭", "倒闭", "歇业"),
    "layoffs": ("裁员",),
    "collective_complaints": ("集体投诉", "集体上访", "群体性"),
}


def open_at_risk(level: str, status: str) -> bool:
    """Feeds the risk lists: an open screening at orange or red."""
    return status == "open" and level in ("orange", "red")


# -- mediation organisations (区人社's register) -----------------------------------------------------
ORG_TYPES: dict[str, str] = {
    "centre": "区/街道调解中心", "enterprise": "企业调解委员会", "industry": "行业性调解组织", "new_forms": "新业态",
}
_ORG_TYPE_BY_LABEL = {label: key for key, label in ORG_TYPES.items()}


def check_org_type(value: str | None) -> str:
    value = (value or "").strip()
    if value in ORG_TYPES:
        return value
    if value in _ORG_TYPE_BY_LABEL:
        return _ORG_TYPE_BY_LABEL[value]
    if value in ("区调解中心", "街道调解中心", "乡镇调解中心"):
        return "centre"
    choices = "、".join(f"{k}（{v}）" for k, v in ORG_TYPES.items())
    raise ValidationError("E_MEDIATION_ORG_TYPE", f"调解组织类型“{value[:20]}”不正确，可选：{choices}", field="org_type")


# -- the pre-Spring-Festival screening season -----------------------------------------------------------
# 正月初一 by year. chinesecalendar's holiday tables end with the last published year, while the season
# reaches into the next one, so the dates (astronomical, not policy) are listed here; a test checks
# them against chinesecalendar's 春节 holidays where those exist.
SPRING_FESTIVAL: dict[int, date] = {
    2020: date(2020, 1, 25), 2021: date(2021, 2, 12), 2022: date(2022, 2, 1), 2023: date(2023, 1, 22),
    2024: date(2024, 2, 10), 2025: date(2025, 1, 29), 2026: date(2026, 2, 17), 2027: date(2027, 2, 6),
    2028: date(2028, 1, 26), 2029: date(2029, 2, 13), 2030: date(2030, 2, 3), 2031: date(2031, 1, 23),
    2032: date(2032, 2, 11), 2033: date(2033, 1, 31), 2034: date(2034, 2, 19), 2035: date(2035, 2, 8),
    2036: date(2036, 1, 28), 2037: date(2037, 2, 15), 2038: date(2038, 2, 4), 2039: date(2039, 1, 24),
    2040: date(2040, 2, 12),
}
DEFAULT_SEASON_START = "12-01"
_MONTH_DAY = re.compile(r"([0-9]{2})-([0-9]{2})")


def spring_festival(year: int) -> date:
    # Outside the table, the latest possible date keeps the reminder on rather than off.
    return SPRING_FESTIVAL.get(year, date(year, 2, 20))


def check_season_start(text: str) -> str:
    m = _MONTH_DAY.fullmatch((text or "").strip())
    ok = False
    if m:
        month, day = int(m.group(1)), int(m.group(2))
        try:
            date(2001, month, day)
            ok = month >= 9   # the season opens in autumn or winter and runs into the new year
        except ValueError:
            ok = False
    if not ok:
        raise ValidationError("E_SEASON_START", f"排查提醒的开始日期“{str(text)[:10]}”应为 MM-DD（9月至12月），如 12-01",
                              field="season_start")
    return text.strip()


@dataclass(frozen=True)
class Season:
    start: date
    festival: date

    def contains(self, day: date) -> bool:
        return self.start <= day < self.festival


def season_for(day: date, start: str = DEFAULT_SEASON_START) -> Season | None:
    """The screening season ``day`` falls in (from ``start`` until 春节), or None outside it."""
    month, mday = (int(x) for x in check_season_start(start).split("-"))
    for begin_year in (day.year - 1, day.year):
        season = Season(date(begin_year, month, mday), spring_festival(begin_year + 1))
        if season.contains(day):
            return season
    return None


def check_period(start: date, end: date) -> None:
    if end < start:
        raise ValidationError("E_DATE_ORDER", "结束日期不能早于开始日期", field="to")
