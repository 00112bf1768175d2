"""The layer rules of ARCHITECTURE.md §2, checked on the source and in a fresh interpreter."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "mediation_desktop"


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def modules_outside(folder: str):
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] != folder:
            yield rel, path


def test_only_gui_imports_qt():
    offenders = [str(rel) for rel, path in modules_outside("gui") if {"PySide6", "shiboken6"} & imported_roots(path)]
    assert offenders == []


def test_only_storage_imports_sqlalchemy_or_alembic():
    offenders = [str(rel) for rel, path in modules_outside("storage") if {"sqlalchemy", "alembic"} & imported_roots(path)]
    assert offenders == []


def test_core_is_plain_python():
    allowed_third_party = {"cn2an", "chinese_calendar"}
    for path in (PACKAGE / "core").rglob("*.py"):
        roots = imported_roots(path) - {"mediation_desktop", "__future__"}
        third_party = {r for r in roots if r not in sys.stdlib_module_names}
        assert third_party <= allowed_third_party, (path.name, third_party)


# Each layer imports only the layers below it (README "For developers", ARCHITECTURE.md §2), read
# from the code: documents renders from core values and knows no database, services use storage and
# documents, sync packages what services keep, commands and the GUI drive services and sync.
# Layers of the same rank may not import each other. Lazy imports inside functions count too.
LAYER_RANK = {
    "__init__": 0,  # the package's names (APP_NAME, __version__)
    "core": 1, "paths": 1, "log": 1,
    "storage": 2, "documents": 2,
    "services": 3,
    "sync": 4,
    "commands": 5, "gui": 5,
    "app": 6,
    "cli": 7,
    "__main__": 8,
}
# Known exceptions, each named with its reason; empty is the goal.
LAYER_EXCEPTIONS: set[tuple[str, str]] = set()


def layer_of(rel: Path) -> str:
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def imported_layers(path: Path) -> set[str]:
    """The package's own layers a module imports (``from mediation_desktop import APP_NAME`` is __init__)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    layers = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "mediation_desktop":
                names = [f"mediation_desktop.{a.name}" for a in node.names]
            else:
                names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] != "mediation_desktop":
                continue
            if len(parts) == 1:
                layers.add("__init__")
            elif parts[1] in LAYER_RANK:
                layers.add(parts[1])
            else:
                layers.add("__init__")  # a name defined in the package's __init__ (APP_NAME, __version__)
    return layers


def layer_violations(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package)
        mine = layer_of(rel)
        for other in imported_layers(path) - {mine}:
            upward = LAYER_RANK[other] >= LAYER_RANK[mine]
            if upward and (mine, other) not in LAYER_EXCEPTIONS:
                found.append(f"{rel.as_posix()} ({mine}) imports {other}")
    return found


def test_every_top_level_module_has_a_layer():
    tops = {layer_of(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")}
    assert tops <= set(LAYER_RANK), f"give {sorted(tops - set(LAYER_RANK))} a rank in LAYER_RANK"


def test_each_layer_imports_only_the_layers_below_it():
    assert layer_violations(PACKAGE) == []
    assert all(LAYER_RANK[a] > LAYER_RANK[b] for a, b in LAYER_EXCEPTIONS), "an exception that is not needed"


def test_the_layer_check_catches_an_upward_import(tmp_path):
    # The rule itself can fail: core importing services, storage importing documents (same rank).
    pkg = tmp_path / "mediation_desktop"
    for rel, text in {
        "core/model.py": "def f():\n    from mediation_desktop.services import cases\n",
        "storage/repo.py": "import mediation_desktop.documents.rendering\n",
        "services/ok.py": "from mediation_desktop.storage import repo\nfrom mediation_desktop import APP_NAME\n",
        "sync/ok.py": "from mediation_desktop.services import ok\n",
    }.items():
        (pkg / rel).parent.mkdir(parents=True, exist_ok=True)
        (pkg / rel).write_text(text, encoding="utf-8")
    assert layer_violations(pkg) == ["core/model.py (core) imports services",
                                     "storage/repo.py (storage) imports documents"]


BACK_END_LAYERS = ("core", "storage", "services", "documents", "sync", "commands")


def test_back_end_loads_no_qt_in_a_fresh_process():
    # Every module of every back-end layer (the whole sync stack included), then the command line.
    modules = []
    for layer in BACK_END_LAYERS:
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            rel = path.relative_to(PACKAGE.parent).with_suffix("")
            if "migrations" in rel.parts:
                continue  # run by Alembic, not imported
            modules.append(".".join(p for p in rel.parts if p != "__init__"))
    modules.append("mediation_desktop.cli")
    assert "mediation_desktop.sync.importer" in modules and "mediation_desktop.sync.container" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = [m for m in sys.modules if m.startswith('mediation_desktop.')]\n"
        "print(len(loaded), sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, qt = out.stdout.strip().split(" ", 1)
    assert qt == "[]"
    assert int(count) >= len(modules) - 1
