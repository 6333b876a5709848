"""A corpus of bad files, made here: each gives a clear message and leaves the database alone."""
from __future__ import annotations

import io
import os
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from exporters.xlsx_template import write_templates
from importers.workbook import import_workbook
from models.entities import Level
from models.template_contract import MARKER_SHEET
from tests import bad_workbooks as bad

BOMB = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
                  for i in range(1, 10))
        + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        "</sheetData></worksheet>")
EXTERNAL = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
            "</sheetData></worksheet>")


def _plain_workbook(path, rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def _replace_part(path, part, text):
    """Rewrite one part of a zip, keeping the rest."""
    buffer = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            out.writestr(item, text if item.filename == part else src.read(item))
    return path


def _template(store, tmp_path, name="黄浦"):
    [path] = write_templates(store.load(), tmp_path / f"{name}.xlsx", unit=name, every=False)
    return path


def _text_file(store, tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("这不是表格\n", encoding="utf-8")
    return path


def _zip_not_xlsx(store, tmp_path):
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as out:
        out.writestr("readme.txt", "hello")
    return path


def _encrypted(store, tmp_path):
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500
                     + "EncryptionInfo".encode("utf-16-le") + b"\0" * 500)
    return path


def _bomb(store, tmp_path):
    return _replace_part(_template(store, tmp_path), "xl/worksheets/sheet1.xml", BOMB)


def _external(store, tmp_path):
    return _replace_part(_template(store, tmp_path), "xl/worksheets/sheet1.xml", EXTERNAL)


def _no_header(store, tmp_path):
    return _plain_workbook(tmp_path / "noheader.xlsx", [["a", "b"], ["计量惠民", "5月20日"]])


def _other_year(store, tmp_path):
    path = _template(store, tmp_path)
    wb = load_workbook(path)
    ws = wb[MARKER_SHEET]
    for row in ws.iter_rows():
        if row[0].value == "year":
            row[1].value = 2020
    wb.save(path)
    return path


def _unknown_unit(store, tmp_path):
    path = _template(store, tmp_path)
    wb = load_workbook(path)
    for row in wb[MARKER_SHEET].iter_rows():
        if row[0].value in ("unit", "unit_short"):
            row[1].value = "火星区市场监管局"
    wb.save(path)
    return path


def _other_unit_in_rows(store, tmp_path):
    path = _template(store, tmp_path)
    wb = load_workbook(path)
    wb["活动安排"].cell(4, 6, "静安区市场监管局")
    wb.save(path)
    return path


def _oversized(store, tmp_path):
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    return path


def _empty_name(store, tmp_path):
    path = _template(store, tmp_path)
    wb = load_workbook(path)
    wb["活动安排"].cell(5, 3, "只有内容没有名称")
    wb.save(path)
    return path


def _too_long(store, tmp_path):
    path = _template(store, tmp_path)
    wb = load_workbook(path)
    wb["活动安排"].cell(4, 3, "长" * 2001)
    wb.save(path)
    return path


CORPUS = {
    "text renamed": (_text_file, "不是 Excel 工作簿"),
    "zip not xlsx": (_zip_not_xlsx, "ZIP 压缩文件"),
    "encrypted": (_encrypted, "密码"),
    "billion laughs": (_bomb, "XML 炸弹"),
    "external entity": (_external, "外部实体"),
    "no header": (_no_header, "找不到表头行"),
    "other year": (_other_year, "2020 年"),
    "unknown unit": (_unknown_unit, "火星区市场监管局”在数据库中不存在"),
    "other unit in rows": (_other_unit_in_rows, "与本表的单位"),
    "oversized": (_oversized, "文件过大"),
    "empty name": (_empty_name, "活动名称为空"),
    "too long": (_too_long, "文字过长"),
    # issue 11 §2: files that used to be imported as the wrong data
    "日期 column before 活动名称": (bad.header_capture,
                                 "B 列（日期）、E 列（活动时间）都可能是“活动时间”"),
    "名称 and 活动名称 columns": (bad.alias_twice, "B 列（活动名称）、H 列（名称）都可能是“活动名称”"),
    "second filled data sheet": (bad.second_data_sheet, "“活动安排”、“活动安排 (2)”"),
    "formulas without results": (bad.formulas_without_values, "请用 Excel 或 WPS 打开文件并保存"),
    "#REF! as the name": (bad.ref_error, "第 4 行 B 列（活动名称）：单元格是 Excel 错误值“#REF!”"),
    "#N/A as the content": (bad.na_error, "第 4 行 C 列（活动内容）：单元格是 Excel 错误值“#N/A”"),
    "header merged into the data": (bad.merged_header, "表头单元格与下面的数据行合并在一起（B3:B4）"),
    # §3 and §4 (those that need a memory limit or may hang run in tests/test_hostile_inputs.py)
    "declared 16,384 columns wide": (bad.declared_width, "16384 列（XFD 列）"),
    "20,000 small merges": (bad.many_small_merges, "合并单元格过多或过大"),
    "file name over 255 bytes": (bad.long_name, "路径太长"),
    "link pointing at itself": (bad.symlink_loop, "循环的符号链接"),
}


def _dump(store):
    return [store.db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("campaigns", "units", "activities", "submissions")]


@pytest.mark.parametrize("name", CORPUS)
def test_bad_file_gives_message_and_changes_nothing(store, tmp_path, name):
    make, expected = CORPUS[name]
    path = make(store, tmp_path)
    before = _dump(store)
    plan = import_workbook(store, path)
    assert not plan.ok
    assert expected in plan.as_text(), plan.as_text()
    assert "未导入" in plan.as_text()
    assert _dump(store) == before


def test_entity_check_does_not_rely_on_prescan(store, tmp_path, monkeypatch):
    """openpyxl's own parser (defusedxml) refuses the bomb too; its error becomes a message."""
    import openpyxl

    from importers import xlsx_file
    assert openpyxl.DEFUSEDXML, "defusedxml must be installed for openpyxl to parse safely"
    monkeypatch.setattr(xlsx_file, "zip_problem", lambda content: None)
    path = _bomb(store, tmp_path)
    plan = import_workbook(store, path)
    assert not plan.ok and "XML 炸弹" in plan.as_text(), plan.as_text()


def test_another_units_template_is_refused_when_a_unit_is_expected(store, tmp_path):
    path = _template(store, tmp_path, "静安")
    before = _dump(store)
    plan = import_workbook(store, path, expected_unit=store.find_unit("黄浦"))
    assert not plan.ok and "静安区市场监管局" in plan.as_text()
    assert _dump(store) == before


def test_problems_are_all_reported_with_row_and_column(store, tmp_path):
    path = _template(store, tmp_path)
    wb = load_workbook(path)
    ws = wb["活动安排"]
    ws.cell(5, 3, "缺名称")
    ws.cell(6, 2, "太长")
    ws.cell(6, 3, "长" * 2001)
    ws.cell(7, 2, "常态")
    ws.cell(7, 4, "常态化开展")
    wb.save(path)
    plan = import_workbook(store, path)
    places = {(p.severity.value, p.row, p.column[0]) for p in plan.problems}
    assert {("错误", 5, "B"), ("错误", 6, "C"), ("警告", 7, "D")} <= places
    assert os.path.exists(path)


def _district_rows(store, unit):
    unit_id = store.find_unit(unit).id
    return [a for a in store.load().by_level(Level.DISTRICT) if a.unit_id == unit_id]


@pytest.mark.parametrize("make", [bad.escaped_controls, bad.escaped_controls_shared],
                         ids=["inline strings", "shared strings"])
def test_escaped_control_characters_are_decoded_then_cleaned(store, tmp_path, make):
    """_x000B_ is Excel's escape of a vertical tab: it becomes a line break as typed text
    does; _x005F_x000B_ is the typed text _x000B_ and stays that text (openpyxl alone
    would turn it into _x000B_ in a shared string table)."""
    plan = import_workbook(store, make(store, tmp_path))
    assert plan.ok, plan.as_text()
    first, second = _district_rows(store, "黄浦")
    assert (first.name, first.content, first.publicity_forms) == (
        "计量\n惠民", "第一行\n第二行", "现场")
    assert second.name == "字面_x000B_文字"


def test_a_renamed_template_is_imported_for_its_marker_with_a_warning(store, tmp_path):
    path = bad.renamed_template(store, tmp_path)
    assert path.name == "黄浦.xlsx"
    plan = import_workbook(store, path)
    assert plan.ok and plan.unit.name == "静安区市场监管局"
    [warning] = plan.warnings
    assert "黄浦.xlsx" in warning.message and "黄浦区市场监管局" in warning.message
    assert "模板标记属于“静安区市场监管局”" in warning.message
    assert [a.name for a in _district_rows(store, "静安")] == ["计量惠民进社区"]


def test_other_content_is_reported_not_dropped_silently(store, tmp_path):
    """A notes sheet and a column the template does not have are named in warnings; the
    table itself is imported."""
    path = bad.filled_template(store, tmp_path)
    wb = load_workbook(path)
    wb.create_sheet("备注").cell(1, 1, "联系人：张三")
    ws = wb["活动安排"]
    ws.cell(3, 7, "联系电话")
    ws.cell(4, 7, "021-12345678")
    wb.save(path)
    plan = import_workbook(store, path)
    assert plan.ok, plan.as_text()
    text = plan.as_text()
    assert "工作表“备注”：这张工作表有内容，但没有活动表的表头，未导入。" in text
    assert "不导入附件的列：“联系电话”（G 列）。这些列的内容保存在每条活动的“备注”中" in text
    assert [a.remarks for a in _district_rows(store, "黄浦")] == ["联系电话：021-12345678"]
    assert [a.name for a in _district_rows(store, "黄浦")] == ["计量惠民进社区"]
