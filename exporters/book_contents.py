"""The page numbers in the book's contents: computed by laying the book out once with
LibreOffice where it is installed and written into the contents, so they are right in any
viewer; otherwise the book asks Word/WPS to update its fields when it is opened."""
from __future__ import annotations

import re
from pathlib import Path

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from exporters.book_pdf_pages import page_texts
from models.received import soffice

_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
    "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")
_PAGEREF = re.compile(r"PAGEREF\s+(\S+)")
_FOOTER_NUMBER = re.compile(r"^—\d+—")


def ask_word_to_update_fields(document: Document) -> None:
    """w:updateFields in its place among the settings: Word and WPS fill in the contents'
    page numbers when they open the book."""
    settings = document.settings.element
    settings.remove_all("w:updateFields")
    settings.insert_element_before(parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>'),
                                   *_AFTER_UPDATE_FIELDS)


def _headings(document: Document, prefix: str) -> dict[str, str]:
    """Each bookmark of the book's headings and the heading's text."""
    found = {}
    for paragraph in document.element.body.iter(qn("w:p")):
        for mark in paragraph.iter(qn("w:bookmarkStart")):
            name = mark.get(qn("w:name"), "")
            if name.startswith(prefix):
                found[name] = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
    return found


def heading_pages(texts: list[str], headings: list[str]) -> list[int | None]:
    """The page number (1 for the first page) on which each heading, in order, begins a
    page; a contents line (the name followed by its dot leader) does not count."""
    flat = [_FOOTER_NUMBER.sub("", re.sub(r"\s+", "", text)) for text in texts]
    pages: list[int | None] = []
    start = 0
    for heading in headings:
        name = re.sub(r"\s+", "", heading)
        found = next((i for i in range(start, len(flat))
                      if flat[i].startswith(name)
                      and flat[i][len(name):len(name) + 1] not in (".", "…", "·")), None)
        pages.append(None if found is None else found + 1)
        if found is not None:
            start = found + 1
    return pages


def write_page_numbers(document: Document, numbers: dict[str, int]) -> None:
    """Write page numbers as the stored results of the contents' PAGEREF fields."""
    body = document.element.body
    for instr in list(body.iter(qn("w:instrText"))):
        match = _PAGEREF.search(instr.text or "")
        if match is None or match.group(1) not in numbers:
            continue
        run = instr.getparent()
        separated = False
        for sibling in run.itersiblings():
            chars = sibling.find(qn("w:fldChar"))
            kind = chars.get(qn("w:fldCharType")) if chars is not None else None
            if kind == "separate":
                separated = True
            elif kind == "end":
                break
            elif separated and sibling.find(qn("w:t")) is not None:
                sibling.find(qn("w:t")).text = str(numbers[match.group(1)])
                break
        for begin in run.itersiblings(preceding=True):
            chars = begin.find(qn("w:fldChar"))
            if chars is not None and chars.get(qn("w:fldCharType")) == "begin":
                chars.attrib.pop(qn("w:dirty"), None)
                break


def fill_contents_pages(document: Document, workdir: Path, bookmark_prefix: str) -> bool:
    """Lay the book out with LibreOffice and write where each heading fell into the
    contents; no longer ask for a field update. False (the book unchanged) without
    LibreOffice or when a heading cannot be found."""
    if soffice.find_soffice() is None:
        return False
    headings = _headings(document, bookmark_prefix)
    layout = workdir / "layout"
    layout.mkdir(exist_ok=True)
    draft = layout / "book.docx"
    document.save(str(draft))
    try:
        texts = page_texts(soffice.convert(draft, "pdf", layout))
    except Exception:  # noqa: BLE001 - no layout: Word/WPS update the fields instead
        return False
    names = list(headings)
    pages = heading_pages(texts, [headings[name] for name in names])
    if None in pages:
        return False
    write_page_numbers(document, dict(zip(names, pages, strict=True)))
    document.settings.element.remove_all("w:updateFields")
    return True
