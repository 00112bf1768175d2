"""The only package that talks SQL. Everything else gets plain core objects and a ``Connection``
handle it passes back in without looking inside."""

from sqlalchemy import Connection

__all__ = ["Connection"]
