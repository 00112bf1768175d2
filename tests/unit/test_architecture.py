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


def test_back_end_loads_no_qt_in_a_fresh_process():
    code = (
        "import sys\n"
        "import mediation_desktop.cli, mediation_desktop.services.cases, mediation_desktop.services.ledger_import\n"
        "import mediation_desktop.storage.queries, mediation_desktop.core.deadlines\n"
        "for name in ('mediation_desktop.documents', 'mediation_desktop.sync'):\n"
        "    __import__(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
