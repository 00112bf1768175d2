"""The Qt Designer forms in ui/ and their compiled modules in mediation_desktop/gui/forms/.

A compiled form is current when the SHA-256 of its .ui recorded in its header matches the .ui as it is
now (content, not modification times, which a checkout does not keep) and its body is the one the build
wrote. These tests run scripts/build-ui.py's own check, and drive the script on a copy to show the check
can fail.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build-ui.py"


def load_build(root: Path):
    spec = importlib.util.spec_from_file_location(f"build_ui_{id(root)}", root / "scripts" / "build-ui.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_compiled_form_is_current_and_every_form_is_compiled():
    build = load_build(ROOT)
    ui_files = sorted((ROOT / "ui").glob("*.ui"))
    assert ui_files
    stale = {f.name: why for f in ui_files if (why := build.problem(f))}
    assert not stale, f"run `python scripts/build-ui.py`: {stale}"
    assert not build.orphans()


def test_compiled_forms_say_they_are_generated_and_name_their_source():
    for path in sorted((ROOT / "mediation_desktop" / "gui" / "forms").glob("ui_*.py")):
        head = path.read_text(encoding="utf-8").splitlines()[:4]
        assert head[0].startswith(f"# Generated from ui/{path.stem.removeprefix('ui_')}.ui by scripts/build-ui.py")
        assert "do not edit" in head[0]


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of ui/, the compiled forms and the script, laid out as in the repository."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(SCRIPT, tmp_path / "scripts" / "build-ui.py")
    shutil.copytree(ROOT / "ui", tmp_path / "ui")
    forms = tmp_path / "mediation_desktop" / "gui" / "forms"
    shutil.copytree(ROOT / "mediation_desktop" / "gui" / "forms", forms,
                    ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def run_script(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(root / "scripts" / "build-ui.py"), *args],
                          capture_output=True, text=True, timeout=120, check=False)


def test_a_changed_ui_makes_its_form_stale_and_the_build_rebuilds_only_that_one(checkout: Path):
    ui = checkout / "ui" / "signin.ui"
    ui.write_text(ui.read_text(encoding="utf-8").replace("<string>密码</string>", "<string>口令</string>"),
                  encoding="utf-8")
    other = checkout / "mediation_desktop" / "gui" / "forms" / "ui_setup_dialog.py"
    before = other.read_bytes()
    check = run_script(checkout, "--check")
    assert check.returncode == 1
    assert "ui_signin.py: older than its .ui" in check.stdout
    assert "setup_dialog" not in check.stdout
    built = run_script(checkout)
    assert built.returncode == 0, built.stderr
    assert "ui/signin.ui -> " in built.stdout and "setup_dialog" not in built.stdout
    assert other.read_bytes() == before
    compiled = (checkout / "mediation_desktop" / "gui" / "forms" / "ui_signin.py").read_text(encoding="utf-8")
    assert r"\u53e3\u4ee4" in compiled            # 口令, as uic escapes it
    assert run_script(checkout, "--check").returncode == 0


def test_a_hand_edited_form_and_an_orphan_are_reported(checkout: Path):
    forms = checkout / "mediation_desktop" / "gui" / "forms"
    path = forms / "ui_signin.py"
    path.write_text(path.read_text(encoding="utf-8") + "# moved a field here\n", encoding="utf-8")
    (checkout / "ui" / "first_user.ui").unlink()
    check = run_script(checkout, "--check")
    assert check.returncode == 1
    assert "ui_signin.py: edited by hand" in check.stdout
    assert "ui_first_user.py: its .ui is gone" in check.stdout


def test_naming_a_form_that_does_not_exist_is_refused(checkout: Path):
    result = run_script(checkout, "no_such_form")
    assert result.returncode != 0
    assert "no form ui/no_such_form.ui" in result.stderr
