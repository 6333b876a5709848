"""Errors by one rule: every error a user may see is a UserError from models/errors.py; a
programming error is not dressed up as a friendly message."""
from __future__ import annotations

import ast
import inspect

import pytest

from models import errors
from models.errors import StoreError, SummaryRefused, UserError
from tests.test_import_graph import our_sources
from ui.actions import guarded


def test_a_refused_file_is_not_a_database_failure():
    assert not issubclass(SummaryRefused, StoreError)
    assert issubclass(SummaryRefused, UserError)


def test_every_users_error_class_is_defined_in_the_errors_module():
    """Outside models/errors.py, no class derives from a user's error (it would be a second
    place to look for what a user may be told)."""
    ours = {name for name, value in vars(errors).items()
            if inspect.isclass(value) and issubclass(value, UserError)}
    elsewhere = []
    for path in our_sources():
        if path.name == "errors.py" and path.parent.name == "models":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and {ast.unparse(b).split(".")[-1]
                                                   for b in node.bases} & ours:
                elsewhere.append(f"{path.name}:{node.name}")
    assert elsewhere == []
    assert len(ours) >= 12


def test_an_actions_programming_error_is_not_a_friendly_message(ctx):
    def bug() -> None:
        raise ValueError("invalid literal for int() with base 10: ''")
    with pytest.raises(ValueError):
        guarded(ctx.dialogs, "导出", bug)
    assert ctx.dialogs.messages == []


def test_an_actions_refusal_is_one_message(ctx):
    def refused() -> None:
        raise SummaryRefused("“a.txt”不是文档，未接收。")
    assert guarded(ctx.dialogs, "接收文件", refused) is None
    assert ctx.dialogs.messages == [("error", "接收文件", "“a.txt”不是文档，未接收。")]
