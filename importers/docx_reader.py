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
from models.received.file_kinds import WORD_LIMITS
from models.received.package_check import PackageRefused, check_package, kind_words

APPENDIX_LIMITS = WORD_LIMITS

_TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
              qn("w:noBreakHyphen"): "-"}


_REMOVED = frozenset({qn("w:del"), qn("w:moveFrom")})
"""Tracked changes whose runs Word shows struck through or not at all: no text of the cell."""
_OFF = frozenset({"0", "false", "off"})


def _shown(run, stop) -> bool:
    """Whether Word shows a run: not inside a deletion or a move's old place, not hidden."""
    parent = run.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _REMOVED:
            return False
        parent = parent.getparent()
    r_pr = run.find(qn("w:rPr"))
    vanish = r_pr.find(qn("w:vanish")) if r_pr is not None else None
    return vanish is None or vanish.get(qn("w:val"), "true").lower() in _OFF


def _vanish_of(r_pr) -> bool | None:
    """What run properties say of hiding: True, False (explicitly shown) or None (silent)."""
    vanish = r_pr.find(qn("w:vanish")) if r_pr is not None else None
    if vanish is None:
        return None
    return vanish.get(qn("w:val"), "true").lower() not in _OFF


def _hidden_styles(document) -> set[str]:
    """Ids of the styles that hide their text (w:vanish), themselves or through the style
    they are based on."""
    says: dict[str, bool | None] = {}
    based: dict[str, str] = {}
    for style in document.styles.element.findall(qn("w:style")):
        style_id = style.get(qn("w:styleId"), "")
        says[style_id] = _vanish_of(style.find(qn("w:rPr")))
        parent = style.find(qn("w:basedOn"))
        if parent is not None:
            based[style_id] = parent.get(qn("w:val"), "")
    hidden: set[str] = set()
    for style_id in says:
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in seen and says.get(current) is None:
            seen.add(current)
            current = based.get(current)
        if current is not None and says.get(current):
            hidden.add(style_id)
    return hidden


def drop_hidden_text(document) -> None:
    """Remove from a just-opened document (never saved) the runs Word hides through a
    character or paragraph style, unless the run itself says it is shown; direct hiding,
    deletions and moves are left out by paragraph_text."""
    hidden = _hidden_styles(document)
    if not hidden:
        return
    for p in list(document.element.body.iter(qn("w:p"))):
        p_pr = p.find(qn("w:pPr"))
        p_style = p_pr.find(qn("w:pStyle")) if p_pr is not None else None
        paragraph_hidden = p_style is not None and p_style.get(qn("w:val")) in hidden
        for run in list(p.iter(qn("w:r"))):
            r_pr = run.find(qn("w:rPr"))
            r_style = r_pr.find(qn("w:rStyle")) if r_pr is not None else None
            own = _vanish_of(r_pr)
            by_style = r_style is not None and r_style.get(qn("w:val")) in hidden
            if own is False or not (by_style or paragraph_hidden):
                continue
            run.getparent().remove(run)


def paragraph_text(p) -> str:
    """A paragraph's visible text: w:t, tabs and line breaks (deleted and moved-away revisions
    and hidden text left out, as Word shows it)."""
    out: list[str] = []
    for run in p.iter(qn("w:r")):
        if not _shown(run, p):
            continue
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


def _grid_width(tbl) -> int | None:
    """How many columns the table's grid (w:tblGrid) declares; None without one."""
    grid = tbl.find(qn("w:tblGrid"))
    count = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
    return count or None


def _row_deleted(tr) -> bool:
    """A table row deleted as a tracked change (w:trPr/w:del)."""
    tr_pr = tr.find(qn("w:trPr"))
    return tr_pr is not None and tr_pr.find(qn("w:del")) is not None


def table_rows(tbl) -> list:
    """A table's rows (w:tr) in the order and number grid_rows gives them (deleted rows and
    rows made only of continued merges left out)."""
    return [tr for tr, _row in shown_rows(tbl)]


def grid_rows(tbl) -> list[list[str]]:
    """A table's rows as grid-column texts (see shown_rows)."""
    return [row for _tr, row in shown_rows(tbl)]


def shown_rows(tbl) -> list[tuple[object, list[str]]]:
    """A table's rows (each w:tr with its grid-column texts), as Word shows them: a cell
    spanning columns repeats its text over them (a span is clamped so that the row's later cells still fit in the
    table's grid), a continued vertical merge repeats the text of the merge's first cell (a
    "continue" with no merge above starts its own), a row starting late is padded, a row made
    only of continued merges (one taller row on screen) and a deleted row are left out."""
    rows: list[list[str]] = []
    kept: list[object] = []
    merging: set[int] = set()  # columns whose last cell was part of a vertical merge
    width = _grid_width(tbl)
    for tr in _children(tbl, qn("w:tr")):
        if _row_deleted(tr):
            continue
        cells = list(_children(tr, qn("w:tc")))
        row: list[str] = [""] * _grid_before(tr)
        merged: set[int] = set()
        continues = 0
        for index, tc in enumerate(cells):
            column = len(row)
            state = _merge_state(tc)
            span = _span(tc)
            if width is not None:
                span = max(1, min(span, width - column - (len(cells) - index - 1)))
            if state == "continue" and column in merging and rows and column < len(rows[-1]):
                text = rows[-1][column]
                continues += 1
            else:
                text = word_cell_text(tc)
            if state:
                merged.update(range(column, column + span))
            row.extend([text] * span)
        merging = merged
        if cells and continues == len(cells):
            continue
        rows.append(row)
        kept.append(tr)
    return list(zip(kept, rows, strict=True))


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
    not_word = _tr("“{0}”不是有效的 Word 文档（.docx），无法读取活动安排表。").format(path.name)
    if not zipfile.is_zipfile(path):
        raise ReadError(not_word)
    try:
        package = check_package(path, APPENDIX_LIMITS)
    except PackageRefused as exc:
        raise ReadError(_tr("“{0}”：{1}").format(path.name, exc)) from exc
    except OSError as exc:
        raise ReadError(_tr("无法读取“{0}”：{1}").format(path.name, exc.strerror or exc)) from exc
    if package.kind != "docx":
        raise ReadError(_tr("“{0}”实际是{1}，不是 Word 文档（.docx），无法读取活动安排表。").format(
            path.name, kind_words(package.kind)))
    try:
        return open_document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(not_word) from exc


def read_appendix(path: Path | str) -> list[Activity]:
    """The activity rows of both attachment tables in a .docx, in table order."""
    path = Path(path)
    document = _open(path)
    drop_hidden_text(document)
    activities: list[Activity] = []
    for tbl in document.element.body.iter(qn("w:tbl")):
        activities.extend(table_activities(tbl))
    if not activities:
        raise ReadError(
            _tr("在“{0}”中没有找到活动安排表：表格的第一行应是“序号、活动名称、活动内容……”表头。").format(path.name))
    return activities
