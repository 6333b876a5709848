"""Every WordprocessingML part of every Word export keeps the schema's element order.

The ISO/IEC 29500 transitional XSDs are not available to the tests (no package on PyPI
ships them, and the schema files cannot be copied into this repository), so this is the
fallback the issue allows: the sequences of pPr, rPr, tblPr, tcPr, trPr, sectPr and the font
table's w:font, written out from the transitional schema, checked after dropping
markup-compatibility-ignorable content as Word does before it validates. rPr is checked
against the order of its element list although the transitional schema lets its elements
come in any order: Word 2007 reads them as a sequence, so keeping that order costs nothing.
"""
from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from exporters.docx_appendix import export_appendix
from exporters.docx_notice import export_notice
from exporters.docx_schedule import export_schedule

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = f"{{{W_NS}}}"

PPR_BASE = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
            "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
            "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid "
            "spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
            "textAlignment textboxTightWrap outlineLvl divId cnfStyle").split()
PPR = (*PPR_BASE, "rPr", "sectPr", "pPrChange")
RPR = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
       "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
       "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath "
       "rPrChange").split()
PARA_RPR = ("ins", "del", "moveFrom", "moveTo", *RPR)
TBLPR = ("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
         "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
         "tblDescription tblPrChange").split()
TCPR = ("cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
        "vAlign hideMark headers cellIns cellDel cellMerge tcPrChange").split()
TRPR_CHOICE = frozenset(("cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight "
                         "tblHeader tblCellSpacing jc hidden").split())
TRPR_TAIL = ("ins", "del", "trPrChange")
SECTPR_REFERENCES = frozenset({"headerReference", "footerReference"})
SECTPR = ("footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols "
          "formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid "
          "printerSettings sectPrChange").split()
FONT = ("altName panose1 charset family notTrueType pitch sig embedRegular embedBold "
        "embedItalic embedBoldItalic").split()
FIRST_CHILD = {"p": "pPr", "r": "rPr", "tc": "tcPr"}


def _summaries_book(folder):
    """The compiled book of three units' summaries as python-docx, a unit's own look and
    LibreOffice write them (a landscape section among them): plain data for its exporter."""
    from datetime import date

    from exporters.docx_summaries import export_summaries
    from models.db.opening import open_database
    from models.received.summary_book import summary_book
    from models.received.summary_files import SummaryArchive
    from tests.summary_docs import as_libreoffice_writes_it, landscape_summary_docx, summary_docx
    store = open_database(folder / "c.sqlite3")
    archive = SummaryArchive(store)
    files = {"浦东": summary_docx(folder / "a.docx", "浦东", "red", own_style=False),
             "黄浦": landscape_summary_docx(folder / "b.docx", "黄浦"),
             "静安": as_libreoffice_writes_it(summary_docx(folder / "c.docx", "静安", "blue"))}
    for short, path in files.items():
        unit = store.find_unit(short)
        item = next(s for s in store.load().submissions
                    if s.unit_id == unit.id and s.item == "活动总结")
        incoming = archive.identify(path)
        archive.store_content(incoming)
        archive.add_version(item.id, incoming, date(2021, 5, 21))
    book = summary_book(store.load(), archive)
    store.close()
    return lambda _data, path: export_summaries(book, path)


def _every_kind_book(folder):
    """The book of one summary of every kind units send (tests/data/summaries/)."""
    from datetime import date

    from exporters.docx_summaries import export_summaries
    from models.db.opening import open_database
    from models.received.summary_book import summary_book
    from models.received.summary_files import SummaryArchive
    from tests.test_summary_book_kinds import DATA, KINDS
    store = open_database(folder / "c.sqlite3")
    archive = SummaryArchive(store)
    for short, name in KINDS:
        unit = store.find_unit(short)
        item = next(s for s in store.load().submissions
                    if s.unit_id == unit.id and s.item == "活动总结")
        incoming = archive.identify(DATA / name)
        archive.store_content(incoming)
        archive.add_version(item.id, incoming, date(2021, 5, 21))
    book = summary_book(store.load(), archive)
    store.close()
    return lambda _data, path: export_summaries(book, path)


@pytest.fixture(scope="module")
def parts(tmp_path_factory, qapp) -> dict[str, etree._Element]:
    """Every WordprocessingML part of the notice, attachment, schedule and summaries exports."""
    from models.db.opening import open_database
    store = open_database(None)
    data = store.load()
    store.close()
    folder = tmp_path_factory.mktemp("schema")
    found: dict[str, etree._Element] = {}
    for name, export in (("notice", export_notice), ("appendix", export_appendix),
                         ("schedule", export_schedule),
                         ("summaries", _summaries_book(tmp_path_factory.mktemp("book"))),
                         ("every_kind", _every_kind_book(tmp_path_factory.mktemp("kinds")))):
        path = folder / f"{name}.docx"
        export(data, path)
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.endswith(".xml") and member.startswith("word/"):
                    root = etree.fromstring(archive.read(member))
                    if root.tag.startswith(W):
                        found[f"{name}:{member}"] = without_ignorable(root)
    return found


def without_ignorable(root: etree._Element) -> etree._Element:
    """The part as Word validates it: mc:Ignorable namespaces and mc:AlternateContent
    choices dropped (the Fallback kept)."""
    prefixes = (root.get(f"{{{MC_NS}}}Ignorable") or "").split()
    ignorable = {root.nsmap[p] for p in prefixes if p in root.nsmap}
    for element in list(root.iter(f"{{{MC_NS}}}AlternateContent")):
        fallback = element.find(f"{{{MC_NS}}}Fallback")
        for child in (list(fallback) if fallback is not None else []):
            element.addprevious(child)
        element.getparent().remove(element)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).namespace in ignorable:
            element.getparent().remove(element)
            continue
        for attribute in list(element.attrib):
            if etree.QName(attribute).namespace in ignorable | {MC_NS}:
                del element.attrib[attribute]
    return root


def local_children(element: etree._Element) -> list[str]:
    """Local names of the w: children."""
    return [etree.QName(c).localname for c in element if isinstance(c.tag, str)
            and c.tag.startswith(W)]


def order_errors(names: list[str], sequence: tuple[str, ...] | list[str]) -> list[str]:
    """Names that are unknown, repeated or out of the sequence's order."""
    errors, last = [], -1
    for name in names:
        if name not in sequence:
            errors.append(f"unknown {name}")
            continue
        index = sequence.index(name)
        if index <= last:
            errors.append(f"{name} out of order in {names}")
        last = index
    return errors


def check_all(parts, tag: str, sequence) -> list[str]:
    """Order errors of every element with this tag in every part."""
    errors = []
    for name, root in parts.items():
        for element in root.iter(f"{W}{tag}"):
            parent = etree.QName(element.getparent()).localname
            seq = sequence(parent) if callable(sequence) else sequence
            errors += [f"{name} {tag} in {parent}: {e}"
                       for e in order_errors(local_children(element), seq)]
    return errors


def test_there_are_parts_to_check(parts):
    names = {key.split(":", 1)[1] for key in parts}
    assert {"word/document.xml", "word/styles.xml", "word/settings.xml",
            "word/fontTable.xml"} <= names
    assert sum(1 for key in parts if "footer" in key) >= 6


def test_paragraph_properties_in_schema_order(parts):
    # CT_PPr in paragraphs; CT_PPrGeneral (no rPr/sectPr) in styles and pPrDefault
    assert check_all(parts, "pPr", lambda parent: PPR if parent == "p"
                     else (*PPR_BASE, "pPrChange")) == []


def test_run_properties_in_schema_order(parts):
    assert check_all(parts, "rPr", lambda parent: PARA_RPR if parent == "pPr" else RPR) == []


def test_table_row_and_cell_properties_in_schema_order(parts):
    assert check_all(parts, "tblPr", TBLPR) == []
    assert check_all(parts, "tcPr", TCPR) == []
    errors = []
    for name, root in parts.items():
        for trpr in root.iter(f"{W}trPr"):
            names = local_children(trpr)
            head = [n for n in names if n not in TRPR_TAIL]
            tail = [n for n in names if n in TRPR_TAIL]
            if names != head + tail or not set(head) <= TRPR_CHOICE or len(set(head)) != len(head):
                errors.append(f"{name}: trPr {names}")
    assert errors == []


def test_section_properties_in_schema_order(parts):
    errors = []
    for name, root in parts.items():
        for sect in root.iter(f"{W}sectPr"):
            names = local_children(sect)
            references = [n for n in names if n in SECTPR_REFERENCES]
            if names[:len(references)] != references:
                errors.append(f"{name}: references after section content {names}")
            errors += [f"{name}: {e}" for e in order_errors(names[len(references):], SECTPR)]
    assert errors == []


def test_font_table_entries_in_schema_order(parts):
    assert check_all(parts, "font", FONT) == []


def test_properties_come_first_in_their_element(parts):
    errors = []
    for name, root in parts.items():
        for tag, first in FIRST_CHILD.items():
            for element in root.iter(f"{W}{tag}"):
                names = local_children(element)
                if first in names and names[0] != first:
                    errors.append(f"{name}: {tag} starts with {names[0]}")
        for tbl in root.iter(f"{W}tbl"):
            if local_children(tbl)[:2] != ["tblPr", "tblGrid"]:
                errors.append(f"{name}: tbl starts with {local_children(tbl)[:2]}")
        for tr in root.iter(f"{W}tr"):
            names = [n for n in local_children(tr) if n != "tblPrEx"]
            if "trPr" in names and names[0] != "trPr":
                errors.append(f"{name}: tr starts with {names[0]}")
    assert errors == []


def test_required_attributes_are_present(parts):
    required = {"zoom": ("percent",), "gridSpan": ("val",), "sz": ("val",), "szCs": ("val",),
                "jc": ("val",), "pStyle": ("val",), "tblW": (), "gridCol": (),
                "pgSz": (), "font": ("name",), "charset": ("val",), "altName": ("val",),
                "compatSetting": ("name", "uri", "val"), "type": ("val",)}
    errors = []
    for name, root in parts.items():
        for tag, attributes in required.items():
            for element in root.iter(f"{W}{tag}"):
                errors += [f"{name}: {tag} lacks w:{a}" for a in attributes
                           if element.get(f"{W}{a}") is None]
    assert errors == []
