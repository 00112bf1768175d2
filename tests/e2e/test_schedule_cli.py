"""``case schedule CASE_NO --on DATE [--at HH:MM] [--place P]`` end to end (the booking is stored and
shown, a new booking replaces the old, and every refusal exits 2 with its code and changes nothing),
and ``case add`` refusing a collective case that names no representative (core.collective)."""

from __future__ import annotations

from datetime import timedelta

from mediation_desktop.core.clock import today

from .cli import run_cli
from .test_lifecycle_commands import refused, show


def test_a_session_is_booked_and_shown(stage_register):
    root, case_no = stage_register.root, stage_register.numbers["accepted"]
    assert show(root, case_no)["next_session"] is None
    tomorrow = (today() + timedelta(days=1)).isoformat()
    r = run_cli(root, "case", "schedule", case_no, "--on", tomorrow, "--at", "9：30", "--place", "第一调解室")
    assert r.code == 0, r.err
    assert r.out.strip() == f"{case_no}：已安排下次调解：{tomorrow} 09:30，第一调解室"
    assert show(root, case_no)["next_session"] == {"on": tomorrow, "at": "09:30", "place": "第一调解室"}

    # A new booking replaces the old one; the time and place are optional.
    r = run_cli(root, "case", "schedule", case_no, "--on", today().isoformat(), "--json")
    assert r.code == 0, r.err
    assert r.json()["next_session"] == {"on": today().isoformat(), "at": None, "place": ""}


def test_bad_bookings_are_refused_and_change_nothing(stage_register):
    root, numbers = stage_register.root, stage_register.numbers
    yesterday = (today() - timedelta(days=1)).isoformat()
    tomorrow = (today() + timedelta(days=1)).isoformat()
    err = refused(root, "E_DATE_PAST", "case", "schedule", numbers["accepted"], "--on", yesterday)
    assert "记录调解" in err
    for bad in ("25:00", "930", "9点半", "09:3", "\u202e09:30"):
        refused(root, "E_TIME", "case", "schedule", numbers["accepted"], "--on", tomorrow, "--at", bad)
    refused(root, "E_DATE", "case", "schedule", numbers["accepted"], "--on", "2026-02-30")
    refused(root, "E_TEXT_CONTROL", "case", "schedule", numbers["accepted"], "--on", tomorrow, "--place", "调解\x07室")
    refused(root, "E_TOO_LONG", "case", "schedule", numbers["accepted"], "--on", tomorrow, "--place", "室" * 201)
    # Nobody is coming to a closed case.
    refused(root, "E_TRANSITION", "case", "schedule", numbers["closed_agreement"], "--on", tomorrow)
    refused(root, "E_CASE_NOT_FOUND", "case", "schedule", "不存在的案号", "--on", tomorrow)


def test_case_add_refuses_a_collective_case_without_a_representative(stage_register, tmp_path):
    import json

    from .stage_register import STAGES

    doc = STAGES["collective"].document()
    for applicant in doc["applicants"]:
        applicant["representative"] = False
    source = tmp_path / "集体.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    err = refused(stage_register.root, "E_REPRESENTATIVE_REQUIRED", "case", "add", str(source))
    assert "代表人" in err
