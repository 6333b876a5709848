"""The parts of a Word file around the text: fonts declared, Chinese theme, Word 2013+ mode,
real file properties, no blank thumbnail."""
from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from exporters import docx_xml as dx

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
COMPATIBILITY_MODE = "15"          # Word 2013 and later: no [兼容模式]
JAPANESE_CHARSET = "80"


@dataclass(frozen=True, slots=True)
class DeclaredFont:
    """A font named in the document, with what Word and WPS should use when it is missing."""

    name: str
    alt_name: str
    family: str                    # roman (serif) or modern (fixed-pitch CJK, 黑体 …)
    pitch: str


# charset 86 = GB2312: a PC without the font substitutes a Chinese face of the same family.
DECLARED_FONTS: tuple[DeclaredFont, ...] = (
    DeclaredFont(dx.FANGSONG, "仿宋", "modern", "fixed"),
    DeclaredFont(dx.XIAOBIAOSONG, "华文中宋", "roman", "variable"),
    DeclaredFont(dx.HEITI, "SimHei", "modern", "fixed"),
    DeclaredFont(dx.KAITI, "楷体", "modern", "fixed"),
    DeclaredFont(dx.SONGTI, "SimSun", "auto", "variable"),
)
GB2312_CHARSET = "86"


def font_xml(font: DeclaredFont) -> str:
    """One w:font entry of the font table (CT_Font sequence: altName, charset, family, pitch)."""
    return (f'<w:font {nsdecls("w")} w:name="{font.name}"><w:altName w:val="{font.alt_name}"/>'
            f'<w:charset w:val="{GB2312_CHARSET}"/><w:family w:val="{font.family}"/>'
            f'<w:pitch w:val="{font.pitch}"/></w:font>')


def _part(document: Document, partname: str):
    """The package part with this name."""
    return next(p for p in document.part.package.iter_parts() if p.partname == partname)


def declare_fonts(document: Document) -> None:
    """Put every font the exports use in word/fontTable.xml, drop the Japanese template ones."""
    part = _part(document, "/word/fontTable.xml")
    root = etree.fromstring(part.blob)
    for font in root.findall(qn("w:font")):
        charset = font.find(qn("w:charset"))
        names = {f.name for f in DECLARED_FONTS}
        if font.get(qn("w:name")) in names or (
                charset is not None and charset.get(qn("w:val")) == JAPANESE_CHARSET):
            root.remove(font)
    for font in DECLARED_FONTS:
        root.append(parse_xml(font_xml(font)))
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def chinese_theme(document: Document) -> None:
    """East Asian theme fonts and theme language zh-CN instead of the template's ja-JP."""
    part = next((p for p in document.part.package.iter_parts()
                 if p.partname == "/word/theme/theme1.xml"), None)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    for ea in root.iter(f"{{{A_NS}}}ea"):
        ea.set("typeface", dx.SONGTI)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")


def modern_settings(document: Document) -> None:
    """compatibilityMode 15 and a schema-valid w:zoom (its w:percent is required)."""
    settings = document.settings.element
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), COMPATIBILITY_MODE)
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")


def set_properties(document: Document, title: str, author: str,
                   when: datetime | None = None) -> None:
    """Title, author, last-modified-by and dates of this export; no template leftovers."""
    when = (when or datetime.now(UTC)).replace(microsecond=0, tzinfo=None)
    props = document.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.comments = ""
    props.keywords = ""
    props.subject = ""
    props.category = ""
    props.revision = 1
    props.created = when
    props.modified = when


W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def new_document_id(document: Document) -> None:
    """A document ID of this file's own (w14:docId and w15:docId in the settings)."""
    settings = document.settings.element
    for namespace, value in ((W14_NS, f"{secrets.randbelow(0x7FFFFFFF) + 1:08X}"),
                             (W15_NS, "{" + str(uuid.uuid4()).upper() + "}")):
        for element in settings.iter(f"{{{namespace}}}docId"):
            element.set(f"{{{namespace}}}val", value)


def app_properties_xml() -> bytes:
    """docProps/app.xml naming this program; no page or word counts (Word and WPS count
    them on saving, and a count made here would be a guess)."""
    from resources import DISTRIBUTION, program_version
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Properties xmlns="{APP_NS}"><Application>{DISTRIBUTION} {program_version()}'
            '</Application></Properties>').encode()


def truthful_app_properties(document: Document) -> None:
    """Replace the template's docProps/app.xml (python-docx's says Microsoft Macintosh Word,
    1 page, 0 words) with one naming this program."""
    for part in document.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = app_properties_xml()


def drop_thumbnail(document: Document) -> None:
    """Remove the template's blank thumbnail picture."""
    rels = document.part.package.rels
    for rid in [k for k, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[rid]


def finish_package(document: Document, title: str, author: str,
                   when: datetime | None = None) -> None:
    """Everything around the text, for every Word export."""
    declare_fonts(document)
    chinese_theme(document)
    modern_settings(document)
    set_properties(document, title, author, when)
    drop_thumbnail(document)
    new_document_id(document)
    truthful_app_properties(document)
