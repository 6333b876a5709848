"""The compiled document of all summaries (活动总结汇编): a cover, a contents list, each unit's
summary on its own pages under the unit's name, and the units that sent nothing.

The units' Word files are joined with docxcompose, which carries each document's text,
pictures, tables and numbering across. Before that each document is made ready for the book
(book_styles: its styles under names of its own with its defaults written in, so the book's
仿宋 16 pt never reaches its text or list marks; book_fonts: its theme fonts by name;
book_sections: its pages A4; book_links: its linked pictures; book_altchunk: its HTML parts
as Word text; book_package: no DTD, no comment anchors, part names with extensions). PDF
summaries go in as pictures of their pages (book_pdf_pages), photographs as they are;
book_contents writes the contents' page numbers in where LibreOffice can lay the book out.
"""
from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy
from pathlib import Path

from docx import Document as open_docx
from docx.document import Document
from docx.image.image import Image
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.ns import nsmap as docx_prefixes
from docx.shared import Emu, Mm
from docxcompose.composer import Composer
from docxcompose.utils import NS as COMPOSE_PREFIXES

from exporters import docx_xml as dx
from exporters.atomic import ExportError, atomic_output, save_document
from exporters.book_altchunk import convert_altchunks
from exporters.book_contents import ask_word_to_update_fields, fill_contents_pages
from exporters.book_fonts import name_theme_fonts
from exporters.book_links import drop_dangling_references, hold_external_links, release_held
from exporters.book_package import (
    declares_dtd,
    drop_comment_marks,
    has_entity_references,
    tidy_part_names,
)
from exporters.book_pdf_pages import PageImage, PdfUnreadable, page_count, render_pages
from exporters.book_sections import (
    book_sections,
    fit_to_text_width,
    new_section,
    section_break,
)
from exporters.book_styles import copy_missing_ancestors, isolate_styles
from exporters.docx_package import finish_package
from exporters.pdf_office import check_pdf_possible
from models.i18n import QT_TRANSLATE_NOOP, _tr, translate
from models.received import soffice
from models.received.file_kinds import WORD_LIMITS, FileKind
from models.received.package_check import PackageRefused, check_package
from models.received.summary_book import SummaryBook, SummaryEntry
from models.text import chinese_date

CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
docx_prefixes["cp"] = CORE_PROPERTIES
"""docxcompose rebinds python-docx's "cp" prefix to the custom-properties namespace for the
whole process when it is imported; every later Word export would then write its author and
keywords into the wrong namespace (a file Word may call damaged). The prefix is put back
here and lent to docxcompose only while it appends (see _docxcompose_prefixes)."""

TR_CONTEXT = "SummaryBook"
HEADING_STYLE = "SummaryUnit"
MISSING_HEADING = "未报送活动总结的单位"
# Why a unit's file is not in the book: written in the book as they are, translated in notes.
REASON_PDF = QT_TRANSLATE_NOOP("SummaryBook", "是无法读取的 PDF 文件（{0}）")
REASON_PDF_LONG = QT_TRANSLATE_NOOP("SummaryBook", "页数过多，只并入了前 {0} 页")
REASON_DTD = QT_TRANSLATE_NOOP(
    "SummaryBook", "含有 DTD（文档类型定义，见“{0}”），Word 会拒绝打开这样的文件；可请该单位重新另存")
REASON_ALTCHUNK = QT_TRANSLATE_NOOP(
    "SummaryBook", "中嵌入了本程序无法转换的内容（altChunk，类型 {0}），已在汇编中原处注明")
REASON_UNKNOWN = QT_TRANSLATE_NOOP("SummaryBook", "是本程序无法放入汇编的格式")
ALTCHUNK_LEFT = "（此处原有嵌入内容（altChunk，类型 {0}），本程序无法转换，请查看原文件。）"
REASON_BROKEN = QT_TRANSLATE_NOOP("SummaryBook", "无法读取（{0}）")
REASON_NO_OFFICE = QT_TRANSLATE_NOOP(
    "SummaryBook", "是 Word 97-2003/WPS 格式，本机没有 LibreOffice 无法转换；可请该单位另存为 .docx")
REASON_CONVERSION = QT_TRANSLATE_NOOP("SummaryBook", "无法转换（{0}）")
REASON_PICTURE = QT_TRANSLATE_NOOP("SummaryBook", "是本程序无法放入 Word 的图片格式")
BOOKMARK = "_Toc_summary_{0}"
MISSING_INDEX = 0
PICTURE_MAX_HEIGHT_MM = 200
MAX_PDF_PAGES = 80
HEADING_ALLOWANCE_MM = 28
"""The unit's heading above the first page of a PDF: 3号 and 24 pt after it, with room."""
PAGE_EDGE = (f'<a:ln {nsdecls("a")} w="6350"><a:solidFill><a:srgbClr val="A6A6A6"/>'
             "</a:solidFill></a:ln>")
"""A thin grey line round a PDF page's picture: where the page ends shows on white paper."""
_BODY = dx.rpr_xml(dx.FANGSONG, 16)


def _body(text: str, align: str = "left", **ppr: object) -> str:
    """A paragraph of body text (3号 仿宋)."""
    return dx.paragraph_xml(text, _BODY, dx.ppr_xml(align=align, line=None, after=120, **ppr))


def _add_heading_style(document: Document) -> None:
    """The unit-name heading: 黑体 3号, centred, on a new page, outline level 1; off the
    line grid, so it stands the same in every unit's section whatever grid the unit set."""
    ppr = ('<w:pPr><w:keepNext/><w:pageBreakBefore/><w:snapToGrid w:val="0"/>'
           '<w:spacing w:before="0" w:after="480"/><w:jc w:val="center"/>'
           '<w:outlineLvl w:val="0"/></w:pPr>')
    dx.add_paragraph_style(document, HEADING_STYLE, "汇编单位标题", ppr,
                           dx.rpr_xml(dx.HEITI, 16))


def _heading(text: str, index: int, new_page: bool = True) -> str:
    """A unit-name heading, bookmarked for its line in the contents list; after a section
    break it does not ask for a page of its own again."""
    name = BOOKMARK.format(index)
    same_page = "" if new_page else '<w:pageBreakBefore w:val="0"/>'
    return (f'<w:p><w:pPr><w:pStyle w:val="{HEADING_STYLE}"/>{same_page}</w:pPr>'
            f'<w:bookmarkStart w:id="{9000 + index}" w:name="{name}"/>'
            f"{dx.runs_xml(text, dx.fonts_rpr_xml(dx.HEITI))}"
            f'<w:bookmarkEnd w:id="{9000 + index}"/></w:p>')


def _contents_line(text: str, index: int) -> str:
    """One line of the contents: name, dot leader, page number (a PAGEREF field)."""
    width = dx.text_width_twips(landscape=False)
    ppr = (f'<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs>'
           '<w:spacing w:before="0" w:after="160"/></w:pPr>')
    name = BOOKMARK.format(index)
    field = (f'<w:r>{_BODY}<w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
             f'<w:r>{_BODY}<w:instrText xml:space="preserve"> PAGEREF {name} \\h </w:instrText>'
             f'</w:r><w:r>{_BODY}<w:fldChar w:fldCharType="separate"/></w:r>'
             f'<w:r>{_BODY}<w:t></w:t></w:r><w:r>{_BODY}<w:fldChar w:fldCharType="end"/></w:r>')
    return (f'<w:p>{ppr}<w:hyperlink w:anchor="{name}" w:history="1">'
            f"{dx.runs_xml(text, _BODY)}<w:r>{_BODY}<w:tab/></w:r>{field}</w:hyperlink></w:p>")


def _cover(book: SummaryBook) -> list[str]:
    """Title in two lines of 小标宋, the compiling office and the month, then a page break."""
    title_rpr = dx.rpr_xml(dx.XIAOBIAOSONG, 26)
    head, _, tail = book.title.partition("”")
    lines = [head + "”", tail] if tail else [book.title]
    blocks = [dx.paragraph_xml(line, title_rpr,
                               dx.ppr_xml(align="center", line=760,
                                          before=dx.mm_to_twips(55) if i == 0 else 0))
              for i, line in enumerate(lines)]
    office_rpr = dx.rpr_xml(dx.KAITI, 18)
    blocks.append(dx.paragraph_xml(book.office, office_rpr,
                                   dx.ppr_xml(align="center", line=None,
                                              before=dx.mm_to_twips(95))))
    month = chinese_date(book.compiled).rsplit("月", 1)[0] + "月"
    blocks.append(dx.paragraph_xml(month, office_rpr, dx.ppr_xml(align="center", line=None,
                                                                 before=240)))
    return blocks


def _contents(book: SummaryBook) -> list[str]:
    """目录 on a page of its own: each unit, then the list of units that sent nothing."""
    blocks = [dx.paragraph_xml("目　　录", dx.rpr_xml(dx.XIAOBIAOSONG, 22),
                               dx.ppr_xml(align="center", line=None, after=480,
                                          page_break_before=True))]
    blocks += [_contents_line(entry.unit, i) for i, entry in enumerate(book.entries, 1)]
    blocks.append(_contents_line(MISSING_HEADING, MISSING_INDEX))
    return blocks


def _placeholder(entry: SummaryEntry, why: str) -> str:
    """What stands in the book for a summary that could not be put in it."""
    return _body(f"（该单位报送的“{entry.version.name}”{why}，未能并入本汇编，请另行附上。）", first_line=640)


def _add_picture(document: Document, path: Path) -> None:
    """A photograph sent as the summary, as wide as the text block allows, centred. Added
    from its content (the stored file has no extension): the part is named by its kind."""
    stream = io.BytesIO(path.read_bytes())
    image = Image.from_file(stream)
    width = Mm(dx.TEXT_WIDTH_MM)
    height = Emu(int(width * image.px_height / max(image.px_width, 1)))
    if height > Mm(PICTURE_MAX_HEIGHT_MM):
        width = Emu(int(width * Mm(PICTURE_MAX_HEIGHT_MM) / height))
    document.add_picture(stream, width=width)
    document.paragraphs[-1].alignment = 1


def _add_page_picture(document: Document, page: PageImage, first: bool,
                      new_page: bool) -> None:
    """One page of a PDF as a picture filling the text block of a book page turned as it
    is (less the heading's room on the first), centred, on a page of its own."""
    landscape = page.landscape
    width_mm = (dx.text_width_twips(landscape) / 56.7)
    height_mm = (dx.text_height_twips(landscape) / 56.7) - (HEADING_ALLOWANCE_MM if first else 2)
    scale = min(width_mm / page.width_px, height_mm / page.height_px)
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = 0
    paragraph.paragraph_format.line_spacing = 1.0
    paragraph.paragraph_format.page_break_before = new_page
    paragraph.alignment = 1
    shape = paragraph.add_run().add_picture(io.BytesIO(page.data),
                                            width=Mm(page.width_px * scale),
                                            height=Mm(page.height_px * scale))
    shape._inline.graphic.graphicData.pic.spPr.append(parse_xml(PAGE_EDGE))


_RPR_ORDER = {qn(f"w:{tag}"): i for i, tag in enumerate((
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath", "rPrChange"))}


def _tidy_run_properties(root) -> None:
    """Put run properties in the order the schema (and Word) wants, keeping the first of any
    doubled one (units' files carry both now and then)."""
    for rpr in root.iter(qn("w:rPr")):
        children = list(rpr)
        if len(children) < 2:
            continue
        seen: set[str] = set()
        kept = []
        for child in children:
            if child.tag in seen and child.tag in _RPR_ORDER:
                continue
            seen.add(child.tag)
            kept.append(child)
        kept.sort(key=lambda c: _RPR_ORDER.get(c.tag, len(_RPR_ORDER)))
        if kept != children:
            for child in children:
                rpr.remove(child)
            rpr.extend(kept)


@contextmanager
def _docxcompose_prefixes() -> Iterator[None]:
    """python-docx's "cp" prefix as docxcompose expects it, for the time it appends."""
    docx_prefixes["cp"] = COMPOSE_PREFIXES["cp"]
    try:
        yield
    finally:
        docx_prefixes["cp"] = CORE_PROPERTIES


class _Compiler:
    """Builds the book; remembers what it could not put in."""

    def __init__(self, book: SummaryBook, workdir: Path) -> None:
        self.book = book
        self.workdir = workdir
        self.notes: list[str] = []
        self.document = open_docx()
        self.composer = Composer(self.document)
        self.heading: tuple[str, int] | None = None
        self.index = 0

    def build(self) -> Document:
        """The whole book."""
        document = self.document
        dx.prepare_document(document)
        _add_heading_style(document)
        section = document.sections[0]
        dx.set_geometry(section, landscape=False)
        dx.set_page_number_footers(section)
        section.different_first_page_header_footer = True  # no number on the cover
        ask_word_to_update_fields(document)
        dx.append_blocks(document, _cover(self.book) + _contents(self.book))
        self._end_section(cover=True)
        for index, entry in enumerate(self.book.entries, 1):
            self.heading = (entry.unit, index)
            self.index = index
            self._add_summary(entry)
        self._add_missing_page()
        _tidy_run_properties(document.element.body)
        _tidy_run_properties(document.styles.element)
        finish_package(document, self.book.title, self.book.office)
        drop_dangling_references(document)
        tidy_part_names(document)
        return document

    def _add_summary(self, entry: SummaryEntry) -> None:
        """One unit's file: composed, converted first, shown as pictures, or stood in for."""
        kind = entry.version.kind
        if kind == FileKind.DOCX:
            self._compose(entry, entry.content)
        elif kind in (FileKind.DOC, FileKind.RTF):
            self._compose_converted(entry)
        elif kind == FileKind.PDF:
            self._pdf(entry)
        elif kind.is_image:
            self._picture(entry)
        else:
            self._skip(entry, REASON_UNKNOWN)

    def _put_heading(self, new_page: bool = True) -> None:
        """The current unit's heading (once), starting a page unless a section break did."""
        if self.heading is None:
            return
        text, index = self.heading
        self.heading = None
        dx.append_blocks(self.document, [_heading(text, index,
                                                  new_page and not self._after_break())])

    def _after_break(self) -> bool:
        """Whether the book's text so far ends with a section break (a new page follows)."""
        previous = self.document.element.body.sectPr.getprevious()
        return previous is not None and \
            previous.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None

    def _end_section(self, cover: bool = False) -> None:
        """End the book's pages so far with the book's own page properties (the cover's with
        no number on its first page), so a unit's sections cannot change them."""
        body = self.document.element.body
        if self._after_break():
            return  # nothing since the last break: a second one would leave a blank page
        sect_pr = deepcopy(body.sectPr)
        if cover:
            body.sectPr.remove(body.sectPr.find(qn("w:titlePg")))
        else:
            for title_pg in sect_pr.findall(qn("w:titlePg")):
                sect_pr.remove(title_pg)
        body.sectPr.addprevious(section_break(sect_pr))

    def _compose(self, entry: SummaryEntry, path: Path) -> None:
        """Append a Word document with its pictures, tables, lists, styles, defaults and
        sections (A4, each as portrait or landscape as the unit had it)."""
        body = self.document.element.body
        start = len(body) - 1  # where the next block goes: before the book's sectPr
        try:
            dtd = declares_dtd(path)
            if dtd is not None:
                self._skip(entry, REASON_DTD, dtd)
                return
            try:  # a file kept before today's limits on receiving is named, never parsed
                check_package(path, WORD_LIMITS)
            except PackageRefused as exc:
                self._skip(entry, REASON_BROKEN, str(exc))
                return
            document = open_docx(str(path))
            if has_entity_references(document):
                self._skip(entry, REASON_DTD, "word/document.xml")
                return
            left = convert_altchunks(document, ALTCHUNK_LEFT)
            drop_comment_marks(document)
            name_theme_fonts(document)
            isolate_styles(document, f"U{self.index}", entry.unit)
            fit_to_text_width(document)  # by the unit's own orientation, before A4
            book_sections(document)
            hold_external_links(document, self.document)
            last_section = deepcopy(document.element.body.sectPr)
            self._end_section()
            self._put_heading(new_page=False)
            added = len(body)
            with _docxcompose_prefixes():
                self.composer.append(document)
            copy_missing_ancestors(document, self.document, self.composer.add_numberings)
            release_held(list(body)[added - 1:-1])
            body.sectPr.addprevious(section_break(last_section))
        except Exception as exc:  # noqa: BLE001 - a unit's broken file must not stop the book
            for element in list(body)[start:-1]:  # take back what went in half-way
                body.remove(element)
            self.heading = (entry.unit, self.index)  # its heading went out too
            self._skip(entry, REASON_BROKEN, type(exc).__name__)
            return
        for kind in left:
            self._note(entry, REASON_ALTCHUNK, kind, included=True)

    def _compose_converted(self, entry: SummaryEntry) -> None:
        """A .doc/.wps file through LibreOffice; without it, a placeholder and a note."""
        source = self.workdir / f"{len(self.notes)}-{entry.version.sha256[:8]}.doc"
        shutil.copyfile(entry.content, source)
        try:
            converted = soffice.convert(source, "docx", self.workdir)
        except soffice.ConversionUnavailable:
            self._skip(entry, REASON_NO_OFFICE)
            return
        except soffice.ConversionError as exc:
            self._skip(entry, REASON_CONVERSION, str(exc))
            return
        self._compose(entry, converted)

    def _picture(self, entry: SummaryEntry) -> None:
        """A photograph sent as the summary."""
        self._put_heading()
        try:
            _add_picture(self.document, entry.content)
        except Exception:  # noqa: BLE001 - a format python-docx cannot place (WebP …)
            self._skip(entry, REASON_PICTURE)

    def _pdf(self, entry: SummaryEntry) -> None:
        """A PDF summary: each page a picture as large as the page's text block allows, on a
        page of the book turned as the PDF's page is, the first under the unit's heading."""
        try:
            pages = render_pages(entry.content, MAX_PDF_PAGES)
            total = page_count(entry.content)
        except PdfUnreadable as exc:
            self._skip(entry, REASON_PDF, str(exc) or "PDF")
            return
        if not pages:
            self._skip(entry, REASON_PDF, "没有页面")
            return
        self._end_section()
        self._put_heading(new_page=False)
        body = self.document.element.body
        for number, page in enumerate(pages):
            previous = pages[number - 1] if number else None
            if previous is not None and previous.landscape != page.landscape:
                body.sectPr.addprevious(section_break(new_section(self.document,
                                                                  previous.landscape)))
            _add_page_picture(self.document, page, first=number == 0,
                              new_page=previous is not None and
                              previous.landscape == page.landscape)
        body.sectPr.addprevious(section_break(new_section(self.document, pages[-1].landscape)))
        if total > len(pages):
            self._note(entry, REASON_PDF_LONG, str(len(pages)), included=True)

    def _note(self, entry: SummaryEntry, reason: str, detail: str = "",
              included: bool = False) -> None:
        """A note for the user about a unit's file (translated where shown)."""
        why = translate(TR_CONTEXT, reason).format(detail)
        if included:
            self.notes.append(_tr("{0}：“{1}”{2}。").format(entry.unit, entry.version.name, why))
        else:
            self.notes.append(_tr("{0}：“{1}”{2}，未并入。").format(entry.unit, entry.version.name,
                                                              why))

    def _skip(self, entry: SummaryEntry, reason: str, detail: str = "") -> None:
        """A placeholder in the book (in Chinese, as the book is) and a note for the user."""
        self._put_heading()
        dx.append_blocks(self.document, [_placeholder(entry, reason.format(detail))])
        self._note(entry, reason, detail)

    def _add_missing_page(self) -> None:
        """The last page: units that owe a summary and sent nothing (and those on paper)."""
        blocks = [_heading(MISSING_HEADING, MISSING_INDEX, new_page=not self._after_break())]
        if self.book.missing:
            blocks += [_body(f"{i}．{name}", first_line=640)
                       for i, name in enumerate(self.book.missing, 1)]
        else:
            blocks.append(_body("各单位均已报送。", first_line=640))
        if self.book.without_file:
            blocks.append(_body("已登记报送、但未存电子文件的单位：", before=360, keep_next=True))
            blocks += [_body(f"{i}．{name}", first_line=640)
                       for i, name in enumerate(self.book.without_file, 1)]
        dx.append_blocks(self.document, blocks)


def summaries_document(book: SummaryBook, workdir: Path) -> tuple[Document, list[str]]:
    """The book as a Document, and notes on what could not be put in it."""
    compiler = _Compiler(book, workdir)
    return compiler.build(), compiler.notes


def export_summaries(book: SummaryBook, path: Path | str) -> list[str]:
    """Write the book as .docx, whole or not at all; notes on what could not be put in."""
    with tempfile.TemporaryDirectory(prefix="metrology-book-") as work:
        document, notes = summaries_document(book, Path(work))
        fill_contents_pages(document, Path(work), BOOKMARK.format(""))
        with atomic_output(path) as tmp:
            save_document(document, tmp)
    return notes


def export_summaries_pdf(book: SummaryBook, path: Path | str) -> list[str]:
    """Write the book as PDF through LibreOffice; notes on what could not be put in."""
    check_pdf_possible()
    with tempfile.TemporaryDirectory(prefix="metrology-book-") as work:
        workdir = Path(work)
        document, notes = summaries_document(book, workdir)
        docx = workdir / "book.docx"
        save_document(document, docx)
        pdf = soffice.convert(docx, "pdf", workdir)
        if not pdf.read_bytes()[:5] == b"%PDF-":
            raise ExportError(_tr("LibreOffice 生成的文件不是 PDF，未保存。"))
        with atomic_output(path) as tmp:
            shutil.copyfile(pdf, tmp)
    return notes
