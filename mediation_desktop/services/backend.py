"""The back end a front end talks to: one data folder, one database, one working calendar.

The command line and the GUI both open a :class:`Backend` and call use cases on it; nothing here
imports Qt. Opening runs pending migrations (after a backup) so every caller sees the newest schema.
"""

from __future__ import annotations

import getpass
import logging
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from mediation_desktop.core.calendar import WorkCalendar
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import Organisation, new_id
from mediation_desktop.paths import DataPaths
from mediation_desktop.storage import migrate
from mediation_desktop.storage.engine import Database
from mediation_desktop.storage.nodes import create_node, is_initialised, load_organisation
from mediation_desktop.storage.outbox import audit, this_node

log = logging.getLogger(__name__)


def default_user() -> str:
    try:
        name = getpass.getuser() or "unknown"
    except Exception:  # noqa: BLE001 - no login name (a service account, a container)
        return "unknown"
    # The login name goes into every audit entry and travels in sync packages: keep it to the rules.
    from mediation_desktop.core.rules import repair_text

    return "".join(repair_text("user.name", name).split()) or "unknown"


@dataclass
class NodeInfo:
    node_id: str
    role: str
    org: Organisation


class Backend:
    def __init__(self, paths: DataPaths, user: str | None = None, *, db_url: str | None = None):
        from mediation_desktop.core.validation import check_user_name

        # Checked before anything is created: a name the audit trail or a sync package would refuse
        # is refused here (E_USER_NAME, E_TEXT_*), whichever front end passes it.
        self.user = check_user_name(user) if user else default_user()
        self.paths = paths
        paths.ensure()
        # A PostgreSQL server when one is configured (--database-url, env, the GUI setting:
        # core.database_url); keys, documents, backups of files and logs stay in the data folder.
        from mediation_desktop.core.database_url import configured_database_url

        self.db = Database(configured_database_url(paths.root, db_url) or paths.database)
        self._calendar: WorkCalendar | None = None
        self._node: NodeInfo | None = None
        # The acting role (services.permissions): None = the command line's role; the GUI sets ""
        # until someone signs in, then the account's role.
        self.role: str | None = None
        self._closed = False

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: str | Path | None = None, user: str | None = None, *, must_exist: bool = True,
             check_max_age: timedelta | None = timedelta(days=1)) -> Backend:
        paths = DataPaths.resolve(data_dir)
        from mediation_desktop.core.database_url import configured_database_url

        if configured_database_url(paths.root) is not None:
            return cls._open_server(paths, user, must_exist=must_exist)
        if must_exist and not paths.database.exists():
            raise UserError("E_NOT_INITIALISED", f"数据目录 {paths.root} 中还没有数据库，请先运行 init 命令初始化")
        from mediation_desktop.services.integrity import startup_check

        # quick_check before anything writes (at most daily by default, see startup_check); a damaged
        # file is refused and kept.
        startup_check(paths, check_max_age)
        backend = cls(paths, user)
        backend.migrate()
        return backend

    @classmethod
    def _open_server(cls, paths: DataPaths, user: str | None, *, must_exist: bool) -> Backend:
        """A PostgreSQL server: no file to quick_check and no file lock (the server checks its own
        pages and serialises writers); migrations run once per server (storage.migrate)."""
        backend = cls(paths, user)
        if must_exist and migrate.current_revision(backend.db) is None:
            from mediation_desktop.core.database_url import masked

            backend.db.dispose()
            raise UserError("E_NOT_INITIALISED", f"数据库服务器上的数据库 {masked(backend.db.url or '')} 还没有初始化，"
                            "请先运行 init 命令（区人社：init --role supervisor）")
        backend.migrate()
        return backend

    def migrate(self) -> bool:
        return migrate.upgrade(self.db, backup=lambda: self.backup_before("migration"))

    def backup_before(self, reason: str) -> Path | None:
        """A safety copy before risky work; services.backups decides where and how many."""
        from mediation_desktop.services.backups import take_backup

        return take_backup(self, reason)

    def close(self) -> None:
        if self.db.path is not None and not self._closed:
            from mediation_desktop.services.backups import after_close

            self.db.dispose()
            after_close(self)  # the daily backup when due, and the audit head for `check`
        self._closed = True
        self.db.dispose()

    @property
    def initialised(self) -> bool:
        return is_initialised(self.db)

    # -- the node ----------------------------------------------------------------------------------
    @property
    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            # The database holds the imported tables; holidays/ is their cache (calendar_service).
            from mediation_desktop.services.calendar_service import load_calendar

            self._calendar = load_calendar(self)
        return self._calendar

    def reload_calendar(self) -> None:
        self._calendar = None

    @property
    def node(self) -> NodeInfo:
        if self._node is None:
            with self.db.read() as conn:
                node_id, org_id, role = this_node(conn)
                org = load_organisation(conn, org_id)
            self._node = NodeInfo(node_id, role, org)
        return self._node

    def initialise(self, org_name: str, org_code: str, role: str = "room", district: str | None = None, *,
                   address: str | None = None, phone: str | None = None) -> NodeInfo:
        """This node's organisation and identity in the database. The node's sync keys are made by
        the caller (``sync.trust.create_keys``): services never reach up into sync."""
        from mediation_desktop.core.validation import check_name, check_org_code

        if role not in ("room", "supervisor"):
            raise UserError("E_ROLE", "角色只能是 room（调解组织）或 supervisor（区人社监管）")
        org_name = check_name(org_name, field="org", what="组织名称", rule="org.name")
        org_code = check_org_code(org_code)
        # The address and phone every notice prints; the same rules as 设置→组织信息 and `org set`.
        from mediation_desktop.services.organisation import check_contact

        address, phone = check_contact("address", address), check_contact("phone", phone)
        if self.initialised:
            raise UserError("E_ALREADY_INITIALISED", f"数据目录 {self.paths.root} 已经初始化过，不能重复初始化")
        node_id = new_id()
        org = Organisation(name=org_name, code=org_code, role=role, district_code=district, address=address,
                           phone=phone)
        with self.db.write() as conn:
            create_node(conn, node_id, org)
            audit(conn, self.user, "init", "organisation", org.id, {"org": org_name, "code": org_code, "role": role})
        self._node = NodeInfo(node_id, role, org)
        log.info("initialised node %s as %s", node_id, role)
        return self._node


