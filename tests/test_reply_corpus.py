"""The reply corpus (tests/data/replies/, made by tests/reply_corpus.py): each file imported
as a new user would, into a fresh database, and its rows compared field by field with rows
typed by hand; the rows that are no activity skipped with their reason."""
from __future__ import annotations

import shutil

import pytest

from tests.reply_corpus import FOLDER, expected_rows, import_one

EXPECTED = expected_rows()
OFFICE_MADE = {name for name in EXPECTED if "LibreOffice" in name}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_reply_is_read_as_typed_by_hand(name, qapp):
    if name in OFFICE_MADE and shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed: the .odt/.doc/.xls/.ods copies are read "
                    "through it")
    expectation = EXPECTED[name]
    result = import_one(FOLDER / name, expectation)
    assert result.refused == "", "a clerk would accept this file"
    assert result.differences == []
    assert (result.right, result.invented, result.wrong_table) == (
        len(expectation["rows"]), 0, 0)
    assert result.skipped == expectation["skipped"]


def test_the_corpus_has_the_shapes_units_send():
    """At least 15 files of our own: Word letters, own spreadsheets, LibreOffice-saved ones."""
    suffixes = [name.rsplit(".", 1)[1] for name in EXPECTED]
    assert len(EXPECTED) >= 15
    assert {"docx", "xlsx", "odt", "doc", "xls", "ods", "wps", "et"} <= set(suffixes)
    assert sum(len(e["rows"]) for e in EXPECTED.values()) >= 30

