"""The main window: a page list on the left, the pages on the right, the status bar below.

The window is the shell only. ``start()`` (called after the first paint) runs the start-up sequence
(gui/startup.py: lock, migrations, recovery, first-run setup, sign-in) and builds the desk while the
database opens; once someone has signed in the sequence hands the back end over and the window gives
it to the pages (``ctx.backend``, the one handle). Every other page, and the modules behind it, is
built the first time it is shown: the window is in use before the rest of the program has loaded.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QMainWindow, QStackedWidget, QWidget

from mediation_desktop import APP_TITLE
from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.startup import StartupSequence
from mediation_desktop.gui.tasks import TaskRunner
from mediation_desktop.paths import DataPaths
from mediation_desktop.services.changes import EVERYTHING

log = logging.getLogger("mediation_desktop.gui")

PAGES = ("desk", "cases", "register", "import")
PAGE_TITLES = {"desk": "工作台", "cases": "案件", "register": "登记", "import": "导入台账",
               "overview": "区域总览", "rooms": "调解组织", "deadlines": "期限", "risk": "风险", "statistics": "统计",
               "notices": "通知", "key_enterprises": "重点企业", "sync": "同步", "review": "历史核实"}
# Each node's navigation, by the node's role: a room registers and imports ledgers; the district
# (supervisor) reads every room's cases and writes remarks, notices and the key-enterprise list.
ROOM_NAV = PAGES + ("statistics", "notices", "review")
SUPERVISOR_NAV = ("overview", "rooms", "cases", "deadlines", "risk", "statistics", "notices", "key_enterprises",
                  "sync")
# A navigation entry shown only to accounts holding one of these permissions (services.permissions).
NAV_PERMISSIONS = {"statistics": ("data.export",), "sync": ("data.export", "sync.import"),
                   "overview": ("consolidated.read",), "rooms": ("consolidated.read",),
                   "register": ("case.register",), "import": ("ledger.import",), "risk": ("case.read",),
                   "notices": ("case.read",), "key_enterprises": ("case.read",), "review": ("ledger.import",)}

# Pages reached from the 管理 menu, each shown only to roles holding one of its permissions.
TOOL_PAGES = {
    "sync": ("同步", ("data.export", "sync.import")),
    "users": ("用户管理", ("users.manage",)),
    "audit": ("审计日志", ("audit.read",)),
    "backup": ("备份与恢复", ("backup.create", "backup.restore")),
    "templates": ("下发模板", ("template.decide",)),
    "programme": ("队伍与工作", ("case.read",)),
}
# The organisation's settings: the same permission services.organisation checks.
SETTINGS_PERMISSIONS = ("org.settings",)


def gui_settings(paths: DataPaths) -> QSettings:
    """Window state lives in an INI beside the database, so each data folder (and test) has its own."""
    return QSettings(str(paths.root / "gui.ini"), QSettings.Format.IniFormat)


def run_dialog(dialog: QDialog) -> bool:
    """Every modal question of the start-up sequence goes through here (tests answer them)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def permitted(role: str | None, permissions: tuple[str, ...]) -> bool:
    """Menus ask the services' own permission table, so a shown entry is never refused."""
    from mediation_desktop.services.permissions import allowed_any

    return allowed_any(role, permissions)


class MainWindow(QMainWindow):
    ready = Signal()          # signed in, the database is open and the first page has been asked to load
    refused = Signal(str)     # another window holds this data folder

    def __init__(self, paths: DataPaths, user: str | None = None, ctx: AppContext | None = None,
                 lock=None):  # storage.lock.InstanceLock already claimed by the caller
        super().__init__()
        self.paths = paths
        self.settings = gui_settings(paths)
        self.user = user or self.settings.value("user/name", "", str) or None
        runner = TaskRunner(self)
        runner.log_path = str(paths.log_file)
        self.ctx = ctx or AppContext(runner, self.settings, parent=self)
        self.setWindowTitle(APP_TITLE)
        self.setMinimumSize(QSize(960, 600))
        self.startup = StartupSequence(paths, self.user, self.ctx.runner, self, ask=self.ask,
                                       say=lambda text: self.status.setText(text),
                                       remembered_user=lambda: self.settings.value("user/name", "", str) or "", lock=lock)
        self.startup.finished.connect(self._signed_in)
        self.startup.refused.connect(self.refused)
        self.startup.refused.connect(lambda _message: self.close())
        self.startup.abandoned.connect(self.close)
        self.startup.damaged.connect(self._damaged_after_start)
        self.account = None
        self.idle_lock = None
        self.background = None
        self.tool_pages: dict[str, QWidget] = {}

        self.nav = QListWidget()
        self.nav.setFixedWidth(120)
        self.nav.setSpacing(2)
        self.nav_keys: list[str] = list(PAGES)
        self.nav_widgets: dict[str, QWidget] = {}
        for key in PAGES:
            self.nav.addItem(PAGE_TITLES[key])
        self.stack = QStackedWidget()
        # One holder per room page, so the pages keep their places 0-3 in the stack however late
        # each is built (``_nav_widget`` swaps the page in on its first showing).
        self._holders: dict[str, QWidget] = {key: QLabel("正在准备…") for key in PAGES}
        for key in PAGES:
            self.stack.addWidget(self._holders[key])
        self._pages_built = False
        self._documents_offered = False   # the cases page's batch documents, by the signed-in role
        self._batch_documents: Any = None  # gui.documents.batch.BatchDocuments, with the cases page
        self._detail = None   # built on first use: keeps its imports off the start-up path
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(4, 4, 4, 4)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = QLabel("正在打开数据库…")
        self.statusBar().addWidget(self.status, 1)
        self.sync_status = QLabel("")
        self.statusBar().addPermanentWidget(self.sync_status)

        self.nav.currentRowChanged.connect(self._nav_changed)
        self.ctx.open_case.connect(self.open_case)
        self.ctx.changed.connect(lambda changes: (changes.notices or changes.sync) and self.unread_notices())
        self._previous_page = 0
        self._actions()
        self._menus()
        self._restore()

    def build_pages(self) -> None:
        """The desk, built right after the first paint while the database opens; the page last
        shown too, if it was another. The rest wait for their first showing (``_nav_widget``)."""
        if self._pages_built:
            return
        from mediation_desktop.gui.pages.desk import DeskPage

        self.desk = DeskPage(self.ctx)
        self._place("desk", self.desk)
        self._pages_built = True
        self._nav_changed(max(self.nav.currentRow(), 0))

    def _place(self, key: str, page: QWidget) -> None:
        """Put a room page where its holder stood in the stack."""
        holder = self._holders.pop(key)
        showing = self.stack.currentWidget() is holder
        self.stack.insertWidget(self.stack.indexOf(holder), page)
        if showing:
            self.stack.setCurrentWidget(page)
        self.stack.removeWidget(holder)
        holder.deleteLater()
        self.nav_widgets[key] = page

    def _room_page(self, key: str) -> QWidget:
        """案件, 登记 or 导入台账, built (with its imports) the first time anything needs it."""
        page = self.nav_widgets.get(key)
        if page is not None:
            return page
        if key == "cases":
            from mediation_desktop.gui.documents.batch import install_batch_action
            from mediation_desktop.gui.pages.case_list import CaseListPage

            page = CaseListPage(self.ctx)
            self._batch_documents = install_batch_action(page, self.ctx)
            self._offer_documents()
        elif key == "register":
            from mediation_desktop.gui.pages.register import RegisterPage

            page = RegisterPage(self.ctx)
            page.registered.connect(self.open_case)
        elif key == "import":
            from mediation_desktop.gui.pages.ledger_import import LedgerImportPage

            page = LedgerImportPage(self.ctx)
        else:
            raise KeyError(key)   # the desk is built by build_pages, before anything can show it
        self._place(key, page)
        return page

    @property
    def cases(self):  # CaseListPage
        return self._room_page("cases")

    @property
    def register(self):  # RegisterPage
        return self._room_page("register")

    @property
    def ledger(self):  # LedgerImportPage
        return self._room_page("import")

    @property
    def batch_documents(self):  # gui.documents.batch.BatchDocuments, on the cases page
        self._room_page("cases")
        return self._batch_documents

    def _offer_documents(self) -> None:
        if self._batch_documents is not None:
            self._batch_documents.button.setVisible(self._documents_offered)
            self._batch_documents.action.setVisible(self._documents_offered)

    @property
    def detail(self):  # CaseDetailPage
        if self._detail is None:
            from mediation_desktop.gui.pages.case_detail import CaseDetailPage

            self._detail = CaseDetailPage(self.ctx)
            self._detail.back_requested.connect(self.go_back)
            self.stack.addWidget(self._detail)
        return self._detail

    # -- shell ---------------------------------------------------------------------------------------
    def _actions(self) -> None:
        def add(text: str, shortcut: QKeySequence | str, slot) -> QAction:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        for i, key in enumerate(PAGES):
            add(PAGE_TITLES[key], f"Ctrl+{i + 1}", lambda _=False, i=i: self.show_page(i))
        add("新登记", QKeySequence.StandardKey.New, lambda: self.show_key("register"))
        add("搜索案件", QKeySequence.StandardKey.Find, self.focus_search)
        add("刷新", QKeySequence.StandardKey.Refresh, lambda: self.ctx.announce(EVERYTHING))
        add("返回", "Alt+Left", self.go_back)

    def _menus(self) -> None:
        """管理 and 设置; entries stay hidden until a signed-in role may use them."""
        self.menu_actions: dict[str, QAction] = {}
        manage = self.menuBar().addMenu("管理(&M)")
        for key, (title, _perms) in TOOL_PAGES.items():
            action = manage.addAction(title)
            action.triggered.connect(lambda _=False, key=key: self.show_tool_page(key))
            self.menu_actions[key] = action
        settings = self.menuBar().addMenu("设置(&S)")
        self.menu_actions["organisation"] = settings.addAction("组织信息…")
        self.menu_actions["organisation"].triggered.connect(lambda: self.edit_organisation())
        self.menu_actions["sync_folder"] = settings.addAction("同步文件夹…")
        self.menu_actions["sync_folder"].triggered.connect(lambda: self.edit_sync_folder())
        settings.addSeparator()
        self.menu_actions["lock"] = settings.addAction("锁定窗口")
        self.menu_actions["lock"].setShortcut(QKeySequence("Ctrl+L"))
        self.menu_actions["lock"].triggered.connect(lambda: self.idle_lock and self.idle_lock.lock())
        self._update_menus()

    def _update_menus(self) -> None:
        role = self.ctx.backend.role if self.ctx.backend is not None else ""
        for key, (_title, perms) in TOOL_PAGES.items():
            self.menu_actions[key].setVisible(permitted(role, perms))
        self.menu_actions["organisation"].setVisible(permitted(role, SETTINGS_PERMISSIONS))
        self.menu_actions["sync_folder"].setVisible(permitted(role, TOOL_PAGES["sync"][1]))
        self.menu_actions["lock"].setVisible(self.ctx.backend is not None)

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def show_key(self, key: str) -> QWidget | None:
        """Show a navigation page by its key; None when this node's navigation has no such page."""
        if key not in self.nav_keys:
            return None
        self.show_page(self.nav_keys.index(key))
        return self.nav_widgets.get(key)

    def _nav_changed(self, row: int) -> None:
        if row < 0 or not self._pages_built or row >= len(self.nav_keys):
            return
        key = self.nav_keys[row]
        widget = self._nav_widget(key)
        if widget is None:
            return
        self.stack.setCurrentWidget(widget)
        if key == "cases":
            self.cases.activate()
        elif key in ("desk", "deadlines"):
            pass   # the desk reloads on sign-in and on every change
        elif key == "sync":
            widget.status_page.refresh()
        elif hasattr(widget, "reload") and self.ctx.backend is not None:
            widget.reload()

    def set_navigation(self, node_role: str, role: str | None) -> None:
        """The navigation of this node's role, with the entries the account may use."""
        keys = SUPERVISOR_NAV if node_role == "supervisor" else ROOM_NAV
        keys = tuple(k for k in keys if k not in NAV_PERMISSIONS or permitted(role, NAV_PERMISSIONS[k]))
        current = self.nav_keys[self.nav.currentRow()] if 0 <= self.nav.currentRow() < len(self.nav_keys) else None
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav_keys = list(keys)
        for key in keys:
            title = "通知与批注" if key == "notices" and node_role == "supervisor" else PAGE_TITLES[key]
            self.nav.addItem(title)
        self.nav.blockSignals(False)
        # Documents are the room's own papers: offered only where the account may generate them, and
        # never at the district, whose cases all belong to the rooms.
        self._documents_offered = node_role != "supervisor" and permitted(role, ("document.generate",))
        self._offer_documents()
        # At the district the desk is the 期限 page: the deadlines of every room's cases held here.
        self.desk.title.setText("期限（各调解组织）" if node_role == "supervisor" else "工作台")
        for key in ("statistics", "notices", "key_enterprises"):
            page = self.nav_widgets.get(key)
            if page is not None:
                page.set_role(node_role)
        self.show_page(self.nav_keys.index(current) if current in self.nav_keys else 0)

    def _nav_widget(self, key: str) -> QWidget | None:
        """A navigation page, built the first time it is shown (the district's pages load on demand)."""
        widget = self.nav_widgets.get(key)
        if widget is not None:
            return widget
        if key == "deadlines":
            widget = self.desk   # the desk's deadline lists cover every case held here
        elif key in PAGES:
            return self._room_page(key)
        else:
            widget = self._build_nav_page(key)
            if widget is None:
                return None
            self.stack.addWidget(widget)
        self.nav_widgets[key] = widget
        return widget

    def _build_nav_page(self, key: str) -> QWidget | None:
        node_role = self.ctx.backend.node.role if self.ctx.backend is not None else "room"
        if key == "review":
            # 历史在办案件，请核实: old open cases a ledger import held off the deadline lists.
            from mediation_desktop.gui.pages.ledger_review import LedgerReviewPage

            return LedgerReviewPage(self.ctx)
        if key == "overview":
            from mediation_desktop.gui.pages.district_overview import DistrictOverviewPage

            page = DistrictOverviewPage(self.ctx)
            page.open_room.connect(self.show_room_cases)
            page.show_risk.connect(lambda: self.show_key("risk"))
            return page
        if key == "rooms":
            from mediation_desktop.gui.pages.district_rooms import RoomsPage

            page = RoomsPage(self.ctx)
            page.open_room.connect(self.show_room_cases)
            return page
        if key == "risk":
            from mediation_desktop.gui.pages.district_risk import DistrictRiskPage

            return DistrictRiskPage(self.ctx)
        if key == "statistics":
            from mediation_desktop.gui.pages.statistics import StatisticsPage

            page = StatisticsPage(self.ctx)
        elif key == "notices":
            from mediation_desktop.gui.pages.notices import NoticesPage

            page = NoticesPage(self.ctx)
            page.unread_changed.connect(self._show_unread)
        elif key == "key_enterprises":
            from mediation_desktop.gui.pages.key_enterprises import KeyEnterprisesPage

            page = KeyEnterprisesPage(self.ctx)
        elif key == "sync":
            from mediation_desktop.gui.sync.batch_import import DistrictSyncPage

            return DistrictSyncPage(self.ctx)
        else:
            return None
        page.set_role(node_role)
        return page

    def show_room_cases(self, org_code: str) -> None:
        """The case list filtered to one room (double-click on the overview or the rooms page)."""
        if self.show_key("cases") is not None:
            self.cases.show_room(org_code)

    def _show_unread(self, unread: int) -> None:
        if "notices" in self.nav_keys:
            item = self.nav.item(self.nav_keys.index("notices"))
            if item is not None and self.ctx.backend is not None and self.ctx.backend.node.role == "room":
                item.setText(f"通知（{unread}）" if unread else "通知")

    def focus_search(self) -> None:
        if not self._pages_built or self.show_key("cases") is None:
            return
        self.cases.search.setFocus()
        self.cases.search.selectAll()

    def _on_nav_page(self) -> bool:
        current = self.stack.currentWidget()
        return any(current is w for w in self.nav_widgets.values()) or self.stack.currentIndex() < len(PAGES)

    def _show_off_nav(self, widget: QWidget) -> None:
        """A page outside the list (a case, a 管理 page): remember where to go back to."""
        if self._on_nav_page():
            self._previous_page = max(self.nav.currentRow(), 0)
        self.nav.blockSignals(True)
        self.nav.clearSelection()
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(widget)

    def open_case(self, case_id: str) -> None:
        if not self._pages_built or self.ctx.backend is None:
            return
        self._show_off_nav(self.detail)
        self.detail.show_case(case_id)

    def go_back(self) -> None:
        if not self._on_nav_page():
            self.show_page(self._previous_page)
            widget = self._nav_widget(self.nav_keys[self._previous_page]) \
                if self._previous_page < len(self.nav_keys) and self._pages_built else None
            if widget is not None:
                self.stack.setCurrentWidget(widget)

    def show_tool_page(self, key: str) -> QWidget | None:
        backend = self.ctx.backend
        if backend is None or not permitted(backend.role, TOOL_PAGES[key][1]):
            return None
        page = self.tool_pages.get(key)
        if page is None:
            page = self._build_tool_page(key)
            self.tool_pages[key] = page
            self.stack.addWidget(page)
        elif key == "audit":
            page.reload_choices()
            page.search()
        elif key in ("users", "backup", "templates", "programme"):
            page.reload()
        if key == "sync":
            page.refresh()
        self._show_off_nav(page)
        return page

    def _build_tool_page(self, key: str) -> QWidget:
        if key == "sync":
            from mediation_desktop.gui.sync.page import SyncPage

            return SyncPage(self.ctx)
        if key == "users":
            from mediation_desktop.gui.admin.users_page import UsersPage

            return UsersPage(self.ctx)
        if key == "audit":
            from mediation_desktop.gui.admin.audit_page import AuditPage

            return AuditPage(self.ctx)
        if key == "templates":
            from mediation_desktop.gui.admin.template_offers import TemplateOffersPage

            return TemplateOffersPage(self.ctx)
        if key == "programme":
            from mediation_desktop.gui.programme.team_page import TeamWorkPage

            page = TeamWorkPage(self.ctx)
            page.reload()
            return page
        from mediation_desktop.gui.admin.backup_page import BackupPage

        return BackupPage(self.ctx, restored=self._after_restore)

    def edit_organisation(self) -> QDialog | None:
        backend = self.ctx.backend
        if backend is None or not permitted(backend.role, SETTINGS_PERMISSIONS):
            return None
        from mediation_desktop.gui.settings_dialog import OrganisationDialog

        dialog = OrganisationDialog(self.ctx, self)
        dialog.saved.connect(lambda org: self.setWindowTitle(f"{APP_TITLE} — {org.name}"))
        run_dialog(dialog)
        return dialog

    def edit_sync_folder(self) -> QDialog | None:
        if self.ctx.backend is None:
            return None
        from mediation_desktop.gui.sync.folder_settings import SyncFolderDialog

        dialog = SyncFolderDialog(self.settings, self)
        if run_dialog(dialog) and self.background is not None:
            self.background.sync_now()
        return dialog

    # -- start ---------------------------------------------------------------------------------------
    def ask(self, dialog: QDialog) -> bool:
        """The start-up sequence's modal questions (module-level ``run_dialog``, which tests answer)."""
        return run_dialog(dialog)

    @property
    def lock(self):  # storage.lock.InstanceLock or None
        return self.startup.lock

    def start(self) -> None:
        """Claim the folder, open the database off the GUI thread and build the pages meanwhile (call
        after the first paint); the start-up sequence takes it from there. The opening's result
        arrives by a queued signal, so the pages are built before the sign-in is asked."""
        if not self.startup.claim_folder():
            return
        self.startup.open_database()
        self.build_pages()

    def _signed_in(self, backend, account) -> None:  # Backend, services.accounts.Account
        from mediation_desktop.gui.auth.idle import DEFAULT_IDLE_MINUTES, IdleLock
        from mediation_desktop.gui.background import BackgroundWork

        self.account = account
        self.settings.setValue("user/name", account.name)
        self.ctx.backend = backend
        self._update_menus()
        minutes = self.settings.value("security/idle_minutes", DEFAULT_IDLE_MINUTES, float)
        self.idle_lock = IdleLock(self.ctx, self, minutes=minutes)
        if self.background is None:
            self.background = BackgroundWork(self.ctx, self.settings, self.sync_status, self)
        self.background.start()
        self._ready()

    def _ready(self) -> None:
        backend = self.ctx.require_backend()
        node = backend.node
        self.setWindowTitle(f"{APP_TITLE} — {node.org.name}")
        self.status.setText(f"{node.org.name}（{node.org.code}）　使用人：{backend.user}（{self.account.role_label}）"
                            f"　数据目录：{self.paths.root}")
        self.set_navigation(node.role, backend.role)
        self.unread_notices()
        if self.nav.currentRow() >= 0 and self.nav_keys[self.nav.currentRow()] == "cases":
            self.cases.activate()
        self.desk.reload()
        self.ready.emit()

    def unread_notices(self) -> None:
        """A room's unread notices from the district, on the navigation's 通知 entry."""
        backend = self.ctx.backend
        if backend is None or backend.node.role != "room" or "notices" not in self.nav_keys:
            return
        from mediation_desktop.services.district_messages import notice_counts

        self.ctx.runner.run(lambda: notice_counts(backend)[1], self._show_unread, parent=self)

    def _after_restore(self) -> None:
        """The backup page closed the back end and replaced the file: drop everything that held the
        old one, then open, check and sign in again (the restored file has its own accounts)."""
        self._stop_session()
        self.ctx.backend = None
        for page in self.tool_pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.tool_pages.clear()
        self._update_menus()
        self.show_page(0)
        self.stack.setCurrentIndex(0)
        self.startup.open_database()

    def _damaged_after_start(self, message: str) -> None:
        """The background quick_check found the open file damaged: put the session down (nothing may
        write to it) and offer the recovery dialog; recovering opens and signs in again."""
        self._stop_session()
        self.ctx.runner.wait_for_done(10_000)
        backend, self.ctx.backend = self.ctx.backend, None
        if backend is not None:
            backend.close()
        for page in self.tool_pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.tool_pages.clear()
        self._update_menus()
        self.startup.recover(message)

    def _stop_session(self) -> None:
        self.startup.stop_check()
        if self.idle_lock is not None:
            self.idle_lock.stop()
            self.idle_lock = None
        if self.background is not None:
            self.background.stop()

    # -- state ---------------------------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        last = self.settings.value("window/page", 0, int)
        self.show_page(last if 0 <= last < len(PAGES) else 0)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        register = self.nav_widgets.get("register")   # never built: nothing typed into it
        if register is not None and register.dirty and not messages.ask(
                self, "有未保存的登记", "登记表中有尚未保存的内容，关闭后将丢失。确定关闭吗？",
                yes="关闭", no="返回继续填写"):
            event.ignore()
            return
        self._stop_session()
        self.settings.setValue("window/geometry", self.saveGeometry())
        row = self.nav.currentRow()
        self.settings.setValue("window/page", row if row >= 0 else self._previous_page)
        self.settings.sync()
        self.ctx.runner.wait_for_done(10_000)
        backend, self.ctx.backend = self.ctx.backend, None
        try:
            if backend is not None:
                backend.close()
            self.startup.release()   # opened but nobody signed in
        except Exception:  # closing must not keep the window open
            log.exception("closing the database failed")
        if self.startup.lock is not None:
            self.startup.lock.release()
            self.startup.lock = None
        event.accept()


def data_paths(data_dir: str | Path | None) -> DataPaths:
    return DataPaths.resolve(data_dir)
