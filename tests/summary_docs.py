"""Summaries as units write them, made with python-docx for tests: a heading, a numbered
list, a table and a photograph (a plain colour square, easy to find again in a render)."""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt, RGBColor

COLOURS = {"red": (220, 30, 30), "green": (30, 160, 60), "blue": (30, 60, 220)}


def colour_png(path: Path, rgb: tuple[int, int, int], size: int = 240) -> Path:
    """A square PNG of one colour."""
    from PySide6.QtGui import QColor, QImage
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor(*rgb))
    assert image.save(str(path), "PNG")
    return path


def summary_docx(path: Path, unit: str, colour: str, own_style: bool = True) -> Path:
    """A unit's 活动总结: heading, numbered list, table and picture, each marked by unit."""
    doc = Document()
    if own_style:  # the unit's own look: its Normal text green-grey, its heading style changed
        doc.styles["Normal"].font.size = Pt(12)
        heading = doc.styles["Heading 1"]
        heading.font.color.rgb = RGBColor(0x80, 0x00, 0x80)
        doc.styles.add_style(f"{unit}正文", WD_STYLE_TYPE.PARAGRAPH).font.italic = True
    doc.add_heading(f"{unit}活动总结标题", level=1)
    doc.add_paragraph(f"{unit}今年开展了计量日系列活动。")
    for step in ("第一项举措", "第二项举措", "第三项举措"):
        doc.add_paragraph(f"{unit}{step}", style="List Number")
    table = doc.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"{unit}表{r}{c}"
    picture = colour_png(path.with_suffix(".png"), COLOURS[colour])
    doc.add_picture(str(picture), width=Cm(4))
    if own_style:
        doc.add_paragraph(f"{unit}结束语", style=f"{unit}正文")
    doc.save(str(path))
    return path


def landscape_summary_docx(path: Path, unit: str) -> Path:
    """A summary whose second section is a landscape page with a wide table."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm
    summary_docx(path, unit, "red")
    doc = Document(str(path))
    doc.sections[0].header.paragraphs[0].text = f"{unit}页眉"
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    table = doc.add_table(rows=2, cols=8)
    table.style = "Table Grid"
    for index, cell in enumerate(table.rows[0].cells):
        cell.text = f"{unit}横表{index}"
    doc.add_paragraph(f"{unit}横向页后的文字")
    doc.save(str(path))
    return path


def as_libreoffice_writes_it(path: Path) -> Path:
    """The summary with two things LibreOffice's .docx have: built-in style names written
    capitalised (Heading 1) and table cells naming their paragraph style (Normal)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    doc = Document(str(path))
    for name in doc.styles.element.iter(qn("w:name")):
        if name.get(qn("w:val")) == "heading 1":
            name.set(qn("w:val"), "Heading 1")
    for table in doc.tables:
        for paragraph in table._tbl.iter(qn("w:p")):
            ppr = paragraph.get_or_add_pPr()
            ppr.insert(0, parse_xml(f'<w:pStyle {nsdecls("w")} w:val="Normal"/>'))
    doc.save(str(path))
    return path
