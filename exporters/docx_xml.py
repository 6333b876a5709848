"""Small WordprocessingML helpers: fonts, paragraphs, tables, page numbers and sections as XML."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Mm
from lxml import etree

from models.text import clean_text

FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"
RED = "FF0000"

BODY_LINE = 579                     # twips: 28.95 pt exact, 22 lines in the 225 mm text block
TEXT_WIDTH_MM = 156
TWIPS_PER_MM = 1440 / 25.4

_MC_IGNORABLE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable"
_WRAPPER = f"<w:wrapper {nsdecls('w')}>{{}}</w:wrapper>"
_FIRST_TAG = re.compile(r"^<(w:\w+)")


@dataclass(frozen=True, slots=True)
class Margins:
    """Page margins and footer distance of a section, in millimetres."""

    top: float
    bottom: float
    left: float
    right: float
    footer: float


# GB/T 9704 [5.2.1]; the landscape page keeps the same text block, turned a quarter.
PORTRAIT = Margins(top=37, bottom=35, left=28, right=26, footer=23)
LANDSCAPE = Margins(top=28, bottom=26, left=35, right=37, footer=14)


def mm_to_twips(mm: float) -> int:
    """Millimetres as whole twips."""
    return round(mm * TWIPS_PER_MM)


# --- run properties and text -------------------------------------------------------------

def rpr_xml(font: str, size_pt: float, *, color: str | None = None, spacing: int = 0,
            bold: bool = False) -> str:
    """A w:rPr naming the font for every script (w:eastAsia included) with zh-CN language."""
    half = round(size_pt * 2)
    parts = [f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}" '
             f'w:hint="eastAsia"/>']
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if spacing:
        parts.append(f'<w:spacing w:val="{spacing}"/>')
    parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    parts.append('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def runs_xml(text: str, rpr: str) -> str:
    """Runs for text: control characters dropped, \\n as w:br, \\t as w:tab, nothing else lost."""
    line_break = f"<w:r>{rpr}<w:br/></w:r>"
    return line_break.join(_line_runs(line, rpr) for line in clean_text(text).split("\n"))


def escape(text: str) -> str:
    """Text as XML character data: &, < and > as entities (xml.sax.saxutils.escape's
    result, without importing urllib and email for it)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _line_runs(line: str, rpr: str) -> str:
    """One run for a line of clean text, tabs as w:tab."""
    if not line:
        return ""
    if "\t" not in line:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>'
    pieces = "<w:tab/>".join(f'<w:t xml:space="preserve">{escape(part)}</w:t>' if part else ""
                              for part in line.split("\t"))
    return f"<w:r>{rpr}{pieces}</w:r>"


def ppr_xml(*, align: str | None = None, line: int | None = BODY_LINE, before: int = 0,
            after: int = 0, first_line: int = 0, left: int = 0, right: int = 0,
            snap: bool = True, page_break_before: bool = False, keep_next: bool = False,
            border: str = "", tabs: Sequence[tuple[str, int]] = (), rpr: str = "") -> str:
    """A w:pPr: alignment, exact line spacing (twips), indents, tabs, borders; no auto spacing."""
    parts: list[str] = []
    if keep_next:
        parts.append("<w:keepNext/>")
    if page_break_before:
        parts.append("<w:pageBreakBefore/>")
    if border:
        parts.append(f"<w:pBdr>{border}</w:pBdr>")
    if tabs:
        parts.append("<w:tabs>" + "".join(
            f'<w:tab w:val="{kind}" w:pos="{pos}"/>' for kind, pos in tabs) + "</w:tabs>")
    # overflowPunct stated explicitly (Word's default): without it LibreOffice hangs the 。/、
    # that ends a full justified line and does not draw it
    parts.append('<w:overflowPunct w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>')
    if not snap:
        parts.append('<w:snapToGrid w:val="0"/>')
    rule = f' w:line="{line}" w:lineRule="exact"' if line else ""
    parts.append(f'<w:spacing w:before="{before}" w:after="{after}"{rule}/>')
    if first_line or left or right:
        first = (f'w:firstLine="{first_line}"' if first_line >= 0
                 else f'w:hanging="{-first_line}"')
        parts.append(f'<w:ind w:left="{left}" w:right="{right}" {first}/>')
    if align:
        parts.append(f'<w:jc w:val="{align}"/>')
    if rpr:
        parts.append(rpr)
    return "<w:pPr>" + "".join(parts) + "</w:pPr>"


def paragraph_xml(text: str, rpr: str, ppr: str) -> str:
    """One paragraph of text in one font."""
    return f"<w:p>{ppr}{runs_xml(text, rpr)}</w:p>"


def mixed_paragraph_xml(parts: Iterable[tuple[str, str]], ppr: str) -> str:
    """One paragraph whose consecutive (text, rPr) parts use different fonts."""
    return f"<w:p>{ppr}{''.join(runs_xml(text, rpr) for text, rpr in parts)}</w:p>"


def border_xml(side: str, size_eighths: int, color: str = "000000", space: int = 0) -> str:
    """One single-line border edge, size in eighths of a point."""
    return f'<w:{side} w:val="single" w:sz="{size_eighths}" w:space="{space}" w:color="{color}"/>'


def page_field_xml(rpr: str) -> str:
    """A PAGE field showing the current page number."""
    return (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{rpr}<w:t>1</w:t></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')


# --- tables --------------------------------------------------------------------------------

def fonts_rpr_xml(font: str) -> str:
    """A compact w:rPr naming only the font (all scripts) and zh-CN, for runs in a styled paragraph."""
    return (f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" '
            f'w:cs="{font}" w:hint="eastAsia"/><w:lang w:eastAsia="zh-CN"/></w:rPr>')


def add_paragraph_style(document: Document, style_id: str, name: str, ppr: str,
                        rpr: str) -> None:
    """Add a paragraph style given its pPr and rPr as XML text."""
    document.styles.element.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/>{ppr}{rpr}</w:style>'))


@dataclass(frozen=True, slots=True)
class TableStyle:
    """How a table's cells look: paragraph styles (added to the document) and run fonts."""

    header_style: str              # paragraph style ids
    body_style: str
    header_font: str
    body_font: str
    cell_margin: int = 80          # left/right cell padding, twips
    border_size: int = 4           # eighths of a point


def table_xml(widths: Sequence[int], header: Sequence[str],
              rows: Sequence[Sequence[tuple[str, int]]], style: TableStyle,
              aligns: Sequence[str], splittable: Sequence[bool] = (),
              keep_next: Sequence[bool] = (), caption: str = "") -> str:
    """A fixed-layout table: repeated header row, unsplittable rows, vertical merges.

    Each body cell is (text, span): span > 1 starts a vertical merge, 0 continues one.
    Rows marked keep_next keep with the row after them (every paragraph keepNext), so a
    group of rows never starts at the foot of a page and goes on on the next. A caption
    becomes a first header row across all columns, repeated with the header on every page.
    Cell paragraphs use the styles named in style; runs name their font (w:eastAsia).
    """
    borders = "".join(border_xml(side, style.border_size)
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    pad = style.cell_margin
    parts = [
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="30" w:type="dxa"/><w:left w:w="{pad}" w:type="dxa"/>'
        f'<w:bottom w:w="30" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        "</w:tblPr><w:tblGrid>",
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    header_ppr = (f'<w:pPr><w:pStyle w:val="{style.header_style}"/><w:keepNext/>'
                  '<w:jc w:val="center"/></w:pPr>')
    header_rpr = fonts_rpr_xml(style.header_font)
    if caption:
        caption_ppr = (f'<w:pPr><w:pStyle w:val="{style.header_style}"/><w:keepNext/>'
                       '<w:jc w:val="left"/></w:pPr>')
        parts.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                     f'<w:tc><w:tcPr><w:tcW w:w="{sum(widths)}" w:type="dxa"/>'
                     f'<w:gridSpan w:val="{len(widths)}"/><w:vAlign w:val="center"/></w:tcPr>'
                     f"<w:p>{caption_ppr}{_line_runs(clean_text(caption), header_rpr)}</w:p>"
                     "</w:tc></w:tr>")
    parts.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
    parts.extend(_cell_xml(w, text, 1, header_ppr, header_rpr)
                 for w, text in zip(widths, header, strict=True))
    parts.append("</w:tr>")
    pprs = {keep: [f'<w:pPr><w:pStyle w:val="{style.body_style}"/>'
                   f'{"<w:keepNext/>" if keep else ""}<w:jc w:val="{a}"/></w:pPr>'
                   for a in aligns] for keep in (False, True)}
    body_rpr = fonts_rpr_xml(style.body_font)
    # per column and keep-with-next, each (text, span) written once: units, times, merges
    written = {keep: [({}, w, ppr) for w, ppr in zip(widths, pprs[keep], strict=True)]
               for keep in (False, True)}
    for index, row in enumerate(rows):
        can_split = index < len(splittable) and splittable[index]
        keep = index < len(keep_next) and keep_next[index]
        parts.append("<w:tr>" if can_split else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for (cells, w, ppr), cell in zip(written[keep], row, strict=True):
            xml = cells.get(cell)
            if xml is None:
                xml = cells[cell] = _cell_xml(w, cell[0], cell[1], ppr, body_rpr)
            parts.append(xml)
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def _cell_xml(width: int, text: str, span: int, ppr: str, rpr: str) -> str:
    """One table cell, a paragraph per line; a continued vertical merge stays empty."""
    merge = ('<w:vMerge w:val="restart"/>' if span > 1 else "<w:vMerge/>" if span == 0 else "")
    lines = clean_text(text).split("\n") if span != 0 else [""]
    paragraphs = "".join([f"<w:p>{ppr}{_line_runs(line, rpr)}</w:p>" for line in lines])
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{merge}'
            f'<w:vAlign w:val="center"/></w:tcPr>{paragraphs}</w:tc>')


# --- putting XML into a document -----------------------------------------------------------

def parse_blocks(xml: str) -> list:
    """Parse a few small elements written one after another (footers, properties)."""
    return list(parse_xml(_WRAPPER.format(xml)))


def parse_block(xml: str):
    """Parse one element, declaring the namespace on it (moving it later stays cheap)."""
    return parse_xml(_FIRST_TAG.sub(rf"<\1 {nsdecls('w')}", xml, count=1))


def append_blocks(document: Document, blocks: Iterable[str]) -> None:
    """Append paragraphs and tables, each given as the XML text of one element, to the body.

    Each is parsed on its own: lxml moves an element out of a parent that declares its
    namespace node by node, which takes seconds for a table of thousands of rows.
    """
    body = document.element.body
    anchor = body.sectPr
    for xml in blocks:
        element = parse_block(xml)
        if anchor is not None:
            anchor.addprevious(element)
        else:
            body.append(element)


def set_style_font(document: Document, style_name: str, font: str, size_pt: float) -> None:
    """Give a style its font for every script (w:eastAsia too), size and zh-CN language."""
    style = document.styles[style_name]
    _replace_rpr(style.element, rpr_xml(font, size_pt))


def set_default_font(document: Document, font: str, size_pt: float) -> None:
    """Set the document defaults (w:docDefaults) to a Chinese font, size and language."""
    rpr_default = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    _replace_rpr(rpr_default, rpr_xml(font, size_pt))


def _replace_rpr(owner, rpr: str) -> None:
    """Replace the w:rPr child of a style or rPrDefault element."""
    old = owner.find(qn("w:rPr"))
    new = parse_xml(rpr.replace("<w:rPr>", f"<w:rPr {nsdecls('w')}>", 1))
    if old is not None:
        old.addprevious(new)
        owner.remove(old)
    else:
        owner.append(new)


def prepare_document(document: Document, font: str = FANGSONG, size_pt: float = 16) -> None:
    """Chinese fonts on the defaults and the Normal style; odd and even page footers."""
    set_default_font(document, font, size_pt)
    set_style_font(document, "Normal", font, size_pt)
    document.settings.odd_and_even_pages_header_footer = True


# --- sections ------------------------------------------------------------------------------

def set_geometry(section: Section, landscape: bool) -> None:
    """A4 in the official margins, portrait or landscape (width and height swapped)."""
    margins = LANDSCAPE if landscape else PORTRAIT
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210),
                                                                                   Mm(297))
    section.top_margin, section.bottom_margin = Mm(margins.top), Mm(margins.bottom)
    section.left_margin, section.right_margin = Mm(margins.left), Mm(margins.right)
    section.footer_distance = Mm(margins.footer)
    section.header_distance = Mm(15)
    section.gutter = Mm(0)


def text_width_twips(landscape: bool) -> int:
    """Width of the text block, twips."""
    margins = LANDSCAPE if landscape else PORTRAIT
    return mm_to_twips((297 if landscape else 210) - margins.left - margins.right)


def text_height_twips(landscape: bool) -> int:
    """Height of the text block, twips."""
    margins = LANDSCAPE if landscape else PORTRAIT
    return mm_to_twips((210 if landscape else 297) - margins.top - margins.bottom)


def add_section(document: Document, landscape: bool, even_page: bool = False) -> Section:
    """Start a new section on a new page (an even one if asked: the 版记 page is the back of
    the last sheet); the break paragraph is made one point high."""
    section = document.add_section(WD_SECTION.EVEN_PAGE if even_page else WD_SECTION.NEW_PAGE)
    break_p = document.element.body.sectPr.getprevious()
    sect_pr = break_p.find(qn("w:pPr")).find(qn("w:sectPr"))
    for element in parse_blocks('<w:spacing w:before="0" w:after="0" w:line="20" '
                                f'w:lineRule="exact"/>{rpr_xml(SONGTI, 1)}'):
        sect_pr.addprevious(element)
    set_geometry(section, landscape)
    return section


def set_page_number_footers(section: Section) -> None:
    """Page numbers "— n —" in 4号 宋体: odd pages right, even pages left, one character in."""
    rpr = rpr_xml(SONGTI, 14)
    number = runs_xml("— ", rpr) + page_field_xml(rpr) + runs_xml(" —", rpr)
    one_char = 280
    _set_footer(section.footer, f"<w:p>{ppr_xml(align='right', line=None, right=one_char)}"
                                f"{number}</w:p>")
    _set_footer(section.even_page_footer, f"<w:p>{ppr_xml(align='left', line=None, left=one_char)}"
                                          f"{number}</w:p>")


TURNED_NUMBER_BOX_MM = 8.0
"""Width of the box that holds a landscape page's turned number, in millimetres."""
_EMU_PER_MM = 36000
_NUMBER_NAMESPACES = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"')


def turned_number_xml(odd: bool, shape_id: int) -> str:
    """A landscape page's number where GB/T 9704 puts it on the sheet turned to portrait (the
    landscape page's top at the binding edge): a text box in the left margin, text reading
    downwards 7 mm left of the text block, at the foot (odd pages) or the head (even pages)
    one character in. DrawingML for Word 2010+, WPS and LibreOffice; VML for older Word."""
    margins = LANDSCAPE
    right_mm = margins.left - 7.0
    left_mm = right_mm - TURNED_NUMBER_BOX_MM
    height_mm = 210 - margins.top - margins.bottom
    emu = {k: round(v * _EMU_PER_MM) for k, v in
           (("x", left_mm), ("y", margins.top), ("w", TURNED_NUMBER_BOX_MM), ("h", height_mm))}
    rpr = rpr_xml(SONGTI, 14)
    one_char = 280
    ppr = (ppr_xml(align="right", line=None, right=one_char) if odd
           else ppr_xml(align="left", line=None, left=one_char))
    paragraph = (f"<w:p>{ppr}{runs_xml('— ', rpr)}{page_field_xml(rpr)}{runs_xml(' —', rpr)}"
                 "</w:p>")
    content = f"<w:txbxContent>{paragraph}</w:txbxContent>"
    pt = {k: round(v / _EMU_PER_MM * 72 / 25.4, 2) for k, v in emu.items()}
    return (
        f"<w:r><mc:AlternateContent {_NUMBER_NAMESPACES}><mc:Choice Requires=\"wps\"><w:drawing>"
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="{251658240 + shape_id}" behindDoc="0" locked="1" layoutInCell="0" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{emu["x"]}</wp:posOffset>'
        '</wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{emu["y"]}</wp:posOffset>'
        '</wp:positionV>'
        f'<wp:extent cx="{emu["w"]}" cy="{emu["h"]}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/><wp:docPr id="{shape_id}" name="页码 {shape_id}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{emu["w"]}" cy="{emu["h"]}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        '</a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        f"<wps:txbx>{content}</wps:txbx>"
        '<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
        'anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData>'
        "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:rect style="position:absolute;margin-left:{pt["x"]}pt;margin-top:{pt["y"]}pt;'
        f'width:{pt["w"]}pt;height:{pt["h"]}pt;z-index:1;'
        "mso-position-horizontal-relative:page;mso-position-vertical-relative:page;"
        'layout-flow:vertical" stroked="f" filled="f">'
        f'<v:textbox style="layout-flow:vertical" inset="0,0,0,0">{content}</v:textbox>'
        "</v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def set_turned_page_number_footers(section: Section) -> None:
    """Landscape pages' numbers at the portrait pages' place on the sheet (see
    turned_number_xml), odd and even pages; the footers hold nothing else."""
    for footer, odd, shape_id in ((section.footer, True, 1001),
                                  (section.even_page_footer, False, 1002)):
        _set_footer(footer, f"<w:p>{ppr_xml(line=None)}{turned_number_xml(odd, shape_id)}</w:p>")


def set_blank_footers(section: Section) -> None:
    """Footers of their own, empty: the section's pages carry no number."""
    _set_footer(section.footer, "<w:p/>")
    _set_footer(section.even_page_footer, "<w:p/>")


def _set_footer(footer, xml: str) -> None:
    """Replace a footer's content (unlinking it from the previous section) with XML blocks."""
    footer.is_linked_to_previous = False
    element = footer._element
    for child in list(element):
        element.remove(child)
    for block in parse_blocks(xml):
        element.append(block)
    # python-docx's footer template declares 17 namespaces and marks w14/wp14 ignorable;
    # the footer holds none of them: drop the mark and the unused declarations
    element.attrib.pop(_MC_IGNORABLE, None)
    etree.cleanup_namespaces(element)
