"""Test-wide set-up: every test gets its own data folder; Qt runs offscreen unless a display is set."""

from __future__ import annotations

import os

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
