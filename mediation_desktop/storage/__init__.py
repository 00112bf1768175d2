"""The only package that talks SQL. Everything else gets plain core objects and a ``Connection``
handle it passes back in without looking inside."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection

__all__ = ["Connection"]


def __getattr__(name: str) -> Any:
    # SQLAlchemy loads on first use, not with the package: the window's folder lock
    # (storage.lock) lives here too and is taken before the first paint.
    if name == "Connection":
        from sqlalchemy import Connection

        return Connection
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
