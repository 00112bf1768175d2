"""Demo cases never carry a date after China's today: a demo register must look like a real one,
and the lifecycle refuses actions dated in the future."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_desktop.services.demo_data import DemoGenerator


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=0, max_value=2**31), st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)))
def test_no_demo_date_lies_in_the_future(seed, today):
    for case in DemoGenerator(seed=seed, today=today).cases(200):
        dates = [case.received_on, case.accepted_on, case.concluded_on, case.closed_on,
                 *(s.held_on for s in case.sessions)]
        if case.agreement is not None:
            dates.append(case.agreement.signed_on)
        assert all(d is None or d <= today for d in dates), (case.case_no, dates, today)
