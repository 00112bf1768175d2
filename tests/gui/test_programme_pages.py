"""队伍与工作 driven through its forms: each register's form saves, a refusal stays on the form with
its code, and the district sees the rooms' records, keeps its organisations and promotes a case."""

from __future__ import annotations

from datetime import date

import docx

from mediation_desktop.paths import DataPaths
from mediation_desktop.services import screenings, training
from tests.gui.conftest import TEST_PASSWORD, TEST_USER
from tests.unit.programme_helpers import closed_case


def _page(window, wait_idle):
    page = window.show_tool_page("programme")
    assert page is not None
    wait_idle(window)
    return page


def _save(tab, window, wait_idle, **values):
    for name, value in values.items():
        widget = getattr(tab.ui, name)
        widget = getattr(widget, "edit", widget)   # a date field (gui/widgets/date_edit.py) is typed into
        if hasattr(widget, "setPlainText"):
            widget.setPlainText(value)
        elif hasattr(widget, "setCurrentText") and not hasattr(widget, "setText"):
            index = widget.findText(value)
            if index >= 0:
                widget.setCurrentIndex(index)
            else:
                widget.setCurrentText(value)
        else:
            widget.setText(value)
    tab.ui.save.click()
    wait_idle(window)


def _column(tab, heading: str) -> list[str]:
    col = [label for _, label in tab.columns].index(heading)
    return [tab.table.item(r, col).text() for r in range(tab.table.rowCount())]


def test_each_form_of_a_room(make_window, wait_idle, tmp_path):
    window = make_window()
    page = _page(window, wait_idle)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["调解员", "培训", "普法", "排查", "典型案例",
                                                                         "统计"]

    _save(page.mediators, window, wait_idle, name="王建国", background="律师", phone="13800001111")
    assert _column(page.mediators, "调解员") == ["王建国"] and _column(page.mediators, "背景") == ["律师"]
    assert page.mediators.ui.name.text() == ""                   # cleared after saving
    _save(page.mediators, window, wait_idle, name="王建国")
    assert page.mediators.error.text().startswith("E_MEDIATOR_EXISTS")
    assert page.mediators.ui.name.text() == "王建国"              # a refusal keeps what was typed
    _save(page.mediators, window, wait_idle, name="李四", phone="123")
    assert page.mediators.error.text().startswith("E_PHONE") and page.mediators.table.rowCount() == 1

    page.reload()
    wait_idle(window)
    assert page.training.ui.mediator.findText("王建国") >= 0      # chosen from the register
    _save(page.training, window, wait_idle, mediator="王建国", course="调解技巧", hours="1.5", on="2026年4月1日")
    assert _column(page.training, "学时") == ["1.5"]
    assert _column(page.training, "日期") == ["2026-04-01"] and page.training.ui.on.text() == ""   # cleared
    _save(page.training, window, wait_idle, mediator="王建国", course="x", hours="abc", on="2026-04-01")
    assert page.training.error.text().startswith("E_TRAINING_HOURS")

    assert page.target.text() == "30"
    page.target.setText("40")
    page.target_button.click()
    wait_idle(window)
    assert page.target.text() == "40" and training.yearly_target(window.ctx.backend) == 40
    page.target.setText("0")
    page.target_button.click()
    wait_idle(window)
    assert page.training.error.text().startswith("E_TRAINING_TARGET")
    page.target.setText("30")
    page.target_button.click()
    wait_idle(window)

    _save(page.outreach, window, wait_idle, on="2026-05-01", title="普法进企业", audience="60", materials="宣传册200份")
    assert _column(page.outreach, "人数") == ["60"]
    _save(page.outreach, window, wait_idle, on="2026-05-01", title="讲座", audience="很多")
    assert page.outreach.error.text().startswith("E_COUNT")

    tab = page.screenings
    tab.ui.check_wage_arrears.setChecked(True)
    _save(tab, window, wait_idle, enterprise="宏图建筑工程有限公司", on="2026-05-02", level="红色", workers="40",
          findings="两个月未发工资")
    assert _column(tab, "风险等级") == ["红色"] and _column(tab, "排查发现的问题") == ["拖欠工资"]
    assert not tab.ui.check_wage_arrears.isChecked()
    tab.table.selectRow(0)
    out = tmp_path / "快报.docx"
    tab.alert_selected(str(out))
    wait_idle(window)
    assert "宏图建筑工程有限公司" in "\n".join(c.text for t in docx.Document(str(out)).tables for r in t.rows
                                      for c in r.cells)
    tab.close_selected()
    wait_idle(window)
    assert _column(tab, "状态") == ["已处置"]
    assert tab.season.text() == "12-01"
    tab.season.setText("11-15")
    tab.season_button.click()
    wait_idle(window)
    assert screenings.season_start(window.ctx.backend) == "11-15"
    tab.season.setText("03-01")
    tab.season_button.click()
    wait_idle(window)
    assert tab.error.text().startswith("E_SEASON_START") and screenings.season_start(window.ctx.backend) == "11-15"

    case = closed_case(window.ctx.backend)
    typical = page.typical
    typical.case_no.setText(case.case_no)
    typical.draft_button.click()
    wait_idle(window)
    assert typical.table.rowCount() == 1
    assert "某物流公司" in typical.ui.title.text() and "张伟明" not in typical.ui.facts.toPlainText()
    typical.ui.experience.setPlainText("张伟明的经验")
    typical.ui.save.click()
    wait_idle(window)
    assert typical.error.text().startswith("E_TYPICAL_LEAK")
    typical.ui.experience.setPlainText("先核对考勤和工资表。")
    typical.ui.save.click()
    wait_idle(window)
    assert typical.error.text() == "已保存。"
    exported = tmp_path / "典型案例.docx"
    typical.export_selected(str(exported))
    wait_idle(window)
    assert "先核对考勤和工资表。" in "\n".join(p.text for p in docx.Document(str(exported)).paragraphs)
    typical.search.setText("考勤")
    typical.reload()
    wait_idle(window)
    assert typical.table.rowCount() == 1
    typical.search.setText("没有这样的字")
    typical.reload()
    wait_idle(window)
    assert typical.table.rowCount() == 0

    window.ctx.today = lambda: date(2026, 6, 1)
    page.mediators.reload()
    wait_idle(window)
    assert _column(page.mediators, "本年培训学时 / 目标") == ["1.5 / 30"]
    window.ctx.today = lambda: date(2027, 6, 1)
    page.mediators.reload()
    wait_idle(window)
    assert _column(page.mediators, "本年培训学时 / 目标") == ["0 / 30"]   # a new year starts from nothing
    figures = page.figures
    figures.start.setText("2026-01-01")
    figures.end.setText("2026-12-31")
    figures.run_button.click()
    wait_idle(window)
    heads = [label for _, label in figures.columns]
    total = [figures.table.item(figures.table.rowCount() - 1, c).text() for c in range(len(heads))]
    assert total[0] == "合计" and total[heads.index("普法活动次数")] == "1" and total[heads.index("排查（红色）")] == "1"
    assert total[heads.index("培训学时")] == "1.5" and total[heads.index("典型案例")] == "1"
    figures.end.setText("2025-01-01")
    figures.run_button.click()
    wait_idle(window)
    assert figures.error.text().startswith("E_DATE_ORDER")


def test_the_district_sees_every_room_and_promotes(make_window, wait_idle, data_dir, tmp_path):
    from mediation_desktop.services import mediators, outreach
    from mediation_desktop.services.accounts import create_first_user
    from mediation_desktop.services.backend import Backend
    from mediation_desktop.services.typical_cases import add_from_case
    from mediation_desktop.sync import trust
    from tests.unit.sync_helpers import enrol, export_one, import_one, make_node

    sup = Backend(DataPaths.resolve(data_dir), "测试员")
    sup.migrate()
    sup.initialise("和平区人力资源和社会保障局", "D01", "supervisor")
    trust.create_keys(sup)
    create_first_user(sup, TEST_USER, TEST_PASSWORD, role="supervisor+admin")
    room = make_node(tmp_path / "room", "room", "和平区劳动人事争议调解中心", "HP")
    enrol(room, sup)
    mediators.add_mediator(room, "王建国")
    outreach.add_outreach(room, "2026-05-01", "普法进企业")
    typical = add_from_case(room, closed_case(room).case_no)
    import_one(sup, export_one(room, tmp_path / "up"))
    sup.close()

    window = make_window()
    page = _page(window, wait_idle)
    assert page.tabs.tabText(page.tabs.count() - 1) == "调解组织"
    assert not page.mediators.form.isVisible()                    # rooms' records are read here, not written
    assert _column(page.mediators, "组织") == ["HP"]
    assert _column(page.outreach, "活动") == ["普法进企业"]
    _save(page.orgs, window, wait_idle, name="恒通科技企业调解委员会", org_type="企业调解委员会", mediators="3")
    assert set(_column(page.orgs, "调解组织")) == {"恒通科技企业调解委员会", "和平区劳动人事争议调解中心"}
    _save(page.orgs, window, wait_idle, name="某组织", mediators="-1")
    assert page.orgs.error.text().startswith("E_COUNT")
    page.typical.table.selectRow(0)
    wait_idle(window)
    assert page.typical.current["id"] == typical["id"]
    page.typical.promote_button.click()
    wait_idle(window)
    page.offer_course.setText("劳动法新规解读")
    page.offer_hours.setText("3")
    page.offer_on.edit.setText("2026年6月1日")   # typed the Chinese way
    page.offer_button.click()
    wait_idle(window)
    assert "劳动法新规解读（3学时）" in page.courses.text()
    assert _column(page.typical, "推广") == ["推广", "推广"]       # the room's write-up and the library copy


def test_the_desk_reminds_the_room_to_screen_key_enterprises_before_spring_festival(make_window, wait_idle):
    from mediation_desktop.storage import sync_repo

    window = make_window()
    backend = window.ctx.backend
    with backend.db.write() as conn:
        sync_repo.replace_key_enterprises(conn, "00000000-0000-4000-8000-00000000000d", [
            {"uscc": "91350100M000100Y43", "name": "天津市顺达物流有限公司", "reason": "",
             "listed_at": "2026-11-01T00:00:00+08:00"}])
    window.ctx.today = lambda: date(2026, 11, 20)
    window.desk.reload()
    wait_idle(window)
    assert not window.desk.programme_notes.isVisibleTo(window)
    window.ctx.today = lambda: date(2026, 12, 10)
    window.desk.reload()
    wait_idle(window)
    assert window.desk.programme_notes.isVisibleTo(window)
    assert "天津市顺达物流有限公司" in window.desk.programme_notes.text()
    assert "2027-02-06" in window.desk.programme_notes.text()
    screenings.add_screening(backend, "天津市顺达物流有限公司", "2026-12-05", "orange", "拖欠工资",
                             uscc="91350100M000100Y43")
    window.desk.reload()
    wait_idle(window)
    assert "尚未排查" not in window.desk.programme_notes.text()
    assert "1家企业为红色或橙色风险" in window.desk.programme_notes.text()
