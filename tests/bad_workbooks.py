"""Hostile and malformed returned workbooks, made here from the program's own template.

Each maker takes the seeded store and a folder and returns the path of one bad file; the
tests in test_import_bad_input.py and test_hostile_budget.py feed them to the import.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from exporters.xlsx_template import write_templates

SHEET = "xl/worksheets/sheet1.xml"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def template(store, folder: Path, unit: str = "黄浦", name: str | None = None) -> Path:
    """A unit's fresh template, saved under its own name or another."""
    [path] = write_templates(store.load(), folder / f"{unit}.xlsx", unit=unit, every=False)
    if name is not None:
        path = path.rename(folder / name)
    return path


def filled_template(store, folder: Path, unit: str = "黄浦", name: str | None = None,
                    rows: tuple[tuple[object, ...], ...] = (
                        ("计量惠民进社区", "免费检定血压计", "5月20日", "现场"),)) -> Path:
    """A template with activities typed into its first data rows (B to E)."""
    path = template(store, folder, unit, name)
    wb = load_workbook(path)
    ws = wb["活动安排"]
    for offset, values in enumerate(rows):
        for col, value in enumerate(values, start=2):
            ws.cell(4 + offset, col, value)
    wb.save(path)
    return path


def replace_part(path: Path, part: str, text: str | bytes) -> Path:
    """Rewrite one part of a zip, keeping the rest."""
    buffer = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item.filename, text if item.filename == part else src.read(item))
    return path


def to_shared_strings(path: Path, extra_strings: bytes = b"") -> Path:
    """Store the data sheet's texts in a shared string table, as Excel and WPS save them
    (openpyxl writes them inline); `extra_strings` (<si> elements) go at the table's end."""
    xml = sheet_xml(path)
    strings: list[str] = []

    def shared(match: re.Match) -> str:
        strings.append(match.group(3))
        return f'{match.group(1)}t="s"{match.group(2)}><v>{len(strings) - 1}</v></c>'
    xml = re.sub(r'(<c [^>]*?)t="inlineStr"([^>]*)><is><t[^>]*>(.*?)</t></is></c>', shared, xml)
    table = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}">'.encode()
             + "".join(f'<si><t xml:space="preserve">{t}</t></si>' for t in strings).encode()
             + extra_strings + b"</sst>")
    with zipfile.ZipFile(path) as archive:
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        types = archive.read("[Content_Types].xml").decode()
    rels = rels.replace("</Relationships>", '<Relationship Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/sharedStrings" '
                        'Target="sharedStrings.xml" Id="rIdShared"/></Relationships>')
    types = types.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType='
                          '"application/vnd.openxmlformats-officedocument.spreadsheetml.'
                          'sharedStrings+xml"/></Types>')
    replace_part(path, SHEET, xml.encode("utf-8"))
    replace_part(path, "xl/_rels/workbook.xml.rels", rels.encode())
    replace_part(path, "[Content_Types].xml", types.encode())
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", table)
    return path


def sheet_xml(path: Path) -> str:
    """The data sheet's XML."""
    with zipfile.ZipFile(path) as archive:
        return archive.read(SHEET).decode("utf-8")


def _with_sheet_data(store, folder: Path, rows_xml: str, extra: str = "",
                     dimension: str = "A1:F4") -> Path:
    """The template with its data sheet's rows (and what follows sheetData) replaced."""
    path = template(store, folder)
    xml = sheet_xml(path)
    head = xml[:xml.index("<sheetData")]
    head = head.replace(head[head.index("<dimension"):head.index("/>", head.index("<dimension")) + 2],
                        f'<dimension ref="{dimension}"/>')
    header = ('<row r="3"><c r="A3" t="inlineStr"><is><t>序号</t></is></c>'
              '<c r="B3" t="inlineStr"><is><t>活动名称</t></is></c>'
              '<c r="C3" t="inlineStr"><is><t>活动内容</t></is></c>'
              '<c r="D3" t="inlineStr"><is><t>活动时间</t></is></c>'
              '<c r="E3" t="inlineStr"><is><t>宣传形式</t></is></c>'
              '<c r="F3" t="inlineStr"><is><t>负责单位</t></is></c></row>')
    body = (f'{head}<sheetData>{header}{rows_xml}</sheetData>{extra}</worksheet>')
    return replace_part(path, SHEET, body.encode("utf-8"))


def _data_row(n: int) -> str:
    return (f'<row r="{n}"><c r="B{n}" t="inlineStr"><is><t>活动{n}</t></is></c>'
            f'<c r="D{n}" t="inlineStr"><is><t>5月20日</t></is></c></row>')


# -- §2: files read as the wrong data -------------------------------------------------------


def with_cells(path: Path, cells: dict[tuple[int, int], object], sheet: str = "活动安排",
               insert_column: int | None = None) -> Path:
    """A workbook with some cells (row, column) set, after a column inserted if asked."""
    wb = load_workbook(path)
    ws = wb[sheet]
    if insert_column is not None:
        ws.insert_cols(insert_column)
    for (row, col), value in cells.items():
        ws.cell(row, col, value)
    wb.save(path)
    return path


def header_capture(store, folder: Path) -> Path:
    """A column titled 日期 inserted before 活动名称 (it used to take over 活动时间)."""
    path = filled_template(store, folder, rows=(("计量惠民进社区", "免费检定", "5月20日前", "现场"),))
    return with_cells(path, {(3, 2): "日期", (4, 2): "2021-04-30"}, insert_column=2)


def alias_twice(store, folder: Path) -> Path:
    """名称 and 活动名称 both: two columns that could be the activity's name."""
    return with_cells(filled_template(store, folder), {(3, 8): "名称", (4, 8): "另一个名称"})


def second_data_sheet(store, folder: Path) -> Path:
    """A filled copy of the data sheet, 活动安排 (2), beside the filled original."""
    path = filled_template(store, folder)
    wb = load_workbook(path)
    wb.copy_worksheet(wb["活动安排"]).title = "活动安排 (2)"
    wb.save(path)
    return with_cells(path, {(5, 2): "第二张表里的活动", (5, 4): "5月21日"}, "活动安排 (2)")


def formulas_without_values(store, folder: Path) -> Path:
    """A row made only of formulas, saved without their results (as openpyxl saves them)."""
    return with_cells(template(store, folder), {
        (4, 2): '="计量"&"惠民"', (4, 3): '=B4&"活动"', (4, 4): '="5月"&"20日"'})


def ref_error(store, folder: Path) -> Path:
    """#REF! where the activity's name should be."""
    return filled_template(store, folder, rows=(("#REF!", "内容", "5月20日", "现场"),))


def na_error(store, folder: Path) -> Path:
    """#N/A as the activity's content."""
    return filled_template(store, folder, rows=(("计量惠民", "#N/A", "5月20日", "现场"),))


def merged_header(store, folder: Path) -> Path:
    """The 活动名称 header merged into the first data row."""
    path = filled_template(store, folder, rows=((None, "内容", "5月20日", "现场"),))
    wb = load_workbook(path)
    wb["活动安排"].merge_cells("B3:B4")
    wb.save(path)
    return path


def escaped_controls(store, folder: Path) -> Path:
    """Activities whose text holds OOXML escapes: _x000B_ (a vertical tab, as Excel writes
    an Alt+Enter pasted from elsewhere) and _x005F_x000B_ (the typed text _x000B_), in
    inline strings (as openpyxl writes them)."""
    return filled_template(store, folder, rows=(
        ("计量_x000B_惠民", "第一行_x000D__x000A_第二行", "5月20日", "现场_x0007_"),
        ("字面_x005F_x000B_文字", "内容", "5月21日", "现场"),))


def escaped_controls_shared(store, folder: Path) -> Path:
    """The same escapes in a shared string table, as Excel and WPS save them."""
    return to_shared_strings(escaped_controls(store, folder))


def shared_strings_bomb(store, folder: Path) -> Path:
    """15 million tiny shared strings (270 MB unpacked, 300 KB compressed)."""
    return to_shared_strings(template(store, folder), b"<si><t>ab</t></si>" * 15_000_000)


def renamed_template(store, folder: Path) -> Path:
    """静安's filled template under 黄浦's file name."""
    return filled_template(store, folder, unit="静安", name="黄浦.xlsx")


# -- §3: small files that would fill the memory -----------------------------------------------


def wide_cell(store, folder: Path, rows: int = 99_000) -> Path:
    """99,000 rows, each with one cell in column XFD (about 500 KB compressed)."""
    body = "".join(f'<row r="{n}"><c r="XFD{n}"><v>1</v></c></row>' for n in range(4, rows + 4))
    return _with_sheet_data(store, folder, body)


def declared_width(store, folder: Path) -> Path:
    """A sheet that declares itself 16,384 columns wide."""
    return _with_sheet_data(store, folder, _data_row(4), dimension="A1:XFD4")


def merge_bomb(store, folder: Path, count: int = 2_000) -> Path:
    """2,000 merges down to row 1,048,576 (9 KB compressed)."""
    merges = "".join('<mergeCell ref="A4:A1048576"/>' for _ in range(count))
    return _with_sheet_data(store, folder, _data_row(4),
                            f'<mergeCells count="{count}">{merges}</mergeCells>')


def twenty_merges(store, folder: Path) -> Path:
    """Twenty merges down to row 1,048,576 (this one used to be imported)."""
    return merge_bomb(store, folder, 20)


def many_small_merges(store, folder: Path) -> Path:
    """Twenty thousand two-cell merges."""
    merges = "".join(f'<mergeCell ref="H{n}:I{n}"/>' for n in range(4, 20_004))
    return _with_sheet_data(store, folder, _data_row(4),
                            f'<mergeCells count="20000">{merges}</mergeCells>')


def dev_zero(store, folder: Path) -> Path:
    """A workbook name that is a link to /dev/zero (endless zeros)."""
    path = folder / "z.xlsx"
    path.symlink_to("/dev/zero")
    return path


def fifo(store, folder: Path) -> Path:
    """A named pipe nobody writes to (opening it for reading blocks)."""
    path = folder / "pipe.xlsx"
    os.mkfifo(path)
    return path


def long_name(store, folder: Path) -> Path:
    """A file name of 300 bytes (100 Chinese characters)."""
    return folder / ("长" * 100 + ".xlsx")


def symlink_loop(store, folder: Path) -> Path:
    """A link that points at itself."""
    path = folder / "loop.xlsx"
    path.symlink_to(path)
    return path


def styles_bomb(store, folder: Path) -> Path:
    """A million cell formats in the styles part (70 MB unpacked, 200 KB compressed)."""
    path = template(store, folder)
    xf = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("xl/styles.xml")
    start = styles.index(b"<cellXfs")
    end = styles.index(b"</cellXfs>") + len(b"</cellXfs>")
    body = b'<cellXfs count="1000000">' + xf * 1_000_000 + b"</cellXfs>"
    return replace_part(path, "xl/styles.xml", styles[:start] + body + styles[end:])


def unmarked(path: Path) -> Path:
    """The same workbook without our template's marker: read as a unit's own spreadsheet."""
    from models.template_contract import MARKER_SHEET
    with zipfile.ZipFile(path) as archive:
        index = archive.read("xl/workbook.xml").decode("utf-8")
    return replace_part(path, "xl/workbook.xml",
                        index.replace(f'name="{MARKER_SHEET}"', 'name="说明2"'))


def own_sheet_wide_cell(store, folder: Path) -> Path:
    """A unit's own spreadsheet (no marker) with one cell in column XFD on 99,000 rows."""
    return unmarked(wide_cell(store, folder))


def own_sheet_merge_bomb(store, folder: Path) -> Path:
    """A unit's own spreadsheet (no marker) with 2,000 merges down to row 1,048,576."""
    return unmarked(merge_bomb(store, folder))
