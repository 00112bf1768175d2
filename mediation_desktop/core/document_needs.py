"""Which documents a case's stage still calls for: each document its record permits that has not been
generated yet (受理通知书 once accepted, 调解协议书 once agreed, …), and a 送达回证 for each served
document that has none. The case page lists them so nothing is forgotten before closing."""

from __future__ import annotations

from collections.abc import Iterable

from mediation_desktop.core.document_stages import permitted
from mediation_desktop.core.model import Case

# Documents served on the parties, each with its own receipt (送达回证).
SERVED = ("acceptance", "rejection", "agreement", "termination")
# The application record and the mediation record are kept on file, not served; the extension
# confirmation is signed by both parties in the room.
ON_FILE = ("application", "record", "extension")


def needed_documents(case: Case, generated: Iterable[str], served: Iterable[str] = ()) -> list[tuple[str, str | None]]:
    """``(kind, served kind)`` still needed, in the standard order: ``(kind, None)`` for a document not
    yet generated, ``("service", kind)`` for a served document without a receipt. ``generated`` are
    the kinds generated so far, ``served`` the kinds the receipts generated so far name."""
    have = set(generated)
    receipts = set(served)
    allowed = {kind for kind, reason in permitted(case).items() if reason is None}
    needs: list[tuple[str, str | None]] = [(kind, None) for kind in (*ON_FILE, *SERVED)
                                          if kind in allowed and kind not in have]
    needs += [("service", kind) for kind in SERVED if kind in have and kind in allowed and kind not in receipts]
    return needs


def describe_needs(needs: list[tuple[str, str | None]], labels: dict[str, str]) -> str:
    return "、".join(labels.get(kind, kind) if served is None else f"{labels.get(kind, kind)}（{labels.get(served, served)}）"
                    for kind, served in needs)
