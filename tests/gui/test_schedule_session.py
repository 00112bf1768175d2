"""安排调解 on the case page: the dialog (ui/schedule_dialog.ui) books the next session, a refusal is
shown in the dialog with what was typed kept, and the desk lists the booking under 今日调解 or
本周调解 (China's date, the window's ``today``)."""

from __future__ import annotations

from datetime import date, timedelta

from mediation_desktop.core.model import Applicant, Case, Claim, Respondent
from mediation_desktop.core.session_schedule import week_bounds


def _register(window, name: str) -> Case:
    from mediation_desktop.services.cases import CaseService

    today = window.ctx.today()
    return CaseService(window.ctx.backend).register(Case(
        org_id="", received_on=today - timedelta(days=2), applicants=[Applicant(name)],
        respondent=Respondent("天津鑫达建筑工程有限公司"), dispute_types=["wages"],
        claims=[Claim("支付拖欠工资", 800000, "wages")]))


def _desk_lines(window, heading: str) -> list[tuple[str, str]]:
    tree = window.desk.tree
    for i in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(i)
        if head.text(0).startswith(heading + "（"):
            return [(head.child(j).text(0), head.child(j).text(2)) for j in range(head.childCount())]
    raise AssertionError(f"no heading {heading}")


def test_a_session_is_booked_from_the_case_page_and_shown_on_the_desk(make_window, qtbot, wait_idle):
    window = make_window()
    today = window.ctx.today()
    first, last = week_bounds(today)
    later = first if first <= last else None   # on a Sunday the rest of the week is empty
    case, other = _register(window, "孙约谈"), _register(window, "周本周")
    window.open_case(case.id)
    wait_idle(window)
    detail = window.detail
    button = detail.action_buttons["schedule_session"]
    assert button.isVisibleTo(detail) and button.text() == "安排调解…"
    button.click()
    dialog = detail.schedule_dialog
    assert dialog.isVisible() and dialog.ui.on.value() == today

    # A refused time is explained in the dialog, which stays open with everything as typed.
    dialog.ui.at.setText("9点半")
    dialog.ui.place.setText("第一调解室")
    dialog.submit()
    wait_idle(window)
    assert dialog.isVisible() and dialog.ui.error.text().startswith("时间“9点半”格式不正确")
    assert (dialog.ui.at.text(), dialog.ui.place.text()) == ("9点半", "第一调解室")
    # A past date is refused by the field itself, before anything is asked of the database.
    dialog.ui.on.setDate(today - timedelta(days=1))
    dialog.ui.at.setText("9:30")
    dialog.submit()
    assert dialog.isVisible() and "不能早于" in dialog.ui.error.text()

    dialog.ui.on.setDate(today)
    dialog.submit()
    wait_idle(window)
    assert not dialog.isVisible()
    assert detail.loaded.view.case.next_session_at == "09:30"
    assert f"下次调解：{today.isoformat()} 09:30，第一调解室" in detail.parties.text()

    if later is not None:
        from mediation_desktop.services.cases import CaseService

        CaseService(window.ctx.backend).schedule_session(other.id, later, None, "社区工作站")
    window.desk.reload()
    wait_idle(window)
    assert _desk_lines(window, "今日调解") == [(case.case_no, f"{today.month}月{today.day}日（周{'一二三四五六日'[today.weekday()]}） 09:30，第一调解室")]
    week = _desk_lines(window, "本周调解（明天至本周日）")
    if later is not None:
        assert [n for n, _ in week] == [other.case_no] and week[0][1].endswith("，社区工作站")
    else:
        assert week == [("本周其余几天没有安排调解", "")]
    assert "今日调解 1 件" in window.desk.summary.text()

    # Opening it again shows the booking to change.
    detail.schedule_session()
    again = detail.schedule_dialog
    assert (again.ui.on.value(), again.ui.at.text(), again.ui.place.text()) == (today, "09:30", "第一调解室")
    again.reject()


def test_the_desk_sections_on_a_fixed_day(make_window, wait_idle):
    from mediation_desktop.services.case_list import Desk
    from mediation_desktop.services.session_schedule import BookedSession, SessionDesk

    window = make_window()
    day = date(2026, 12, 2)
    sessions = SessionDesk([BookedSession("a", "津和平劳调〔2026〕1号", "甲 诉 乙", "12月2日（周三） 09:30", day)], [])
    window.desk.show_desk(Desk(day), sessions)
    assert _desk_lines(window, "今日调解") == [("津和平劳调〔2026〕1号", "12月2日（周三） 09:30")]
    assert _desk_lines(window, "本周调解（明天至本周日）") == [("本周其余几天没有安排调解", "")]
