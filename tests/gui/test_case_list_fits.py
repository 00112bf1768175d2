"""The case list's search, filters and buttons fit a common laptop screen, at a room and with the
district's room filter shown: nothing is cut at the right edge (the last button or filter would be)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QComboBox


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
def test_the_filters_and_buttons_fit(make_window, wait_idle, size):
    window = make_window()
    window.resize(*size)
    window.show_page(1)
    wait_idle(window)
    page = window.cases
    page.count_label.setText("共 1,000,000 件")
    for district in (False, True):
        page.room.setVisible(district)   # the district's filter of rooms, the row's widest combo
        page.layout().activate()
        assert page.minimumSizeHint().width() <= page.width(), (district, page.minimumSizeHint(), page.width())
        shown = [w for kind in (QAbstractButton, QComboBox) for w in page.findChildren(kind)
                 if w.isVisibleTo(page) and not page.view.isAncestorOf(w)]
        assert any(w.text() == "批量生成文书…" for w in shown if isinstance(w, QAbstractButton))
        for widget in shown:
            right = widget.mapTo(page, QPoint(widget.width(), 0)).x()
            assert right <= page.width(), (district, type(widget).__name__, getattr(widget, "text", lambda: "")())
