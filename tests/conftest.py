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
