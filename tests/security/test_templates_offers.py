"""A district package offers templates; it never installs them.

Real nodes exchange real packages (unit/sync_helpers.py). The room's templates/ folder stays
untouched by the import; the head previews, accepts (installed atomically, audited) or declines
(audited); an unsafe template cannot be accepted; the command line does the same in a subprocess.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from docx import Document
from e2e.cli import run_cli
from unit.sync_helpers import export_one, import_one, make_pair

from mediation_desktop.core.errors import UserError
from mediation_desktop.documents import builtin_template_dir, template_path
from mediation_desktop.services import template_offers

MARKER = "pwned"


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch):
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)


def district_template(folder: Path, kind: str, text: str) -> bytes:
    folder.mkdir(parents=True, exist_ok=True)
    document = Document(str(builtin_template_dir() / f"{kind}.docx"))
    document.add_paragraph(text)
    path = folder / f"{kind}.docx"
    document.save(str(path))
    return path.read_bytes()


def paragraphs(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def audit_actions(backend) -> list[tuple[str, str]]:
    con = sqlite3.connect(backend.paths.database)
    try:
        return [(a, json.loads(d).get("name", "")) for a, d in
                con.execute("select action, detail from audit_log where action like 'template_%' order by id")]
    finally:
        con.close()


@pytest.fixture
def offered(tmp_path):
    """A room that imported a district package carrying a good and a hostile template."""
    room, sup = make_pair(tmp_path, cases=2)
    import_one(sup, export_one(room, tmp_path / "up"))
    marker = tmp_path / MARKER
    good = district_template(sup.paths.templates, "agreement", "本协议由{{ org.name }}依区统一格式制作")
    bad = district_template(sup.paths.templates, "application",
                            f"{{{{ lipsum.__globals__['os'].popen('touch {marker}').read() }}}}")
    down = export_one(sup, tmp_path / "down")
    report = import_one(room, down)
    assert report.status == "imported"
    yield room, sup, good, bad, marker, down
    room.close()
    sup.close()


def test_import_offers_templates_and_installs_nothing(offered):
    room, _sup, good, bad, marker, _down = offered
    assert not room.paths.templates.exists() or not any(room.paths.templates.iterdir())
    assert not marker.exists()
    offers = {o["name"]: o for o in template_offers.list_offers(room)}
    assert set(offers) == {"agreement.docx", "application.docx"}
    assert offers["agreement.docx"]["sha256"] == hashlib.sha256(good).hexdigest()
    assert offers["agreement.docx"]["status"] == "offered" and offers["agreement.docx"]["problem"] is None
    assert offers["agreement.docx"]["from_org"] == "和平区人力资源和社会保障局"
    assert offers["application.docx"]["problem"].startswith("E_TEMPLATE_UNSAFE: ")
    assert "lipsum" in offers["application.docx"]["problem"]
    assert template_path("agreement", room.paths.templates)[1] == "builtin"
    assert not marker.exists()


def test_preview_renders_the_sample_case_through_the_offer(offered, tmp_path):
    room, *_ = offered
    out = template_offers.preview(room, "agreement", tmp_path / "预览.docx")
    text = paragraphs(out)
    assert "依区统一格式制作" in text and "和平区南营门街道劳动人事争议调解中心" in text  # the sample organisation
    with pytest.raises(UserError) as exc:
        template_offers.preview(room, "application.docx", tmp_path / "坏.docx")
    assert exc.value.code == "E_TEMPLATE_UNSAFE" and "下发的模板“application.docx”" in exc.value.message
    assert not (tmp_path / "坏.docx").exists()


def test_accept_installs_atomically_and_is_audited(offered):
    room, _sup, good, _bad, _marker, _down = offered
    result = template_offers.accept(room, "agreement")
    installed = room.paths.templates / "agreement.docx"
    assert result["status"] == "accepted" and installed.read_bytes() == good
    assert template_path("agreement", room.paths.templates) == (installed, "user")
    assert [p.name for p in room.paths.templates.iterdir()] == ["agreement.docx"]  # no partial file left
    assert ("template_accept", "agreement.docx") in audit_actions(room)
    everything = {o["name"]: o for o in template_offers.list_offers(room, all_statuses=True)}
    assert everything["agreement.docx"]["decided_by"] == "测试员"
    with pytest.raises(UserError) as exc:
        template_offers.accept(room, "agreement")
    assert exc.value.code == "E_TEMPLATE_OFFER_NOT_FOUND"


def test_an_unsafe_offer_cannot_be_accepted_and_can_be_declined(offered):
    room, _sup, _good, _bad, marker, _down = offered
    with pytest.raises(UserError) as exc:
        template_offers.accept(room, "application")
    assert exc.value.code == "E_TEMPLATE_UNSAFE" and "lipsum" in exc.value.message
    assert not (room.paths.templates / "application.docx").exists() and not marker.exists()
    assert audit_actions(room) == []
    template_offers.decline(room, "application")
    assert audit_actions(room) == [("template_decline", "application.docx")]
    assert [o["name"] for o in template_offers.list_offers(room)] == ["agreement.docx"]


def test_a_decided_template_is_not_offered_again(offered, tmp_path):
    room, sup, *_rest = offered
    template_offers.decline(room, "application")
    template_offers.accept(room, "agreement")
    import_one(room, export_one(sup, tmp_path / "down2", full=True))
    assert template_offers.list_offers(room) == []


def test_only_the_head_decides(offered, tmp_path):
    room, *_ = offered
    room.role = "mediator"
    for call in (lambda: template_offers.list_offers(room), lambda: template_offers.accept(room, "agreement"),
                 lambda: template_offers.decline(room, "agreement"),
                 lambda: template_offers.preview(room, "agreement", tmp_path / "p.docx")):
        with pytest.raises(UserError) as exc:
            call()
        assert exc.value.code == "E_PERMISSION"
    room.role = "head"
    assert len(template_offers.list_offers(room)) == 2


def test_command_line_lists_previews_accepts_and_declines(offered, tmp_path):
    room, _sup, good, _bad, marker, _down = offered
    data = room.paths.root
    room.close()
    listed = run_cli(data, "templates", "list", "--json")
    assert listed.code == 0, listed.err
    assert {o["name"]: o["status"] for o in listed.json()["offers"]} == {"agreement.docx": "offered",
                                                                          "application.docx": "offered"}
    text = run_cli(data, "templates", "list")
    assert text.code == 0 and "不能接受：E_TEMPLATE_UNSAFE" in text.out

    out = tmp_path / "预览.docx"
    assert run_cli(data, "templates", "preview", "agreement", "--out", str(out)).code == 0
    assert "依区统一格式制作" in paragraphs(out)

    refused = run_cli(data, "templates", "accept", "application")
    assert refused.code == 2 and refused.err.startswith("E_TEMPLATE_UNSAFE: ") and "Traceback" not in refused.err
    assert not marker.exists()
    missing = run_cli(data, "templates", "accept", "nonexistent")
    assert missing.code == 2 and missing.err.startswith("E_TEMPLATE_OFFER_NOT_FOUND: ")

    assert run_cli(data, "templates", "accept", "agreement").code == 0
    assert (data / "templates" / "agreement.docx").read_bytes() == good
    assert run_cli(data, "templates", "decline", "application.docx").code == 0
    after = run_cli(data, "templates", "list", "--all", "--json").json()["offers"]
    assert {o["name"]: o["status"] for o in after} == {"agreement.docx": "accepted", "application.docx": "declined"}
    assert run_cli(data, "templates", "list").out.strip() == "没有待处理的下发模板。"
