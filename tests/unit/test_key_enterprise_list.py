"""The key-enterprise list read from Excel or CSV with a preview; a file with a bad row changes nothing."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from mediation_desktop.core.errors import UserError
from mediation_desktop.services.key_enterprise_list import read_key_list

GOOD = "91350100M000100Y43"
OTHER = "91120101MA05T9XK45"


def xlsx(path, rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_excel_with_a_title_row_and_a_duplicate(tmp_path):
    path = xlsx(tmp_path / "名单.xlsx", [["2026年重点监测企业名单"], ["序号", "企业名称", "统一社会信用代码", "监测原因"],
                                         [1, "天津鑫达建筑工程有限公司", GOOD, "欠薪隐患"],
                                         [2, "天津重点监测制造有限公司", OTHER, None],
                                         [3, "天津鑫达建筑工程有限公司（重复）", GOOD, ""], [None, None, None, None]])
    preview = read_key_list(path)
    assert preview.ok and [e["uscc"] for e in preview.entries] == [GOOD, OTHER]
    assert preview.entries[0] == {"uscc": GOOD, "name": "天津鑫达建筑工程有限公司", "reason": "欠薪隐患"}
    assert preview.duplicates == [(5, GOOD)]


def test_csv_in_gbk_and_bad_rows_are_listed(tmp_path):
    path = tmp_path / "名单.csv"
    path.write_bytes(f"统一社会信用代码,名称\n{GOOD},天津鑫达\n91350100M000100Y44,校验位错\n{OTHER},\n".encode("gb18030"))
    preview = read_key_list(path)
    assert [e["uscc"] for e in preview.entries] == [GOOD]
    assert [n for n, _ in preview.problems] == [3, 4]
    with pytest.raises(UserError) as exc:
        preview.require_ok()
    assert exc.value.code == "E_KEY_LIST_FORMAT" and "第3行" in exc.value.message and "另有1处" in exc.value.message


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00garbage", "名称,原因\n甲,乙\n".encode()])
def test_unreadable_files_are_refused(tmp_path, content):
    path = tmp_path / "名单.csv"
    path.write_bytes(content)
    with pytest.raises(UserError) as exc:
        read_key_list(path)
    assert exc.value.code == "E_KEY_LIST_FORMAT"


def test_not_a_workbook_and_no_file(tmp_path):
    fake = tmp_path / "名单.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(UserError) as exc:
        read_key_list(fake)
    assert exc.value.code == "E_KEY_LIST_FORMAT"
    with pytest.raises(UserError) as exc:
        read_key_list(tmp_path / "none.xlsx")
    assert exc.value.code == "E_FILE_NOT_FOUND"
