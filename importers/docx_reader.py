"""Reading the attachment's two tables from a .docx (ours or typed by hand) back into rows."""
from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from docx import Document as open_document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from importers.reply_headers import normalise_header
from models.entities import Activity, Level
from models.errors import ReadError
from models.fields import header_names
from models.i18n import _tr

_TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
              qn("w:noBreakHyphen"): "-"}


def paragraph_text(p) -> str:
    """A paragraph's visible text: w:t, tabs and line breaks (deleted revisions left out)."""
    out: list[str] = []
    for run in p.iter(qn("w:r")):
        for child in run:
            if child.tag in _TEXT_TAGS:
                out.append((child.text or "") if child.tag == qn("w:t") else _TEXT_TAGS[child.tag])
    return "".join(out)


def word_cell_text(tc) -> str:
    """A cell's text: its paragraphs joined by line breaks, outer blank space trimmed."""
    return "\n".join(paragraph_text(p) for p in tc.iter(qn("w:p"))).strip()


def _merge_state(tc) -> str:
    """'restart', 'continue' or '' for a cell's vertical merge."""
    tc_pr = tc.find(qn("w:tcPr"))
    merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
    if merge is None:
        return ""
    return merge.get(qn("w:val")) or "continue"


def _span(tc) -> int:
    """How many grid columns a cell covers."""
    tc_pr = tc.find(qn("w:tcPr"))
    span = tc_pr.find(qn("w:gridSpan")) if tc_pr is not None else None
    return _count(span.get(qn("w:val"), "1"), 1) if span is not None else 1


def _count(text: str, default: int) -> int:
    """A small count from an attribute; a missing or garbled one counts as default."""
    return min(int(text), 64) if text.isdigit() else default


def _grid_before(tr) -> int:
    """Grid columns a row leaves out before its first cell (w:gridBefore)."""
    tr_pr = tr.find(qn("w:trPr"))
    skip = tr_pr.find(qn("w:gridBefore")) if tr_pr is not None else None
    return _count(skip.get(qn("w:val"), "0"), 0) if skip is not None else 0


_WRAPPERS = (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"))


def _children(parent, tag: str):
    """Children with a tag, also those wrapped in content controls (w:sdt) or custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def table_rows(tbl) -> Iterator:
    """A table's rows (w:tr), also those wrapped in content controls, in order."""
    return _children(tbl, qn("w:tr"))


def grid_rows(tbl) -> list[list[str]]:
    """A table's rows as grid-column texts: a cell spanning columns repeats its text over
    them, a continued vertical merge repeats the text above, a row starting late is padded."""
    rows: list[list[str]] = []
    for tr in _children(tbl, qn("w:tr")):
        row: list[str] = [""] * _grid_before(tr)
        for tc in _children(tr, qn("w:tc")):
            column = len(row)
            above = rows[-1][column] if rows and column < len(rows[-1]) else ""
            text = above if _merge_state(tc) == "continue" else word_cell_text(tc)
            row.extend([text] * _span(tc))
        rows.append(row)
    return rows


def header_fields(row: list[str]) -> list[str | None] | None:
    """The activity field of each column when the row is an attachment header row (titles
    compared as every reader compares them: importers/reply_headers.normalise_header)."""
    names = {normalise_header(k): v for k, v in header_names(aliases=False).items()}
    fields = [names.get(normalise_header(text)) for text in row]
    return fields if {"group_no", "name"} <= set(fields) else None


def table_activities(tbl) -> Iterator[Activity]:
    """The activities of one attachment table; nothing when it has no header row."""
    rows = grid_rows(tbl)
    start = next((i for i, row in enumerate(rows) if header_fields(row) is not None), None)
    if start is None:
        return
    header = rows[start]
    fields = header_fields(header)
    level = Level.MUNICIPAL if "publicity_content" in fields else Level.DISTRICT
    group_no, position = 0, 0
    for row in rows[start + 1:]:
        values = {f: text for f, text in zip(fields, row, strict=False) if f}
        if row == header or not any(values.values()):  # a header repeated by hand, or blank
            continue
        number = re.match(r"\d+", values.pop("group_no", ""))
        if number and int(number.group()) != group_no:
            group_no, position = int(number.group()), 0
        position += 1
        yield Activity(level, group_no, position, **values)


def _open(path: Path):
    """The python-docx Document, or a ReadError saying why the file cannot be read."""
    if not path.is_file():
        raise ReadError(_tr("找不到文件“{0}”。").format(path))
    try:
        return open_document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(_tr("“{0}”不是有效的 Word 文档（.docx），无法读取活动安排表。").format(path.name)) from exc


def read_appendix(path: Path | str) -> list[Activity]:
    """The activity rows of both attachment tables in a .docx, in table order."""
    path = Path(path)
    document = _open(path)
    activities: list[Activity] = []
    for tbl in document.element.body.iter(qn("w:tbl")):
        activities.extend(table_activities(tbl))
    if not activities:
        raise ReadError(
            _tr("在“{0}”中没有找到活动安排表：表格的第一行应是“序号、活动名称、活动内容……”表头。").format(path.name))
    return activities
