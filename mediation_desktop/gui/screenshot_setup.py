"""What the README's screenshot scripts share (gui/screenshots.py, gui/district_screenshots.py,
gui/programme/screenshots.py): a made-up register with its signed-in account, two nodes enrolled
both ways, and a main window at 1366x768 signed in by itself, waited on until its work is done.

Nothing here is used by the app itself; the registers live in temporary folders.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

SHOT_PASSWORD = "screenshot-pass"
# A common office laptop screen: the window, its status bar and the case numbers must fit it.
SCREEN = (1366, 768)


_app = None   # the one QApplication, made once: each make_app installs translators and fonts again


def application():  # -> QApplication
    global _app
    if _app is None:
        from mediation_desktop.gui.application import make_app

        _app = make_app()
    return _app


def prepare(out_dir: str) -> Path:
    """The output folder, with message boxes recorded instead of shown."""
    from mediation_desktop.gui import messages

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    messages.HEADLESS = True
    return out


def new_register(folder: str | Path, user: str, org: str, code: str, *, role: str = "room",
                 display_name: str | None = None, account_role: str | None = None):  # -> Backend
    """A fresh register with this node's keys and a first account ``user`` (password SHOT_PASSWORD)."""
    from mediation_desktop.paths import DataPaths
    from mediation_desktop.services.accounts import create_first_user
    from mediation_desktop.services.backend import Backend
    from mediation_desktop.sync.trust import create_keys

    backend = Backend(DataPaths.resolve(folder), user)
    backend.migrate()
    backend.initialise(org, code, role)
    create_keys(backend)
    if display_name is not None:
        extra = {"role": account_role} if account_role else {}
        create_first_user(backend, user, SHOT_PASSWORD, display_name, **extra)
    return backend


def enrol_both(a, b, cards: Path) -> None:  # two Backends
    """Each node trusts the other's identity card (written into ``cards``)."""
    from mediation_desktop.sync import trust
    from mediation_desktop.sync.keys import export_card, fingerprint

    for me, other in ((a, b), (b, a)):
        card = cards / f"{other.node.node_id}.card"
        card.write_bytes(export_card(trust.node_keys(other)))
        trust.trust(me, card, fingerprint(trust.node_keys(other)))


def settle(window, ms: int = 400) -> None:
    """Until the window's task runner is idle, then ``ms`` more for painting."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()

    def check() -> None:
        if window.ctx.runner.idle:
            QTimer.singleShot(ms, loop.quit)
        else:
            QTimer.singleShot(20, check)
    check()
    loop.exec()


def open_window(folder: str | Path, user: str, *, today: date | None = None,
                at_sign_in: Callable[[object], None] | None = None):  # -> MainWindow
    """The main window on ``folder`` at SCREEN size, signed in as ``user``; ``at_sign_in`` sees the
    sign-in dialog (with the name typed) before the password is."""
    from mediation_desktop.gui import main_window
    from mediation_desktop.paths import DataPaths

    application()

    def sign_in(dialog) -> bool:
        dialog.name.setText(user)
        if at_sign_in is not None:
            at_sign_in(dialog)
        dialog.password.setText(SHOT_PASSWORD)
        dialog.try_sign_in()
        return dialog.account is not None

    main_window.run_dialog = sign_in
    window = main_window.MainWindow(DataPaths.resolve(folder), user)
    if today is not None:
        window.ctx.today = lambda: today
    window.resize(*SCREEN)
    window.show()
    window.start()
    # Twice: one wait can end before the sign-in has queued the desk's read (the desk is then shot empty).
    settle(window)
    settle(window)
    return window


def close_window(window) -> None:
    from PySide6.QtWidgets import QApplication

    window.close()
    QApplication.processEvents()
