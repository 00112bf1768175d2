"""Run the frozen bundle the way a user would and fail loudly if any step does not work.

``python installer/smoke.py DIST/mediation-desktop`` (build.py calls it after PyInstaller). Each step
exercises something PyInstaller cannot see by itself: the importlib-loaded commands, Alembic's
migrations loaded by path, cn2an's config.yaml (大写 amounts in the agreement), python-docx's default
parts, the bundled resources/templates, openpyxl, and Qt's platform plugins for the GUI.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GUI_SECONDS = 8  # the window is up in well under a second; a crash at start shows long before this


class SmokeFailure(RuntimeError):
    pass


def executables(bundle: Path) -> tuple[Path, Path]:
    """(windowed GUI, console CLI) inside a one-folder bundle."""
    suffix = ".exe" if sys.platform == "win32" else ""
    return bundle / f"mediation-desktop{suffix}", bundle / f"mediation-desktop-cli{suffix}"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("MEDIATION_DESKTOP_DATA_DIR", None)
    return env


def _run(exe: Path, data: Path, *args: str) -> str:
    cmd = [str(exe), "--data-dir", str(data), *args]
    done = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace",
                          env=_env(), timeout=120)
    if done.returncode != 0:
        raise SmokeFailure(f"{' '.join(args)} exited {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done.stdout


def check_cli(cli: Path, work: Path) -> list[str]:
    data = work / "data"
    done = []
    _run(cli, data, "init", "--org", "测试调解委员会", "--org-code", "T")
    done.append("init")
    _run(cli, data, "demo", "--cases", "20")
    done.append("demo --cases 20")
    cases = json.loads(_run(cli, data, "cases", "--json"))
    if len(cases) != 20:
        raise SmokeFailure(f"cases --json listed {len(cases)} cases, expected 20")
    done.append("cases --json")
    case_no = cases[0]["case_no"]
    for kind in ("acceptance", "agreement"):
        out = work / f"{kind}.docx"
        _run(cli, data, "doc", case_no, kind, "--out", str(out))
        if not out.is_file() or out.stat().st_size < 5000:
            raise SmokeFailure(f"doc {kind} did not write a document")
        done.append(f"doc {kind}")
    ledger = work / "ledger.xlsx"
    _run(cli, data, "ledger", "template", "--out", str(ledger))
    if not ledger.is_file():
        raise SmokeFailure("ledger template wrote nothing")
    done.append("ledger template")
    _run(cli, data, "check")
    done.append("check")
    return done


def check_gui(gui: Path, work: Path, seconds: float = GUI_SECONDS) -> str:
    """Start the GUI on the smoke database; it must still be running after ``seconds``."""
    data = work / "data"
    proc = subprocess.Popen([str(gui), "--data-dir", str(data)], env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    if proc.poll() is not None:
        out, err = proc.communicate()
        raise SmokeFailure(f"the GUI exited {proc.returncode} at start\n{out.decode(errors='replace')}"
                           f"\n{err.decode(errors='replace')}")
    proc.terminate()
    try:
        proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
    log = data / "logs" / "mediation-desktop.log"
    bad = [line for line in log.read_text(encoding="utf-8").splitlines()
           if " ERROR " in line or " CRITICAL " in line or "Traceback" in line] if log.is_file() else []
    if bad:
        raise SmokeFailure("the GUI logged errors at start:\n" + "\n".join(bad[:10]))
    return f"GUI still running after {seconds:g} s, no errors logged"


def smoke_test(bundle: Path, work: Path | None = None) -> list[str]:
    """Every step that passed, in order; raises SmokeFailure at the first that did not."""
    gui, cli = executables(bundle)
    for exe in (gui, cli):
        if not exe.is_file():
            raise SmokeFailure(f"missing executable {exe}")
    with tempfile.TemporaryDirectory(prefix="md-smoke-") as tmp:
        folder = Path(work or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        steps = check_cli(cli, folder)
        steps.append(check_gui(gui, folder))
    return steps


if __name__ == "__main__":
    bundle_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/mediation-desktop")
    try:
        for step in smoke_test(bundle_dir):
            print(f"ok  {step}")
    except SmokeFailure as exc:
        print(f"FAILED  {exc}", file=sys.stderr)
        raise SystemExit(1) from None
