"""The supervisor's window on a PostgreSQL server (the test script's real server): it opens without
claiming the data folder, signs in against the accounts on the server, and lists the cases two
rooms reported; a second window on the same folder opens too (several staff at once)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))

from postgres_db import fresh_database
from sync_helpers import enrol, export_one, import_one, make_node

from mediation_desktop.services.demo import fill_demo

pytestmark = pytest.mark.postgres
TEST_USER, TEST_PASSWORD = "测试员", "correct-horse"


@pytest.fixture
def server_district(tmp_path, data_dir, monkeypatch):
    from mediation_desktop.paths import DataPaths
    from mediation_desktop.services.accounts import create_first_user
    from mediation_desktop.services.backend import Backend
    from mediation_desktop.sync.trust import create_keys

    with fresh_database("md_gui") as url:
        sup = Backend(DataPaths.resolve(data_dir), TEST_USER, db_url=url)
        sup.migrate()
        sup.initialise("和平区人力资源和社会保障局", "D01", "supervisor")
        create_keys(sup)
        create_first_user(sup, TEST_USER, TEST_PASSWORD)
        for i, code in enumerate(("HP", "NS")):
            room = make_node(tmp_path / code, "room", f"{code}调解委员会", code)
            enrol(room, sup)
            fill_demo(room, 12, seed=40 + i)
            assert import_one(sup, export_one(room, tmp_path / f"usb{i}")).status == "imported"
            room.close()
        sup.close()
        monkeypatch.setenv("MEDIATION_DESKTOP_DATABASE_URL", url)   # the window finds the server here
        yield url


def test_supervisor_window_opens_on_the_server_and_lists_cases(server_district, data_dir, make_window, qtbot,
                                                              wait_idle):
    assert not (data_dir / "mediation.sqlite3").exists()
    window = make_window(org=None, wait=False)   # waits until the start-up's work is done
    qtbot.waitUntil(lambda: window._pages_built, timeout=30000)
    wait_idle(window)
    assert window.ctx.backend.db.is_server
    with qtbot.waitSignal(window.cases.keys_loaded, timeout=30000) as got:
        window.show_key("cases")
    assert got.args[0] == 24
    qtbot.waitUntil(lambda: window.cases.count_label.text() == "共 24 件", timeout=15000)

    second = make_window(org=None, wait=False)   # another staff member's window: no folder lock refuses it
    qtbot.waitUntil(lambda: second._pages_built, timeout=30000)
    wait_idle(second)
    assert second.ctx.backend.db.is_server
    from mediation_desktop.gui import messages

    assert not [m for m in messages.shown if "已经打开" in str(m)]


def test_database_server_setting_tries_the_connection_off_the_gui_thread(server_district, data_dir, make_window,
                                                                         qtbot, wait_idle, dialog_answers):
    from mediation_desktop.core.database_url import stored_database_url

    window = make_window(org=None, wait=False)
    qtbot.waitUntil(lambda: window._pages_built, timeout=30000)
    wait_idle(window)
    dialog_answers["OrganisationDialog"] = lambda _d: False   # opened from 设置 → 组织信息, left open here
    organisation = window.edit_organisation()
    dialog = organisation.edit_database_server()
    qtbot.addWidget(dialog)

    dialog.url.setText("postgresql://staff:secret@127.0.0.1:1/district")
    dialog.test_button.click()
    assert not dialog.test_button.isEnabled()          # the GUI thread did not wait for the answer
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=30000)
    assert dialog.status.text().startswith("连接失败") and "secret" not in dialog.status.text()

    dialog.url.setText("mysql://x/y")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=30000)
    assert "只能连接 PostgreSQL" in dialog.status.text()

    dialog.url.setText(server_district)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=30000)
    assert dialog.status.text().startswith("连接成功") and "已有调解工作台的数据表" in dialog.status.text()
    dialog.save()
    assert stored_database_url(data_dir) == server_district


def test_an_unreachable_server_is_explained_in_chinese(data_dir, make_window, qtbot, monkeypatch):
    from mediation_desktop.gui import crash, messages

    monkeypatch.setenv("MEDIATION_DESKTOP_DATABASE_URL", "postgresql://staff:secret@127.0.0.1:1/district")
    window = make_window(org=None, wait=False)
    qtbot.waitUntil(lambda: any("E_DATABASE_CONNECT" in str(m) or "无法连接数据库服务器" in str(m)
                                for m in messages.shown), timeout=30000)
    assert not crash.crashes and window.ctx.backend is None
    assert not any("secret" in str(m) for m in messages.shown)
