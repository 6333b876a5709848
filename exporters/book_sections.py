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

_DROPPED = ("w:headerReference", "w:footerReference", "w:titlePg", "w:pgNumType", "w:type",
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


def as_book_section(sect_pr, document: Document) -> None:
    """Make a unit's section properties A4 (its orientation kept) in the book's margins,
    without its own headers, footers, title page or page numbering."""
    landscape = is_landscape(sect_pr)
    for tag in _DROPPED:
        for child in sect_pr.findall(qn(tag)):
            sect_pr.remove(child)
    dx.set_geometry(Section(sect_pr, document.part), landscape=landscape)


def book_sections(document: Document) -> None:
    """Every section of a unit's document as the book's pages (in place, before it is
    appended to the book)."""
    body = document.element.body
    for sect_pr in body.iter(qn("w:sectPr")):
        as_book_section(sect_pr, document)


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
