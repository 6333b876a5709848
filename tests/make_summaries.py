"""Make the summaries units send, as they make them, into tests/data/summaries/.

Run once (needs LibreOffice for the LibreOffice-saved file, the .doc and the PDF):
    .venv/bin/python -m tests.make_summaries
The files are committed; tests read them and never need LibreOffice to make them.

- 浦东 word_landscape_list.docx: Word's US Letter pages, 11 pt text from the document defaults,
  a numbered list whose marks take their size from the defaults, a landscape section with a
  wide table.
- 黄浦 libreoffice_saved.docx: written in LibreOffice Writer (its own defaults and styles, its
  paragraph spacing) and saved as .docx.
- 静安 summary.doc: Word 97-2003 format, saved by LibreOffice, with an 11 pt numbered list.
- 徐汇 two_pages.pdf: a PDF of two pages, the second one landscape.
- 长宁 photo.jpg: a photograph of the summary on paper.
- 普陀 links.docx: an external hyperlink and a picture linked to a file (not embedded).
- 虹口 altchunk.docx: the text of the summary held as an HTML part (w:altChunk), as web
  systems write .docx files.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Inches, Pt

HERE = Path(__file__).resolve().parent / "data" / "summaries"
ALTCHUNK_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
LIST_ITEMS = ("开展计量咨询义诊", "组织加油站计量检查", "走进校园宣传计量知识")


def word_landscape_list(path: Path, unit: str = "浦东") -> Path:
    """Word's defaults (Letter, 11 pt), a numbered list, a landscape section with a wide table."""
    doc = Document()
    doc.add_heading(f"{unit}计量日活动总结", level=1)
    doc.add_paragraph(f"{unit}区局围绕“5·20世界计量日”主题开展了系列活动，现总结如下。")
    for item in LIST_ITEMS:
        doc.add_paragraph(f"{unit}{item}", style="List Number")
    doc.add_paragraph(f"{unit}下一步将继续做好计量监管工作。")
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    table = doc.add_table(rows=3, cols=8)
    table.style = "Table Grid"
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"{unit}横表{r}{c}"
    doc.add_paragraph(f"{unit}横向页后的文字")
    doc.save(str(path))
    return path


def _writer_source(path: Path, unit: str) -> Path:
    """What a clerk types in Writer: a title, body paragraphs, a numbered list."""
    doc = Document()
    doc.add_heading(f"{unit}计量日活动总结（Writer）", level=1)
    for n in range(1, 7):
        doc.add_paragraph(f"{unit}Writer正文第{n}段，介绍活动开展情况和取得的成效。")
    for item in LIST_ITEMS:
        doc.add_paragraph(f"{unit}{item}", style="List Number")
    doc.save(str(path))
    return path


def _convert(source: Path, fmt: str, outdir: Path) -> Path:
    """Through LibreOffice, as a unit using it would save the file."""
    from models.received import soffice
    return soffice.convert(source, fmt, outdir)


def libreoffice_saved(path: Path, work: Path, unit: str = "黄浦") -> Path:
    """A summary written in Writer (as .odt) and saved as .docx by LibreOffice."""
    odt = _convert(_writer_source(work / "writer.docx", unit), "odt", work / "odt")
    docx = _convert(odt, "docx", work / "docx")
    shutil.copyfile(docx, path)
    return path


def word97(path: Path, work: Path, unit: str = "静安") -> Path:
    """A Word 97-2003 summary with an 11 pt numbered list, saved by LibreOffice."""
    source = work / "word97.docx"
    doc = Document()
    doc.add_heading(f"{unit}计量日活动总结（97格式）", level=1)
    doc.add_paragraph(f"{unit}区局开展了计量日宣传活动。")
    for item in LIST_ITEMS:
        run = doc.add_paragraph(style="List Number").add_run(f"{unit}{item}")
        run.font.size = Pt(11)
    doc.save(str(source))
    shutil.copyfile(_convert(source, "doc", work / "doc"), path)
    return path


def two_page_pdf(path: Path, work: Path, unit: str = "徐汇") -> Path:
    """A two-page PDF summary, its second page landscape."""
    source = work / "pdf.docx"
    doc = Document()
    doc.add_heading(f"{unit}PDF总结第一页", level=1)
    doc.add_paragraph(f"{unit}PDF第一页正文。" * 20)
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    doc.add_heading(f"{unit}PDF总结第二页（横向）", level=1)
    doc.add_paragraph(f"{unit}PDF第二页正文。" * 20)
    doc.save(str(source))
    shutil.copyfile(_convert(source, "pdf", work / "pdf"), path)
    return path


def photo(path: Path) -> Path:
    """A photograph of a paper summary: a grey-white page with dark lines of 'text'."""
    from PySide6.QtGui import QColor, QImage, QPainter
    image = QImage(900, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor(120, 110, 100))
    painter = QPainter(image)
    painter.fillRect(60, 60, 780, 1080, QColor(238, 236, 230))
    for line in range(30):
        painter.fillRect(120, 140 + line * 32, 560 + (line * 37) % 100, 12, QColor(40, 40, 48))
    painter.end()
    assert image.save(str(path), "JPEG", 85)
    return path


def links(path: Path, unit: str = "普陀") -> Path:
    """An external hyperlink and a picture linked to a file on the unit's computer."""
    doc = Document()
    doc.add_heading(f"{unit}计量日活动总结", level=1)
    paragraph = doc.add_paragraph(f"{unit}活动报道见：")
    rid = doc.part.relate_to("https://www.samr.gov.cn/", RT.HYPERLINK, is_external=True)
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"><w:r><w:rPr><w:color w:val="0563C1"/>'
        f'<w:u w:val="single"/></w:rPr><w:t>{unit}活动报道链接</w:t></w:r></w:hyperlink>'))
    link = doc.part.relate_to("file:///C:/Users/clerk/Pictures/activity.jpg", RT.IMAGE,
                              is_external=True)
    cx, cy = Inches(2), Inches(1.5)
    doc.add_paragraph()._p.append(parse_xml(
        f'<w:r {nsdecls("w", "wp", "a", "pic", "r")}><w:drawing><wp:inline>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="1" name="linked"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="activity.jpg"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:link="{link}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        '</wp:inline></w:drawing></w:r>'))
    doc.add_paragraph(f"{unit}结束语")
    doc.save(str(path))
    return path


ALTCHUNK_HTML = """<html><head><meta charset="utf-8"><title>总结</title></head><body>
<h1>{unit}计量日活动总结（网页导出）</h1>
<p>{unit}网页段落一：开展了计量宣传。</p>
<ol><li>{unit}网页列表一</li><li>{unit}网页列表二</li></ol>
<table><tr><td>{unit}网页表格甲</td><td>{unit}网页表格乙</td></tr></table>
</body></html>"""


def add_altchunk(doc, blob: bytes, content_type: str, name: str) -> None:
    """A w:altChunk in the body referring to a part holding blob."""
    part = Part(PackURI(f"/word/{name}"), content_type, blob, doc.part.package)
    rid = doc.part.relate_to(part, ALTCHUNK_RT)
    doc.element.body.sectPr.addprevious(
        parse_xml(f'<w:altChunk {nsdecls("w", "r")} r:id="{rid}"/>'))


def altchunk(path: Path, unit: str = "虹口") -> Path:
    """A .docx as web systems write it: the summary's text is an HTML part (w:altChunk)."""
    doc = Document()
    doc.add_paragraph(f"{unit}系统导出的总结：")
    add_altchunk(doc, ALTCHUNK_HTML.format(unit=unit).encode("utf-8"), "text/html",
                 "afchunk.htm")
    doc.save(str(path))
    return path


def main() -> None:
    """Write every kind into tests/data/summaries/."""
    HERE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for sub in ("odt", "docx", "doc", "pdf"):
            (work / sub).mkdir()
        word_landscape_list(HERE / "word_landscape_list.docx")
        libreoffice_saved(HERE / "libreoffice_saved.docx", work)
        word97(HERE / "summary.doc", work)
        two_page_pdf(HERE / "two_pages.pdf", work)
        photo(HERE / "photo.jpg")
        links(HERE / "links.docx")
        altchunk(HERE / "altchunk.docx")


if __name__ == "__main__":
    main()
