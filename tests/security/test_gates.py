"""Gates: who may trust or revoke a node's key, where made-up cases may go, and what a sign-in
refusal gives away."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from e2e.cli import run_cli
from unit.helpers import make_backend, walk_in
from unit.sync_helpers import export_one, make_node

from mediation_desktop.core.errors import PermissionDenied, UserError
from mediation_desktop.services import accounts
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.demo import generate_demo
from mediation_desktop.sync.trust import peers, revoke, trust

ROLE_ENV = "MEDIATION_DESKTOP_CLI_ROLE"


def _count(db: Path, sql: str) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def two_folders(tmp_path):
    room, sup = tmp_path / "room", tmp_path / "sup"
    assert run_cli(room, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP").code == 0
    assert run_cli(sup, "init", "--org", "和平区人力资源和社会保障局", "--org-code", "D01",
                   "--role", "supervisor").code == 0
    card = tmp_path / "sup.card"
    fp = run_cli(sup, "keys", "export", "--out", str(card), "--json").json()["fingerprint"]
    return room, card, fp


@pytest.mark.parametrize("role", ["mediator", "supervisor"])
def test_keys_trust_and_revoke_need_head_or_admin(two_folders, role):
    room, card, fp = two_folders
    db = room / "mediation.sqlite3"
    refused = run_cli(room, "keys", "trust", str(card), "--fingerprint", fp, env={ROLE_ENV: role})
    assert refused.code == 2 and refused.err.startswith("E_PERMISSION:") and "密钥" in refused.err
    assert _count(db, "SELECT count(*) FROM peers") == 0
    assert run_cli(room, "keys", "trust", str(card), "--fingerprint", fp, env={ROLE_ENV: "head"}).code == 0
    refused = run_cli(room, "keys", "revoke", "D01", env={ROLE_ENV: role})
    assert refused.code == 2 and refused.err.startswith("E_PERMISSION:")
    assert _count(db, "SELECT count(*) FROM peers WHERE status = 'revoked'") == 0
    assert run_cli(room, "keys", "revoke", "D01", env={ROLE_ENV: "admin"}).code == 0
    assert _count(db, "SELECT count(*) FROM peers WHERE status = 'revoked'") == 1


def test_the_window_s_signed_in_role_is_checked_too(tmp_path):
    room = make_node(tmp_path / "room", "room", "和平区劳动人事争议调解中心", "HP")
    sup = make_node(tmp_path / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    from mediation_desktop.sync.keys import export_card, fingerprint
    from mediation_desktop.sync.trust import node_keys

    card = tmp_path / "sup.card"
    card.write_bytes(export_card(node_keys(sup)))
    room.role = "mediator"
    with pytest.raises(PermissionDenied):
        trust(room, card, fingerprint(node_keys(sup)))
    assert peers(room) == []
    room.role = "head+admin"
    trust(room, card, fingerprint(node_keys(sup)))
    room.role = "mediator"
    with pytest.raises(PermissionDenied):
        revoke(room, "D01")
    assert [p["status"] for p in peers(room)] != ["revoked"]
    room.close()
    sup.close()


def test_demo_only_in_a_made_up_register(tmp_path):
    data = tmp_path / "data"
    assert run_cli(data, "init", "--org", "演示调解中心", "--org-code", "YS").code == 0
    db = data / "mediation.sqlite3"
    refused = run_cli(data, "demo", "--cases", "5", env={ROLE_ENV: "mediator"})
    assert refused.code == 2 and refused.err.startswith("E_PERMISSION:")
    assert _count(db, "SELECT count(*) FROM cases") == 0
    assert run_cli(data, "demo", "--cases", "5").code == 0
    assert run_cli(data, "demo", "--cases", "4", "--seed", "9").code == 0  # more made-up cases: fine
    assert _count(db, "SELECT count(*) FROM cases") == 9


def test_demo_is_refused_once_there_is_a_real_case(tmp_path):
    backend = make_backend(tmp_path / "d")
    generate_demo(backend, 3)
    CaseService(backend).register(walk_in())
    with pytest.raises(UserError) as info:
        generate_demo(backend, 3)
    assert info.value.code == "E_DEMO_REAL_DATA" and "1件真实案件" in info.value.message
    assert _count(backend.paths.database, "SELECT count(*) FROM cases") == 4
    backend.close()


def test_demo_is_refused_once_the_register_has_synced(tmp_path):
    room = make_node(tmp_path / "room", "room", "和平区劳动人事争议调解中心", "HP")
    sup = make_node(tmp_path / "sup", "supervisor", "和平区人力资源和社会保障局", "D01")
    from unit.sync_helpers import enrol

    enrol(room, sup)
    generate_demo(room, 2)
    export_one(room, tmp_path / "out")
    with pytest.raises(UserError) as info:
        generate_demo(room, 2)
    assert info.value.code == "E_DEMO_REAL_DATA" and "同步包" in info.value.message
    assert _count(room.paths.database, "SELECT count(*) FROM cases") == 2
    room.close()
    sup.close()


def test_a_disabled_account_and_an_unknown_name_look_the_same(tmp_path, monkeypatch):
    backend = make_backend(tmp_path / "d")
    backend.role = "admin"
    accounts.add_user(backend, "wang", "admin-pass-2026", "admin")
    accounts.add_user(backend, "li", "mediator-pass-2026", "mediator")
    accounts.set_active(backend, "li", False)
    verified: list[str] = []
    original = accounts._verify

    def counting(password_hash, password):
        verified.append(password_hash)
        return original(password_hash, password)

    monkeypatch.setattr(accounts, "_verify", counting)
    answers = {}
    for name, password in (("li", "mediator-pass-2026"), ("li", "wrong"), ("nobody", "mediator-pass-2026")):
        verified.clear()
        with pytest.raises(UserError) as info:
            accounts.sign_in(backend, name, password)
        answers[(name, password)] = (info.value.code, info.value.message)
        # One argon2 check of the same parameters, whatever the case: the time tells nothing.
        assert len(verified) == 1 and verified[0].split("$")[1:4] == accounts._DUMMY_HASH.split("$")[1:4]
    assert len(set(answers.values())) == 1
    assert answers[("nobody", "mediator-pass-2026")][0] == "E_SIGNIN_FAILED"
    backend.close()
