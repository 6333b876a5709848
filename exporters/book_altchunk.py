"""Content a unit's .docx holds as another format (w:altChunk: HTML, plain text, another
Word document — what web systems write), turned into Word paragraphs and tables before the
document goes into the book; a kind that cannot be turned is named in the book where it
stood."""
from __future__ import annotations

import io

from docx import Document as open_docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import html as lxml_html

from exporters import docx_xml as dx

HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain"}
WORD_TYPES = {"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
              "application/vnd.ms-word.document.macroEnabled.main+xml"}
_HEADINGS = {"h1": 32, "h2": 28, "h3": 26, "h4": 24, "h5": 24, "h6": 24}
_BLOCKS = {"p", "div", "li", "pre", "blockquote", "dd", "dt", "address", "center", "section",
           "article", "header", "footer", "main", "figure", "figcaption", "body", "ol", "ul",
           "table", "form", "fieldset", "caption", *_HEADINGS}
_BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
MAX_CHUNK_BYTES = 20 * 1024 * 1024


def _paragraph(text: str, size: int = 0, bold: bool = False, prefix: str = ""):
    """A w:p of text with the document's own look, optionally bold and sized (half-points)."""
    rpr = ("<w:rPr>" + ("<w:b/><w:bCs/>" if bold else "")
           + (f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else "") + "</w:rPr>")
    text = " ".join((prefix + text).split())
    return parse_xml(f'<w:p {nsdecls("w")}>{dx.runs_xml(text, rpr) if text else ""}</w:p>')


def _text(element) -> str:
    """The visible text of an HTML element (scripts and styles left out)."""
    for hidden in list(element.iter("script", "style")):
        if hidden is not element:
            hidden.drop_tree()
    return element.text_content()


def _table(element):
    """An HTML table as a Word table with single borders, every row as wide as the widest."""
    rows = [[_text(cell) for cell in row.iter("td", "th")] for row in element.iter("tr")]
    rows = [row for row in rows if row]
    columns = max((len(row) for row in rows), default=0)
    if not columns:
        return None
    width = 9000 // columns
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(columns))
    body = []
    for row in rows:
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f'<w:p>{dx.runs_xml(" ".join(text.split()), "")}</w:p></w:tc>'
            for text in row + [""] * (columns - len(row)))
        body.append(f"<w:tr>{cells}</w:tr>")
    return parse_xml(f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="0" w:type="auto"/>'
                     f"<w:tblBorders>{_BORDERS}</w:tblBorders></w:tblPr>"
                     f"<w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>")


def _html_blocks(element, out: list) -> None:
    """Paragraphs and tables for an HTML element's block content, in order."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag == "table":
        table = _table(element)
        if table is not None:
            out.append(table)
        return
    if tag in ("ol", "ul"):
        for number, item in enumerate((li for li in element if li.tag == "li"), 1):
            out.append(_paragraph(_text(item), prefix=f"{number}．" if tag == "ol" else "• "))
        return
    if tag in _HEADINGS:
        out.append(_paragraph(_text(element), _HEADINGS[tag], bold=True))
        return
    if not any(isinstance(c.tag, str) and c.tag.lower() in _BLOCKS for c in element):
        if _text(element).strip():
            out.append(_paragraph(_text(element)))
        return
    if element.text and element.text.strip():
        out.append(_paragraph(element.text))
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag.lower() in _BLOCKS:
            _html_blocks(child, out)
        elif _text(child).strip():
            out.append(_paragraph(_text(child)))
        if child.tail and child.tail.strip():
            out.append(_paragraph(child.tail))


def html_blocks(blob: bytes) -> list:
    """The body of an HTML page as Word paragraphs and tables."""
    root = lxml_html.document_fromstring(blob, parser=lxml_html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True))
    body = root.find("body")
    out: list = []
    _html_blocks(body if body is not None else root, out)
    return out


def text_blocks(blob: bytes) -> list:
    """Plain text as one paragraph a line."""
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            text = blob.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = blob.decode("utf-8", "replace")
    return [_paragraph(line) for line in text.splitlines()]


def word_blocks(blob: bytes) -> list:
    """The paragraphs and tables of a Word document held inside another (text only)."""
    inner = open_docx(io.BytesIO(blob))
    out = []
    for block in inner.element.body:
        if block.tag == qn("w:p"):
            out.append(_paragraph("".join(t.text or "" for t in block.iter(qn("w:t")))))
        elif block.tag == qn("w:tbl"):
            rows = "".join(
                "<tr>" + "".join(f"<td>{_escape_cell(tc)}</td>"
                                 for tc in tr.iter(qn("w:tc"))) + "</tr>"
                for tr in block.iter(qn("w:tr")))
            table = _table(lxml_html.fragment_fromstring(f"<table>{rows}</table>"))
            if table is not None:
                out.append(table)
    return out


def _escape_cell(cell) -> str:
    """A Word table cell's text, escaped for HTML."""
    from html import escape
    return escape("".join(t.text or "" for t in cell.iter(qn("w:t"))))


def chunk_blocks(content_type: str, blob: bytes) -> list | None:
    """Word blocks for an altChunk's content, or None for a kind this program cannot turn
    into Word text (RTF, MHT …)."""
    kind = content_type.split(";")[0].strip().lower()
    if kind in HTML_TYPES:
        return html_blocks(blob)
    if kind in TEXT_TYPES:
        return text_blocks(blob)
    if kind in WORD_TYPES or blob.startswith(b"PK\x03\x04"):
        return word_blocks(blob)
    return None


def convert_altchunks(document: Document, unconverted: str) -> list[str]:
    """Replace each w:altChunk of a unit's document by its content as Word paragraphs; one
    that cannot be turned becomes a paragraph naming it (unconverted.format(kind)). The kinds
    left as such, for the user's note."""
    left: list[str] = []
    rid_attr = qn("r:id")
    for chunk in list(document.element.body.iter(qn("w:altChunk"))):
        rel = document.part.rels.get(chunk.get(rid_attr, ""))
        kind, blocks = "?", None
        if rel is not None and not rel.is_external:
            part = rel.target_part
            kind = part.content_type or "?"
            if len(part.blob) <= MAX_CHUNK_BYTES:
                try:
                    blocks = chunk_blocks(kind, part.blob)
                except Exception:  # noqa: BLE001 - a damaged chunk is named, not fatal
                    blocks = None
        if blocks is None:
            left.append(kind)
            blocks = [_paragraph(unconverted.format(kind))]
        parent = chunk.getparent()
        if parent.tag == qn("w:tc") or parent.tag == qn("w:body"):
            for block in blocks:
                chunk.addprevious(block)
            if parent.tag == qn("w:tc") and not any(c.tag == qn("w:p") for c in parent
                                                    if c is not chunk):
                chunk.addprevious(_paragraph(""))
        parent.remove(chunk)
    return left
