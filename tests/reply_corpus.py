"""The reply corpus of tests/data/replies/: files made the way units' clerks make them (Word
letters with the table inside, their own spreadsheets with title rows, several sheets, hidden
columns, 合计 rows, Excel dates; our template with a column added and one deleted). Run
`python -m tests.reply_corpus` to make them again; the rows each should give are written by
hand in tests/data/replies/expected.json, not derived from here.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from docx import Document
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

FOLDER = Path(__file__).parent / "data" / "replies"


# -- Word -------------------------------------------------------------------------------------


def _letter(doc, unit: str, before: bool = True) -> None:
    """The opening of a 函 to the 计量处."""
    if before:
        doc.add_paragraph(f"{unit}关于报送2021年“5·20世界计量日”活动安排的函")
        doc.add_paragraph("市市场监管局计量处：")
        doc.add_paragraph("根据《关于开展2021年“5·20世界计量日”宣传活动的通知》要求，"
                          "现将我局活动安排报送如下：")


def _sign(doc, unit: str) -> None:
    """The close of a 函: contact line, signature and date."""
    doc.add_paragraph("联系人：王芳，电话：021-55551234")
    doc.add_paragraph(unit)
    doc.add_paragraph("2021年4月28日")


def _table(doc, rows: list[list[str]]):
    """A table with these texts (a line break makes a second paragraph)."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for cells, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(cells.cells, texts, strict=True):
            first, *more = text.split("\n")
            cell.text = first
            for line in more:
                cell.add_paragraph(line)
    return table


def _strike(row) -> None:
    """Strike through every run of a table row."""
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.font.strike = True


def pudong_letter(path: Path) -> None:
    """浦东: a 函 around the table; a title row inside it; 活动地点 and 具体内容, 责任部门;
    a 合计 row and a 注： row under the data."""
    doc = Document()
    _letter(doc, "浦东新区市场监管局")
    table = _table(doc, [
        ["浦东新区2021年世界计量日活动安排表"] * 6,
        ["序号", "活动名称", "活动时间", "活动地点", "具体内容", "责任部门"],
        ["1", "“5·20”计量宣传进园区", "5月20日", "张江科学城", "计量法规宣传\n企业计量咨询",
         "计量科"],
        ["2", "加油机专项检查", "5月中旬", "全区加油站", "检查加油机计量准确性", "执法大队"],
        ["3", "计量开放日", "5月20日—21日", "区计量所", "实验室向市民开放", "区计量所"],
        ["合计", "共3项", "", "", "", ""],
        ["注：活动时间如有调整另行报送。"] * 6,
    ])
    table.cell(0, 0).merge(table.cell(0, 5)).text = "浦东新区2021年世界计量日活动安排表"
    table.cell(6, 0).merge(table.cell(6, 5)).text = "注：活动时间如有调整另行报送。"
    _sign(doc, "浦东新区市场监管局")
    doc.save(str(path))


def huangpu_two_row_header(path: Path) -> None:
    """黄浦: a merged 活动安排 over 活动名称 / 时间安排 / 活动形式及内容; 序号 and 牵头单位
    merged down over both header rows."""
    doc = Document()
    _letter(doc, "黄浦区市场监管局")
    table = _table(doc, [
        ["序号", "活动安排", "活动安排", "活动安排", "牵头单位"],
        ["", "活动名称", "时间安排", "活动形式及内容", ""],
        ["1", "计量惠民", "5月20日", "免费检定血压计", "黄浦区市场监管局"],
        ["2", "诚信计量示范街", "5月18日", "示范店授牌", "黄浦区市场监管局"],
    ])
    table.cell(0, 1).merge(table.cell(0, 3)).text = "活动安排"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "序号"
    table.cell(0, 4).merge(table.cell(1, 4)).text = "牵头单位"
    _sign(doc, "黄浦区市场监管局")
    doc.save(str(path))


def putuo_odd_titles(path: Path) -> None:
    """普陀: titles written every which way — full-width colons, a bracketed note, a line break
    inside a title, spaces between characters; 宣传渠道 and 实施单位."""
    doc = Document()
    _letter(doc, "普陀区市场监管局")
    _table(doc, [
        ["序　号", "活动名称：", "活动\n内容", "时 间（具体到日）", "宣传渠道", "实施单位（盖章）"],
        ["1", "计量知识进校园", "中小学计量科普课", "5月19日", "校园广播", "普陀区市场监管局"],
        ["2", "眼镜店计量检查", "验光仪、焦度计检查", "5月", "新闻报道", "普陀区市场监管局"],
    ])
    _sign(doc, "普陀区市场监管局")
    doc.save(str(path))


def hongkou_continued(path: Path) -> None:
    """虹口: the table continued on a second page with its header repeated (续表), a 小计 row
    after each part."""
    doc = Document()
    _letter(doc, "虹口区市场监管局")
    _table(doc, [
        ["序号", "活动名称", "活动内容", "开展时间", "宣传方式", "承办单位"],
        ["1", "计量惠民服务", "免费检测电子秤", "5月20日", "现场", "虹口区市场监管局"],
        ["小计", "1项", "", "", "", ""],
        ["续表"] * 6,
        ["序号", "活动名称", "活动内容", "开展时间", "宣传方式", "承办单位"],
        ["2", "计量科普讲座", "社区讲座两场", "5月21日", "讲座", "虹口区市场监管局"],
        ["小计", "1项", "", "", "", ""],
    ])
    _sign(doc, "虹口区市场监管局")
    doc.save(str(path))


def minhang_cancelled(path: Path) -> None:
    """闵行: a row marked （已取消）, a lone number row, a row struck through, a 共计 row and a
    备注： line inside the table."""
    doc = Document()
    _letter(doc, "闵行区市场监管局")
    table = _table(doc, [
        ["序号", "活动名称", "活动内容", "活动时间", "宣传形式", "负责单位"],
        ["1", "计量进农贸市场", "复核电子秤", "5月20日", "现场", "闵行区市场监管局"],
        ["2", "医院计量检查", "血压计、体温计检查", "5月17日", "检查", "闵行区市场监管局"],
        ["3", "计量科普展（已取消）", "展板", "5月22日", "展览", "闵行区市场监管局"],
        ["4", "", "", "", "", ""],
        ["5", "企业计量培训", "计量管理培训", "5月25日", "培训", "闵行区市场监管局"],
        ["共计", "3项", "", "", "", ""],
        ["备注：第2项视疫情情况调整。"] * 6,
    ])
    _strike(table.rows[5])
    table.cell(7, 0).merge(table.cell(7, 5)).text = "备注：第2项视疫情情况调整。"
    _sign(doc, "闵行区市场监管局")
    doc.save(str(path))


def enforcement_municipal(path: Path) -> None:
    """执法总队: its rows stand in the 市级 table; its reply has 宣传内容 and 宣传形式."""
    doc = Document()
    _letter(doc, "市局执法总队")
    _table(doc, [
        ["序号", "活动名称", "活动内容", "活动时间", "宣传形式", "宣传内容", "负责单位"],
        ["1", "开展计量专项执法", "加油机、出租车计价器专项检查", "5月", "新闻通稿",
         "执法成果", "市局执法总队"],
        ["2", "民生计量执法宣传", "典型案例发布", "5月20日", "网站", "典型案例",
         "市局执法总队"],
    ])
    _sign(doc, "市局执法总队")
    doc.save(str(path))


def quality_institute_municipal(path: Path) -> None:
    """市质检院: a 市级 unit's 函 without 宣传内容 (its stored 宣传内容 stays), 主办单位."""
    doc = Document()
    _letter(doc, "上海市质量监督检验技术研究院")
    _table(doc, [
        ["序号", "活动主题", "主要内容", "活动日期", "宣传方式", "主办单位"],
        ["1", "测量守护健康，计量惠及民生", "实验室开放、科普讲解", "5月20日", "开放日",
         "上海市质量监督检验技术研究院"],
    ])
    _sign(doc, "上海市质量监督检验技术研究院")
    doc.save(str(path))


def airport_two_tables(path: Path) -> None:
    """机场分局: a contact table first, then the activity table; no 负责单位 column (the unit
    is told by the file name); a row marked （取消）."""
    doc = Document()
    _letter(doc, "市局机场分局")
    _table(doc, [["联系人", "职务", "电话"], ["赵强", "科长", "021-22223333"]])
    doc.add_paragraph("活动安排如下：")
    _table(doc, [
        ["序号", "项目名称", "内容简介", "计划时间", "宣传载体"],
        ["1", "航站楼计量服务", "免费校准行李秤", "5月20日", "现场"],
        ["2", "机场加油设施检查（取消）", "—", "5月", "—"],
    ])
    _sign(doc, "市局机场分局")
    doc.save(str(path))


# -- spreadsheets ------------------------------------------------------------------------------


def jingan_serial_dates(path: Path) -> None:
    """静安: two title rows and a 填报单位 line, the header in row 4 with 计划时间 / 宣传途径 /
    联系人 / 联系电话, dates kept as Excel day numbers, a 合计 row "共2项"."""
    wb = Workbook()
    ws = wb.active
    ws.title = "活动安排"
    ws["A1"] = "静安区2021年“5·20世界计量日”活动安排"
    ws.merge_cells("A1:G1")
    ws["A2"] = "填报单位：静安区市场监管局（盖章）"
    ws.append([])
    ws.append(["序号", "活动名称", "具体内容", "计划时间", "宣传途径", "联系人", "联系电话"])
    ws.append([1, "计量惠民进商圈", "商场计量器具检查", 44336, "现场宣传", "李明", "021-62001234"])
    ws.append([2, "计量科普进社区", "社区讲座", 44334, "讲座", "李明", "021-62001234"])
    ws.append(["合计", "共2项"])
    wb.save(path)


def xuhui_sheets_hidden(path: Path) -> None:
    """徐汇: a 说明 sheet first, the activities on the second; a hidden column 备用 with
    text; a hidden row holding a cancelled activity; a hidden sheet with last year's plan."""
    wb = Workbook()
    notes = wb.active
    notes.title = "说明"
    notes["A1"] = "本表由徐汇区市场监管局计量科填报"
    ws = wb.create_sheet("活动安排")
    ws.append(["徐汇区世界计量日活动安排"])
    ws.merge_cells("A1:G1")
    ws.append(["序号", "活动名称", "活动内容", "活动时间", "宣传形式", "备用", "负责单位"])
    ws.append([1, "计量惠民", "检定血压计", "5月20日", "现场", "内部备忘", "徐汇区市场监管局"])
    ws.append([2, "计量开放日", "实验室开放", "5月21日", "参观", "x", "徐汇区市场监管局"])
    ws.append([3, "旧活动", "已取消", "5月22日", "现场", "", "徐汇区市场监管局"])
    ws.append([4, "计量咨询", "现场咨询", "5月22日", "现场", "", "徐汇区市场监管局"])
    ws.column_dimensions["F"].hidden = True
    ws.row_dimensions[5].hidden = True
    old = wb.create_sheet("2020年")
    old.append(["序号", "活动名称", "活动时间"])
    old.append([1, "去年的活动", "5月20日"])
    old.sheet_state = "hidden"
    wb.save(path)


def changning_date_cells(path: Path) -> None:
    """长宁: date cells in 开展时间, a struck-through row, 主办部门."""
    wb = Workbook()
    ws = wb.active
    ws.title = "长宁区"
    ws.append(["序号", "活动名称", "活动内容", "开展时间", "宣传方式", "主办部门"])
    ws.append([1, "计量宣传周", "发放宣传资料", datetime(2021, 5, 17), "摆摊", "长宁区市场监管局"])
    ws.append([2, "计量惠民检测", "免费检测", datetime(2021, 5, 20), "现场", "长宁区市场监管局"])
    ws.append([3, "划掉的活动", "不办了", datetime(2021, 5, 21), "现场", "长宁区市场监管局"])
    for cell in ws[4]:
        cell.font = Font(strike=True)
    wb.save(path)


def jiading_shared_title(path: Path) -> None:
    """嘉定: 活动内容 merged over two columns whose cells differ below, a title with spaces
    and a line break, 宣传载体, 责任单位."""
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "活动\n名称", "活动内容", None, "时 间", "宣传载体", "责任单位"])
    ws.merge_cells("C1:D1")
    ws.append([1, "计量惠民", "检定血压计", "发放资料", "5月20日", "现场", "嘉定区市场监管局"])
    ws.append([2, "诚信计量", "示范店评选", "", "5月下旬", "媒体", "嘉定区市场监管局"])
    wb.save(path)


def lingang_file_name(path: Path) -> None:
    """临港: a title, the header in row 3, no unit column — the unit is in the file name."""
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "临港新片区世界计量日活动安排"
    ws.append([])
    ws.append(["序号", "活动名称", "活动内容", "时间安排", "宣传形式"])
    ws.append([1, "计量服务进园区", "企业计量咨询", "5月20日", "现场"])
    ws.append([2, "计量知识竞赛", "线上答题", "5月10日至20日", "线上"])
    wb.save(path)


def metrology_institute_municipal(path: Path) -> None:
    """市计测院: a 市级 unit's own sheet with 宣传内容 (宣传主题) and 活动地点."""
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "活动名称", "活动内容", "活动时间", "宣传形式", "宣传主题", "活动地点",
               "负责单位"])
    ws.append([1, "“计量守护健康”系列计量科普", "医疗计量科普讲座", "5月20日", "讲座",
               "计量守护健康", "市计测院张江院区", "市计测院"])
    ws.append([2, "计量开放日", "实验室开放参观", "5月21日", "开放日", "走近计量",
               "市计测院", "市计测院"])
    wb.save(path)


def baoshan_tall_header(path: Path) -> None:
    """宝山: every header cell merged down over two rows (a tall header), and a 总计 row."""
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "活动名称", "活动内容", "活动时间", "负责单位"])
    ws.append([])
    for col in "ABCDE":
        ws.merge_cells(f"{col}1:{col}2")
    ws.append([1, "计量惠民", "免费检测", "5月20日", "宝山区市场监管局"])
    ws.append(["总计", 1])
    wb.save(path)


def fengxian_time_over_two(path: Path) -> None:
    """奉贤: 活动时间 merged over 日期 and 时段, 活动地点 and the others merged down over both
    header rows, a title row above."""
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "奉贤区2021年世界计量日活动计划"
    ws.merge_cells("A1:F1")
    ws.append(["序号", "活动名称", "活动时间", None, "活动地点", "负责单位"])
    ws.append([None, None, "日期", "时段", None, None])
    ws.merge_cells("C2:D2")
    for col in "ABEF":
        ws.merge_cells(f"{col}2:{col}3")
    ws.append([1, "计量惠民进社区", "5月20日", "上午", "南桥镇", "奉贤区市场监管局"])
    ws.append([2, "加油站计量检查", "5月中旬", "", "全区", "奉贤区市场监管局"])
    wb.save(path)


def jinshan_publicity_in_district(path: Path) -> None:
    """金山: a district reply with a 宣传内容 column (the district table has none) and a
    备注 column; 序号 merged down over two rows of one activity."""
    doc = Document()
    _letter(doc, "金山区市场监管局")
    table = _table(doc, [
        ["序号", "活动名称", "活动内容", "活动时间", "宣传形式", "宣传内容", "备注"],
        ["1", "计量惠民", "免费检测血压计", "5月20日", "现场", "计量与健康", "与卫健委联合"],
        ["", "计量惠民", "发放宣传册", "5月21日", "现场", "", ""],
    ])
    table.cell(1, 0).merge(table.cell(2, 0)).text = "1"
    _sign(doc, "金山区市场监管局")
    doc.save(str(path))


def yangpu_template_edited(path: Path, template: Path) -> None:
    """杨浦: our template with a 联系人 column added and the 宣传形式 column deleted."""
    shutil.copyfile(template, path)
    wb = load_workbook(path)
    ws = wb["活动安排"]
    header = next(r for r in range(1, 10) if ws.cell(r, 2).value == "活动名称")
    forms = next(c for c in range(1, 10) if ws.cell(header, c).value == "宣传形式")
    ws.delete_cols(forms)
    ws.cell(header, 7, "联系人")
    rows = [("计量惠民", "免费检定", "5月20日", "张伟"),
            ("计量开放日", "实验室开放", "5月21日", "张伟")]
    for offset, (name, content, when, person) in enumerate(rows, 1):
        ws.cell(header + offset, 2, name)
        ws.cell(header + offset, 3, content)
        ws.cell(header + offset, 4, when)
        ws.cell(header + offset, 7, person)
    wb.save(path)


# -- held out: made after the code, measured before any change for them --------------------------


def chongming_section_rows(path: Path) -> None:
    """崇明: 附件 caption row, section rows 一、/二、 merged across, 活动内容及形式, 责任科室,
    序号 written （一）（二）."""
    doc = Document()
    _letter(doc, "崇明区市场监管局")
    table = _table(doc, [
        ["附件：崇明区“5·20”活动安排"] * 6,
        ["序号", "活动名称", "活动内容及形式", "活动时间", "宣传方式", "责任科室"],
        ["一、主题宣传"] * 6,
        ["（一）", "生态岛计量宣传", "展板、咨询", "5月20日", "现场", "计量科"],
        ["二、惠民服务"] * 6,
        ["（二）", "集贸市场公平秤复核", "复核公平秤", "5月18日—19日", "现场", "各市场监管所"],
    ])
    for row in (0, 2, 4):
        table.cell(row, 0).merge(table.cell(row, 5)).text = table.cell(row, 1).text
    _sign(doc, "崇明区市场监管局")
    doc.save(str(path))


def qingpu_remarks_cancel(path: Path) -> None:
    """青浦: No. / 活动主题 / 活动简介 / 起止时间 / 宣传媒体 / 承办部门 / 备注, one row with 取消
    in its 备注, text dates as typed."""
    wb = Workbook()
    ws = wb.active
    ws.append(["No.", "活动主题", "活动简介", "起止时间", "宣传媒体", "承办部门", "备注"])
    ws.append([1, "计量服务进企业", "走访企业", "2021年5月20日", "微信", "青浦区市场监管局", ""])
    ws.append([2, "计量科普周", "科普讲座", "2021/5/17-2021/5/21", "网站", "青浦区市场监管局",
               "取消"])
    ws.append([3, "诚信计量宣传", "发放倡议书", "5月", "报纸", "青浦区市场监管局", "与商会合办"])
    wb.save(path)


def songjiang_letter_plain(path: Path) -> None:
    """松江: a letter whose table has 项目 / 内容 / 时间 / 地点 / 负责人 and an empty last row."""
    doc = Document()
    _letter(doc, "松江区市场监管局")
    _table(doc, [
        ["序号", "项目", "内容", "时间", "地点", "负责人"],
        ["1", "计量惠民", "免费检定血压计", "5月20日", "松江新城", "陈明"],
        ["2", "计量进校园", "科普课", "5月19日", "区实验小学", "陈明"],
        ["", "", "", "", "", ""],
    ])
    _sign(doc, "松江区市场监管局")
    doc.save(str(path))


def putuo_two_tables(path: Path) -> None:
    """普陀 (second round): two tables of the same header, 一、主题活动 and 二、日常宣传, and a
    placeholder row of slashes."""
    doc = Document()
    _letter(doc, "普陀区市场监管局")
    doc.add_paragraph("一、主题活动")
    _table(doc, [
        ["序号", "活动名称", "活动内容", "活动时间", "宣传形式", "负责单位"],
        ["1", "计量惠民进社区", "免费检测", "5月20日", "现场", "普陀区市场监管局"],
    ])
    doc.add_paragraph("二、日常宣传")
    _table(doc, [
        ["序号", "活动名称", "活动内容", "活动时间", "宣传形式", "负责单位"],
        ["1", "计量知识推送", "微信推文", "5月", "微信", "普陀区市场监管局"],
        ["2", "/", "/", "/", "/", "/"],
    ])
    _sign(doc, "普陀区市场监管局")
    doc.save(str(path))


def changning_offset_header(path: Path) -> None:
    """长宁 (second round): a 说明 line, the table starting in column B, a blank column
    between 活动名称 and 活动内容, a date cell with a time of day."""
    wb = Workbook()
    ws = wb.active
    ws["B1"] = "说明：请于5月7日前报送"
    ws.append([])
    ws.append([None, "序号", "活动名称", None, "活动内容", "活动时间", "负责单位"])
    ws.append([None, 1, "计量惠民", None, "免费检定", datetime(2021, 5, 20, 9, 30),
               "长宁区市场监管局"])
    ws.append([None, 2, "计量开放日", None, "实验室开放", "5月21日", "长宁区市场监管局"])
    wb.save(path)


def baoshan_continued_sheet(path: Path) -> None:
    """宝山 (second round): 负责单位 merged down every row, a blank row, the header repeated
    under 续表, a 小计 row after each part."""
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "活动名称", "活动内容", "活动时间", "负责单位"])
    ws.append([1, "计量惠民", "免费检测", "5月20日", "宝山区市场监管局"])
    ws.append(["小计", "1项"])
    ws.append([])
    ws.append(["续表"])
    ws.append(["序号", "活动名称", "活动内容", "活动时间", "负责单位"])
    ws.append([2, "计量科普", "讲座", "5月19日", None])
    ws.append(["小计", "1项"])
    wb.save(path)


HELD_OUT: dict[str, Callable[[Path], None]] = {
    "普陀区活动安排（两表）.docx": putuo_two_tables,
    "长宁区报送表.xlsx": changning_offset_header,
    "宝山区活动安排（续表）.xlsx": baoshan_continued_sheet,
    "崇明区活动安排.docx": chongming_section_rows,
    "青浦区活动安排.xlsx": qingpu_remarks_cancel,
    "松江区回函.docx": songjiang_letter_plain,
}
"""Made after the code they test, their expected rows typed by hand first; measured as they
came out before anything was changed for them (see the closing report of issue 18)."""


WORD: dict[str, Callable[[Path], None]] = {
    "浦东-活动安排函.docx": pudong_letter,
    "黄浦区活动安排.docx": huangpu_two_row_header,
    "普陀区报送.docx": putuo_odd_titles,
    "虹口区活动安排（含续表）.docx": hongkou_continued,
    "闵行区活动安排.docx": minhang_cancelled,
    "执法总队活动安排.docx": enforcement_municipal,
    "市质检院回函.docx": quality_institute_municipal,
    "机场分局活动安排.docx": airport_two_tables,
    "金山区活动安排.docx": jinshan_publicity_in_district,
}
SHEETS: dict[str, Callable[[Path], None]] = {
    "静安区活动安排.xlsx": jingan_serial_dates,
    "徐汇区.xlsx": xuhui_sheets_hidden,
    "长宁区活动.xlsx": changning_date_cells,
    "嘉定区活动安排表.xlsx": jiading_shared_title,
    "临港新片区活动安排.xlsx": lingang_file_name,
    "市计测院活动安排.xlsx": metrology_institute_municipal,
    "宝山区活动安排.xlsx": baoshan_tall_header,
    "奉贤区活动计划.xlsx": fengxian_time_over_two,
}
CONVERTED = {"浦东-活动安排函.docx": ("odt", "odt"), "普陀区报送.docx": ("doc", "doc"),
             "静安区活动安排.xlsx": ("xls", "xls"), "长宁区活动.xlsx": ("ods", "ods"),
             "金山区活动安排.docx": ("doc", "wps"), "奉贤区活动计划.xlsx": ("xls", "et")}
"""Files also saved by LibreOffice in another format, and the suffix they are sent with (WPS
saves its .wps and .et in the Word and Excel 97-2003 formats); made only where LibreOffice is
installed."""


def _libreoffice_copy(source: Path, fmt: str, suffix: str, folder: Path) -> None:
    """The file saved again by LibreOffice in `fmt`, named …（LibreOffice）.<suffix>."""
    program = shutil.which("soffice")
    if program is None:
        return
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([program, f"-env:UserInstallation={Path(work, 'p').as_uri()}",
                        "--headless", "--convert-to", fmt, "--outdir", work, str(source)],
                       check=True, capture_output=True, timeout=180)
        made = Path(work) / f"{source.stem}.{fmt}"
        shutil.copyfile(made, folder / f"{source.stem}（LibreOffice）.{suffix}")


def make_all(folder: Path = FOLDER) -> list[Path]:
    """Every file of the corpus, made afresh in `folder`."""
    from exporters.xlsx_template import write_templates
    from models.db.opening import open_database
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    for name, make in {**WORD, **SHEETS, **HELD_OUT}.items():
        make(folder / name)
        made.append(folder / name)
    with tempfile.TemporaryDirectory() as work:
        store = open_database(None)
        [template] = write_templates(store.load(), Path(work) / "杨浦.xlsx", unit="杨浦",
                                     every=False)
        yangpu_template_edited(folder / "杨浦区-填报模板.xlsx", template)
        made.append(folder / "杨浦区-填报模板.xlsx")
        store.close()
    for name, (fmt, suffix) in CONVERTED.items():
        _libreoffice_copy(folder / name, fmt, suffix, folder)
    return made


# -- measuring ---------------------------------------------------------------------------------

FIELDS = ("name", "content", "time_text", "publicity_forms", "publicity_content", "responsible",
          "remarks")
"""The fields of expected.json's rows, in its order."""


def expected_rows(folder: Path = FOLDER) -> dict[str, dict]:
    """Each file's hand-typed expectation (a LibreOffice copy: the original's)."""
    raw = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    raw.pop("_about", None)
    return {name: raw[entry["same_as"]] if "same_as" in entry else entry
            for name, entry in raw.items()}


@dataclass
class FileResult:
    """How one reply came out of a real import into a fresh database."""

    name: str
    expected: int
    right: int = 0
    invented: int = 0
    wrong_table: int = 0
    refused: str = ""
    differences: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def import_one(path: Path, expectation: dict) -> FileResult:
    """Import a reply as a new user would (fresh database, the command line's write path) and
    compare the unit's rows, field by field, with the hand-typed ones."""
    from importers.returned import apply_returned
    from models.db.opening import open_database
    from models.editor import CampaignEditor
    from models.entities import Level, find_unit
    store = open_database(None)
    try:
        editor = CampaignEditor(store)
        data = editor.document.data
        unit = find_unit(data.units, expectation["unit"])
        level = Level(expectation["level"])
        other = Level.DISTRICT if level == Level.MUNICIPAL else Level.MUNICIPAL
        before_other = {a.id for a in data.rows_of(unit, other)}
        plan = apply_returned(editor, path, editor.planning_date())
        result = FileResult(path.name, len(expectation["rows"]))
        if not plan.ok:
            result.refused = "; ".join(p.as_text() for p in plan.errors)
            return result
        result.skipped = [s.reason for s in plan.skipped]
        data = editor.document.data
        got = data.rows_of(unit, level)
        result.wrong_table = sum(1 for a in data.rows_of(unit, other) if a.id not in before_other)
        for index, want in enumerate(expectation["rows"]):
            if index >= len(got):
                result.differences.append(f"row {index + 1} missing: {want[0]}")
                continue
            wrong = [f"{f}: {getattr(got[index], f)!r} != {w!r}"
                     for f, w in zip(FIELDS, want, strict=True) if getattr(got[index], f) != w]
            if wrong:
                result.differences.append(f"row {index + 1}: " + "; ".join(wrong))
            else:
                result.right += 1
        names = [w[0] for w in expectation["rows"]]
        result.invented = sum(1 for a in got[len(names):]) + sum(
            1 for a in got[:len(names)] if a.name not in names)
        return result
    finally:
        store.close()


def measure(folder: Path = FOLDER) -> list[FileResult]:
    """Every file of the corpus imported and compared (LibreOffice copies only where there)."""
    return [import_one(folder / name, entry) for name, entry in expected_rows(folder).items()
            if (folder / name).is_file()]


def figures(results: list[FileResult]) -> str:
    """The corpus figures on one line."""
    return (f"files {len(results)}, rows expected {sum(r.expected for r in results)}, "
            f"rows right {sum(r.right for r in results)}, "
            f"rows invented {sum(r.invented for r in results)}, "
            f"rows in the wrong table {sum(r.wrong_table for r in results)}, "
            f"files refused {sum(1 for r in results if r.refused)}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measured = measure()
        for outcome in measured:
            print(outcome.name, outcome.right, "/", outcome.expected, outcome.refused,
                  *outcome.differences, sep="  ")
        print(figures(measured))
        held = {name for name, entry in expected_rows().items() if entry.get("held_out")}
        print("held out:", figures([r for r in measured if r.name in held]))
    else:
        for made_path in make_all(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER):
            print(made_path)
