"""The book as a valid package whatever the units sent: no summary with a DTD (what Word
refuses, and what would leave undefined entities in the book), no part name without an
extension or twice, every relationship id in place."""
from __future__ import annotations

import mimetypes
import zipfile
from pathlib import Path

from docx.document import Document
from docx.opc.packuri import PackURI
from docx.oxml.ns import qn
from lxml import etree

PROLOG_BYTES = 1 << 20
"""A DTD stands before the root element; this much of each part is read to find one."""

_EXTENSIONS = {
    "image/png": "png", "image/jpeg": "jpeg", "image/gif": "gif", "image/bmp": "bmp",
    "image/tiff": "tiff", "image/x-emf": "emf", "image/x-wmf": "wmf", "image/svg+xml": "svg",
    "application/xml": "xml", "text/html": "htm", "text/plain": "txt",
    "application/vnd.openxmlformats-officedocument.oleObject": "bin",
}


def _decoded(head: bytes) -> str:
    """The start of an XML part as text, in whichever encoding it announces by its bytes."""
    if head.startswith((b"\xff\xfe", b"<\x00")):
        return head.decode("utf-16-le", "ignore")
    if head.startswith((b"\xfe\xff", b"\x00<")):
        return head.decode("utf-16-be", "ignore")
    return head.decode("utf-8", "ignore")


def declares_dtd(path: Path) -> str | None:
    """The name of the first part of a Word package that carries a DTD (<!DOCTYPE …>), or
    None. Word refuses such files; their entities would break the book's XML."""
    with zipfile.ZipFile(path) as package:
        for info in package.infolist():
            if info.is_dir():
                continue
            with package.open(info) as member:
                head = member.read(PROLOG_BYTES)
            if "<!DOCTYPE" in _decoded(head).upper() or "<!ENTITY" in _decoded(head).upper():
                return info.filename
    return None


def has_entity_references(document: Document) -> bool:
    """Whether a parsed document still holds entity references (an entity its DTD declared,
    or one declared nowhere): written back out they would not be well-formed."""
    roots = [document.element, document.styles.element]
    try:
        roots.append(document.part.numbering_part.element)
    except (KeyError, NotImplementedError):
        pass
    return any(next(root.iter(etree.Entity), None) is not None for root in roots)


def _extension(content_type: str) -> str:
    """A file extension for a part of the given content type."""
    if content_type in _EXTENSIONS:
        return _EXTENSIONS[content_type]
    if content_type.endswith("+xml"):
        return "xml"
    guessed = mimetypes.guess_extension(content_type.split(";")[0].strip())
    return guessed.lstrip(".") if guessed else "bin"


def tidy_part_names(document: Document) -> None:
    """Give every part of the book a name with an extension, unique whatever its case
    (ECMA-376 Part 2 forbids a name ending in a dot or two names differing only in case)."""
    seen: set[str] = set()
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        stem, _, ext = name.rpartition(".")
        if not stem or "/" in ext or not ext:
            stem, ext = name.rstrip("."), _extension(part.content_type)
        candidate, n = f"{stem}.{ext}", 1
        while candidate.lower() in seen:
            n += 1
            candidate = f"{stem}_{n}.{ext}"
        seen.add(candidate.lower())
        if candidate != name:
            part.partname = PackURI(candidate)


_COMMENT_MARKS = ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference")


def drop_comment_marks(document: Document) -> None:
    """Take a unit's reviewers' comment anchors out of its text: the comments stay in the
    unit's file, not in the book, where the anchors would point at nothing."""
    body = document.element.body
    for tag in _COMMENT_MARKS:
        for mark in list(body.iter(qn(tag))):
            parent = mark.getparent()
            if tag == "w:commentReference" and parent.tag == qn("w:r") and all(
                    c.tag in (qn("w:rPr"), qn(tag)) for c in parent):
                parent.getparent().remove(parent)  # the run that only held the mark
            else:
                parent.remove(mark)
