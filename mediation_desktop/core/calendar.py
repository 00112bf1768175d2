"""Working days in mainland China, and the yearly holiday tables they come from.

A day is a working day when it is Monday to Friday and not a holiday, or when the State Council's
yearly notice (国务院办公厅关于某年部分节假日安排的通知) makes a weekend day a make-up working day
(调休上班). The notice changes every year, so the data comes from three places, in this order:

1. a year table loaded from the data folder's ``holidays/`` (a file the user imported or a supervisor
   sent in a package; format in ``resources/holidays/README.md``);
2. the ``chinesecalendar`` package, for the years it ships (2004–2026 in version 1.11);
3. otherwise an approximation: weekends plus the holidays fixed to solar dates (元旦 1 Jan;
   劳动节 1–2 May; 国庆 1–3 Oct). Such a year is *not official*: deadlines that touch it are shown
   as approximate and carry a ``holiday_calendar_missing:YYYY`` warning.

Deadline arithmetic runs for every case on every list refresh (a million cases for a supervisor), so
each year is turned once into a byte string of working-day flags and the arithmetic is cached.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path

import chinese_calendar

from mediation_desktop.core.errors import UserError

FORMAT_ERROR = "E_CALENDAR_FORMAT"

# Holidays tied to solar dates under the 2025 revision of 《全国年节及纪念日放假办法》; the lunar ones
# (春节, 清明 roughly, 端午, 中秋) and all 调休 arrangements are unknowable without the notice.
FIXED_SOLAR_HOLIDAYS = ((1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3))

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ALLOWED_KEYS = {"year", "source", "holidays", "workdays"}
_REQUIRED_KEYS = ("year", "holidays", "workdays")
_MIN_YEAR, _MAX_YEAR = 1990, 2200
# A run of non-working days longer than this means the tables are nonsense (the longest real break,
# 春节 or 国庆, is 9 days); it keeps a broken table from turning deadline arithmetic into a hang.
_MAX_REST_RUN = 400


@dataclass(frozen=True)
class YearTable:
    """One year's official arrangement.

    ``holidays``: every non-working day that is a statutory holiday or a 调休 rest day (weekend days
    inside a break may be listed or not; they are rest days either way). ``workdays``: weekend days
    that are make-up working days. Dates normally lie in ``year``; the notice for a year sometimes
    also arranges the last days of December of the year before (国办发明电〔2018〕15号 made
    2018-12-29 a working day and 12-30/12-31 holidays), so December of ``year - 1`` is accepted too.
    """

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    source: str = ""


# --------------------------------------------------------------------------------------------
# The file format
# --------------------------------------------------------------------------------------------

def _bad(message: str) -> UserError:
    return UserError(FORMAT_ERROR, f"节假日安排表格式有误：{message}")


def _read_bytes(path_or_bytes: Path | str | bytes) -> tuple[bytes, str]:
    if isinstance(path_or_bytes, (bytes, bytearray)):
        return bytes(path_or_bytes), ""
    path = Path(path_or_bytes)
    try:
        return path.read_bytes(), f"（文件 {path.name}）"
    except OSError as exc:
        raise UserError(FORMAT_ERROR, f"无法读取节假日安排表文件 {path}：{exc.strerror or exc}") from exc


def _parse_dates(values: object, key: str, label: str, year: int) -> frozenset[date]:
    if not isinstance(values, list):
        raise _bad(f"“{key}”（{label}）必须是日期列表，例如 [\"{year}-01-01\"]")
    seen: set[date] = set()
    for value in values:
        if not isinstance(value, str) or not _ISO_DATE.match(value):
            raise _bad(f"“{key}”中的 {value!r} 不是 YYYY-MM-DD 格式的日期")
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise _bad(f"“{key}”中的 {value} 不是有效日期") from None
        if day.year != year and not (day.year == year - 1 and day.month == 12):
            raise _bad(f"“{key}”中的 {value} 不在 {year} 年内（只允许本年日期和上一年12月的调休安排）")
        if day in seen:
            raise _bad(f"“{key}”中的 {value} 重复出现")
        seen.add(day)
    return frozenset(seen)


def parse_year_table(path_or_bytes: Path | str | bytes) -> YearTable:
    """Read one year table (JSON, UTF-8 with or without BOM). Refuses anything doubtful."""
    raw, where = _read_bytes(path_or_bytes)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _bad(f"文件不是 UTF-8 编码{where}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _bad(f"不是有效的 JSON（第{exc.lineno}行第{exc.colno}列）{where}") from None
    if not isinstance(data, dict):
        raise _bad(f"最外层必须是一个对象 {{\"year\": …, \"holidays\": […], \"workdays\": […]}}{where}")
    unknown = sorted(set(data) - _ALLOWED_KEYS)
    if unknown:
        raise _bad(f"不认识的字段 {', '.join(unknown)}（只允许 year、source、holidays、workdays）{where}")
    missing = [k for k in _REQUIRED_KEYS if k not in data]
    if missing:
        raise _bad(f"缺少字段 {', '.join(missing)}{where}")
    year = data["year"]
    if not isinstance(year, int) or isinstance(year, bool) or not _MIN_YEAR <= year <= _MAX_YEAR:
        raise _bad(f"“year”必须是 {_MIN_YEAR}–{_MAX_YEAR} 之间的整数年份，而不是 {year!r}{where}")
    source = data.get("source", "")
    if not isinstance(source, str):
        raise _bad(f"“source”（文件依据，如 国办发明电〔2026〕X号）必须是文字{where}")
    holidays = _parse_dates(data["holidays"], "holidays", "放假日期", year)
    workdays = _parse_dates(data["workdays"], "workdays", "调休上班日期", year)
    both = sorted(holidays & workdays)
    if both:
        raise _bad(f"{both[0].isoformat()} 同时列为放假日和上班日{where}")
    weekdays = sorted(d for d in workdays if d.weekday() < 5)
    if weekdays:
        raise _bad(f"{weekdays[0].isoformat()} 是周一至周五，本来就是工作日，不能列为调休上班日{where}")
    return YearTable(year=year, holidays=holidays, workdays=workdays, source=source.strip())


def year_table_to_json(table: YearTable) -> str:
    """The canonical text of a table (sorted dates), readable back by :func:`parse_year_table`."""
    data = {
        "year": table.year,
        "source": table.source,
        "holidays": sorted(d.isoformat() for d in table.holidays),
        "workdays": sorted(d.isoformat() for d in table.workdays),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save_year_table(folder: Path, table: YearTable) -> Path:
    """Write ``folder/<year>.json`` atomically; older files holding the same year are removed.

    The folder is the data folder's ``holidays/``. A crash mid-write leaves the old file intact.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{table.year}.json"
    fd, tmp_name = tempfile.mkstemp(prefix=f".{table.year}-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(year_table_to_json(table))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    # An imported table supersedes whatever file held that year before (e.g. a hand-named copy);
    # leaving both would make the next load refuse the folder as ambiguous.
    for other in folder.glob("*.json"):
        if other != target and _year_of_file(other) == table.year:
            other.unlink()
    return target


def _year_of_file(path: Path) -> int | None:
    try:
        return parse_year_table(path).year
    except UserError:
        return None


# --------------------------------------------------------------------------------------------
# The calendar
# --------------------------------------------------------------------------------------------

@cache
def _package_covers(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@cache
def _package_table(year: int) -> YearTable:
    return YearTable(
        year=year,
        holidays=frozenset(d for d in chinese_calendar.holidays if d.year == year),
        workdays=frozenset(d for d in chinese_calendar.workdays if d.year == year),
        source=f"chinesecalendar {chinese_calendar.__version__}",
    )


def _approximate_table(year: int) -> YearTable:
    return YearTable(
        year=year,
        holidays=frozenset(date(year, m, d) for m, d in FIXED_SOLAR_HOLIDAYS),
        workdays=frozenset(),
        source="估算：周末及元旦、劳动节、国庆固定公历假日",
    )


class WorkCalendar:
    """Which days are working days, and deadline arithmetic over them. Immutable once built."""

    def __init__(self, tables: dict[int, YearTable] | None = None):
        self._tables: dict[int, YearTable] = dict(tables or {})
        for year, table in self._tables.items():
            if year != table.year:
                raise ValueError(f"table for {table.year} filed under {year}")
        self._flags: dict[int, tuple[int, bytes]] = {}
        self._official: dict[int, bool] = {}
        # Bound-method caches live and die with this calendar (a module-level lru_cache would keep
        # every calendar ever built alive).
        self._add_working_days_cached = lru_cache(maxsize=1 << 16)(self._add_working_days)
        self._roll_forward_cached = lru_cache(maxsize=1 << 16)(self._roll_forward)
        self._working_checked = lru_cache(maxsize=1 << 16)(self._add_working_days_with_missing)
        self._rolled_checked = lru_cache(maxsize=1 << 16)(self._add_calendar_days_rolled_with_missing)

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def load(cls, folder: Path | None) -> WorkCalendar:
        """Every ``*.json`` table in ``folder`` (missing folder or None: no tables). A bad file or
        two files for one year refuse the whole folder: a silently ignored table would give wrong
        deadlines without a warning."""
        tables: dict[int, YearTable] = {}
        origin: dict[int, str] = {}
        if folder is not None and Path(folder).is_dir():
            for path in sorted(Path(folder).glob("*.json")):
                table = parse_year_table(path)
                if table.year in tables:
                    raise UserError(
                        FORMAT_ERROR,
                        f"节假日安排表格式有误：{origin[table.year]} 和 {path.name} 都是 {table.year} 年的安排表，"
                        "请删除其中一个",
                    )
                tables[table.year] = table
                origin[table.year] = path.name
        return cls(tables)

    def with_table(self, table: YearTable) -> WorkCalendar:
        """A new calendar with ``table`` added or replacing the one for its year."""
        return WorkCalendar({**self._tables, table.year: table})

    @property
    def tables(self) -> dict[int, YearTable]:
        """The loaded tables (not the package's years)."""
        return dict(self._tables)

    # -- per-day facts ------------------------------------------------------------------------

    def has_official_table(self, year: int) -> bool:
        official = self._official.get(year)
        if official is None:
            official = self._official[year] = year in self._tables or _package_covers(year)
        return official

    def table_for(self, year: int) -> YearTable:
        """The table in force for ``year``: loaded, from the package, or the approximation."""
        if year in self._tables:
            return self._tables[year]
        if _package_covers(year):
            return _package_table(year)
        return _approximate_table(year)

    def years_missing(self, first: date, last: date) -> tuple[int, ...]:
        """Years from ``first`` to ``last`` (inclusive) that have no official table."""
        if first.year == last.year:  # the usual case, kept cheap: it runs for every deadline
            return () if self.has_official_table(first.year) else (first.year,)
        return tuple(y for y in range(first.year, last.year + 1) if not self.has_official_table(y))

    def _year_flags(self, year: int) -> tuple[int, bytes]:
        cached = self._flags.get(year)
        if cached is not None:
            return cached
        base = date(year, 1, 1).toordinal()
        length = date(year + 1, 1, 1).toordinal() - base
        flags = bytearray(1 if (base + i) % 7 not in (0, 6) else 0 for i in range(length))  # ordinal%7: 0=Sun, 6=Sat
        overrides = [self.table_for(year)]
        # The next year's notice may rearrange late December of this year, and it is the later word.
        if year + 1 in self._tables:
            overrides.append(self._tables[year + 1])
        for table in overrides:
            for d in table.holidays:
                if d.year == year:
                    flags[d.toordinal() - base] = 0
            for d in table.workdays:
                if d.year == year:
                    flags[d.toordinal() - base] = 1
        result = (base, bytes(flags))
        self._flags[year] = result
        return result

    def is_working_day(self, d: date) -> bool:
        base, flags = self._year_flags(d.year)
        return flags[d.toordinal() - base] == 1

    def _is_working_ordinal(self, ordinal: int, year_hint: int) -> tuple[bool, int]:
        base, flags = self._year_flags(year_hint)
        offset = ordinal - base
        if offset >= len(flags):
            year_hint += 1
            base, flags = self._year_flags(year_hint)
            offset = ordinal - base
        return flags[offset] == 1, year_hint

    # -- arithmetic ---------------------------------------------------------------------------

    def add_working_days(self, start: date, n: int) -> date:
        """The day on which the ``n``-th working day after ``start`` falls (``start`` not counted).

        ``n == 0`` gives ``start`` itself."""
        if n < 0:
            raise ValueError("n must not be negative")
        return self._add_working_days_cached(start, n)

    def roll_forward(self, d: date) -> date:
        """``d`` if it is a working day, else the first working day after it."""
        return self._roll_forward_cached(d)

    def _add_working_days(self, start: date, n: int) -> date:
        ordinal, year, remaining = start.toordinal(), start.year, n
        rest_run = 0
        while remaining:
            ordinal += 1
            working, year = self._is_working_ordinal(ordinal, year)
            if working:
                remaining -= 1
                rest_run = 0
            else:
                rest_run += 1
                if rest_run > _MAX_REST_RUN:
                    raise _bad(f"{year} 年前后连续 {_MAX_REST_RUN} 天以上没有工作日")
        return date.fromordinal(ordinal)

    def _roll_forward(self, d: date) -> date:
        ordinal, year = d.toordinal(), d.year
        for _ in range(_MAX_REST_RUN):
            working, year = self._is_working_ordinal(ordinal, year)
            if working:
                return date.fromordinal(ordinal)
            ordinal += 1
        raise _bad(f"{year} 年前后连续 {_MAX_REST_RUN} 天以上没有工作日")

    def add_calendar_days_rolled(self, start: date, n: int) -> date:
        """``n`` calendar days after ``start`` (start not counted); a last day that is not a working
        day moves to the next working day (民事诉讼法第85条). A make-up working Saturday stays."""
        if n < 0:
            raise ValueError("n must not be negative")
        return self.roll_forward(start + timedelta(days=n))

    # Deadline code needs the date and the years it depended on; one cached call gives both.

    def add_working_days_with_missing(self, start: date, n: int) -> tuple[date, tuple[int, ...]]:
        """:meth:`add_working_days`, plus the years without an official table among the days
        that were counted (``start`` excluded, the result included)."""
        if n < 0:
            raise ValueError("n must not be negative")
        return self._working_checked(start, n)

    def add_calendar_days_rolled_with_missing(self, start: date, n: int) -> tuple[date, tuple[int, ...]]:
        """:meth:`add_calendar_days_rolled`, plus the years without an official table from the
        nominal last day to the result (the calendar days themselves need no table)."""
        if n < 0:
            raise ValueError("n must not be negative")
        return self._rolled_checked(start, n)

    def _add_working_days_with_missing(self, start: date, n: int) -> tuple[date, tuple[int, ...]]:
        due = self.add_working_days(start, n)
        return due, self.years_missing(start + timedelta(days=1), due) if n else ()

    def _add_calendar_days_rolled_with_missing(self, start: date, n: int) -> tuple[date, tuple[int, ...]]:
        nominal = start + timedelta(days=n)
        due = self.roll_forward(nominal)
        return due, self.years_missing(nominal, due)
