"""The compiled document of all summaries (活动总结汇编): a cover, a contents list, each unit's
summary on its own pages under the unit's name, and the units that sent nothing.

The units' Word files are joined with docxcompose (Composer with preserve_styles): it carries
each document's pictures, tables, numbering and styles across, renaming a style that clashes
with one already in the book instead of letting it take the book's look.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy
from pathlib import Path

from docx import Document as open_docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.image.image import Image
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.ns import nsmap as docx_prefixes
from docx.shared import Emu, Mm
from docx.styles import BabelFish
from docxcompose.composer import Composer
from docxcompose.utils import NS as COMPOSE_PREFIXES

from exporters import docx_xml as dx
from exporters.atomic import ExportError, atomic_output, save_document
from exporters.docx_package import finish_package
from models.i18n import QT_TRANSLATE_NOOP, _tr, translate
from models.received import soffice
from models.received.file_kinds import FileKind
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
REASON_PDF = QT_TRANSLATE_NOOP("SummaryBook", "是 PDF 文件")
REASON_BROKEN = QT_TRANSLATE_NOOP("SummaryBook", "无法读取（{0}）")
REASON_NO_OFFICE = QT_TRANSLATE_NOOP(
    "SummaryBook", "是 Word 97-2003/WPS 格式，本机没有 LibreOffice 无法转换；可请该单位另存为 .docx")
REASON_CONVERSION = QT_TRANSLATE_NOOP("SummaryBook", "无法转换（{0}）")
REASON_PICTURE = QT_TRANSLATE_NOOP("SummaryBook", "是本程序无法放入 Word 的图片格式")
BOOKMARK = "_Toc_summary_{0}"
MISSING_INDEX = 0
PICTURE_MAX_HEIGHT_MM = 200
_BODY = dx.rpr_xml(dx.FANGSONG, 16)


def _body(text: str, align: str = "left", **ppr: object) -> str:
    """A paragraph of body text (3号 仿宋)."""
    return dx.paragraph_xml(text, _BODY, dx.ppr_xml(align=align, line=None, after=120, **ppr))


def _add_heading_style(document: Document) -> None:
    """The unit-name heading: 黑体 3号, centred, on a new page, outline level 1."""
    ppr = ('<w:pPr><w:keepNext/><w:pageBreakBefore/><w:spacing w:before="0" w:after="480"/>'
           '<w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>')
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
    """A photograph sent as the summary, as wide as the text block allows, centred."""
    image = Image.from_file(str(path))
    width = Mm(dx.TEXT_WIDTH_MM)
    height = Emu(int(width * image.px_height / max(image.px_width, 1)))
    if height > Mm(PICTURE_MAX_HEIGHT_MM):
        width = Emu(int(width * Mm(PICTURE_MAX_HEIGHT_MM) / height))
    document.add_picture(str(path), width=width)
    document.paragraphs[-1].alignment = 1


def _internal_style_names(document: Document) -> None:
    """Write built-in style names as Word does (heading 1, caption), not as LibreOffice does
    (Heading 1): python-docx, and so docxcompose, cannot find the capitalised ones
    (python-docx issue #958)."""
    for name in document.styles.element.iter(qn("w:name")):
        value = name.get(qn("w:val"), "")
        internal = BabelFish.ui2internal(value)
        if internal != value:
            name.set(qn("w:val"), internal)


def _defaults_into_normal(document: Document) -> None:
    """Write a document's default run look (w:docDefaults: font, size) into its Normal style,
    where docxcompose carries it over; the book's own defaults would take its place."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    default_rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None \
        else None
    normal = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    if default_rpr is None or normal is None:
        return
    style_rpr = normal.element.get_or_add_rPr()
    have = {child.tag for child in style_rpr}
    for child in default_rpr:
        if child.tag not in have:
            style_rpr.append(deepcopy(child))


_RPR_ORDER = {qn(f"w:{tag}"): i for i, tag in enumerate((
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath", "rPrChange"))}


def _tidy_run_properties(root) -> None:
    """Put run properties in the order the schema (and Word) wants, keeping the first of any
    doubled one: docxcompose appends a document's defaults after the run's own."""
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


_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
    "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")


def _ask_word_to_update_fields(document: Document) -> None:
    """w:updateFields in its place among the settings: Word fills in the contents' page
    numbers when it opens the book (LibreOffice computes them itself)."""
    settings = document.settings.element
    settings.remove_all("w:updateFields")
    settings.insert_element_before(parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>'),
                                   *_AFTER_UPDATE_FIELDS)


@contextmanager
def _docxcompose_prefixes() -> Iterator[None]:
    """python-docx's "cp" prefix as docxcompose expects it, for the time it appends."""
    docx_prefixes["cp"] = COMPOSE_PREFIXES["cp"]
    try:
        yield
    finally:
        docx_prefixes["cp"] = CORE_PROPERTIES


class _Composer(Composer):
    """docxcompose's Composer with each style reference mapped on its own: with
    preserve_styles, docxcompose 2.2 gives every reference inside one table (its table style
    and its cells' paragraph styles) the id of the last style it handled, so a table whose
    cells name a paragraph style loses its borders."""

    def add_styles(self, doc, element):  # noqa: ANN001, ANN201 - docxcompose's signature
        refs = [(ref, ref.val) for ref in element.xpath(
            ".//w:tblStyle|.//w:pStyle|.//w:rStyle")]
        super().add_styles(doc, element)
        for ref, original in refs:
            ours = self.mapped_style_id(original)
            ref.val = self._current_preserved_styles.get(ours, ours)


def _section_break(sect_pr) -> object:
    """A paragraph ending a section with the given properties."""
    paragraph = parse_xml(f"<w:p {nsdecls('w')}><w:pPr/></w:p>")
    paragraph[0].append(sect_pr)
    return paragraph


def _unit_section(document: Document):
    """A document's last section properties (size, orientation, margins) without its
    headers and footers: the book's page numbers carry on through it."""
    sect_pr = deepcopy(document.sections[-1]._sectPr)
    for ref in [*sect_pr.findall(qn("w:headerReference")),
                *sect_pr.findall(qn("w:footerReference")), *sect_pr.findall(qn("w:titlePg"))]:
        sect_pr.remove(ref)
    _reset_start_type(sect_pr)
    return sect_pr


def _reset_start_type(sect_pr) -> None:
    """A section that starts on a new page (docxcompose may have copied a 'continuous')."""
    for kind in sect_pr.findall(qn("w:type")):
        sect_pr.remove(kind)


class _Compiler:
    """Builds the book; remembers what it could not put in."""

    def __init__(self, book: SummaryBook, workdir: Path) -> None:
        self.book = book
        self.workdir = workdir
        self.notes: list[str] = []
        self.document = open_docx()
        self.composer = _Composer(self.document, preserve_styles=True)
        self.heading: tuple[str, int] | None = None

    def build(self) -> Document:
        """The whole book."""
        document = self.document
        dx.prepare_document(document)
        _add_heading_style(document)
        section = document.sections[0]
        dx.set_geometry(section, landscape=False)
        dx.set_page_number_footers(section)
        section.different_first_page_header_footer = True  # no number on the cover
        _ask_word_to_update_fields(document)
        dx.append_blocks(document, _cover(self.book) + _contents(self.book))
        self._end_section(cover=True)
        for index, entry in enumerate(self.book.entries, 1):
            self.heading = (entry.unit, index)
            self._add_summary(entry)
        self._add_missing_page()
        _tidy_run_properties(document.element.body)
        _tidy_run_properties(document.styles.element)
        finish_package(document, self.book.title, self.book.office)
        return document

    def _add_summary(self, entry: SummaryEntry) -> None:
        """One unit's file: composed, converted first, shown as a picture, or stood in for."""
        kind = entry.version.kind
        if kind == FileKind.DOCX:
            self._compose(entry, entry.content)
        elif kind in (FileKind.DOC, FileKind.RTF):
            self._compose_converted(entry)
        elif kind.is_image:
            self._picture(entry)
        else:
            self._skip(entry, REASON_PDF)

    def _put_heading(self, new_page: bool = True) -> None:
        """The current unit's heading (once), starting a page unless a section break did."""
        if self.heading is None:
            return
        text, index = self.heading
        self.heading = None
        dx.append_blocks(self.document, [_heading(text, index, new_page)])

    def _end_section(self, cover: bool = False) -> None:
        """End the book's pages so far with the book's own page properties (the cover's with
        no number on its first page), so a unit's sections cannot change them."""
        body = self.document.element.body
        previous = body.sectPr.getprevious()
        if previous is not None and previous.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            return  # nothing since the last break: a second one would leave a blank page
        sect_pr = deepcopy(body.sectPr)
        if cover:
            body.sectPr.remove(body.sectPr.find(qn("w:titlePg")))
        else:
            for title_pg in sect_pr.findall(qn("w:titlePg")):
                sect_pr.remove(title_pg)
        body.sectPr.addprevious(_section_break(sect_pr))

    def _compose(self, entry: SummaryEntry, path: Path) -> None:
        """Append a Word document with its pictures, tables, lists, styles and (when it has
        several) its own sections: a landscape page for a wide table stays landscape."""
        body = self.document.element.body
        start = len(body)
        try:
            document = open_docx(str(path))
            _internal_style_names(document)
            _defaults_into_normal(document)
            own_sections = len(document.sections) > 1
            if own_sections:
                self._end_section()
            self._put_heading(new_page=not own_sections)
            with _docxcompose_prefixes():
                self.composer.append(document)
            if own_sections:
                body.sectPr.addprevious(_section_break(_unit_section(document)))
                _reset_start_type(body.sectPr)
        except Exception as exc:  # noqa: BLE001 - a unit's broken file must not stop the book
            for element in list(body)[start:-1]:  # take back what went in half-way
                body.remove(element)
            self._skip(entry, REASON_BROKEN, type(exc).__name__)

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

    def _skip(self, entry: SummaryEntry, reason: str, detail: str = "") -> None:
        """A placeholder in the book (in Chinese, as the book is) and a note for the user."""
        self._put_heading()
        dx.append_blocks(self.document, [_placeholder(entry, reason.format(detail))])
        why = translate(TR_CONTEXT, reason).format(detail)
        self.notes.append(_tr("{0}：“{1}”{2}，未并入。").format(entry.unit, entry.version.name, why))

    def _add_missing_page(self) -> None:
        """The last page: units that owe a summary and sent nothing (and those on paper)."""
        blocks = [_heading(MISSING_HEADING, MISSING_INDEX)]
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
        with atomic_output(path) as tmp:
            save_document(document, tmp)
    return notes


def check_pdf_possible() -> None:
    """Refuse a PDF early, and say what to do, when LibreOffice is not installed."""
    if soffice.find_soffice() is None:
        raise ExportError(_tr("导出 PDF 需要 LibreOffice（soffice），本机没有安装。"
                              "请导出为 Word（.docx），在 Word 或 WPS 中打开后“另存为 PDF”。"))


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
