"""队伍与工作's 删除 button: it names the selected record in the question, deletes only on 删除, shows
a refusal in red with its code, and is not offered where the user may not delete."""

from __future__ import annotations

from mediation_desktop.gui import messages
from mediation_desktop.services import mediators, outreach, training


def test_deleting_from_a_register_page(make_window, wait_idle, monkeypatch):
    window = make_window()
    backend = window.ctx.backend
    mediators.add_mediator(backend, "王建国")
    training.add_training(backend, "王建国", "调解技巧", "2", "2026-04-01")
    outreach.add_outreach(backend, "2026-05-01", "普法进企业")
    page = window.show_tool_page("programme")
    wait_idle(window)
    asked: list[str] = []
    answer = {"yes": False}
    monkeypatch.setattr(messages, "ask", lambda parent, title, text, **kw: asked.append(text) or answer["yes"])

    tab = page.outreach
    assert not tab.delete_button.isHidden() and tab.table.rowCount() == 1
    tab.table.clearSelection()
    tab.table.setCurrentCell(-1, -1)
    tab.delete_button.click()
    assert tab.error.text() == "请先在左侧选择要删除的记录。" and asked == []
    tab.table.selectRow(0)
    tab.delete_button.click()
    wait_idle(window)
    assert asked == ["删除普法活动“2026-05-01 普法进企业”？\n\n删除后不能恢复。删除会随下一个同步包送达对方。"]
    assert tab.table.rowCount() == 1 and len(outreach.list_outreach(backend)) == 1   # 取消: nothing deleted
    answer["yes"] = True
    tab.delete_button.click()
    wait_idle(window)
    assert tab.table.rowCount() == 0 and outreach.list_outreach(backend) == []
    assert tab.error.text() == "已删除普法活动“2026-05-01 普法进企业”。"

    people = page.mediators
    people.table.selectRow(0)
    asked.clear()
    people.delete_button.click()
    wait_idle(window)
    assert people.error.text().startswith("E_MEDIATOR_IN_USE") and asked == []   # refused before asking
    assert people.table.rowCount() == 1

    backend.role = "admin"   # an administrator does no casework: the button is not offered
    page.reload()
    wait_idle(window)
    assert page.training.delete_button.isHidden() and page.outreach.delete_button.isHidden()
