"""The legacy 台账 reader (CONTRACT §3) and the template writer (`ledger template`)."""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from mediation_desktop.core.enums import Outcome
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.validation import id_check_char, uscc_check_char
from mediation_desktop.services import ledger_reader
from mediation_desktop.services.ledger_headers import STANDARD_HEADERS
from mediation_desktop.services.ledger_reader import read_ledger, read_table, write_template

TODAY = date(2026, 11, 1)


@pytest.fixture(autouse=True, params=["calamine", "openpyxl"])
def xlsx_reader(request, monkeypatch):
    """Every workbook test runs through both readers: calamine, and openpyxl as the fallback."""
    if request.param == "openpyxl":
        monkeypatch.setattr(ledger_reader, "_open_calamine", lambda path: None)
    return request.param


def valid_id(first17: str = "11010519900307457") -> str:
    return first17 + id_check_char(first17)


def bad_check_digit(number: str) -> str:
    return number[:17] + ("0" if number[17] != "0" else "1")


def valid_uscc(first17: str = "91110105MA01ABCD2") -> str:
    return first17 + uscc_check_char(first17)


ID_A, ID_B = valid_id("11010519900307457"), valid_id("13010219851224123")
USCC = valid_uscc()


def write_xlsx(path: Path, rows: list[list], *, title: str = "台账") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(path: Path, rows: list[list], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def minimal(tmp_path: Path, header: list[str], *rows: list, name: str = "l.xlsx"):
    return read_ledger(write_xlsx(tmp_path / name, [header, *rows]), today=TODAY)


BASIC = ["收案日期", "申请人", "被申请人"]


def one_value(tmp_path, column: str, value, **extra):
    """Read a one-row ledger with the three required columns plus ``column`` = ``value``."""
    header = [*BASIC, column, *extra]
    row = [datetime(2026, 2, 13), "张三", "某某公司", value, *extra.values()]
    return minimal(tmp_path, header, row)


# ---------------------------------------------------------------- template


def test_template_refuses_other_suffixes(tmp_path):
    for name in ("t.xls", "t.csv", "t"):
        with pytest.raises(UserError) as caught:
            write_template(tmp_path / name)
        assert caught.value.code == "E_LEDGER_PATH"
        assert not (tmp_path / name).exists()


def test_template_refuses_an_unwritable_place(tmp_path):
    with pytest.raises(UserError) as caught:
        write_template(tmp_path / "missing-folder" / "t.xlsx")
    assert caught.value.code == "E_LEDGER_PATH"


def test_template_has_standard_headers_styles_and_instructions(tmp_path):
    path = tmp_path / "台账模板.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == list(STANDARD_HEADERS)
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["G"].width > sheet.column_dimensions["A"].width   # 被申请人 is wide
    for column in ("B", "C", "N"):                                 # 收案/受理/结案日期
        assert sheet.column_dimensions[column].number_format == "yyyy-mm-dd"
    assert sheet.column_dimensions["E"].number_format == "@"       # IDs stay text
    assert sheet.max_row == 1                                      # no example rows to import by mistake
    assert book.sheetnames[1] == "填写说明"
    text = "\n".join(str(v) for row in book["填写说明"].iter_rows(values_only=True) for v in row if v)
    for word in ("调解成功", "调解不成", "撤回", "和解", "不予受理", "转办", "在办", "劳动报酬", "经济补偿",
                 "工伤", "社会保险", "确认劳动关系", "2026年2月13日", "1.2万元", *STANDARD_HEADERS):
        assert word in text, word


def test_template_reads_back_as_an_empty_ledger(tmp_path):
    path = tmp_path / "t.xlsx"
    write_template(path)
    result = read_ledger(path, today=TODAY)
    assert (result.rows, result.records, result.errors, result.warnings) == (0, [], [], [])


def test_a_filled_in_template_imports(tmp_path):
    path = tmp_path / "t.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    book.worksheets[0].append(["1", datetime(2026, 2, 13), datetime(2026, 2, 14), "张三", ID_A, "13800138000",
                               "某某公司", USCC, "劳动报酬", 1, 16409.02, "王调解", "调解成功",
                               datetime(2026, 2, 27), 12000, "已回访"])
    book.save(path)
    [record] = read_ledger(path, today=TODAY).records
    assert record.applicants[0].id_number == ID_A
    assert record.respondent.uscc == USCC
    assert record.outcome is Outcome.AGREEMENT
    assert (record.amount_claimed_fen, record.amount_agreed_fen) == (1640902, 1200000)


# ---------------------------------------------------------------- a full row


def test_a_complete_row_becomes_a_record(tmp_path):
    header = list(STANDARD_HEADERS)
    row = ["2026-007", datetime(2026, 2, 13), datetime(2026, 2, 14), "张三、李四", f"{ID_A}、{ID_B}",
           "13800138000、010-12345678", "某某建筑工程有限公司", USCC, "劳动报酬、经济补偿", 2, "¥16,409.02",
           "王调解", "达成协议", datetime(2026, 2, 27), "12000元", "已电话回访"]
    result = minimal(tmp_path, header, row)
    assert result.rows == 1 and result.errors == [] and result.warnings == []
    [r] = result.records
    assert r.row == 2
    assert (r.received_on, r.accepted_on, r.closed_on) == (date(2026, 2, 13), date(2026, 2, 14), date(2026, 2, 27))
    assert [(a.name, a.id_number, a.phone) for a in r.applicants] == [
        ("张三", ID_A, "13800138000"), ("李四", ID_B, "010-12345678")]
    assert len({a.id for a in r.applicants}) == 2
    assert (r.respondent.name, r.respondent.uscc) == ("某某建筑工程有限公司", USCC)
    assert r.dispute_types == ["wages", "compensation"]
    assert r.workers_involved == 2
    assert (r.amount_claimed_fen, r.amount_agreed_fen) == (1640902, 1200000)
    assert (r.mediator, r.outcome, r.remarks, r.ledger_no) == ("王调解", Outcome.AGREEMENT, "已电话回访", "2026-007")


def test_optional_columns_may_be_missing_or_empty(tmp_path):
    [r] = minimal(tmp_path, BASIC, ["2026-02-13", "张三", "某某公司"]).records
    assert (r.accepted_on, r.closed_on, r.outcome, r.mediator, r.ledger_no) == (None, None, None, None, None)
    assert (r.amount_claimed_fen, r.amount_agreed_fen, r.dispute_types, r.remarks) == (None, None, [], "")
    assert r.workers_involved == 1
    assert r.respondent.uscc is None and r.applicants[0].id_number is None


# ---------------------------------------------------------------- headers


@pytest.mark.parametrize("headers", [
    ["申请日期", "劳动者", "用人单位", "涉案金额", "涉及劳动者人数", "调解金额", "处理结果", "身份证号",
     "联系电话", "信用代码"],
    ["登记日期", "劳动者", "被申请单位", "标的额", "人数", "达成金额", "结案方式", "身份证号码", "电话",
     "统一社会信用代码（用人单位）"],
    ["收案日期", "申请人", "被申请人", "争议金额", "涉及人数", "协议金额", "调解结果", "申请人身份证号",
     "申请人电话", "统一社会信用代码"],
    [" ＊收案日期 ", "申请人\n（必填）", "被申请人*", "请求金额（元）", "涉及人数", "协议金额(元)",
     "调解结果", "身份证号", "联系电话", "信用代码"],
])
def test_header_synonyms(tmp_path, headers):
    row = [date(2026, 2, 13), "张三", "某某公司", 5000, 3, 4000, "调解成功", ID_A, "13800138000", USCC]
    result = minimal(tmp_path, headers, row)
    assert result.errors == [] and result.warnings == []
    [r] = result.records
    assert (r.received_on, r.applicants[0].name, r.respondent.name) == (date(2026, 2, 13), "张三", "某某公司")
    assert (r.amount_claimed_fen, r.workers_involved, r.amount_agreed_fen) == (500000, 3, 400000)
    assert (r.outcome, r.applicants[0].id_number, r.applicants[0].phone) == (Outcome.AGREEMENT, ID_A, "13800138000")
    assert r.respondent.uscc == USCC


def test_issues_name_the_column_as_the_file_writes_it(tmp_path):
    result = minimal(tmp_path, ["登记日期", "劳动者\n（必填）", "用人单位"], ["昨天", "", "某某公司"])
    assert {(i.row, i.column) for i in result.errors} == {(2, "登记日期"), (2, "劳动者 （必填）")}


def test_a_title_row_above_the_header_is_skipped(tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [
        ["某区劳动争议调解委员会 2025年调解台账"], [], BASIC,
        ["2026-02-13", "张三", "某某公司"], ["2026-02-14", "", "某某公司"]])
    result = read_ledger(path, today=TODAY)
    assert result.header_row == 3
    assert [r.row for r in result.records] == [4]
    assert [(i.row, i.column) for i in result.errors] == [(5, "申请人")]


def test_no_header_row_lists_the_missing_columns(tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [["标题"], ["姓名", "申请人", "被申请人", "金额"], ["x", "张三", "某公司", 1]])
    with pytest.raises(UserError) as caught:
        read_ledger(path, today=TODAY)
    assert caught.value.code == "E_LEDGER_HEADER"
    assert "收案日期" in caught.value.message and "第2行" in caught.value.message


def test_header_beyond_the_first_ten_rows_is_not_found(tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [*[[f"说明{i}"] for i in range(10)], BASIC, ["2026-02-13", "张三", "某公司"]])
    with pytest.raises(UserError) as caught:
        read_ledger(path, today=TODAY)
    assert caught.value.code == "E_LEDGER_HEADER"
    for name in BASIC:
        assert name in caught.value.message


def test_duplicate_columns_are_refused(tmp_path):
    for header in ([*BASIC, "申请日期"], [*BASIC, "被申请单位"], [*BASIC, "请求金额", "标的额"]):
        with pytest.raises(UserError) as caught:
            minimal(tmp_path, header, ["2026-02-13", "张三", "某公司", "x", "y"])
        assert caught.value.code == "E_LEDGER_HEADER"


def test_a_running_number_next_to_a_real_number_is_not_a_duplicate(tmp_path):
    [r] = minimal(tmp_path, ["序号", "编号", *BASIC], [1, "2026-015", "2026-02-13", "张三", "某公司"]).records
    assert r.ledger_no == "2026-015"


def test_unknown_columns_are_kept_in_remarks_with_a_warning(tmp_path):
    result = minimal(tmp_path, [*BASIC, "回访情况", "备注"], ["2026-02-13", "张三", "某公司", "满意", "已履行"])
    assert [(w.row, w.column) for w in result.warnings] == [(1, "回访情况")]
    assert result.records[0].remarks == "已履行；回访情况：满意"


def test_ten_thousand_yuan_columns(tmp_path):
    result = minimal(tmp_path, [*BASIC, "请求金额（万元）", "协议金额"],
                     ["2026-02-13", "张三", "某公司", 1.2, "3000元"], ["2026-02-13", "李四", "某公司", "5000元", 1.5])
    assert [(r.amount_claimed_fen, r.amount_agreed_fen) for r in result.records] == [(1200000, 300000), (500000, 150)]


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize("value", [
    "2026-2-13", "2026-02-13", "2026/02/13", "2026/2/13", "2026.2.13", "2026年2月13日", "2026 年 2 月 13 日",
    "２０２６年２月１３日", "20260213", "2026-02-13 00:00:00", datetime(2026, 2, 13), datetime(2026, 2, 13, 9, 30),
    date(2026, 2, 13), 20260213, 46066, 46066.0, 46066.75, "46066",
])
def test_date_forms(tmp_path, value):
    result = one_value(tmp_path, "受理日期", value)
    assert result.errors == []
    assert result.records[0].accepted_on == date(2026, 2, 13)


def test_serial_number_matches_excel(tmp_path):
    assert (date(2026, 2, 13) - date(1899, 12, 30)).days == 46066   # the serial used above


def test_1904_date_system(tmp_path):
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    book.active.append(BASIC)
    book.active.append([(date(2026, 2, 13) - date(1904, 1, 1)).days, "张三", "某公司"])
    book.save(tmp_path / "mac.xlsx")
    assert read_ledger(tmp_path / "mac.xlsx", today=TODAY).records[0].received_on == date(2026, 2, 13)


@pytest.mark.parametrize("value", ["2026-02-30", "2026-13-01", "昨天", "13/02/2026", "2026-02", "12", 123.0,
                                   "1970-01-01", True, "2026年2月"])
def test_unreadable_dates_reject_the_row(tmp_path, value):
    result = one_value(tmp_path, "受理日期", value)
    assert result.records == [] and result.rows == 1
    [issue] = result.errors
    assert (issue.row, issue.column) == (2, "受理日期")
    assert issue.message


def test_date_order(tmp_path):
    header = ["收案日期", "受理日期", "结案日期", "申请人", "被申请人"]
    result = minimal(tmp_path, header,
                     ["2026-02-13", "2026-02-12", None, "甲", "某公司"],         # accepted before received
                     ["2026-02-13", "2026-02-20", "2026-02-15", "乙", "某公司"],   # closed before accepted
                     ["2026-02-13", None, "2026-02-10", "丙", "某公司"],           # closed before received
                     ["2026-02-13", "2026-02-13", "2026-02-13", "丁", "某公司"])   # same day is fine
    assert [(i.row, i.column) for i in result.errors] == [(2, "受理日期"), (3, "结案日期"), (4, "结案日期")]
    assert [r.applicants[0].name for r in result.records] == ["丁"]


# ---------------------------------------------------------------- amounts


@pytest.mark.parametrize(("value", "fen"), [
    (16409.02, 1640902), (12000, 1200000), (0.1, 10), ("16409.02", 1640902), ("¥16,409.02", 1640902),
    ("￥16,409.02", 1640902), ("16409.02元", 1640902), ("1.2万元", 1200000), ("1.2万", 1200000),
    ("１２０００", 1200000), ("人民币5000元", 500000), (0.125, 13), (0, 0),
])
def test_amount_forms(tmp_path, value, fen):
    result = one_value(tmp_path, "请求金额", value)
    assert result.errors == []
    assert result.records[0].amount_claimed_fen == fen


@pytest.mark.parametrize("value", ["一万元", "abc", "-100", -5.0, "12,00.5.1", datetime(2026, 1, 1)])
def test_unreadable_amounts_reject_the_row(tmp_path, value):
    result = one_value(tmp_path, "涉案金额", value)
    assert result.records == []
    assert [(i.row, i.column) for i in result.errors] == [(2, "涉案金额")]


# ---------------------------------------------------------------- multi-value cells, counts


def test_dispute_type_words_and_separators(tmp_path):
    result = one_value(tmp_path, "争议类型", "拖欠工资、经济补偿金，工伤/社保；加班 福利;确认劳动关系,辞退 劳动合同 其他")
    assert result.records[0].dispute_types == [
        "wages", "compensation", "injury_medical", "social_insurance", "hours_leave", "welfare_training",
        "labor_relation", "dismissal", "contract", "other"]
    assert result.warnings == []


@pytest.mark.parametrize(("cell", "codes"), [
    ("劳动报酬", ["wages"]), ("欠薪", ["wages"]), ("工资、劳动报酬", ["wages"]), ("赔偿金", ["compensation"]),
    ("赔偿", ["compensation"]), ("工伤医疗费", ["injury_medical"]), ("社会保险", ["social_insurance"]),
    ("解除劳动合同", ["contract"]), ("劳动关系", ["labor_relation"]), ("除名", ["dismissal"]), ("离职", ["dismissal"]),
    ("辞职", ["dismissal"]), ("休假", ["hours_leave"]), ("工作时间", ["hours_leave"]), ("培训", ["welfare_training"]),
    ("劳动保护", ["welfare_training"]), ("wages, Compensation", ["wages", "compensation"]),
    ("追索三个月工资", ["wages"]), ("订立/履行/变更/解除/终止劳动合同", ["contract"]),
])
def test_dispute_type_mapping(tmp_path, cell, codes):
    result = one_value(tmp_path, "争议类型", cell)
    assert (result.records[0].dispute_types, result.warnings) == (codes, [])


def test_unknown_dispute_type_is_other_with_a_warning(tmp_path):
    result = one_value(tmp_path, "纠纷类型", "劳动报酬、宅基地")
    assert result.records[0].dispute_types == ["wages", "other"]
    [warning] = result.warnings
    assert (warning.row, warning.column) == (2, "纠纷类型") and "宅基地" in warning.message


def test_several_applicants_pair_ids_and_phones_by_position(tmp_path):
    header = [*BASIC, "身份证号", "联系电话"]
    result = minimal(tmp_path, header, ["2026-02-13", "张三，李四/王五", "某公司", f"{ID_A}；{ID_B}", "13800138000"])
    [r] = result.records
    assert [(a.name, a.id_number, a.phone) for a in r.applicants] == [
        ("张三", ID_A, "13800138000"), ("李四", ID_B, None), ("王五", None, None)]
    assert r.workers_involved == 3


def test_more_ids_than_applicants_warns(tmp_path):
    result = minimal(tmp_path, [*BASIC, "身份证号"], ["2026-02-13", "张三", "某公司", f"{ID_A}、{ID_B}"])
    assert result.records[0].applicants[0].id_number == ID_A
    assert [w.column for w in result.warnings] == ["身份证号"]


def test_group_shorthand_sets_the_head_count(tmp_path):
    [r] = minimal(tmp_path, BASIC, ["2026-02-13", "张三等12人", "某公司"]).records
    assert [a.name for a in r.applicants] == ["张三"] and r.workers_involved == 12


@pytest.mark.parametrize(("value", "count"), [(5, 5), (5.0, 5), ("5", 5), ("5人", 5), ("５", 5)])
def test_head_count_forms(tmp_path, value, count):
    assert one_value(tmp_path, "涉及人数", value).records[0].workers_involved == count


@pytest.mark.parametrize("value", [0, "0", 2.5, "多人", -1])
def test_unreadable_head_counts_reject_the_row(tmp_path, value):
    result = one_value(tmp_path, "人数", value)
    assert result.records == [] and [(i.row, i.column) for i in result.errors] == [(2, "人数")]


def test_head_count_below_the_applicants_is_raised_with_a_warning(tmp_path):
    result = minimal(tmp_path, [*BASIC, "涉及人数"], ["2026-02-13", "张三、李四、王五", "某公司", 1])
    assert result.records[0].workers_involved == 3
    assert [(w.row, w.column) for w in result.warnings] == [(2, "涉及人数")]


# ---------------------------------------------------------------- outcomes


@pytest.mark.parametrize(("word", "outcome"), [
    ("调解成功", Outcome.AGREEMENT), ("达成协议", Outcome.AGREEMENT), ("成功", Outcome.AGREEMENT),
    ("调解不成", Outcome.FAILED), ("终止", Outcome.FAILED), ("调解不成功", Outcome.FAILED), ("未达成", Outcome.FAILED),
    ("撤回", Outcome.WITHDRAWN), ("撤诉", Outcome.WITHDRAWN), ("和解", Outcome.SETTLED),
    ("不予受理", Outcome.NOT_ACCEPTED), ("转办", Outcome.TRANSFERRED), ("移送", Outcome.TRANSFERRED),
    ("", None), ("  ", None), (None, None), ("在办", None), ("调解中", None), (" 调解 成功 ", Outcome.AGREEMENT),
    ("agreement", Outcome.AGREEMENT), ("not_accepted", Outcome.NOT_ACCEPTED),
])
def test_outcome_mapping(tmp_path, word, outcome):
    result = one_value(tmp_path, "调解结果", word)
    assert result.errors == []
    assert result.records[0].outcome is outcome


def test_unknown_outcome_rejects_the_row(tmp_path):
    result = one_value(tmp_path, "处理结果", "待定")
    assert result.records == [] and [(i.row, i.column) for i in result.errors] == [(2, "处理结果")]


def test_a_closed_outcome_without_closing_date_is_accepted(tmp_path):
    [r] = one_value(tmp_path, "调解结果", "调解成功").records
    assert (r.outcome, r.closed_on) == (Outcome.AGREEMENT, None)


# ---------------------------------------------------------------- rejected rows and warnings


def test_each_problem_is_one_issue_and_other_rows_still_import(tmp_path):
    header = ["收案日期", "申请人", "被申请人", "请求金额", "调解结果"]
    result = minimal(tmp_path, header,
                     ["2026-02-13", "张三", "甲公司", 100, "调解成功"],
                     [None, None, None, "abc", "调解成功"],
                     [],                                            # blank: skipped, not counted
                     ["2026-02-13", "李四", "", 100, "不知道"],
                     ["2026-02-14", "王五", "乙公司", "1.5万元", None])
    assert result.rows == 4
    assert [r.row for r in result.records] == [2, 6]
    assert [(i.row, i.column) for i in result.errors] == [
        (3, "申请人"), (3, "被申请人"), (3, "收案日期"), (3, "请求金额"), (5, "被申请人"), (5, "调解结果")]


def test_invalid_optional_values_import_empty_with_warnings(tmp_path):
    header = [*BASIC, "身份证号", "信用代码", "电话"]
    bad_uscc = USCC[:17] + ("0" if USCC[17] != "0" else "1")
    result = minimal(tmp_path, header,
                     ["2026-02-13", "张三", "某公司", bad_check_digit(ID_A), bad_uscc, "12345"],
                     ["2026-02-13", "李四", "某公司", "11010519901332457X", "ABC", "1380013800"])
    assert [r.row for r in result.records] == [2, 3] and result.errors == []
    for r in result.records:
        assert (r.applicants[0].id_number, r.respondent.uscc, r.applicants[0].phone) == (None, None, None)
    assert [(w.row, w.column) for w in result.warnings] == [
        (2, "身份证号"), (2, "电话"), (2, "信用代码"), (3, "身份证号"), (3, "电话"), (3, "信用代码")]
    assert "校验位" in result.warnings[0].message


def test_an_id_stored_as_a_number_warns_about_lost_digits(tmp_path):
    result = one_value(tmp_path, "身份证号", 110105199003074579)
    assert result.records[0].applicants[0].id_number is None
    assert "文本" in result.warnings[0].message


def test_identifier_cells_are_normalised(tmp_path):
    header = [*BASIC, "身份证号", "电话", "信用代码"]
    result = minimal(tmp_path, header, ["2026-02-13", "张三", "某公司", f' ="{ID_A.lower()}" ', 13800138000,
                                        f" {USCC.lower()} "])
    [r] = result.records
    assert (r.applicants[0].id_number, r.applicants[0].phone, r.respondent.uscc) == (ID_A, "13800138000", USCC)


def test_blank_numbered_and_total_rows_are_not_data(tmp_path):
    result = minimal(tmp_path, ["序号", *BASIC, "请求金额"],
                     [1, "2026-02-13", "张三", "某公司", 100], [2, None, " ", None, None], [3, None, None, None, None],
                     [None, "", None, None, None], ["合计", None, None, None, 100], [None, "填表人：王五", None, None, None])
    assert result.rows == 1 and result.errors == []
    assert [(w.row, w.message) for w in result.warnings] == [(6, "合计/落款行，已跳过"), (7, "合计/落款行，已跳过")]


def test_overlong_names_reject_the_row(tmp_path):
    result = minimal(tmp_path, BASIC, ["2026-02-13", "张" * 101, "某公司"])
    assert [(i.row, i.column) for i in result.errors] == [(2, "申请人")]


# ---------------------------------------------------------------- CSV


CSV_ROWS = [["台账"], ["收案日期", "劳动者", "用人单位", "标的额", "争议类型", "调解结果", "身份证号"],
            ["2026年2月13日", "张三、李四", "某某劳务派遣有限公司", "￥16,409.02", "欠薪、赔偿金", "调解成功", ID_A],
            ["2026/2/14", "王五", "某某物业管理有限公司", "1.2万元", "社保", "在办", ""]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings(tmp_path, encoding):
    result = read_ledger(write_csv(tmp_path / "l.csv", CSV_ROWS, encoding), today=TODAY)
    assert result.errors == [] and result.warnings == []
    first, second = result.records
    assert (first.row, second.row) == (3, 4)
    assert [a.name for a in first.applicants] == ["张三", "李四"]
    assert first.respondent.name == "某某劳务派遣有限公司" and second.amount_claimed_fen == 1200000
    assert first.dispute_types == ["wages", "compensation"] and first.outcome is Outcome.AGREEMENT
    assert second.received_on == date(2026, 2, 14)


def test_csv_with_tabs_and_short_rows(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("收案日期\t申请人\t被申请人\t备注\n2026-02-13\t张三\t某公司\n\n2026-02-14\t李四\t某公司\t好\n",
                    encoding="utf-8")
    result = read_ledger(path, today=TODAY)
    assert [(r.row, r.remarks) for r in result.records] == [(2, ""), (4, "好")]


def test_csv_errors_carry_the_line_number(tmp_path):
    rows = [BASIC, ["2026-02-13", "张三", "某公司"], ["2026-02-31", "李四", "某公司"]]
    result = read_ledger(write_csv(tmp_path / "l.csv", rows, "gbk"), today=TODAY)
    assert [(i.row, i.column) for i in result.errors] == [(3, "收案日期")]


# ---------------------------------------------------------------- file-level refusals


def _code(path: Path) -> str:
    with pytest.raises(UserError) as caught:
        read_ledger(path, today=TODAY)
    return caught.value.code


def test_bad_files(tmp_path):
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "blank.csv").write_text("\n , \n", encoding="utf-8")
    (tmp_path / "junk.xlsx").write_bytes(b"this is not a workbook at all")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    (tmp_path / "old.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "binary.csv").write_bytes(b"\x81\x30\xff\xfe\x00\x81" * 10)
    with zipfile.ZipFile(tmp_path / "other.xlsx", "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    truncated = write_xlsx(tmp_path / "whole.xlsx", [BASIC, ["2026-02-13", "张三", "某公司"]]).read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(truncated[: len(truncated) // 2])
    openpyxl.Workbook().save(tmp_path / "nothing.xlsx")
    for name in ("empty.xlsx", "empty.csv", "blank.csv", "junk.xlsx", "old.xls", "old.xlsx", "notes.pdf",
                 "binary.csv", "other.xlsx", "cut.xlsx", "nothing.xlsx", "missing.xlsx"):
        assert _code(tmp_path / name) == "E_LEDGER_FORMAT", name


def test_header_problems_in_csv(tmp_path):
    assert _code(write_csv(tmp_path / "a.csv", [["姓名", "单位"], ["张三", "某公司"]])) == "E_LEDGER_HEADER"
    assert _code(write_csv(tmp_path / "b.csv", [[*BASIC, "劳动者"]])) == "E_LEDGER_HEADER"


def test_an_xlsx_renamed_to_csv_is_read_as_a_workbook(tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [BASIC, ["2026-02-13", "张三", "某公司"]])
    renamed = path.rename(tmp_path / "l.csv")
    assert len(read_ledger(renamed, today=TODAY).records) == 1


def test_the_first_sheet_with_a_header_is_read(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "封面"
    book.active.append(["2025年调解台账"])
    data = book.create_sheet("台账")
    data.append(BASIC)
    data.append(["2026-02-13", "张三", "某公司"])
    book.save(tmp_path / "l.xlsx")
    result = read_ledger(tmp_path / "l.xlsx", today=TODAY)
    assert (result.sheet, len(result.records)) == ("台账", 1)


def test_read_table_takes_rows_in_memory():
    result = read_table([BASIC, ("2026-02-13", "张三", "某公司")], today=TODAY)
    assert [r.row for r in result.records] == [2]


def test_a_sheet_without_header_is_reported_over_an_empty_one(tmp_path):
    book = openpyxl.Workbook()
    book.create_sheet("数据").append(["姓名", "单位"])
    book.save(tmp_path / "l.xlsx")
    assert _code(tmp_path / "l.xlsx") == "E_LEDGER_HEADER"


# ---------------------------------------------------------------- formulas and the choice of reader


def with_cached_values(path: Path, cached: dict[str, tuple[str, str]]) -> Path:
    """Give formula cells the value Excel stored at its last calculation (openpyxl writes none):
    ``cached`` maps a cell to (type attribute or "", value)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, (kind, value) in cached.items():
        kind_attr = f' t="{kind}"' if kind else ""
        sheet, count = re.subn(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?',
                               rf'<c r="{ref}"\1{kind_attr}><f>\2</f><v>{value}</v>', sheet)
        assert count == 1, ref
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_formulas_come_through_as_their_cached_values(tmp_path):
    path = write_xlsx(tmp_path / "f.xlsx", [
        [*BASIC, "受理日期", "申请金额（元）", "备注"],
        ["=DATE(2026,2,13)", '="张"&"三"', "某公司", "=A2+1", "=1000*2", '=IF(1,"","x")'],
    ])
    with_cached_values(path, {"A2": ("", "46066"), "B2": ("str", "张三"), "D2": ("", "46067"),
                              "E2": ("", "2000"), "F2": ("str", "")})
    result = read_ledger(path, today=TODAY)
    assert result.errors == []
    [record] = result.records
    assert (record.received_on, record.accepted_on) == (date(2026, 2, 13), date(2026, 2, 14))
    assert [a.name for a in record.applicants] == ["张三"]
    assert (record.amount_claimed_fen, record.remarks) == (200000, "")


def test_a_formula_without_a_cached_value_is_an_empty_cell(tmp_path):
    result = one_value(tmp_path, "受理日期", "=DATE(2026,2,13)")
    assert result.errors == [] and result.records[0].accepted_on is None


def test_a_workbook_is_read_by_calamine_when_its_grid_is_small(tmp_path, xlsx_reader):
    path = write_xlsx(tmp_path / "l.xlsx", [BASIC, ["2026-02-13", "张三", "某公司"]])
    assert ledger_reader._grids_are_small(path)
    opened = ledger_reader._open_calamine(path)
    assert (opened is not None) == (xlsx_reader == "calamine")


def test_a_stray_cell_far_out_sends_the_sheet_to_openpyxl(tmp_path, monkeypatch):
    """Calamine would build the whole grid up to the stray cell (here 20,000 × 702 cells)."""
    book = openpyxl.Workbook()
    book.active.append(BASIC)
    book.active.append(["2026-02-13", "张三", "某公司"])
    book.active["ZZ20000"] = "x"
    book.save(tmp_path / "far.xlsx")
    assert not ledger_reader._grids_are_small(tmp_path / "far.xlsx")
    assert ledger_reader._open_calamine(tmp_path / "far.xlsx") is None
    result = read_ledger(tmp_path / "far.xlsx", today=TODAY)
    assert [r.row for r in result.records] == [2]


def test_the_stray_cell_is_found_however_xml_quotes_its_reference(tmp_path):
    """XML allows r = 'ZZ20000' as well as r="ZZ20000", and calamine reads both."""
    book = openpyxl.Workbook()
    book.active.append(BASIC)
    book.active["ZZ20000"] = "x"
    book.save(tmp_path / "far.xlsx")
    with zipfile.ZipFile(tmp_path / "far.xlsx") as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    assert b'r="ZZ20000"' in sheet and b'<row r="20000"' in sheet
    parts["xl/worksheets/sheet1.xml"] = (sheet.replace(b'r="ZZ20000"', b"r = 'zz20000'")
                                         .replace(b'<row r="20000"', b"<row r='20000'"))
    with zipfile.ZipFile(tmp_path / "quoted.xlsx", "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert not ledger_reader._grids_are_small(tmp_path / "quoted.xlsx")


def test_row_numbers_count_from_the_sheet_top_when_the_table_starts_lower_right(tmp_path):
    rows = [[], [], [None, None, *BASIC], [None, None, "2026-02-13", "张三", "某公司"],
            [None, None, "2026-02-31", "李四", "某公司"]]
    result = read_ledger(write_xlsx(tmp_path / "l.xlsx", rows), today=TODAY)
    assert (result.header_row, [r.row for r in result.records]) == (3, [4])
    assert [(e.row, e.column) for e in result.errors] == [(5, "收案日期")]


def test_a_mac_workbook_is_recognised_by_its_date_system(tmp_path):
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    book.save(tmp_path / "mac.xlsx")
    write_xlsx(tmp_path / "pc.xlsx", [BASIC])
    assert ledger_reader._workbook_epoch(tmp_path / "mac.xlsx") == openpyxl.utils.datetime.CALENDAR_MAC_1904
    assert ledger_reader._workbook_epoch(tmp_path / "pc.xlsx") == openpyxl.utils.datetime.CALENDAR_WINDOWS_1900


def _sheet_rewritten(source, target, rewrite):
    with zipfile.ZipFile(source) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts["xl/worksheets/sheet1.xml"] = rewrite(parts["xl/worksheets/sheet1.xml"])
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


@pytest.mark.parametrize(("far_cell", "width"), [("A1000000", 1), ("ZZ20000", 702)])
def test_a_far_row_placed_before_ordinary_rows_is_found(tmp_path, far_cell, width):
    """The far reference stands first, ordinary rows after it: the sheet's end shows only small row
    numbers, yet calamine would build the grid down to the far row."""
    book = openpyxl.Workbook()
    book.active.append(BASIC)
    for _ in range(400):
        book.active.append(["2026-02-13", "张三", "某公司"])
    book.save(tmp_path / "plain.xlsx")
    assert ledger_reader._grids_are_small(tmp_path / "plain.xlsx")
    row = far_cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    far = f'<row r="{row}"><c r="{far_cell}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()
    if width > 26:   # a second far cell widens the sheet past Z, with rows still under 100,000
        far = far.replace(b"</row>", f'<c r="{far_cell[:2]}1"/></row>'.encode())
    path = _sheet_rewritten(tmp_path / "plain.xlsx", tmp_path / "far-first.xlsx",
                            lambda sheet: sheet.replace(b"<sheetData>", b"<sheetData>" + far, 1))
    assert not ledger_reader._grids_are_small(path)
