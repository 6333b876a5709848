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
