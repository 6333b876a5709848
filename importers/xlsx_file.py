"""Checks of a file before any of its XML is parsed: is it a workbook we may open?"""
from __future__ import annotations

import zipfile
from pathlib import Path

from models.i18n import _tr
from models.template_contract import MAX_BYTES, MAX_UNPACKED

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def file_problem(path: Path) -> str | None:
    """Why the file cannot be a workbook we may open, before any XML is parsed; None if fine."""
    if not path.exists():
        return _tr("文件“{0}”不存在。").format(path)
    if path.is_dir():
        return _tr("“{0}”是一个文件夹，不是 Excel 文件。").format(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        return _tr("文件过大（{0:.1f} MB），最多 {1} MB。").format(
                   size / 1024 / 1024, MAX_BYTES // 1024 // 1024)
    with path.open("rb") as handle:
        head = handle.read(8)
        if head == OLE2_MAGIC:
            handle.seek(0)
            return ole2_problem(handle.read())
    if not zipfile.is_zipfile(path):
        return _tr("不是 Excel 工作簿（.xlsx）：文件内容无法识别，可能是改了扩展名的其他文件。")
    return zip_problem(path)


def ole2_problem(content: bytes) -> str:
    """What an OLE2 compound file is: a password-protected workbook or an old .xls."""
    if "EncryptionInfo".encode("utf-16-le") in content or b"EncryptedPackage" in content:
        return _tr("工作簿设置了打开密码（已加密），无法读取。请取消密码后另存为 .xlsx 再导入。")
    return (_tr("这是旧版 Excel 97-2003（.xls）或其他 Office 文件，或已加密。请在 Excel/WPS 中另存为 .xlsx 后再导入。"))


def zip_problem(path: Path) -> str | None:
    """Problems of the zip container: not a workbook, too big unpacked, DTDs or entities."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names and "[Content_Types].xml" not in names:
                return _tr("这是 ZIP 压缩文件，不是 Excel 工作簿（.xlsx）。")
            if "xl/workbook.xml" not in names:
                return _tr("不是 Excel 工作簿（.xlsx）：可能是 Word 或其他 Office 文件。")
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_UNPACKED:
                return (_tr("文件解压后过大（{0:.0f} MB），可能是“压缩炸弹”，已拒绝读取。").format(unpacked / 1024 / 1024))
            for info in archive.infolist():
                if info.filename.endswith((".xml", ".rels")) and _declares_dtd(archive, info):
                    return (_tr("文件内部的“{0}”含有 DTD/实体声明，可能是“XML 炸弹”或外部实体攻击，已拒绝读取。"
                                "正常的 Excel 文件不含这类内容。").format(info.filename))
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
        return _tr("不是完好的 Excel 工作簿（.xlsx）：{0}").format(exc)
    return None


def _declares_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether an XML part starts with a document type declaration."""
    with archive.open(info) as handle:
        head = handle.read(8192)
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head or b"<\x00!\x00D\x00O\x00C" in head


def parse_failure(exc: Exception) -> str:
    """A user message for an exception raised while openpyxl reads the file."""
    names = set()
    cause: BaseException | None = exc
    while cause is not None and len(names) < 10:  # openpyxl wraps the parser's error
        names.add(type(cause).__name__)
        cause = cause.__cause__ or cause.__context__
    name = type(exc).__name__
    if names & {"EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden",
                "NotSupportedError"}:
        return (_tr("文件含有 XML 实体或外部引用（可能是“XML 炸弹”或外部实体攻击），已拒绝读取。"))
    if name == "InvalidFileException":
        return _tr("不是 Excel 工作簿（.xlsx）。")
    return _tr("工作簿已损坏或格式无法识别，无法读取（{0}: {1}）。").format(name, exc)
