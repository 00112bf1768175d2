"""The 下发模板 page: the head lists offered templates, previews one, accepts or declines; an unsafe
one shows why and cannot be accepted; other roles do not see the page."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from docx import Document

from mediation_desktop.documents import builtin_template_dir
from mediation_desktop.gui import messages
from mediation_desktop.gui.admin import template_offers as page_module
from mediation_desktop.storage import templates_repo

DISTRICT_NODE = "00000000-0000-4000-8000-0000000000d1"


def _docx(tmp_path: Path, kind: str, text: str) -> bytes:
    document = Document(str(builtin_template_dir() / f"{kind}.docx"))
    document.add_paragraph(text)
    path = tmp_path / f"offer-{kind}.docx"
    document.save(str(path))
    return path.read_bytes()


def _offer(backend, name: str, content: bytes) -> None:
    with backend.db.write() as conn:
        templates_repo.store_offer(conn, name=name, sha256=hashlib.sha256(content).hexdigest(), content=content,
                                   from_node=DISTRICT_NODE, package_id="00000000-0000-4000-8000-0000000000aa")


@pytest.fixture
def opened(monkeypatch):
    paths: list[Path] = []
    monkeypatch.setattr(page_module, "open_file", lambda path: paths.append(Path(path)) or True)
    return paths


@pytest.fixture
def answers_yes(monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(messages, "ask", lambda parent, title, text, **kw: asked.append(title) or True)
    return asked


def _row_of(page, name: str) -> int:
    return [page.table.item(r, 0).text() for r in range(page.table.rowCount())].index(name)


def test_head_previews_accepts_and_declines(make_window, wait_idle, tmp_path, opened, answers_yes):
    window = make_window()
    backend = window.ctx.backend
    good = _docx(tmp_path, "agreement", "本协议依区统一格式制作")
    _offer(backend, "agreement.docx", good)
    _offer(backend, "application.docx", _docx(tmp_path, "application", "{{ ''.__class__.__mro__ }}"))
    assert window.menu_actions["templates"].isVisible()

    page = window.show_tool_page("templates")
    wait_idle(window)
    assert page.table.rowCount() == 2 and not page.empty.isVisible()

    bad = _row_of(page, "application.docx")
    page.table.selectRow(bad)
    assert page.table.item(bad, 4).text().startswith("不能接受：E_TEMPLATE_UNSAFE")
    assert "__class__" in page.table.item(bad, 4).text()
    assert not page.accept_button.isEnabled() and page.decline_button.isEnabled()

    page.table.selectRow(_row_of(page, "agreement.docx"))
    assert page.accept_button.isEnabled()
    page.preview_button.click()
    wait_idle(window)
    assert opened and "本协议依区统一格式制作" in "\n".join(p.text for p in Document(str(opened[-1])).paragraphs)

    page.accept_button.click()
    wait_idle(window)
    assert (backend.paths.templates / "agreement.docx").read_bytes() == good
    assert any(title == "接受下发模板" and "已接受" in text for title, text in messages.shown)

    page.table.selectRow(_row_of(page, "application.docx"))
    page.decline_button.click()
    wait_idle(window)
    assert page.table.rowCount() == 0 and page.empty.isVisible()
    assert not (backend.paths.templates / "application.docx").exists()
    assert answers_yes == ["接受下发模板", "拒绝下发模板"]


def test_a_mediator_does_not_see_the_page(make_window, wait_idle):
    window = make_window()
    window.ctx.backend.role = "mediator"
    window._update_menus()
    assert not window.menu_actions["templates"].isVisible()
    assert window.show_tool_page("templates") is None
