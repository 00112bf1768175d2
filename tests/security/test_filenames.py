"""Attachment and document names from outside never choose where a file is written, and only
document and image types are ever handed to the system to open."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unit.helpers import make_backend, walk_in
from unit.sync_helpers import export_one, import_one, make_pair, rewrap

from mediation_desktop.core.filenames import MAX_NAME_CHARS, OPENABLE_EXTENSIONS, may_open, safe_basename
from mediation_desktop.services.attachments import AttachmentService
from mediation_desktop.services.cases import CaseService
from mediation_desktop.sync import records as rec

ATTACKS = ["../../x.sh", "/tmp/x.sh", "C:\\x.bat", "CON.txt", "a\u202egpj.exe", "..\\..\\evil.dll", "nul",
           "LPT1.pdf", "..", "", "x" * 500 + ".pdf", "a\x00b.txt", "\u2066名单\u2069.docx"]
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def check_safe(result: str) -> None:
    assert result
    assert "/" not in result and "\\" not in result and ".." not in result and ":" not in result
    assert len(result) <= MAX_NAME_CHARS
    assert result.split(".")[0].strip().upper() not in RESERVED
    assert not any(unicodedata.category(c) in ("Cc", "Cf") for c in result)
    assert result == unicodedata.normalize("NFC", result)
    assert not result.endswith((".", " ")) and not result.startswith(".")


@given(st.text(max_size=300))
@settings(max_examples=400)
def test_any_text_becomes_a_safe_base_name(name):
    check_safe(safe_basename(name))


@given(st.text(max_size=200), st.sampled_from(sorted(OPENABLE_EXTENSIONS)))
@settings(max_examples=300)
def test_an_allowed_extension_is_kept(stem, ext):
    result = safe_basename(f"{stem}.{ext}")
    check_safe(result)
    assert result.endswith(f".{ext}")
    assert may_open(result)


@pytest.mark.parametrize("name", ATTACKS)
def test_attack_names(name):
    result = safe_basename(name)
    check_safe(result)
    assert safe_basename(result) == result  # idempotent: a name made safe stays the same


def test_bidi_spoof_keeps_the_real_extension_and_is_not_opened():
    assert safe_basename("a\u202egpj.exe") == "agpj.exe"
    assert not may_open("agpj.exe")
    assert may_open("扫描件.PDF")


def _stray_files(before: set[Path], root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()} - before


def test_attachment_names_through_the_service(tmp_path, monkeypatch):
    """A scan picked under a hostile name is stored and opened under a safe one, inside a fresh
    folder made for that one open."""
    backend = make_backend(tmp_path / "data")
    case = CaseService(backend).register(walk_in())
    service = AttachmentService(backend)
    temp_root = tmp_path / "tmp"
    temp_root.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp_root))
    folders = set()
    for i, name in enumerate(["C:\\x.bat", "CON.txt", "a\u202egpj.exe", "...", "名" * 40 + "x" * 100 + ".jpg"]):
        src = tmp_path / "picked" / f"{i}" / name
        src.parent.mkdir(parents=True)
        src.write_bytes(f"scan {i}".encode())
        att = service.add(case.id, src)
        check_safe(att.file_name)
        listed = next(a for a in service.list(case.id) if a.id == att.id)
        copy = service.readable_copy(listed)
        assert copy.parent.parent == temp_root and copy.parent not in folders
        folders.add(copy.parent)
        assert copy.read_bytes() == f"scan {i}".encode()
    assert [p.name for p in temp_root.iterdir()] and all(len(list(f.iterdir())) == 1 for f in temp_root.iterdir())
    openable = {a.file_name: service.may_open(a) for a in service.list(case.id)}
    assert openable["_CON.txt"] and not openable["x.bat"] and not openable["agpj.exe"]
    backend.close()


def test_hostile_names_in_a_package_land_inside_the_open_folder(tmp_path, monkeypatch):
    """A room's package naming its attachments ``../../x.sh`` and ``/tmp/x.sh``: the supervisor keeps
    the records under safe names, and opening them writes nothing outside the per-open folder."""
    room, sup = make_pair(tmp_path, cases=1)
    con = sqlite3.connect(room.paths.database)
    (case_id,) = con.execute("select id from cases limit 1").fetchone()
    con.close()
    scans = []
    for i in range(5):
        src = tmp_path / f"scan{i}.pdf"
        src.write_bytes(f"%PDF scan {i}".encode())
        scans.append(AttachmentService(room).add(case_id, src))
    package = export_one(room, tmp_path / "out")
    hostile = ["../../x.sh", "/tmp/x.sh", "C:\\x.bat", "CON.txt", "a\u202egpj.exe"]

    def rename(entries: dict) -> None:
        lines = entries[rec.RECORDS].decode("utf-8").splitlines()
        for n, line in enumerate(lines):
            record = json.loads(line)
            for att in record["data"].get("attachments", []):
                att["file_name"] = hostile[scans.index(next(s for s in scans if s.id == att["id"]))]
            lines[n] = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        entries[rec.RECORDS] = ("\n".join(lines) + "\n").encode("utf-8")

    forged = rewrap(room, sup, package, tmp_path / "forged", rename)
    import_one(sup, forged)
    temp_root = tmp_path / "tmp"
    temp_root.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp_root))
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    service = AttachmentService(sup)
    received = service.list(case_id)
    assert sorted(a.file_name for a in received) == sorted(["x.sh", "x.sh", "x.bat", "_CON.txt", "agpj.exe"])
    for att in received:
        check_safe(att.file_name)
        copy = service.readable_copy(att)
        assert copy.parent.parent == temp_root
        assert copy.resolve().is_relative_to(copy.parent.resolve())
    written = _stray_files(before, tmp_path)
    assert all(p.parent.parent == temp_root for p in written) and len(written) == 5
    assert not Path("/tmp/x.sh").exists() or Path("/tmp/x.sh").stat().st_mtime < min(p.stat().st_mtime for p in written)
    assert [a.file_name for a in received if service.may_open(a)] == ["_CON.txt"]
    room.close()
    sup.close()
