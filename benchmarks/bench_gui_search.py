"""Typing a search into the case list over a big database: time from the last key to the results.

    python benchmarks/bench_gui_search.py --data-dir /tmp/bench1m

Keys are typed 120 ms apart (a quick typist) through the real page (debounce, task runner, lazy
model); the figure is from the last key until the list holds the new keys, and until the first
screen of rows has been fetched. Not a test: figures only. Build the database once with
``mediation-desktop --data-dir DIR init ...`` and ``demo --cases 1000000``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

KEY_GAP_S = 0.12
# PySide6 6.12.0 drops a reference to None on every processEvents() called from Python; on
# Python < 3.12 that ends in a fatal error after enough calls. Extra references keep None alive.
_NONE_BALLAST = [None] * 5_000_000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication

    from mediation_desktop.gui import messages
    from mediation_desktop.gui.application import make_app
    from mediation_desktop.gui.main_window import MainWindow
    from mediation_desktop.gui.models.case_table import PLACEHOLDER
    from mediation_desktop.paths import DataPaths

    messages.HEADLESS = True
    app = make_app()
    window = MainWindow(DataPaths.resolve(args.data_dir), "bench")
    window.show()
    window.start()
    page = window.cases

    def pump_until(cond, limit: float = 120.0) -> float:
        t0 = time.perf_counter()
        while not cond():
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() - t0 > limit:
                raise SystemExit("timed out")
        return time.perf_counter() - t0

    pump_until(lambda: window.ctx.backend is not None and window.ctx.runner.idle)
    t0 = time.perf_counter()
    window.show_page(1)
    pump_until(lambda: page.model.rowCount() > 0 and window.ctx.runner.idle)
    print(f"cases: {page.model.rowCount():,}; first full list (all keys, newest first): "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms")

    sample = page.model.row_at(0) or page.model.row_at(0)
    pump_until(lambda: page.model.row_at(0) is not None)
    sample = page.model.row_at(0)
    respondent = sample.respondent_name
    words = {
        "company (4 chars)": respondent[2:6],
        "company (6 chars)": respondent[2:8],
        "applicant full name (3 chars)": next((n for n in sample.applicant_names.split("、") if len(n) >= 3), "王秀英"),
        "case number fragment": sample.case_no[-8:-1],
        "applicant 2 chars (LIKE path)": sample.applicant_names[:2],
    }
    for label, word in words.items():
        figures, screens, counts = [], [], []
        for _ in range(3):
            page.search.setText("")
            page.query()
            pump_until(lambda: window.ctx.runner.idle)
            for i in range(1, len(word) + 1):
                page.search.setText(word[:i])
                t_key = time.perf_counter()
                while time.perf_counter() - t_key < KEY_GAP_S and i < len(word):
                    app.processEvents()
                    time.sleep(0.002)
            last_key = time.perf_counter()
            pump_until(lambda word=word: page.search.text() == word and page.count_label.text().startswith("共")
                       and window.ctx.runner.idle and not page.debounce.isActive())
            figures.append(time.perf_counter() - last_key)
            pump_until(lambda: page.model.rowCount() == 0 or page.model.data(page.model.index(0, 0)) != PLACEHOLDER)
            screens.append(time.perf_counter() - last_key)
            counts.append(page.model.rowCount())
        print(f"{label:32s} '{word}': {counts[-1]:>8,} matches; last key -> keys "
              f"{statistics.median(figures) * 1000:6.0f} ms, -> first screen {statistics.median(screens) * 1000:6.0f} ms "
              f"(debounce {page.debounce.interval()} ms included)")
    QCoreApplication.processEvents()
    os._exit(0)   # skip the close-time backup of a large benchmark database


if __name__ == "__main__":
    main()
