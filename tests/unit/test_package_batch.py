"""A pile of packages from two rooms imported as one batch: one line per room in words, one backup,
cancellable between packages. Real nodes, real package files."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import Applicant, Case, Claim, Respondent
from mediation_desktop.services.cases import CaseService
from mediation_desktop.sync.package_batch import UNKNOWN_ROOM, import_batch, package_files

from .sync_helpers import enrol, export_one, make_node


def a_case(name: str) -> Case:
    return Case(org_id="", received_on=date(2026, 5, 6), applicants=[Applicant(name)],
                respondent=Respondent("天津恒通物流有限公司"), dispute_types=["wages"], workers_involved=1,
                claims=[Claim("工资", 300_000, "wages")], facts="欠薪。")


@pytest.fixture
def stick(tmp_path):
    """A USB stick's folder: HP's three packages with the middle one missing, HX's one package, and a
    file that is no package at all."""
    sup = make_node(tmp_path / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    hp = make_node(tmp_path / "hp", "room", "和平区劳动人事争议调解中心", "HP")
    hx = make_node(tmp_path / "hx", "room", "河西区友谊路街道调解委员会", "HX")
    enrol(hp, sup)
    enrol(hx, sup)
    folder = tmp_path / "U盘"
    folder.mkdir()
    lost = tmp_path / "lost"
    hp_cases = CaseService(hp)
    for i, target in enumerate((folder, lost, folder)):
        hp_cases.register(a_case(f"甲{i}"))
        export_one(hp, target)
    CaseService(hx).register(a_case("乙"))
    export_one(hx, folder)
    (folder / "zz-坏文件.mdpkg").write_bytes(b"not a package")
    (folder / "说明.txt").write_text("不是同步包", encoding="utf-8")
    yield sup, folder, lost
    for b in (sup, hp, hx):
        b.close()


def test_one_line_per_room_and_one_backup(stick):
    sup, folder, lost = stick
    backups = sup.paths.backups
    before = len(list(backups.glob("*"))) if backups.exists() else 0
    result = import_batch(sup, [folder])
    assert [r.status for r in result.reports] == ["imported", "held", "imported", "rejected"]
    assert len(list(backups.glob("*"))) - before == 1
    hp, hx, junk = result.rooms
    assert (hp.org_code, hp.imported, hp.held, hp.created) == ("HP", 1, 1, 1)
    assert "1个包已暂存" in hp.words and "缺少第" in hp.words
    assert (hx.org_code, hx.imported, hx.created) == ("HX", 1, 1)
    assert hx.words == "河西区友谊路街道调解委员会：导入1个包（新增1件、更新0件）。"
    assert junk.org_name == UNKNOWN_ROOM and junk.rejected == 1 and "zz-坏文件.mdpkg" in junk.reasons[0]
    assert result.summary.startswith("已导入2个，已暂存1个，已拒绝1个")

    # The lost package arrives: it and the held one go in; the rest were imported before.
    again = import_batch(sup, [folder, next(lost.iterdir())])
    by_code = {r.org_code: r for r in again.rooms}
    assert by_code["HP"].imported == 1 and by_code["HP"].already_imported == 1
    assert by_code["HX"].already_imported == 1 and by_code["HX"].imported == 0
    assert by_code["HP"].as_json()["words"] == by_code["HP"].words


def test_cancelled_between_packages(stick):
    sup, folder, _ = stick
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1      # after the first package

    result = import_batch(sup, [folder], cancelled=cancelled)
    assert result.cancelled and len(result.reports) == 1 and result.reports[0].status == "imported"
    assert len(result.not_started) == 3 and "已取消，3个包未导入" in result.summary
    rest = import_batch(sup, result.not_started)
    assert [r.status for r in rest.reports] == ["held", "imported", "rejected"]


def test_what_is_a_package_and_what_is_refused(stick, tmp_path):
    sup, folder, _ = stick
    files = package_files([folder, folder / "zz-坏文件.mdpkg"])
    assert all(p.suffix == ".mdpkg" for p in files) and len(files) == 4   # the folder's file once, no .txt
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UserError) as exc:
        import_batch(sup, [empty])
    assert exc.value.code == "E_FILE_NOT_FOUND"
    with pytest.raises(UserError):
        import_batch(sup, [tmp_path / "no-such-stick"])
    shutil.rmtree(folder)
