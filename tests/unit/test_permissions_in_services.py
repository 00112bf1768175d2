"""Backup, restore, remarks, notices, organisation settings and the statistics return check their
permission in the service itself, before anything is written, so the command line, the GUI and any
later front end get the same answer; and each layer imports only the layers below it (services
never import sync)."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from mediation_desktop.core.errors import PermissionDenied
from mediation_desktop.services import backups, permissions
from mediation_desktop.services.organisation import update_organisation

from .helpers import make_backend

ROLES_AND_COMBINATIONS = (*permissions.ROLES, "head+admin", "mediator+admin", None)


def _audit_count(backend) -> int:
    from mediation_desktop.services.audit_view import AuditFilter, query_audit

    role, backend.role = backend.role, None
    try:
        return len(query_audit(backend, AuditFilter(), limit=10_000))
    finally:
        backend.role = role


@pytest.mark.parametrize("role", ROLES_AND_COMBINATIONS)
def test_backup_to_a_file_is_refused_before_anything_is_written(tmp_path, role):
    backend = make_backend(tmp_path / "data")
    backend.role = role
    out = tmp_path / "copy.sqlite3"
    before = _audit_count(backend)
    if role is None or permissions.allowed(role, "backup.create"):
        assert backups.backup_to_file(backend, out) == out and out.exists()
        assert backups.backup_now(backend) is not None
    else:
        with pytest.raises(PermissionDenied) as refused:
            backups.backup_to_file(backend, out)
        assert refused.value.code == "E_PERMISSION" and "无权备份数据" in refused.value.message
        with pytest.raises(PermissionDenied):
            backups.backup_now(backend)
        assert not out.exists() and _audit_count(backend) == before
        assert not backend.paths.backups.exists() or not any(backend.paths.backups.iterdir())
    backend.close()


@pytest.mark.parametrize("role", ("mediator", "head", "supervisor", "admin"))
def test_restore_is_the_administrators_and_refused_before_the_file_is_touched(tmp_path, role):
    backend = make_backend(tmp_path / "data")
    saved = backups.backup_to_file(backend, tmp_path / "known.sqlite3")
    paths = backend.paths
    backend.close()
    before = paths.database.read_bytes()
    if permissions.allowed(role, "backup.restore"):
        result = backups.restore_database(paths, saved, "admin", role=role)
        assert result.restored_from == saved.resolve()
    else:
        with pytest.raises(PermissionDenied):
            backups.restore_database(paths, saved, "someone", role=role)
        assert paths.database.read_bytes() == before
        assert not list(paths.root.glob("mediation.sqlite3.replaced-*"))


def test_restore_from_the_command_line_follows_the_cli_role(tmp_path, monkeypatch):
    backend = make_backend(tmp_path / "data")
    saved = backups.backup_to_file(backend, tmp_path / "known.sqlite3")
    paths = backend.paths
    backend.close()
    monkeypatch.setenv(permissions.ENV_CLI_ROLE, "head")
    with pytest.raises(PermissionDenied):
        backups.restore_database(paths, saved, "someone")
    monkeypatch.delenv(permissions.ENV_CLI_ROLE)
    assert backups.restore_database(paths, saved, "someone").restored_from == saved.resolve()


@pytest.mark.parametrize("role", ROLES_AND_COMBINATIONS)
def test_organisation_settings_follow_org_settings(tmp_path, role):
    backend = make_backend(tmp_path / "data")
    backend.role = role
    if role is None or permissions.allowed(role, "org.settings"):
        assert update_organisation(backend, address="和平路1号").address == "和平路1号"
    else:
        with pytest.raises(PermissionDenied):
            update_organisation(backend, address="和平路1号")
        backend._node = None
        assert backend.node.org.address != "和平路1号"
    backend.close()


def test_a_head_may_change_the_organisation_settings_the_menu_offers_him(tmp_path):
    # The 组织信息 menu is the head's; the service used to refuse him with 无权管理用户账户.
    assert permissions.allowed("head", "org.settings") and not permissions.allowed("head", "users.manage")


@pytest.mark.parametrize("role", ROLES_AND_COMBINATIONS)
def test_remarks_and_notices_need_remark_write_before_anything_is_written(tmp_path, role):
    from mediation_desktop.services.cases import CaseService
    from mediation_desktop.sync import supervisor

    from .helpers import walk_in

    backend = make_backend(tmp_path / "data", role="supervisor")
    case = CaseService(backend).register(walk_in())
    backend.role = role
    before = _audit_count(backend)
    if role is None or permissions.allowed(role, "remark.write"):
        assert supervisor.add_remark(backend, case.case_no, "请补充证据")
        assert supervisor.add_notice(backend, "通知", "正文")
    else:
        with pytest.raises(PermissionDenied):
            supervisor.add_remark(backend, case.case_no, "请补充证据")
        with pytest.raises(PermissionDenied):
            supervisor.add_notice(backend, "通知", "正文")
        assert _audit_count(backend) == before
    backend.close()


def test_the_report_service_writes_and_audits_only_for_those_allowed(tmp_path):
    from mediation_desktop.services.report_writers import produce_return

    backend = make_backend(tmp_path / "data")
    backend.role = "mediator"
    out = tmp_path / "r.json"
    before = _audit_count(backend)
    with pytest.raises(PermissionDenied):
        produce_return(backend, date(2026, 1, 1), date(2026, 3, 31), out)
    assert not out.exists() and _audit_count(backend) == before
    backend.role = "head"
    ret, written = produce_return(backend, date(2026, 1, 1), date(2026, 3, 31), out)
    assert written.exists() and ret.rows and _audit_count(backend) == before + 1
    backend.close()


@pytest.mark.parametrize("code", ["accept", "not_accept", "extend", "record_session", "agree", "settle", "fail",
                                  "withdraw", "transfer", "record_performance", "close", "reopen", "application"])
@pytest.mark.parametrize("role", permissions.ROLES)
def test_a_case_button_is_offered_exactly_when_the_service_would_allow_it(code, role):
    offered = permissions.may_act(role, code)
    try:
        permissions.require_action(type("B", (), {"role": role})(), code)
    except PermissionDenied:
        checked = False
    else:
        checked = True
    assert offered is checked


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_services_never_import_sync():
    root = Path(__file__).resolve().parents[2] / "mediation_desktop" / "services"
    offenders = {p.name: sorted(m for m in _imports(p) if m.startswith("mediation_desktop.sync"))
                 for p in root.glob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.mark.parametrize("role", ROLES_AND_COMBINATIONS)
def test_the_account_list_is_the_administrators(tmp_path, role):
    from mediation_desktop.services import accounts

    backend = make_backend(tmp_path / "data")
    accounts.create_first_user(backend, "wang", "correct-horse")
    backend.role = role
    if role is None or permissions.allowed(role, "users.manage"):
        assert [a.name for a in accounts.list_users(backend)] == ["wang"]
    else:
        with pytest.raises(PermissionDenied):
            accounts.list_users(backend)
    backend.close()
