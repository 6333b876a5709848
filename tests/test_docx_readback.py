"""Reading the attachment tables back from .docx: our exports and tables typed by hand."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from exporters.docx_appendix import export_appendix
from exporters.docx_notice import export_notice
from importers.docx_reader import read_appendix
from models.entities import Activity, CampaignData, Level
from models.errors import ReadError
from models.fields import text_attrs


def rows(activities: list[Activity]) -> list[tuple]:
    """What a reader must give back: level, group, position and every text field."""
    return [(a.level, a.group_no, a.position, *(getattr(a, f) for f in text_attrs()))
            for a in activities]


def stored(data: CampaignData) -> list[tuple]:
    """The store's rows in attachment order."""
    return rows(data.by_level(Level.MUNICIPAL) + data.by_level(Level.DISTRICT))


@pytest.mark.parametrize("export", [export_appendix, export_notice])
def test_round_trip_equals_the_store(campaign_data, tmp_path, export):
    target = tmp_path / "out.docx"
    export(campaign_data, target)
    assert rows(read_appendix(target)) == stored(campaign_data)


def test_round_trip_of_many_generated_rows(campaign_data, tmp_path):
    activities = []
    for group in range(1, 41):
        for position in range(1, group % 3 + 2):
            activities.append(Activity(
                Level.DISTRICT if group % 2 else Level.MUNICIPAL, group, position,
                f"活动{group}" if group % 4 else "同名活动",
                f"内容{group}-{position}\n第二行\t制表", f"5月{group % 28 + 1}日",
                "微信", "" if group % 2 else f"宣传{group}",
                "区局" if group % 5 else f"单位{position}"))
    data = CampaignData(campaign_data.campaign, campaign_data.units, activities)
    target = tmp_path / "many.docx"
    export_appendix(data, target)
    assert rows(read_appendix(target)) == stored(data)


def hand_typed(tmp_path: Path) -> Path:
    """A district table typed in Word: spaced headers, repeated 序号, merges, w:br breaks."""
    document = Document()
    document.add_paragraph("附件")
    table = document.add_table(rows=5, cols=6)
    values = [
        ["序 号", "活动名称", "活动内容", "活动时间", "宣传形式", "负责单位"],
        ["1", "计量惠民", "便民服务", "5月20日", "微信", "黄浦区市场监管局"],
        ["2", "科普竞答", "线上答题", "5月20日前后", "APP", "青浦区市场监管局"],
        ["2", "开展计量监管", "现场检查", "5月", "现场检查", ""],
        ["", "科普宣传", "公益视频", "5月20日", "微信、微博", ""],
    ]
    for tr, texts in zip(table.rows, values, strict=True):
        for cell, text in zip(tr.cells, texts, strict=True):
            cell.text = text
    merged = table.cell(2, 5).merge(table.cell(4, 5))      # python-docx writes w:vMerge
    merged.paragraphs[0].text = "青浦区市场监管局"
    for p in merged.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    time_cell = table.cell(1, 3)
    time_cell.paragraphs[0].add_run().add_break()
    time_cell.paragraphs[0].add_run("5月21日")
    form_cell = table.cell(1, 4)
    form_cell.add_paragraph("抖音")
    target = tmp_path / "hand.docx"
    document.save(str(target))
    return target


def test_hand_typed_table(tmp_path):
    back = read_appendix(hand_typed(tmp_path))
    assert [(a.level, a.group_no, a.position) for a in back] == [
        (Level.DISTRICT, 1, 1), (Level.DISTRICT, 2, 1), (Level.DISTRICT, 2, 2),
        (Level.DISTRICT, 2, 3)]
    assert back[0].time_text == "5月20日\n5月21日"
    assert back[0].publicity_forms == "微信\n抖音"
    assert [a.responsible for a in back[1:]] == ["青浦区市场监管局"] * 3
    assert back[2].name == "开展计量监管" and back[3].content == "公益视频"
    assert all(a.publicity_content == "" for a in back)


def test_municipal_table_recognised_by_its_header(tmp_path):
    document = Document()
    table = document.add_table(rows=2, cols=7)
    header = ["序号", "活动名称", "活动内容", "活动时间", "宣传形式", "宣传内容", "负责单位"]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["1", "甲", "乙", "丙", "丁", "戊", "己"],
                          strict=True):
        cell.text = text
    target = tmp_path / "muni.docx"
    document.save(str(target))
    (activity,) = read_appendix(target)
    assert activity.level == Level.MUNICIPAL
    assert (activity.publicity_content, activity.responsible) == ("戊", "己")


def test_deleted_revisions_and_tab_definitions_are_not_text(tmp_path):
    document = Document()
    table = document.add_table(rows=2, cols=6)
    for cell, text in zip(table.rows[0].cells, ["序号", "活动名称", "活动内容", "活动时间",
                                                  "宣传形式", "负责单位"], strict=True):
        cell.text = text
    cell = table.rows[1].cells[1]
    cell.paragraphs[0]._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>旧</w:delText></w:r>'
        "</w:del>"))
    cell.paragraphs[0].add_run("新")
    table.rows[1].cells[0].text = "1"
    target = tmp_path / "rev.docx"
    document.save(str(target))
    assert read_appendix(target)[0].name == "新"


def test_not_a_docx(tmp_path):
    bogus = tmp_path / "notes.docx"
    bogus.write_text("这不是 Word 文件", encoding="utf-8")
    with pytest.raises(ReadError, match="不是有效的 Word 文档"):
        read_appendix(bogus)
    with pytest.raises(ReadError, match="找不到文件"):
        read_appendix(tmp_path / "missing.docx")


def test_docx_without_activity_table(tmp_path):
    document = Document()
    document.add_paragraph("没有表格")
    document.add_table(rows=2, cols=2).cell(0, 0).text = "姓名"
    target = tmp_path / "plain.docx"
    document.save(str(target))
    with pytest.raises(ReadError, match="没有找到活动安排表"):
        read_appendix(target)
