"""The compiled document of all summaries: order, pages, and what survives of each summary."""
from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from docx import Document

from exporters.atomic import ExportError
from exporters.docx_summaries import HEADING_STYLE, export_summaries, export_summaries_pdf
from models.db.opening import open_database
from models.received import soffice
from models.received.summary_book import book_title, summary_book
from models.received.summary_files import SummaryArchive
from tests.conftest import REPO
from tests.summary_docs import COLOURS, summary_docx

HAVE_OFFICE = shutil.which("soffice") is not None and shutil.which("pdftotext") is not None
needs_office = pytest.mark.skipif(not HAVE_OFFICE, reason="LibreOffice and poppler not installed")
SENT = (("静安", "blue"), ("浦东", "red"), ("黄浦", "green"))  # received out of official order
OFFICIAL = ("浦东", "黄浦", "静安")


@pytest.fixture
def received(tmp_path, qapp):
    """A database where 静安, 浦东 and 黄浦 sent their summaries, and the book of them."""
    store = open_database(tmp_path / "c.sqlite3")
    archive = SummaryArchive(store)
    data = store.load()
    for short, colour in SENT:
        unit = store.find_unit(short)
        item = next(s for s in data.submissions if s.unit_id == unit.id and s.item == "活动总结")
        incoming = archive.identify(summary_docx(tmp_path / f"{short}总结.docx", short, colour))
        archive.store_content(incoming)
        archive.add_version(item.id, incoming, date(2021, 5, 21))
    yield store, archive
    store.close()


def _book(store, archive):
    return summary_book(store.load(), archive)


def test_book_lists_units_in_official_order_and_those_that_sent_nothing(received):
    book = _book(*received)
    assert book.title == book_title(2021) == "2021年“5·20世界计量日”活动总结汇编"
    assert book.office == "上海市市场监督管理局计量处"
    assert [e.unit for e in book.entries] == ["浦东新区市场监管局", "黄浦区市场监管局",
                                              "静安区市场监管局"]
    assert "徐汇区市场监管局" in book.missing and "浦东新区市场监管局" not in book.missing


def test_the_docx_has_cover_contents_a_page_per_unit_and_the_missing_page(received, tmp_path):
    out = tmp_path / "汇编.docx"
    assert export_summaries(_book(*received), out) == []
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert texts[:2] == ["2021年“5·20世界计量日”", "活动总结汇编"]
    assert "上海市市场监督管理局计量处" in texts and "2021年5月" in texts
    headings = [p.text for p in document.paragraphs if p.style.style_id == HEADING_STYLE]
    assert headings == ["浦东新区市场监管局", "黄浦区市场监管局", "静安区市场监管局",
                        "未报送活动总结的单位"]
    contents = texts[texts.index("目　　录") + 1:][:4]
    assert [line.split("\t")[0] for line in contents] == headings
    starts = [texts.index(h) for h in headings]
    for short, start, end in zip(OFFICIAL, starts[:-1], starts[1:], strict=True):  # own heading
        own = texts[start:end]
        assert f"{short}活动总结标题" in own and f"{short}结束语" in own
    assert "1．徐汇区市场监管局" in texts[starts[-1]:]
    assert len(document.tables) == 3 and len(document.inline_shapes) == 3


def _receive_doc(store, archive, short="徐汇"):
    unit = store.find_unit(short)
    item = next(s for s in store.load().submissions
                if s.unit_id == unit.id and s.item == "活动总结")
    incoming = archive.identify(REPO / "tests" / "data" / "summary_word97.doc")
    archive.store_content(incoming)
    archive.add_version(item.id, incoming, date(2021, 5, 22))


def test_without_libreoffice_a_doc_summary_is_a_note_and_pdf_is_refused(received, tmp_path,
                                                                        monkeypatch):
    store, archive = received
    _receive_doc(store, archive)
    monkeypatch.setattr(soffice, "find_soffice", lambda: None)
    notes = export_summaries(_book(store, archive), tmp_path / "b.docx")
    assert len(notes) == 1 and "另存为 .docx" in notes[0]
    target = tmp_path / "汇编.pdf"
    with pytest.raises(ExportError, match="需要 LibreOffice"):
        export_summaries_pdf(_book(store, archive), target)
    assert not target.exists()


# -- rendered by LibreOffice -------------------------------------------------------------------


def _pages(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")


def _colour_share(png, rgb, tolerance=40) -> float:
    """Share of a page's pixels within tolerance of a colour."""
    from PySide6.QtGui import QImage
    image = QImage(str(png))
    hits = 0
    step = 2
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            c = image.pixelColor(x, y)
            if abs(c.red() - rgb[0]) + abs(c.green() - rgb[1]) + abs(c.blue() - rgb[2]) < tolerance:
                hits += 1
    return hits / ((image.width() // step) * (image.height() // step))


@needs_office
@pytest.mark.slow
def test_rendered_book_keeps_each_summary_in_order_with_its_pictures(received, tmp_path):
    store, archive = received
    pdf = tmp_path / "汇编.pdf"
    assert export_summaries_pdf(_book(store, archive), pdf) == []
    pages = _pages(pdf)
    flat = [re.sub(r"\s+", "", page) for page in pages]
    assert "2021年“5·20世界计量日”活动总结汇编" in flat[0]
    assert "上海市市场监督管理局计量处" in flat[0]
    assert flat[1].startswith("目录")
    for offset, short in enumerate(OFFICIAL):
        page = flat[2 + offset]
        unit = store.find_unit(short).name
        assert page.startswith(unit), f"{unit} starts its own page"
        markers = [f"{short}活动总结标题", f"1.{short}第一项举措", f"2.{short}第二项举措",
                   f"3.{short}第三项举措", f"{short}表00", f"{short}表22", f"{short}结束语"]
        positions = [page.find(m) for m in markers]
        assert -1 not in positions and positions == sorted(positions), (short, page)
        assert re.search(rf"{unit}\.+{3 + offset}", flat[1]), "contents gives its page"
    assert flat[5].startswith("未报送活动总结的单位") and "徐汇区市场监管局" in flat[5]
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert [int(line.split()[0]) for line in images] == [3, 4, 5]
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", "3", "-l", "5", str(pdf),
                    str(tmp_path / "p")], check=True)
    for page, short in zip((3, 4, 5), OFFICIAL, strict=True):
        png = tmp_path / f"p-{page}.png"
        colour = dict(SENT)[short]
        assert _colour_share(png, COLOURS[colour]) > 0.02, f"{short}'s photo on page {page}"
        others = [c for s, c in SENT if s != short]
        assert all(_colour_share(png, COLOURS[c]) < 0.001 for c in others)
        assert _colour_share(png, (0x80, 0x00, 0x80), 60) > 0.0003, "the unit's heading colour"


@needs_office
@pytest.mark.slow
def test_a_word97_summary_is_converted_and_composed(received, tmp_path):
    store, archive = received
    _receive_doc(store, archive)
    out = tmp_path / "b.docx"
    assert export_summaries(_book(store, archive), out) == []
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "浦东新区市场监管局活动总结（Word 97-2003 格式）" in text
    assert text.index("徐汇区市场监管局\n") < text.index("（Word 97-2003 格式）")


def test_a_summary_keeps_its_default_text_size_and_run_properties_stay_in_order(tmp_path, qapp):
    from docx.oxml.ns import qn
    from docx.shared import Pt

    from exporters.docx_summaries import _RPR_ORDER
    store = open_database(tmp_path / "c.sqlite3")
    try:
        archive = SummaryArchive(store)
        unit = store.find_unit("浦东")
        item = next(s for s in store.load().submissions
                    if s.unit_id == unit.id and s.item == "活动总结")
        plain = summary_docx(tmp_path / "plain.docx", "浦东", "red", own_style=False)
        assert Document(str(plain)).styles["Normal"].font.size is None  # size from defaults
        incoming = archive.identify(plain)
        archive.store_content(incoming)
        archive.add_version(item.id, incoming, date(2021, 5, 21))
        export_summaries(_book(store, archive), tmp_path / "b.docx")
    finally:
        store.close()
    book = Document(str(tmp_path / "b.docx"))
    body = next(p for p in book.paragraphs if p.text == "浦东今年开展了计量日系列活动。")
    size = body.runs[0].font.size or body.style.font.size  # its own, or its own style's
    assert size == Pt(11), "the unit's 11 pt body text, not the book's 16 pt"
    for rpr in book.element.body.iter(qn("w:rPr")):
        ranks = [_RPR_ORDER.get(child.tag, 99) for child in rpr]
        assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


def _receive_file(store, archive, short, path):
    unit = store.find_unit(short)
    item = next(s for s in store.load().submissions
                if s.unit_id == unit.id and s.item == "活动总结")
    incoming = archive.identify(path)
    archive.store_content(incoming)
    archive.add_version(item.id, incoming, date(2021, 5, 21))


def test_a_libreoffice_saved_summary_keeps_its_headings_and_table_borders(tmp_path, qapp):
    from tests.summary_docs import as_libreoffice_writes_it
    store = open_database(tmp_path / "c.sqlite3")
    try:
        archive = SummaryArchive(store)
        path = as_libreoffice_writes_it(summary_docx(tmp_path / "lo.docx", "浦东", "red"))
        _receive_file(store, archive, "浦东", path)
        assert export_summaries(_book(store, archive), tmp_path / "b.docx") == []
    finally:
        store.close()
    book = Document(str(tmp_path / "b.docx"))
    heading = next(p for p in book.paragraphs if p.text == "浦东活动总结标题")
    assert heading.style.font.color.rgb is not None, "the unit's own heading look"
    [table] = book.tables
    assert table.style.type == 3  # WD_STYLE_TYPE.TABLE: still a table style …
    assert table.style.element.find(".//{*}tblBorders") is not None  # … with its borders


@needs_office
@pytest.mark.slow
def test_a_landscape_section_stays_landscape_and_the_book_keeps_its_own_pages(tmp_path,
                                                                              qapp):
    from tests.summary_docs import landscape_summary_docx
    store = open_database(tmp_path / "c.sqlite3")
    try:
        archive = SummaryArchive(store)
        _receive_file(store, archive, "浦东", landscape_summary_docx(tmp_path / "l.docx", "浦东"))
        _receive_file(store, archive, "黄浦", summary_docx(tmp_path / "h.docx", "黄浦", "green"))
        pdf = tmp_path / "b.pdf"
        assert export_summaries_pdf(_book(store, archive), pdf) == []
    finally:
        store.close()
    pages = [re.sub(r"\s+", "", page) for page in _pages(pdf)][:-1]
    assert "—" not in pages[0], "no number on the cover"
    assert [p[-3:] for p in pages[1:]] == [f"—{n}—" for n in range(2, len(pages) + 1)]
    assert all(len(page) > 5 for page in pages), "no blank page"
    wide = next(i for i, page in enumerate(pages, 1) if "浦东横表0" in page)
    info = subprocess.run(["pdfinfo", "-f", str(wide), "-l", str(wide), str(pdf)],
                          capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(rf"Page\s+{wide} size:\s+([\d.]+) x ([\d.]+)",
                                         info).groups())
    assert width > height, "the wide table's page is landscape"
    assert pages[wide].startswith("黄浦区市场监管局"), "the next unit starts its own page"
    assert re.search(rf"黄浦区市场监管局\.+{wide + 1}", pages[1])


def test_word_exports_after_the_book_keep_their_file_properties(received, tmp_path):
    """docxcompose rebinds python-docx's "cp" prefix on import; later exports must not
    write their author into the custom-properties namespace."""
    import zipfile

    from lxml import etree

    from exporters.docx_notice import export_notice
    store, archive = received
    export_summaries(_book(store, archive), tmp_path / "book.docx")
    for path, name in ((tmp_path / "notice.docx", "notice"), (tmp_path / "book.docx", "book")):
        if name == "notice":
            export_notice(store.load(), path)
        core = etree.fromstring(zipfile.ZipFile(path).read("docProps/core.xml"))
        namespaces = {child.tag.split("}")[0].lstrip("{") for child in core}
        assert "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" \
            not in namespaces, name
    core = etree.fromstring(zipfile.ZipFile(tmp_path / "notice.docx").read("docProps/core.xml"))
    by = core.find("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
                   "lastModifiedBy")
    assert by is not None and by.text == "上海市市场监督管理局"
