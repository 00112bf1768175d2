"""Screenshots of 队伍与工作 for the README, at 1366x768 (a common office laptop screen)::

    xvfb-run -a -s "-screen 0 1366x768x24" python -m mediation_desktop.gui.programme.screenshots docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from mediation_desktop.gui.screenshot_setup import (
    close_window,
    enrol_both,
    new_register,
    open_window,
    prepare,
    settle,
)


def _fill_room(backend) -> None:
    from mediation_desktop.services import mediators, outreach, screenings, training

    for name, background, phone in (("王建国", "专职", "13800001111"), ("李秀兰", "律师", "13800002222"),
                                    ("赵志刚", "退休法官", None), ("孙丽华", "工会干部", None)):
        mediators.add_mediator(backend, name, background=background, phone=phone)
    for name, course, hours, on in (("王建国", "劳动争议调解实务", "6", "2026-03-12"), ("李秀兰", "劳动合同法解读", "3", "2026-04-08"),
                                    ("王建国", "调解谈话技巧", "1.5", "2026-05-20"), ("赵志刚", "工伤认定与赔偿", "4", "2026-06-03")):
        training.add_training(backend, name, course, hours, on, organiser="和平区人社局")
    outreach.add_outreach(backend, "2026-05-01", "劳动合同法进企业", enterprise="宏图建筑工程有限公司", audience="80")
    outreach.add_outreach(backend, "2026-06-16", "根治欠薪宣传日", place="南京路街道广场", audience="150")
    red = screenings.add_screening(backend, "宏图建筑工程有限公司", "2026-11-20", "red", "两个月未发工资，部分工人已聚集讨薪",
                                   checks=["wage_arrears", "collective_complaints"], workers="46",
                                   follow_up="已约谈企业负责人")
    from mediation_desktop.services.urgent_reports import create_report

    create_report(backend, screening_id=red["id"], today=date(2026, 11, 21))
    screenings.add_screening(backend, "恒通电子科技有限公司", "2026-11-22", "orange", "订单减少，计划搬迁", checks=["halted"],
                             workers="120")
    screenings.add_screening(backend, "嘉禾食品有限公司", "2026-11-25", "none", "经营正常，工资按月发放")


def _closed_cases(backend) -> list[str]:
    """Two made-up closed cases to draft typical cases from."""
    from mediation_desktop.core.enums import Outcome
    from mediation_desktop.core.model import Applicant, Case, Claim, MediationSession, Respondent
    from mediation_desktop.services.cases import CaseService

    service = CaseService(backend)
    made = []
    for worker, employer, notes in (
            ("张伟明", "天津市顺达物流有限公司", "调解员向双方释明工资支付的规定，顺达物流同意分两期支付。"),
            ("刘海涛", "天津宏图建筑工程有限公司", "调解员组织班组长核对考勤，宏图建筑当场确认欠付数额。")):
        case = service.register(Case(org_id="", received_on=date(2026, 3, 2), applicants=[Applicant(worker)],
                                     respondent=Respondent(employer), dispute_types=["wages"],
                                     claims=[Claim("支付拖欠工资", 1860000, "wages")],
                                     facts=f"{worker}在{employer}工作，单位拖欠其三个月工资。"))
        service.accept(case.case_no, date(2026, 3, 3), "王建国")
        service.record_session(case.case_no, MediationSession(date(2026, 3, 9), place="调解室", notes=notes))
        service.conclude(case.case_no, Outcome.SETTLED, date(2026, 3, 10))
        made.append(service.close(case.case_no, date(2026, 3, 11)).case_no)
    return made


def main(out_dir: str) -> int:
    from mediation_desktop.services.demo import fill_demo
    from mediation_desktop.services.typical_cases import add_from_case

    out = prepare(out_dir)
    folder = tempfile.mkdtemp(prefix="md_team_shots_")
    backend = new_register(folder, "王调解", "和平区劳动人事争议调解中心", "津和平", display_name="王建国")
    fill_demo(backend, 300, seed=3)
    _fill_room(backend)
    for case_no in _closed_cases(backend):
        add_from_case(backend, case_no)
    backend.close()

    window = open_window(folder, "王调解", today=date(2026, 12, 1))
    page = window.show_tool_page("programme")
    settle(window)
    window.grab().save(str(out / "team_mediators.png"))
    page.tabs.setCurrentWidget(page.screenings)
    settle(window)
    window.grab().save(str(out / "team_screening.png"))
    page.tabs.setCurrentWidget(page.typical)
    page.typical.table.selectRow(0)
    settle(window)
    window.grab().save(str(out / "typical_cases.png"))
    close_window(window)
    _district(out, folder)
    return 0


def _district(out: Path, room_folder: str) -> None:
    """The district after the room's package: every room's mediators and the organisations."""
    from mediation_desktop.services.backend import Backend
    from mediation_desktop.services.mediation_orgs import add_org
    from mediation_desktop.sync.export import export_packages
    from mediation_desktop.sync.importer import import_packages

    folder = tempfile.mkdtemp(prefix="md_team_district_")
    sup = new_register(folder, "区人社", "和平区人力资源和社会保障局", "和平区", role="supervisor",
                       display_name="刘科长", account_role="supervisor+admin")
    room = Backend.open(room_folder, "王调解")
    enrol_both(room, sup, Path(folder))
    (package,) = export_packages(room, Path(folder))
    import_packages(sup, [package.path])
    room.close()
    add_org(sup, "恒通电子科技有限公司劳动争议调解委员会", "企业调解委员会", head="周敏", mediators="3", set_up_on="2023-05-10")
    add_org(sup, "和平区餐饮行业劳动争议调解委员会", "行业性调解组织", head="吴刚", mediators="5", set_up_on="2022-09-01")
    add_org(sup, "新业态劳动者权益服务站", "新业态", head="郑洁", mediators="2", set_up_on="2025-03-18")
    sup.close()

    window = open_window(folder, "区人社")
    page = window.show_tool_page("programme")
    settle(window)
    page.tabs.setCurrentWidget(page.orgs)
    settle(window)
    window.grab().save(str(out / "district_orgs.png"))
    close_window(window)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
