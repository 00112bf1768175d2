"""The main window: a page list on the left, the pages on the right, the status bar below.

Start-up order: the window paints first; ``start()`` then claims the data folder (one window per
folder), builds the pages and, on the task runner, runs the start-up check (``quick_check``) and the
migrations. A damaged database offers the recovery dialog. Then the first-start setup or the
sign-in; only a signed-in window hands the back end to the pages (``ctx.backend``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QMainWindow, QStackedWidget, QWidget

from mediation_desktop import APP_TITLE
from mediation_desktop.core.errors import UserError
from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.tasks import TaskRunner
from mediation_desktop.paths import DataPaths

log = logging.getLogger("mediation_desktop.gui")

PAGES = ("desk", "cases", "register", "import")
PAGE_TITLES = {"desk": "工作台", "cases": "案件", "register": "登记", "import": "导入台账"}

# Pages reached from the 管理 menu, each shown only to roles holding one of its permissions.
TOOL_PAGES = {
    "sync": ("同步", ("data.export", "sync.import")),
    "users": ("用户管理", ("users.manage",)),
    "audit": ("审计日志", ("audit.read",)),
    "backup": ("备份与恢复", ("backup.create", "backup.restore")),
}
# The organisation's settings are the head's or the administrator's business.
SETTINGS_PERMISSIONS = ("case.reopen", "users.manage")


def gui_settings(paths: DataPaths) -> QSettings:
    """Window state lives in an INI beside the database, so each data folder (and test) has its own."""
    return QSettings(str(paths.root / "gui.ini"), QSettings.Format.IniFormat)


def run_dialog(dialog: QDialog) -> bool:
    """Every modal question of the start-up sequence goes through here (tests answer them)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def permitted(role: str | None, permissions: tuple[str, ...]) -> bool:
    from mediation_desktop.services.permissions import allowed

    return any(allowed(role, p) for p in permissions)


class MainWindow(QMainWindow):
    ready = Signal()          # signed in, the database is open and the first page has been asked to load
    refused = Signal(str)     # another window holds this data folder

    def __init__(self, paths: DataPaths, user: str | None = None, ctx: AppContext | None = None,
                 lock=None):  # noqa: ANN001 - storage.lock.InstanceLock already claimed by the caller
        super().__init__()
        self.paths = paths
        self.settings = gui_settings(paths)
        self.user = user or self.settings.value("user/name", "", str) or None
        self.lock = lock
        runner = TaskRunner(self)
        runner.log_path = str(paths.log_file)
        self.ctx = ctx or AppContext(runner, self.settings, parent=self)
        self.setWindowTitle(APP_TITLE)
        self.setMinimumSize(QSize(960, 600))
        self._backend = None      # opened, not yet handed to the pages (nobody signed in)
        self.account = None
        self.idle_lock = None
        self.background = None
        self.tool_pages: dict[str, QWidget] = {}

        self.nav = QListWidget()
        self.nav.setFixedWidth(120)
        self.nav.setSpacing(2)
        for key in PAGES:
            self.nav.addItem(PAGE_TITLES[key])
        self.stack = QStackedWidget()
        self.stack.addWidget(QLabel("正在准备…"))
        self._pages_built = False
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
        self._previous_page = 0
        self._actions()
        self._menus()
        self._restore()

    def build_pages(self) -> None:
        """The pages, built right after the first paint so the empty window shows at once."""
        if self._pages_built:
            return
        from mediation_desktop.gui.documents.batch import install_batch_action
        from mediation_desktop.gui.pages.case_list import CaseListPage
        from mediation_desktop.gui.pages.desk import DeskPage
        from mediation_desktop.gui.pages.ledger_import import LedgerImportPage
        from mediation_desktop.gui.pages.register import RegisterPage

        placeholder = self.stack.widget(0)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.desk = DeskPage(self.ctx)
        self.cases = CaseListPage(self.ctx)
        self.register = RegisterPage(self.ctx)
        self.ledger = LedgerImportPage(self.ctx)
        for page in (self.desk, self.cases, self.register, self.ledger):
            self.stack.addWidget(page)
        self.register.registered.connect(self.open_case)
        self.batch_documents = install_batch_action(self.cases, self.ctx)
        self._pages_built = True
        self._nav_changed(max(self.nav.currentRow(), 0))

    @property
    def detail(self):  # noqa: ANN201 - CaseDetailPage
        if self._detail is None:
            from mediation_desktop.gui.documents.tab import install_documents_tab
            from mediation_desktop.gui.pages.case_detail import CaseDetailPage

            install_documents_tab()
            self._detail = CaseDetailPage(self.ctx)
            self._detail.back_requested.connect(self.go_back)
            self.stack.addWidget(self._detail)
        return self._detail

    # -- shell ---------------------------------------------------------------------------------------
    def _actions(self) -> None:
        def add(text: str, shortcut: QKeySequence | str, slot) -> QAction:  # noqa: ANN001
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        for i, key in enumerate(PAGES):
            add(PAGE_TITLES[key], f"Ctrl+{i + 1}", lambda _=False, i=i: self.show_page(i))
        add("新登记", QKeySequence.StandardKey.New, lambda: self.show_page(PAGES.index("register")))
        add("搜索案件", QKeySequence.StandardKey.Find, self.focus_search)
        add("刷新", QKeySequence.StandardKey.Refresh, self.ctx.cases_changed.emit)
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

    def _nav_changed(self, row: int) -> None:
        if row < 0 or not self._pages_built:
            return
        self.stack.setCurrentIndex(row)
        if PAGES[row] == "cases":
            self.cases.activate()

    def focus_search(self) -> None:
        if not self._pages_built:
            return
        self.show_page(PAGES.index("cases"))
        self.cases.search.setFocus()
        self.cases.search.selectAll()

    def _show_off_nav(self, widget: QWidget) -> None:
        """A page outside the list (a case, a 管理 page): remember where to go back to."""
        if self.stack.currentIndex() < len(PAGES):
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
        if self.stack.currentIndex() >= len(PAGES):
            self.show_page(self._previous_page)
            self.stack.setCurrentIndex(self._previous_page)

    def show_tool_page(self, key: str) -> QWidget | None:
        backend = self.ctx.backend
        if backend is None or not permitted(backend.role, TOOL_PAGES[key][1]):
            return None
        page = self.tool_pages.get(key)
        if page is None:
            page = self._build_tool_page(key, backend)
            self.tool_pages[key] = page
            self.stack.addWidget(page)
        elif key == "audit":
            page.reload_choices()
            page.search()
        elif key in ("users", "backup"):
            page.reload()
        if key == "sync":
            page.refresh()
        self._show_off_nav(page)
        return page

    def _build_tool_page(self, key: str, backend) -> QWidget:  # noqa: ANN001
        if key == "sync":
            from mediation_desktop.gui.sync.page import SyncPage

            return SyncPage(backend, self.ctx.runner)
        if key == "users":
            from mediation_desktop.gui.admin.users_page import UsersPage

            return UsersPage(backend)
        if key == "audit":
            from mediation_desktop.gui.admin.audit_page import AuditPage

            return AuditPage(backend)
        from mediation_desktop.gui.admin.backup_page import BackupPage

        return BackupPage(backend, restored=self._after_restore)

    def edit_organisation(self) -> QDialog | None:
        backend = self.ctx.backend
        if backend is None or not permitted(backend.role, SETTINGS_PERMISSIONS):
            return None
        from mediation_desktop.gui.settings_dialog import OrganisationDialog

        dialog = OrganisationDialog(backend, self.ctx.runner, self)
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
    def start(self) -> None:
        """Claim the folder, build the pages and open the database off the GUI thread (call after the
        first paint)."""
        if self.lock is None:
            from mediation_desktop.services.instance import claim_data_folder

            try:
                self.lock = claim_data_folder(self.paths)
            except UserError as exc:
                self._refuse(exc)
                return
        self.build_pages()
        self.open_database()

    def _refuse(self, exc: UserError) -> None:
        self.status.setText(exc.message)
        messages.warn(self, "已经打开", exc.message)
        self.refused.emit(exc.message)
        self.close()

    def open_database(self) -> None:
        paths, user = self.paths, self.user
        self.status.setText("正在检查并打开数据库…")

        def work():  # noqa: ANN202 - (Backend, whether any account exists)
            from mediation_desktop.services import accounts  # argon2 loads here, not on the GUI thread
            from mediation_desktop.services.backend import Backend
            from mediation_desktop.services.integrity import startup_check

            startup_check(paths)   # quick_check at every start; a damaged file is refused and kept
            backend = Backend(paths, user)
            backend.role = ""      # nobody is signed in yet: every permission check refuses
            backend.migrate()
            return backend, backend.initialised and accounts.has_users(backend)

        self.ctx.runner.run(work, self._opened, on_error=self._open_failed, parent=self)

    def _open_failed(self, exc: BaseException) -> bool:
        if not isinstance(exc, UserError):
            return False
        if exc.code != "E_DATABASE_DAMAGED":
            messages.show_user_error(self, exc)
            self.status.setText(f"无法打开数据库：{exc.message}")
            return True
        from mediation_desktop.gui.admin.recovery import RecoveryDialog

        self.status.setText("数据库已损坏")
        dialog = RecoveryDialog(self.paths, exc.message, self, user=self.user or "system")
        if run_dialog(dialog) and dialog.used is not None:
            messages.info(self, "已恢复", f"已从备份 {dialog.used.name} 恢复数据库；损坏的文件保留在数据目录中。")
            self.open_database()
        else:
            self.close()
        return True

    def _opened(self, opened) -> None:  # noqa: ANN001
        backend, has_users = opened
        self._backend = backend
        if not backend.initialised:
            self.status.setText("首次使用，请完成设置")
            self.run_setup()
            return
        self.sign_in(has_users)

    def run_setup(self, dialog_hook=None) -> None:  # noqa: ANN001 - tests fill the dialog
        from mediation_desktop.gui.setup_dialog import SetupDialog

        dialog = SetupDialog(self, self.user or "")
        if dialog_hook is not None:
            dialog_hook(dialog)
            accepted = dialog.result() == QDialog.DialogCode.Accepted
        else:
            accepted = run_dialog(dialog)
        if not accepted:
            self.status.setText("尚未完成首次设置；可重新启动程序继续")
            return
        org_name, org_code, role, user = dialog.values()
        password = dialog.password.text()
        backend = self._backend
        backend.user = user

        def work():  # noqa: ANN202 - the first Account
            from mediation_desktop.services.accounts import create_first_user

            if not backend.initialised:
                backend.initialise(org_name, org_code, role)
            return create_first_user(backend, user, password)

        def failed(exc: BaseException) -> bool:
            if not isinstance(exc, UserError):
                return False
            messages.show_user_error(self, exc)
            self.status.setText(f"首次设置未完成：{exc.message}")
            if dialog_hook is None:
                self.run_setup()   # ask again with the message shown
            return True

        self.ctx.runner.run(work, self._signed_in, on_error=failed, label="正在初始化…", parent=self)

    def sign_in(self, has_users: bool = True) -> None:
        """The first account when there is none yet (a folder set up from the command line), else
        the sign-in dialog. Cancelling closes the window."""
        from mediation_desktop.gui.auth.signin import FirstUserDialog, SignInDialog

        backend = self._backend
        if not has_users:
            dialog = FirstUserDialog(backend, self, suggested_name=self.user or "")
        else:
            dialog = SignInDialog(backend, self)
            dialog.name.setText(self.settings.value("user/name", "", str) or self.user or "")
            if dialog.name.text():
                dialog.password.setFocus()
        self.status.setText("请登录")
        if not run_dialog(dialog) or dialog.account is None:
            self.status.setText("未登录")
            self.close()
            return
        self._signed_in(dialog.account)

    def _signed_in(self, account) -> None:  # noqa: ANN001 - services.accounts.Account
        from mediation_desktop.gui.auth.idle import DEFAULT_IDLE_MINUTES, IdleLock
        from mediation_desktop.gui.background import BackgroundWork

        backend = self._backend
        backend.user, backend.role = account.name, account.role
        self.account = account
        self.settings.setValue("user/name", account.name)
        self.ctx.backend = backend
        self._update_menus()
        minutes = self.settings.value("security/idle_minutes", DEFAULT_IDLE_MINUTES, float)
        self.idle_lock = IdleLock(backend, self, minutes=minutes)
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
        page = self.nav.currentRow()
        if page == PAGES.index("cases"):
            self.cases.activate()
        self.desk.reload()
        self.ready.emit()

    def _after_restore(self) -> None:
        """The backup page closed the back end and replaced the file: drop everything that held the
        old one, then open, check and sign in again (the restored file has its own accounts)."""
        self._stop_session()
        self.ctx.backend = None
        self._backend = None
        for page in self.tool_pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.tool_pages.clear()
        self._update_menus()
        self.show_page(0)
        self.stack.setCurrentIndex(0)
        self.open_database()

    def _stop_session(self) -> None:
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

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._pages_built and self.register.dirty and not messages.ask(
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
        backend = self.ctx.backend or self._backend
        if backend is not None:
            try:
                backend.close()
            except Exception:  # noqa: BLE001 - closing must not keep the window open
                log.exception("closing the database failed")
        self.ctx.backend = None
        self._backend = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        event.accept()


def data_paths(data_dir: str | Path | None) -> DataPaths:
    return DataPaths.resolve(data_dir)
