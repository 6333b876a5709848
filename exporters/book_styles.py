"""A unit's Word document made ready to sit in the book with its own look: its styles under
names of their own, its document defaults written into them, so that nothing of the book's
styles or defaults (仿宋 16 pt, the template's spacing) reaches the unit's text, list marks
or paragraph spacing."""
from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

_STYLE_REFS = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink")
_STYLE_LINKS = ("w:basedOn", "w:next", "w:link")
_TRUE = {"1", "true", "on"}

SPEC_RPR = ('<w:rPr {ns}><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
            'w:eastAsia="宋体" w:cs="Times New Roman"/><w:kern w:val="0"/>'
            '<w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>')
SPEC_PPR = ('<w:pPr {ns}><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
            '<w:ind w:left="0" w:right="0"/></w:pPr>')
"""What Word takes when a document's defaults leave a property out (ECMA-376: 10 pt text,
no spacing): the book's own defaults must not fill the gap instead."""

_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
              "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
              "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
              "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
              "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
              "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange")
_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
              "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
              "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
              "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
              "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange")
_ORDER = {"pPr": {qn(f"w:{t}"): i for i, t in enumerate(_PPR_ORDER)},
          "rPr": {qn(f"w:{t}"): i for i, t in enumerate(_RPR_ORDER)}}


def _merge(target, extra) -> None:
    """Add to a pPr/rPr what it lacks from another, attribute by attribute (a style's
    w:spacing w:after keeps its value and gains the defaults' w:line), in schema order."""
    kind = "pPr" if target.tag == qn("w:pPr") else "rPr"
    for child in extra:
        have = target.find(child.tag)
        if have is None:
            target.append(deepcopy(child))
            continue
        for name, value in child.attrib.items():
            if name not in have.attrib:
                have.set(name, value)
    order = _ORDER[kind]
    children = sorted(target, key=lambda c: order.get(c.tag, len(order)))
    for child in children:
        target.append(child)


def effective_defaults(document: Document) -> tuple[object, object]:
    """The document's default paragraph and run properties, with Word's own values where
    its w:docDefaults say nothing."""
    ppr = parse_xml(SPEC_PPR.format(ns=nsdecls("w")))
    rpr = parse_xml(SPEC_RPR.format(ns=nsdecls("w")))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    own_ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}") if defaults is not None \
        else None
    own_rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None \
        else None
    for own, spec in ((own_ppr, ppr), (own_rpr, rpr)):
        if own is None:
            continue
        merged = deepcopy(own)
        _merge(merged, spec)
        for child in list(spec):
            spec.remove(child)
        spec.extend(list(merged))
    return ppr, rpr


def _props(style, tag: str):
    """A style's w:pPr or w:rPr, added in its schema place if missing."""
    found = style.find(qn(f"w:{tag}"))
    if found is not None:
        return found
    element = parse_xml(f"<w:{tag} {nsdecls('w')}/>")
    later = ("rPr", "tblPr", "trPr", "tcPr", "tblStylePr") if tag == "pPr" else \
        ("tblPr", "trPr", "tcPr", "tblStylePr")
    anchor = next((c for c in style if c.tag in {qn(f"w:{t}") for t in later}), None)
    if anchor is not None:
        anchor.addprevious(element)
    else:
        style.append(element)
    return element


def isolate_styles(document: Document, prefix: str, label: str) -> None:
    """Give every style of a unit's document an id and a name of its own (prefix + id,
    label + name), write the document's defaults into its base paragraph styles, and name
    the default paragraph and table style wherever the document relies on it."""
    styles = document.styles.element
    own = styles.findall(qn("w:style"))
    ids = {style.get(qn("w:styleId")) for style in own}
    defaults: dict[str, str] = {}

    def renamed(value: str | None) -> str | None:
        return f"{prefix}{value}" if value in ids else None

    for style in own:
        kind = style.get(qn("w:type"), "paragraph")
        sid = style.get(qn("w:styleId"))
        if style.get(qn("w:default"), "").lower() in _TRUE:
            defaults.setdefault(kind, f"{prefix}{sid}")
            del style.attrib[qn("w:default")]
        style.set(qn("w:styleId"), f"{prefix}{sid}")
        name = style.find(qn("w:name"))
        if name is None:
            name = parse_xml(f'<w:name {nsdecls("w")} w:val="{sid}"/>')
            style.insert(0, name)
        name.set(qn("w:val"), f"{label} {name.get(qn('w:val'))}")
        for tag in _STYLE_LINKS:
            for link in style.findall(qn(tag)):
                new = renamed(link.get(qn("w:val")))
                if new is None:
                    style.remove(link)
                else:
                    link.set(qn("w:val"), new)
    ppr, rpr = effective_defaults(document)
    paragraph_default = defaults.get("paragraph")
    if paragraph_default is None:  # a document with no Normal style: one made of its defaults
        paragraph_default = f"{prefix}Normal"
        styles.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="{paragraph_default}">'
            f'<w:name w:val="{label} Normal"/></w:style>'))
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type"), "paragraph") == "paragraph" and \
                style.find(qn("w:basedOn")) is None:
            _merge(_props(style, "pPr"), ppr)
            _merge(_props(style, "rPr"), rpr)
    _rename_references(document, prefix, ids, paragraph_default, defaults.get("table"))


_NOTES = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
          "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes")


def each_tree(document: Document, change: Callable[[object], None]) -> None:
    """Apply a change to every XML tree of a unit's document that carries its text's look:
    body, styles, numbering, and the footnotes and endnotes (parts python-docx keeps as
    bytes, which docxcompose reads when it carries a unit's notes across)."""
    change(document.element)
    change(document.styles.element)
    try:
        change(document.part.numbering_part.element)
    except (KeyError, NotImplementedError):
        pass
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype not in _NOTES:
            continue
        part = rel.target_part
        if hasattr(part, "element"):
            change(part.element)
            continue
        root = parse_xml(part.blob)
        change(root)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                    standalone=True)


def _rename_references(document: Document, prefix: str, ids: set[str],
                       paragraph_default: str, table_default: str | None) -> None:
    """Style references under their new ids; the default styles named where used."""
    def rename(root) -> None:
        for tag in _STYLE_REFS:
            for ref in list(root.iter(qn(tag))):
                value = ref.get(qn("w:val"))
                if value in ids:
                    ref.set(qn("w:val"), f"{prefix}{value}")
                elif tag == "w:pStyle":
                    ref.set(qn("w:val"), paragraph_default)
                else:
                    ref.getparent().remove(ref)

    each_tree(document, rename)
    body = document.element.body
    for paragraph in body.iter(qn("w:p")):
        ppr = paragraph.find(qn("w:pPr"))
        if ppr is None:
            ppr = parse_xml(f"<w:pPr {nsdecls('w')}/>")
            paragraph.insert(0, ppr)
        if ppr.find(qn("w:pStyle")) is None:
            ppr.insert(0, parse_xml(f'<w:pStyle {nsdecls("w")} w:val="{paragraph_default}"/>'))
    if table_default is None:
        return
    for table in body.iter(qn("w:tbl")):
        tbl_pr = table.find(qn("w:tblPr"))
        if tbl_pr is not None and tbl_pr.find(qn("w:tblStyle")) is None:
            tbl_pr.insert(0, parse_xml(f'<w:tblStyle {nsdecls("w")} w:val="{table_default}"/>'))


def copy_missing_ancestors(source: Document, book: Document, add_numberings) -> None:
    """Styles the unit's styles are based on (or linked to) that were not themselves used in
    its text, so that each copied style keeps its whole chain; numbering they name follows."""
    wanted = True
    while wanted:
        wanted = False
        have = {s.get(qn("w:styleId")) for s in book.styles.element.findall(qn("w:style"))}
        for style in list(book.styles.element.findall(qn("w:style"))):
            for tag in _STYLE_LINKS[::2]:  # basedOn, link
                for link in style.findall(qn(tag)):
                    value = link.get(qn("w:val"))
                    if value in have:
                        continue
                    found = source.styles.element.get_by_id(value)
                    if found is None:
                        continue
                    copy = deepcopy(found)
                    book.styles.element.append(copy)
                    add_numberings(source, copy)
                    have.add(value)
                    wanted = True
