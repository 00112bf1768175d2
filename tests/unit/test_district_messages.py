"""Notices read at a room (read state local) and a room's answer to a correction request travelling up:
real nodes and packages."""

from __future__ import annotations

from datetime import date

import pytest

from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import Applicant, Case, Claim, Respondent
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.district_messages import (
    answer_remark,
    case_remarks,
    mark_notices_read,
    notice_counts,
)
from mediation_desktop.storage import sync_repo
from mediation_desktop.sync.supervisor import add_notice, add_remark

from .sync_helpers import enrol, export_one, import_one, make_node


@pytest.fixture
def pair(tmp_path):
    sup = make_node(tmp_path / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    room = make_node(tmp_path / "room", "room", "和平区劳动人事争议调解中心", "HP")
    enrol(room, sup)
    case = CaseService(room).register(Case(
        org_id="", received_on=date(2026, 5, 6), applicants=[Applicant("张三")], respondent=Respondent("天津某公司"),
        dispute_types=["wages"], workers_involved=1, claims=[Claim("工资", 300_000, "wages")], facts="欠薪。"))
    import_one(sup, export_one(room, tmp_path / "up0"))
    yield sup, room, case
    sup.close()
    room.close()


def test_notices_unread_until_read_here(pair, tmp_path):
    sup, room, _ = pair
    add_notice(sup, "关于春节前欠薪排查的通知", "请于本月底前完成排查。")
    add_notice(sup, "关于报送季度统计的通知", "请于季度末报送。")
    assert notice_counts(room) == (0, 0)
    import_one(room, export_one(sup, tmp_path / "down"))
    assert notice_counts(room) == (2, 2)
    with room.db.read() as conn:
        first = sync_repo.all_notices(conn)[0]["id"]
    assert mark_notices_read(room, [first]) == 1
    assert notice_counts(room) == (2, 1)
    # A full package sends the notices again: the read state stays, it is this room's own.
    import_one(room, export_one(sup, tmp_path / "again", full=True))
    assert notice_counts(room) == (2, 1)
    assert mark_notices_read(room) == 1 and notice_counts(room) == (2, 0)
    assert notice_counts(sup) == (0, 0)   # the district's own notices are not "received"


def test_an_answer_closes_the_correction_at_both_ends(pair, tmp_path):
    sup, room, case = pair
    add_remark(sup, case.case_no, "请补充申请人的联系电话", "correction")
    add_remark(sup, case.case_no, "调解笔录很规范", "remark")
    import_one(room, export_one(sup, tmp_path / "down"))
    views = {v.kind: v for v in case_remarks(room, case.id)}
    assert views["correction"].open and not views["remark"].open
    with pytest.raises(UserError) as exc:
        answer_remark(room, views["correction"].id, "   ")
    assert exc.value.code == "E_REQUIRED"
    with pytest.raises(UserError) as exc:
        answer_remark(sup, views["correction"].id, "答复")
    assert exc.value.code == "E_ROLE"
    with pytest.raises(UserError) as exc:
        answer_remark(room, "abc", "答复")      # too short to name a remark
    assert exc.value.code == "E_REMARK_NOT_FOUND"
    answer_remark(room, views["correction"].id[:8].upper(), "已补充电话")
    assert not {v.kind: v for v in case_remarks(room, case.id)}["correction"].open
    with sup.db.read() as conn:
        assert sync_repo.open_corrections(conn, [case.id])[case.id]   # not yet told
    import_one(sup, export_one(room, tmp_path / "up1"))
    closed = {v.kind: v for v in case_remarks(sup, case.id)}["correction"]
    assert not closed.open and [a["text"] for a in closed.answers] == ["已补充电话"]
    assert closed.answers[0]["origin_node"] == room.node.node_id
    with sup.db.read() as conn:
        assert case.id not in sync_repo.open_corrections(conn, [case.id])


def test_a_notice_attachment_travels_down(pair, tmp_path):
    from mediation_desktop.sync.supervisor import notice_attachment

    sup, room, _ = pair
    source = tmp_path / "排查表.docx"
    source.write_bytes(b"PK\x03\x04 a table to fill in" * 100)
    notice_id = add_notice(sup, "关于春节前欠薪排查的通知", "请填写附件中的排查表。", source)
    add_notice(sup, "没有附件的通知", "正文。")
    import_one(room, export_one(sup, tmp_path / "down"))
    name, stored = notice_attachment(room, notice_id)
    assert name == "排查表.docx" and stored.read_bytes() == source.read_bytes()
    with room.db.read() as conn:
        plain = next(n for n in sync_repo.all_notices(conn) if n["id"] != notice_id)
    with pytest.raises(UserError) as exc:
        notice_attachment(room, plain["id"])
    assert exc.value.code == "E_NOT_FOUND"
    with pytest.raises(UserError) as exc:
        add_notice(sup, "附件不存在", "正文。", tmp_path / "nope.docx")
    assert exc.value.code == "E_ATTACHMENT_MISSING"


def test_a_notice_without_its_file_is_refused_whole(pair, tmp_path):
    from .sync_helpers import dump, rewrap

    sup, room, _ = pair
    source = tmp_path / "附件.pdf"
    source.write_bytes(b"%PDF-1.4 notice")
    add_notice(sup, "通知", "见附件。", source)
    package = export_one(sup, tmp_path / "down")
    before = dump(room)

    def drop_blobs(entries: dict) -> None:
        for name in [n for n in entries if n.startswith("attachments/")]:
            del entries[name]

    forged = rewrap(sup, room, package, tmp_path / "forged.mdpkg", drop_blobs)
    report = import_one(room, forged)
    assert report.status == "rejected" and "附件不在包中" in report.reason
    assert dump(room) == before
