"""What a unit's sheet hides: rows and columns set hidden, read in one streaming pass over the
sheet's XML (openpyxl's read-only mode does not give them); the sheet has passed the scan of
importers/xlsx_scan.py before this runs."""
from __future__ import annotations

import zipfile
from xml.parsers import expat

from importers.reply_tables import GridMarks

_CHUNK = 1 << 20
_TRUE = ("1", "true")


class _Refused(Exception):
    """A DTD or entity declaration: the part is not read."""


def _refuse(*_args: object) -> None:
    """Never parse a declaration."""
    raise _Refused


def hidden_marks(archive: zipfile.ZipFile, part: str, width: int) -> GridMarks:
    """The 0-based rows and columns (within `width`) the sheet hides; none when the part
    cannot be read (the scan before has said why)."""
    rows: set[int] = set()
    columns: set[int] = set()

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if attrs.get("hidden", "").lower() not in _TRUE:
            return
        if tag == "row" and attrs.get("r", "").isdigit():
            rows.add(int(attrs["r"]) - 1)
        elif tag == "col" and attrs.get("min", "").isdigit() and attrs.get("max", "").isdigit():
            first, last = int(attrs["min"]) - 1, min(int(attrs["max"]), width) - 1
            columns.update(range(first, last + 1))

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except (_Refused, expat.ExpatError, KeyError, OSError, zipfile.BadZipFile, RuntimeError):
        return GridMarks()
    return GridMarks(frozenset(rows), frozenset(columns))
