"""The frozen bundle's recipe (installer/) agrees with the code it packages.

The fast tests read the spec, the NSIS script and pyproject.toml without building anything. The one
slow test builds the real bundle with PyInstaller and runs it (see its docstring).
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

import mediation_desktop
from mediation_desktop import cli, paths
from mediation_desktop.documents import rendering

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "mediation-desktop.spec"
NSI = INSTALLER / "mediation-desktop.nsi"
MIGRATIONS = ROOT / "mediation_desktop" / "storage" / "migrations"


def spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def spec_literal(name: str):
    """The value of a top-level ``NAME = <literal>`` assignment in the spec."""
    for node in spec_tree().body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not assigned a literal in {SPEC.name}")


def nsis_text() -> str:
    return NSI.read_text(encoding="utf-8-sig")


def nsis_section(name: str) -> str:
    match = re.search(rf'^Section "{re.escape(name)}"[^\n]*\n(.*?)^SectionEnd', nsis_text(), re.S | re.M)
    assert match, f"no Section {name!r} in {NSI.name}"
    return match.group(1)


def load_installer_module(name: str):
    spec = importlib.util.spec_from_file_location(f"installer_{name}", INSTALLER / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the PyInstaller spec ---------------------------------------------------------------------

def test_spec_is_python_and_starts_at_the_launcher_which_runs_the_cli():
    tree = spec_tree()
    source = SPEC.read_text(encoding="utf-8")
    assert 'ENTRY_SCRIPT = str(ROOT / "installer" / "launcher.py")' in source
    assert any(isinstance(n, ast.Call) and getattr(n.func, "id", "") == "Analysis" for n in ast.walk(tree))

    launcher = ast.parse((INSTALLER / "launcher.py").read_text(encoding="utf-8"))
    imports = {(n.module, a.name) for n in ast.walk(launcher) if isinstance(n, ast.ImportFrom) for a in n.names}
    assert ("mediation_desktop.cli", "main") in imports


def test_spec_builds_a_windowed_gui_and_a_console_cli_into_one_folder():
    source = SPEC.read_text(encoding="utf-8")
    assert '_exe("mediation-desktop", console=False)' in source
    assert '_exe("mediation-desktop-cli", console=True)' in source
    assert "COLLECT(" in source and "onefile" not in source.lower()


def test_every_command_module_is_a_hidden_import():
    listed = set(spec_literal("COMMAND_MODULES"))
    missing = set(cli.COMMAND_MODULES) - listed
    assert not missing, f"add {sorted(missing)} to COMMAND_MODULES in {SPEC.name}"
    source = SPEC.read_text(encoding="utf-8")
    assert 'f"mediation_desktop.commands.{name}" for name in COMMAND_MODULES' in source


def test_every_bundled_resource_exists_and_is_not_empty():
    resources = ROOT / "resources"
    for name in spec_literal("RESOURCE_FOLDERS"):
        folder = resources / name
        assert folder.is_dir(), f"the spec bundles resources/{name}, which is missing"
        assert any(p.is_file() for p in folder.rglob("*")), f"resources/{name} is empty"
    for name in spec_literal("RESOURCE_FILES"):
        assert (resources / name).is_file()
    for name in spec_literal("OPTIONAL_RESOURCE_FOLDERS"):
        assert name not in spec_literal("RESOURCE_FOLDERS")


def test_every_template_kind_is_in_the_bundled_templates_folder():
    from mediation_desktop.documents.kinds import KINDS

    assert "templates" in spec_literal("RESOURCE_FOLDERS")
    for kind in KINDS:
        assert (ROOT / "resources" / "templates" / f"{kind}.docx").is_file()


def test_the_app_looks_for_resources_where_the_spec_puts_them(monkeypatch, tmp_path):
    # In a checkout: the folder the spec bundles from.
    assert paths.resources_dir() == ROOT / "resources"
    assert rendering.builtin_template_dir() == ROOT / "resources" / "templates"
    # In a bundle: the spec's destination "resources/<name>" below sys._MEIPASS.
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
    assert rendering.builtin_template_dir() == tmp_path / "resources" / "templates"


def test_the_migrations_alembic_loads_by_path_are_bundled():
    source = SPEC.read_text(encoding="utf-8")
    assert 'ROOT / "mediation_desktop" / "storage" / "migrations"' in source
    assert '_files_under(MIGRATIONS, "mediation_desktop/storage/migrations")' in source
    from mediation_desktop.storage import migrate

    assert migrate.MIGRATIONS == MIGRATIONS  # the bundle keeps the package-relative layout
    assert (MIGRATIONS / "env.py").is_file() and list((MIGRATIONS / "versions").glob("*.py"))


def test_data_files_of_libraries_are_collected():
    source = SPEC.read_text(encoding="utf-8")
    for package in ("cn2an", "docx"):
        assert f'collect_data_files("{package}")' in source


def test_qt_is_trimmed_to_the_essentials_the_gui_uses():
    excludes = set(spec_literal("QT_EXCLUDES"))
    for heavy in ("PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtPdf",
                  "PySide6.QtMultimedia"):
        assert heavy in excludes
    assert not excludes & {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"}
    # libQt6Gui links libQt6DBus on Linux: dropping it made the frozen GUI fail to start.
    assert not any("dbus" in token for token in spec_literal("QT_FILE_DROPS"))


def test_of_the_qt_addons_only_qtcharts_is_bundled():
    import importlib.metadata

    excludes = set(spec_literal("QT_EXCLUDES")) | set(spec_literal("QT_ADDONS_EXCLUDES"))
    assert "PySide6.QtCharts" not in excludes
    assert "QT_ADDONS_EXCLUDES" in SPEC.read_text(encoding="utf-8").split("excludes=", 1)[1].split("\n", 1)[0]
    files = importlib.metadata.distribution("PySide6-Addons").files or []
    addons = {f"PySide6.{p.name.split('.')[0]}" for p in files
              if p.parts[0] == "PySide6" and len(p.parts) == 2 and p.name.startswith("Qt") and p.suffix in (".pyd", ".so")}
    assert "PySide6.QtCharts" in addons
    assert addons - {"PySide6.QtCharts"} <= excludes, sorted(addons - {"PySide6.QtCharts"} - excludes)
    # The libraries QtCharts loads survive the file drops; the other Addons libraries do not.
    drops = spec_literal("QT_FILE_DROPS")
    for kept in ("pyside6/qt/lib/libqt6charts.so.6", "pyside6/qt6charts.dll", "pyside6/qt6opengl.dll",
                 "pyside6/qt/lib/libqt6openglwidgets.so.6", "pyside6/qt/lib/libqt6opengl.so.6"):
        assert not any(token in "/" + kept for token in drops), kept
    for dropped in ("pyside6/qt/lib/libqt63drender.so.6", "pyside6/qt6datavisualization.dll",
                    "pyside6/qt/lib/libqt6graphs.so.6", "pyside6/qt6location.dll"):
        assert any(token in "/" + dropped for token in drops), dropped


# --- the NSIS installer -----------------------------------------------------------------------

def test_installer_is_unicode_simplified_chinese_and_per_user():
    text = nsis_text()
    assert re.search(r"^Unicode true$", text, re.M)
    assert '!insertmacro MUI_LANGUAGE "SimpChinese"' in text
    assert re.search(r"^RequestExecutionLevel user$", text, re.M)
    assert re.search(r'^InstallDir "\$LOCALAPPDATA\\Programs\\\$\{APP_ID\}"$', text, re.M)
    assert NSI.read_bytes().startswith(b"\xef\xbb\xbf"), "keep the BOM so makensis reads the Chinese as UTF-8"


def test_installer_names_the_data_folder_the_app_uses():
    text = nsis_text()
    assert f'!define APP_ID "{mediation_desktop.APP_NAME}"' in text
    # platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False) on Windows
    assert '!define DATA_DIR "$LOCALAPPDATA\\${APP_ID}"' in text


def test_installer_makes_start_menu_and_desktop_shortcuts():
    assert 'CreateShortcut "$SMPROGRAMS\\${APP_NAME}.lnk" "$INSTDIR\\${GUI_EXE}"' in nsis_section("!${APP_NAME}（必需）")
    assert 'CreateShortcut "$DESKTOP\\${APP_NAME}.lnk"' in nsis_section("桌面快捷方式")


def test_uninstaller_leaves_the_data_folder_alone_and_says_so():
    uninstall = nsis_section("Uninstall")
    removals = [line.strip() for line in uninstall.splitlines() if line.strip().startswith(("RMDir", "Delete"))]
    assert removals, "the uninstaller removes nothing?"
    for line in removals:
        assert "DATA_DIR" not in line and "LOCALAPPDATA" not in line and "APPDATA" not in line, line
        if line.startswith("RMDir /r"):
            # recursive removal only of the bundle's own folder, never of the install folder itself
            assert line == 'RMDir /r "$INSTDIR\\_internal"', line
    assert 'RMDir "$INSTDIR"' in removals  # removed only when nothing else is left in it
    text = nsis_text()
    assert "不会被删除" in text and "没有删除" in text  # the confirm page and the final message


def test_nsis_script_compiles_with_makensis(tmp_path):
    """Compiles the real script over a tiny fake bundle (seconds, not minutes)."""
    makensis = shutil.which("makensis")
    if makensis is None:
        if os.environ.get("CI"):
            pytest.fail("makensis is not installed on CI (scripts/run-tests.sh installs the nsis package)")
        pytest.skip("makensis (NSIS 3) is not installed")
    bundle = tmp_path / "mediation-desktop"
    (bundle / "_internal").mkdir(parents=True)
    for name in ("mediation-desktop.exe", "mediation-desktop-cli.exe", "_internal/placeholder.txt"):
        (bundle / name).write_bytes(b"placeholder")
    out = tmp_path / "setup-check.exe"
    dash = "/" if sys.platform == "win32" else "-"
    done = subprocess.run([makensis, f"{dash}V2", f"{dash}INPUTCHARSET", "UTF8", f"{dash}DDIST_DIR={bundle}",
                           f"{dash}DOUT_FILE={out}", f"{dash}DVERSION={mediation_desktop.__version__}", str(NSI)],
                          capture_output=True, text=True, cwd=INSTALLER, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.read_bytes()[:2] == b"MZ"


# --- pyproject ------------------------------------------------------------------------------

def test_package_data_ships_every_migration_file():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = project["tool"]["setuptools"]["package-data"]["mediation_desktop"]
    package = ROOT / "mediation_desktop"
    needed = [p for p in MIGRATIONS.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in needed:
        rel = path.relative_to(package).as_posix()
        assert any(fnmatch(rel, pattern) for pattern in patterns), f"{rel} is not in package-data"
    assert not any(pattern.startswith("resources/") for pattern in patterns), \
        "resources/ is mapped to its own package (mediation_desktop.resources), not listed under mediation_desktop"
    assert any(req.lower().startswith("pyinstaller") for req in project["project"]["optional-dependencies"]["build"])


def _setuptools_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_listed_packages_are_exactly_the_source_packages():
    """The package list is explicit (resources/ is mapped in), so a new sub-package must be added."""
    listed = set(_setuptools_config()["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "mediation_desktop").rglob("__init__.py")
             if "__pycache__" not in p.parts}
    assert listed - {"mediation_desktop.resources"} == found
    # A folder of modules without __init__.py would be left out of the wheel without a word; only the
    # migrations ship as files (package-data), since Alembic loads them by path.
    shipped_as_files = {"mediation_desktop.storage.migrations", "mediation_desktop.storage.migrations.versions"}
    with_modules = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "mediation_desktop").rglob("*.py")
                    if "__pycache__" not in p.parts}
    assert with_modules - shipped_as_files == found


def test_every_resource_file_is_package_data_of_the_mapped_package():
    config = _setuptools_config()
    assert config["package-dir"]["mediation_desktop.resources"] == "resources"
    patterns = config["package-data"]["mediation_desktop.resources"]
    files = [p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources").rglob("*") if p.is_file()]
    assert files
    for rel in files:
        assert any(fnmatch(rel, pattern) or pattern == "**/*" for pattern in patterns), rel


def test_resources_dir_in_an_installed_layout(monkeypatch, tmp_path):
    """In a wheel or `pip install .` the resources are inside the package; that wins over a folder beside it."""
    package = tmp_path / "site" / "mediation_desktop"
    (package / "resources" / "templates").mkdir(parents=True)
    (tmp_path / "site" / "resources").mkdir()
    monkeypatch.setattr(paths, "__file__", str(package / "paths.py"))
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert paths.resources_dir() == package / "resources"
    assert rendering.builtin_template_dir() == package / "resources" / "templates"


def _copy_source(dest: Path) -> Path:
    """The files a build reads, copied out of the checkout so the build leaves nothing in it."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    dest.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("mediation_desktop", "resources"):
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    return dest


def test_a_wheel_ships_the_resources_and_renders_documents(tmp_path):
    """Build a wheel, install it into an empty folder, and run the command line from there, outside
    the checkout: the built-in templates must come with it (E_TEMPLATE_MISSING otherwise)."""
    pytest.importorskip("wheel")  # setuptools < 70 builds wheels with it (the test extra installs it)
    source = _copy_source(tmp_path / "src")
    dist, site, work = tmp_path / "dist", tmp_path / "site", tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(site), "PIP_NO_INDEX": "1",
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("MEDIATION_DESKTOP_DATA_DIR", None)

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run([sys.executable, *args], capture_output=True, text=True, encoding="utf-8",
                              cwd=work, env=env, timeout=300, stdin=subprocess.DEVNULL)
        assert not check or done.returncode == 0, done.stdout + done.stderr
        return done

    run("-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist), str(source))
    (wheel,) = dist.glob("mediation_desktop-*.whl")
    run("-m", "pip", "install", "--no-deps", "--no-compile", "--target", str(site), str(wheel))
    assert (site / "mediation_desktop" / "resources" / "templates" / "agreement.docx").is_file()

    where = run("-c", "import mediation_desktop, mediation_desktop.paths as p; "
                      "print(mediation_desktop.__file__); print(p.resources_dir())").stdout.splitlines()
    assert Path(where[0]).resolve().is_relative_to(site.resolve()), where
    assert Path(where[1]).resolve() == (site / "mediation_desktop" / "resources").resolve()

    data = tmp_path / "data"
    cli = ("-m", "mediation_desktop", "--data-dir", str(data), "--user", "测试员")
    run(*cli, "init", "--org", "和平区测试调解中心", "--org-code", "HPCS")
    run(*cli, "demo", "--cases", "2")
    import json

    case_no = json.loads(run(*cli, "cases", "--json").stdout)[0]["case_no"]
    out = tmp_path / "申请书.docx"
    done = run(*cli, "doc", case_no, "application", "--out", str(out), check=False)
    assert done.returncode == 0, done.stderr
    from docx import Document

    assert case_no in "\n".join(p.text for p in Document(str(out)).paragraphs)


# --- the real build -------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("MEDIATION_DESKTOP_TEST_FREEZE") != "1",
                    reason="set MEDIATION_DESKTOP_TEST_FREEZE=1 to build the frozen bundle (about 2 minutes; run-tests.sh does)")
def test_frozen_bundle_runs_the_cli_and_starts_the_gui(tmp_path):
    """Builds the bundle with PyInstaller and runs the smoke test on it (installer/smoke.py).

    About 110 s to build and smoke-test on two cores (190 MB on disk), so it runs only with
    MEDIATION_DESKTOP_TEST_FREEZE=1, which scripts/run-tests.sh (and so CI) sets; a quick local run
    leaves it out. Run it after changing the spec, the launcher, a dependency or anything loaded by
    name or by path.
    """
    if importlib.util.find_spec("PyInstaller") is None:
        if os.environ.get("CI"):
            pytest.fail("PyInstaller is not installed on CI (scripts/run-tests.sh installs the build extra)")
        pytest.skip("PyInstaller is not installed (pip install -e .[build])")
    build = load_installer_module("build")
    bundle = build.run_pyinstaller(tmp_path / "dist", tmp_path / "work")
    steps = build.smoke_test(bundle, tmp_path / "smoke")
    assert steps[:3] == ["init", "demo --cases 20", "cases --json"]
    assert "doc agreement" in steps and "ledger template" in steps
    assert steps[-1].startswith("GUI still running")


# --- Qt Designer forms ----------------------------------------------------------------------

def test_the_bundle_ships_the_compiled_forms_and_not_ui():
    """The .ui files are sources for the build step (scripts/build-ui.py); the bundle and the wheel carry
    only the compiled mediation_desktop/gui/forms/ui_*.py, which the GUI imports statically."""
    ui_files = sorted((ROOT / "ui").glob("*.ui"))
    assert ui_files
    strings = [node.value for node in ast.walk(spec_tree()) if isinstance(node, ast.Constant)
               and isinstance(node.value, str)]
    assert not [s for s in strings if s == "ui" or s.startswith(("ui/", "ui\\")) or s.endswith(".ui")], \
        "the spec must not bundle ui/"
    assert "ui" not in spec_literal("RESOURCE_FOLDERS") + spec_literal("OPTIONAL_RESOURCE_FOLDERS")
    config = _setuptools_config()
    assert not any(".ui" in pattern or pattern.startswith("ui") for patterns in config["package-data"].values()
                   for pattern in patterns)
    assert "mediation_desktop.gui.forms" in config["packages"]
    gui_sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "mediation_desktop" / "gui").rglob("*.py")
                            if "forms" not in p.parts)
    for ui_file in ui_files:
        assert (ROOT / "mediation_desktop" / "gui" / "forms" / f"ui_{ui_file.stem}.py").is_file()
        # Imported by name, so PyInstaller's analysis finds it without a hidden import.
        assert f"mediation_desktop.gui.forms.ui_{ui_file.stem} import" in gui_sources, ui_file.name
