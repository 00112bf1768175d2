"""Roles and permissions, accounts, sign-in with growing delays."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from mediation_desktop.core import clock
from mediation_desktop.core.clock import now
from mediation_desktop.core.errors import PermissionDenied, UserError
from mediation_desktop.services import accounts
from mediation_desktop.services import permissions as perms
from mediation_desktop.services.backend import Backend
from mediation_desktop.storage.schema import audit_log, cases, users

# The whole table, written out: a change to GRANTS must change this test too.
M, H, S, A = "mediator", "head", "supervisor", "admin"
EXPECTED = {
    "case.read": {M, H, S},
    "case.view_personal": {M, H},
    "case.register": {M, H},
    "case.accept": {M, H},
    "case.record": {M, H},
    "case.conclude": {M, H},
    "case.close": {H},
    "case.reopen": {H},
    "document.generate": {M, H},
    "ledger.import": {M, H},
    "data.export": {H, S},
    "sync.import": {H, S},
    "consolidated.read": {S},
    "remark.write": {S},
    "audit.read": {H, S, A},
    "users.manage": {A},
    "backup.create": {H, A},
    "backup.restore": {A},
    "org.settings": {H, A},
    "template.decide": {H},
    "keys.manage": {H, A},
    "demo.generate": {H, A},
}


def test_expected_table_covers_every_permission():
    assert set(EXPECTED) == set(perms.PERMISSIONS)


@pytest.mark.parametrize("role", perms.ROLES)
@pytest.mark.parametrize("permission", sorted(perms.PERMISSIONS))
def test_each_role_may_do_exactly_what_the_table_says(role, permission):
    if role in EXPECTED[permission]:
        perms.require(role, permission)
    else:
        with pytest.raises(PermissionDenied) as info:
            perms.require(role, permission)
        assert info.value.code == "E_PERMISSION"
        assert perms.PERMISSIONS[permission] in info.value.message


def test_combined_roles_grant_the_union_and_nobody_grants_nothing():
    assert perms.allowed("head+admin", "case.close") and perms.allowed("head+admin", "users.manage")
    assert not perms.allowed("mediator+admin", "case.close")
    for permission in perms.PERMISSIONS:
        assert not perms.allowed("", permission)
        assert not perms.allowed("root", permission)  # an unknown role grants nothing
        assert perms.allowed(perms.OPERATOR, permission)


def test_cli_role_defaults_to_operator_and_can_be_restricted(monkeypatch):
    monkeypatch.delenv(perms.ENV_CLI_ROLE, raising=False)
    assert perms.cli_role() == perms.OPERATOR
    monkeypatch.setenv(perms.ENV_CLI_ROLE, "mediator")
    assert perms.cli_role() == "mediator"
    monkeypatch.setenv(perms.ENV_CLI_ROLE, "god")
    with pytest.raises(UserError):
        perms.cli_role()


@given(st.integers(min_value=0, max_value=50))
def test_retry_delay_never_shrinks_and_locks_after_five(n):
    assert accounts.retry_delay(n + 1) >= accounts.retry_delay(n)
    assert (accounts.retry_delay(n) == timedelta(0)) == (n <= accounts.FREE_ATTEMPTS)
    if n >= accounts.LOCK_AFTER:
        assert accounts.retry_delay(n) == timedelta(minutes=accounts.LOCK_MINUTES)




@pytest.fixture
def backend(data_dir):
    b = Backend.open(data_dir, "tester", must_exist=False)
    b.initialise("和平区劳动人事争议调解中心", "津和平")
    yield b
    b.close()


def test_first_user_is_created_once_and_can_sign_in(backend):
    assert not accounts.has_users(backend)
    first = accounts.create_first_user(backend, "wang", "correct-horse", "王主任")
    assert first.role == "head+admin"
    with pytest.raises(UserError) as info:
        accounts.create_first_user(backend, "li", "another-pass")
    assert info.value.code == "E_USERS_EXIST"
    backend.role = ""
    signed = accounts.sign_in(backend, "wang", "correct-horse")
    assert (backend.user, backend.role) == ("wang", "head+admin") and signed.display_name == "王主任"
    with backend.db.read() as conn:
        hashes = [r for r in conn.execute(select(users.c.password_hash)).scalars()]
    assert hashes[0].startswith("$argon2") and "correct-horse" not in hashes[0]


def test_weak_password_and_bad_names_are_refused(backend):
    for name, pw, code in (("a", "short", "E_PASSWORD_WEAK"), ("a", "aaaaaaaaaa", "E_PASSWORD_WEAK"),
                           ("has space", "good-password", "E_USER_NAME"), ("", "good-password", "E_USER_NAME")):
        with pytest.raises(UserError) as info:
            accounts.create_first_user(backend, name, pw)
        assert info.value.code == code


def test_failures_slow_then_lock_and_survive_a_restart(backend, data_dir):
    accounts.create_first_user(backend, "wang", "correct-horse")
    t0 = now()
    for _ in range(accounts.FREE_ATTEMPTS):
        with pytest.raises(UserError) as info:
            accounts.sign_in(backend, "wang", "wrong", at=t0)
        assert info.value.code == "E_SIGNIN_FAILED"
    with pytest.raises(UserError):
        accounts.sign_in(backend, "wang", "wrong", at=t0)  # third failure: a delay starts
    with pytest.raises(UserError) as info:  # even the right password waits out the delay
        accounts.sign_in(backend, "wang", "correct-horse", at=t0 + timedelta(seconds=1))
    assert info.value.code == "E_SIGNIN_LOCKED"
    t = t0 + timedelta(seconds=10)
    for _ in range(2):  # failures four and five, each after the previous delay
        with pytest.raises(UserError):
            accounts.sign_in(backend, "wang", "wrong", at=t)
        t += timedelta(seconds=30)
    backend.close()
    reopened = Backend.open(data_dir, "x")
    try:
        account = accounts.get_user(reopened, "wang")
        assert account.failed_attempts == 5
        with pytest.raises(UserError) as info:
            accounts.sign_in(reopened, "wang", "correct-horse", at=t)
        assert info.value.code == "E_SIGNIN_LOCKED" and "分钟" in info.value.message
        ok = accounts.sign_in(reopened, "wang", "correct-horse", at=t + timedelta(minutes=accounts.LOCK_MINUTES))
        assert ok.failed_attempts == 0 and ok.locked_until is None
        with reopened.db.read() as conn:
            actions = list(conn.execute(select(audit_log.c.action).where(audit_log.c.action.like("sign_in%"))).scalars())
        assert actions.count("sign_in_failed") == 5 and actions[-1] == "sign_in"
    finally:
        reopened.close()


def test_unknown_user_gets_the_same_answer_as_a_wrong_password(backend):
    accounts.create_first_user(backend, "wang", "correct-horse")
    with pytest.raises(UserError) as unknown:
        accounts.sign_in(backend, "nobody", "correct-horse")
    with pytest.raises(UserError) as wrong:
        accounts.sign_in(backend, "wang", "incorrect")
    assert (unknown.value.code, unknown.value.message) == (wrong.value.code, wrong.value.message)


def test_only_admins_manage_users_and_the_last_admin_stays(backend):
    accounts.create_first_user(backend, "wang", "correct-horse", role="admin")
    backend.role = "admin"
    accounts.add_user(backend, "li", "mediator-pass", "mediator", "李调解员")
    backend.role = "mediator"
    with pytest.raises(PermissionDenied):
        accounts.add_user(backend, "zhao", "mediator-pass", "mediator")
    with pytest.raises(PermissionDenied):
        accounts.change_password(backend, "wang", "hijacked-pass")  # a reset needs users.manage
    accounts.change_password(backend, "li", "new-mediator-pass", old_password="mediator-pass")
    backend.role = "admin"
    with pytest.raises(UserError) as info:
        accounts.set_active(backend, "wang", False)
    assert info.value.code == "E_LAST_ADMIN"
    accounts.set_active(backend, "li", False)
    with pytest.raises(UserError) as info:
        accounts.sign_in(backend, "li", "new-mediator-pass")
    assert info.value.code == "E_SIGNIN_FAILED"  # as for an unknown name: nothing to probe


def _case_in(backend, status: str, concluded: bool = False) -> str:
    with backend.db.read() as conn:
        stmt = select(cases.c.case_no).where(cases.c.status == status)
        stmt = stmt.where(cases.c.outcome.isnot(None) if concluded else cases.c.outcome.is_(None))
        return conn.execute(stmt.limit(1)).scalar_one()


def test_only_the_head_closes_and_reopens_a_case(backend):
    from mediation_desktop.services.cases import CaseService
    from mediation_desktop.services.demo import fill_demo

    fill_demo(backend, 200)
    service = CaseService(backend)
    concluded = _case_in(backend, "mediating", concluded=True)
    for role in ("mediator", "supervisor", "admin", ""):
        backend.role = role
        with pytest.raises(PermissionDenied):
            service.close(concluded, clock.today())
    assert service.get(concluded).status == "mediating"  # refused before anything changed
    backend.role = "head"
    assert service.close(concluded, clock.today()).status == "closed"
    backend.role = "mediator"
    with pytest.raises(PermissionDenied):
        service.reopen(concluded)
    backend.role = "head"
    assert service.reopen(concluded).status != "closed"
    backend.role = "supervisor"
    with pytest.raises(PermissionDenied):
        service.reopen(_case_in(backend, "closed", concluded=True))


def test_an_unknown_name_is_checked_against_a_hash_of_the_real_parameters(monkeypatch):
    """The written-out dummy hash has the production hasher's cost; a hasher of another cost gets a
    dummy of its own, so an unknown name never answers faster than a wrong password."""
    from argon2 import PasswordHasher, extract_parameters

    production = PasswordHasher()
    written = "$argon2id$v=19$m=65536,t=3,p=4$Vq+nMM7HpSySoBOkJHfogg$BqzFYmHYQTqy6K0OKKrXJU5AwkOL0Wv5obqinP3ok9Q"
    monkeypatch.setattr(accounts, "_hasher", production)
    monkeypatch.setattr(accounts, "_DUMMY_HASH", written)
    assert accounts._dummy_hash() == written
    assert extract_parameters(written) == extract_parameters(production.hash("x"))
    other = PasswordHasher(time_cost=2, memory_cost=256, parallelism=1)
    monkeypatch.setattr(accounts, "_hasher", other)
    assert extract_parameters(accounts._dummy_hash()) == extract_parameters(other.hash("x"))
