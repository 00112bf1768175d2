"""Entry script for the frozen bundle: no arguments open the GUI, arguments run the command line.

Both executables in the bundle (``mediation-desktop`` windowed, ``mediation-desktop-cli`` console)
start here. A windowed Windows executable has no console, so ``sys.stdout``/``sys.stderr`` are
``None``; writing to them would turn a harmless message into a crash, so they go to the null device.
"""

from __future__ import annotations

import os
import sys


def _give_windowless_streams_a_sink() -> None:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # lives as long as the process


def main() -> int:
    _give_windowless_streams_a_sink()
    from mediation_desktop.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
