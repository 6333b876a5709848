"""Replies as units really send them, built with python-docx and openpyxl for tests."""
from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from docx import Document


def _fill(table, rows: list[list[str]]) -> None:
    """Write texts into a table's cells (a multi-line text becomes paragraphs)."""
    for cells, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(cells.cells, texts, strict=True):
            first, *more = text.split("\n")
            cell.text = first
            for line in more:
                cell.add_paragraph(line)


def unit_made_table(path: Path) -> Path:
    """黄浦's own table: columns reordered and renamed, 编号 and 承办单位 merged down, one
    row's 主要内容 merged across 宣传方式, a two-paragraph cell."""
    doc = Document()
    table = doc.add_table(rows=4, cols=6)
    _fill(table, [
        ["活动主题", "时间", "编号", "主要内容", "宣传方式", "承办单位"],
        ["计量惠民", "5月20日", "1", "免费检定血压计\n现场咨询", "现场", "黄浦区市场监管局"],
        ["计量进社区", "5月18日", "", "社区宣传", "展板", ""],
        ["诚信计量示范", "5月下旬", "2", "示范店授牌", "", ""],
    ])
    table.cell(1, 2).merge(table.cell(2, 2))  # 编号 1 over two rows
    table.cell(1, 5).merge(table.cell(3, 5))  # 承办单位 over three rows
    merged = table.cell(3, 3).merge(table.cell(3, 4))  # 主要内容 across 宣传方式
    merged.text = "示范店授牌"
    table.cell(1, 5).text = "黄浦区市场监管局"
    table.cell(1, 2).text = "1"
    doc.save(str(path))
    return path


def table_in_letter(path: Path) -> Path:
    """静安's reply: a letter around the table, a title row and notes inside the table, and a
    contact table that is not an activity table; no 负责单位 column."""
    doc = Document()
    doc.add_paragraph("关于报送2021年“5·20世界计量日”活动安排的函")
    doc.add_paragraph("市局计量处：")
    doc.add_paragraph("现将我局活动安排报送如下：")
    table = doc.add_table(rows=6, cols=4)
    _fill(table, [
        ["静安区2021年活动安排"] * 4,
        ["序 号", "活动名称", "活动内容", "活动时间"],
        ["1", "计量惠民", "进商场检查计量器具", "5月20日"],
        ["2", "科普讲座", "计量与健康\n讲座两场", "5月19日至21日"],
        ["", "", "", ""],
        ["填表说明：活动时间请写具体日期。"] * 4,
    ])
    table.cell(0, 0).merge(table.cell(0, 3)).text = "静安区2021年活动安排"
    table.cell(5, 0).merge(table.cell(5, 3)).text = "填表说明：活动时间请写具体日期。"
    doc.add_paragraph("特此函告。")
    contact = doc.add_table(rows=2, cols=2)
    _fill(contact, [["联系人", "电话"], ["张三", "12345678"]])
    doc.add_paragraph("静安区市场监管局")
    doc.save(str(path))
    return path


def two_unit_table(path: Path) -> Path:
    """One table with rows of two units."""
    doc = Document()
    table = doc.add_table(rows=4, cols=4)
    _fill(table, [
        ["序号", "活动名称", "活动时间", "负责单位"],
        ["1", "计量惠民", "5月20日", "黄浦区市场监管局"],
        ["2", "计量宣传", "5月20日", "静安区市场监管局"],
        ["3", "计量咨询", "5月21日", "黄浦区市场监管局"],
    ])
    doc.save(str(path))
    return path


def titled_sheet(path: Path) -> Path:
    """徐汇's own workbook: a merged title row, a 填报单位 line, the header in row 4, 序号 and
    负责单位 merged down, a typed date, a two-line cell, and 填表说明 rows under the data."""
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "活动"
    ws["A1"] = "徐汇区2021年“5·20世界计量日”活动安排"
    ws.merge_cells("A1:F1")
    ws["A2"] = "填报单位：徐汇区市场监管局（盖章）"
    ws.append([])
    ws.append(["序号", "活动名称", "主要内容", "日期", "宣传形式", "负责单位"])
    ws.append([1, "计量惠民", "检定血压计\n发放资料", datetime(2021, 5, 20), "现场", "徐汇区市场监管局"])
    ws.append([None, "计量惠民", "走进菜场", "5月21日", "现场", None])
    ws.append([2, "开放日", "实验室开放", "5月下旬", "参观", None])
    ws.merge_cells("A5:A6")
    ws.merge_cells("F5:F7")
    ws.append([])
    ws["A9"] = "填表说明："
    ws.merge_cells("A9:F9")
    ws["A10"] = "1．请勿改动表头。"
    wb.save(path)
    return path


def libreoffice_round_trip(path: Path, workdir: Path) -> Path | None:
    """The file opened and saved again by LibreOffice as .docx, or None without it."""
    program = shutil.which("soffice")
    if program is None:
        return None
    workdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([program, f"-env:UserInstallation={(workdir / 'profile').as_uri()}",
                    "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                    str(workdir), str(path)], check=True, capture_output=True, timeout=180)
    return workdir / f"{path.stem}.docx"
