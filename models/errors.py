"""Errors the program reports to the user as a message, never as a traceback."""
from __future__ import annotations


class UserError(Exception):
    """Something the user asked for cannot be done; the message says why, in their words."""


class StoreError(UserError):
    """A database that cannot be opened or changed."""


class DatabaseInUse(StoreError):
    """Another window or import holds the database's lock."""


class ReadError(UserError):
    """A file that cannot be read back (a Word attachment table, for one)."""
