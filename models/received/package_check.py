"""Checks of an Office Open XML package (Word or Excel) before any of its XML is parsed.

Every member is read through once, so a bad CRC or a damaged deflate stream anywhere is found
and named; every part that is XML by its content type (or name) is searched whole for a DTD
or entity declaration, in UTF-8 and UTF-16/32 alike; the sizes that matter are held for each
member as it really unpacks, whatever it is called; and the main part's content type, found
through the package's relationship, says what the package really is (a .docm, a template,
Strict Open XML, a workbook named .docx …).
"""
from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from models.i18n import _tr

MAX_MEMBERS = 5000
"""A letter with a few hundred pictures has fewer members; a zip of more is no document."""
_CHUNK = 1 << 20
_DECLARATIONS = tuple(
    word.encode(codec) for word in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
_OVERLAP = max(len(d) for d in _DECLARATIONS)

OFFICE_DOCUMENT = "/officeDocument"
STRICT_NAMESPACE = "http://purl.oclc.org/ooxml/"

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

_MAIN_KINDS = {
    WORD_MAIN: "docx",
    "application/vnd.ms-word.document.macroEnabled.main+xml": "docm",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "dotx",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "dotm",
    EXCEL_MAIN: "xlsx",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "xlsm",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xltx",
    "application/vnd.ms-excel.template.macroEnabled.main+xml": "xltm",
    "application/vnd.ms-excel.sheet.binary.macroEnabled.main": "xlsb",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
}


def kind_words(kind: str) -> str:
    """What a package of a kind is, in the user's words."""
    return {
        "docx": _tr("Word 文档（.docx）"),
        "docm": _tr("启用宏的 Word 文档（.docm）"),
        "dotx": _tr("Word 模板（.dotx）"),
        "dotm": _tr("启用宏的 Word 模板（.dotm）"),
        "xlsx": _tr("Excel 工作簿（.xlsx）"),
        "xlsm": _tr("启用宏的 Excel 工作簿（.xlsm）"),
        "xltx": _tr("Excel 模板（.xltx）"),
        "xltm": _tr("启用宏的 Excel 模板（.xltm）"),
        "xlsb": _tr("Excel 二进制工作簿（.xlsb）"),
        "pptx": _tr("PowerPoint 演示文稿（.pptx）"),
        "strict": _tr("“Strict Open XML”格式的文档"),
    }.get(kind, _tr("无法识别的 Office 文件"))


class PackageRefused(Exception):
    """A package that must not be parsed; the text says why, naming the member."""


@dataclass(frozen=True, slots=True)
class Limits:
    """How much a package may unpack to: in all, per XML part, per part kept whole in memory."""

    unpacked: int
    xml_part: int
    streamed_types: frozenset[str] = frozenset()
    """Content types whose parts are read as a stream (worksheets): only `unpacked` holds."""
    other_part: int | None = None
    """Unpacked bytes of one part that is not XML (a picture); None: only `unpacked` holds."""


@dataclass(slots=True)
class Package:
    """What the check learned: the main part's kind and each part's content type."""

    kind: str
    main_part: str
    content_types: dict[str, str] = field(default_factory=dict)
    relationships: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    """Source part ('' for the package) -> (id, type, target part) of its relationships."""

    def targets(self, source: str, rel_suffix: str) -> list[str]:
        """Parts a source part reaches by relationships whose type ends with rel_suffix."""
        return [t for _i, kind, t in self.relationships.get(source, ()) if kind.endswith(rel_suffix)]


def member_count(data: bytes | Path) -> int:
    """How many members the end-of-central-directory record announces (0xFFFF: a zip64
    count, taken as too many), read before the central directory is loaded."""
    if isinstance(data, Path):
        with data.open("rb") as handle:
            handle.seek(0, io.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 65557))
            tail = handle.read()
    else:
        tail = data[-65557:]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return 0
    return struct.unpack("<H", tail[at + 10:at + 12])[0]


def _declares_dtd(chunk: bytes) -> bool:
    """Whether bytes hold a DTD or entity declaration in any of the XML encodings."""
    return any(d in chunk for d in _DECLARATIONS)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, is_xml: bool,
                 limit: int) -> bytes | None:
    """Read a member through (checking its CRC and stream); search XML for declarations;
    return its content when it is small XML the check itself parses."""
    total = 0
    tail = b""
    keep = info.filename in ("[Content_Types].xml",) or info.filename.endswith(".rels")
    kept: list[bytes] = []
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            total += len(chunk)
            if total > limit:
                raise PackageRefused(_tr("文件内部的“{0}”解压后超过 {1} MB：内容过多（如文字过长、"
                                         "格式过多或图片过大），或是“压缩炸弹”，已拒绝读取。").format(
                    info.filename, limit // 1024 // 1024))
            if is_xml and _declares_dtd(tail + chunk):
                raise PackageRefused(_tr("文件内部的“{0}”含有 DTD/实体声明，可能是“XML 炸弹”"
                                         "或外部实体攻击，已拒绝读取。Word、WPS 和 Excel 也不会打开"
                                         "这样的文件。").format(info.filename))
            tail = chunk[-_OVERLAP:]
            if keep:
                kept.append(chunk)
    return b"".join(kept) if keep else None


def _content_types(xml: bytes | None) -> tuple[dict[str, str], dict[str, str]]:
    """(defaults by extension, overrides by part name) from [Content_Types].xml."""
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    if not xml:
        return defaults, overrides
    for element in ElementTree.fromstring(xml):
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "Default":
            defaults[element.get("Extension", "").lower()] = element.get("ContentType", "")
        elif tag == "Override":
            overrides[element.get("PartName", "").lstrip("/")] = element.get("ContentType", "")
    return defaults, overrides


def _type_of(name: str, defaults: dict[str, str], overrides: dict[str, str]) -> str:
    """A member's content type."""
    if name in overrides:
        return overrides[name]
    return defaults.get(name.rsplit(".", 1)[-1].lower() if "." in name else "", "")


def _is_xml(name: str, content_type: str) -> bool:
    """Whether a part is parsed as XML: by its content type, or by its name."""
    return (content_type.endswith("xml") or name.endswith((".xml", ".rels"))
            or name == "[Content_Types].xml")


def _source_of(rels_name: str) -> str:
    """The part a relationships part belongs to ('' for the package's own)."""
    folder, base = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), base[:-len(".rels")]).lstrip("/")


def _relationships(rels_name: str, xml: bytes) -> list[tuple[str, str, str]]:
    """(id, type, target part) of one relationships part (internal targets only)."""
    source = _source_of(rels_name)
    base = posixpath.dirname(source)
    out = []
    for element in ElementTree.fromstring(xml):
        if element.get("TargetMode") == "External":
            continue
        target = element.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join(base, target))
        out.append((element.get("Id", ""), element.get("Type", ""), part))
    ids = [rel_id for rel_id, _type, _part in out]
    if len(set(ids)) != len(ids):
        raise PackageRefused(_tr("文件内部的“{0}”中有重复的关系编号，不同的程序会读到不同的"
                                 "部分，已拒绝读取。").format(rels_name))
    return out


def check_package(source: bytes | Path, limits: Limits) -> Package:
    """Read a package through and say what it is; PackageRefused naming what is wrong."""
    if member_count(source) > MAX_MEMBERS:
        raise PackageRefused(_tr("文件内部的成员超过 {0} 个，不是正常的文档，已拒绝读取。").format(
            MAX_MEMBERS))
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) \
                as archive:
            return _check_archive(archive, limits)
    except PackageRefused:
        raise
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc):
            raise PackageRefused(_tr("文件已损坏：内部的压缩数据校验失败（CRC 错误，{0}）。"
                                     "请让报送单位重新发送。").format(exc)) from exc
        raise PackageRefused(_tr("文件已损坏，不是完整的压缩包（{0}）。").format(exc)) from exc
    except (zlib.error, EOFError) as exc:
        raise PackageRefused(_tr("文件已损坏：内部的压缩数据流无法解压（{0}）。"
                                 "请让报送单位重新发送。").format(exc)) from exc
    except (NotImplementedError, RuntimeError) as exc:  # unknown compression, encrypted member
        raise PackageRefused(_tr("文件内部的数据无法解压（{0}）。").format(exc)) from exc
    except ElementTree.ParseError as exc:
        raise PackageRefused(_tr("文件内部的索引（内容类型或关系）不是有效的 XML（{0}）。").format(
            exc)) from exc


def _check_archive(archive: zipfile.ZipFile, limits: Limits) -> Package:
    """check_package on an open archive."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PackageRefused(_tr("文件内部的成员超过 {0} 个，不是正常的文档，已拒绝读取。").format(
            MAX_MEMBERS))
    unpacked = sum(info.file_size for info in infos)
    if unpacked > limits.unpacked:
        raise PackageRefused(_tr("文件解压后过大（{0:.0f} MB），可能是“压缩炸弹”，已拒绝读取。").format(
            unpacked / 1024 / 1024))
    by_name = {info.filename: info for info in infos}
    if len(by_name) != len(infos):
        twice = next(n for n in by_name if sum(i.filename == n for i in infos) > 1)
        raise PackageRefused(_tr("文件内部有两个同名的成员“{0}”，不同的程序会读到不同的内容，"
                                 "已拒绝读取。").format(twice))
    types_info = by_name.get("[Content_Types].xml")
    types_xml = _read_member(archive, types_info, True, limits.xml_part) if types_info else None
    defaults, overrides = _content_types(types_xml)
    package = Package("", "")
    for info in infos:
        if info is types_info or info.is_dir():
            continue
        content_type = _type_of(info.filename, defaults, overrides)
        package.content_types[info.filename] = content_type
        streamed = content_type in limits.streamed_types
        is_xml = _is_xml(info.filename, content_type)
        if streamed:
            limit = limits.unpacked
        elif is_xml:
            limit = limits.xml_part
        else:
            limit = limits.other_part or limits.unpacked
        data = _read_member(archive, info, is_xml, limit)
        if data is not None and info.filename.endswith(".rels"):
            package.relationships[_source_of(info.filename)] = _relationships(info.filename, data)
    package_rels = by_name.get("_rels/.rels")
    for _id, rel_type, target in package.relationships.get("", ()):
        if rel_type.endswith(OFFICE_DOCUMENT):
            package.main_part = target
            if rel_type.startswith(STRICT_NAMESPACE):
                package.kind = "strict"
            else:
                package.kind = _MAIN_KINDS.get(package.content_types.get(target, ""), "")
            break
    if package_rels is None and not package.main_part:
        package.kind = ""
    return package
