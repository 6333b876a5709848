"""Blocks written into word/document.xml as text give the very bytes that parsing them into
python-docx's tree gave: for every character a cell can hold, and for whole tables."""
from __future__ import annotations

import io
import sys
import zipfile

import pytest
from docx import Document as new_document
from lxml import etree

from exporters import docx_xml as dx
from exporters.docx_appendix import TABLE_STYLE, add_table_styles
from exporters.docx_draft import LostBlock, WordDraft


def every_character() -> str:
    """Every code point a cell's text may hold: all but the surrogates (which no stored
    text can contain: SQLite's UTF-8 cannot carry them); clean_text drops the rest."""
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


AWKWARD = ["", " ", "\u3000", "\t", " \t ", "\n", " \n ", "a\r\nb", "&<>\"'", "]]>", "?>",
           "<?metrology-day-block 0?>", "&amp;", "x\u2028y", "\x00\x1f\ufeff\uffff"]


def tables(texts: list[str]) -> list[str]:
    """A paragraph and a table holding the texts, three cells a row, merges included."""
    rows = [[(text, span) for text, span in zip(texts[i:i + 3], (2, 1, 1), strict=False)]
            + [("", 1)] * (3 - len(texts[i:i + 3])) for i in range(0, len(texts), 3)]
    for row in rows[1::2]:
        row[0] = ("", 0)                       # the merge started on the row above
    return [dx.paragraph_xml("标题 & <表>", dx.rpr_xml(dx.HEITI, 16), dx.ppr_xml(keep_next=True)),
            dx.table_xml([2000, 3000, 4000], ["序号", "内容", "备注"], rows, TABLE_STYLE,
                         ["center", "left", "left"], [i % 3 == 0 for i in range(len(rows))],
                         [i % 2 == 0 for i in range(len(rows))], caption="表 1")]


def document_xml(data: bytes) -> bytes:
    """word/document.xml of a .docx given as bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")


def parsed(blocks: list[str]) -> bytes:
    """The document python-docx writes with the blocks parsed into its tree."""
    document = new_document()
    add_table_styles(document)
    dx.append_blocks(document, blocks)
    buffer = io.BytesIO()
    document.save(buffer)
    return document_xml(buffer.getvalue())


def drafted(blocks: list[str]) -> bytes:
    """The same document with the blocks written in as text."""
    draft = WordDraft(new_document())
    add_table_styles(draft.document)
    draft.append(blocks)
    return document_xml(draft.to_bytes())


def test_every_character_is_written_as_lxml_writes_it():
    text = every_character()
    cells = [text[i:i + 4096] for i in range(0, len(text), 4096)] + AWKWARD
    blocks = tables(cells)
    assert drafted(blocks) == parsed(blocks)


def test_blocks_keep_their_places_among_python_docx_paragraphs():
    draft = WordDraft(new_document())
    document = new_document()
    for target, append in ((draft.document, draft.append),
                           (document, lambda b: dx.append_blocks(document, b))):
        append(tables(["第一", "表"]))
        target.add_paragraph("python-docx 写的段落")
        dx.add_section(target, landscape=True)
        append(tables(["第二", "表"]) + tables(AWKWARD))
    buffer = io.BytesIO()
    document.save(buffer)
    assert document_xml(draft.to_bytes()) == document_xml(buffer.getvalue())


def test_a_lost_marker_stops_the_export_instead_of_dropping_the_table():
    draft = WordDraft(new_document())
    draft.append(tables(["内容"]))
    body = draft.document.element.body
    marker = next(c for c in body if c.tag is etree.ProcessingInstruction)
    body.remove(marker)                        # taken out by mistake
    with pytest.raises(LostBlock):
        draft.to_bytes()
