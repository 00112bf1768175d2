"""Start-up: a bare PySide6 QMainWindow vs the app on a database of N cases.

Prints, for each, the wall time from process start to the first painted frame, and for the app
also to a usable desk (database open, signed in, the desk's lists filled and nothing left on the task
runner), against the target (usable desk at most 4x a bare QMainWindow's first paint). The app runs
as ``mediation-desktop --data-dir D`` does (``cli.main``), the sign-in dialog answered the moment it
shows, as a person pressing 登录 would: the dialog's own event loop runs while the password is checked.

The app's own timeline follows (median of the runs): first paint, the database open (its modules
imported on a thread from process start), the sign-in dialog shown, the password accepted (argon2
on a thread of its own, beside the desk's read on the task runner), the desk shown, usable. Then
where the time goes, each part in a fresh process: importing Qt, the database layer (SQLAlchemy,
the tables, argon2) and the main window; the pages built only when first shown; opening the
database; signing in (argon2 with the real parameters); the desk's queries; and the quick_check
that runs after sign-in in the background (not part of the usable time). Not a test: figures only.

    python benchmarks/bench_gui_start.py [--data-dir /tmp/bench100k] [--cases 100000] [--runs 3]

Without --data-dir a database is built in a temporary folder with fill_demo (about 45 s for 100,000).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BARE = r"""
import sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("调解工作台")); w.resize(1280, 800); w.show()
def painted():
    print("paint", time.time() - t0, flush=True); app.quit()
QTimer.singleShot(0, painted)
app.exec()
"""

APP = r"""
import sys, time
t0 = float(sys.argv[1])
def mark(label):
    print(label.replace(" ", "_"), time.time() - t0, flush=True)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog
from mediation_desktop.gui import main_window, startup
from mediation_desktop.gui.pages.desk import DeskPage
def sign_in(dialog):   # a person who types at once and presses 登录 (or 创建 for a first account)
    mark("dialog shown")
    dialog.name.setText("bench")
    dialog.password.setText("bench-password")
    if hasattr(dialog, "again"):
        dialog.again.setText("bench-password")
        QTimer.singleShot(0, dialog.submit)
    else:
        QTimer.singleShot(0, dialog.check)
    dialog.accepted.connect(lambda: mark("signed in"))
    return dialog.exec() == QDialog.DialogCode.Accepted
main_window.run_dialog = sign_in
opened = startup.StartupSequence._opened
def _opened(self, result):
    mark("database open")
    opened(self, result)
startup.StartupSequence._opened = _opened
shown = DeskPage.show_desk
def show_desk(self, *args):
    shown(self, *args)
    mark("desk shown")
DeskPage.show_desk = show_desk
start = main_window.MainWindow.start
def started(w):   # QTimer.singleShot(0, window.start) in gui.application.main: the first paint
    mark("paint")
    def check():
        if w.ctx.backend is not None and w.ctx.runner.idle and w.desk.desk is not None:
            mark("usable")
            import os; os._exit(0)   # skip the close-time backup: not part of start-up
        QTimer.singleShot(5, check)
    w.ready.connect(check)
    start(w)
main_window.MainWindow.start = started
from mediation_desktop.cli import main
main(["--data-dir", sys.argv[2], "--user", "bench"])
"""


PARTS = r"""
import sys, time
def timed(label, fn):
    start = time.perf_counter(); value = fn(); print(label.replace(" ", "_"), time.perf_counter() - start, flush=True)
    return value
def load(*names):
    for name in names:
        __import__(name)
timed("import PySide6.QtWidgets", lambda: load("PySide6.QtWidgets"))
timed("import database layer", lambda: load("sqlalchemy", "argon2", "mediation_desktop.services.accounts",
                                            "mediation_desktop.services.backend", "mediation_desktop.services.integrity"))
timed("import main window", lambda: load("mediation_desktop.gui.application", "mediation_desktop.gui.main_window",
                                         "mediation_desktop.gui.pages.desk"))
timed("import later pages", lambda: load("mediation_desktop.gui.pages.case_list", "mediation_desktop.gui.pages.register",
                                         "mediation_desktop.gui.pages.ledger_import",
                                         "mediation_desktop.gui.documents.batch"))
from mediation_desktop.core.clock import today
from mediation_desktop.paths import DataPaths
from mediation_desktop.services import accounts, integrity
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.case_list import CaseListService
from mediation_desktop.services.session_schedule import session_desk
paths = DataPaths.resolve(sys.argv[2])
def opened():
    backend = Backend(paths, "bench"); backend.migrate(); backend.node; accounts.has_users(backend); return backend
backend = timed("open and migrate", lambda: integrity.open_or_explain(paths, opened))
timed("sign in (argon2)", lambda: accounts.sign_in(backend, "bench", "bench-password"))
timed("desk queries", lambda: (CaseListService(backend).desk(today()), session_desk(backend, today())))
timed("quick_check (background)", lambda: integrity.quick_check(paths))
import os; os._exit(0)
"""

TIMELINE = ("paint", "database open", "dialog shown", "signed in", "desk shown", "usable")


# Compiled bytecode for the children, kept in a folder of the run's own: an installed copy starts
# from .pyc files (the installer and pip compile them), so a start must not be charged for compiling
# the program's sources, as it would be under PYTHONDONTWRITEBYTECODE. The warm-up runs write it.
# (--compile-sources measures the other way, as a source checkout under PYTHONDONTWRITEBYTECODE
# starts: every start compiles the program's modules.)
BYTECODE = tempfile.mkdtemp(prefix="bench_gui_start_pyc_")
COMPILE_SOURCES = False


def run(code: str, *args: str) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPYCACHEPREFIX=BYTECODE)
    if COMPILE_SOURCES:   # the libraries' own bytecode as installed, none written for the program
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        del env["PYTHONPYCACHEPREFIX"]
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", code, repr(t0), *args], capture_output=True, text=True,
                         env=env, timeout=300)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return {k.replace("_", " "): float(v) for k, v in (line.split() for line in out.stdout.splitlines() if line.strip())}


def build(n: int) -> str:
    from mediation_desktop.services.backend import Backend
    from mediation_desktop.services.demo import fill_demo

    folder = tempfile.mkdtemp(prefix="bench_gui_start_")
    backend = Backend.open(folder, "bench", must_exist=False)
    backend.initialise("和平区劳动人事争议调解中心", "津和平")
    fill_demo(backend, n)
    backend.db.dispose()
    return folder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compile-sources", action="store_true",
                        help="no bytecode for the program: every start compiles its modules (PYTHONDONTWRITEBYTECODE)")
    args = parser.parse_args()
    global COMPILE_SOURCES
    COMPILE_SOURCES = args.compile_sources
    data_dir = args.data_dir or build(args.cases)
    run(BARE)                       # warm the file cache and the bytecode for both; the first start
    run(APP, data_dir)              # makes the account
    run(PARTS, data_dir)
    bare, app = [], []
    for _ in range(args.runs):      # alternately, so a change in the machine's load hits both
        bare.append(run(BARE)["paint"])
        app.append(run(APP, data_dir))
    b = statistics.median(bare)
    paint = statistics.median(r["paint"] for r in app)
    usable = statistics.median(r["usable"] for r in app)
    print(f"data folder: {data_dir}; " + ("every start compiles the program's sources" if COMPILE_SOURCES
                                           else "starts from compiled bytecode, as an installed copy does"))
    print(f"bare QMainWindow, first paint:         {b * 1000:7.0f} ms   (runs: {_ms(bare)})")
    print(f"app main window, first paint:          {paint * 1000:7.0f} ms  ({paint / b:.2f}x bare)")
    verdict = "OK" if usable / b <= 4.0 else "OVER TARGET"
    ratios = ", ".join(f"{r['usable'] / p:.2f}" for r, p in zip(app, bare, strict=True))
    print(f"app main window, desk filled (usable): {usable * 1000:7.0f} ms  ({usable / b:.2f}x bare, "
          f"target <= 4x) {verdict}   (runs: {_ms(r['usable'] for r in app)}; each against its bare run: {ratios})")
    print("the app's timeline from process start (median):")
    for label in TIMELINE:
        print(f"  {label:<28} {statistics.median(r[label] for r in app) * 1000:7.0f} ms")
    parts = [run(PARTS, data_dir) for _ in range(args.runs)]
    print("where the time goes, each part alone in a fresh process (median):")
    for label in parts[0]:
        print(f"  {label:<28} {statistics.median(p[label] for p in parts) * 1000:7.0f} ms")
    shutil.rmtree(BYTECODE, ignore_errors=True)


def _ms(values) -> str:
    return ", ".join(f"{v * 1000:.0f}" for v in values)


if __name__ == "__main__":
    main()
