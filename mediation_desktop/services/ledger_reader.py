"""Reading a legacy 调解台账 (.xlsx, or .csv in UTF-8/UTF-8-BOM/GBK) into checked records.

Only file-level problems raise (UserError E_LEDGER_FORMAT / E_LEDGER_HEADER). Every row is checked on
its own: a row that cannot be imported becomes one LedgerIssue per problem in ``errors`` and the other
rows still come through; an invalid optional value (ID number, credit code, phone) is dropped with a
LedgerIssue in ``warnings``. Row numbers are the ones the user sees in Excel (or the CSV record number).

Speed: a 100,000-row ledger must read in little more than openpyxl's own time, so the row loop maps
columns once, reads cells through caching readers (ledger_values) and builds few objects per row.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path

from mediation_desktop.core import clock
from mediation_desktop.core.collective import LEDGER_WARNING
from mediation_desktop.core.enums import COLLECTIVE_THRESHOLD, Outcome
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import Applicant, Respondent, uuid7_strings
from mediation_desktop.core.rules import MAX_APPLICANTS, MAX_WORKERS
from mediation_desktop.services import ledger_headers as H
from mediation_desktop.services.gc_pause import collector_paused
from mediation_desktop.services.ledger_headers import HeaderMap, find_header
from mediation_desktop.services.ledger_template import write_template
from mediation_desktop.services.ledger_values import (
    AmountReader,
    CellError,
    DateReader,
    DisputeTypeReader,
    OutcomeReader,
    UsccReader,
    cell_text,
    check_id_fast,
    check_phone_fast,
    describe_dropped,
    field_text,
    id_from_cell,
    is_blank,
    read_count,
    split_list,
    split_names,
)

__all__ = ["LedgerIssue", "LedgerRecord", "LedgerReadResult", "read_ledger", "read_table", "write_template"]

# Excel's own limit for one cell. A longer cell (a CSV can hold anything) is that row's error, named
# by row and column, and never read further.
MAX_CELL = 32767
# The csv module refuses fields over 128 KiB with an error that would fail the whole file; allow far
# more, so the over-long cell becomes the row error above.
csv.field_size_limit(max(csv.field_size_limit(), 1 << 26))
_FOOTER_WORDS = ("合计", "总计", "小计", "填表人", "制表人", "审核人", "负责人", "填表日期", "制表日期", "说明：")


@dataclass(slots=True)
class LedgerIssue:
    row: int        # the row number the user sees in Excel / the CSV record number
    column: str     # the header text as written in the file ("" when the issue is about the whole row)
    message: str    # Chinese


@dataclass(slots=True)
class LedgerRecord:
    row: int
    received_on: date
    accepted_on: date | None
    applicants: list[Applicant]
    respondent: Respondent
    dispute_types: list[str]          # DisputeType codes, in the ledger's order, no repeats
    workers_involved: int
    amount_claimed_fen: int | None
    mediator: str | None
    outcome: Outcome | None
    closed_on: date | None
    amount_agreed_fen: int | None
    remarks: str
    ledger_no: str | None


@dataclass
class LedgerReadResult:
    rows: int                                   # data rows seen (blank and 合计 rows not counted)
    records: list[LedgerRecord] = field(default_factory=list)
    errors: list[LedgerIssue] = field(default_factory=list)
    warnings: list[LedgerIssue] = field(default_factory=list)
    header_row: int = 0                         # where the header was found (1-based)
    sheet: str | None = None                    # the worksheet read (.xlsx only)


RecordSink = Callable[[list["LedgerRecord"]], None]


def read_ledger(path: Path, *, today: date | None = None, sink: RecordSink | None = None,
                chunk: int = 2000) -> LedgerReadResult:
    """Read and check a ledger. ``today`` bounds birth dates in ID numbers (tests pin it).

    With ``sink``, good records are handed over in lists of ``chunk`` while reading goes on (the
    import writes them to the database meanwhile) and ``result.records`` stays empty."""
    with collector_paused():
        return _read_ledger(Path(path), today, _Records(sink, chunk) if sink else None)


class _Records(list):
    """A record list that passes every ``chunk`` records on to a sink instead of keeping them."""

    def __init__(self, sink: RecordSink, chunk: int):
        super().__init__()
        self.sink, self.chunk = sink, chunk

    def append(self, record: LedgerRecord) -> None:
        super().append(record)
        if len(self) >= self.chunk:
            self.flush()

    def flush(self) -> None:
        if self:
            self.sink(list(self))
            self.clear()


def _read_ledger(path: Path, today: date | None, records: _Records | None) -> LedgerReadResult:
    data = _read_head(path)
    suffix = path.suffix.lower()
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserError("E_LEDGER_FORMAT", f"“{path.name}”是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后再导入")
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, today or clock.today(), records)
    if suffix in (".xlsx", ".xlsm"):
        raise UserError("E_LEDGER_FORMAT", f"“{path.name}”不是有效的 Excel 工作簿（文件可能已损坏），无法读取")
    if suffix in (".csv", ".txt"):
        return _read_csv(path, today or clock.today(), records)
    raise UserError("E_LEDGER_FORMAT", f"不支持的文件类型“{path.suffix or path.name}”：台账须为 .xlsx 或 .csv 文件")


def _read_head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise UserError("E_LEDGER_FORMAT", f"找不到文件“{path}”") from None
    except OSError as exc:
        raise UserError("E_LEDGER_FORMAT", f"无法读取文件“{path}”：{exc.strerror or exc}") from None
    if not head:
        raise UserError("E_LEDGER_FORMAT", f"文件“{path.name}”是空的")
    return head


class _EmptyTable(UserError):
    """Nothing in a sheet's first rows: for a workbook, the next sheet may still hold the ledger."""


def _unreadable(path: Path) -> UserError:
    return UserError("E_LEDGER_FORMAT", f"“{path.name}”无法读取：文件已损坏或不是台账表格")


def _guarded(rows: Iterable, path: Path) -> Generator:
    """Re-raise anything the file parser throws mid-way as E_LEDGER_FORMAT (our own row code is outside)."""
    try:
        yield from rows
    except MemoryError:
        raise
    except Exception as exc:
        raise _unreadable(path) from exc


# ---------------------------------------------------------------- .xlsx


def _read_xlsx(path: Path, today: date, records: _Records | None = None) -> LedgerReadResult:
    """python-calamine (a Rust reader, about ten times openpyxl's speed) reads the workbook; openpyxl
    reads what calamine refuses to open (see _open_calamine), so a file Excel and openpyxl accept
    still imports. A failure part-way through a sheet is not retried: records may already be written."""
    workbook = _open_calamine(path)
    if workbook is None:
        return _read_xlsx_openpyxl(path, today, records)
    try:
        return _read_first_ledger_sheet(_CalamineBook(workbook, path), path, today, records)
    finally:
        workbook.close()


def _open_calamine(path: Path):
    """The workbook through calamine, or None when openpyxl should read it instead.

    Calamine holds a sheet as a dense grid from its first used cell to its last: a stray cell far
    out (XFD1048576 beside a ledger in A1:P100) would need gigabytes where openpyxl streams the
    rows. Such sheets, and packages calamine refuses to open, go to openpyxl, which then decides
    whether the file is readable at all (a damaged file is E_LEDGER_FORMAT either way)."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:        # a build without the reader still imports through openpyxl
        return None
    if not _grids_are_small(path):
        return None
    try:
        return CalamineWorkbook.from_path(str(path))
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - calamine's own error types vary by version; openpyxl judges next
        return None


# Cells in the largest sheet grid calamine may build (about 40 bytes each in memory): a 100,000-row
# ledger with 16 columns is 1.6 million.
MAX_GRID_CELLS = 8_000_000
# XML lets an attribute be written r = 'AB7' as well as r="AB7", and calamine reads either way. The
# column pattern matches any such r attribute (a match elsewhere only sends the file to openpyxl);
# starting at the literal "r" keeps the scan of a 100,000-row sheet near its decompression time.
_FAR_COLUMN = re.compile(rb'r\s*=\s*["\']\s*([A-Za-z]{2,3})\d')
_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\br\s*=\s*["\']\s*(\d+)')
# A row or cell reference of row 100,000 or more, wherever it stands: a hostile sheet may place a far
# row first and ordinary rows after it, where the look at each block's end would not see it.
_BIG_ROW = re.compile(rb'r\s*=\s*["\']\s*[A-Za-z]{0,3}(\d{6,})')
# Every row or cell reference: read only for a sheet wider than A–Z, where a few thousand rows can
# already make the grid too large.
_ANY_ROW = re.compile(rb'r\s*=\s*["\']\s*[A-Za-z]{0,3}(\d+)')


def _grids_are_small(path: Path) -> bool:
    """Whether every worksheet's used grid (last row × last column) stays under MAX_GRID_CELLS.

    Rows come in order, so the last row number sits near the end of the sheet's XML; columns past Z
    are rare in a ledger, so the scan for them usually finds nothing and costs one pass."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    if _grid_cells(archive, info) > MAX_GRID_CELLS:
                        return False
    except (OSError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError, NotImplementedError):
        return False        # let openpyxl name the problem
    return True


def _grid_cells(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    last_row, widest, tail = 0, 26, b""
    with archive.open(info) as stream:
        while block := stream.read(1 << 20):
            text = tail + block
            for match in _FAR_COLUMN.finditer(text):
                widest = max(widest, _column_number(match.group(1)))
            rows = _ROW_NUMBER.findall(text[-4096:]) or _ROW_NUMBER.findall(text)
            if rows:
                last_row = max(last_row, int(rows[-1]))
            last_row = max(last_row, *map(int, _BIG_ROW.findall(text)), 0)
            tail = text[-64:]
    if widest > 26 and last_row * widest <= MAX_GRID_CELLS:
        last_row = max(last_row, _last_row_anywhere(archive, info))
    return last_row * widest


def _last_row_anywhere(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    last_row, tail = 0, b""
    with archive.open(info) as stream:
        while block := stream.read(1 << 20):
            text = tail + block
            last_row = max(last_row, *map(int, _ANY_ROW.findall(text)), 0)
            tail = text[-64:]
    return last_row


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


class _CalamineSheet:
    """The openpyxl read-only sheet surface _read_first_ledger_sheet needs, over a calamine sheet."""

    def __init__(self, book, index: int, title: str):
        self._book, self._index, self.title = book, index, title

    def reset_dimensions(self) -> None:
        """Calamine sizes a sheet by its cells, not by the recorded <dimension>."""

    def iter_rows(self, values_only: bool = True) -> Iterator[list]:
        sheet = self._book.get_sheet_by_index(self._index)
        # Calamine yields rows from the sheet's first row (so row numbers stay the user's) but starts
        # columns at the first used one, which the header search does not mind. An empty cell is
        # "" where openpyxl gives None; the row checks treat None as "no value", so map it back.
        for row in sheet.iter_rows():
            if "" in row:
                yield [None if value == "" else value for value in row]
            else:
                yield row


class _CalamineBook:
    def __init__(self, workbook, path: Path):
        self.epoch = _workbook_epoch(path)
        self.worksheets = [
            _CalamineSheet(workbook, index, meta.name)
            for index, meta in enumerate(workbook.sheets_metadata)
            if str(meta.typ).endswith("WorkSheet")
        ]


def _workbook_epoch(path: Path):
    """The workbook's date system: calamine converts date-formatted cells itself, but a plain number
    in a date column is a serial date counted from 1904 in a Mac workbook."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    try:
        with zipfile.ZipFile(path) as archive:
            text = archive.read("xl/workbook.xml")[:4096]
    except (OSError, KeyError, zipfile.BadZipFile):
        return CALENDAR_WINDOWS_1900
    return CALENDAR_MAC_1904 if _DATE_1904.search(text) else CALENDAR_WINDOWS_1900


_DATE_1904 = re.compile(rb"<(?:\w+:)?workbookPr\b[^>]*\bdate1904=\"(?:1|true)\"")


def _read_xlsx_openpyxl(path: Path, today: date, records: _Records | None = None) -> LedgerReadResult:
    import openpyxl

    # A file object rather than the path: openpyxl judges by the suffix, we by the content.
    with path.open("rb") as handle, warnings.catch_warnings():
        # openpyxl warns about features it drops (data validation extensions, default styles): noise here.
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except MemoryError:
            raise
        except Exception as exc:
            raise _unreadable(path) from exc
        try:
            return _read_first_ledger_sheet(workbook, path, today, records)
        finally:
            workbook.close()


def _read_first_ledger_sheet(workbook, path: Path, today: date, records: _Records | None = None) -> LedgerReadResult:
    """The first worksheet with a header row (a cover sheet in front of the ledger is common)."""
    header_problem: UserError | None = None
    for sheet in workbook.worksheets:
        sheet.reset_dimensions()   # some writers record a wrong <dimension>; trust the rows themselves
        rows = _guarded(sheet.iter_rows(values_only=True), path)
        try:
            result = read_table(rows, today=today, epoch=workbook.epoch, _records=records)
        except _EmptyTable:
            continue          # an empty sheet is no reason to stop looking
        except UserError as problem:
            if problem.code != "E_LEDGER_HEADER":
                raise
            header_problem = header_problem or problem
            continue
        finally:
            rows.close()
        result.sheet = sheet.title
        return result
    raise header_problem or UserError("E_LEDGER_FORMAT", f"“{path.name}”中没有任何内容")


# ---------------------------------------------------------------- .csv


def _read_csv(path: Path, today: date, records: _Records | None = None) -> LedgerReadResult:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError("E_LEDGER_FORMAT", f"无法读取文件“{path}”：{exc.strerror or exc}") from None
    text = _decode(raw, path)
    if "\x00" in text:
        raise _unreadable(path)
    if not text.strip():
        raise UserError("E_LEDGER_FORMAT", f"文件“{path.name}”是空的")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    return read_table(_guarded(reader, path), today=today, _records=records)


def read_table(rows: Iterable[Sequence], *, today: date | None = None, epoch=None,
               _records: _Records | None = None) -> LedgerReadResult:
    """Check rows already in memory (a CSV, a table pasted into the GUI): header search included.

    ``rows`` are the sheet's rows from its first, as cell values; ``epoch`` is the workbook's date
    system when numbers may be Excel serial dates (default 1900).
    """
    with collector_paused():
        numbered = enumerate(rows, start=1)
        head = list(islice(numbered, H.HEADER_SEARCH_ROWS))
        if not any(not is_blank(value) for _, cells in head for value in cells):
            raise _EmptyTable("E_LEDGER_FORMAT", f"表格的前{H.HEADER_SEARCH_ROWS}行没有任何内容")
        header = find_header([cells for _, cells in head])
        return _read_rows(chain(head[header.row:], numbered), header, today or clock.today(), epoch, _records)


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):   # Excel's “Unicode 文本”
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise _unreadable(path) from None
    for encoding in ("utf-8-sig", "gb18030"):       # gb18030 is a superset of GBK and GB2312
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError("E_LEDGER_FORMAT", f"“{path.name}”的文字编码无法识别：请保存为 UTF-8 或 GBK 编码的 CSV")


def _sniff_delimiter(text: str) -> str:
    sample = text[:4096]
    counts = {d: sample.count(d) for d in (",", "\t", ";")}
    return max(counts, key=counts.__getitem__) if any(counts.values()) else ","


# ---------------------------------------------------------------- rows


def _read_rows(numbered: Iterable[tuple[int, Sequence]], header: HeaderMap, today: date,
               epoch, streamed: _Records | None = None) -> LedgerReadResult:
    result = LedgerReadResult(rows=0, header_row=header.row)
    if streamed is not None:
        result.records = streamed
    errors, warnings_, records = result.errors, result.warnings, result.records
    cols, label = header.columns, header.labels
    extra = header.ignored
    number_index = cols.get(H.LEDGER_NO, -1)
    for _, name in extra:
        warnings_.append(LedgerIssue(header.row, name, f"未识别的列“{name}”，其内容将写入备注"))

    sentinel = max([*cols.values(), *(i for i, _ in extra)]) + 1   # always None after padding
    width = sentinel + 1
    pick = itemgetter(*(cols.get(name, sentinel) for name in H.STANDARD_HEADERS))
    read_date = DateReader(epoch)
    read_claimed = AmountReader(header.scales.get(H.CLAIMED, 100))
    read_agreed = AmountReader(header.scales.get(H.AGREED, 100))
    read_outcome, read_types, read_uscc = OutcomeReader(), DisputeTypeReader(), UsccReader()
    pad = (None,) * width
    today_text = today.strftime("%Y%m%d")
    ids_made = uuid7_strings()   # time-ordered: see core.model
    column_names = {index: label[name] for name, index in cols.items()}
    column_names.update(extra)

    for number, row in numbered:
        if len(row) < width:
            row = (*row, *pad[: width - len(row)])
        (no, received, accepted, names, ids, phones, respondent, uscc, types, workers, claimed,
         mediator, outcome, closed, agreed, remarks) = pick(row)
        if is_blank(names) and is_blank(respondent):
            # Blank, or numbered in advance (a printed ledger's 序号 1…200 with nothing else filled in).
            if all(is_blank(v) for i, v in enumerate(row) if i != number_index):
                continue
            if _is_footer(row):
                warnings_.append(LedgerIssue(number, "", "合计/落款行，已跳过"))
                continue
        result.rows += 1
        problems: list[LedgerIssue] = []
        huge = next((i for i, v in enumerate(row) if type(v) is str and len(v) > MAX_CELL), None)
        if huge is not None:
            errors.append(LedgerIssue(number, column_names.get(huge, ""),
                                      f"单元格内容有 {len(row[huge])} 个字，超过了单元格上限 {MAX_CELL} 个字，该行未导入"))
            continue

        # fail and warn are called only while this row is read, so the row's values are the ones meant.
        def fail(column: str, message: str) -> None:
            problems.append(LedgerIssue(number, label.get(column, column), message))  # noqa: B023

        def warn(column: str, message: str) -> None:
            warnings_.append(LedgerIssue(number, label.get(column, column), message))  # noqa: B023

        def text(column: str, key: str, value: object) -> str | None:
            """A text cell under the field rules (core.rules): controls removed with a warning,
            anything else that breaks the rule is the row's error (None)."""
            try:
                found, dropped = field_text(key, value)
            except CellError as exc:
                fail(column, exc.args[0])
                return None
            if dropped:
                warn(column, f"含有不可见的控制字符（{describe_dropped(dropped)}），已删除")
            return found

        name_list, implied_count = split_names(text(H.APPLICANT, "ledger.cell", names) or "")
        if not name_list:
            if not problems:
                fail(H.APPLICANT, "申请人为空")
        elif len(name_list) > MAX_APPLICANTS:
            fail(H.APPLICANT, f"申请人有 {len(name_list)} 名，最多 {MAX_APPLICANTS} 名")
        elif implied_count is not None and implied_count > MAX_WORKERS:
            fail(H.APPLICANT, f"人数 {implied_count} 过大（最多 {MAX_WORKERS} 人）")
        else:
            for n in name_list:
                try:
                    field_text("applicant.name", n)
                except CellError as exc:
                    fail(H.APPLICANT, exc.args[0])
                    break
        respondent_name = text(H.RESPONDENT, "respondent.name", respondent)
        if respondent_name == "":
            fail(H.RESPONDENT, "被申请人为空")
        mediator_name = text(H.MEDIATOR, "case.mediator", mediator) if not is_blank(mediator) else None

        received_on = accepted_on = closed_on = None
        if is_blank(received):
            fail(H.RECEIVED, "收案日期为空")
        else:
            try:
                received_on = read_date(received)
            except CellError as exc:
                fail(H.RECEIVED, exc.args[0])
        if not is_blank(accepted):
            try:
                accepted_on = read_date(accepted)
            except CellError as exc:
                fail(H.ACCEPTED, exc.args[0])
        if not is_blank(closed):
            try:
                closed_on = read_date(closed)
            except CellError as exc:
                fail(H.CLOSED, exc.args[0])

        amount_claimed = amount_agreed = None
        if not is_blank(claimed):
            try:
                amount_claimed = read_claimed(claimed)
            except CellError as exc:
                fail(H.CLAIMED, exc.args[0])
        if not is_blank(agreed):
            try:
                amount_agreed = read_agreed(agreed)
            except CellError as exc:
                fail(H.AGREED, exc.args[0])

        result_outcome = None
        if outcome is not None:
            try:
                result_outcome = read_outcome(outcome)
            except CellError as exc:
                fail(H.OUTCOME, exc.args[0])

        count = None
        if not is_blank(workers):
            try:
                count = read_count(workers)
            except CellError as exc:
                fail(H.WORKERS, exc.args[0])

        if received_on is not None:
            if accepted_on is not None and accepted_on < received_on:
                fail(H.ACCEPTED, f"受理日期 {accepted_on} 早于收案日期 {received_on}")
            if closed_on is not None:
                if closed_on < received_on:
                    fail(H.CLOSED, f"结案日期 {closed_on} 早于收案日期 {received_on}")
                elif accepted_on is not None and closed_on < accepted_on:
                    fail(H.CLOSED, f"结案日期 {closed_on} 早于受理日期 {accepted_on}")

        dispute_types: list[str] = []
        if not is_blank(types):
            codes, unknown = read_types(types)
            dispute_types = codes.copy()
            for word in unknown:
                warn(H.DISPUTE_TYPES, f"争议类型“{word}”无法识别，已归为“其他”")

        applicants = _applicants(name_list, ids, phones, today_text, warn, ids_made) if name_list else []

        credit_code = None
        if not is_blank(uscc):
            try:
                credit_code = read_uscc(id_from_cell(uscc))
            except CellError as exc:
                warn(H.USCC, exc.args[0] + "，该项留空")

        # The ledger's own 序号 stays on the case as its old reference (searchable, shown).
        ledger_no = text(H.LEDGER_NO, "case.ledger_no", no) if not is_blank(no) else None

        if problems:
            errors.extend(problems)
            continue
        assert received_on is not None  # a row without it has a problem and stopped just above

        people = len(applicants)
        if count is None:
            count = implied_count if implied_count and implied_count > people else people
        elif count < people:
            warn(H.WORKERS, f"涉及人数 {count} 少于申请人数 {people}，按 {people} 人导入")
            count = people
        remark_text = cell_text(remarks)
        if extra:
            remark_text = _with_extra_columns(remark_text, row, extra)
        if remark_text:
            remark_text = text(H.REMARKS, "case.remarks", remark_text) or ""
            if problems:
                errors.extend(problems)
                continue
        if count >= COLLECTIVE_THRESHOLD:
            # The rule every other way in refuses (core.collective); a ledger has no column for it.
            warn(H.APPLICANT, LEDGER_WARNING.format(workers=count))
        records.append(LedgerRecord(
            number, received_on, accepted_on, applicants, Respondent(respondent_name or "", credit_code),
            dispute_types, count, amount_claimed, mediator_name or None, result_outcome, closed_on,
            amount_agreed, remark_text, ledger_no or None,
        ))
    if streamed is not None:
        streamed.flush()
    return result


def _applicants(names: list[str], ids: object, phones: object, today: str, warn, ids_made) -> list[Applicant]:
    id_list = split_list(id_from_cell(ids)) if not is_blank(ids) else []
    phone_list = split_list(id_from_cell(phones)) if not is_blank(phones) else []
    if len(id_list) > len(names):
        warn(H.APPLICANT_ID, f"身份证号有 {len(id_list)} 个，申请人只有 {len(names)} 个，多出的已忽略")
    if len(phone_list) > len(names):
        warn(H.APPLICANT_PHONE, f"电话有 {len(phone_list)} 个，申请人只有 {len(names)} 个，多出的已忽略")
    numeric_id = type(ids) in (int, float)
    people = []
    for position, name in enumerate(names):
        id_number = phone = None
        if position < len(id_list):
            try:
                id_number = check_id_fast(id_list[position], today)
            except CellError as exc:
                hint = "（该列在 Excel 中被存成了数字，末几位已丢失，请设为“文本”格式后重填）" if numeric_id else ""
                warn(H.APPLICANT_ID, f"{exc.args[0]}{hint}，该项留空")
        if position < len(phone_list):
            try:
                phone = check_phone_fast(phone_list[position])
            except CellError as exc:
                warn(H.APPLICANT_PHONE, exc.args[0] + "，该项留空")
        people.append(Applicant(name, id_number, phone, id=next(ids_made)))
    return people


def _is_footer(row) -> bool:
    for value in row:
        if type(value) is str and value.strip():
            return value.strip().startswith(_FOOTER_WORDS)
    return False


def _with_extra_columns(remarks: str, row, extra: list[tuple[int, str]]) -> str:
    parts = [remarks] if remarks else []
    for index, name in extra:
        text = cell_text(row[index])
        if text:
            parts.append(f"{name}：{text}")
    return "；".join(parts)
