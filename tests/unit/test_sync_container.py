"""The package file: writing, opening, and every hostile input refused with a stable code.

Each refusal test also checks that opening wrote nothing anywhere (the package folder and the
system temporary folder are unchanged).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import operator
import os
import random
import signal
import struct
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
import zipfile
import zlib
from functools import partial
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediation_desktop.core.errors import UserError
from mediation_desktop.sync import container, envelope
from mediation_desktop.sync.container import (
    MAGIC,
    OpenedPackage,
    open_package,
    read_header_unverified,
    write_package,
)
from mediation_desktop.sync.inner import BOUND_FIELDS
from mediation_desktop.sync.keys import generate_node_keys, save_private
from mediation_desktop.sync.strict import StrictZip, ZipLimits, dumps_canonical

SCHEMAS = {1}
CHANGES = "".join(
    json.dumps({"seq": i, "entity": "case", "id": str(uuid.UUID(int=i)), "name": "张三", "amount": "1640902"},
               ensure_ascii=False) + "\n" for i in range(1, 301)
).encode()
ATTACHMENT = os.urandom(3000)
ATTACHMENT_NAME = "attachments/" + hashlib.sha256(ATTACHMENT).hexdigest()


@pytest.fixture(scope="module")
def nodes():
    def make(name, code, role):
        return generate_node_keys(str(uuid.uuid4()), name, code, role)

    return {
        "room": make("东城调解室", "R0042", "room"),
        "district": make("区调解中心", "D3201", "supervisor"),
        "stranger": make("别的调解室", "R0099", "room"),
    }


def lookup(*trusted, revoked=()):
    table = {k.node_id: k.public() for k in trusted}
    for keys, after in revoked:
        table[keys.node_id] = dataclasses.replace(keys.public(), revoked=True, revoked_after_seq=after)
    return table.get


def write(nodes, out_dir, seq=(1, 300), **fields):
    return write_package(out_dir, sender=nodes["room"], recipients=[nodes["district"].public()],
                         header_fields={"schema_version": 1, "kind": "incremental", "origin_seq": seq, **fields},
                         entries={"changes.jsonl": CHANGES, ATTACHMENT_NAME: ATTACHMENT})


def open_at_district(nodes, path, **kwargs) -> OpenedPackage:
    kwargs.setdefault("known_peers", lookup(nodes["room"]))
    return open_package(path, me=nodes["district"], schema_versions=SCHEMAS, **kwargs)


@pytest.fixture(scope="module")
def package(nodes, tmp_path_factory) -> bytes:
    return write(nodes, tmp_path_factory.mktemp("pkg")).read_bytes()


def _snapshot(folder: Path):
    return sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*"))


def refused(path: Path, opener, code: str) -> UserError:
    """Open ``path`` expecting refusal with ``code``; assert that nothing was written anywhere."""
    before = _snapshot(path.parent), sorted(os.listdir(tempfile.gettempdir()))
    with pytest.raises(UserError) as info:
        opener(path)
    assert info.value.code == code, info.value.message
    assert info.value.message and not info.value.message.isascii()  # a Chinese reason
    assert (_snapshot(path.parent), sorted(os.listdir(tempfile.gettempdir()))) == before
    return info.value


def header_span(data: bytes) -> tuple[int, int]:
    header_len = struct.unpack(">I", data[7:11])[0]
    return 11, 11 + header_len


# ------------------------------------------------------------------------------------ happy path


def test_round_trip(nodes, tmp_path):
    path = write(nodes, tmp_path, seq=(7, 42), meta={"district": "D3201"})
    assert path.name == f"R0042_000007-000042_{path.name.split('_')[2]}"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary left behind
    opened = open_at_district(nodes, path)
    assert opened.entries == {"changes.jsonl": CHANGES, ATTACHMENT_NAME: ATTACHMENT}
    h = opened.header
    assert (h.sender, h.kind, h.origin_seq, h.schema_version) == (nodes["room"].node_id, "incremental", (7, 42), 1)
    assert set(h.recipients) == {nodes["room"].node_id, nodes["district"].node_id}  # the sender re-reads too
    assert h.meta == {"district": "D3201"}
    assert path.name.endswith(f"_{h.package_id[:8]}.mdpkg")
    assert opened.file_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [e["name"] for e in opened.manifest["entries"]] == ["changes.jsonl", ATTACHMENT_NAME]
    # the sender can read its own export back
    mine = open_package(path, me=nodes["room"], known_peers=lookup(nodes["room"]), schema_versions=SCHEMAS)
    assert mine.entries == opened.entries


def test_header_is_clear_but_holds_no_personal_data(nodes, package):
    start, end = header_span(package)
    header = json.loads(package[start:end])
    assert "张三" not in json.dumps(header, ensure_ascii=False)
    assert "张三".encode() not in package and b"1640902" not in package  # the payload is encrypted
    assert header["payload_size"] == len(package) - end - 64


def test_unverified_header_names_the_sender(nodes, package, tmp_path):
    path = tmp_path / "p.mdpkg"
    path.write_bytes(package)
    assert read_header_unverified(path).sender_org_code == "R0042"


def test_iterator_entries_and_downstream_kind(nodes, tmp_path):
    entries = iter([("acks.json", b'{"hwm":5}'), ("notices.jsonl", b'{"n":1}\n')])
    path = write_package(tmp_path, sender=nodes["district"], recipients=[nodes["room"].public()],
                         header_fields={"schema_version": 1, "kind": "downstream", "origin_seq": (1, 1)},
                         entries=entries)
    opened = open_package(path, me=nodes["room"], known_peers=lookup(nodes["district"]), schema_versions=SCHEMAS)
    assert opened.entries == {"acks.json": b'{"hwm":5}', "notices.jsonl": b'{"n":1}\n'}


@pytest.mark.parametrize(
    "entries",
    [{"../x": b""}, {"manifest.json": b"{}"}, {"a\\b": b""}, {"docs/x.pdf": b""}, {"x": 1.5}],
)
def test_writer_refuses_bad_entries_and_leaves_nothing(nodes, tmp_path, entries):
    with pytest.raises((ValueError, TypeError)):
        write_package(tmp_path, sender=nodes["room"], recipients=[],
                      header_fields={"schema_version": 1, "kind": "full", "origin_seq": (0, 0)}, entries=entries)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "fields",
    [{"schema_version": 1, "kind": "sideways", "origin_seq": (0, 0)},
     {"schema_version": 1, "kind": "full", "origin_seq": (5, 4)},
     {"schema_version": 1, "kind": "full", "origin_seq": (0, 0), "meta": {"name": 1.5}},
     {"schema_version": 1, "kind": "full"},
     {"schema_version": 1, "kind": "full", "origin_seq": (0, 0), "district": "x"}],
)
def test_writer_refuses_malformed_header_fields(nodes, tmp_path, fields):
    with pytest.raises(ValueError, match="header_fields"):
        write_package(tmp_path, sender=nodes["room"], recipients=[], header_fields=fields,
                      entries={"changes.jsonl": b"{}\n"})
    assert list(tmp_path.iterdir()) == []


def test_writer_refuses_oversized_package(nodes, tmp_path):
    with pytest.raises(UserError) as info:
        write_package(tmp_path, sender=nodes["room"], recipients=[], max_size=10_000,
                      header_fields={"schema_version": 1, "kind": "full", "origin_seq": (0, 9)},
                      entries={"attachments/big": os.urandom(20_000)})
    assert info.value.code == "E_PKG_TOO_LARGE"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "limits",
    [ZipLimits(max_entries=2), ZipLimits(max_entry_size=1000), ZipLimits(max_total_size=5000)],
)
def test_writer_refuses_what_readers_would_refuse(nodes, tmp_path, limits):
    with pytest.raises(UserError) as info:
        write_package(tmp_path, sender=nodes["room"], recipients=[], limits=limits,
                      header_fields={"schema_version": 1, "kind": "full", "origin_seq": (0, 9)},
                      entries={"a.jsonl": bytes(900), "b.jsonl": bytes(900), "attachments/c": os.urandom(4000)})
    assert info.value.code == "E_PKG_TOO_LARGE"
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------------- outer hostile


def _flipped(data: bytes, position: int) -> bytes:
    return data[:position] + bytes([data[position] ^ 0x01]) + data[position + 1 :]


def _put(tmp_path: Path, data: bytes, name="in.mdpkg") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_byte_flipped_inside_header_value_fails_the_signature(nodes, package, tmp_path):
    start, end = header_span(package)
    header = package[start:end]
    for field in (b'"created_at":"', b'"package_id":"', b'"payload_sha256":"'):
        value_start = header.index(field) + len(field)
        # flip a digit into another digit so the value stays well-formed and only the signature can tell
        position = start + next(i for i in range(value_start, len(header)) if chr(header[i]).isdigit())
        path = _put(tmp_path, _flipped(package, position))
        refused(path, lambda p: open_at_district(nodes, p), "E_PKG_SIGNATURE")


def test_every_single_byte_flip_before_the_payload_is_refused(nodes, package, tmp_path):
    # magic, version, length, header and signature: no flip may ever open; each gets a known code.
    _, end = header_span(package)
    expected = {"E_PKG_MAGIC", "E_PKG_VERSION", "E_PKG_TRUNCATED", "E_PKG_HEADER", "E_PKG_UNKNOWN_SENDER",
                "E_PKG_SIGNATURE"}
    seen = set()
    for position in range(end + 64):
        path = _put(tmp_path, _flipped(package, position))
        with pytest.raises(UserError) as info:
            open_at_district(nodes, path)
        assert info.value.code in expected, (position, info.value)
        seen.add(info.value.code)
    assert {"E_PKG_MAGIC", "E_PKG_VERSION", "E_PKG_HEADER", "E_PKG_SIGNATURE"} <= seen
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.mdpkg"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_random_damage_is_always_a_clean_refusal(nodes, package, tmp_path, data):
    # Any mix of byte changes, cuts and insertions: a specific E_PKG_* refusal, never a traceback.
    damaged = bytearray(package)
    for _ in range(data.draw(st.integers(1, 4))):
        action = data.draw(st.sampled_from(["set", "cut", "insert"]))
        at = data.draw(st.integers(0, max(len(damaged) - 1, 0)))
        if action == "set" and damaged:
            damaged[at] = data.draw(st.integers(0, 255).filter(partial(operator.ne, damaged[at])))
        elif action == "cut":
            del damaged[at : at + data.draw(st.integers(1, 64))]
        else:
            damaged[at:at] = data.draw(st.binary(min_size=1, max_size=8))
    if bytes(damaged) == package:
        return
    path = _put(tmp_path, bytes(damaged))
    with pytest.raises(UserError) as info:
        open_at_district(nodes, path)
    assert info.value.code.startswith("E_PKG_")


@pytest.mark.parametrize("where", ["signature_first", "signature_last"])
def test_byte_flipped_in_signature(nodes, package, tmp_path, where):
    _, end = header_span(package)
    position = end if where == "signature_first" else end + 63
    refused(_put(tmp_path, _flipped(package, position)), lambda p: open_at_district(nodes, p), "E_PKG_SIGNATURE")


@pytest.mark.parametrize("fraction", [0.0, 0.25, 0.5, 0.99, 1.0])
def test_byte_flipped_in_payload(nodes, package, tmp_path, fraction):
    _, end = header_span(package)
    first, last = end + 64, len(package) - 1
    position = first + int((last - first) * fraction)
    refused(_put(tmp_path, _flipped(package, position)), lambda p: open_at_district(nodes, p), "E_PKG_SIGNATURE")


def test_truncated_file_at_many_lengths(nodes, package, tmp_path):
    _, end = header_span(package)
    cuts = [0, 3, 6, 7, 10, 11, 12, end // 2, end - 1, end, end + 1, end + 63, end + 64, end + 65,
            (end + len(package)) // 2, len(package) - 17, len(package) - 1]
    for cut in cuts:
        refused(_put(tmp_path, package[:cut]), lambda p: open_at_district(nodes, p), "E_PKG_TRUNCATED")


def test_appended_bytes_are_refused(nodes, package, tmp_path):
    refused(_put(tmp_path, package + b"\x00"), lambda p: open_at_district(nodes, p), "E_PKG_HEADER")


def test_wrong_magic_and_newer_version(nodes, package, tmp_path):
    refused(_put(tmp_path, b"PK\x03\x04" + package[4:]), lambda p: open_at_district(nodes, p), "E_PKG_MAGIC")
    refused(_put(tmp_path, b"%PDF-1.7\n" * 10), lambda p: open_at_district(nodes, p), "E_PKG_MAGIC")
    newer = MAGIC + bytes([container.FORMAT_VERSION + 1]) + package[7:]
    error = refused(_put(tmp_path, newer), lambda p: open_at_district(nodes, p), "E_PKG_VERSION")
    assert "升级" in error.message


def test_file_too_large_is_refused_before_reading(nodes, package, tmp_path):
    refused(_put(tmp_path, package), lambda p: open_at_district(nodes, p, max_size=len(package) - 1),
            "E_PKG_TOO_LARGE")


def test_missing_file(nodes, tmp_path):
    with pytest.raises(UserError) as info:
        open_at_district(nodes, tmp_path / "absent.mdpkg")
    assert info.value.code == "E_PKG_READ"


def test_unknown_sender(nodes, package, tmp_path):
    error = refused(_put(tmp_path, package), lambda p: open_at_district(nodes, p, known_peers=lookup()),
                    "E_PKG_UNKNOWN_SENDER")
    assert "R0042" in error.message


def test_sender_impersonated_with_other_keys(nodes, tmp_path):
    # A stranger who learnt the room's node id signs with its own key: the signature fails.
    impostor = generate_node_keys(nodes["room"].node_id, "东城调解室", "R0042", "room")
    path = write_package(tmp_path, sender=impostor, recipients=[nodes["district"].public()],
                         header_fields={"schema_version": 1, "kind": "incremental", "origin_seq": (1, 1)},
                         entries={"changes.jsonl": b"{}\n"})
    refused(path, lambda p: open_at_district(nodes, p), "E_PKG_SIGNATURE")


def test_revoked_sender(nodes, package, tmp_path):
    path = _put(tmp_path, package)
    refused(path, lambda p: open_at_district(nodes, p, known_peers=lookup(revoked=[(nodes["room"], None)])),
            "E_PKG_REVOKED")
    refused(path, lambda p: open_at_district(nodes, p, known_peers=lookup(revoked=[(nodes["room"], 299)])),
            "E_PKG_REVOKED")
    # work done before the cut-off stays importable
    assert open_at_district(nodes, path, known_peers=lookup(revoked=[(nodes["room"], 300)])).entries


def test_node_that_changed_its_keys_keeps_its_old_work_importable(nodes, package, tmp_path):
    # The room lost its key: new keys under the same node id; the old card is revoked after seq 300.
    room = nodes["room"]
    renewed = generate_node_keys(room.node_id, room.org_name, room.org_code, room.role)
    trust = {room.node_id: [dataclasses.replace(room.public(), revoked=True, revoked_after_seq=300),
                            renewed.public()]}.get
    old = _put(tmp_path, package)
    assert open_at_district(nodes, old, known_peers=trust).header.to_seq == 300
    new = write_package(tmp_path, sender=renewed, recipients=[nodes["district"].public()],
                        header_fields={"schema_version": 1, "kind": "incremental", "origin_seq": (301, 310)},
                        entries={"changes.jsonl": b"{}\n"})
    assert open_at_district(nodes, new, known_peers=trust).header.to_seq == 310
    # whoever holds the lost key cannot add new work
    forged = write_package(tmp_path / "thief", sender=room, recipients=[nodes["district"].public()],
                           header_fields={"schema_version": 1, "kind": "incremental", "origin_seq": (301, 320)},
                           entries={"changes.jsonl": b"{}\n"})
    refused(forged, lambda p: open_at_district(nodes, p, known_peers=trust), "E_PKG_REVOKED")


def test_package_meant_for_another_node(nodes, tmp_path):
    path = write_package(tmp_path, sender=nodes["room"], recipients=[nodes["stranger"].public()],
                         header_fields={"schema_version": 1, "kind": "incremental", "origin_seq": (1, 1)},
                         entries={"changes.jsonl": b"{}\n"})
    refused(path, lambda p: open_at_district(nodes, p), "E_PKG_NOT_FOR_ME")


def test_cloned_node_id_with_other_keys_cannot_decrypt(nodes, package, tmp_path):
    clone = generate_node_keys(nodes["district"].node_id, "区调解中心", "D3201", "supervisor")
    refused(_put(tmp_path, package),
            lambda p: open_package(p, me=clone, known_peers=lookup(nodes["room"]), schema_versions=SCHEMAS),
            "E_PKG_DECRYPT")


def test_wrong_schema_version(nodes, tmp_path):
    path = write(nodes, tmp_path, schema_version=2)
    error = refused(path, lambda p: open_at_district(nodes, p), "E_PKG_SCHEMA")
    assert "升级" in error.message
    assert open_package(path, me=nodes["district"], known_peers=lookup(nodes["room"]),
                        schema_versions=range(1, 3)).header.schema_version == 2


# --------------------------------------------------------------------------------- inner hostile


def _local(name: bytes, data: bytes, method: int, crc: int, usize: int, flags: int) -> bytes:
    return struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, method, 0, 0x21, crc, len(data), usize,
                       len(name), 0) + name


def craft_zip(entries: list[dict]) -> bytes:
    """A ZIP built by hand, so it can say things zipfile would never write."""
    out, central = bytearray(), bytearray()
    for e in entries:
        name = e["name"].encode("utf-8") if isinstance(e["name"], str) else e["name"]
        data, method = e.get("data", b""), e.get("method", 0)
        usize = e.get("usize", len(data))
        crc = e.get("crc", zlib.crc32(data) if method == 0 else 0)
        flags = e.get("flags", 0 if name.isascii() else 0x800)
        offset = len(out)
        out += _local(name, data, method, crc, usize, flags) + data
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", (3 << 8) | 20, 20, flags, method, 0, 0x21, crc,
                               len(data), usize, len(name), 0, 0, 0, 0,
                               e.get("external_attr", 0o100644 << 16), offset) + name
    cd_offset = len(out)
    out += central + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central),
                                 cd_offset, 0)
    return bytes(out)


def zeros_deflated(mebibytes: int) -> bytes:
    """A raw DEFLATE stream of ``mebibytes`` MiB of zeros, built without ever holding them (~1 KiB/MiB)."""
    piece_maker = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = piece_maker.compress(bytes(1 << 20)) + piece_maker.flush(zlib.Z_FULL_FLUSH)
    return piece * mebibytes + zlib.compressobj(9, zlib.DEFLATED, -15).flush()


def stored(name, data, **extra):
    return {"name": name, "data": data, **extra}


def manifest_for(header: dict, listed: dict[str, bytes], **override) -> bytes:
    manifest = {"format": "mdpkg-manifest", "version": 1, **{k: header[k] for k in BOUND_FIELDS},
                "entries": [{"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                            for n, d in listed.items()]}
    return dumps_canonical({**manifest, **override})


def seal(nodes, out_dir: Path, make_zip) -> Path:
    """A correctly signed and encrypted package around an arbitrary (hostile) inner archive."""
    content_key = envelope.new_content_key()
    header = container._build_header(
        nodes["room"], container._with_sender(nodes["room"], [nodes["district"].public()]),
        {"schema_version": 1, "kind": "incremental", "origin_seq": (1, 2)}, content_key)
    return container._write_sealed(out_dir, nodes["room"], header, content_key, make_zip(header),
                                   container.MAX_PACKAGE_BYTES, ZipLimits(), verify=False)


def with_manifest(*entries, listed=None, **override):
    def make(header):
        files = {e["name"]: e.get("data", b"") for e in entries}
        return craft_zip([*entries, stored("manifest.json", manifest_for(header, listed or files, **override))])

    return make


GOOD = stored("changes.jsonl", b'{"seq":1}\n')
BOMB = zeros_deflated(1024)  # 1 GiB of zeros in about 1 MiB


@pytest.mark.parametrize(
    ("make_zip", "reason"),
    [
        (with_manifest(stored("../x", b"evil")), "跳出目录"),
        (with_manifest(stored("attachments/../../x", b"evil")), "跳出目录"),
        (with_manifest(stored("/etc/x", b"evil")), "绝对路径"),
        (with_manifest(stored("C:\\x", b"evil")), "反斜杠"),
        (with_manifest(stored("C:x", b"evil")), "绝对路径"),
        (with_manifest(stored("a\\..\\b", b"evil")), "反斜杠"),
        (with_manifest(stored("a\x00.jsonl", b"evil")), "NUL"),
        (with_manifest(stored("x\u202egnp.jsonl", b"evil")), "控制字符"),
        (with_manifest(stored("caf\u0065\u0301.jsonl", b"x")), "NFC"),
        (with_manifest(GOOD, GOOD), "重复"),
        (with_manifest(stored("A.jsonl", b"1"), stored("a.jsonl", b"2")), "重复"),
        (with_manifest(stored("link", b"/etc/passwd", external_attr=0o120777 << 16)), "符号链接"),
        (with_manifest(stored("attachments/", b"")), "目录"),
        (with_manifest(stored("docs/x.pdf", b"x")), "不允许的目录"),
        (with_manifest(stored("x.jsonl", b"x", flags=0x1)), "加密"),
        (with_manifest(stored("x.jsonl", b"x", method=12)), "压缩方式"),
        # declared honestly: 1 GiB from 1 MiB is refused from the directory alone, before inflating
        (with_manifest({"name": "changes.jsonl", "data": BOMB, "method": 8, "usize": 1 << 30}), "超过上限"),
        (with_manifest({"name": "changes.jsonl", "data": BOMB[:100_000], "method": 8, "usize": 96 << 20}),
         "压缩比"),
        # lying: declares 4 MiB but inflates to far more; reading stops at the declared size
        (with_manifest({"name": "changes.jsonl", "data": BOMB, "method": 8, "usize": 4 << 20},
                       listed={"changes.jsonl": bytes(4 << 20)}), "损坏"),
        (with_manifest(GOOD, stored("extra.jsonl", b"x"), listed={"changes.jsonl": GOOD["data"]}), "未列在清单"),
        (with_manifest(listed={"changes.jsonl": b"x"}), "不存在"),
        (with_manifest(stored("changes.jsonl", b'{"seq":2}\n'), listed={"changes.jsonl": b'{"seq":1}\n'}),
         "SHA-256"),
        (with_manifest(GOOD, package_id=str(uuid.uuid4())), "不一致"),
        (with_manifest(GOOD, origin_seq=[1, 99]), "不一致"),
        (lambda header: craft_zip([GOOD, stored("manifest.json", b'{"format": 1.5}')]), "JSON"),
        (lambda header: craft_zip([GOOD, stored("manifest.json", b'{"a":1,"a":1}')]), "JSON"),
        (lambda header: craft_zip([GOOD]), "manifest.json"),
        (lambda header: b"PK\x05\x06" + bytes(18), "manifest.json"),  # an empty archive
        (lambda header: b"not a zip at all", "ZIP"),
        (lambda header: with_manifest(GOOD)(header) + b"trailing", "多余数据"),
        (lambda header: b"prefix" + with_manifest(GOOD)(header), "中央目录"),
    ],
)
def test_hostile_inner_archive(nodes, tmp_path, make_zip, reason, inflated):
    path = seal(nodes, tmp_path, make_zip)
    error = refused(path, lambda p: open_at_district(nodes, p), "E_PKG_ARCHIVE")
    assert reason in error.message
    # A bomb is stopped, not inflated: at most the 4 MiB a lying entry declares, plus one read chunk
    # (the 1 GiB bomb would inflate 256 times that).
    assert inflated() <= (4 << 20) + (1 << 20)


@pytest.fixture
def inflated(monkeypatch):
    """How many bytes zlib has really inflated while archives were read (work done, not time taken:
    a wall-clock bound fails on a busy machine and passes on a fast one whatever the code does)."""
    total = [0]
    real = zipfile._get_decompressor

    class Counting:
        def __init__(self, inner):
            self._inner = inner

        def decompress(self, data, max_length=0):
            out = self._inner.decompress(data, max_length)
            total[0] += len(out)
            return out

        def __getattr__(self, name):
            return getattr(self._inner, name)

    def counting(method):
        inner = real(method)
        return None if inner is None else Counting(inner)

    monkeypatch.setattr(zipfile, "_get_decompressor", counting)
    return lambda: total[0]


def test_the_inflation_counter_counts(tmp_path, inflated):
    # The counter the bomb tests rely on sees a real deflated entry being read.
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a", bytes(300_000))
    with zipfile.ZipFile(buf) as z:
        assert len(z.read("a")) == 300_000
    assert inflated() == 300_000


def test_oversized_entry_is_refused_from_the_directory(nodes, tmp_path):
    # The directory claims 20 MiB (within the default limits); a 1 MiB per-entry cap refuses it unread.
    make = with_manifest({"name": "changes.jsonl", "data": zeros_deflated(20), "method": 8, "usize": 20 << 20},
                         listed={"changes.jsonl": bytes(20 << 20)})
    path = seal(nodes, tmp_path, make)
    limits = ZipLimits(max_entry_size=1 << 20)
    error = refused(path, lambda p: open_at_district(nodes, p, limits=limits), "E_PKG_ARCHIVE")
    assert "超过上限" in error.message


def test_entry_bigger_than_its_manifest_size_is_stopped_while_inflating(nodes, tmp_path, inflated):
    # The manifest promises 100 bytes, the directory 1 MiB; the entry inflates to 4 MiB.
    # Reading stops after 101 bytes of real output.
    make = with_manifest({"name": "changes.jsonl", "data": zeros_deflated(4), "method": 8, "usize": 1 << 20},
                         listed={"changes.jsonl": bytes(100)})
    path = seal(nodes, tmp_path, make)
    error = refused(path, lambda p: open_at_district(nodes, p), "E_PKG_ARCHIVE")
    assert "解压后超过" in error.message
    assert inflated() <= 64 << 10  # the 4 MiB were never produced: zlib stopped within a few of its buffers


def test_strict_zip_counts_real_output_not_the_header():
    # A stored entry whose directory claims 10 bytes cannot hand back more than 10.
    archive = StrictZip(craft_zip([stored("a.jsonl", b"0123456789")]))
    with pytest.raises(UserError) as info:
        archive.read("a.jsonl", max_size=5)
    assert info.value.code == "E_PKG_ARCHIVE"
    assert archive.read("a.jsonl") == b"0123456789"


def test_overlapping_entries_are_refused():
    # Two central entries pointing at the same local data (the "quoted overlap" bomb shape).
    one = craft_zip([stored("a.jsonl", b"x" * 100)])
    cd_start = struct.unpack_from("<L", one, len(one) - 6)[0]
    central = one[cd_start:-22]
    twin = central.replace(b"a.jsonl", b"b.jsonl")
    data = one[:cd_start] + central + twin + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 2, 2,
                                                         len(central) * 2, cd_start, 0)
    with pytest.raises(UserError) as info:
        StrictZip(data)
    assert info.value.code == "E_PKG_ARCHIVE"


# ---------------------------------------------------------------------------------------- kill test

# A pre-loaded "zygote" forks one writer per kill, so 20 kills cost 20 forks, not 20 interpreter starts.
_ZYGOTE = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from mediation_desktop.sync.container import write_package
    from mediation_desktop.sync.keys import load_private
    keys = load_private(Path(sys.argv[1]), None)
    blob = os.urandom(6_000_000)
    print("ready", flush=True)
    for line in sys.stdin:
        seq = int(line)
        pid = os.fork()
        if pid == 0:
            try:
                while True:  # export after export, so a kill at any moment lands somewhere inside one
                    seq += 1
                    write_package(Path(sys.argv[2]), sender=keys, recipients=[],
                                  header_fields={"schema_version": 1, "kind": "incremental",
                                                 "origin_seq": (seq, seq)},
                                  entries={"changes.jsonl": b'{"seq":1}\\n', "attachments/" + "0" * 64: blob})
            finally:
                os._exit(0)
        print(pid, flush=True)
        os.waitpid(pid, 0)
        print("reaped", flush=True)
    """
)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_killed_export_never_leaves_a_final_file_that_is_not_valid(nodes, tmp_path):
    room = nodes["room"]
    save_private(room, tmp_path / "keys", None)
    script = tmp_path / "zygote.py"
    script.write_text(_ZYGOTE)
    out = tmp_path / "stick"
    out.mkdir()
    rng = random.Random(5)
    zygote = subprocess.Popen([sys.executable, str(script), str(tmp_path / "keys"), str(out)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert zygote.stdout.readline() == "ready\n"
        # Kill at random moments until at least 10 kills have landed mid-write (how many tries that
        # takes depends on the machine's load), with a bound so a broken writer cannot loop forever.
        for kill in range(80):
            zygote.stdin.write(f"{kill * 1000}\n")
            zygote.stdin.flush()
            writer = int(zygote.stdout.readline())
            time.sleep(rng.uniform(0.0, 0.3))
            os.kill(writer, signal.SIGKILL)
            assert zygote.stdout.readline() == "reaped\n"
            if kill >= 19 and sum(p.name.startswith(".") for p in out.iterdir()) >= 10:
                break
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)
        zygote.stdout.close()
    finals = [p for p in out.iterdir() if not p.name.startswith(".")]
    partials = [p for p in out.iterdir() if p.name.startswith(".")]
    assert all(p.name.endswith(".mdpkg") for p in finals)
    assert all(p.name.endswith(".part") for p in partials)
    assert len(partials) >= 10, "kills did not land mid-write; the test proved nothing"
    for path in finals:
        opened = open_package(path, me=room, known_peers=lookup(room), schema_versions=SCHEMAS)
        assert opened.entries["changes.jsonl"] == b'{"seq":1}\n'


def test_stale_partials_are_cleaned_by_the_next_export(nodes, tmp_path):
    stale = tmp_path / ".R0042_000001-000001_abcdef12.mdpkg.0badc0de.part"
    stale.write_bytes(b"half")
    os.utime(stale, (time.time() - 7200,) * 2)
    fresh = tmp_path / ".R0042_000002-000002_abcdef12.mdpkg.0badc0df.part"
    fresh.write_bytes(b"another export still running")
    unrelated = tmp_path / "notes.txt"
    unrelated.write_bytes(b"user file")
    path = write(nodes, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, unrelated.name, path.name])
