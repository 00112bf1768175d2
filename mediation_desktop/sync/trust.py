"""This node's keys and the list of enrolled nodes it trusts (Qt-free use cases).

Keys are made at ``init`` (``create_keys``, called by the init command and the first-start setup),
stored under the data folder's ``keys/`` and protected by the passphrase in env
``MEDIATION_DESKTOP_PASSPHRASE`` when one is set. Another node is enrolled only after its card's
fingerprint, read aloud over the phone, was typed in and matched. A room trusts its district supervisor and the supervisor its rooms; nodes of the same role never exchange packages.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from mediation_desktop.core.errors import UserError
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.permissions import require_backend
from mediation_desktop.storage import sync_repo
from mediation_desktop.storage.outbox import audit
from mediation_desktop.sync.keys import (
    PASSPHRASE_ENV,
    NodeKeys,
    PeerKeys,
    export_card,
    fingerprint,
    generate_node_keys,
    load_private,
    parse_card,
    save_private,
    verify_fingerprint,
)

ROLE_LABELS = {"room": "调解组织", "supervisor": "区人社监管"}
MAX_CARD_FILE = 64 * 1024


def passphrase() -> str | None:
    return os.environ.get(PASSPHRASE_ENV) or None


def create_keys(backend: Backend) -> None:
    """Fresh keys for this (just initialised) node, saved under ``keys/``. ``init`` and the GUI's
    first-start setup call it right after ``Backend.initialise``."""
    node = backend.node
    keys = generate_node_keys(node.node_id, node.org.name, node.org.code, node.org.role)
    save_private(keys, backend.paths.keys, passphrase())


def node_keys(backend: Backend) -> NodeKeys:
    keys = load_private(backend.paths.keys, passphrase())
    if keys.node_id != backend.node.node_id:
        raise UserError("E_KEY_MISMATCH", "本机密钥属于另一个节点（数据目录可能是拷贝来的）。请按密钥遗失流程重新生成密钥并重新登记。")
    return keys


def write_card(backend: Backend, out: Path) -> str:
    """Write this node's public card to ``out``; returns the fingerprint to read aloud."""
    keys = node_keys(backend)
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(export_card(keys))
    except OSError as exc:
        raise UserError("E_FILE_WRITE", f"无法写入名片文件 {out}：{exc.strerror}") from None
    with backend.db.write() as conn:
        audit(conn, backend.user, "keys_export", "node", keys.node_id, {"file": out.name})
    return fingerprint(keys)


def read_card(path: Path):
    path = Path(path)
    try:
        if path.stat().st_size > MAX_CARD_FILE:
            raise UserError("E_CARD_INVALID", "名片文件过大，不是本软件导出的身份名片。")
        return parse_card(path.read_bytes())
    except OSError as exc:
        raise UserError("E_FILE_NOT_FOUND", f"无法读取名片文件 {path}：{exc.strerror}") from None


def trust(backend: Backend, path: Path, typed_fingerprint: str) -> dict:
    """Enrol the node whose card is at ``path`` when ``typed_fingerprint`` matches it."""
    require_backend(backend, "keys.manage")
    card = read_card(path)
    verify_fingerprint(card, typed_fingerprint)
    me = backend.node
    if card.node_id == me.node_id:
        raise UserError("E_KEYS_SELF", "这是本机自己的名片，不需要登记。")
    if card.role == me.role:
        raise UserError("E_KEYS_ROLE", f"双方都是{ROLE_LABELS[me.role]}：调解组织只与区人社监管交换同步包，"
                                       "请登记对方（另一角色）的名片。")
    with backend.db.write() as conn:
        new = sync_repo.save_peer(conn, node_id=card.node_id, org_name=card.org_name, org_code=card.org_code,
                                  role=card.role, card=card.raw.decode("utf-8"), fingerprint=fingerprint(card))
        audit(conn, backend.user, "keys_trust", "node", card.node_id,
              {"org_code": card.org_code, "role": card.role, "new": new})
    return {"node_id": card.node_id, "org_name": card.org_name, "org_code": card.org_code, "role": card.role,
            "fingerprint": fingerprint(card), "new": new}


def find_peer(conn, ref: str):
    """A peer by node id or organisation code (E_PEER_NOT_FOUND when neither matches)."""
    row = sync_repo.get_peer(conn, ref)
    if row is None:
        matches = [p for p in sync_repo.list_peers(conn) if p.org_code == ref]
        if len(matches) == 1:
            row = matches[0]
    if row is None:
        raise UserError("E_PEER_NOT_FOUND", f"没有登记过节点“{ref}”（可用节点编号或机构代码）。")
    return row


def revoke(backend: Backend, ref: str) -> dict:
    """Stop accepting new packages from a node (its key was lost or the PC stolen)."""
    require_backend(backend, "keys.manage")
    with backend.db.write() as conn:
        row = find_peer(conn, ref)
        sync_repo.revoke_peer(conn, row.node_id)
        audit(conn, backend.user, "keys_revoke", "node", row.node_id, {"org_code": row.org_code})
    return {"node_id": row.node_id, "org_code": row.org_code, "status": "revoked"}


def peers(backend: Backend) -> list[dict]:
    with backend.db.read() as conn:
        rows = sync_repo.list_peers(conn)
    return [{"node_id": r.node_id, "org_name": r.org_name, "org_code": r.org_code, "role": r.role,
             "fingerprint": r.fingerprint, "status": r.status, "enrolled_at": r.enrolled_at,
             "revoked_at": r.revoked_at} for r in rows]


def peer_lookup(conn) -> Callable[[str], PeerKeys | None]:
    """What the container asks to check a sender: its public keys, revoked or not. A revoked node's
    packages are refused unless they lie wholly within what we had already applied."""
    def lookup(node_id: str) -> PeerKeys | None:
        row = sync_repo.get_peer(conn, node_id)
        if row is None:
            return None
        card = parse_card(row.card.encode("utf-8"))
        if row.status != "revoked":
            return card.peer_keys()
        state = sync_repo.origin_state(conn, node_id)
        return card.peer_keys(revoked=True, revoked_after_seq=state.high_water if state else 0)
    return lookup
