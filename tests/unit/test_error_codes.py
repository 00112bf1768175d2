"""The error-code registry: every code the source can raise is registered with a Chinese message.

The scan reads the package's string literals (not comments), so a new ``raise UserError("E_NEW", …)``
anywhere without an entry in ``core/error_codes.py`` fails here.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desktop.core import error_codes
from mediation_desktop.core.error_codes import DEFAULT_NEXT_STEP, REGISTRY, message_template, next_step
from mediation_desktop.core.errors import UserError, ValidationError

PACKAGE = Path(__file__).resolve().parents[2] / "mediation_desktop"
CODE_RE = re.compile(r"(?<![A-Za-z0-9_])E_[A-Z][A-Z0-9_]*[A-Z0-9](?![A-Za-z0-9_])")
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
STRING_TOKENS = {tokenize.STRING} | {getattr(tokenize, n) for n in ("FSTRING_MIDDLE",) if hasattr(tokenize, n)}


def codes_in_source(text: str) -> set[str]:
    """E_ codes written in string literals (f-strings included), ignoring comments."""
    found: set[str] = set()
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type in STRING_TOKENS:
            found.update(CODE_RE.findall(tok.string))
    return found


def package_codes() -> dict[str, list[str]]:
    """code -> the modules that mention it (the registry itself left out)."""
    where: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "error_codes.py" and path.parent.name == "core":
            continue
        for code in codes_in_source(path.read_text(encoding="utf-8")):
            where.setdefault(code, []).append(str(path.relative_to(PACKAGE.parent)))
    return where


def test_the_scanner_finds_codes_in_literals_and_fstrings_but_not_comments():
    src = (
        'raise UserError("E_ALPHA", "x")\n'
        "err = ValidationError('E_BETA_2', f'{x}')\n"
        'sys.stderr.write(f"E_GAMMA: {message}")\n'
        '# raise UserError("E_IN_COMMENT")\n'
        'name = "NOT_E_DELTA"\n'
    )
    assert codes_in_source(src) == {"E_ALPHA", "E_BETA_2", "E_GAMMA"}


def test_the_scan_sees_the_whole_package():
    # A scan that silently read nothing would make the next test pass vacuously.
    codes = package_codes()
    assert len(codes) >= 100
    assert "mediation_desktop/services/ledger_headers.py" in codes["E_LEDGER_HEADER"]


def test_every_code_in_the_source_is_registered():
    missing = {code: files for code, files in package_codes().items() if code not in REGISTRY}
    assert not missing, "register these codes in mediation_desktop/core/error_codes.py: " + repr(missing)


def test_every_registered_code_is_still_used():
    # A stale entry documents an error the program can no longer show.
    used = set(package_codes())
    assert sorted(set(REGISTRY) - used) == []


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_each_entry_has_a_chinese_message_and_a_well_formed_code(code):
    entry = REGISTRY[code]
    assert entry.code == code
    assert CODE_RE.fullmatch(code)
    assert entry.message.strip() and CJK_RE.search(entry.message), entry
    assert entry.next_step == "" or CJK_RE.search(entry.next_step), entry
    assert not entry.message.startswith(code), "the code is prefixed when shown; the template is the text"


def test_every_family_prefix_covers_registered_codes():
    for prefix, step in error_codes._FAMILY_NEXT_STEPS:
        assert any(code.startswith(prefix) for code in REGISTRY), prefix
        assert CJK_RE.search(step)


def test_next_step_prefers_the_codes_own_then_its_family_then_the_default():
    assert next_step("E_EXTENSION_LATE") == REGISTRY["E_EXTENSION_LATE"].next_step
    assert REGISTRY["E_LEDGER_HEADER"].next_step == ""
    assert next_step("E_LEDGER_HEADER") == next_step("E_LEDGER_FORMAT") != DEFAULT_NEXT_STEP
    assert next_step("E_AMOUNT_NEGATIVE") == DEFAULT_NEXT_STEP


def test_a_user_error_without_a_message_takes_the_registered_template():
    err = UserError("E_PKG_MAGIC")
    assert err.message == REGISTRY["E_PKG_MAGIC"].message
    assert str(err) == f"E_PKG_MAGIC: {REGISTRY['E_PKG_MAGIC'].message}"
    assert err.next_step == next_step("E_PKG_MAGIC")
    # A message given at the raise site still wins.
    assert ValidationError("E_AMOUNT_NEGATIVE", "金额不能为负数：-1", field="amount").message == "金额不能为负数：-1"


@given(st.text())
def test_lookups_never_raise_on_any_text(code):
    # The window and the command line look codes up from caught errors: never a second crash there.
    assert isinstance(message_template(code), str)
    assert next_step(code)


def test_the_command_line_shows_the_code_and_the_registered_message_end_to_end(tmp_path):
    # A real subprocess: a command refused with a registered code prints that code first and exits 2.
    env = {"MEDIATION_DESKTOP_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-m", "mediation_desktop", "cases"], capture_output=True,
                          text=True, env=env, timeout=120)
    assert proc.returncode == 2, proc.stderr
    code = proc.stderr.split(":", 1)[0].strip()
    assert code == "E_NOT_INITIALISED" and code in REGISTRY
