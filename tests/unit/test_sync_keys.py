"""Node keys: identity cards, fingerprints read aloud, private keys at rest."""

from __future__ import annotations

import json
import os
import stat
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_desktop.core.errors import UserError
from mediation_desktop.sync.keys import (
    KEY_FILE_NAME,
    PeerKeys,
    export_card,
    fingerprint,
    generate_node_keys,
    is_passphrase_protected,
    load_private,
    normalize_fingerprint,
    parse_card,
    save_private,
    verify_fingerprint,
)


@pytest.fixture(scope="module")
def room():
    return generate_node_keys(str(uuid.uuid4()), "东城街道劳动争议调解室", "R0042", "room")


@pytest.fixture(autouse=True)
def quick_scrypt(request, monkeypatch):
    # The real work factor (2**16) costs ~0.2 s per call; one test keeps it, the rest use the
    # smallest factor the loader accepts.
    if "real_work_factor" not in request.keywords:
        monkeypatch.setattr("mediation_desktop.sync.keys._SCRYPT_N", 2**14)


def _same_keys(a, b) -> bool:
    return (a.node_id, a.org_name, a.org_code, a.role, a.created, a.signing_public, a.encryption_public) == (
        b.node_id, b.org_name, b.org_code, b.role, b.created, b.signing_public, b.encryption_public)


# --------------------------------------------------------------------------------------- identity


@pytest.mark.parametrize(
    ("node_id", "org_name", "org_code", "role"),
    [
        ("not-a-uuid", "调解室", "R1", "room"),
        (str(uuid.uuid4()).upper(), "调解室", "R1", "room"),
        (str(uuid.uuid4()), "", "R1", "room"),
        (str(uuid.uuid4()), "调解室", "R 1", "room"),
        (str(uuid.uuid4()), "调解室", "../x", "room"),
        (str(uuid.uuid4()), "调解室", "R1", "admin"),
        (str(uuid.uuid4()), "调解\u202e室", "R1", "room"),
    ],
)
def test_generate_refuses_malformed_identity(node_id, org_name, org_code, role):
    with pytest.raises(UserError) as info:
        generate_node_keys(node_id, org_name, org_code, role)
    assert info.value.code == "E_KEY_IDENTITY"


# -------------------------------------------------------------------------------------------- card


def test_card_round_trip(room):
    data = export_card(room)
    card = parse_card(data)
    assert (card.node_id, card.org_name, card.org_code, card.role) == (room.node_id, room.org_name, "R0042", "room")
    assert card.signing_public == room.signing_public
    assert card.encryption_public == room.encryption_public
    assert card.peer_keys() == room.public()
    assert export_card(room) == data  # deterministic: same keys, same card
    assert "东城街道" in data.decode("utf-8")  # readable, not escaped
    parse_card(data.replace(b"\n", b"\r\n"))  # a trailing CRLF from an editor is harmless


def _edit(data: bytes, **changes) -> bytes:
    card = json.loads(data)
    card.update(changes)
    return json.dumps(card, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d, other: _edit(d, org_name="别的调解室"),
        lambda d, other: _edit(d, role="supervisor"),
        lambda d, other: _edit(d, node_id=str(uuid.uuid4())),
        # Swapping in another node's encryption key would let it read our packages.
        lambda d, other: _edit(d, encryption_public=json.loads(export_card(other))["encryption_public"]),
        lambda d, other: _edit(d, signing_public=json.loads(export_card(other))["signing_public"]),
        lambda d, other: _edit(d, extra="x"),
        lambda d, other: d.replace(b'"role"', b' "role"'),  # not the canonical bytes that were signed
        lambda d, other: d[:-20],
        lambda d, other: b"\xef\xbb\xbf" + d,
        lambda d, other: d.replace(b'"card_version":1', b'"card_version":1.0'),
        lambda d, other: b"not json",
        lambda d, other: b"",
    ],
)
def test_tampered_card_is_refused(room, tamper):
    other = generate_node_keys(str(uuid.uuid4()), "别处", "R0099", "room")
    with pytest.raises(UserError) as info:
        parse_card(tamper(export_card(room), other))
    assert info.value.code == "E_CARD_INVALID"


# ------------------------------------------------------------------------------------- fingerprint


def test_fingerprint_is_eight_groups_of_four_digits(room):
    fp = fingerprint(room)
    groups = fp.split(" ")
    assert len(groups) == 8 and all(len(g) == 4 and g.isdigit() for g in groups)
    card = parse_card(export_card(room))
    assert fingerprint(card) == fp == fingerprint(room.public())


def test_fingerprint_depends_on_every_key(room):
    other = generate_node_keys(room.node_id, room.org_name, room.org_code, room.role)  # same id, new keys
    assert fingerprint(other) != fingerprint(room)
    swapped = PeerKeys(room.node_id, room.signing_public, other.encryption_public)
    assert fingerprint(swapped) != fingerprint(room)


@pytest.mark.parametrize(
    "form",
    [
        lambda fp: fp,
        lambda fp: fp.replace(" ", ""),
        lambda fp: fp.replace(" ", "-"),
        lambda fp: "  " + fp.replace(" ", " - ") + "\n",
        # typed with a Chinese input method: full-width digits and spaces
        lambda fp: "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else "\u3000" for c in fp),
    ],
)
def test_fingerprint_matches_however_it_is_typed(room, form):
    card = parse_card(export_card(room))
    verify_fingerprint(card, form(fingerprint(card)))


@settings(max_examples=50)
@given(st.lists(st.sampled_from([" ", "-", "  ", " - "]), min_size=31, max_size=31))
def test_fingerprint_separators_never_matter(room, separators):
    digits = fingerprint(room).replace(" ", "")
    typed = digits[0] + "".join(sep + d for sep, d in zip(separators, digits[1:], strict=True))
    assert normalize_fingerprint(typed) == digits


@pytest.mark.parametrize(
    "wrong",
    [
        lambda fp: fp[:-1] + str((int(fp[-1]) + 1) % 10),  # one digit off
        lambda fp: fp[5:] + " " + fp[:4],  # groups rotated
        lambda fp: fp[:-5],  # too short
        lambda fp: fp + " 1",  # too long
        lambda fp: fp.replace(fp[0], "a", 1),
        lambda fp: "",
    ],
)
def test_fingerprint_mismatch_is_refused(room, wrong):
    card = parse_card(export_card(room))
    with pytest.raises(UserError) as info:
        verify_fingerprint(card, wrong(fingerprint(card)))
    assert info.value.code == "E_FINGERPRINT_MISMATCH"


# -------------------------------------------------------------------------------------- at rest


def test_plain_key_round_trip_and_permissions(room, tmp_path):
    folder = tmp_path / "keys"
    path = save_private(room, folder, None)
    assert path == folder / KEY_FILE_NAME
    assert not is_passphrase_protected(folder)
    loaded = load_private(folder, None)
    assert _same_keys(loaded, room)
    assert export_card(loaded) == export_card(room)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [p.name for p in folder.iterdir()] == [KEY_FILE_NAME]  # no temporary left behind


def test_existing_keys_are_never_overwritten_silently(room, tmp_path):
    save_private(room, tmp_path, None)
    other = generate_node_keys(str(uuid.uuid4()), "别处", "R0099", "room")
    with pytest.raises(UserError) as info:
        save_private(other, tmp_path, None)
    assert info.value.code == "E_KEY_EXISTS"
    assert load_private(tmp_path, None).node_id == room.node_id
    save_private(other, tmp_path, "新口令", overwrite=True)  # changing the passphrase replaces atomically
    assert load_private(tmp_path, "新口令").node_id == other.node_id


def test_passphrase_protected_round_trip(room, tmp_path):
    path = save_private(room, tmp_path, "调解室的口令 café 2026")
    assert is_passphrase_protected(tmp_path)
    assert json.loads(path.read_bytes())["kdf"]["n"] == 2**16
    raw = path.read_bytes()
    secret_b64 = json.loads(export_card(room))["signing_public"]
    assert secret_b64.encode() not in raw and b"R0042" not in raw  # nothing but the node id in clear
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # NFC and NFD spellings of the same passphrase are the same passphrase
    loaded = load_private(tmp_path, "调解室的口令 cafe\u0301 2026")
    assert _same_keys(loaded, room)


test_passphrase_protected_round_trip.real_work_factor = True


@pytest.mark.parametrize("attempt", ["wrong", None, ""])
def test_wrong_or_missing_passphrase(room, tmp_path, attempt):
    save_private(room, tmp_path, "correct horse")
    with pytest.raises(UserError) as info:
        load_private(tmp_path, attempt)
    assert info.value.code == "E_KEY_PASSPHRASE"
    assert "MEDIATION_DESKTOP_PASSPHRASE" in info.value.message


def test_missing_key_file(tmp_path):
    with pytest.raises(UserError) as info:
        load_private(tmp_path / "nowhere", None)
    assert info.value.code == "E_KEY_MISSING"


@pytest.mark.parametrize(
    "corrupt",
    [
        lambda doc: b"{",
        lambda doc: json.dumps({**doc, "protection": "rot13"}).encode(),
        lambda doc: json.dumps({**doc, "secret": "!!!"}).encode(),
        lambda doc: json.dumps({**doc, "node_id": str(uuid.uuid4())}).encode(),
        lambda doc: json.dumps({**doc, "kdf": {**doc["kdf"], "n": 2**30}}).encode(),  # would need 128 GiB
        lambda doc: json.dumps({**doc, "kdf": {**doc["kdf"], "n": 1000}}).encode(),
        lambda doc: json.dumps({**doc, "nonce": "AAAA"}).encode(),
    ],
)
def test_corrupted_key_file(room, tmp_path, corrupt):
    path = save_private(room, tmp_path, "pw")
    path.write_bytes(corrupt(json.loads(path.read_bytes())))
    with pytest.raises(UserError) as info:
        load_private(tmp_path, "pw")
    # a changed node id is authenticated data, so it shows as a passphrase failure
    assert info.value.code in ("E_KEY_CORRUPT", "E_KEY_PASSPHRASE")


def test_unprotected_key_file_with_tampered_identity_is_refused(room, tmp_path):
    path = save_private(room, tmp_path, None)
    doc = json.loads(path.read_bytes())
    doc["node_id"] = str(uuid.uuid4())
    path.write_text(json.dumps(doc))
    with pytest.raises(UserError) as info:
        load_private(tmp_path, None)
    assert info.value.code == "E_KEY_CORRUPT"
