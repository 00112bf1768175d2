"""A room's audit trail anchored at the district. Cutting the last entries off the room's chain and
deleting ``audit-head.json`` (and the backups, which hold heads too) goes unnoticed locally, but
not against the district's copy: the room's ``check`` reports that the head the district
acknowledged is gone, the district refuses the room's next package with E_SYNC_AUDIT_CHAIN, and the
district's ``check`` names the room."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from e2e.cli import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st
from unit.sync_helpers import dump, export_one, import_one, make_pair

from mediation_desktop.services.audit_head import head_file
from mediation_desktop.services.cases import CaseService
from mediation_desktop.services.demo import fill_demo
from mediation_desktop.storage import sync_repo


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch):
    monkeypatch.delenv("MEDIATION_DESKTOP_PASSPHRASE", raising=False)


def _anchor(backend, room_node: str):
    with backend.db.read() as conn:
        return sync_repo.audit_anchor(conn, room_node)


def _last_audit_id(backend) -> int:
    con = sqlite3.connect(backend.paths.database)
    try:
        return con.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    finally:
        con.close()


def _check(backend):
    return run_cli(backend.paths.root, "check", "--json")


def _anchored_pair(tmp_path):
    room, sup = make_pair(tmp_path, cases=3)
    sent_upto = _last_audit_id(room)
    assert import_one(sup, export_one(room, tmp_path / "up")).status == "imported"
    held = _anchor(sup, room.node.node_id)
    assert held.last_seq == sent_upto and held.broken_at is None
    assert import_one(room, export_one(sup, tmp_path / "down")).status == "imported"
    acknowledged = _anchor(room, room.node.node_id)
    assert (acknowledged.last_seq, acknowledged.last_hash) == (held.last_seq, held.last_hash)
    return room, sup, held.last_seq


def _cut_the_tail(room, from_id: int) -> None:
    """What someone with the room's PC does: delete the newest entries, the remembered head and the
    backups that would show it."""
    room.db.dispose()
    con = sqlite3.connect(room.paths.database)
    try:
        con.execute("DELETE FROM audit_log WHERE id >= ?", (from_id,))
        con.commit()
    finally:
        con.close()
    head_file(room.paths).unlink(missing_ok=True)
    shutil.rmtree(room.paths.backups, ignore_errors=True)
    room.paths.backups.mkdir()


def _more_work(room) -> None:
    fill_demo(room, 2, seed=41)
    with room.db.read() as conn:
        case_ids = sync_repo.owned_case_ids(conn, room.node.node_id)
    from mediation_desktop.storage.cases_repo import load_cases

    with room.db.read() as conn:
        numbers = [c.case_no for c in load_cases(conn, case_ids[:3])]
    for no in numbers:  # several audited actions, so the new entries run past the old head
        CaseService(room).apply(no, "edit", lambda c: setattr(c, "facts", c.facts + "（补充）"))


def test_both_ends_see_a_cut_off_audit_trail(tmp_path):
    room, sup, head = _anchored_pair(tmp_path)
    assert _check(room).code == 0 and _check(sup).code == 0

    _cut_the_tail(room, head - 1)
    local = _check(room)
    assert local.code == 2
    problems = local.json()["problems"]
    assert any(f"区人社已确认收到本机审计记录至第 {head} 条" in p for p in problems), problems

    _more_work(room)
    assert _last_audit_id(room) > head  # new entries now take the deleted entries' numbers and more
    before = dump(sup)
    report = import_one(sup, export_one(room, tmp_path / "after"))
    assert report.status == "rejected" and report.reason.startswith("E_SYNC_AUDIT_CHAIN"), report.reason
    after = dump(sup)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"audit_anchors", "audit_log"}  # only the note of the refusal, for check
    assert _anchor(sup, room.node.node_id).broken_at is not None

    district = _check(sup)
    assert district.code == 2
    assert any("HP" in p and f"第 {head} 条" in p for p in district.json()["problems"]), district.out
    # a full package cannot paper over it either
    again = import_one(sup, export_one(room, tmp_path / "full", full=True))
    assert again.status == "rejected" and again.reason.startswith("E_SYNC_AUDIT_CHAIN")


def test_a_rewritten_head_is_refused_like_a_cut_one(tmp_path):
    room, sup, head = _anchored_pair(tmp_path)
    room.db.dispose()
    con = sqlite3.connect(room.paths.database)
    try:  # rewrite the head entry and every one after it, consistently chained
        rows = con.execute("SELECT id, at, user, action, entity, entity_id, detail, prev_hash FROM audit_log "
                           "WHERE id >= ? ORDER BY id", (head,)).fetchall()
        from mediation_desktop.storage.outbox import entry_hash

        prev = rows[0][7]
        for rid, at, user, action, entity, entity_id, detail, _ in rows:
            detail = detail.replace("}", ', "x": 1}') if detail != "{}" else '{"x": 1}'
            new = entry_hash(prev, at, user, action, entity, entity_id, detail)
            con.execute("UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?",
                        (detail, prev, new, rid))
            prev = new
        con.commit()
    finally:
        con.close()
    head_file(room.paths).unlink(missing_ok=True)
    shutil.rmtree(room.paths.backups, ignore_errors=True)
    room.paths.backups.mkdir()
    assert any("内容不同" in p for p in _check(room).json()["problems"])
    report = import_one(sup, export_one(room, tmp_path / "full", full=True))
    assert report.reason.startswith("E_SYNC_AUDIT_CHAIN") and f"第 {head} 条" in report.reason


def test_an_intact_trail_moves_the_anchor_on_and_a_dry_run_marks_nothing(tmp_path):
    room, sup, head = _anchored_pair(tmp_path)
    _more_work(room)
    package = export_one(room, tmp_path / "next")
    assert import_one(sup, package, dry_run=True).status == "imported"
    assert _anchor(sup, room.node.node_id).last_seq == head
    assert import_one(sup, package).status == "imported"
    assert _anchor(sup, room.node.node_id).last_seq > head
    # a resend of everything (full) continues the same chain
    assert import_one(sup, export_one(room, tmp_path / "full", full=True)).status == "imported"
    assert _check(sup).code == 0 and _check(room).code == 0


def test_a_cut_trail_seen_in_a_dry_run_is_refused_but_not_noted(tmp_path):
    room, sup, head = _anchored_pair(tmp_path)
    _cut_the_tail(room, head - 1)
    _more_work(room)
    before = dump(sup)
    report = import_one(sup, export_one(room, tmp_path / "after"), dry_run=True)
    assert report.status == "rejected" and report.reason.startswith("E_SYNC_AUDIT_CHAIN")
    assert dump(sup) == before


def test_a_lost_package_does_not_look_like_a_cut_trail(tmp_path):
    """A package lost on the way leaves a gap in the audit entries the district received; the
    district's next package asks for a resend (held), and the room then resends its entries from
    the head the district holds, so the chain continues."""
    room, sup, head = _anchored_pair(tmp_path)
    _more_work(room)
    export_one(room, tmp_path / "lost")               # never arrives
    _more_work(room)
    assert import_one(sup, export_one(room, tmp_path / "later")).status == "held"
    assert import_one(room, export_one(sup, tmp_path / "down")).status == "imported"
    _more_work(room)
    report = import_one(sup, export_one(room, tmp_path / "resend"))
    assert report.status == "imported", report.reason
    assert _anchor(sup, room.node.node_id).last_seq > head
    assert _check(sup).code == 0 and _check(room).code == 0


def test_entries_proving_the_head_lift_an_earlier_mark(tmp_path):
    """A refusal noted earlier (say, a package whose entries started past a gap) is lifted when the
    room's entries later prove the head is still in its chain; cut entries never can."""
    from mediation_desktop.sync.audit_anchor import AuditChainBroken, mark_broken

    room, sup, head = _anchored_pair(tmp_path)
    with sup.db.write() as conn:
        mark_broken(conn, AuditChainBroken(room.node.node_id, "HP", f"第 {head + 5} 条没有接在已收到的第 {head} 条之后"))
    assert _check(sup).code == 2
    _more_work(room)
    assert import_one(sup, export_one(room, tmp_path / "resend", since_ack=True)).status == "imported"
    assert _anchor(sup, room.node.node_id).broken_at is None
    assert _check(sup).code == 0


# -- the continuation rule itself, over arbitrary chains ----------------------------------------------

def _chain(n: int, salt: str, base: list[dict] | None = None, from_id: int = 1) -> list[dict]:
    """Entries 1..n linked by hashes; with ``base``, entries before ``from_id`` are base's own."""
    import hashlib

    out: list[dict] = list((base or [])[:from_id - 1])
    prev = out[-1]["hash"] if out else "0" * 64
    for i in range(len(out) + 1, n + 1):
        digest = hashlib.sha256(f"{prev}|{i}|{salt}".encode()).hexdigest()
        out.append({"id": i, "prev_hash": prev, "hash": digest})
        prev = digest
    return out


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_an_intact_chain_always_continues_its_head(data):
    from mediation_desktop.sync.audit_anchor import _break

    n = data.draw(st.integers(1, 40))
    chain = _chain(n, "a")
    k = data.draw(st.integers(1, n))
    a = data.draw(st.integers(1, n))
    b = data.draw(st.integers(a, n))
    full = data.draw(st.booleans()) and a == 1 and b == n
    verdict = _break(k, chain[k - 1]["hash"], chain[a - 1:b], full=full)
    if a <= k + 1:
        assert verdict is None
    else:  # a gap after the head proves nothing: refused, and the room resends from the head
        assert verdict is not None


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_chain_rewritten_at_or_before_the_head_never_continues_it(data):
    from mediation_desktop.sync.audit_anchor import _break

    n = data.draw(st.integers(1, 40))
    chain = _chain(n, "a")
    k = data.draw(st.integers(1, n))
    j = data.draw(st.integers(1, k))                  # the first entry cut or rewritten
    m = data.draw(st.integers(j - 1, 60))             # the room's chain now ends at m
    forged = _chain(m, "b", base=chain, from_id=j)
    head = chain[k - 1]["hash"]
    if m == 0:
        return
    a = data.draw(st.integers(1, m))
    b = data.draw(st.integers(a, m))
    window = forged[a - 1:b]
    verdict = _break(k, head, window, full=(a == 1 and b == m))
    if a <= k <= b or a >= k + 1 or (a == 1 and b == m and m < k):
        assert verdict is not None
    elif b < k and not (a == 1 and b == m):
        assert verdict is None  # entries wholly below the head, not a whole trail: nothing to tell
