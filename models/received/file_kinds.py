"""What a file a unit sent really is, read from its content, and whether it may be a summary."""
from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from models.db.files import FileRefused, check_regular_file
from models.i18n import QT_TRANSLATE_NOOP, _tr
from models.received.package_check import Limits, PackageRefused, check_package, kind_words

MAX_SUMMARY_BYTES = 100 * 1024 * 1024
"""Summaries with photographs run to tens of MB; beyond this it is no summary."""

WORD_XML_PART = 10 * 1024 * 1024
"""Unpacked bytes of one XML part of a Word document: a hundred-page letter's document.xml
is a few MB; python-docx takes about 18 times the part's size in memory (10 MB: under 200
MB), so a reader stays far below 500 MB whatever it is given."""
WORD_UNPACKED = 300 * 1024 * 1024
WORD_PICTURE = 64 * 1024 * 1024
"""Unpacked bytes of one picture (or other non-XML part) of a Word document: a photograph
is a few MB; a 256 MB bitmap (compressed to 300 KB) took a compile past 500 MB."""
WORD_LIMITS = Limits(unpacked=WORD_UNPACKED, xml_part=WORD_XML_PART, other_part=WORD_PICTURE)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1 << 20


class FileKind(StrEnum):
    """The document and picture formats a summary may come in."""

    PDF = "pdf"
    DOCX = "docx"
    DOC = "doc"  # Word 97-2003, also WPS 文字's .wps (the same binary format)
    RTF = "rtf"  # what some programs save under a .doc name
    PNG = "png"
    JPEG = "jpeg"
    GIF = "gif"
    BMP = "bmp"
    TIFF = "tiff"
    WEBP = "webp"

    @property
    def is_image(self) -> bool:
        """A picture rather than a document."""
        return self in _IMAGES


_IMAGES = frozenset({FileKind.PNG, FileKind.JPEG, FileKind.GIF, FileKind.BMP, FileKind.TIFF,
                     FileKind.WEBP})

SUMMARY_SUFFIXES: dict[str, frozenset[FileKind]] = {
    ".pdf": frozenset({FileKind.PDF}),
    ".docx": frozenset({FileKind.DOCX}),
    ".doc": frozenset({FileKind.DOC, FileKind.RTF, FileKind.DOCX}),
    ".wps": frozenset({FileKind.DOC, FileKind.RTF, FileKind.DOCX}),
    ".png": frozenset({FileKind.PNG}),
    ".jpg": frozenset({FileKind.JPEG}),
    ".jpeg": frozenset({FileKind.JPEG}),
    ".gif": frozenset({FileKind.GIF}),
    ".bmp": frozenset({FileKind.BMP}),
    ".tif": frozenset({FileKind.TIFF}),
    ".tiff": frozenset({FileKind.TIFF}),
    ".webp": frozenset({FileKind.WEBP}),
}
"""Accepted names and the contents each may hold (WPS and Word save .doc files of several
formats; a picture's content must be a picture of the kind its name says, loosely)."""

_IMAGE_SUFFIXES = frozenset(s for s, kinds in SUMMARY_SUFFIXES.items() if kinds <= _IMAGES)


ENCRYPTED = QT_TRANSLATE_NOOP("", "设置了打开密码的 Office 文档")
"""What sniff says of a password-protected Word or Excel file (translated where shown)."""


def _what_else(head: bytes) -> str:
    """A name for content that is none of ours, for the refusal message."""
    if head.startswith(b"MZ"):
        return _tr("Windows 程序（.exe/.dll）")
    if head.startswith(b"\x7fELF"):
        return _tr("Linux 程序")
    if head.startswith((b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        return _tr("压缩包")
    if head.startswith(b"PK"):
        return _tr("ZIP 压缩包或其他 Office 文件")
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"mime-version" in lowered[:200]:
        return _tr("网页（HTML/MHT）")
    return _tr("无法识别的内容")


class UnsafePackage(str):
    """What sniff says of a damaged or unsafe Office package: the whole reason, in words."""


def _zip_kind(path: Path) -> FileKind | str:
    """DOCX for a whole, safe Word 2007+ package (models/received/package_check.py: every
    member read, no DTD, sizes held, the main part's content type a Word document's);
    otherwise what the zip is, in words."""
    try:
        package = check_package(path, WORD_LIMITS)
    except PackageRefused as exc:
        return UnsafePackage(str(exc))
    if package.kind == "docx":
        return FileKind.DOCX
    if package.kind:
        return kind_words(package.kind)
    if "content.xml" in package.content_types:
        return _tr("OpenDocument 文件")
    return _tr("ZIP 压缩包")


def _stream_names_in(path: Path, names: tuple[bytes, ...]) -> set[bytes]:
    """Which of some OLE2 stream names (UTF-16 in the directory) occur in the file."""
    wanted = {n: n.decode("ascii").encode("utf-16-le") for n in names}
    found: set[bytes] = set()
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            window = tail + chunk
            found |= {n for n, enc in wanted.items() if enc in window}
            tail = window[-64:]
    return found


def _ole2_kind(path: Path) -> FileKind | str:
    """DOC for a Word/WPS binary document; otherwise what the compound file is."""
    found = _stream_names_in(path, (b"EncryptionInfo", b"EncryptedPackage", b"WordDocument",
                                    b"Workbook", b"PowerPoint Document"))
    if found & {b"EncryptionInfo", b"EncryptedPackage"}:
        return ENCRYPTED
    if b"WordDocument" in found:
        return FileKind.DOC
    if b"Workbook" in found:
        return _tr("Excel 97-2003 工作簿")
    if b"PowerPoint Document" in found:
        return _tr("PowerPoint 97-2003 演示文稿")
    return _tr("无法识别的 Office 文件")


def sniff(path: Path) -> FileKind | str:
    """The kind of a regular file from its first bytes (and its structure for Office files);
    for anything else, a few words saying what it is."""
    with path.open("rb") as handle:
        head = handle.read(512)
    if head.startswith(b"%PDF-"):
        return FileKind.PDF
    if head.startswith(b"{\\rtf"):
        return FileKind.RTF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return FileKind.JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return FileKind.GIF
    if head.startswith(b"BM") and len(head) > 26:
        return FileKind.BMP
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return FileKind.TIFF
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return FileKind.WEBP
    if head.startswith(OLE2_MAGIC):
        return _ole2_kind(path)
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    return _what_else(head)


def check_readable_file(path: Path, max_bytes: int) -> int:
    """The size of a regular, readable, non-empty file within max_bytes; else FileRefused."""
    info = check_regular_file(path)
    if info is None:
        raise FileRefused(_tr("找不到文件“{0}”。").format(path))
    if info.st_size == 0:
        raise FileRefused(_tr("“{0}”是空文件（0 字节）。").format(path.name))
    if info.st_size > max_bytes:
        raise FileRefused(_tr("“{0}”过大（{1:.1f} MB），最多 {2} MB。").format(
            path.name, info.st_size / 1024 / 1024, max_bytes // 1024 // 1024))
    return info.st_size


def summary_kind(path: Path) -> FileKind:
    """What a summary file is; FileRefused with the reason unless it is a PDF, a Word or WPS
    document, or a picture whose content matches its name."""
    suffix = path.suffix.lower()
    allowed = SUMMARY_SUFFIXES.get(suffix)
    accepted = _tr("活动总结只接收 PDF、Word（.doc/.docx）、WPS（.wps）文档或图片"
                   "（.jpg/.png/.gif/.bmp/.tif/.webp）。")
    if allowed is None:
        raise FileRefused(_tr("“{0}”不是文档或图片（扩展名“{1}”）。").format(
            path.name, suffix or _tr("无")) + accepted)
    check_readable_file(path, MAX_SUMMARY_BYTES)
    try:
        kind = sniff(path)
    except OSError as exc:
        raise FileRefused(_tr("无法读取“{0}”：{1}").format(path.name, exc.strerror or exc)) from exc
    if isinstance(kind, FileKind) and (kind in allowed or (suffix in _IMAGE_SUFFIXES
                                                          and kind.is_image)):
        return kind
    if isinstance(kind, UnsafePackage):
        raise FileRefused(_tr("“{0}”：{1}").format(path.name, kind))
    if kind == ENCRYPTED:
        what = _tr(ENCRYPTED)
    elif isinstance(kind, str):
        what = kind
    else:
        what = _tr("{0} 文件").format(kind.value.upper())
    raise FileRefused(_tr("“{0}”的扩展名是“{1}”，但内容是{2}，不是可接收的文档，已拒绝。").format(
        path.name, suffix, what) + accepted)
