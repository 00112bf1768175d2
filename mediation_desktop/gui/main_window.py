"""The main window: a page list on the left, the pages on the right, the status bar below.

The window paints before the database is opened: ``start()`` opens the back end on the task runner
(SQLAlchemy is imported there, not on the start-up path), then runs the first-start setup or loads
the desk.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QMainWindow, QStackedWidget, QWidget

from mediation_desktop import APP_TITLE
from mediation_desktop.gui import messages
from mediation_desktop.gui.context import AppContext
from mediation_desktop.gui.tasks import TaskRunner
from mediation_desktop.paths import DataPaths

log = logging.getLogger("mediation_desktop.gui")

PAGES = ("desk", "cases", "register", "import")
PAGE_TITLES = {"desk": "工作台", "cases": "案件", "register": "登记", "import": "导入台账"}


def gui_settings(paths: DataPaths) -> QSettings:
    """Window state lives in an INI beside the database, so each data folder (and test) has its own."""
    return QSettings(str(paths.root / "gui.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    ready = Signal()          # the database is open and the first page has been asked to load

    def __init__(self, paths: DataPaths, user: str | None = None, ctx: AppContext | None = None):
        super().__init__()
        self.paths = paths
        self.settings = gui_settings(paths)
        self.user = user or self.settings.value("user/name", "", str) or None
        runner = TaskRunner(self)
        runner.log_path = str(paths.log_file)
        self.ctx = ctx or AppContext(runner, self.settings, parent=self)
        self.setWindowTitle(APP_TITLE)
        self.setMinimumSize(QSize(960, 600))

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

        self.nav.currentRowChanged.connect(self._nav_changed)
        self.ctx.open_case.connect(self.open_case)
        self._previous_page = 0
        self._actions()
        self._restore()

    def build_pages(self) -> None:
        """The pages, built right after the first paint so the empty window shows at once."""
        if self._pages_built:
            return
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
        self._pages_built = True
        self._nav_changed(max(self.nav.currentRow(), 0))

    @property
    def detail(self):  # noqa: ANN201 - CaseDetailPage
        if self._detail is None:
            from mediation_desktop.gui.pages.case_detail import CaseDetailPage

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

    def open_case(self, case_id: str) -> None:
        if not self._pages_built:
            return
        if self.stack.currentWidget() is not self.detail:
            self._previous_page = max(self.nav.currentRow(), 0)
        self.nav.blockSignals(True)
        self.nav.clearSelection()
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(self.detail)
        self.detail.show_case(case_id)

    def go_back(self) -> None:
        if self._detail is not None and self.stack.currentWidget() is self._detail:
            self.show_page(self._previous_page)
            self.stack.setCurrentIndex(self._previous_page)

    # -- start ---------------------------------------------------------------------------------------
    def start(self) -> None:
        """Build the pages and open the database off the GUI thread (call after the first paint)."""
        self.build_pages()
        paths, user = self.paths, self.user

        def work():  # noqa: ANN202 - a Backend
            from mediation_desktop.services.backend import Backend

            backend = Backend(paths, user)
            backend.migrate()
            return backend

        self.ctx.runner.run(work, self._opened, parent=self)

    def _opened(self, backend) -> None:  # noqa: ANN001
        self.ctx.backend = backend
        if not backend.initialised:
            self.status.setText("首次使用，请完成设置")
            self.run_setup()
            return
        self._ready()

    def run_setup(self, dialog_hook=None) -> None:  # noqa: ANN001 - tests fill the dialog
        from mediation_desktop.gui.setup_dialog import SetupDialog

        dialog = SetupDialog(self, self.user or "")
        if dialog_hook is not None:
            dialog_hook(dialog)
            accepted = dialog.result() == QDialog.DialogCode.Accepted
        else:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if not accepted:
            self.status.setText("尚未完成首次设置；可按 F5 或重新启动程序继续")
            return
        org_name, org_code, role, user = dialog.values()
        backend = self.ctx.require_backend()
        backend.user = user
        self.settings.setValue("user/name", user)

        def failed(exc: BaseException) -> bool:
            from mediation_desktop.core.errors import UserError

            if not isinstance(exc, UserError):
                return False
            messages.show_user_error(self, exc)
            self.status.setText(f"首次设置未完成：{exc.message}")
            if dialog_hook is None:
                self.run_setup()   # ask again with the message shown
            return True

        self.ctx.runner.run(lambda: backend.initialise(org_name, org_code, role), lambda _n: self._ready(),
                            on_error=failed, label="正在初始化…", parent=self)

    def _ready(self) -> None:
        backend = self.ctx.require_backend()
        node = backend.node
        self.setWindowTitle(f"{APP_TITLE} — {node.org.name}")
        self.status.setText(f"{node.org.name}（{node.org.code}）　使用人：{backend.user}　数据目录：{self.paths.root}")
        page = self.nav.currentRow()
        if page == PAGES.index("cases"):
            self.cases.activate()
        self.desk.reload()
        self.ready.emit()

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
        self.settings.setValue("window/geometry", self.saveGeometry())
        row = self.nav.currentRow()
        self.settings.setValue("window/page", row if row >= 0 else self._previous_page)
        self.settings.sync()
        self.ctx.runner.wait_for_done(10_000)
        if self.ctx.backend is not None:
            try:
                self.ctx.backend.close()
            except Exception:  # noqa: BLE001 - closing must not keep the window open
                log.exception("closing the database failed")
            self.ctx.backend = None
        event.accept()


def data_paths(data_dir: str | Path | None) -> DataPaths:
    return DataPaths.resolve(data_dir)
