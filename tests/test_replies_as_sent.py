"""What units really send (issue 18): one header matcher, columns mapped or kept as 备注, rows
that are no activity skipped and shown, other formats, rows back in their own table, receipts
never moved, the dry run's rows, templates for every addressee, a file read once."""
from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document

from importers.docx_reader import header_fields
from importers.reply_headers import match_header, match_header_rows
from importers.workbook import header_columns
from models.entities import Activity, Level, SubmissionStatus
from tests.cli_run import run_cli
from tests.reply_corpus import FOLDER

ODD_TITLES = ["序　号", "活动名称：", "活动\n内容", "时 间（具体到日）", "宣传渠道", "实施单位（盖章）"]


def run(store, *argv):
    """Exit status and everything the command said (output and errors together)."""
    code, out, err = run_cli(store, *argv)
    return code, out + err




def _rows(store, short, level=Level.DISTRICT):
    data = store.load()
    return data.rows_of(store.find_unit(short), level)


def _word(path: Path, rows: list[list[str]]) -> Path:
    doc = Document()
    doc.add_paragraph("关于报送活动安排的函")
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for cells, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(cells.cells, texts, strict=True):
            cell.text = text
    doc.save(str(path))
    return path


# -- one header matcher ------------------------------------------------------------------------


def test_every_reader_matches_titles_the_same_way():
    wanted = {"group_no": 0, "name": 1, "content": 2, "time_text": 3, "publicity_forms": 4,
              "responsible": 5}
    assert match_header(ODD_TITLES).columns == wanted, "units' own tables"
    assert header_columns(ODD_TITLES) == wanted, "our template"
    attachment = ["序　号", "活动名称：", "活动\n内容", "活动时间（具体到日）", "宣传形式", "负责单位"]
    assert header_fields(attachment) == ["group_no", "name", "content", "time_text",
                                         "publicity_forms", "responsible"], "the Word read-back"


@pytest.mark.parametrize("title, attr", [
    ("时间安排", "time_text"), ("计划时间", "time_text"), ("开展时间", "time_text"),
    ("具体内容", "content"), ("活动形式及内容", "content"), ("宣传途径", "publicity_forms"),
    ("宣传渠道", "publicity_forms"), ("宣传载体", "publicity_forms"),
    ("责任部门", "responsible"), ("牵头单位", "responsible"), ("实施单位", "responsible"),
    ("宣传 途径（网站、微信）：", "publicity_forms"), ("ＮＯ．", "group_no"),
])
def test_the_names_units_give_their_columns(title, attr):
    assert match_header(["活动名称", title]).columns == {"name": 0, attr: 1}


def test_a_merged_title_over_sub_titles_is_one_header():
    top = ["序号", "活动安排", "活动安排", "活动安排", "牵头单位"]
    below = ["序号", "活动名称", "时间安排", "活动形式及内容", "牵头单位"]
    found = match_header_rows(top, below)
    assert found.rows == 2 and found.unknown == {}
    assert found.columns == {"group_no": 0, "name": 1, "time_text": 2, "content": 3,
                             "responsible": 4}
    dates = match_header_rows(["活动名称", "活动时间", "活动时间", "活动地点"],
                              ["活动名称", "日期", "时段", "活动地点"])
    assert dates.spans == {"name": (0,), "time_text": (1, 2)} and dates.unknown == {
        3: "活动地点"}, "under 活动时间, 日期 and 时段 are both the time, joined"
    data_below = match_header_rows(["活动名称", "活动内容", "活动内容"],
                                   ["计量惠民", "检定血压计", "发放资料"])
    assert data_below.rows == 1 and data_below.spans["content"] == (1, 2), \
        "the first activity under a title merged over two columns is no header"


# -- columns: mapped, ignored, kept as 备注, refused only without a name ---------------------------


def test_unknown_columns_are_mapped_or_ignored_from_the_command_line(disk, tmp_path):
    path = _word(tmp_path / "黄浦.docx", [["活动名称", "档期", "联系人"],
                                         ["计量惠民", "5月20日", "张三"]])
    code, out = run(disk, "import", str(path))
    assert code == 0, out
    [row] = _rows(disk, "黄浦")
    assert (row.time_text, row.remarks) == ("", "档期：5月20日\n联系人：张三")
    code, out = run(disk, "import", str(path), "--map", "档期=活动时间", "--ignore", "联系人")
    assert code == 0, out
    [row] = _rows(disk, "黄浦")
    assert (row.name, row.time_text, row.remarks) == ("计量惠民", "5月20日", "")
    assert "按您的选择不导入的列：“联系人”" in out
    code, out = run(disk, "import", str(path), "--map", "档期=开幕式")
    assert code == 2 and "--map “档期=开幕式”无法识别" in out


def test_the_preview_maps_a_column_and_remembers_it_by_title(ctx, qtbot, tmp_path):
    from ui.import_dialog import ColumnChoice, ImportPreview, run_import
    path = _word(tmp_path / "黄浦.docx", [["活动名称", "档期", "联系人"],
                                         ["计量惠民", "5月20日", "张三"]])
    shown = []

    def review(plan, parent):
        shown.append(plan)
        dialog = ImportPreview(plan)
        qtbot.addWidget(dialog)
        assert set(dialog.column_boxes) == {"档期", "联系人"}
        if len(shown) == 1:
            box = dialog.column_boxes["档期"]
            box.setCurrentIndex(box.findData("time_text"))  # the user picks 活动时间
            assert dialog.choice == ColumnChoice("档期", "time_text")
            return dialog.choice
        return True
    run_import(ctx, path, None, review)
    assert [p.columns for p in shown] == [{"档期": None, "联系人": None},
                                          {"档期": "time_text", "联系人": None}]
    huangpu = ctx.store.find_unit("黄浦")
    [row] = ctx.document.data.rows_of(huangpu, Level.DISTRICT)
    assert (row.time_text, row.remarks) == ("5月20日", "联系人：张三")
    assert ctx.editor.column_choices() == {"档期": "time_text"}, "remembered by its title"


def test_a_file_is_refused_only_without_a_name_column_and_says_what_it_saw(disk, tmp_path):
    path = _word(tmp_path / "黄浦.docx", [["节目", "日期", "地点"], ["计量惠民", "5月20日", "广场"]])
    code, out = run(disk, "import", str(path))
    assert code == 1 and "第 1 个表格：节目、日期、地点" in out and "--map 列名=活动名称" in out
    code, out = run(disk, "import", str(path), "--map", "节目=活动名称")
    assert code == 0, out
    [row] = _rows(disk, "黄浦")
    assert (row.name, row.time_text, row.remarks) == ("计量惠民", "5月20日", "地点：广场")


def test_remarks_are_shown_in_the_window_but_never_printed(campaign_data, tmp_path, qapp):
    from exporters.docx_appendix import export_appendix
    from models.fields import FIELDS, level_fields
    remarks = next(f for f in FIELDS if f.attr == "remarks")
    assert remarks.header == "备注" and remarks.editable, "a column of the window and the panel"
    assert all(remarks not in level_fields(level) for level in Level)
    row = campaign_data.activities[0]
    campaign_data.activities[0] = row.with_changes(remarks="联系人：只在窗口里")
    export_appendix(campaign_data, tmp_path / "附件.docx")
    text = "\n".join(c.text for t in Document(str(tmp_path / "附件.docx")).tables
                     for r in t.rows for c in r.cells)
    assert "只在窗口里" not in text and row.name in text


# -- rows that are no activity ------------------------------------------------------------------


@pytest.mark.parametrize("cells, reason", [
    (["合计", "共3项"], "合计行"), (["合  计"], "合计行"), (["小计：", "1项"], "合计行"),
    (["", "3项", ""], "合计行"), (["总计 3"], "合计行"), (["4", "", ""], "只有数字"),
    (["2", "计量进社区（已取消）", "5月"], "已取消"), (["3", "计量讲座", "取消"], "已取消"),
    (["2", "/", "/", "/"], "空白占位"), (["3", "无", "—"], "空白占位"),
    (["1", "计量惠民", "/", "5月"], None), (["1", "无人机计量检测", "5月"], None),
    (["1", "合计量器具检查", "5月"], None), (["小计量宣传", "5月"], None),
    (["1", "累计开展计量宣传", "5月"], None), (["2", "取消不合格计量器具", "5月"], None),
])
def test_rows_that_are_no_activity_are_told_from_activities(cells, reason):
    from importers.reply_tables import skip_reason
    assert skip_reason(cells) == reason


def test_our_template_skips_total_hidden_and_cancelled_rows_too(store, tmp_path):
    from openpyxl import load_workbook

    from importers.workbook import check_workbook
    from tests.bad_workbooks import filled_template
    path = filled_template(store, tmp_path, rows=(
        ("计量惠民", "免费检定", "5月20日", "现场"), ("旧活动", "不办了", "5月21日", "现场"),
        ("计量讲座（已取消）", "讲座", "5月22日", "讲座"), ("共2项", None, None, None)))
    wb = load_workbook(path)
    wb["活动安排"].row_dimensions[5].hidden = True
    wb.save(path)
    plan = check_workbook(store.load(), path)
    assert plan.ok, plan.as_text()
    assert [a.name for a in plan.activities] == ["计量惠民"]
    assert [(s.line, s.reason) for s in plan.skipped] == [
        (5, "隐藏的行"), (6, "已取消"), (7, "合计行")]


def test_a_word_row_set_as_hidden_text_is_skipped(disk, tmp_path):
    path = _word(tmp_path / "黄浦.docx", [["活动名称", "活动时间"], ["计量惠民", "5月20日"],
                                         ["不再举办的活动", "5月21日"]])
    doc = Document(str(path))
    for cell in doc.tables[0].rows[2].cells:
        for text_run in cell.paragraphs[0].runs:
            text_run.font.hidden = True
    doc.save(str(path))
    code, out = run(disk, "import", str(path), "--dry-run")
    assert code == 0 and "第 3 行（隐藏的行）：不再举办的活动 5月21日" in out
    assert "新增" in out and "不再举办的活动：" not in out


# -- dates -------------------------------------------------------------------------------------


def test_excel_day_numbers_and_date_cells_in_a_time_column_become_dates(store, tmp_path):
    from importers.workbook import check_workbook
    from tests.bad_workbooks import filled_template
    path = filled_template(store, tmp_path, rows=(
        ("计量惠民", "内容", 44336, "现场"), ("开放日", "参观", datetime(2021, 5, 18), "现场"),
        ("咨询", "44336", "5月下旬", "现场")))
    plan = check_workbook(store.load(), path)
    assert plan.ok, plan.as_text()
    assert [(a.content, a.time_text) for a in plan.activities] == [
        ("内容", "5月20日"), ("参观", "5月18日"), ("44336", "5月下旬")], \
        "only a time column's numbers are dates; text stays as typed"


def test_remarks_are_edited_saved_and_undone_like_any_text(ctx):
    row = ctx.document.data.by_level(Level.DISTRICT)[0]
    ctx.editor.edit_field(row.id, "remarks", "联系人：张三")
    assert ctx.store.activity(row.id).remarks == "联系人：张三"
    ctx.undo_stack.undo()
    assert ctx.store.activity(row.id).remarks == ""


# -- formats -------------------------------------------------------------------------------------


def test_a_pdf_reply_is_refused_with_what_to_ask_for(disk, tmp_path):
    path = tmp_path / "黄浦.pdf"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    code, out = run(disk, "import", str(path))
    assert code == 1 and "是 PDF 文件，无法从中读取表格" in out and "扩展名" not in out


@pytest.mark.parametrize("name, said", [
    ("浦东-活动安排函（LibreOffice）.odt", "是OpenDocument 文本（.odt）。本机没有 LibreOffice"),
    ("静安区活动安排（LibreOffice）.xls", "是Excel 97-2003 工作簿（.xls/.et）。本机没有 LibreOffice"),
    ("长宁区活动（LibreOffice）.ods", "“另存为”Excel 工作簿（.xlsx）后再导入"),
])
def test_without_libreoffice_the_message_names_the_format(disk, monkeypatch, name, said):
    from models.received import soffice
    monkeypatch.setattr(soffice, "find_soffice", lambda: None)
    code, out = run(disk, "import", str(FOLDER / name))
    assert code == 1 and said in out and "ZIP" not in out


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_a_wps_table_named_et_is_read_through_libreoffice(disk, tmp_path):
    path = tmp_path / "静安区活动安排.et"
    shutil.copyfile(FOLDER / "静安区活动安排（LibreOffice）.xls", path)
    code, out = run(disk, "import", str(path), "--dry-run")
    assert code == 0 and "计量惠民进商圈" in out and "（合计行）：合计 共2项" in out


# -- rows back in their table; receipts -----------------------------------------------------------


def test_a_unit_with_rows_in_both_tables_is_asked_which(disk):
    unit = disk.find_unit("市计测院")
    campaign = disk.load().campaign
    disk.insert_activities([Activity(Level.DISTRICT, 30, 1, "区里的活动", unit_id=unit.id,
                                     campaign_id=campaign.id)])
    path = FOLDER / "市计测院活动安排.xlsx"
    code, out = run(disk, "import", str(path))
    assert code == 1 and "--level 市级 或 --level 区级" in out
    code, out = run(disk, "import", str(path), "--level", "市级")
    assert code == 0 and "替换市级表中原有 1 条" in out, out
    assert [a.name for a in _rows(disk, "市计测院", Level.MUNICIPAL)] == [
        "“计量守护健康”系列计量科普", "计量开放日"]
    assert [a.name for a in _rows(disk, "市计测院")] == ["区里的活动"]


def test_a_municipal_units_template_goes_back_to_the_municipal_table(disk, tmp_path):
    from openpyxl import load_workbook

    from exporters.xlsx_template import write_templates
    [path] = write_templates(disk.load(), tmp_path / "执法总队.xlsx", unit="执法总队",
                             every=False)
    wb = load_workbook(path)
    ws = wb["活动安排"]
    assert ws["B4"].value == "开展计量专项执法", "the template starts from its 市级 row"
    ws["C4"] = "加油站专项执法检查"
    wb.save(path)
    district_before = [a.name for a in disk.load().by_level(Level.DISTRICT)]
    code, out = run(disk, "import", str(path))
    assert code == 0 and "市级活动已替换为 1 条" in out, out
    [row] = _rows(disk, "执法总队", Level.MUNICIPAL)
    assert (row.content, row.publicity_content) == ("加油站专项执法检查",
                                                    "强化计量监管，保障百姓切身利益")
    assert [a.name for a in disk.load().by_level(Level.DISTRICT)] == district_before


def test_the_window_asks_which_table_for_a_unit_with_rows_in_both(ctx):
    from ui.import_dialog import run_import
    unit = ctx.store.find_unit("市计测院")
    ctx.editor.import_unit_activities(unit.id, [Activity(
        Level.DISTRICT, 0, 1, "区里的活动", unit_id=unit.id,
        campaign_id=ctx.document.campaign.id)], date(2021, 5, 6))
    ctx.dialogs.answers = [0]  # 替换市级表中的
    reviewed = []
    run_import(ctx, FOLDER / "市计测院活动安排.xlsx", None,
               lambda plan, parent: reviewed.append(plan.level) or True)
    asked = [m for m in ctx.dialogs.messages if m[0] == "choose"]
    assert len(asked) == 1 and "替换市级表中的 | 替换区级表中的" in asked[0][2]
    assert reviewed == [Level.MUNICIPAL]
    data = ctx.document.data
    assert [a.name for a in data.rows_of(unit, Level.MUNICIPAL)] == [
        "“计量守护健康”系列计量科普", "计量开放日"]
    assert [a.name for a in data.rows_of(unit, Level.DISTRICT)] == ["区里的活动"]


def test_an_update_never_moves_a_receipt_and_a_first_one_is_recorded(disk):
    code, out = run(disk, "import", str(FOLDER / "徐汇区.xlsx"))
    assert code == 0 and "此前已收到（已报送），报送清单未变" in out
    xuhui = next(s for s in disk.load().submissions
                 if s.unit_id == disk.find_unit("徐汇").id and s.item == "活动安排")
    assert (xuhui.status, xuhui.received) == (SubmissionStatus.RECEIVED, None)
    disk.set_state("planning_date:2021", "2021-05-06")
    code, out = run(disk, "import", str(FOLDER / "临港新片区活动安排.xlsx"), "--dry-run")
    assert code == 0 and "报送清单：“活动安排”将标记为已报送（2021-05-06）" in out
    code, out = run(disk, "import", str(FOLDER / "临港新片区活动安排.xlsx"))
    lingang = next(s for s in disk.load().submissions
                   if s.unit_id == disk.find_unit("临港").id and s.item == "活动安排")
    assert (lingang.status, lingang.received) == (SubmissionStatus.RECEIVED, date(2021, 5, 6))


def test_the_checklist_can_clear_a_received_date_in_one_step(ctx):
    sub = next(s for s in ctx.document.submissions() if s.item == "活动安排"
               and s.unit_id == ctx.document.data.units[3].id)
    ctx.editor.edit_submission(sub.id, received=date(2021, 5, 24))
    late = next(s for s in ctx.document.submissions() if s.id == sub.id)
    assert late.status == SubmissionStatus.LATE
    steps = ctx.undo_stack.count()
    assert ctx.editor.edit_submission(sub.id, status=SubmissionStatus.PENDING)
    cleared = next(s for s in ctx.document.submissions() if s.id == sub.id)
    assert (cleared.status, cleared.received) == (SubmissionStatus.PENDING, None)
    assert ctx.undo_stack.count() == steps + 1
    ctx.undo_stack.undo()
    assert next(s for s in ctx.document.submissions() if s.id == sub.id) == late


# -- the dry run shows rows ------------------------------------------------------------------------


def test_the_dry_run_prints_each_row_and_each_skipped_row(disk):
    code, out = run(disk, "import", str(FOLDER / "闵行区活动安排.docx"), "--dry-run")
    assert code == 0
    lines = out.splitlines()
    assert "逐行对比：新增 1，修改 1，删除 0，不变 0" in lines
    assert any(line.startswith("  10    修改  计量进农贸市场：活动名称 “计量日计量活动” → “计量进农贸市场”")
               for line in lines)
    assert "  10-2  新增  医院计量检查" in lines
    assert "跳过的行（不是活动）5 行：" in lines
    for reason in ("（已取消）：3 计量科普展（已取消）", "（只有数字）：4", "（删除线）：5 企业计量培训",
                   "（合计行）：共计 3项", "（填表说明）：备注：第2项视疫情情况调整。"):
        assert any(reason in line for line in lines), reason
    assert [a.name for a in _rows(disk, "闵行")] == ["计量日计量活动"], "a dry run changes nothing"


# -- templates -------------------------------------------------------------------------------------


def test_templates_go_to_every_addressee_whatever_the_filter(ctx, qtbot, tmp_path):
    from ui.main_window import MainWindow
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    box = window.activities.unit_box
    box.setCurrentIndex(box.findData(ctx.document.data.units[1].id))  # the table shows 黄浦
    ctx.dialogs.answers = [1, tmp_path / "2021年计量日活动安排填报模板.xlsx"]
    window.write_template()
    asked = [m for m in ctx.dialogs.messages if m[0] == "choose"]
    assert asked and "只为“黄浦”生成" in asked[0][2] and "21 个单位" in asked[0][2]
    assert "欠报" not in asked[0][2], "19 of the 21 have sent their plan: none of them owes it"
    folder = tmp_path / "2021年计量日活动安排填报模板"
    names = sorted(p.name for p in folder.glob("*.xlsx"))
    assert len(names) == 21 and "2021年世界计量日活动安排填报模板_机场分局.xlsx" in names


# -- a file is read once ---------------------------------------------------------------------------


def test_a_dropped_reply_is_read_once_and_a_refused_one_said_once(ctx, monkeypatch, tmp_path):
    import importers.reply_import
    from ui.drop_router import route_dropped
    calls: list[Path] = []
    original = importers.reply_import.read_reply_docx

    def counted(path, aliases=None):
        calls.append(Path(path))
        return original(path, aliases)
    monkeypatch.setattr(importers.reply_import, "read_reply_docx", counted)
    reviews: list[str] = []
    report = route_dropped(ctx, [FOLDER / "普陀区报送.docx"], None, None,
                           lambda plan, parent: reviews.append(plan.path.name) or True)
    assert len(calls) == 1 and reviews == ["普陀区报送.docx"] and "已导入" in report
    refused = _word(tmp_path / "无名.docx", [["活动名称", "活动时间"], ["计量惠民", "5月20日"]])
    report = route_dropped(ctx, [refused], None, None,
                           lambda plan, parent: reviews.append(plan.path.name) or True)
    assert reviews == ["普陀区报送.docx"], "no preview for a refused file: one message"
    assert report.count("无法确定这份文件是哪个单位的") == 1
