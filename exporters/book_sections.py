"""A unit's sections as the book's pages: A4 in the book's margins, portrait or landscape
as the unit had them, numbered by the book (no headers, footers or page numbering of their
own), each starting a new page."""
from __future__ import annotations

from copy import deepcopy

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section

from exporters import docx_xml as dx

_DROPPED = ("w:headerReference", "w:footerReference", "w:titlePg", "w:pgNumType",
            "w:paperSrc", "w:printerSettings", "w:sectPrChange")


def is_landscape(sect_pr) -> bool:
    """Whether a section's page is wider than high (or says it is landscape)."""
    size = sect_pr.find(qn("w:pgSz"))
    if size is None:
        return False
    width, height = size.get(qn("w:w")), size.get(qn("w:h"))
    if width and height and width.isdigit() and height.isdigit():
        return int(width) > int(height)
    return size.get(qn("w:orient")) == "landscape"


def as_book_section(sect_pr, document: Document, continuous: bool = False) -> None:
    """Make a unit's section properties A4 (its orientation kept) in the book's margins,
    without its own headers, footers, title page or page numbering; it starts a new page
    (an odd or even one would leave a blank page) unless continuous is allowed and it was."""
    landscape = is_landscape(sect_pr)
    keep_continuous = continuous and any(
        kind.get(qn("w:val")) == "continuous" for kind in sect_pr.findall(qn("w:type")))
    for tag in (*_DROPPED, "w:type"):
        for child in sect_pr.findall(qn(tag)):
            sect_pr.remove(child)
    dx.set_geometry(Section(sect_pr, document.part), landscape=landscape)
    if keep_continuous:
        sect_pr.find(qn("w:pgSz")).addprevious(
            parse_xml(f'<w:type {nsdecls("w")} w:val="continuous"/>'))


def book_sections(document: Document) -> None:
    """Every section of a unit's document as the book's pages (in place, before it is
    appended to the book): the first starts the unit's pages, a later one that continued
    on the same page (two columns for a while, say) still does if it keeps the orientation."""
    sections = list(document.element.body.iter(qn("w:sectPr")))
    for number, sect_pr in enumerate(sections):
        same_turn = number > 0 and is_landscape(sect_pr) == is_landscape(sections[number - 1])
        as_book_section(sect_pr, document, continuous=same_turn)


def section_break(sect_pr) -> object:
    """A paragraph ending a section with (a copy of) the given properties."""
    paragraph = parse_xml(f"<w:p {nsdecls('w')}><w:pPr/></w:p>")
    paragraph[0].append(deepcopy(sect_pr))
    return paragraph


def new_section(document: Document, landscape: bool) -> object:
    """Section properties of a plain book page, A4 portrait or landscape."""
    sect_pr = parse_xml(f"<w:sectPr {nsdecls('w')}/>")
    dx.set_geometry(Section(sect_pr, document.part), landscape=landscape)
    return sect_pr


def _blocks_with_sections(document: Document):
    """Each top-level block of a unit's body with the section properties it is laid out by."""
    body = document.element.body
    pending = []
    for block in body:
        if block.tag == qn("w:sectPr"):
            break
        pending.append(block)
        inner = block.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if block.tag == qn("w:p") \
            else None
        if inner is not None:
            yield from ((b, inner) for b in pending)
            pending = []
    last = body.find(qn("w:sectPr"))
    yield from ((b, last) for b in pending)


def _scale_table(table, limit: int) -> None:
    """Narrow a table whose columns are wider than limit twips, all in proportion."""
    grid = [col for col in table.iter(qn("w:gridCol")) if col.get(qn("w:w"), "").isdigit()]
    total = sum(int(col.get(qn("w:w"))) for col in grid)
    if total <= limit:
        return
    factor = limit / total
    for col in grid:
        col.set(qn("w:w"), str(int(int(col.get(qn("w:w"))) * factor)))
    for width in [*table.iter(qn("w:tblW")), *table.iter(qn("w:tcW"))]:
        if width.get(qn("w:type"), "dxa") == "dxa" and width.get(qn("w:w"), "").isdigit():
            width.set(qn("w:w"), str(int(int(width.get(qn("w:w"))) * factor)))


_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _scale_pictures(block, limit_emu: int) -> None:
    """Shrink pictures in the text (inline) wider than limit EMU, keeping their proportions."""
    for inline in block.iter(f"{_WP}inline"):
        extent = inline.find(f"{_WP}extent")
        if extent is None or not extent.get("cx", "").isdigit():
            continue
        cx, cy = int(extent.get("cx")), int(extent.get("cy", "0") or 0)
        if cx <= limit_emu:
            continue
        factor = limit_emu / cx
        extent.set("cx", str(limit_emu))
        extent.set("cy", str(int(cy * factor)))
        for ext in inline.iter(f"{_A}ext"):
            if ext.get("cx", "").isdigit():
                ext.set("cx", str(int(int(ext.get("cx")) * factor)))
                ext.set("cy", str(int(int(ext.get("cy", "0") or 0) * factor)))


def fit_to_text_width(document: Document) -> None:
    """Tables and pictures a unit laid out for a wider text block (US Letter with 1-inch
    margins is 9 mm wider than the book's A4 one) narrowed to the book's, in proportion."""
    for block, sect_pr in _blocks_with_sections(document):
        landscape = sect_pr is not None and is_landscape(sect_pr)
        limit = dx.text_width_twips(landscape)
        for table in ([block] if block.tag == qn("w:tbl") else []):
            _scale_table(table, limit)
        _scale_pictures(block, limit * 635)
