"""The GUI's entry point, kept free of Qt so that ``cli.py`` can import it without loading PySide6.

``run_gui`` imports the Qt application lazily; the command line only pays for Qt when no command
was given.
"""

from __future__ import annotations

import sys
from pathlib import Path


def run_gui(data_dir: str | Path | None = None, user: str | None = None) -> int:
    """Open the main window on ``data_dir`` and run until it is closed; returns the exit status."""
    try:
        from mediation_desktop.gui.application import main
    except ImportError as exc:  # a broken install: say so in Chinese instead of a traceback
        sys.stderr.write(f"无法启动图形界面：缺少组件（{exc.name}）。请重新安装本程序。\n")
        return 1
    return main(data_dir, user)
