"""A Word document being built whose body blocks stay XML text until it is saved.

python-docx would parse each block into its tree and serialise it again on saving. For the
attachment of a 5,000-row campaign (13 MB of table XML) that was most of the export: parsing
0.2 s, moving the table into the body 0.1 s, serialising 0.08 s. A draft puts a marker in
the body where each block goes, and writes the block's text in its place in
word/document.xml when saving. The bytes are the ones lxml would write: our blocks have no
whitespace between tags and no empty start/end pairs, and text is escaped as lxml escapes it
(tests/test_docx_draft.py compares both ways for every character, and
tests/test_word_output_pinned.py pins whole exports).
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field

from docx.document import Document
from lxml import etree

MARKER = "metrology-day-block"
_MARKERS = re.compile(rb"<\?" + MARKER.encode("ascii") + rb" (\d+)\?>")
DOCUMENT_PART = "word/document.xml"
BODY_COMPRESSLEVEL = 3
"""Deflate level of word/document.xml: for a 5,000-row table (13 MB of XML) level 3 takes
25 ms where zlib's default 6 takes 56 ms, for a file half as big again (666 KB, not 435 KB);
a campaign of the usual size differs by a few kilobytes."""


class LostBlock(RuntimeError):
    """A block's marker went missing from the body: the document would lack its text."""


@dataclass
class WordDraft:
    """A python-docx Document (styles, sections, footers, properties) and the body blocks
    appended to it as XML text."""

    document: Document
    blocks: list[str] = field(default_factory=list)

    def append(self, blocks: Iterable[str]) -> None:
        """Append paragraphs and tables, each the XML text of one w: element, to the body
        (before its final section properties), as dx.append_blocks does."""
        marker = etree.ProcessingInstruction(MARKER, str(len(self.blocks)))
        self.blocks.append("".join(blocks))
        body = self.document.element.body
        anchor = body.sectPr
        if anchor is not None:
            anchor.addprevious(marker)
        else:
            body.append(marker)

    def to_bytes(self) -> bytes:
        """The .docx file: python-docx's package with the blocks written into the body."""
        buffer = io.BytesIO()
        self.document.save(buffer)
        if not self.blocks:
            return buffer.getvalue()
        out = io.BytesIO()
        with zipfile.ZipFile(buffer) as saved, zipfile.ZipFile(out, "w") as package:
            for info in saved.infolist():       # same order, names, dates and method
                if info.filename == DOCUMENT_PART:
                    package.writestr(info, self._spliced(saved.read(info)),
                                     compresslevel=BODY_COMPRESSLEVEL)
                else:
                    package.writestr(info, saved.read(info))
        return out.getvalue()

    def _spliced(self, xml: bytes) -> bytes:
        """word/document.xml with each marker replaced by its block's text, UTF-8."""
        placed: list[int] = []

        def block(match: re.Match[bytes]) -> bytes:
            placed.append(int(match[1]))
            return self.blocks[placed[-1]].encode("utf-8")

        spliced = _MARKERS.sub(block, xml)
        if sorted(placed) != list(range(len(self.blocks))):
            raise LostBlock(f"{len(self.blocks)} blocks, markers found for {sorted(placed)}")
        return spliced
