"""The start-up sequence, one state per method, in the order they run:

1. ``claim_folder``     one window per data folder (the single-writer lock); refused -> the window closes
2. ``open_database``    on the task runner: migrations (a file that fails to open is checked at once)
3. ``recover``          only for a damaged database: the recovery dialog, then back to 2
4. ``first_run_setup``  only for an empty folder: organisation, this node's keys, the first account
5. ``sign_in``          the first account (a folder set up from the command line) or the sign-in dialog
                        (the password checked on a thread of its own); meanwhile the task runner reads
                        the desk (``DeskPage.prefetch``), dropped if a password is refused
6. ``hand_over``        the signed-in back end goes to the window (``finished``)
7. ``check_in_background``  the integrity ``quick_check`` on a thread of its own while the desk is
                        in use (it reads the whole file), started once the desk's first reads are
                        done; damage found interrupts with ``damaged``, the window puts its session
                        down and calls ``recover``

Every state names the next one it calls, so reordering (say, running the integrity check in the
background after sign-in) is a matter of moving one call. The sequence owns the back end it opened
until ``hand_over``; before that nobody is signed in and every permission check refuses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

from mediation_desktop.core.errors import UserError
from mediation_desktop.gui import messages
from mediation_desktop.gui.tasks import TaskRunner
from mediation_desktop.paths import DataPaths

if TYPE_CHECKING:
    from mediation_desktop.services.backend import Backend

# The longest the integrity check waits for the desk's first reads after sign-in.
FIRST_READS_MS = 3000


class StartupSequence(QObject):
    finished = Signal(object, object)   # (Backend, services.accounts.Account): signed in
    refused = Signal(str)               # another window holds the folder
    abandoned = Signal()                # the user cancelled a step: the window closes
    damaged = Signal(str)               # the background check found the open database damaged

    def __init__(self, paths: DataPaths, user: str | None, runner: TaskRunner, window: QWidget,
                 ask: Callable[[QDialog], bool], say: Callable[[str], None],
                 remembered_user: Callable[[], str] = lambda: "",
                 lock: Any = None):
        super().__init__(window)
        self.paths, self.user, self.runner, self.window = paths, user, runner, window
        self.ask, self.say, self.remembered_user = ask, say, remembered_user
        self.lock = lock
        self.backend: Backend | None = None   # opened but not yet handed over
        self.check: Any = None                   # gui.background.BackgroundCheck, once signed in
        self._waiting: Callable[[], None] | None = None   # what waits for the desk's first reads
        self.state = "new"

    def _enter(self, state: str) -> None:
        self.state = state

    # -- 1 -------------------------------------------------------------------------------------------
    def claim_folder(self) -> bool:
        self._enter("claim_folder")
        if self.lock is None:
            from mediation_desktop.services.instance import claim_data_folder

            try:
                self.lock = claim_data_folder(self.paths)
            except UserError as exc:
                self._enter("refused")
                self.say(exc.message)
                messages.warn(self.window, "已经打开", exc.message)
                self.refused.emit(exc.message)
                return False
        return True

    # -- 2 -------------------------------------------------------------------------------------------
    def open_database(self) -> None:
        self._enter("open_database")
        self.say("正在检查并打开数据库…")
        paths, user = self.paths, self.user

        def work():
            from mediation_desktop.services import accounts  # argon2 loads here, not on the GUI thread
            from mediation_desktop.services.backend import Backend
            from mediation_desktop.services.integrity import open_or_explain

            def opened() -> Backend:
                backend = Backend(paths, user)
                backend.role = ""      # nobody is signed in yet: every permission check refuses
                backend.migrate()
                return backend

            # No quick_check first (the whole file: half a minute at a million cases); it runs
            # after sign-in (check_in_background). A file too damaged to open is checked here.
            backend = open_or_explain(paths, opened)
            if not backend.initialised:
                return backend, False
            _node = backend.node   # read here and kept: the title and status bar need it on the GUI thread
            return backend, accounts.has_users(backend)

        self.runner.run(work, self._opened, on_error=self._open_failed, parent=self.window)

    def _opened(self, opened: tuple) -> None:
        self.backend, has_users = opened
        if not self.backend.initialised:
            self.first_run_setup()
        else:
            self.sign_in(has_users)

    def _open_failed(self, exc: BaseException) -> bool:
        if not isinstance(exc, UserError):
            return False
        if exc.code == "E_DATABASE_DAMAGED":
            self.recover(exc.message)
        else:
            self._enter("failed")
            messages.show_user_error(self.window, exc)
            self.say(f"无法打开数据库：{exc.message}")
        return True

    # -- 3 -------------------------------------------------------------------------------------------
    def recover(self, problem: str) -> None:
        self._enter("recover")
        from mediation_desktop.gui.admin.recovery import RecoveryDialog

        self.say("数据库已损坏")
        dialog = RecoveryDialog(self.paths, problem, self.window, user=self.user or "system")
        if self.ask(dialog) and dialog.used is not None:
            messages.info(self.window, "已恢复", f"已从备份 {dialog.used.name} 恢复数据库；损坏的文件保留在数据目录中。")
            self.open_database()
        else:
            self._abandon()

    # -- 4 -------------------------------------------------------------------------------------------
    def first_run_setup(self) -> None:
        self._enter("first_run_setup")
        from mediation_desktop.gui.setup_dialog import SetupDialog

        self.say("首次使用，请完成设置")
        dialog = SetupDialog(self.window, self.user or "")
        if not self.ask(dialog):
            self._enter("setup_postponed")
            self.say("尚未完成首次设置；可重新启动程序继续")
            return
        org_name, org_code, role, user = dialog.values()
        address, phone = dialog.contact()
        password = dialog.password.text()
        backend = self._require_backend()
        backend.user = user

        def work():
            from mediation_desktop.services.accounts import create_first_user
            from mediation_desktop.sync.trust import create_keys

            if not backend.initialised:
                backend.initialise(org_name, org_code, role, address=address, phone=phone)
                create_keys(backend)   # this node's sync identity, made once at first start
            return create_first_user(backend, user, password)

        def failed(exc: BaseException) -> bool:
            if not isinstance(exc, UserError):
                return False
            messages.show_user_error(self.window, exc)
            self.say(f"首次设置未完成：{exc.message}")
            self.first_run_setup()   # ask again with the message shown
            return True

        self.runner.run(work, self.hand_over, on_error=failed, label="正在初始化…", parent=self.window)

    # -- 5 -------------------------------------------------------------------------------------------
    def sign_in(self, has_users: bool = True) -> None:
        self._enter("sign_in")
        backend = self._require_backend()
        self._prefetch_desk(backend)   # first: the read starts while the dialog is being built
        from mediation_desktop.gui.auth.signin import FirstUserDialog, SignInDialog

        dialog: QDialog
        if not has_users:
            dialog = FirstUserDialog(backend, self.window, suggested_name=self.user or "")
        else:
            dialog = SignInDialog(backend, self.window)
            dialog.name.setText(self.remembered_user() or self.user or "")
            if dialog.name.text():
                dialog.password.setFocus()
            # Whatever was read behind the dialog is dropped once a password is refused.
            dialog.refused.connect(lambda _message: self._drop_prefetched_desk())
        self.say("请登录")
        if not self.ask(dialog) or dialog.account is None:  # type: ignore[attr-defined]
            self.say("未登录")
            self._abandon()
            return
        self.hand_over(dialog.account)  # type: ignore[attr-defined]

    def _prefetch_desk(self, backend: Backend) -> None:
        """While the password is typed and checked, the task runner reads the desk, so it fills as
        soon as the sign-in succeeds (the desk page shows it only then, and only if still current)."""
        desk = getattr(self.window, "desk", None)   # the main window's desk page, once its pages are built
        if desk is not None and hasattr(desk, "prefetch"):
            desk.prefetch(backend)

    def _drop_prefetched_desk(self) -> None:
        desk = getattr(self.window, "desk", None)
        if desk is not None and hasattr(desk, "drop_prefetched"):
            desk.drop_prefetched()

    # -- 6 -------------------------------------------------------------------------------------------
    def hand_over(self, account: Any) -> None:
        self._enter("signed_in")
        backend = self._require_backend()
        backend.user, backend.role = account.name, account.role
        self.backend = None   # the window owns it from here on
        self.finished.emit(backend, account)
        self._after_first_reads(self.check_in_background)

    def _after_first_reads(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the task runner has done the desk's first reads (or after
        ``FIRST_READS_MS`` at most): the whole-file check would otherwise take a core and the disk
        from them while the desk is being filled."""
        self._waiting = then

        def once() -> None:
            if self._waiting is then:
                self._waiting = None
                then()

        if self.runner.idle:
            once()
            return
        self.runner.all_done.connect(once, Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(FIRST_READS_MS, self, once)

    # -- 7 -------------------------------------------------------------------------------------------
    def check_in_background(self) -> None:
        self._enter("check_in_background")
        from mediation_desktop.gui.background import BackgroundCheck

        if self.check is None:
            self.check = BackgroundCheck(self.paths, self)
            self.check.damaged.connect(self._damaged_later)
        self.check.start()

    @property
    def checking(self) -> bool:
        """A background check is due (waiting for the desk's first reads) or running."""
        return self._waiting is not None or (self.check is not None and self.check.running)

    def _damaged_later(self, message: str) -> None:
        self._enter("damaged")
        self.say("数据库已损坏")
        self.damaged.emit(message)

    def stop_check(self) -> None:
        """Forget a running background check (the window closes, or the file is being replaced)."""
        self._waiting = None   # nor start one still waiting for the desk's first reads
        if self.check is not None:
            self.check.cancel()

    # -- helpers -------------------------------------------------------------------------------------
    def _require_backend(self) -> Backend:
        if self.backend is None:
            raise UserError("E_NOT_READY", "数据库尚未打开，请稍候再试")
        return self.backend

    def _abandon(self) -> None:
        self._enter("abandoned")
        self.abandoned.emit()

    def release(self) -> None:
        """Close a back end opened but never handed over (the window closed before sign-in)."""
        backend, self.backend = self.backend, None
        if backend is not None:
            backend.close()
