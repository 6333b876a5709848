"""The book made from every kind of summary units send (tests/data/summaries/, made by
tests/make_summaries.py): a valid package, A4 throughout, each summary's look kept, PDF
pages in, the right dates and page numbers, and whatever a summary holds."""
from __future__ import annotations

import io
import re
import shutil
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import PurePosixPath

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from exporters.docx_summaries import export_summaries, export_summaries_pdf
from models.db.opening import open_database
from models.errors import SummaryRefused
from models.received import soffice
from models.received.file_kinds import FileKind
from models.received.summary_book import summary_book
from models.received.summary_files import Incoming, SummaryArchive, file_digest
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "summaries"
KINDS = (("浦东", "word_landscape_list.docx"), ("黄浦", "libreoffice_saved.docx"),
         ("静安", "summary.doc"), ("徐汇", "two_pages.pdf"), ("长宁", "photo.jpg"),
         ("普陀", "links.docx"), ("虹口", "altchunk.docx"))
HAVE_OFFICE = soffice.find_soffice() is not None
needs_office = pytest.mark.skipif(not HAVE_OFFICE, reason="LibreOffice not installed")
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
A4 = {(11906, 16838), (16838, 11906)}


@pytest.fixture
def store(tmp_path, qapp):
    """An empty campaign database with its archive."""
    store = open_database(tmp_path / "c.sqlite3")
    yield store
    store.close()


def receive(store, short: str, path) -> None:
    """A unit's summary received and kept, as `receive` does it."""
    archive = SummaryArchive(store)
    unit = store.find_unit(short)
    item = next(s for s in store.load().submissions
                if s.unit_id == unit.id and s.item == "活动总结")
    incoming = archive.identify(path)
    archive.store_content(incoming)
    archive.add_version(item.id, incoming, date(2021, 5, 22))


def book_of(store, tmp_path, kinds=KINDS, name="book.docx"):
    """The book of the given summaries: its path and the notes."""
    for short, file in kinds:
        receive(store, short, DATA / file if isinstance(file, str) else file)
    out = tmp_path / name
    notes = export_summaries(summary_book(store.load(), SummaryArchive(store)), out)
    return out, notes


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory, qapp):
    """The book of one summary of each kind (built once: LibreOffice converts the .doc)."""
    tmp = tmp_path_factory.mktemp("every")
    store = open_database(tmp / "c.sqlite3")
    try:
        out, notes = book_of(store, tmp)
    finally:
        store.close()
    return out, notes


# -- the package ------------------------------------------------------------------------------


def _content_types(package: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str]]:
    root = etree.fromstring(package.read("[Content_Types].xml"))
    defaults = {d.get("Extension").lower(): d.get("ContentType")
                for d in root.iter(f"{CT_NS}Default")}
    overrides = {o.get("PartName").lower(): o.get("ContentType")
                 for o in root.iter(f"{CT_NS}Override")}
    return defaults, overrides


def opc_problems(path) -> list[str]:
    """Everything in a .docx that breaks ECMA-376 Part 2 or leaves a reference dangling."""
    problems = []
    with zipfile.ZipFile(path) as package:
        names = [n for n in package.namelist() if not n.endswith("/")]
        defaults, overrides = _content_types(package)
        lowered = [n.lower() for n in names]
        problems += [f"twice: {n}" for n in set(lowered) if lowered.count(n) > 1]
        for name in names:
            if name == "[Content_Types].xml":
                continue
            last = PurePosixPath(name).name
            if "." not in last or last.endswith("."):
                problems.append(f"no extension: {name}")
            ext = last.rpartition(".")[2].lower()
            if f"/{name}".lower() not in overrides and ext not in defaults:
                problems.append(f"no content type: {name}")
            if name.endswith((".xml", ".rels")):
                try:
                    etree.fromstring(package.read(name), etree.XMLParser(
                        resolve_entities=False, no_network=True, load_dtd=False))
                except etree.XMLSyntaxError as exc:
                    problems.append(f"not well-formed: {name}: {exc}")
        rel_ids: dict[str, set[str]] = {}
        for rels_name in [n for n in names if n.endswith(".rels")]:
            folder = PurePosixPath(rels_name).parent.parent
            source = PurePosixPath(rels_name).name[:-5]
            rels = etree.fromstring(package.read(rels_name))
            ids = set()
            for rel in rels.iter(PKG_RELS):
                ids.add(rel.get("Id"))
                if rel.get("TargetMode") == "External":
                    continue
                target = rel.get("Target")
                resolved = target.lstrip("/") if target.startswith("/") else \
                    str(PurePosixPath(*(folder / target).parts)).replace("\\", "/")
                parts = []
                for piece in resolved.split("/"):
                    if piece == "..":
                        parts.pop()
                    elif piece not in ("", "."):
                        parts.append(piece)
                if "/".join(parts) not in names:
                    problems.append(f"{rels_name}: {rel.get('Id')} -> missing {target}")
            part = str(folder / source).lstrip("./") if str(folder) != "." else source
            rel_ids[part] = ids
        for part in [n for n in names if n.endswith(".xml") and n != "[Content_Types].xml"]:
            root = etree.fromstring(package.read(part))
            for node in root.iter():
                for attr, value in node.attrib.items():
                    if attr.startswith(f"{{{R_NS}}}") and value not in rel_ids.get(part, ()):
                        problems.append(f"{part}: dangling {attr.split('}')[1]}={value}")
    return problems


def test_every_part_of_a_book_of_every_kind_is_a_valid_opc_part(every_kind):
    out, _notes = every_kind
    assert opc_problems(out) == []
    with zipfile.ZipFile(out) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
    assert any(n.endswith((".jpg", ".jpeg")) for n in media), "the photograph, named by kind"


def test_the_photograph_alone_is_named_by_its_kind(store, tmp_path):
    out, notes = book_of(store, tmp_path, [("徐汇", "photo.jpg")])
    assert notes == []
    with zipfile.ZipFile(out) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
    assert len(media) == 1 and re.fullmatch(r"word/media/image\d+\.jpe?g", media[0]), media
    assert opc_problems(out) == []


def test_every_kind_goes_in_and_nothing_is_left_out(every_kind):
    out, notes = every_kind
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "未能并入" not in text
    if HAVE_OFFICE:
        assert notes == []
    for marker in ("浦东横向页后的文字", "黄浦Writer正文第6段", "普陀活动报道见：普陀活动报道链接",
                   "虹口网页段落一：开展了计量宣传。"):
        assert marker in text


# -- one A4 document ---------------------------------------------------------------------------


def _sections(path):
    body = Document(str(path)).element.body
    return list(body.iter(qn("w:sectPr")))


def test_every_page_of_the_book_is_a4_turned_as_its_source(every_kind):
    out, _notes = every_kind
    sizes = [(int(s.find(qn("w:pgSz")).get(qn("w:w"))), int(s.find(qn("w:pgSz")).get(qn("w:h"))))
             for s in _sections(out)]
    assert set(sizes) <= A4, sizes  # no US Letter (12240 × 15840) left from Word's template
    body = Document(str(out)).element.body
    landscape = [s for s in body.iter(qn("w:sectPr"))
                 if int(s.find(qn("w:pgSz")).get(qn("w:w"))) > 16000]
    texts = ["".join(t.text or "" for t in s.getparent().getparent().itersiblings(
        preceding=True).__next__().iter(qn("w:t"))) if s.getparent().tag == qn("w:pPr") else ""
        for s in landscape]
    assert len(landscape) >= 2, "浦东's wide table and the PDF's second page"
    assert any("浦东横向页后的文字" in t for t in texts)
    for sect_pr in _sections(out):
        assert sect_pr.find(qn("w:pgNumType")) is None or \
            sect_pr.find(qn("w:pgNumType")).get(qn("w:start")) is None


# -- each summary's look -----------------------------------------------------------------------


def _style_chain(styles, style_id):
    seen = []
    while style_id and style_id not in seen:
        seen.append(style_id)
        style = styles.get_by_id(style_id)
        if style is None:
            break
        based = style.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else None
    return [styles.get_by_id(s) for s in seen if styles.get_by_id(s) is not None]


def effective(document, paragraph, where: str, tag: str, attr: str = "w:val") -> str | None:
    """A property of a paragraph (where="pPr") or of its mark and list number ("rPr") as
    Word resolves it: the paragraph itself, its style chain, the document defaults."""
    styles = document.styles.element
    ppr = paragraph.find(qn("w:pPr"))
    own = None
    if ppr is not None:
        own = ppr if where == "pPr" else ppr.find(qn("w:rPr"))
    candidates = [own]
    style_ref = ppr.find(qn("w:pStyle")) if ppr is not None else None
    style_id = style_ref.get(qn("w:val")) if style_ref is not None else \
        next((s.get(qn("w:styleId")) for s in styles.findall(qn("w:style"))
              if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) == "1"), None)
    candidates += [s.find(qn(f"w:{where}")) for s in _style_chain(styles, style_id)]
    defaults = styles.find(qn("w:docDefaults"))
    candidates.append(defaults.find(f"{qn(f'w:{where}Default')}/{qn(f'w:{where}')}"))
    for props in candidates:
        if props is None:
            continue
        element = props.find(qn(tag))
        if element is not None and element.get(qn(attr)) is not None:
            return element.get(qn(attr))
    return None


LOOK = (("rPr", "w:sz", "w:val"), ("pPr", "w:spacing", "w:after"),
        ("pPr", "w:spacing", "w:before"), ("pPr", "w:spacing", "w:line"),
        ("pPr", "w:jc", "w:val"))
"""Text and list-number size, paragraph spacing, alignment."""


def _paragraphs_by_text(document):
    return {"".join(t.text or "" for t in p.iter(qn("w:t"))): p
            for p in document.element.body.iter(qn("w:p"))}


def _look(document, paragraph):
    values = {f"{tag}@{attr}": effective(document, paragraph, where, tag, attr)
              for where, tag, attr in LOOK}
    values["w:sz@w:val"] = values["w:sz@w:val"] or "20"  # ECMA-376: 10 pt without a size
    for key, default in (("w:spacing@w:after", "0"), ("w:spacing@w:before", "0"),
                         ("w:spacing@w:line", "240"), ("w:jc@w:val", "left")):
        values[key] = values[key] or default
    return values


@pytest.mark.parametrize(("short", "file"), [KINDS[0], KINDS[1], KINDS[5]])
def test_every_paragraph_keeps_its_size_spacing_and_list_number_size(every_kind, short, file):
    out, _notes = every_kind
    source = Document(str(DATA / file))
    book = Document(str(out))
    in_book = _paragraphs_by_text(book)
    compared = 0
    for text, paragraph in _paragraphs_by_text(source).items():
        if not text.strip():
            continue
        assert text in in_book, text
        assert _look(book, in_book[text]) == _look(source, paragraph), text
        compared += 1
    assert compared >= 3


def _numbering_of(document, paragraph):
    """The w:lvl a list paragraph's number is drawn from (direct or through its style)."""
    styles = document.styles.element
    ppr = paragraph.find(qn("w:pPr"))
    num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
    if num_pr is None or num_pr.find(qn("w:numId")) is None:
        style_id = ppr.find(qn("w:pStyle")).get(qn("w:val"))
        num_pr = next(s.find(f"{qn('w:pPr')}/{qn('w:numPr')}") for s in _style_chain(styles, style_id)
                      if s.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None)
    num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
    ilvl = num_pr.find(qn("w:ilvl")).get(qn("w:val")) if num_pr.find(qn("w:ilvl")) is not None \
        else "0"
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.iter(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == abstract_id)
    return next(lvl for lvl in abstract.iter(qn("w:lvl")) if lvl.get(qn("w:ilvl")) == ilvl)


def _number_format(lvl) -> tuple:
    """What a list number looks like: format, text, indents and its own run properties."""
    rpr = lvl.find(qn("w:rPr"))
    ind = lvl.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    return (lvl.find(qn("w:numFmt")).get(qn("w:val")), lvl.find(qn("w:lvlText")).get(qn("w:val")),
            dict(ind.attrib) if ind is not None else {},
            [(c.tag, dict(c.attrib)) for c in rpr] if rpr is not None else [])


@pytest.mark.parametrize("short, file, item", [("浦东", "word_landscape_list.docx", "浦东开展计量咨询义诊"),
                                               ("黄浦", "libreoffice_saved.docx", "黄浦开展计量咨询义诊")])
def test_list_numbers_keep_their_definition(every_kind, short, file, item):
    out, _notes = every_kind
    source, book = Document(str(DATA / file)), Document(str(out))
    ours = _paragraphs_by_text(book)[item]
    theirs = _paragraphs_by_text(source)[item]
    assert _number_format(_numbering_of(book, ours)) == _number_format(_numbering_of(source, theirs))


@needs_office
def test_a_doc_summary_keeps_its_11_pt_list(every_kind):
    out, _notes = every_kind
    book = Document(str(out))
    for text in ("静安开展计量咨询义诊", "静安组织加油站计量检查"):
        paragraph = _paragraphs_by_text(book)[text]
        run_size = paragraph.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:sz')}")
        assert run_size is not None and run_size.get(qn("w:val")) == "22"
        assert effective(book, paragraph, "rPr", "w:sz") == "22", "the number at 11 pt too"


def test_the_book_s_own_pages_keep_the_book_s_look(every_kind):
    out, _notes = every_kind
    book = Document(str(out))
    names = [p for p in book.paragraphs if p.text == "未报送活动总结的单位"]
    assert names and names[-1].style.font.size.pt == 16


# -- PDF summaries -----------------------------------------------------------------------------


def test_a_pdf_summary_goes_in_a_picture_a_page_turned_as_the_page(store, tmp_path):
    out, notes = book_of(store, tmp_path, [("徐汇", "two_pages.pdf")])
    assert notes == []
    body = Document(str(out)).element.body
    blocks = list(body)
    heading = next(i for i, b in enumerate(blocks)
                   if "".join(t.text or "" for t in b.iter(qn("w:t"))) == "徐汇区市场监管局")
    pictures = [(i, b) for i, b in enumerate(blocks) if b.find(f".//{qn('w:drawing')}") is not None]
    assert len(pictures) == 2 and all(i > heading for i, _ in pictures)
    extents = []
    for i, block in pictures:
        extent = block.find(".//{http://schemas.openxmlformats.org/drawingml/2006/"
                            "wordprocessingDrawing}extent")
        width, height = int(extent.get("cx")), int(extent.get("cy"))
        section = next(b for b in blocks[i:] if b.find(f".//{qn('w:sectPr')}") is not None
                       or b.tag == qn("w:sectPr"))
        sect_pr = section if section.tag == qn("w:sectPr") else section.find(f".//{qn('w:sectPr')}")
        size = sect_pr.find(qn("w:pgSz"))
        margins = sect_pr.find(qn("w:pgMar"))
        page_w, page_h = int(size.get(qn("w:w"))), int(size.get(qn("w:h")))
        text_w = (page_w - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))) * 635
        text_h = (page_h - int(margins.get(qn("w:top"))) - int(margins.get(qn("w:bottom")))) * 635
        assert width <= text_w and height <= text_h
        assert width > 0.95 * text_w or height > 0.85 * text_h, "sized to the page"
        extents.append((width > height, page_w > page_h))
    assert extents == [(False, False), (True, True)], "portrait page, then landscape page"


def test_a_damaged_pdf_stands_as_a_note(store, tmp_path):
    pdf = tmp_path / "徐汇总结.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    out, notes = book_of(store, tmp_path, [("徐汇", pdf)])
    assert notes == ["徐汇区市场监管局：“徐汇总结.pdf”是无法读取的 PDF 文件（文件已损坏或不是 PDF），未并入。"]
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "“徐汇总结.pdf”是无法读取的 PDF 文件（文件已损坏或不是 PDF），未能并入本汇编" in text


# -- cover date and contents -------------------------------------------------------------------


def test_the_cover_gives_the_campaign_s_month_not_the_computer_s(store, tmp_path):
    data = store.load()
    data = replace(data, campaign=replace(data.campaign, summary_due=date(2021, 6, 10)))
    out = tmp_path / "b.docx"
    export_summaries(summary_book(data, SummaryArchive(store)), out)
    cover = [p.text for p in Document(str(out)).paragraphs][:4]
    assert cover[-1] == "2021年6月", cover  # the summaries' due month, whatever the clock says


def _contents_numbers(path) -> dict[str, str]:
    document = Document(str(path))
    numbers = {}
    for paragraph in document.paragraphs:
        xml = paragraph._p.xml
        if "PAGEREF" in xml:
            texts = [t.text or "" for t in paragraph._p.iter(qn("w:t"))]
            numbers[texts[0]] = texts[-1]
    return numbers


@needs_office
@pytest.mark.slow
def test_contents_page_numbers_are_written_in_and_match_the_pages(every_kind, tmp_path):
    from exporters.book_pdf_pages import page_texts
    out, _notes = every_kind
    numbers = _contents_numbers(out)
    assert len(numbers) == len(KINDS) + 1 and all(v.isdigit() for v in numbers.values())
    settings = Document(str(out)).settings.element
    assert settings.find(qn("w:updateFields")) is None, "nothing left for Word to update"
    pdf = soffice.convert(shutil.copy(out, tmp_path / "b.docx") and tmp_path / "b.docx", "pdf",
                          tmp_path)
    pages = [re.sub(r"\s+", "", t) for t in page_texts(pdf)]
    for name, number in numbers.items():
        assert pages[int(number) - 1].startswith(name), (name, number)


def test_without_libreoffice_word_is_asked_to_update_the_contents(store, tmp_path, monkeypatch):
    monkeypatch.setattr(soffice, "find_soffice", lambda: None)
    out, _notes = book_of(store, tmp_path, [("浦东", "word_landscape_list.docx")])
    settings = Document(str(out)).settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"


# -- whatever a summary holds ------------------------------------------------------------------


def test_hyperlinks_and_linked_pictures_stay_external_relationships(every_kind):
    out, _notes = every_kind
    document = Document(str(out))
    rels = document.part.rels
    links = [a for a in document.element.body.iter(qn("a:blip")) if a.get(f"{{{R_NS}}}link")]
    assert len(links) == 1
    rel = rels[links[0].get(f"{{{R_NS}}}link")]
    assert rel.is_external and rel.target_ref == "file:///C:/Users/clerk/Pictures/activity.jpg"
    hyperlink = next(document.element.body.iter(qn("w:hyperlink")),  None)
    ids = [h.get(f"{{{R_NS}}}id") for h in document.element.body.iter(qn("w:hyperlink"))
           if h.get(f"{{{R_NS}}}id")]
    assert hyperlink is not None and len(ids) == 1
    assert rels[ids[0]].is_external and rels[ids[0]].target_ref == "https://www.samr.gov.cn/"


def _with_document_xml(tmp_path, name, change) -> str:
    """A copy of a Word summary whose word/document.xml (bytes) was changed."""
    source = DATA / "links.docx"
    target = tmp_path / name
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "word/document.xml":
                data = change(data)
            new.writestr(info, data)
    return target


def _keep_unchecked(store, short: str, path) -> None:
    """A summary kept in the archive without today's checks on receiving (as a database from
    before them holds it): the book must still stay well-formed."""
    archive = SummaryArchive(store)
    unit = store.find_unit(short)
    item = next(s for s in store.load().submissions
                if s.unit_id == unit.id and s.item == "活动总结")
    incoming = Incoming(path, FileKind.DOCX, *file_digest(path))
    archive.store_content(incoming)
    archive.add_version(item.id, incoming, date(2021, 5, 22))


XXE = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
       b'<!ENTITY name "XYZ">]>\n')


@pytest.mark.parametrize("variant", ["external", "internal", "utf16_after_comment"])
def test_a_summary_with_a_dtd_leaves_the_book_well_formed_and_is_named(store, tmp_path,
                                                                       variant, monkeypatch):
    def change(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[1]
        if variant == "external":
            return XXE + body.replace("普陀结束语".encode(), "普陀&xxe;结束语".encode())
        if variant == "internal":
            return XXE + body.replace("普陀结束语".encode(), "普陀&name;结束语".encode())
        text = ('<?xml version="1.0" encoding="UTF-16"?>\n<!--' + "注" * 18000 + "-->\n"
                + XXE.decode().split("\n", 1)[1]
                + body.decode().replace("普陀结束语", "普陀&name;结束语"))
        return text.encode("utf-16")
    path = _with_document_xml(tmp_path, "普陀总结.docx", change)
    with pytest.raises(SummaryRefused, match="DTD"):   # refused when received today …
        receive(store, "普陀", path)
    _keep_unchecked(store, "普陀", path)               # … but kept by an earlier version
    out, notes = book_of(store, tmp_path, [("长宁", "photo.jpg")])
    assert opc_problems(out) == []
    assert len(notes) == 1 and "含有 DTD" in notes[0] and "word/document.xml" in notes[0]
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "普陀结束语" not in text and "root:" not in text
    assert "长宁区市场监管局" in text


def test_an_altchunk_is_converted_and_one_that_cannot_be_is_named(store, tmp_path):
    from tests.make_summaries import ALTCHUNK_HTML, add_altchunk
    doc = Document()
    doc.add_paragraph("虹口前言")
    add_altchunk(doc, ALTCHUNK_HTML.format(unit="虹口").encode(), "text/html", "afchunk.htm")
    add_altchunk(doc, "{\\rtf1 虹口RTF}".encode(), "application/rtf", "afchunk2.rtf")
    add_altchunk(doc, "虹口纯文本第一行\n虹口纯文本第二行".encode(), "text/plain", "afchunk3.txt")
    stream = io.BytesIO()
    doc.save(stream)
    path = tmp_path / "虹口总结.docx"
    path.write_bytes(stream.getvalue())
    out, notes = book_of(store, tmp_path, [("虹口", path)])
    assert opc_problems(out) == []
    assert notes == ["虹口区市场监管局：“虹口总结.docx”中嵌入了本程序无法转换的内容"
                     "（altChunk，类型 application/rtf），已在汇编中原处注明。"]
    book = Document(str(out))
    text = [p.text for p in book.paragraphs]
    start = text.index("虹口前言")
    assert text[start:start + 5] == ["虹口前言", "虹口计量日活动总结（网页导出）",
                                     "虹口网页段落一：开展了计量宣传。", "1．虹口网页列表一",
                                     "2．虹口网页列表二"]
    assert "（此处原有嵌入内容（altChunk，类型 application/rtf），本程序无法转换，请查看原文件。）" in text
    assert text.index("虹口纯文本第一行") + 1 == text.index("虹口纯文本第二行")
    assert [c.text for c in book.tables[0].rows[0].cells] == ["虹口网页表格甲", "虹口网页表格乙"]
    assert not any("XPathEvalError" in t for t in text)


@needs_office
@pytest.mark.slow
def test_the_rendered_book_is_a4_throughout_with_the_pdf_pages(every_kind, tmp_path):
    import pypdfium2 as pdfium

    from exporters.book_pdf_pages import page_texts
    out, _notes = every_kind
    docx = tmp_path / "b.docx"
    shutil.copy(out, docx)
    pdf_path = soffice.convert(docx, "pdf", tmp_path)
    pdf = pdfium.PdfDocument(str(pdf_path))
    sizes = [tuple(round(v / 72 * 25.4) for v in pdf[i].get_size()) for i in range(len(pdf))]
    pdf.close()
    assert set(sizes) <= {(210, 297), (297, 210)}, sizes
    pages = [re.sub(r"\s+", "", t) for t in page_texts(pdf_path)]
    first = next(i for i, t in enumerate(pages) if t.startswith("徐汇区市场监管局"))
    assert sizes[first] == (210, 297) and sizes[first + 1] == (297, 210), "the PDF's two pages"
    assert pages[first + 2].startswith("长宁区市场监管局")


@needs_office
@pytest.mark.slow
def test_the_book_as_pdf_holds_the_pdf_summary_s_pages(store, tmp_path):
    receive(store, "徐汇", DATA / "two_pages.pdf")
    out = tmp_path / "b.pdf"
    assert export_summaries_pdf(summary_book(store.load(), SummaryArchive(store)), out) == []
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(out))
    try:
        images = sum(1 for i in range(len(pdf))
                     for obj in pdf[i].get_objects() if obj.type == 3)  # FPDF_PAGEOBJ_IMAGE
    finally:
        pdf.close()
    assert images == 2


def test_a_table_and_picture_as_wide_as_a_letter_page_fit_the_book_s_text_block(store, tmp_path):
    from docx.shared import Inches

    from exporters import docx_xml as dx
    from tests.summary_docs import colour_png
    doc = Document()  # Word's US Letter with 1-inch margins: a text block of 6.5 in
    section = doc.sections[0]
    section.left_margin = section.right_margin = Inches(1)
    table = doc.add_table(rows=2, cols=4)
    table.style = "Table Grid"
    for column in table.columns:
        column.width = Inches(6.5 / 4)
        for cell in column.cells:
            cell.width = Inches(6.5 / 4)
            cell.text = "宽表"
    doc.add_picture(str(colour_png(tmp_path / "wide.png", (30, 60, 220))), width=Inches(6.5))
    path = tmp_path / "宽.docx"
    doc.save(str(path))
    out, notes = book_of(store, tmp_path, [("浦东", path)])
    assert notes == []
    book = Document(str(out))
    limit = dx.text_width_twips(landscape=False)
    [table] = book.tables
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.iter(qn("w:gridCol"))]
    cells = [int(c.get(qn("w:w"))) for c in table._tbl.iter(qn("w:tcW"))]
    assert Inches(6.5) // 635 > limit >= sum(grid) > limit * 0.98
    assert max(cells) * 4 <= limit
    [picture] = book.inline_shapes
    assert limit * 635 * 0.98 < picture.width <= limit * 635
    assert picture.height == picture.width  # still square


def test_a_section_that_continued_on_the_same_page_still_does(store, tmp_path):
    from docx.enum.section import WD_SECTION
    doc = Document()
    doc.add_paragraph("浦东单栏导语")
    section = doc.add_section(WD_SECTION.CONTINUOUS)  # two columns for a while
    section._sectPr.append(section._sectPr.makeelement(qn("w:cols"), {qn("w:num"): "2"}))
    doc.add_paragraph("浦东双栏正文")
    odd = doc.add_section(WD_SECTION.ODD_PAGE)
    odd.start_type = WD_SECTION.ODD_PAGE
    doc.add_paragraph("浦东奇数页起的结尾")
    path = tmp_path / "栏.docx"
    doc.save(str(path))
    out, _notes = book_of(store, tmp_path, [("浦东", path)])
    kinds = []
    for sect_pr in Document(str(out)).element.body.iter(qn("w:sectPr")):
        kind = sect_pr.find(qn("w:type"))
        kinds.append(kind.get(qn("w:val")) if kind is not None else "nextPage")
    # cover, contents+…: the book's; then the unit's three sections, then the last page
    assert kinds[-4:] == ["nextPage", "continuous", "nextPage", "nextPage"], kinds
    assert opc_problems(out) == []


def test_an_old_style_linked_picture_stays_a_link_and_the_summary_goes_in(store, tmp_path):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    doc = Document()
    doc.add_paragraph("普陀旧式链接图片前")
    rid = doc.part.relate_to("file:///D:/照片/现场.jpg", RT.IMAGE, is_external=True)
    doc.add_paragraph()._p.append(parse_xml(
        f'<w:r {nsdecls("w", "r", "v", "o")}><w:pict><v:shape id="p1" style="width:100pt;'
        f'height:80pt"><v:imagedata r:id="{rid}" o:title=""/></v:shape></w:pict></w:r>'))
    doc.add_paragraph("普陀旧式链接图片后")
    path = tmp_path / "vml.docx"
    doc.save(str(path))
    out, notes = book_of(store, tmp_path, [("普陀", path)])
    assert notes == []
    assert opc_problems(out) == []
    book = Document(str(out))
    [image] = book.element.body.iter("{urn:schemas-microsoft-com:vml}imagedata")
    rel = book.part.rels[image.get(f"{{{R_NS}}}id")]
    assert rel.is_external and rel.target_ref == "file:///D:/照片/现场.jpg"
    assert "普陀旧式链接图片后" in [p.text for p in book.paragraphs]


def test_a_footnote_keeps_its_own_style(store, tmp_path):
    from docx.enum.style import WD_STYLE_TYPE
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt
    doc = Document()
    doc.styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH).font.size = Pt(9)
    paragraph = doc.add_paragraph("普陀正文带脚注")
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="1"/></w:r>'))
    notes = (f'<w:footnotes {nsdecls("w", "r")}>'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
             '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
             '<w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p>'
             '<w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:t>普陀脚注内容</w:t></w:r>'
             '<w:hyperlink r:id="rId1"><w:r><w:t>脚注链接</w:t></w:r></w:hyperlink>'
             '</w:p></w:footnote></w:footnotes>').encode()
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, notes, doc.part.package)
    part.relate_to("https://www.samr.gov.cn/footnote", RT.HYPERLINK, is_external=True)
    doc.part.relate_to(part, RT.FOOTNOTES)
    path = tmp_path / "注.docx"
    doc.save(str(path))
    out, problems = book_of(store, tmp_path, [("普陀", path)])
    assert problems == [] and opc_problems(out) == []
    book = Document(str(out))
    with zipfile.ZipFile(out) as package:
        footnotes = etree.fromstring(package.read("word/footnotes.xml"))
    note = next(p for p in footnotes.iter(qn("w:p"))
                if "普陀脚注内容" in "".join(t.text or "" for t in p.iter(qn("w:t"))))
    style_id = note.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val"))
    style = book.styles.element.get_by_id(style_id)
    assert style is not None and style.find(f"{qn('w:rPr')}/{qn('w:sz')}").get(qn("w:val")) == "18"


@needs_office
@pytest.mark.slow
@pytest.mark.parametrize("name", ["summaries/summary.doc", "summary_word97.doc"])
def test_a_doc_summary_keeps_every_paragraph_s_size_spacing_and_list_number_size(store,
                                                                                   tmp_path,
                                                                                   name):
    path = REPO / "tests" / "data" / name
    converted = soffice.convert(shutil.copy(path, tmp_path / "src.doc") and tmp_path / "src.doc",
                                "docx", tmp_path)
    source = Document(str(converted))  # what LibreOffice makes of it, before the book
    out, notes = book_of(store, tmp_path, [("静安", path)])
    assert notes == []
    book = Document(str(out))
    in_book = _paragraphs_by_text(book)
    compared = 0
    for text, paragraph in _paragraphs_by_text(source).items():
        if text.strip():
            assert _look(book, in_book[text]) == _look(source, paragraph), text
            compared += 1
    assert compared >= 1


def test_a_chinese_word_summary_keeps_its_theme_fonts(store, tmp_path):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    doc = Document()
    doc.add_paragraph("浦东等线正文")
    theme = doc.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    minor = root.find(f".//{a}minorFont")
    minor.find(f"{a}ea").set("typeface", "")  # as Word 2016 writes a Chinese theme
    for font in minor.findall(f"{a}font"):
        if font.get("script") == "Hans":
            font.set("typeface", "等线")
    theme._blob = etree.tostring(root)
    lang = doc.settings.element.find(qn("w:themeFontLang"))
    lang.set(qn("w:eastAsia"), "zh-CN")
    path = tmp_path / "等线.docx"
    doc.save(str(path))
    out, _notes = book_of(store, tmp_path, [("浦东", path)])
    book = Document(str(out))
    paragraph = _paragraphs_by_text(book)["浦东等线正文"]
    assert effective(book, paragraph, "rPr", "w:rFonts", "w:eastAsia") == "等线"
    assert effective(book, paragraph, "rPr", "w:rFonts", "w:eastAsiaTheme") is None
    assert effective(book, paragraph, "rPr", "w:rFonts", "w:ascii") == \
        root.find(f".//{a}minorFont/{a}latin").get("typeface")


def test_a_reviewer_s_comment_leaves_no_anchor_pointing_at_nothing(store, tmp_path):
    doc = Document()
    paragraph = doc.add_paragraph("普陀有批注的句子")
    doc.add_comment(paragraph.runs, text="审阅意见", author="科员")
    path = tmp_path / "批注.docx"
    doc.save(str(path))
    out, notes = book_of(store, tmp_path, [("普陀", path)])
    assert notes == [] and opc_problems(out) == []
    body = Document(str(out)).element.body
    assert [m for tag in ("w:commentRangeStart", "w:commentReference")
            for m in body.iter(qn(tag))] == []
    assert "普陀有批注的句子" in _paragraphs_by_text(Document(str(out)))


def test_a_summary_that_fails_half_way_keeps_its_heading_and_contents_line(store, tmp_path,
                                                                           monkeypatch):
    from docxcompose.composer import Composer

    def broken(self, doc, remove_property_fields=True):
        raise RuntimeError("half-way")
    monkeypatch.setattr(Composer, "append", broken)
    monkeypatch.setattr(soffice, "find_soffice", lambda: None)
    out, notes = book_of(store, tmp_path, [("浦东", "word_landscape_list.docx"),
                                           ("长宁", "photo.jpg")])
    assert notes == ["浦东新区市场监管局：“word_landscape_list.docx”无法读取（RuntimeError），未并入。"]
    book = Document(str(out))
    texts = [p.text for p in book.paragraphs]
    heading = texts.index("浦东新区市场监管局")
    assert "无法读取（RuntimeError），未能并入本汇编" in texts[heading + 1]
    marks = {m.get(qn("w:name")) for m in book.element.body.iter(qn("w:bookmarkStart"))}
    assert {"_Toc_summary_1", "_Toc_summary_2", "_Toc_summary_0"} <= marks


def test_unit_headings_stand_alike_whatever_line_grid_the_unit_set(store, tmp_path):
    doc = Document()
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), "600")  # a coarse grid: 30 pt lines
    doc.add_paragraph("浦东网格正文")
    path = tmp_path / "网格.docx"
    doc.save(str(path))
    out, _notes = book_of(store, tmp_path, [("浦东", path), ("长宁", "photo.jpg")])
    book = Document(str(out))
    sections = list(book.element.body.iter(qn("w:sectPr")))
    assert any(s.find(qn("w:docGrid")) is not None
               and s.find(qn("w:docGrid")).get(qn("w:type")) == "lines" for s in sections)
    heading = next(p for p in book.paragraphs if p.text == "浦东新区市场监管局")
    snap = heading.style.element.find(f"{qn('w:pPr')}/{qn('w:snapToGrid')}")
    assert snap is not None and snap.get(qn("w:val")) == "0"
    assert heading._p.find(f"{qn('w:pPr')}/{qn('w:snapToGrid')}") is None  # not undone
