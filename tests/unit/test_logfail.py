"""The suite's own guards (tests/conftest.py) fail what they promise to fail.

Each case runs a small pytest session in a subprocess with a copy of the real conftest, so the
guard under test is the one every other test runs under.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

CONFTEST = Path(__file__).resolve().parents[1] / "conftest.py"
ROOT = Path(__file__).resolve().parents[2]

INI = """\
[pytest]
addopts = --strict-markers -p no:cacheprovider
markers =
    gui: x
    e2e: x
    postgres: x
    libreoffice: x
    expect_log(pattern=None): x
"""


def run_session(tmp_path: Path, body: str, **env: str) -> tuple[int, str]:
    (tmp_path / "pytest.ini").write_text(INI, encoding="utf-8")
    (tmp_path / "conftest.py").write_text(CONFTEST.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "test_inner.py").write_text(textwrap.dedent(body), encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if k not in ("CI", "MEDIATION_DESKTOP_TEST_PG_URL")}
    environ.update(env, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rA", str(tmp_path)], cwd=tmp_path,
                          capture_output=True, text=True, env=environ, timeout=300)
    return proc.returncode, proc.stdout + proc.stderr


LOGGING_TESTS = """
import logging
import pytest

log = logging.getLogger("mediation_desktop.services.example")

def test_warns():
    log.warning("disk nearly full")

def test_errors_in_a_thread():
    import threading
    t = threading.Thread(target=lambda: log.error("task failed"))
    t.start(); t.join()

@pytest.mark.expect_log
def test_warns_on_purpose():
    log.warning("disk nearly full")

@pytest.mark.expect_log(r"nearly full")
def test_warns_as_expected():
    log.warning("disk nearly full")

@pytest.mark.expect_log(r"nearly full")
def test_warns_something_else():
    log.warning("database damaged")

@pytest.mark.expect_log(r"nearly full")
def test_promises_a_line_it_never_logs():
    log.info("disk nearly full, but only as information")

def test_info_and_other_loggers_are_fine():
    log.info("opened")
    logging.getLogger("somebody.else").error("not ours")

def test_caplog_users_check_their_own_lines(caplog):
    log.warning("checked below")
    assert "checked below" in caplog.text
"""


def test_an_unexpected_warning_or_error_fails_the_test_unless_marked(tmp_path):
    code, out = run_session(tmp_path, LOGGING_TESTS)
    assert code == 1, out
    assert "FAILED test_inner.py::test_warns " in out and "WARNING mediation_desktop.services.example: disk nearly full" in out
    assert "FAILED test_inner.py::test_errors_in_a_thread" in out
    assert "FAILED test_inner.py::test_warns_something_else" in out
    assert "FAILED test_inner.py::test_promises_a_line_it_never_logs" in out
    assert "expected a WARNING or ERROR log line matching 'nearly full'; none was logged" in out
    for name in ("test_warns_on_purpose", "test_warns_as_expected", "test_info_and_other_loggers_are_fine",
                 "test_caplog_users_check_their_own_lines"):
        assert f"PASSED test_inner.py::{name}" in out, out
    assert "4 failed, 4 passed" in out


MARKED_TESTS = """
import pytest

@pytest.mark.postgres
def test_needs_postgres():
    pass

@pytest.mark.libreoffice
def test_needs_libreoffice_but_skips_itself():
    pytest.skip("no soffice")
"""


def test_a_postgres_test_without_a_server_skips_here_and_fails_on_ci(tmp_path):
    code, out = run_session(tmp_path, MARKED_TESTS)
    assert code == 0 and "SKIPPED" in out and "MEDIATION_DESKTOP_TEST_PG_URL is not set" in out, out

    code, out = run_session(tmp_path, MARKED_TESTS, CI="1")
    assert code == 1, out
    # refused while setting up (an error, which fails the run like a failure does)
    assert "ERROR test_inner.py::test_needs_postgres" in out and "CI is set" in out
    assert "FAILED test_inner.py::test_needs_libreoffice_but_skips_itself" in out
    assert "1 failed, 1 error" in out


def test_an_unreachable_postgres_server_fails_on_ci(tmp_path):
    # A URL that nothing answers (port 9 is discard; refused at once on a loopback address).
    code, out = run_session(tmp_path, MARKED_TESTS, CI="1",
                            MEDIATION_DESKTOP_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:9/postgres")
    assert code == 1, out
    assert "ERROR test_inner.py::test_needs_postgres" in out and "does not answer" in out
