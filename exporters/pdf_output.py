"""PDF files from Qt: painted into memory, text layer corrected, checked, written atomically.

Qt's PDF writer builds each font's ToUnicode map from the lowest code point that shares a
glyph. Noto CJK (and other CJK fonts) draw 日 and KANGXI RADICAL SUN (U+2F47) with one
glyph, so the text layer said ⽇: search and copy found nothing. After painting, every
ToUnicode entry that names a radical or compatibility code point the document never drew
is pointed back at the character drawn with the same glyph.
"""
from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QFont, QPdfWriter, QRawFont

from exporters.atomic import ExportError, write_atomically
from exporters.output_checks import pdf_check
from models.i18n import _tr

LOOK_ALIKE_RANGES = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0x31C0, 0x31EF), (0xF900, 0xFAFF),
                     (0x2F800, 0x2FA1F), (0xFB00, 0xFB06))
"""CJK radicals, Kangxi radicals, strokes, compatibility ideographs, Latin ligatures."""
LIGATURES = {"\u2e3a": "——", "\u2e3b": "———"}
"""Glyphs CJK fonts substitute for runs of em dashes (U+2E3A TWO-EM DASH for ——)."""


def is_look_alike(ch: str) -> bool:
    """A radical, compatibility or ligature code point standing for other text."""
    return ch in LIGATURES or any(lo <= ord(ch) <= hi for lo, hi in LOOK_ALIKE_RANGES)


def look_alike_map(fonts: Iterable[QFont], drawn: str) -> dict[str, str]:
    """Look-alike code point → the drawn text it stands for: the character sharing its glyph
    in one of the fonts, or (for a font Qt fell back to) its Unicode normalisation, or the
    dashes a dash ligature was made from.
    """
    wanted = sorted({ch for ch in drawn if not is_look_alike(ch) and ord(ch) >= 0x2E80})
    candidates = [chr(code) for lo, hi in LOOK_ALIKE_RANGES for code in range(lo, hi + 1)
                  if chr(code) not in drawn] + [ch for ch in LIGATURES if ch not in drawn]
    mapping: dict[str, str] = {}
    drawn_set = set(drawn)
    for ch in candidates:
        normal = LIGATURES.get(ch) or unicodedata.normalize("NFKC", ch)
        if normal != ch and (normal in drawn_set or (len(normal) > 1 and normal in drawn)):
            mapping[ch] = normal
    for font in fonts:
        raw = QRawFont.fromFont(font)
        if not raw.isValid():
            continue
        by_glyph = {g: ch for g, ch in zip(raw.glyphIndexesForString("".join(wanted)), wanted,
                                           strict=False) if g}
        rest = [ch for ch in candidates if ch not in mapping]
        for glyph, ch in zip(raw.glyphIndexesForString("".join(rest)), rest, strict=False):
            if glyph and glyph in by_glyph:
                mapping[ch] = by_glyph[glyph]
    return mapping


def _utf16_hex(ch: str) -> bytes:
    """A character as the UTF-16BE hex digits a ToUnicode CMap writes."""
    return ch.encode("utf-16-be").hex().upper().encode("ascii")


_CMAP_TOKEN = re.compile(rb"<([0-9A-Fa-f]+)>|\[|\]|begin(bfrange|bfchar)|end(bfrange|bfchar)")


def _destinations(data: bytes) -> list[re.Match]:
    """The destination (Unicode) codes of a ToUnicode CMap, not its source codes.

    bfchar holds pairs <src> <dst>; bfrange holds <lo> <hi> followed by <dst> or [<dst> …].
    """
    found: list[re.Match] = []
    section = b""
    position = 0            # index of the hex code within the current entry
    in_array = False
    for token in _CMAP_TOKEN.finditer(data):
        text = token.group(0)
        if token.group(2):
            section, position = token.group(2), 0
        elif token.group(3):
            section = b""
        elif not section:
            continue
        elif text == b"[":
            in_array = True
        elif text == b"]":
            in_array, position = False, 0
        elif in_array:
            found.append(token)
        else:
            last = 1 if section == b"bfchar" else 2
            if position == last:
                found.append(token)
                position = 0
            else:
                position += 1
    return found


def _fix_cmap(data: bytes, mapping: dict[str, str]) -> bytes:
    """A ToUnicode CMap with look-alike destinations replaced by the drawn characters."""
    table = {_utf16_hex(k): _utf16_hex(v) for k, v in mapping.items()}
    out, start = [], 0
    for token in _destinations(data):
        new = table.get(token.group(1).upper())
        if new is not None:
            out.extend([data[start:token.start(1)], new])
            start = token.end(1)
    out.append(data[start:])
    return b"".join(out)


def fix_text_layer(pdf: bytes, mapping: dict[str, str]) -> bytes:
    """The PDF with every font's ToUnicode map pointing look-alikes at the drawn characters."""
    if not mapping:
        return pdf
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    changed = False
    seen: set[int] = set()
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            stream_ref = font.get("/ToUnicode")
            if stream_ref is None or id(stream_ref.get_object()) in seen:
                continue
            stream = stream_ref.get_object()
            seen.add(id(stream))
            data = stream.get_data()
            fixed = _fix_cmap(data, mapping)
            if fixed != data:
                stream.set_data(fixed)
                changed = True
    if not changed:
        return pdf
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class PdfJob:
    """What a painting run reports: pages painted, the text drawn and the fonts used."""

    def __init__(self) -> None:
        self.pages = 0
        self.text: list[str] = []
        self.fonts: dict[str, QFont] = {}

    def drew(self, text: str, font: QFont) -> None:
        """Record text drawn in a font."""
        self.text.append(text)
        self.fonts.setdefault(font.key(), font)


def pdf_bytes(paint: Callable[[QPdfWriter, PdfJob], None], title: str,
              creator: str) -> tuple[bytes, int]:
    """Paint onto a PDF in memory; returns the corrected file and its page count."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator(creator)
    job = PdfJob()
    paint(writer, job)
    del writer                      # finishes the file into the buffer
    data = bytes(buffer.data())
    buffer.close()
    if not data:
        raise ExportError(_tr("PDF 生成失败：Qt 没有输出任何内容。"))
    mapping = look_alike_map(job.fonts.values(), "".join(job.text))
    return fix_text_layer(data, mapping), job.pages


def write_pdf(path: Path | str, paint: Callable[[QPdfWriter, PdfJob], None], title: str,
              creator: str) -> None:
    """Paint, correct and write a PDF whole or not at all (trailer and page count checked)."""
    data, pages = pdf_bytes(paint, title, creator)
    write_atomically(path, data, pdf_check(pages))
