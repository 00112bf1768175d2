"""Test-wide set-up: every test gets its own data folder; Qt runs offscreen unless a display is set."""

from __future__ import annotations

import logging
import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


def pytest_collection_modifyitems(config, items):
    # Mark GUI tests automatically (qutebrowser's habit) so `-m "not gui"` runs the pure suite.
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures or "qtmodeltester" in fixtures:
            item.add_marker(pytest.mark.gui)
        if "/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh data folder for this test; also what the CLI sees through the environment."""
    d = tmp_path / "data"
    d.mkdir()
    monkeypatch.setenv("MEDIATION_DESKTOP_DATA_DIR", str(d))
    return d


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch):
    """Sign-in is exercised many times: a weak argon2 setting keeps it fast (never in production;
    argon2 at its real cost takes ~0.2 s a hash here, and the logic under test is the same)."""
    from argon2 import PasswordHasher

    from mediation_desktop.services import accounts

    cheap = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    monkeypatch.setattr(accounts, "_hasher", cheap)
    monkeypatch.setattr(accounts, "_DUMMY_HASH", cheap.hash("x"))


# --- no silent skips on CI ----------------------------------------------------------------------
# A test marked postgres or libreoffice that cannot run skips on a developer's machine, and FAILS when
# the environment variable CI is set: there the test script provides both, and a skip would hide
# that the consolidated database or the PDF conversion went untested.

def _on_ci() -> bool:
    return bool(os.environ.get("CI"))


_pg_reachable: dict[str, str | None] = {}


def _postgres_problem() -> str | None:
    """Why the PostgreSQL tests cannot run here (None when they can); asked once per run."""
    url = os.environ.get("MEDIATION_DESKTOP_TEST_PG_URL")
    if not url:
        return "MEDIATION_DESKTOP_TEST_PG_URL is not set (scripts/run-tests.sh starts a server and sets it)"
    if url not in _pg_reachable:
        from sqlalchemy import create_engine, text
        from sqlalchemy.exc import SQLAlchemyError

        engine = create_engine(url, connect_args={"connect_timeout": 5})
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            _pg_reachable[url] = None
        except SQLAlchemyError as exc:
            _pg_reachable[url] = f"the PostgreSQL server at {url} does not answer: {exc.__class__.__name__}"
        finally:
            engine.dispose()
    return _pg_reachable[url]


def _libreoffice_problem() -> str | None:
    from mediation_desktop.documents.pdf import find_soffice

    return None if find_soffice() else "LibreOffice (soffice) is not installed"


_NEEDS = {"postgres": _postgres_problem, "libreoffice": _libreoffice_problem}


def pytest_runtest_setup(item):
    for marker, problem_of in _NEEDS.items():
        if item.get_closest_marker(marker) is None:
            continue
        problem = problem_of()
        if problem is None:
            continue
        if _on_ci():
            pytest.fail(f"CI is set, so this {marker} test must run: {problem}", pytrace=False)
        pytest.skip(problem)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    # Whatever skipped it (a skipif, a skip inside the test), on CI a marked test may not skip.
    if _on_ci() and report.skipped and any(item.get_closest_marker(m) for m in _NEEDS) \
            and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"CI is set: a {'/'.join(m for m in _NEEDS if item.get_closest_marker(m))} test " \
                          f"may not skip ({report.longrepr})"
    return report


# --- logfail ------------------------------------------------------------------------------------
# An unexpected WARNING or ERROR from the program's own loggers fails the test (qutebrowser's
# logfail): such a line is a fault the user never sees, and a test that passes over it hides it.
# A test that provokes one on purpose says so with ``@pytest.mark.expect_log`` (optionally with a
# regular expression the message must match), or inspects the lines itself through ``caplog``.

class _LogFailHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_logfail = _LogFailHandler()


def pytest_configure(config):
    logging.getLogger("mediation_desktop").addHandler(_logfail)


def pytest_unconfigure(config):
    logging.getLogger("mediation_desktop").removeHandler(_logfail)


def _unexpected_log_lines(item, *, expected_seen: list[bool] | None = None) -> list[str]:
    """The WARNING/ERROR lines the test did not announce; ``expected_seen`` (when given) gets
    whether a line matching the marker's pattern was among them."""
    records, _logfail.records = _logfail.records, []
    if "caplog" in getattr(item, "fixturenames", ()):
        return []
    marker = item.get_closest_marker("expect_log")
    if marker is not None and not marker.args:
        return []
    allowed = re.compile(marker.args[0]) if marker is not None else None
    lines = []
    for r in records:
        text = r.getMessage()
        if allowed is not None and allowed.search(text):
            if expected_seen is not None:
                expected_seen.append(True)
            continue
        lines.append(f"{r.levelname} {r.name}: {text}")
    return lines


def pytest_runtest_logstart(nodeid, location):
    _logfail.records = []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    seen: list[bool] = []
    lines = _unexpected_log_lines(item, expected_seen=seen)
    if lines:
        pytest.fail("unexpected log lines (mark the test @pytest.mark.expect_log(pattern) if they are "
                    "expected):\n  " + "\n  ".join(lines[:10]), pytrace=False)
    # A pattern is a promise as well as a permission: the line it names must have been logged
    # (while setting up or running the test), or the marker hides that the fault went unreported.
    marker = item.get_closest_marker("expect_log")
    if marker is not None and marker.args and not seen and "caplog" not in getattr(item, "fixturenames", ()):
        pytest.fail(f"expected a WARNING or ERROR log line matching {marker.args[0]!r}; none was logged",
                    pytrace=False)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    lines = _unexpected_log_lines(item)
    if lines:
        pytest.fail("unexpected log lines while tearing down:\n  " + "\n  ".join(lines[:10]), pytrace=False)
    return result
