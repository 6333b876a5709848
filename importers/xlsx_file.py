"""Checks of a file before any of its XML is parsed: is it a workbook we may open?"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from models.db.files import FileRefused, read_regular_file
from models.i18n import _tr
from models.received.package_check import (
    SHARED_STRINGS,
    WORKSHEET,
    Limits,
    PackageRefused,
    check_package,
    kind_words,
)
from models.template_contract import MAX_BYTES, MAX_CELLS, MAX_PART_BYTES, MAX_UNPACKED

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_workbook_file(path: Path) -> tuple[bytes | None, str | None]:
    """The file's content, read once (a regular file only, within the size limit), and why it
    cannot be a workbook we may open, before any XML is parsed: (content, None) when fine."""
    try:
        content = read_regular_file(path, MAX_BYTES, _tr("Excel 文件"))
    except FileRefused as exc:
        return None, str(exc)
    problem = content_problem(content)
    return (None, problem) if problem else (content, None)


def file_problem(path: Path) -> str | None:
    """Why the file cannot be a workbook we may open, before any XML is parsed; None if fine."""
    return read_workbook_file(path)[1]


def content_problem(content: bytes) -> str | None:
    """Why these bytes cannot be a workbook we may open; None if fine."""
    if content[:8] == OLE2_MAGIC:
        return ole2_problem(content)
    if not zipfile.is_zipfile(io.BytesIO(content)):
        return _tr("不是 Excel 工作簿（.xlsx）：文件内容无法识别，可能是改了扩展名的其他文件。")
    return zip_problem(content)


def ole2_problem(content: bytes) -> str:
    """What an OLE2 compound file is: a password-protected workbook or an old .xls."""
    if "EncryptionInfo".encode("utf-16-le") in content or b"EncryptedPackage" in content:
        return _tr("工作簿设置了打开密码（已加密），无法读取。请取消密码后另存为 .xlsx 再导入。")
    return (_tr("这是旧版 Excel 97-2003（.xls）或其他 Office 文件，或已加密。请在 Excel/WPS 中另存为 .xlsx 后再导入。"))


EXCEL_LIMITS = Limits(unpacked=MAX_UNPACKED, xml_part=MAX_PART_BYTES,
                      streamed_types=frozenset({WORKSHEET, SHARED_STRINGS}))
"""Sheets are scanned as they are read (importers/xlsx_scan.py); shared strings are counted
below; every other XML part openpyxl reads whole is held to MAX_PART_BYTES."""


def zip_problem(content: bytes) -> str | None:
    """Problems of the zip container: not a workbook, damaged, too big unpacked, DTDs or
    entities anywhere, a shared string table too long (found by content type and by
    relationship, whatever its name), a macro, template or Strict Open XML package."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
        return _tr("不是完好的 Excel 工作簿（.xlsx）：{0}").format(exc)
    if "[Content_Types].xml" not in names:
        return _tr("这是 ZIP 压缩文件，不是 Excel 工作簿（.xlsx）。")
    try:
        package = check_package(content, EXCEL_LIMITS)
    except PackageRefused as exc:
        return str(exc)
    if package.kind == "strict":
        return _tr("这是“Strict Open XML”格式的工作簿，本程序无法读取。请在 Excel 中“另存为”"
                   "“Excel 工作簿（.xlsx）”（不要选 Strict Open XML）后再导入。")
    if package.kind in ("docx", "docm", "dotx", "dotm", "pptx"):
        return _tr("不是 Excel 工作簿（.xlsx）：这是{0}。").format(kind_words(package.kind))
    if package.kind != "xlsx":
        return _tr("这是{0}，不是 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 中“另存为”"
                   "“Excel 工作簿（.xlsx）”后再导入。").format(kind_words(package.kind))
    strings = {p for p, t in package.content_types.items() if t == SHARED_STRINGS}
    strings |= set(package.targets(package.main_part, "/sharedStrings"))
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for part in sorted(strings & names):
            count = _count_shared_strings(archive, archive.getinfo(part))
            if count > MAX_CELLS:
                return _tr("文件内部的共享文字表有 {0} 条以上，超过一个工作表的单元格上限 {1}，"
                           "不是正常的 Excel 文件，已拒绝读取。").format(count, MAX_CELLS)
    return None


_SHARED_STRING = re.compile(rb"<(?:\w+:)?si[\s/>]")


def _count_shared_strings(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """How many entries a shared string table has (counted in its bytes, stopping past the
    limit), without parsing it."""
    count = 0
    tail = b""
    with archive.open(info) as stream:
        while count <= MAX_CELLS and (chunk := stream.read(1 << 20)):
            data = tail + chunk
            count += len(_SHARED_STRING.findall(data, 0, len(data) - 8))
            tail = data[len(data) - 8:]
        count += len(_SHARED_STRING.findall(tail))
    return count


def parse_failure(exc: Exception) -> str:
    """A user message for an exception raised while openpyxl reads the file."""
    names = set()
    cause: BaseException | None = exc
    while cause is not None and len(names) < 10:  # openpyxl wraps the parser's error
        names.add(type(cause).__name__)
        cause = cause.__cause__ or cause.__context__
    name = type(exc).__name__
    if "MemoryError" in names:  # the checks before keep real files far from this: a last net
        return _tr("文件内容过多，读取时内存不足，已拒绝读取。")
    if names & {"EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden",
                "NotSupportedError"}:
        return (_tr("文件含有 XML 实体或外部引用（可能是“XML 炸弹”或外部实体攻击），已拒绝读取。"))
    if name == "InvalidFileException":
        return _tr("不是 Excel 工作簿（.xlsx）。")
    return _tr("工作簿已损坏或格式无法识别，无法读取（{0}: {1}）。").format(name, exc)
