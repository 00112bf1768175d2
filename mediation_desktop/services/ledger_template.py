"""``ledger template``: an empty 台账 workbook with the standard headers and a 填写说明 sheet."""

from __future__ import annotations

from pathlib import Path

from mediation_desktop.core.errors import UserError
from mediation_desktop.core.validation import id_check_char, uscc_check_char
from mediation_desktop.services import ledger_headers as H

_EXAMPLE_ID = "11010519900307457" + id_check_char("11010519900307457")
_EXAMPLE_USCC = "91110105MA0000000" + uscc_check_char("91110105MA0000000")

# (header, width in characters, number format, required, explanation, example)
_COLUMNS: tuple[tuple[str, int, str | None, bool, str, str], ...] = (
    (H.LEDGER_NO, 10, "@", False, "台账中的编号或序号，原样保存，便于对照。", "2026-001"),
    (H.RECEIVED, 12, "yyyy-mm-dd", True, "收到调解申请的日期。也可写“申请日期”“登记日期”。", "2026-02-13"),
    (H.ACCEPTED, 12, "yyyy-mm-dd", False, "决定受理的日期，不得早于收案日期。", "2026-02-14"),
    (H.APPLICANT, 16, "@", True, "劳动者姓名。多人用顿号分隔，如“张三、李四”；也可写“张三等5人”。", "张三、李四"),
    (H.APPLICANT_ID, 22, "@", False, "18位居民身份证号，多人时与申请人按顺序对应，用顿号分隔。校验位不正确的将留空并提示。", _EXAMPLE_ID),
    (H.APPLICANT_PHONE, 16, "@", False, "11位手机号或带区号的固定电话，多人时按顺序对应。", "13800138000"),
    (H.RESPONDENT, 28, "@", True, "用人单位名称。也可写“用人单位”“被申请单位”。", "某某建筑工程有限公司"),
    (H.USCC, 22, "@", False, "用人单位的18位统一社会信用代码。校验位不正确的将留空并提示。", _EXAMPLE_USCC),
    (H.DISPUTE_TYPES, 18, "@", False, "可填多个，用顿号、逗号或斜杠分隔。可用的词见下表。", "劳动报酬、经济补偿"),
    (H.WORKERS, 10, "0", False, "涉及的劳动者人数，正整数；不填时按申请人数计算。10人以上为集体争议。", "2"),
    (H.CLAIMED, 14, "#,##0.00", False, "申请人请求的金额（元）。可写 16409.02、¥16,409.02、16409.02元 或 1.2万元。", "16409.02"),
    (H.MEDIATOR, 10, "@", False, "承办的调解员姓名。", "王调解"),
    (H.OUTCOME, 12, "@", False, "可用的写法见下表；尚未办结的留空或写“在办”。", "调解成功"),
    (H.CLOSED, 12, "yyyy-mm-dd", False, "结案日期，不得早于收案日期和受理日期。", "2026-02-27"),
    (H.AGREED, 14, "#,##0.00", False, "调解协议约定的金额（元），格式同请求金额。", "12000"),
    (H.REMARKS, 30, "@", False, "其他需要说明的情况。", ""),
)

_OUTCOMES = (
    ("调解成功 / 达成协议", "达成调解协议"),
    ("调解不成 / 终止 / 未达成", "调解不成，终止调解"),
    ("撤回 / 撤诉", "申请人撤回申请"),
    ("和解", "双方自行和解"),
    ("不予受理", "不予受理"),
    ("转办 / 移送", "转交其他部门办理"),
    ("留空 / 在办 / 调解中", "尚未办结"),
)

_DISPUTE_TYPES = (
    ("劳动报酬", "工资、欠薪、拖欠工资"),
    ("经济补偿", "经济补偿金、赔偿金、赔偿"),
    ("工伤医疗费", "工伤"),
    ("社会保险", "社保"),
    ("劳动合同", "订立、履行、变更、解除、终止劳动合同"),
    ("确认劳动关系", "劳动关系"),
    ("辞退", "除名、辞职、离职"),
    ("加班", "工作时间、休息休假、休假"),
    ("福利", "培训、劳动保护"),
    ("其他", "无法归类的争议；不认识的词也按“其他”导入并提示"),
)


def write_template(path: Path) -> None:
    """Write an empty 台账 (.xlsx) a mediation room can fill in and import with ``ledger import``."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError("E_LEDGER_PATH", f"台账模板须保存为 .xlsx 文件，“{path.name}”的扩展名不对")
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from mediation_desktop.services.spreadsheet_cells import set_safe

    book = Workbook()
    sheet = book.active
    sheet.title = "调解台账"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for index, (name, width, number_format, required, _, _) in enumerate(_COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        set_safe(cell, name)
        cell.font = Font(bold=True, color="C00000") if required else bold
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = width
        # A column style makes Excel keep IDs as text and show dates and amounts properly as typed.
        sheet.column_dimensions[letter].number_format = number_format
    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 22

    outcome_column = get_column_letter(H.STANDARD_HEADERS.index(H.OUTCOME) + 1)
    choices = DataValidation(type="list", formula1='"调解成功,调解不成,撤回,和解,不予受理,转办,在办"',
                             allow_blank=True, errorStyle="warning", showErrorMessage=True,
                             errorTitle="调解结果", error="建议从下拉列表中选择；其他写法见“填写说明”。")
    choices.add(f"{outcome_column}2:{outcome_column}5000")
    sheet.add_data_validation(choices)

    _write_instructions(book.create_sheet("填写说明"), bold, fill)
    try:
        book.save(path)
    except OSError as exc:
        raise UserError("E_LEDGER_PATH", f"无法写入“{path}”：{exc.strerror or exc}") from None


def _write_instructions(sheet, bold, fill) -> None:
    from openpyxl.styles import Alignment, Font

    wrap = Alignment(wrap_text=True, vertical="top")
    lines: list[tuple[str, ...]] = [
        ("调解台账填写说明",),
        ("第一行为表头，列的顺序可以调整；红色列名为必填项。每行一件案件，空行会被跳过。",),
        ("日期可写 2026-02-13、2026/2/13、2026.2.13、2026年2月13日 或 20260213，也可用 Excel 日期格式。",),
        ("金额以元为单位，可写 16409.02、¥16,409.02、16409.02元 或 1.2万元（即 12000 元）。",),
        ("同一文件重复导入不会产生重复案件。",),
        (),
        ("列名", "是否必填", "说明", "示例"),
    ]
    lines += [(name, "必填" if required else "选填", text, example)
              for name, _, _, required, text, example in _COLUMNS]
    lines += [(), ("调解结果的写法", "导入后的含义"), *_OUTCOMES]
    lines += [(), ("争议类型（可多选）", "同义写法"), *_DISPUTE_TYPES]
    from mediation_desktop.services.spreadsheet_cells import append_safe

    for row in lines:
        append_safe(sheet, row)
    sheet["A1"].font = Font(bold=True, size=14)
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = wrap
        if len(row) >= 2 and row[0].value in ("列名", "调解结果的写法", "争议类型（可多选）"):
            for cell in row:
                cell.font, cell.fill = bold, fill
    for letter, width in zip("ABCD", (22, 26, 60, 24), strict=True):
        sheet.column_dimensions[letter].width = width
