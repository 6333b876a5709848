"""A unit's theme fonts written out by name: in the book, "the theme's body font" would mean
the book's theme (宋体), not the unit's (等线 in Word 2016 and later, say)."""
from __future__ import annotations

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from exporters.book_styles import each_tree

A_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_SCRIPTS = {"zh-CN": "Hans", "zh-SG": "Hans", "zh-TW": "Hant", "zh-HK": "Hant", "ja-JP": "Jpan",
            "ko-KR": "Hang"}
CHINESE = ("Hans", "Hant")
"""A theme made for Japanese or Korean text (python-docx's own template is one) would put
ＭＳ 明朝 on Chinese text; there the book's Chinese theme font stays."""
_THEME_ATTRIBUTES = {"asciiTheme": "ascii", "hAnsiTheme": "hAnsi", "eastAsiaTheme": "eastAsia",
                     "cstheme": "cs"}


def _east_asian_script(document: Document) -> str:
    """The script whose font the theme gives East Asian text (the document's East Asian
    language; Simplified Chinese when it names none)."""
    lang = document.settings.element.find(qn("w:themeFontLang"))
    value = lang.get(qn("w:eastAsia")) if lang is not None else None
    return _SCRIPTS.get(value or "", "Hans")


def theme_fonts(document: Document) -> dict[str, str]:
    """The document's theme fonts by the names runs use for them (minorHAnsi → Calibri,
    minorEastAsia → 等线 …; East Asian ones only from a Chinese theme); empty without a
    theme."""
    try:
        part = document.part.part_related_by(RT.THEME)
    except KeyError:
        return {}
    root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
    script = _east_asian_script(document)
    fonts: dict[str, str] = {}
    for kind in ("major", "minor"):
        scheme = root.find(f".//{A_NS}{kind}Font")
        if scheme is None:
            continue

        def typeface(tag: str, scheme=scheme) -> str:
            found = scheme.find(f"{A_NS}{tag}")
            return found.get("typeface", "") if found is not None else ""

        east_asian = "" if script not in CHINESE else typeface("ea") or next(
            (f.get("typeface", "") for f in scheme.findall(f"{A_NS}font")
             if f.get("script") == script), "")
        for name, face in ((f"{kind}HAnsi", typeface("latin")), (f"{kind}Ascii", typeface("latin")),
                           (f"{kind}EastAsia", east_asian), (f"{kind}Bidi", typeface("cs"))):
            if face:
                fonts[name] = face
    return fonts


def name_theme_fonts(document: Document) -> None:
    """Replace every theme font reference of a unit's document by the font its own theme
    names, in its text, styles, defaults, numbering and notes (a reference its theme gives
    no font for stays a reference, to the book's theme)."""
    fonts = theme_fonts(document)

    def name(root) -> None:
        for rfonts in root.iter(qn("w:rFonts")):
            for theme_attr, plain in _THEME_ATTRIBUTES.items():
                value = rfonts.get(qn(f"w:{theme_attr}"))
                if value is not None and value in fonts:
                    del rfonts.attrib[qn(f"w:{theme_attr}")]
                    rfonts.set(qn(f"w:{plain}"), fonts[value])

    each_tree(document, name)
