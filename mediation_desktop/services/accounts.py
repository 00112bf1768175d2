"""Local user accounts: argon2 password hashes, sign-in with a growing delay after failures.

Failed attempts and the lock-out time live in the ``users`` row, so restarting the app does not
reset them. An unknown name and a wrong password give the same answer (no probing for names).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from mediation_desktop.core.clock import now as clock_now
from mediation_desktop.core.errors import NotFoundError, UserError
from mediation_desktop.core.model import new_id
from mediation_desktop.services import permissions as perms
from mediation_desktop.storage import users_repo as repo
from mediation_desktop.storage.outbox import audit

log = logging.getLogger(__name__)

_hasher = PasswordHasher()
MIN_PASSWORD = 8
FREE_ATTEMPTS = 2           # failures before any delay
LOCK_AFTER = 5              # failures that lock the account for LOCK_MINUTES
LOCK_MINUTES = 15
# The hash an unknown name is checked against, so that its refusal costs one argon2 check like any
# other. Written out rather than hashed at import (a full argon2 hash, about 0.2 s, on the path of
# every start); ``_dummy_hash`` makes a fresh one should the hasher's parameters ever differ.
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$Vq+nMM7HpSySoBOkJHfogg$BqzFYmHYQTqy6K0OKKrXJU5AwkOL0Wv5obqinP3ok9Q"


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    display_name: str
    role: str
    active: bool
    failed_attempts: int
    locked_until: datetime | None

    @property
    def role_label(self) -> str:
        return perms.role_label(self.role)


def retry_delay(failed_attempts: int) -> timedelta:
    """How long sign-in stays refused after this many consecutive failures: none for the first
    two, then 5 s doubling (5, 10, ...), and LOCK_MINUTES from the LOCK_AFTER-th on."""
    if failed_attempts <= FREE_ATTEMPTS:
        return timedelta(0)
    if failed_attempts >= LOCK_AFTER:
        return timedelta(minutes=LOCK_MINUTES)
    return timedelta(seconds=5 * 2 ** (failed_attempts - FREE_ATTEMPTS - 1))


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError("E_PASSWORD_WEAK", f"密码至少需要{MIN_PASSWORD}个字符", field="password")
    if len(set(password)) < 3:
        raise UserError("E_PASSWORD_WEAK", "密码过于简单，请混用不同的字符", field="password")


def _check_name(name: str) -> str:
    # The same rule as --user (core.validation): an account name is what the audit trail records.
    from mediation_desktop.core.validation import check_user_name

    name = (name or "").strip()
    if not name or len(name) > 50 or any(c.isspace() for c in name):
        raise UserError("E_USER_NAME", "用户名不能为空、不能含空格，最多50个字符", field="name")
    return check_user_name(name, field="name")


def _row_to_account(r) -> Account:  # a Row
    locked = datetime.fromisoformat(r.locked_until) if r.locked_until else None
    return Account(r.id, r.name, r.display_name, r.role, bool(r.active), r.failed_attempts, locked)


def list_users(backend) -> list[Account]:  # services.backend.Backend
    perms.require_backend(backend, "users.manage")
    with backend.db.read() as conn:
        return [_row_to_account(r) for r in repo.all_users(conn)]


def get_user(backend, name: str) -> Account:
    with backend.db.read() as conn:
        r = repo.find_user(conn, name)
    if r is None:
        raise NotFoundError("E_USER_NOT_FOUND", f"没有名为“{name}”的用户")
    return _row_to_account(r)


def has_users(backend) -> bool:
    with backend.db.read() as conn:
        return repo.count_users(conn) > 0


def _insert(conn, actor: str, name: str, display_name: str, role: str, password: str) -> Account:
    name = _check_name(name)
    role = perms.join_roles(perms.parse_roles(role) - {perms.OPERATOR})
    if not role:
        raise UserError("E_ROLE", "请为用户选择角色：调解员、组织负责人、区人社监管或管理员", field="role")
    check_password_strength(password)
    if repo.find_user(conn, name) is not None:
        raise UserError("E_USER_EXISTS", f"用户名“{name}”已被使用", field="name")
    uid = new_id()
    display = (display_name or name).strip()[:50]
    repo.insert_user(conn, id=uid, name=name, display_name=display, role=role, password_hash=_hasher.hash(password),
                     active=True, failed_attempts=0, locked_until=None, created_at=clock_now().isoformat())
    audit(conn, actor, "user_add", "user", uid, {"name": name, "role": role})
    return Account(uid, name, display, role, True, 0, None)


def create_first_user(backend, name: str, password: str, display_name: str = "",
                      role: str | None = None) -> Account:
    """The account created by the setup wizard: by default the head who also administers (a small
    room has nobody else to do it); at a district node the supervisor who also administers, so the
    district's first user reads the rooms' cases and writes remarks. Refused once any account exists."""
    if role is None:
        role = "supervisor+admin" if backend.node.role == "supervisor" else "head+admin"
    with backend.db.write() as conn:
        if repo.count_users(conn):
            raise UserError("E_USERS_EXIST", "已经有用户账户，请由管理员在“用户管理”中添加新用户")
        account = _insert(conn, _check_name(name), name, display_name, role, password)
    log.info("first user account created (role %s)", account.role)
    return account


def add_user(backend, name: str, password: str, role: str, display_name: str = "") -> Account:
    perms.require_backend(backend, "users.manage")
    with backend.db.write() as conn:
        return _insert(conn, backend.user, name, display_name, role, password)


def _active_admins(conn, excluding: str | None = None) -> int:
    return sum(1 for name, role in repo.active_user_roles(conn)
               if name != excluding and perms.ADMIN in perms.parse_roles(role))


def set_active(backend, name: str, active: bool) -> Account:
    perms.require_backend(backend, "users.manage")
    with backend.db.write() as conn:
        r = repo.find_user(conn, name)
        if r is None:
            raise NotFoundError("E_USER_NOT_FOUND", f"没有名为“{name}”的用户")
        if not active and perms.ADMIN in perms.parse_roles(r.role) and _active_admins(conn, excluding=name) == 0:
            raise UserError("E_LAST_ADMIN", "不能停用最后一个管理员账户，否则没有人能再管理用户")
        values: dict[str, object] = {"active": active}
        if active:
            values.update(failed_attempts=0, locked_until=None)
        repo.update_user(conn, r.id, **values)
        audit(conn, backend.user, "user_enable" if active else "user_disable", "user", r.id, {"name": name})
    return get_user(backend, name)


def set_role(backend, name: str, role: str) -> Account:
    perms.require_backend(backend, "users.manage")
    new_role = perms.join_roles(perms.parse_roles(role) - {perms.OPERATOR})
    if not new_role:
        raise UserError("E_ROLE", "请为用户选择角色", field="role")
    with backend.db.write() as conn:
        r = repo.find_user(conn, name)
        if r is None:
            raise NotFoundError("E_USER_NOT_FOUND", f"没有名为“{name}”的用户")
        if perms.ADMIN not in perms.parse_roles(new_role) and _active_admins(conn, excluding=name) == 0:
            raise UserError("E_LAST_ADMIN", "不能取消最后一个管理员的管理员角色")
        repo.update_user(conn, r.id, role=new_role)
        audit(conn, backend.user, "user_role", "user", r.id, {"name": name, "from": r.role, "to": new_role})
    return get_user(backend, name)


def change_password(backend, name: str, new_password: str, old_password: str | None = None) -> None:
    """Users change their own password with the old one; administrators reset anyone's."""
    check_password_strength(new_password)
    with backend.db.write() as conn:
        r = repo.find_user(conn, name)
        if r is None:
            raise NotFoundError("E_USER_NOT_FOUND", f"没有名为“{name}”的用户")
        if old_password is not None:
            if not _verify(r.password_hash, old_password):
                raise UserError("E_PASSWORD_WRONG", "原密码不正确", field="old_password")
        else:
            perms.require_backend(backend, "users.manage")
        repo.update_user(conn, r.id, password_hash=_hasher.hash(new_password), failed_attempts=0, locked_until=None)
        audit(conn, backend.user, "user_password", "user", r.id, {"name": name, "reset": old_password is None})


def _dummy_hash() -> str:
    global _DUMMY_HASH
    if _hasher.check_needs_rehash(_DUMMY_HASH):
        _DUMMY_HASH = _hasher.hash("timing-equaliser")
    return _DUMMY_HASH


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def sign_in(backend, name: str, password: str, *, at: datetime | None = None) -> Account:
    """Check a password. On success the back end acts as this account (user name and role).

    A refusal is raised only after its transaction commits, so the failure count sticks."""
    at = at or clock_now()
    name = (name or "").strip()
    error: UserError | None = None
    with backend.db.write() as conn:
        r = repo.find_user(conn, name)
        locked = datetime.fromisoformat(r.locked_until) if r is not None and r.locked_until else None
        if r is None or not r.active:
            # An unknown name and a disabled account look the same from outside: one argon2 check
            # of the same cost and the same words, so neither the answer nor its time tells a
            # prober which names exist. The audit trail says which it was.
            _verify(_dummy_hash() if r is None else r.password_hash, password)
            audit(conn, name or "?", "sign_in_failed", "user", r.id if r else None,
                  {"name": name, "reason": "unknown" if r is None else "disabled"})
            error = UserError("E_SIGNIN_FAILED", "用户名或密码不正确")
        elif locked is not None and locked > at:
            error = _locked_error(locked - at)
        elif not _verify(r.password_hash, password):
            failures = r.failed_attempts + 1
            delay = retry_delay(failures)
            repo.update_user(conn, r.id, failed_attempts=failures,
                             locked_until=(at + delay).isoformat() if delay else None)
            audit(conn, name, "sign_in_failed", "user", r.id, {"name": name, "failures": failures})
            error = (_locked_error(delay) if delay >= timedelta(minutes=LOCK_MINUTES)
                     else UserError("E_SIGNIN_FAILED", "用户名或密码不正确"))
        else:
            values: dict[str, object] = {"failed_attempts": 0, "locked_until": None}
            if _hasher.check_needs_rehash(r.password_hash):
                values["password_hash"] = _hasher.hash(password)
            repo.update_user(conn, r.id, **values)
            audit(conn, name, "sign_in", "user", r.id, {"name": name})
    if error is not None:
        raise error
    account = get_user(backend, name)
    backend.user, backend.role = account.name, account.role
    return account


def _locked_error(remaining: timedelta) -> UserError:
    seconds = max(1, int(remaining.total_seconds() + 0.999))
    wait = f"{seconds}秒" if seconds < 120 else f"{(seconds + 59) // 60}分钟"
    return UserError("E_SIGNIN_LOCKED", f"密码错误次数过多，请{wait}后再试")


def sign_out(backend) -> None:
    """Back to nobody: the GUI shows the sign-in dialog again."""
    with backend.db.write() as conn:
        audit(conn, backend.user, "sign_out", "user", None, {})
    backend.role = ""
