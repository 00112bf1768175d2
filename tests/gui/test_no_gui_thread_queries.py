"""No page touches the database on the GUI thread: a query there freezes the window on a big
register or a slow disk. Every database connection is opened through ``Database.read`` or
``Database.write``; here both refuse on the main thread once the window is signed in, and each
page, the case detail with its tabs, and every 管理 page are visited."""

from __future__ import annotations

import threading
import traceback

import pytest

from mediation_desktop.services.changes import EVERYTHING
from mediation_desktop.storage import engine


class GuiThreadQuery(AssertionError):
    pass


@pytest.fixture
def guarded(monkeypatch):
    """``arm()`` makes a database connection opened on the main thread raise (and be recorded)."""
    armed = {"on": False}
    caught: list[str] = []

    def guard(original):
        def opened(self, *args, **kwargs):
            if armed["on"] and threading.current_thread() is threading.main_thread():
                where = "".join(traceback.format_stack(limit=8)[:-1])
                caught.append(where)
                raise GuiThreadQuery("database opened on the GUI thread:\n" + where)
            return original(self, *args, **kwargs)
        return opened

    monkeypatch.setattr(engine.Database, "read", guard(engine.Database.read))
    monkeypatch.setattr(engine.Database, "write", guard(engine.Database.write))

    class Guard:
        @staticmethod
        def arm() -> None:
            armed["on"] = True

        @staticmethod
        def disarm() -> None:
            armed["on"] = False

        found = caught

    yield Guard
    armed["on"] = False


def test_the_guard_catches_a_query_on_the_gui_thread(make_window, guarded):
    window = make_window()
    guarded.arm()
    with pytest.raises(GuiThreadQuery):
        with window.ctx.backend.db.read():
            pass
    guarded.disarm()
    assert len(guarded.found) == 1


def test_every_page_queries_off_the_gui_thread(make_window, guarded, qtbot, wait_idle, monkeypatch):
    from mediation_desktop.gui import crash
    from mediation_desktop.gui.main_window import PAGES, TOOL_PAGES, MainWindow

    signed_in = MainWindow._signed_in

    def armed_from_sign_in(self, backend, account):
        guarded.arm()   # from the hand-over on: the shell's first paint of the pages included
        signed_in(self, backend, account)

    monkeypatch.setattr(MainWindow, "_signed_in", armed_from_sign_in)
    window = make_window(demo=30)
    wait_idle(window)
    guarded.disarm()
    backend = window.ctx.backend
    from mediation_desktop.services.case_list import CaseListService, ListFilter

    service = CaseListService(backend)
    numbers = service.keys(ListFilter())[:3]
    case_ids = [service.rows([n])[n].case_id for n in numbers]
    guarded.arm()

    for i, _key in enumerate(PAGES):
        window.show_page(i)
        wait_idle(window)
    window.ctx.announce(EVERYTHING)   # every page refreshes as after a sync import
    wait_idle(window)
    for case_id in case_ids:
        window.open_case(case_id)
        wait_idle(window)
        detail = window.detail
        for t in range(detail.tabs.count()):
            detail.tabs.setCurrentIndex(t)
            wait_idle(window)
    for key in TOOL_PAGES:
        assert window.show_tool_page(key) is not None, key
        wait_idle(window)
        assert window.show_tool_page(key) is not None, key   # shown again: reloads
        wait_idle(window)
    window.tool_pages["sync"].show_conflicts()
    wait_idle(window)
    window.tool_pages["sync"].conflicts_dialog.reject()
    window.tool_pages["users"].table.selectRow(0)
    window.tool_pages["audit"].more()
    wait_idle(window)
    window.go_back()
    wait_idle(window)

    guarded.disarm()
    assert guarded.found == [], guarded.found[0] if guarded.found else ""
    assert crash.crashes == []
