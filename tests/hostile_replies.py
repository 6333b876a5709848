"""Hostile and tricky Word replies and own spreadsheets, made here for the second-round corpus
(tests/test_hostile_round2.py): each maker takes a folder and returns the path of one file.

The Word files start as a clerk's reply made with python-docx (a header row and one 黄浦
activity) and are then changed the way an attacker or an odd program would: a DTD hidden
after a long comment, in UTF-16, or in a main part with another name; a flipped byte; a macro
or template content type; tracked moves and hidden text; spans past the grid; merges with no
start; the table twice; bombs in the main part and in a member nothing refers to.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from docx import Document
from openpyxl import Workbook

HEADER = ["序号", "活动名称", "活动内容", "活动时间"]
ROW = ["1", "活动XYZ名称", "眼镜店计量检查", "5月20日"]
DOCUMENT = "word/document.xml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def reply(folder: Path, rows: list[list[str]] | None = None, name: str = "黄浦回复.docx",
          tables: int = 1) -> Path:
    """A plain reply: a letter line and the table (header and rows), `tables` times."""
    doc = Document()
    doc.add_paragraph("关于报送活动安排的函")
    for _ in range(tables):
        body = [HEADER, *(rows or [ROW])]
        table = doc.add_table(rows=len(body), cols=len(HEADER))
        for cells, texts in zip(table.rows, body, strict=True):
            for cell, text in zip(cells.cells, texts, strict=True):
                cell.text = text
        doc.add_paragraph("")
    path = folder / name
    doc.save(str(path))
    return path


def rewrite(path: Path, change: dict[str, bytes | None], add: dict[str, bytes] | None = None,
            compress: int = zipfile.ZIP_DEFLATED) -> Path:
    """Rewrite some members of a zip (None drops one), keeping the rest; `add` appends."""
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", compress) as out:
        for info in src.infolist():
            data = change.get(info.filename, src.read(info))
            if data is not None:
                out.writestr(info.filename, data)
        for name, data in (add or {}).items():
            out.writestr(name, data)
    return path


def document_xml(path: Path) -> str:
    """The main part's text."""
    with zipfile.ZipFile(path) as archive:
        return archive.read(DOCUMENT).decode("utf-8")


def _with_entity(xml: str) -> str:
    """The reply's XML with a DTD declaring &x; = XYZ, and the name written with it."""
    body = xml.split("?>", 1)[1]
    return body.replace("活动XYZ名称", "活动&x;名称")


def dtd_after_comment(folder: Path) -> Path:
    """An entity declared in a DTD that follows an 18 KB comment (past any 8 KB look)."""
    path = reply(folder)
    body = _with_entity(document_xml(path))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!--' + "x" * 18_000
           + '-->\n<!DOCTYPE w:document [<!ENTITY x "XYZ">]>' + body)
    return rewrite(path, {DOCUMENT: xml.encode("utf-8")})


def dtd_utf16(folder: Path) -> Path:
    """The same DTD in a main part written in UTF-16."""
    path = reply(folder)
    body = _with_entity(document_xml(path))
    xml = ('<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n'
           '<!DOCTYPE w:document [<!ENTITY x "XYZ">]>' + body)
    return rewrite(path, {DOCUMENT: xml.encode("utf-16")})


def dtd_in_renamed_main(folder: Path) -> Path:
    """The DTD in a main part called word/letter.xml (found through the relationship)."""
    path = reply(folder)
    body = _with_entity(document_xml(path))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<!DOCTYPE w:document [<!ENTITY x "XYZ">]>' + body)
    with zipfile.ZipFile(path) as archive:
        types = archive.read("[Content_Types].xml").decode().replace(
            "/word/document.xml", "/word/letter.xml")
        rels = archive.read("_rels/.rels").decode().replace("word/document.xml",
                                                            "word/letter.xml")
        doc_rels = archive.read("word/_rels/document.xml.rels")
    return rewrite(path, {DOCUMENT: None, "[Content_Types].xml": types.encode(),
                          "_rels/.rels": rels.encode(), "word/_rels/document.xml.rels": None},
                   {"word/letter.xml": xml.encode(), "word/_rels/letter.xml.rels": doc_rels})


def _member_offset(path: Path, name: str) -> tuple[int, int]:
    """Where a member's compressed data starts in the file, and its length."""
    data = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    header = info.header_offset
    name_len, extra_len = int.from_bytes(data[header + 26:header + 28], "little"), \
        int.from_bytes(data[header + 28:header + 30], "little")
    return header + 30 + name_len + extra_len, info.compress_size


def bad_crc(folder: Path) -> Path:
    """document.xml stored uncompressed with one letter changed: the CRC no longer fits."""
    path = rewrite(reply(folder), {}, compress=zipfile.ZIP_STORED)
    start, size = _member_offset(path, DOCUMENT)
    data = bytearray(path.read_bytes())
    at = data.index("眼镜店".encode(), start, start + size)
    data[at + 2] ^= 0x01
    path.write_bytes(bytes(data))
    return path


def damaged_deflate(folder: Path) -> Path:
    """document.xml's deflate stream with a run of bytes overwritten in its middle."""
    path = reply(folder)
    start, size = _member_offset(path, DOCUMENT)
    data = bytearray(path.read_bytes())
    middle = start + size // 2
    data[middle:middle + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))
    return path


def _main_type(folder: Path, content_type: str) -> Path:
    path = reply(folder)
    with zipfile.ZipFile(path) as archive:
        types = archive.read("[Content_Types].xml").decode()
    types = re.sub(r'(PartName="/word/document.xml" ContentType=")[^"]+"',
                   rf'\g<1>{content_type}"', types)
    return rewrite(path, {"[Content_Types].xml": types.encode()})


def docm_renamed(folder: Path) -> Path:
    """A macro-enabled document (.docm) saved under a .docx name."""
    return _main_type(folder, "application/vnd.ms-word.document.macroEnabled.main+xml")


def dotx_renamed(folder: Path) -> Path:
    """A Word template (.dotx) saved under a .docx name."""
    return _main_type(
        folder, "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")


def _cell_runs(path: Path, runs: str) -> Path:
    """The name cell's paragraph replaced by these runs (w: prefix, W namespace)."""
    xml = document_xml(path)
    plain = "<w:r><w:t>活动XYZ名称</w:t></w:r>"
    assert plain in xml
    return rewrite(path, {DOCUMENT: xml.replace(plain, runs, 1).encode()})


def moved_from(folder: Path) -> Path:
    """A tracked move: the old place's text (w:moveFrom) before the new (w:moveTo)."""
    return _cell_runs(reply(folder), (
        '<w:moveFrom w:id="1" w:author="a" w:date="2021-04-01T00:00:00Z">'
        "<w:r><w:t>旧位置文字</w:t></w:r></w:moveFrom>"
        '<w:moveTo w:id="2" w:author="a" w:date="2021-04-01T00:00:00Z">'
        "<w:r><w:t>活动名称A</w:t></w:r></w:moveTo>"))


def hidden_text(folder: Path) -> Path:
    """Hidden text (w:vanish) before the visible name, and deleted text after it."""
    return _cell_runs(reply(folder), (
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>"
        "<w:r><w:t>可见名称</w:t></w:r>"
        '<w:del w:id="3" w:author="a" w:date="2021-04-01T00:00:00Z">'
        "<w:r><w:delText>删掉的</w:delText></w:r></w:del>"))


def grid_span_1000(folder: Path) -> Path:
    """gridSpan=1000 in the first data cell (序号) of a four-column table."""
    path = reply(folder)
    xml = document_xml(path)
    rows = xml.split("<w:tr")
    rows[2] = rows[2].replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="1000"/>', 1)
    return rewrite(path, {DOCUMENT: "<w:tr".join(rows).encode()})


def _merge_cells(row_xml: str, columns: set[int]) -> str:
    """A row's XML with <w:vMerge/> (continue) in the cells of these 0-based columns."""
    cells = row_xml.split("<w:tc>")
    for column in columns:
        cells[column + 1] = cells[column + 1].replace("<w:tcPr>", "<w:tcPr><w:vMerge/>", 1)
    return "<w:tc>".join(cells)


def vmerge_without_restart(folder: Path) -> Path:
    """Continued vertical merges (内容, 时间) in the first data row under a header that starts
    none, and a second data row made only of continues."""
    path = reply(folder, rows=[["1", "活动名称B", "", ""], ["", "", "", ""]])
    rows = document_xml(path).split("<w:tr")
    rows[2] = _merge_cells(rows[2], {2, 3})
    rows[3] = _merge_cells(rows[3], {0, 1, 2, 3})
    return rewrite(path, {DOCUMENT: "<w:tr".join(rows).encode()})


def table_twice(folder: Path) -> Path:
    """The same activity table twice in one letter (pasted twice)."""
    return reply(folder, tables=2)


def bomb_in_main(folder: Path) -> Path:
    """document.xml padded with blank space to 12 MB (the part limit is 10 MB)."""
    path = reply(folder)
    xml = document_xml(path)
    at = xml.rindex("</w:body>")
    padded = xml[:at] + " " * (12 * 1024 * 1024) + xml[at:]
    return rewrite(path, {DOCUMENT: padded.encode()})


def bomb_unreferenced(folder: Path, megabytes: int = 310) -> Path:
    """A member nothing refers to that unpacks to 310 MB of blanks (the package limit is
    300 MB), compressed to about 300 KB."""
    path = reply(folder)
    block = b" " * (1 << 20)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive, \
            archive.open("word/media/padding.bin", "w") as member:
        for _ in range(megabytes):
            member.write(block)
    return path


# -- own spreadsheets -------------------------------------------------------------------------


def own_sheet(folder: Path, rows: list[list[object]], name: str = "黄浦活动.xlsx") -> Path:
    """A unit's own workbook (no template marker): a header and these rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    path = folder / name
    wb.save(path)
    return path


def own_formula_in_content(folder: Path) -> Path:
    """A formula saved without its result in 活动内容 only (as openpyxl and scripts save)."""
    return own_sheet(folder, [["1", "计量惠民", '="免费"&"检定"', "5月20日"]])


def own_error_values(folder: Path) -> Path:
    """#REF! as a name and #N/A as a content, saved as Excel saves error values."""
    path = own_sheet(folder, [["1", "ERRNAME", "ERRCONTENT", "5月20日"]])
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    sheet = re.sub(r'<c r="B2" t="inlineStr"><is><t>ERRNAME</t></is></c>',
                   '<c r="B2" t="e"><f>Sheet2!A1</f><v>#REF!</v></c>', sheet)
    sheet = re.sub(r'<c r="C2" t="inlineStr"><is><t>ERRCONTENT</t></is></c>',
                   '<c r="C2" t="e"><v>#N/A</v></c>', sheet)
    assert "#REF!" in sheet and "#N/A" in sheet, sheet
    return rewrite(path, {"xl/worksheets/sheet1.xml": sheet.encode()})


def strict_workbook(folder: Path) -> Path:
    """A workbook whose relationships use the Strict Open XML namespaces."""
    path = own_sheet(folder, [["1", "计量惠民", "内容", "5月20日"]])
    with zipfile.ZipFile(path) as archive:
        rels = archive.read("_rels/.rels").decode()
    rels = rels.replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
                        "http://purl.oclc.org/ooxml/officeDocument/relationships/")
    return rewrite(path, {"_rels/.rels": rels.encode()})


def long_cell(folder: Path) -> Path:
    """Ten million characters in one activity's content."""
    return own_sheet(folder, [["1", "计量惠民", "长" * 10_000_000, "5月20日"]])


def word_long_cell(folder: Path) -> Path:
    """Three million characters in one Word cell (9 MB of XML, under the part limit)."""
    return reply(folder, rows=[["1", "计量惠民", "长" * 3_000_000, "5月20日"]])


def shared_strings_in_worksheets(folder: Path, count: int = 1_100_000) -> Path:
    """A shared string table of 1.1 million entries (past the million cells a sheet may
    have) placed under xl/worksheets/, where a check by folder name would not look."""
    path = own_sheet(folder, [["1", "计量惠民", "内容", "5月20日"]])
    with zipfile.ZipFile(path) as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    sst = ("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
           + "<si><t>ab</t></si>" * count + "</sst>")
    types = types.replace("</Types>", '<Override PartName="/xl/worksheets/strings.xml" '
                          'ContentType="application/vnd.openxmlformats-officedocument.'
                          'spreadsheetml.sharedStrings+xml"/></Types>')
    rels = rels.replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.'
                        'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                        'Target="worksheets/strings.xml"/></Relationships>')
    return rewrite(path, {"[Content_Types].xml": types.encode(),
                          "xl/_rels/workbook.xml.rels": rels.encode()},
                   {"xl/worksheets/strings.xml": sst.encode()})


def relationship_id_twice(folder: Path) -> Path:
    """The workbook's relationships name rId1 twice: one program reads the first target, the
    other the last (a benign sheet for the scan, another for openpyxl)."""
    path = own_sheet(folder, [["1", "计量惠民", "内容", "5月20日"]])
    with zipfile.ZipFile(path) as archive:
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        sheet = archive.read("xl/worksheets/sheet1.xml")
    first = re.search(r'<Relationship [^>]*Id="rId1"[^>]*/>', rels).group(0)
    rels = rels.replace(first, first + first.replace("sheet1.xml", "sheet9.xml"))
    return rewrite(path, {"xl/_rels/workbook.xml.rels": rels.encode()},
                   {"xl/worksheets/sheet9.xml": sheet})


def many_members(folder: Path, count: int = 6000) -> Path:
    """A reply with 6,000 empty members beside its parts (the limit is 5,000)."""
    path = reply(folder)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        for number in range(count):
            archive.writestr(f"word/media/empty{number}.bin", b"")
    return path


def xlsm_renamed(folder: Path) -> Path:
    """A macro-enabled workbook (.xlsm) under a .xlsx name."""
    path = own_sheet(folder, [["1", "计量惠民", "内容", "5月20日"]])
    with zipfile.ZipFile(path) as archive:
        types = archive.read("[Content_Types].xml").decode()
    types = types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet."
                          "main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
    return rewrite(path, {"[Content_Types].xml": types.encode()})


def sheet_name_twice(folder: Path) -> Path:
    """Two sheets named Sheet1 in the workbook's index: the first a real table, the second a
    copy; a reader matching sheets by name scans one and reads the other."""
    path = own_sheet(folder, [["1", "计量惠民", "内容", "5月20日"]])
    with zipfile.ZipFile(path) as archive:
        book = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        types = archive.read("[Content_Types].xml").decode()
        sheet = archive.read("xl/worksheets/sheet1.xml")
    first = re.search(r"<sheet [^>]*/>", book).group(0)
    book = book.replace(first, first + first.replace('sheetId="1"', 'sheetId="9"')
                        .replace('"rId1"', '"rId9"'))
    rels = rels.replace("</Relationships>", '<Relationship Id="rId9" Type="http://schemas.'
                        'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                        'Target="worksheets/sheet9.xml"/></Relationships>')
    types = types.replace("</Types>", '<Override PartName="/xl/worksheets/sheet9.xml" '
                          'ContentType="application/vnd.openxmlformats-officedocument.'
                          'spreadsheetml.worksheet+xml"/></Types>')
    return rewrite(path, {"xl/workbook.xml": book.encode(), "xl/_rels/workbook.xml.rels":
                          rels.encode(), "[Content_Types].xml": types.encode()},
                   {"xl/worksheets/sheet9.xml": sheet})


def lying_sizes(folder: Path) -> Path:
    """document.xml padded with 40 MB of blanks whose headers claim 4 KB unpacked, so a
    check of the declared sizes passes while the stream would run on."""
    path = reply(folder)
    xml = document_xml(path)
    at = xml.rindex("</w:body>")
    rewrite(path, {DOCUMENT: (xml[:at] + " " * (40 << 20) + xml[at:]).encode()})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(DOCUMENT)
        start_dir = archive.start_dir
    claimed = (4096).to_bytes(4, "little")
    data[info.header_offset + 22:info.header_offset + 26] = claimed
    entry = data.index(b"PK\x01\x02", start_dir)
    while True:  # walk the central directory to the entry of document.xml
        name_len = int.from_bytes(data[entry + 28:entry + 30], "little")
        if bytes(data[entry + 46:entry + 46 + name_len]) == DOCUMENT.encode():
            data[entry + 24:entry + 28] = claimed
            break
        extra = int.from_bytes(data[entry + 30:entry + 32], "little")
        comment = int.from_bytes(data[entry + 32:entry + 34], "little")
        entry += 46 + name_len + extra + comment
    path.write_bytes(bytes(data))
    return path


def _bmp_header(width: int, height: int) -> bytes:
    """The header of an uncompressed 32-bit bitmap of this size."""
    size = width * height * 4
    return (b"BM" + (54 + size).to_bytes(4, "little") + bytes(4) + (54).to_bytes(4, "little")
            + (40).to_bytes(4, "little") + width.to_bytes(4, "little")
            + height.to_bytes(4, "little") + (1).to_bytes(2, "little")
            + (32).to_bytes(2, "little") + bytes(4) + size.to_bytes(4, "little")
            + (2835).to_bytes(4, "little") * 2 + bytes(8))


def big_picture_summary(folder: Path, side: int = 4200) -> Path:
    """A summary whose one picture is a white bitmap of 70 MB unpacked (compressed to about
    70 KB): a compile holds every picture in memory."""
    from docx.shared import Cm
    small = folder / "small.bmp"
    small.write_bytes(_bmp_header(4, 4) + b"\xff" * 64)
    doc = Document()
    doc.add_paragraph("黄浦区活动总结")
    doc.add_picture(str(small), width=Cm(4))
    path = folder / "黄浦总结.docx"
    doc.save(str(path))
    with zipfile.ZipFile(path) as archive:
        [picture] = [n for n in archive.namelist() if n.endswith(".bmp")]
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for info in src.infolist():
            if info.filename != picture:
                out.writestr(info.filename, src.read(info))
        with out.open(picture, "w") as member:
            member.write(_bmp_header(side, side))
            row = b"\xff" * (side * 4)
            for _ in range(side):
                member.write(row)
    return path


def hidden_by_style(folder: Path) -> Path:
    """Text hidden through a character style (based on one that hides) and a paragraph style,
    before the visible name."""
    path = _cell_runs(reply(folder), (
        '<w:r><w:rPr><w:rStyle w:val="Secret2"/></w:rPr><w:t>样式隐藏</w:t></w:r>'
        "<w:r><w:t>可见名称</w:t></w:r>"))
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode()
        xml = archive.read(DOCUMENT).decode()
    styles = styles.replace("</w:styles>", (
        '<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/>'
        '<w:rPr><w:vanish/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Secret2"><w:name w:val="Secret2"/>'
        '<w:basedOn w:val="Secret"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="HiddenPara"><w:name w:val="HiddenPara"/>'
        '<w:rPr><w:vanish/></w:rPr></w:style></w:styles>'))
    # the content cell gets a second, hidden paragraph
    xml = xml.replace("<w:t>眼镜店计量检查</w:t></w:r></w:p>",
                      '<w:t>眼镜店计量检查</w:t></w:r></w:p><w:p><w:pPr><w:pStyle '
                      'w:val="HiddenPara"/></w:pPr><w:r><w:t>隐藏段落</w:t></w:r></w:p>', 1)
    return rewrite(path, {"word/styles.xml": styles.encode(), DOCUMENT: xml.encode()})
