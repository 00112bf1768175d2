"""Reading the district's key-enterprise list (重点监测企业名单) from Excel or CSV, with a preview.

``read_key_list`` reads the whole file and checks every row without changing anything: the GUI shows
the preview (the rows it will import, the rows it refuses and why); the command line and the GUI then
hand ``preview.entries`` to sync.supervisor.set_key_enterprises, which replaces the list. A file
with any refused row is refused whole (E_KEY_LIST_FORMAT), so a half list never replaces a good one.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mediation_desktop.core.errors import UserError, ValidationError
from mediation_desktop.core.rules import clean_text
from mediation_desktop.core.validation import check_uscc

HEADERS = {"统一社会信用代码": "uscc", "信用代码": "uscc", "社会信用代码": "uscc", "名称": "name", "企业名称": "name",
           "单位名称": "name", "用人单位": "name", "原因": "reason", "监测原因": "reason", "备注": "reason"}
HEADER_SEARCH_ROWS = 10
MAX_ROWS = 50_000
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass
class KeyListPreview:
    entries: list[dict] = field(default_factory=list)              # {uscc, name, reason}, in file order
    problems: list[tuple[int, str]] = field(default_factory=list)  # (row number, why refused)
    duplicates: list[tuple[int, str]] = field(default_factory=list)  # (row number, credit code listed above)

    @property
    def ok(self) -> bool:
        return not self.problems

    def require_ok(self) -> None:
        if self.problems:
            number, why = self.problems[0]
            more = f"（另有{len(self.problems) - 1}处问题）" if len(self.problems) > 1 else ""
            raise UserError("E_KEY_LIST_FORMAT", f"第{number}行：{why}{more}，名单未导入")


def _cell(value: Any) -> str:  # a spreadsheet cell of any type
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _rows(path: Path) -> list[list[str]]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UserError("E_KEY_LIST_FORMAT", "文件超过20MB，不像是企业名单")
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError("E_FILE_NOT_FOUND", f"无法读取文件 {path}：{exc.strerror}") from None
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - any unreadable workbook is the user's file to fix
            raise UserError("E_KEY_LIST_FORMAT", "无法作为 Excel 工作簿打开：请另存为 .xlsx 后重试") from None
        try:
            ws = wb.worksheets[0]
            out = []
            for row in ws.iter_rows(values_only=True):
                out.append([_cell(v) for v in row])
                if len(out) > MAX_ROWS + HEADER_SEARCH_ROWS:
                    raise UserError("E_KEY_LIST_FORMAT", f"名单超过{MAX_ROWS}行")
            return out
        finally:
            wb.close()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UserError("E_KEY_LIST_FORMAT", "文件编码无法识别：请保存为 UTF-8 或 GBK 编码的 CSV，或 .xlsx")
    rows = [[c.strip() for c in r] for r in csv.reader(io.StringIO(text))]
    if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
        raise UserError("E_KEY_LIST_FORMAT", f"名单超过{MAX_ROWS}行")
    return rows


def read_key_list(path: str | Path) -> KeyListPreview:
    """Every row of the list checked; nothing is stored."""
    rows = _rows(Path(path))
    if not any(any(c for c in r) for r in rows):
        raise UserError("E_KEY_LIST_FORMAT", "文件是空的")
    header_at, header = None, []
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = [HEADERS.get(c.replace(" ", "")) for c in row]
        if "uscc" in keys and "name" in keys:
            header_at, header = i, keys
            break
    if header_at is None:
        raise UserError("E_KEY_LIST_FORMAT", "前10行中找不到表头：至少应有“统一社会信用代码”和“名称”两列")
    preview = KeyListPreview()
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        if not any(row):
            continue
        values = {key: (row[i] if i < len(row) else "") for i, key in enumerate(header) if key}
        try:
            uscc = check_uscc(values.get("uscc", ""), field="uscc")
            name = clean_text("key_enterprise.name", values.get("name", ""), field="name")
            reason = clean_text("key_enterprise.reason", values.get("reason", ""), field="reason")
        except ValidationError as exc:
            preview.problems.append((number, exc.message))
            continue
        if not name:
            preview.problems.append((number, "缺少企业名称"))
            continue
        if uscc in seen:
            preview.duplicates.append((number, uscc))
            continue
        seen[uscc] = number
        preview.entries.append({"uscc": uscc, "name": name, "reason": reason})
    if not preview.entries and not preview.problems:
        raise UserError("E_KEY_LIST_FORMAT", "表头下面没有企业")
    return preview
