"""What the desk and the 队伍与工作 page say about the programme: at a room, the pre-Spring-Festival
reminder to screen key enterprises and its open red or orange screenings; at the district, the urgent
reports not yet read, first."""

from __future__ import annotations

from datetime import date

from mediation_desktop.services.backend import Backend


def notes(backend: Backend, today: date) -> list[str]:
    from mediation_desktop.services.screenings import risk_entries, season_reminder
    from mediation_desktop.services.urgent_reports import list_reports

    out: list[str] = []
    if backend.node.role == "supervisor":
        unseen = [r for r in list_reports(backend) if not r["seen"]]
        out += [f"【情况快报】{r['org_code']} {r['reported_on']}：{r['title']}" for r in unseen[:5]]
        if len(unseen) > 5:
            out.append(f"另有 {len(unseen) - 5} 份未阅的情况快报")
    found = season_reminder(backend, today)
    if found and found["not_screened"]:
        names = "、".join(e["name"] for e in found["not_screened"][:5])
        more = f"等{len(found['not_screened'])}家" if len(found["not_screened"]) > 5 else ""
        out.append(f"春节（{found['spring_festival']}）前请排查重点企业：{names}{more}尚未排查。")
    risky = risk_entries(backend)
    if risky:
        out.append(f"风险排查：{len(risky)}家企业为红色或橙色风险，尚未处置完毕。")
    return out
