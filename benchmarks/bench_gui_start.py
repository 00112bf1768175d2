"""Start-up: a bare PySide6 QMainWindow vs the app's main window on a database of N cases.

Prints, for each, the wall time from process start to the first painted frame, and for the app
also to a usable desk (database open, the desk's lists filled), against the target (usable desk at
most 4x a bare QMainWindow's first paint). Then where the time goes, each part in a fresh process:
importing Qt, SQLAlchemy, argon2 and the main window; opening and migrating the database; signing in
(argon2 with the real parameters); the desk's queries; and the quick_check that now runs after
sign-in in the background (so it is not part of the usable time). The usable time is also measured
with the desk read only after sign-in (no prefetch during the sign-in dialog), alternately in the same
run. Not a test: figures only.

    python benchmarks/bench_gui_start.py [--data-dir /tmp/bench100k] [--cases 100000] [--runs 3]

Without --data-dir a database is built in a temporary folder with fill_demo (about 45 s for 100,000).
"""

from __future__ import annotations

import argparse
import os
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
from PySide6.QtCore import QTimer
from mediation_desktop.gui.application import make_app
from mediation_desktop.gui.main_window import MainWindow
from mediation_desktop.paths import DataPaths
from mediation_desktop.gui import main_window
def sign_in(dialog):   # answers the sign-in (or first-account) dialog as a person would
    dialog.name.setText("bench")
    dialog.password.setText("bench-password")
    if hasattr(dialog, "again"):
        dialog.again.setText("bench-password")
        dialog.create()
    else:
        dialog.try_sign_in()
    return dialog.account is not None
main_window.run_dialog = sign_in
if sys.argv[3] == "no-prefetch":   # the desk read only after sign-in, as before the prefetch
    from mediation_desktop.gui.pages.desk import DeskPage
    DeskPage.prefetch = lambda self, backend: None
app = make_app()
w = MainWindow(DataPaths.resolve(sys.argv[2]), "bench")
w.show()
def painted():
    print("paint", time.time() - t0, flush=True)
    w.start()
QTimer.singleShot(0, painted)
def ready():
    def check():
        if w.ctx.runner.idle and w.desk.desk is not None:
            print("usable", time.time() - t0, flush=True)
            import os; os._exit(0)   # skip the close-time backup: not part of start-up
        QTimer.singleShot(5, check)
    check()
w.ready.connect(ready)
app.exec()
"""


PARTS = r"""
import sys, time
def timed(label, fn):
    start = time.perf_counter(); value = fn(); print(label.replace(" ", "_"), time.perf_counter() - start, flush=True)
    return value
timed("import PySide6.QtWidgets", lambda: __import__("PySide6.QtWidgets"))
timed("import sqlalchemy", lambda: __import__("sqlalchemy"))
timed("import argon2", lambda: __import__("argon2"))
timed("import main_window", lambda: __import__("mediation_desktop.gui.main_window"))
from mediation_desktop.core.clock import today
from mediation_desktop.paths import DataPaths
from mediation_desktop.services import accounts, integrity
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.case_list import CaseListService
paths = DataPaths.resolve(sys.argv[2])
def opened():
    backend = Backend(paths, "bench"); backend.migrate(); backend.node; return backend
backend = timed("open and migrate", lambda: integrity.open_or_explain(paths, opened))
timed("sign in (argon2)", lambda: accounts.sign_in(backend, "bench", "bench-password"))
timed("desk queries", lambda: CaseListService(backend).desk(today()))
timed("quick_check (background)", lambda: integrity.quick_check(paths))
import os; os._exit(0)
"""


def run(code: str, *args: str) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
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
    args = parser.parse_args()
    data_dir = args.data_dir or build(args.cases)
    run(BARE)                       # warm the file cache for both
    run(APP, data_dir, "prefetch")
    bare, app, unfetched = [], [], []
    for _ in range(args.runs):      # alternately, so a change in the machine's load hits all three
        bare.append(run(BARE)["paint"])
        app.append(run(APP, data_dir, "prefetch"))
        unfetched.append(run(APP, data_dir, "no-prefetch"))
    b = statistics.median(bare)
    paint = statistics.median(r["paint"] for r in app)
    usable = statistics.median(r["usable"] for r in app)
    print(f"data folder: {data_dir}")
    print(f"bare QMainWindow, first paint:        {b * 1000:7.0f} ms")
    print(f"app main window, first paint:         {paint * 1000:7.0f} ms  ({paint / b:.2f}x bare)")
    verdict = "OK" if usable / b <= 4.0 else "OVER TARGET"
    print(f"app main window, desk filled (usable): {usable * 1000:7.0f} ms  ({usable / b:.2f}x bare, "
          f"target <= 4x) {verdict}")
    late = statistics.median(r["usable"] for r in unfetched)
    print(f"  the same with the desk read only after sign-in (no prefetch): {late * 1000:7.0f} ms  "
          f"({late / b:.2f}x bare)")
    parts = [run(PARTS, data_dir) for _ in range(args.runs)]
    print("where the time goes (median of fresh processes):")
    for label in parts[0]:
        print(f"  {label:<28} {statistics.median(p[label] for p in parts) * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
