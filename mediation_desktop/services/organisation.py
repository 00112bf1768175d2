"""This organisation's settings: name, address, the arbitration committee named in termination
notices, and the case-number pattern."""

from __future__ import annotations

from typing import Any

from mediation_desktop.core.case_numbers import PLACEHOLDERS
from mediation_desktop.core.case_numbers import check_case_no_pattern as _check_pattern
from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.model import Organisation
from mediation_desktop.core.rules import clean_text
from mediation_desktop.core.validation import check_phone
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.permissions import require_backend
from mediation_desktop.storage.nodes import save_organisation
from mediation_desktop.storage.outbox import audit, record_changes

PATTERN_FIELDS = set(PLACEHOLDERS)
EDITABLE = ("name", "address", "phone", "arbitration_name", "arbitration_address", "case_no_pattern")


def check_case_no_pattern(pattern: str, org_code: str | None = None) -> str:
    """A pattern such as ``{org_code}劳调〔{year}〕{seq}号`` (the rules: core.case_numbers)."""
    return _check_pattern(pattern, org_code)


def check_contact(key: str, value: str | None) -> str | None:
    """The organisation's ``address`` or ``phone`` as the notices print it ("地址：…，联系电话：…"):
    the text rules, and a phone number a party can dial; empty is None (printed as a blank line)."""
    if value is None:
        return None
    cleaned = clean_text(f"org.{key}", value, field=key)
    if key == "phone" and cleaned:
        cleaned = check_phone(cleaned, field="phone")
    return cleaned or None


def update_organisation(backend: Backend, **changes: str | None) -> Organisation:
    """Check every change first; only a fully valid set is saved (and only then seen by the app)."""
    from dataclasses import replace

    require_backend(backend, "org.settings")
    values: dict[str, Any] = {}   # str, or None for a cleared optional setting
    for key, value in changes.items():
        if key not in EDITABLE:
            raise ValidationError("E_ARGUMENT", f"不能修改的设置：{key}", field=key)
        if value is None:
            continue
        value = clean_text(f"org.{key}", value, field=key)
        if key == "case_no_pattern":
            value = check_case_no_pattern(value, backend.node.org.code)
        if key == "name" and not value:
            raise ValidationError("E_REQUIRED", "组织名称不能为空", field="name")
        if key in ("address", "phone"):
            value = check_contact(key, value) or ""
        values[key] = value if key in ("name", "case_no_pattern") else (value or None)
    org = replace(backend.node.org, **values)
    with backend.db.write() as conn:
        save_organisation(conn, org, backend.node.node_id)
        record_changes(conn, "organisation", [org.id])
        audit(conn, backend.user, "organisation_update", "organisation", org.id, values)
    backend.node.org = org
    return org
