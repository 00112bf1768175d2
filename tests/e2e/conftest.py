"""Fixtures shared by the end-to-end tests."""

from .stage_register import stage_master, stage_register  # noqa: F401 - fixtures, found by name
