"""The district's own records through the command line: a remark, a notice and the key-enterprise
list go down in the next package; the room sees them in `case show`, `notices` and the risk flags."""

from __future__ import annotations

import json

import pytest

from mediation_desktop.cli import main
from mediation_desktop.core.model import CaseFilter
from mediation_desktop.services.cases import CaseService
from mediation_desktop.storage.queries import list_summaries

from .helpers import walk_in
from .sync_helpers import export_one, import_one, make_pair


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch):
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)


def cli(backend, capsys, *args) -> tuple[int, str, str]:
    code = main(["--data-dir", str(backend.paths.root), "--user", "督导员", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_remark_notice_and_key_list_reach_the_room(tmp_path, capsys):
    room, sup = make_pair(tmp_path, cases=3)
    CaseService(room).register(walk_in("张三"))   # an open case: risk flags apply to open cases
    import_one(sup, export_one(room, tmp_path / "up"))
    with room.db.read() as conn:
        first = next(r for r in list_summaries(conn, CaseFilter()) if r.applicant_names == "张三")
    keys = tmp_path / "重点企业.csv"
    keys.write_text(f"统一社会信用代码,名称,原因\n{first.respondent_uscc},{first.respondent_name},拖欠社保\n",
                    encoding="gbk")
    assert cli(sup, capsys, "remark", first.case_no, "请补充调解笔录", "--correction")[0] == 0
    assert cli(sup, capsys, "notice", "--title", "春节前欠薪排查", "--body", "请于1月10日前报送排查结果。")[0] == 0
    assert cli(sup, capsys, "key-enterprises", "import", str(keys))[0] == 0
    import_one(room, export_one(sup, tmp_path / "down"))

    code, out, _ = cli(room, capsys, "notices", "--json")
    assert code == 0 and [n["title"] for n in json.loads(out)] == ["春节前欠薪排查"]
    code, out, _ = cli(room, capsys, "case", "show", first.case_no, "--json")
    shown = json.loads(out)
    assert shown["remarks"][0]["kind"] == "correction" and shown["remarks"][0]["text"] == "请补充调解笔录"
    assert "用人单位在重点监测企业名单中" in shown["risk"]["reasons"]
    code, out, _ = cli(room, capsys, "key-enterprises", "list", "--json")
    assert [k["uscc"] for k in json.loads(out)] == [first.respondent_uscc]


def test_refusals_change_nothing(tmp_path, capsys):
    room, sup = make_pair(tmp_path, cases=1)
    code, _, err = cli(room, capsys, "notice", "--title", "x", "--body", "y")
    assert code == 2 and err.startswith("E_ROLE:")           # only the district sends notices
    bad = tmp_path / "bad.csv"
    bad.write_text("统一社会信用代码,名称\n91350100M000100Y44,某公司\n", encoding="utf-8")
    code, _, err = cli(sup, capsys, "key-enterprises", "import", str(bad))
    assert code == 2 and err.startswith("E_KEY_LIST_FORMAT:")
    code, out, _ = cli(sup, capsys, "key-enterprises", "list", "--json")
    assert json.loads(out) == []
    code, _, err = cli(sup, capsys, "remark", "不存在的案号", "x")
    assert code == 2 and err.startswith("E_CASE_NOT_FOUND:")
