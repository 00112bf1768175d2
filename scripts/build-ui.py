"""Compile the Qt Designer forms in ui/*.ui into mediation_desktop/gui/forms/ui_*.py with pyside6-uic.

    python scripts/build-ui.py            rebuild the forms whose .ui changed since they were compiled
    python scripts/build-ui.py --all      rebuild every form
    python scripts/build-ui.py NAME...    rebuild these (setup_dialog, ui/setup_dialog.ui, ui_setup_dialog)
    python scripts/build-ui.py --check    list stale, missing or hand-edited forms; exit status 1 if any

The compiled modules are committed, so running the app or the installer needs no uic. "Stale" is judged by
content, not by modification time (a git checkout does not keep times): each compiled module records the
SHA-256 of the .ui it came from and of its own body, so a changed .ui and a hand-edited module both show up
(tests/unit/test_ui_forms.py runs the same check).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "mediation_desktop" / "gui" / "forms"

HEADER = """\
# Generated from ui/{ui_name} by scripts/build-ui.py (pyside6-uic {uic_version}): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/{ui_name}`) and run `python scripts/build-ui.py`.
# ui-sha256: {ui_hash}
# body-sha256: {body_hash}
"""
RECORD = re.compile(r"^# (ui|body)-sha256: ([0-9a-f]{64})$", re.M)
# uic's own banner names the input file and says "WARNING! All changes ... lost"; ours replaces it.
UIC_BANNER = re.compile(r"\A# -\*- coding: utf-8 -\*-\n\n#{10,}\n(?:##.*\n)*#{10,}\n\n")


def form_path(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def uic_command() -> list[str]:
    """pyside6-uic beside this Python (the venv's), else on PATH."""
    names = ("pyside6-uic.exe", "pyside6-uic") if sys.platform == "win32" else ("pyside6-uic",)
    for name in names:
        beside = Path(sys.executable).parent / name
        if beside.is_file():
            return [str(beside)]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    raise SystemExit("pyside6-uic was not found (it ships with PySide6-Essentials: pip install PySide6-Essentials)")


def uic_version(command: list[str]) -> str:
    out = subprocess.run([*command, "--version"], capture_output=True, text=True, check=True).stdout
    return out.split()[-1] if out.split() else "?"


def compile_form(ui_file: Path, command: list[str], version: str) -> Path:
    result = subprocess.run([*command, "--no-autoconnection", str(ui_file)], capture_output=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"pyside6-uic failed on {ui_file.name}:\n{result.stderr.decode(errors='replace')}")
    body = UIC_BANNER.sub("", result.stdout.decode("utf-8").replace("\r\n", "\n"))
    body = "\n".join(line.rstrip() for line in body.splitlines()).strip("\n") + "\n"
    header = HEADER.format(ui_name=ui_file.name, uic_version=version,
                           ui_hash=sha256(ui_file.read_bytes()), body_hash=sha256(body.encode("utf-8")))
    target = form_path(ui_file)
    target.write_text(header + "\n" + body, encoding="utf-8", newline="\n")
    return target


def problem(ui_file: Path) -> str | None:
    """Why the compiled form of ``ui_file`` cannot be trusted, or None when it is current."""
    target = form_path(ui_file)
    if not target.is_file():
        return "not compiled"
    text = target.read_text(encoding="utf-8")
    recorded = dict(RECORD.findall(text))
    if recorded.get("ui") != sha256(ui_file.read_bytes()):
        return "older than its .ui"
    body = text.split("\n\n", 1)[1] if "\n\n" in text else ""
    if recorded.get("body") != sha256(body.encode("utf-8")):
        return "edited by hand"
    return None


def orphans() -> list[Path]:
    """Compiled forms whose .ui is gone."""
    return [path for path in sorted(FORMS_DIR.glob("ui_*.py"))
            if not (UI_DIR / (path.stem.removeprefix("ui_") + ".ui")).is_file()]


def ui_files(names: list[str]) -> list[Path]:
    if not names:
        return sorted(UI_DIR.glob("*.ui"))
    chosen = []
    for name in names:
        stem = Path(name).stem.removeprefix("ui_")
        path = UI_DIR / f"{stem}.ui"
        if not path.is_file():
            raise SystemExit(f"no form ui/{stem}.ui")
        chosen.append(path)
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="forms to rebuild (default: the stale ones)")
    parser.add_argument("--all", action="store_true", help="rebuild every form")
    parser.add_argument("--check", action="store_true", help="only report; exit 1 when a form is not current")
    args = parser.parse_args(argv)
    files = ui_files(args.names)
    if args.check:
        findings = [f"{form_path(f).name}: {why}" for f in files if (why := problem(f))]
        findings += [f"{path.name}: its .ui is gone" for path in orphans()]
        print("\n".join(findings) if findings else f"{len(files)} forms are current")
        return 1 if findings else 0
    todo = files if (args.all or args.names) else [f for f in files if problem(f)]
    if todo:
        command = uic_command()
        version = uic_version(command)
        for ui_file in todo:
            print(f"{ui_file.relative_to(ROOT)} -> {compile_form(ui_file, command, version).relative_to(ROOT)}")
    for path in orphans():
        print(f"{path.relative_to(ROOT)} has no .ui any more: delete it")
    if not todo:
        print("every form is current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
