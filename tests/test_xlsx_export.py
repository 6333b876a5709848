"""The attachment, template and checklist workbooks, and their CLI commands."""
from __future__ import annotations

import subprocess
import sys

import pytest
from openpyxl import load_workbook

from exporters.atomic import ExportError
from exporters.xlsx_appendix import export_appendix_xlsx
from exporters.xlsx_checklist import export_checklist_xlsx
from exporters.xlsx_template import write_templates
from models.entities import Level, UnitKind
from models.layout import table_cells
from models.template_contract import HELP_SHEET, MARKER_SHEET
from tests.conftest import REPO

HEADERS = {  # the notice's two tables (tests/data/notice_2021.txt)
    Level.MUNICIPAL: ["序号", "活动名称", "活动内容", "活动时间", "宣传形式", "宣传内容", "负责单位"],
    Level.DISTRICT: ["序号", "活动名称", "活动内容", "活动时间", "宣传形式", "负责单位"],
}


def test_appendix_sheets_follow_table_cells(campaign_data, tmp_path):
    path = tmp_path / "a.xlsx"
    export_appendix_xlsx(campaign_data, path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["市级", "区级"]
    for level in Level:
        ws = wb[str(level)]
        assert campaign_data.campaign.attachment_title in [ws.cell(2, 1).value]
        assert ws.cell(3, 1).value == ("（市级）" if level == Level.MUNICIPAL else "（区级）")
        assert [c.value for c in ws[4]] == HEADERS[level]
        assert ws.print_title_rows == "$4:$4"
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.cell(4, 1).font.name == "黑体" and ws.cell(5, 2).font.name == "仿宋"
        assert ws.cell(5, 3).alignment.wrap_text
        cells = table_cells(campaign_data.by_level(level), level)
        expected = {(r + 5, c + 1, r + 5 + span - 1) for r, row in enumerate(cells)
                    for c, (_t, span) in enumerate(row) if span > 1}
        merged = {(m.min_row, m.min_col, m.max_row) for m in ws.merged_cells.ranges
                  if m.min_row >= 5}
        assert merged == expected
        for r, row in enumerate(cells):
            for c, (text, span) in enumerate(row):
                if span:
                    assert str(ws.cell(r + 5, c + 1).value) == text


def test_district_table_merges_jinshan_group(campaign_data, tmp_path):
    path = tmp_path / "a.xlsx"
    export_appendix_xlsx(campaign_data, path)
    ws = load_workbook(path)["区级"]
    ranges = {str(m) for m in ws.merged_cells.ranges}
    jinshan = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == 12)
    assert f"A{jinshan}:A{jinshan + 2}" in ranges
    assert f"F{jinshan}:F{jinshan + 2}" in ranges


def test_template_for_unit_has_marker_help_and_validation(campaign_data, tmp_path):
    [path] = write_templates(campaign_data, tmp_path / "黄浦.xlsx", unit="黄浦", every=False)
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "活动安排" and HELP_SHEET in wb.sheetnames
    assert wb[MARKER_SHEET].sheet_state == "veryHidden"
    marker = {r[0]: r[1] for r in wb[MARKER_SHEET].iter_rows(values_only=True)}
    assert marker["unit"] == "黄浦区市场监管局" and marker["year"] == 2021
    ws = wb["活动安排"]
    assert [c.value for c in ws[3]] == HEADERS[Level.DISTRICT]
    assert ws.cell(4, 2).value == "计量惠民"
    assert {ws.cell(r, 6).value for r in range(4, ws.max_row + 1)} == {"黄浦区市场监管局"}
    lists = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert lists and lists[0].formula1 == '"黄浦区市场监管局"'
    help_text = "\n".join(str(c.value) for c in wb[HELP_SHEET]["A"] if c.value)
    assert "请于2021年5月7日前" in help_text and "5月17日至5月23日" in help_text
    assert "5月24日" not in help_text  # the summary's deadline, not the plan's


def test_unknown_unit_is_named(campaign_data, tmp_path):
    with pytest.raises(ExportError, match="火星"):
        write_templates(campaign_data, tmp_path / "x.xlsx", unit="火星", every=False)
    assert not (tmp_path / "x.xlsx").exists()


def test_all_writes_one_per_addressee_owing_the_plan(campaign_data, tmp_path):
    """The 16 districts and 临港, 执法总队, 机场分局, 市计测院, 市质检院: every unit the notice
    asks for a 活动安排, not the districts only (临港 and 机场分局 still owe theirs)."""
    written = write_templates(campaign_data, tmp_path / "out" / "sub", unit=None, every=True)
    districts = [u for u in campaign_data.units if u.kind == UnitKind.DISTRICT]
    assert len(districts) == 16 and len(written) == 21
    names = {p.name for p in written}
    assert {"2021年世界计量日活动安排填报模板_临港.xlsx", "2021年世界计量日活动安排填报模板_机场分局.xlsx"} <= names
    assert "2021年世界计量日活动安排填报模板_真新街道.xlsx" not in names, "it owes no plan"
    assert all(p.exists() and p.parent == tmp_path / "out" / "sub" for p in written)


def test_checklist_lists_every_submission(campaign_data, tmp_path):
    path = tmp_path / "c.xlsx"
    export_checklist_xlsx(campaign_data, path)
    ws = load_workbook(path).active
    assert [c.value for c in ws[2]] == ["序号", "单位", "报送事项", "截止日期", "状态", "报送日期",
                                        "备注"]
    assert ws.max_row == 2 + len(campaign_data.submissions)
    assert [ws.cell(r, c).value for r in (3, 4) for c in (2, 3, 5)] == [
        "浦东新区市场监管局", "活动安排", "已报送", "浦东新区市场监管局", "活动总结", "未报送"]
    assert ws.cell(4, 4).value.date().isoformat() == "2021-05-24"


def _cli(tmp_path, *args):
    return subprocess.run([sys.executable, str(REPO / "main.py"), "--db", str(tmp_path / "db.sqlite3"),
                           *args], capture_output=True, text=True, cwd=REPO, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                               "HOME": str(tmp_path)})


def test_cli_exports_and_templates(tmp_path):
    out = _cli(tmp_path, "export", "appendix", "--format", "xlsx", "-o", str(tmp_path / "a.xlsx"))
    assert out.returncode == 0, out.stderr
    assert load_workbook(tmp_path / "a.xlsx").sheetnames == ["市级", "区级"]
    out = _cli(tmp_path, "template", "--unit", "黄浦", "-o", str(tmp_path / "黄浦.xlsx"))
    assert out.returncode == 0 and (tmp_path / "黄浦.xlsx").exists(), out.stderr
    out = _cli(tmp_path, "template", "--all", "-o", str(tmp_path / "all"))
    assert out.returncode == 0 and len(list((tmp_path / "all").glob("*.xlsx"))) == 21, \
        "every addressee owing its 活动安排"
    out = _cli(tmp_path, "template", "--unit", "火星", "-o", str(tmp_path / "x.xlsx"))
    assert out.returncode == 2 and "火星" in out.stderr
    out = _cli(tmp_path, "import", "--dry-run", str(tmp_path / "黄浦.xlsx"))
    assert out.returncode == 0 and "仅检查" in out.stdout, out.stdout + out.stderr
    out = _cli(tmp_path, "export", "calendar", "-o", str(tmp_path / "c.ics"))
    assert out.returncode == 0 and b"BEGIN:VEVENT" in (tmp_path / "c.ics").read_bytes()


def test_every_row_has_its_height_and_no_page_break_cuts_a_group(campaign_data, tmp_path):
    from exporters.xlsx_appendix import export_appendix_xlsx
    path = tmp_path / "a.xlsx"
    export_appendix_xlsx(campaign_data, path)
    book = load_workbook(path)
    broke = 0
    for level in Level:
        ws = book[str(level)]
        first_body = 5
        last = ws.max_row
        heights = [ws.row_dimensions[r].height for r in range(first_body, last + 1)]
        assert all(h is not None and h >= 24 for h in heights), heights
        merged = [(m.min_row, m.max_row) for m in ws.merged_cells.ranges if m.min_row >= first_body]
        breaks = [b.id for b in ws.row_breaks.brk]     # a page ends after row id
        assert not [(b, m) for b in breaks for m in merged if m[0] <= b < m[1]]
        broke += len(breaks)
    assert broke >= 2            # the seed's district table takes more than one page


def test_page_breaks_keep_a_group_whole_unless_it_is_taller_than_a_page():
    from exporters.xlsx_common import page_breaks
    heights = [100.0, 100.0, 100.0, 100.0, 100.0, 100.0]
    # rows 1-3 are one group: on a 250-point page it starts a new one after row 0
    assert page_breaks(heights, [(0, 0), (1, 3), (4, 4), (5, 5)], 250, 350) == [1, 4]
    # a group taller than a page breaks between its rows, never before its first on page 1
    assert page_breaks(heights, [(0, 5)], 250, 250) == [2, 4]
