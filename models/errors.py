"""Errors the program reports to the user as a message, never as a traceback."""
from __future__ import annotations


class StoreError(Exception):
    """A database that cannot be opened or changed, with a message for the user."""


class DatabaseInUse(StoreError):
    """Another window or import holds the database's lock."""
