"""The program's today is China's (core.clock); the machine's own date is never asked.

Around midnight in China the machine's date is a day off (a server on UTC after 16:00, a laptop in
another zone), so a rule that compares with ``date.today()`` disagrees with one that asks the clock.
"""

from __future__ import annotations

import ast
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from mediation_desktop.core import clock
from mediation_desktop.core.errors import ValidationError
from mediation_desktop.core.validation import check_id_number, id_check_char

PACKAGE = Path(__file__).resolve().parents[2] / "mediation_desktop"

# receiver.method() calls that read the machine's local date or time
LOCAL_CLOCK_CALLS = {("date", "today"), ("datetime", "today"), ("QDate", "currentDate"),
                     ("QDateTime", "currentDateTime"), ("QTime", "currentTime")}


def _local_clock_calls(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
            method = node.func.attr
            if (name, method) in LOCAL_CLOCK_CALLS:
                lines.append(node.lineno)
            # datetime.now() without a zone is the machine's local time
            elif (name, method) == ("datetime", "now") and not node.args and not node.keywords:
                lines.append(node.lineno)
        # date.today passed as a callable (a default "today" argument)
        elif isinstance(node, ast.Attribute) and node.attr == "today" and isinstance(node.value, ast.Name) \
                and node.value.id == "date":
            lines.append(node.lineno)
    return sorted(set(lines))


def test_the_program_never_reads_the_machines_date():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line in _local_clock_calls(ast.parse(path.read_text(encoding="utf-8"))):
            found.append(f"{path.relative_to(PACKAGE.parent)}:{line}")
    assert found == [], "use mediation_desktop.core.clock.today()/now() instead of the machine's clock"


def test_the_scan_finds_each_way_of_asking_the_machine():
    source = ("date.today()\ndatetime.datetime.now()\ndatetime.now()\nQDate.currentDate()\n"
              "f(today=date.today)\ndatetime.now(UTC)\nclock.today()\n")
    assert _local_clock_calls(ast.parse(source)) == [1, 2, 3, 4, 5]


@pytest.fixture
def machine_a_day_off_china(monkeypatch):
    """The process's local zone set so its date differs from China's now; China's date is returned."""
    utc = datetime.now(UTC)
    china = (utc + timedelta(hours=8)).date()
    zone = next(z for z, hours in (("<-11>11", -11), ("<+14>-14", 14))
                if (utc + timedelta(hours=hours)).date() != china)
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    yield china
    monkeypatch.undo()
    time.tzset()


def _born(day: date) -> str:
    head = f"120101{day:%Y%m%d}001"
    return head + id_check_char(head)


def test_an_id_born_today_in_china_is_valid_and_tomorrow_is_not(machine_a_day_off_china):
    china = machine_a_day_off_china
    assert date.today() != china == clock.today()         # the premise: the machine is a day off
    assert check_id_number(_born(china)) == _born(china)
    with pytest.raises(ValidationError) as refused:
        check_id_number(_born(china + timedelta(days=1)))
    assert refused.value.code == "E_ID_BIRTHDATE"
