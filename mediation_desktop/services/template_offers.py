"""Templates a district package offers: listed, previewed, then accepted or declined by the head.

A template is a program (documents/template_safety.py), so one arriving in a package is never
installed by the import: it waits in ``template_offers`` until the organisation head has looked at a
rendered sample. Accepting checks it again in the sandbox (an unsafe or broken template cannot be
accepted), writes it to the data folder's ``templates/`` atomically and audits the decision in the
same transaction; declining only records and audits the decision.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from mediation_desktop.core.errors import NotFoundError, UserError
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.permissions import require_backend
from mediation_desktop.storage import templates_repo
from mediation_desktop.storage.outbox import audit
from mediation_desktop.storage.templates_repo import ACCEPTED, DECLINED, OFFERED, TemplateOffer

PERMISSION = "template.decide"


def offer_name(name: str) -> str:
    """``agreement`` or ``agreement.docx`` -> ``agreement.docx`` (the name a package uses)."""
    name = (name or "").strip()
    return name if name.lower().endswith(".docx") else f"{name}.docx"


def kind_of(name: str) -> str:
    return name[: -len(".docx")] if name.lower().endswith(".docx") else name


def list_offers(backend: Backend, *, all_statuses: bool = False, check: bool = True) -> list[dict]:
    """Pending offers (or every offer, decided ones too), newest first, as plain dicts.

    With ``check``, each pending offer carries ``problem``: the refusal its sample render gives
    (E_TEMPLATE_UNSAFE or E_TEMPLATE with the placeholder), or None when it can be accepted."""
    require_backend(backend, PERMISSION)
    with backend.db.read() as conn:
        offers = templates_repo.list_offers(conn, None if all_statuses else OFFERED)
        contents = {o.id: templates_repo.offer_content(conn, o.id) for o in offers if check and o.status == OFFERED}
    result = []
    for offer in offers:
        item = _as_dict(offer)
        if offer.id in contents:
            item["problem"] = _problem(offer.name, contents[offer.id])
        result.append(item)
    return result


def preview(backend: Backend, name: str, out: Path) -> Path:
    """Render the sample case through the pending offer ``name`` into ``out`` (.docx)."""
    require_backend(backend, PERMISSION)
    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise UserError("E_DOC_PATH", "输出文件名应以 .docx 结尾")
    offer, content = _pending(backend, name)
    _render_sample(offer.name, content, out)
    return out


def accept(backend: Backend, name: str) -> dict:
    """Check the pending offer in the sandbox, install it as ``templates/<name>`` and audit it."""
    require_backend(backend, PERMISSION)
    offer, content = _pending(backend, name)
    problem = _problem(offer.name, content)
    if problem is not None:
        code, message = problem.split(": ", 1)
        raise UserError(code, f"不能接受模板“{offer.name}”：{message}。可以拒绝它，请区人社修改后重新下发")
    target = backend.paths.templates / offer.name
    with backend.db.write() as conn:
        if not templates_repo.decide(conn, offer.id, ACCEPTED, backend.user):
            raise _gone(offer.name)
        audit(conn, backend.user, "template_accept", "template", offer.id,
              {"name": offer.name, "sha256": offer.sha256, "from_node": offer.from_node,
               "package_id": offer.package_id})
        _install(target, content)  # last: a failed write rolls the decision back
    return {**_as_dict(offer), "status": ACCEPTED, "installed": str(target)}


def decline(backend: Backend, name: str) -> dict:
    require_backend(backend, PERMISSION)
    offer, _content = _pending(backend, name)
    with backend.db.write() as conn:
        if not templates_repo.decide(conn, offer.id, DECLINED, backend.user):
            raise _gone(offer.name)
        audit(conn, backend.user, "template_decline", "template", offer.id,
              {"name": offer.name, "sha256": offer.sha256, "from_node": offer.from_node,
               "package_id": offer.package_id})
    return {**_as_dict(offer), "status": DECLINED}


# -- helpers ------------------------------------------------------------------------------------

def _as_dict(offer: TemplateOffer) -> dict:
    from mediation_desktop.documents import KINDS

    kind = kind_of(offer.name)
    return {"name": offer.name, "kind": kind, "title": KINDS.get(kind, ""), "sha256": offer.sha256,
            "size": offer.size, "from_node": offer.from_node, "from_org": offer.from_org,
            "package_id": offer.package_id, "received_at": offer.received_at, "status": offer.status,
            "decided_by": offer.decided_by, "decided_at": offer.decided_at}


def _pending(backend: Backend, name: str) -> tuple[TemplateOffer, bytes]:
    wanted = offer_name(name)
    with backend.db.read() as conn:
        offer = templates_repo.pending_offer(conn, wanted)
        if offer is None:
            raise NotFoundError("E_TEMPLATE_OFFER_NOT_FOUND",
                                f"没有待处理的下发模板“{wanted}”。运行 templates list 查看待处理的模板")
        content = templates_repo.offer_content(conn, offer.id)
    if hashlib.sha256(content).hexdigest() != offer.sha256:
        raise UserError("E_TEMPLATE_OFFER_DAMAGED", f"下发模板“{wanted}”的内容与其摘要不符，数据库可能已损坏，请运行 check")
    return offer, content


def _gone(name: str) -> UserError:
    return UserError("E_TEMPLATE_OFFER_NOT_FOUND", f"下发模板“{name}”刚刚已被他人处理，请刷新后重试")


def _render_sample(name: str, content: bytes, out: Path) -> None:
    """The sample case through the offered file, from a private temporary copy."""
    from mediation_desktop.documents.rendering import render_sample

    with tempfile.TemporaryDirectory(prefix="offered-template-") as folder:
        copy = Path(folder) / name
        copy.write_bytes(content)
        try:
            render_sample(kind_of(name), copy, out)
        except UserError as exc:  # name the offer, not the temporary copy
            raise UserError(exc.code, exc.message.replace(f"模板文件“{copy}”", f"下发的模板“{name}”")) from None


def _problem(name: str, content: bytes) -> str | None:
    """``"CODE: message"`` when the offered template cannot be used, else None."""
    with tempfile.TemporaryDirectory(prefix="offered-check-") as folder:
        try:
            _render_sample(name, content, Path(folder) / "sample.docx")
        except UserError as exc:
            return f"{exc.code}: {exc.message}"
    return None


def _install(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(prefix=".offered-", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    except PermissionError as exc:
        raise UserError("E_FILE_IN_USE", f"无法写入“{target}”：该文件可能正被 Word 或 WPS 打开，请关闭后重试") from exc
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
