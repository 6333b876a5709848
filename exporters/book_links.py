"""A unit's links to things outside its file (a picture linked to a file on its computer,
an old-style VML picture so linked) carried into the book as external relationships, where
docxcompose would leave their ids pointing at nothing; and a last check that every
relationship id in the book's text has its relationship."""
from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
VML_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
_HELD = "urn:x-metrology-book:held"
_HELD_IMAGEDATA = f"{{{_HELD}}}imagedata"


def _book_external(source: Document, book: Document, rid: str | None) -> str | None:
    """The book's id for the same external target as a source relationship, or None when
    the source's id names no external relationship."""
    rel = source.part.rels.get(rid) if rid else None
    if rel is None or not rel.is_external:
        return None
    return book.part.rels.get_or_add_ext_rel(rel.reltype, rel.target_ref)


def hold_external_links(source: Document, book: Document) -> None:
    """Relate the source's linked pictures to the book now and keep them out of
    docxcompose's sight (it looks only for embedded ones); release_held puts them back."""
    body = source.element.body
    link, embed = f"{{{R_NS}}}link", f"{{{R_NS}}}embed"
    for blip in body.iter(qn("a:blip")):
        if blip.get(link) is None or blip.get(embed) is not None:
            continue  # embedded pictures (with or without a link too) docxcompose carries
        new = _book_external(source, book, blip.attrib.pop(link))
        if new is not None:
            blip.set(f"{{{_HELD}}}link", new)
    rid_attr = f"{{{R_NS}}}id"
    for image in list(body.iter(VML_IMAGEDATA)):
        rel = source.part.rels.get(image.get(rid_attr, ""))
        if rel is not None and not rel.is_external:
            continue
        new = _book_external(source, book, image.attrib.pop(rid_attr, None))
        image.tag = _HELD_IMAGEDATA
        if new is not None:
            image.set(f"{{{_HELD}}}id", new)


def release_held(elements) -> None:
    """Give held links their relationship ids back once the element is in the book."""
    for element in elements:
        for node in element.iter():
            if node.tag == _HELD_IMAGEDATA:
                node.tag = VML_IMAGEDATA
            for name in [a for a in node.attrib if a.startswith(f"{{{_HELD}}}")]:
                node.set(f"{{{R_NS}}}{name.split('}')[1]}", node.attrib.pop(name))


def dangling_references(document: Document) -> list[str]:
    """Relationship ids used in the book's text that name no relationship of it."""
    rels = document.part.rels
    found = []
    for node in document.element.iter():
        for name, value in node.attrib.items():
            if name.startswith(f"{{{R_NS}}}") and value not in rels:
                found.append(f"{node.tag.split('}')[-1]} {name.split('}')[1]}={value}")
    return found


def drop_dangling_references(document: Document) -> None:
    """Remove any relationship id that names nothing (a last guard: Word calls a package
    with one damaged)."""
    rels = document.part.rels
    for node in document.element.iter():
        for name in [a for a in node.attrib if a.startswith(f"{{{R_NS}}}")]:
            if node.attrib[name] not in rels:
                del node.attrib[name]
