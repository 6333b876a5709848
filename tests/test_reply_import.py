"""Replies that are not our template: Word tables and units' own spreadsheets, in the shapes
units really send, and what is refused."""
from __future__ import annotations

import os
import shutil

import pytest
from docx import Document

from exporters.docx_appendix import export_appendix
from importers.reply_docx import read_reply_docx
from importers.reply_headers import match_header
from importers.reply_import import check_reply
from importers.reply_sheet import read_reply_sheet
from models.received import soffice
from tests.reply_shapes import (
    libreoffice_round_trip,
    table_in_letter,
    titled_sheet,
    two_unit_table,
    unit_made_table,
)

needs_office = pytest.mark.skipif(shutil.which("soffice") is None,
                                  reason="LibreOffice not installed")


def _rows(plan):
    return [(a.group_no, a.position, a.name, a.content, a.time_text, a.publicity_forms,
             a.responsible) for a in plan.activities]


def _errors(plan):
    return "\n".join(p.as_text() for p in plan.errors)


# -- header matching ---------------------------------------------------------------------------


def test_headers_match_by_alias_in_any_order_and_aliases_are_data():
    found = match_header(["承办单位", "活动主题", "时 间", "备注（选填）"])
    assert found.columns == {"responsible": 0, "name": 1, "time_text": 2}
    assert found.unknown == {3: "备注（选填）"}
    assert match_header(["姓名", "电话"]) is None
    assert match_header(["活动名称"]) is None, "a header names the activity and one more field"
    own = {"name": ("节目",), "time_text": ("档期",)}
    assert match_header(["档期", "节目"], own).columns == {"time_text": 0, "name": 1}


# -- the five shapes ------------------------------------------------------------------------


def test_our_own_export_edited_in_word(campaign_data, tmp_path, qapp):
    path = tmp_path / "附件-黄浦修改.docx"
    export_appendix(campaign_data, path)
    doc = Document(str(path))
    district = doc.tables[-1]
    row = next(r for r in district.rows if r.cells[-1].text == "黄浦区市场监管局")
    row.cells[1].text = "计量惠民（修改）"
    row.cells[2].add_paragraph("新增：进社区宣传")
    doc.save(str(path))
    plan = check_reply(campaign_data, path, unit_text="黄浦")
    assert plan.ok, _errors(plan)
    [activity] = plan.activities
    assert activity.name == "计量惠民（修改）"
    assert activity.content.endswith("\n新增：进社区宣传")
    assert "跳过了其他单位的行" in plan.as_text()
    jinshan = check_reply(campaign_data, path, unit_text="金山")  # group 12: merged cells
    original = [a for a in campaign_data.by_level("区级") if a.group_no == 12]
    assert [(a.name, a.content, a.time_text, a.responsible) for a in jinshan.activities] == [
        (a.name, a.content, a.time_text, a.responsible) for a in original]
    refused = check_reply(campaign_data, path)
    assert not refused.ok and "多个单位" in _errors(refused) and "--unit" in _errors(refused)


@needs_office
@pytest.mark.slow
def test_our_own_export_after_a_libreoffice_round_trip(campaign_data, tmp_path, qapp):
    path = tmp_path / "附件.docx"
    export_appendix(campaign_data, path)
    again = libreoffice_round_trip(path, tmp_path / "lo")
    plan = check_reply(campaign_data, again, unit_text="青浦")  # group 14: three merged rows
    original = [a for a in campaign_data.by_level("区级") if a.group_no == 14]
    assert plan.ok, _errors(plan)
    assert [(a.name, a.content, a.time_text) for a in plan.activities] == [
        (a.name, a.content, a.time_text) for a in original]


def test_unit_made_table_with_renamed_reordered_columns_and_merged_cells(campaign_data,
                                                                         tmp_path):
    plan = check_reply(campaign_data, unit_made_table(tmp_path / "reply.docx"))
    assert plan.ok, _errors(plan)
    assert plan.unit.short_name == "黄浦"
    group = next(a.group_no for a in campaign_data.activities
                 if a.level == "区级" and a.unit_id == plan.unit.id)
    assert _rows(plan) == [
        (group, 1, "计量惠民", "免费检定血压计\n现场咨询", "5月20日", "现场", "黄浦区市场监管局"),
        (group, 2, "计量进社区", "社区宣传", "5月18日", "展板", "黄浦区市场监管局"),
        (group, 3, "诚信计量示范", "示范店授牌", "5月下旬", "示范店授牌", "黄浦区市场监管局"),
    ]
    assert [len(plan.replaced)] == [1]


def test_table_inside_a_letter_unit_from_the_file_name(campaign_data, tmp_path):
    plan = check_reply(campaign_data, table_in_letter(tmp_path / "静安区复函.docx"))
    assert plan.ok, _errors(plan)
    assert [(a.name, a.content, a.time_text, a.responsible) for a in plan.activities] == [
        ("计量惠民", "进商场检查计量器具", "5月20日", "静安区市场监管局"),
        ("科普讲座", "计量与健康\n讲座两场", "5月19日至21日", "静安区市场监管局"),
    ]


def test_without_any_way_to_tell_the_unit_the_import_says_how(campaign_data, tmp_path):
    plan = check_reply(campaign_data, table_in_letter(tmp_path / "复函.docx"))
    assert not plan.ok and not plan.activities
    message = _errors(plan)
    assert "--unit" in message and "改名" in message and "复函.docx" in message


def test_spreadsheet_with_title_rows_and_notes(campaign_data, tmp_path):
    reading = read_reply_sheet(titled_sheet(tmp_path / "own.xlsx"), 2021)
    assert reading.ok and reading.tables[0].header_line == 4
    plan = check_reply(campaign_data, tmp_path / "own.xlsx")
    assert plan.ok, _errors(plan)
    assert [(a.name, a.content, a.time_text, a.responsible) for a in plan.activities] == [
        ("计量惠民", "检定血压计\n发放资料", "5月20日", "徐汇区市场监管局"),
        ("计量惠民", "走进菜场", "5月21日", "徐汇区市场监管局"),
        ("开放日", "实验室开放", "5月下旬", "徐汇区市场监管局"),
    ]


def test_two_unit_table_is_refused_without_unit_and_split_with_it(campaign_data, tmp_path):
    path = two_unit_table(tmp_path / "汇总.docx")
    refused = check_reply(campaign_data, path)
    assert not refused.ok
    assert "黄浦区市场监管局、静安区市场监管局" in _errors(refused) and "--unit" in _errors(refused)
    plan = check_reply(campaign_data, path, unit_text="黄浦")
    assert plan.ok and [a.name for a in plan.activities] == ["计量惠民", "计量咨询"]
    assert "静安区市场监管局 1 行" in plan.as_text()


# -- bad input ------------------------------------------------------------------------------


def test_a_document_without_a_matching_table_names_what_it_found(campaign_data, tmp_path):
    doc = Document()
    doc.add_paragraph("我局活动安排见正文。")
    table = doc.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["联系人", "职务", "电话"], strict=True):
        cell.text = text
    doc.save(str(tmp_path / "黄浦.docx"))
    plan = check_reply(campaign_data, tmp_path / "黄浦.docx")
    message = _errors(plan)
    assert "没有找到活动安排表" in message and "联系人、职务、电话" in message
    assert "活动名称（或 活动主题、项目" in message


def test_columns_without_a_place_never_refuse_and_are_kept_as_remarks(campaign_data,
                                                                      tmp_path):
    doc = Document()
    table = doc.add_table(rows=2, cols=5)
    for row, texts in zip(table.rows, [["活动名称", "活动时间", "地点", "联系人", "备注"],
                                       ["计量惠民", "5月20日", "人民广场", "张三", ""]],
                          strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    doc.save(str(tmp_path / "黄浦.docx"))
    plan = check_reply(campaign_data, tmp_path / "黄浦.docx")
    assert plan.ok, _errors(plan)
    [row] = plan.activities
    assert (row.name, row.time_text, row.remarks) == ("计量惠民", "5月20日",
                                                      "地点：人民广场\n联系人：张三")
    warned = "\n".join(p.as_text() for p in plan.warnings)
    assert "不导入附件的列：“地点”（第 3 列）、“联系人”（第 4 列）" in warned
    assert "备注”（第 5 列）" not in warned, "an empty column is no problem"


def test_password_protected_corrupt_huge_and_renamed_files(campaign_data, tmp_path):
    locked = tmp_path / "黄浦.docx"
    body = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 3000)
    body[1000:1000 + 28] = "EncryptionInfo".encode("utf-16-le")
    locked.write_bytes(bytes(body))
    assert "打开密码" in _errors(check_reply(campaign_data, locked))
    good = unit_made_table(tmp_path / "good.docx").read_bytes()
    broken = tmp_path / "坏.docx"
    broken.write_bytes(good[: len(good) // 2])
    assert "损坏" in _errors(check_reply(campaign_data, broken))
    huge = tmp_path / "大.docx"
    with huge.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    assert "过大（200.0 MB）" in _errors(check_reply(campaign_data, huge))
    exe = tmp_path / "程序.docx"
    exe.write_bytes(b"MZ\x90\x00" + os.urandom(2000))
    assert "Windows 程序" in _errors(check_reply(campaign_data, exe))


def test_a_docx_with_an_xml_bomb_is_refused(campaign_data, tmp_path):
    import zipfile
    source = unit_made_table(tmp_path / "ok.docx")
    bomb = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(bomb, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
            out.writestr(info, data)
    assert "XML 炸弹" in _errors(check_reply(campaign_data, bomb))


def test_a_word97_reply_without_libreoffice_says_save_as_docx(campaign_data, tmp_path,
                                                              monkeypatch):
    from tests.conftest import REPO
    monkeypatch.setattr(soffice, "find_soffice", lambda: None)
    plan = check_reply(campaign_data, REPO / "tests" / "data" / "summary_word97.doc")
    assert "另存为”Word 文档（.docx）" in _errors(plan)


@needs_office
@pytest.mark.slow
def test_a_word97_reply_is_converted_by_libreoffice(campaign_data, tmp_path):
    import subprocess
    source = unit_made_table(tmp_path / "黄浦回复.docx")
    # through .odt: LibreOffice drops python-docx's tables going straight from .docx to .doc
    for fmt, src, out in (("odt", source, "odt"), ("doc", tmp_path / "odt" / "黄浦回复.odt", "doc")):
        subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                        "--headless", "--convert-to", fmt, "--outdir", str(tmp_path / out),
                        str(src)], check=True, capture_output=True, timeout=180)
    plan = check_reply(campaign_data, tmp_path / "doc" / "黄浦回复.doc")
    assert plan.ok, _errors(plan)
    assert [a.name for a in plan.activities] == ["计量惠民", "计量进社区", "诚信计量示范"]


def test_a_sheet_header_below_row_30_is_not_taken(campaign_data, tmp_path):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    for _ in range(30):
        ws.append(["说明文字"])
    ws.append(["活动名称", "活动时间"])
    ws.append(["计量惠民", "5月20日"])
    wb.save(tmp_path / "黄浦.xlsx")
    message = _errors(check_reply(campaign_data, tmp_path / "黄浦.xlsx"))
    assert "没有找到活动安排表" in message and "工作表“Sheet”：说明文字" in message


def test_reading_a_reply_changes_nothing(store, tmp_path):
    before = store.load()
    check_reply(before, unit_made_table(tmp_path / "r.docx"))
    read_reply_docx(tmp_path / "r.docx")
    after = store.load()
    assert [(a.id, a.name) for a in after.activities] == [(a.id, a.name) for a in before.activities]


def test_a_table_of_another_unit_is_refused_as_such(campaign_data, tmp_path):
    plan = check_reply(campaign_data, unit_made_table(tmp_path / "r.docx"), unit_text="徐汇")
    assert [p.as_text() for p in plan.problems] == [
        "【错误】这份表是“黄浦区市场监管局”的，不是“徐汇区市场监管局”的；请选择正确的单位或文件。"]


def test_header_aliases_come_from_the_fields_table(monkeypatch):
    from dataclasses import replace

    from models import fields
    changed = tuple(replace(f, aliases=(*f.aliases, "节目名称")) if f.attr == "name" else f
                    for f in fields.FIELDS)
    assert match_header(["节目名称", "活动时间"]) is None
    monkeypatch.setattr(fields, "FIELDS", changed)
    assert match_header(["节目名称", "活动时间"]).columns == {"name": 0, "time_text": 1}
