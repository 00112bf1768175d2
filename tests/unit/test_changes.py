"""What an operation changed: the union of two is field-wise, an empty one is false."""

from __future__ import annotations

from dataclasses import fields

from hypothesis import given
from hypothesis import strategies as st

from mediation_desktop.services.changes import CASES, EVERYTHING, NOTHING, SYNC, Changes

KINDS = [f.name for f in fields(Changes)]
changes = st.builds(Changes, **{k: st.booleans() for k in KINDS})


@given(changes, changes)
def test_union_is_field_wise_or(a, b):
    both = a | b
    for k in KINDS:
        assert getattr(both, k) == (getattr(a, k) or getattr(b, k))
    assert set(both.kinds) == set(a.kinds) | set(b.kinds)


@given(changes)
def test_a_change_is_true_exactly_when_some_kind_changed(c):
    assert bool(c) == bool(c.kinds) and (c | NOTHING) == c and (c | EVERYTHING) == EVERYTHING


def test_named_changes():
    assert CASES.kinds == ("cases",) and SYNC.kinds == ("sync",) and not NOTHING
    assert EVERYTHING.kinds == tuple(KINDS)
