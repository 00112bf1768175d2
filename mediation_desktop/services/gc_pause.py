"""Pausing Python's cyclic garbage collector around bulk work that builds many objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk read or list build.

    A bulk read churns out short-lived objects while keeping a few hundred thousand long-lived ones;
    the collector would re-scan those over and over (a third of the ledger reader's own time at
    100,000 rows). Neither side makes reference cycles worth collecting meanwhile. Nested use is
    harmless.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
