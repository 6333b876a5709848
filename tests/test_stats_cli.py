"""The command line for the figures: stats, --set, --suggest, --accept; export statistics and
report; summaries read from Word (saved by LibreOffice) and from a PDF's text layer."""
from __future__ import annotations

import io
import shutil
import zipfile

import pytest
from docx import Document
from openpyxl import load_workbook

from cli import build_parser
from importers.summary_text import summary_text
from models.editor import CampaignEditor
from models.errors import ReadError
from models.received.file_kinds import FileKind
from tests.cli_run import run_cli
from tests.conftest import REPO

FILES = REPO / "tests" / "data" / "summary_files"


run = run_cli  # (code, out, err) of one command




def _values(store):
    editor = CampaignEditor(store)
    units = {u.id: u.short_name for u in editor.document.units}
    figures = {f.id: f.name for f in editor.figures()}
    return {(units[v.unit_id], figures[v.figure_id]): (v.value, v.approximate)
            for v in editor.figure_values()}


def test_stats_set_stores_values_and_the_table_shows_them_with_totals(store):
    code, out, err = run(store, "stats", "--set", "徐汇", "发放宣传资料=1,200余", "开展活动=12")
    assert code == 0, err
    assert _values(store) == {("徐汇", "发放宣传资料"): (1200, "余"), ("徐汇", "开展活动"): (12, "")}
    row = next(line for line in out.splitlines() if line.startswith("徐汇"))
    assert "1200余" in row and "12" in row
    total = next(line for line in out.splitlines() if line.startswith("合计"))
    assert "1200余" in total
    assert "尚缺数据的单位" in out


@pytest.mark.parametrize(("pair", "message"), [
    ("发放宣传资料=很多", "不是数量"), ("发放宣传资料=-3", "负数"),
    ("发放宣传资料=20000000", "超过"), ("宣传资料1200", "指标=数值"), ("无此指标=5", "指标=数值"),
])
def test_stats_set_refuses_bad_input_and_stores_nothing(store, pair, message):
    code, _out, err = run(store, "stats", "--set", "徐汇", "开展活动=3", pair)
    assert code == 2 and message in err
    assert _values(store) == {}


def test_stats_set_for_a_unit_that_does_not_exist(store):
    code, _out, err = run(store, "stats", "--set", "火星", "开展活动=3")
    assert code == 2 and "火星" in err


def _receive(store, unit, path):
    code, _out, err = run(store, "receive", str(path), "--unit", unit, "--date", "2021-05-24")
    assert code == 0, err


def test_suggest_prints_sentences_and_stores_nothing_then_accept_fills_only_the_unset(disk):
    _receive(disk, "长宁", FILES / "changning_summary.docx")
    _receive(disk, "徐汇", FILES / "xuhui_summary.pdf")
    run(disk, "stats", "--set", "徐汇", "开展活动=15")
    code, out, err = run(disk, "stats", "--suggest")
    assert code == 0, err
    assert "组织收看：150人次" in out
    assert "原句：5月20日下午，组织全局干部职工及辖区重点企业代表一百五十人在线收看" in out
    assert "参与群众：约1800人次" in out                     # from the PDF's text layer
    assert _values(disk) == {("徐汇", "开展活动"): (15, "")}
    code, out, err = run(disk, "stats", "--accept")
    assert code == 0, err
    stored = _values(disk)
    assert stored[("徐汇", "开展活动")] == (15, "")          # set before: kept
    assert stored[("长宁", "发放宣传资料")] == (300, "余")
    assert stored[("长宁", "免费检定检测计量器具")] == (120, "")
    assert stored[("徐汇", "免费检定检测计量器具")] == (86, "")
    assert len(stored) == 1 + 6 + 4


def test_a_summary_that_cannot_be_read_gives_no_suggestions_and_says_why(disk, tmp_path):
    picture = tmp_path / "总结.png"
    shutil.copy(REPO / "resources" / "icons" / next(
        p.name for p in (REPO / "resources" / "icons").iterdir() if p.suffix == ".png"), picture)
    _receive(disk, "黄浦", picture)
    code, out, _err = run(disk, "stats", "--suggest")
    assert code == 0
    assert "黄浦" in out and "无建议" in out and "图片" in out
    code, out, _err = run(disk, "stats", "--accept")
    assert "已采用 0 项" in out and _values(disk) == {}


def test_text_of_word_and_pdf_summaries_and_why_not(tmp_path):
    assert "一百二十台件" in summary_text(FILES / "changning_summary.docx", FileKind.DOCX)
    assert "计量器具86" in summary_text(FILES / "xuhui_summary.pdf", FileKind.PDF).replace(" ", "")
    broken = tmp_path / "坏.pdf"
    broken.write_bytes(b"%PDF-1.4\n%garbage")
    with pytest.raises(ReadError, match="坏.pdf"):
        summary_text(broken, FileKind.PDF)
    fake = tmp_path / "坏.docx"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("word/other.xml", "<x/>")
    with pytest.raises(ReadError, match="坏.docx"):
        summary_text(fake, FileKind.DOCX)


def _fill(store):
    for unit, values in (("黄浦", ["开展活动=3", "发放宣传资料=1000余", "参与群众=约300"]),
                         ("徐汇", ["开展活动=12", "发放宣传资料=110", "媒体报道=5"])):
        code, _out, err = run(store, "stats", "--set", unit, *values)
        assert code == 0, err


def test_export_statistics_units_in_official_order_totals_marks_sources_and_charts(store,
                                                                                   tmp_path):
    _fill(store)
    path = tmp_path / "统计表.xlsx"
    code, _out, err = run(store, "export", "statistics", "-o", str(path))
    assert code == 0, err
    wb = load_workbook(path)
    ws = wb["统计表"]
    header = [c.value for c in ws[3]]
    assert header[:3] == ["序号", "单位", "开展活动（场）"] and header[-1] == "数据来源"
    names = [ws.cell(row=r, column=2).value for r in range(4, ws.max_row + 1)]
    order = [u.name for u in store.units()]
    listed = [n for n in names if n in order]
    assert listed == sorted(listed, key=order.index)
    huangpu = names.index("黄浦区市场监管局") + 4
    material = header.index("发放宣传资料（份）") + 1
    cell = ws.cell(row=huangpu, column=material)
    assert cell.value == 1000 and cell.number_format.endswith('"余"')
    assert ws.cell(row=huangpu, column=len(header)).value == "填写"
    total_row = names.index("合计") + 4
    assert ws.cell(row=total_row, column=material).value.startswith("=SUM(")
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    charts = wb["统计图"]._charts
    assert len(charts) == 6
    assert {c.title.tx.rich.p[0].r[0].t for c in charts} >= {"发放宣传资料（份）"}


def test_export_report_writes_the_totals_and_the_table(store, tmp_path, qapp):
    _fill(store)
    path = tmp_path / "报告.docx"
    code, _out, err = run(store, "export", "report", "-o", str(path))
    assert code == 0, err
    document = Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "全市共开展活动15场" in text and "发放宣传资料1110余份" in text
    assert "国家市场监督管理总局计量司：" in text
    assert "全市共安排市级活动" in text and "宣传形式以" in text
    [table] = document.tables
    assert table.rows[0].cells[2].text == "开展活动（场）"
    pictures = [n for n in zipfile.ZipFile(path).namelist() if n.startswith("word/media/")]
    assert len(pictures) == 1 + 6            # activities by day, then each figure
    orientations = [s.orientation for s in document.sections]
    assert 1 in orientations                     # the table's landscape page


def test_the_report_compares_with_last_year_when_the_database_holds_it(store, tmp_path, qapp):
    _fill(store)
    editor = CampaignEditor(store)
    editor.new_campaign_from_last_year(2022)
    code, _out, err = run(store, "stats", "--year", "2022", "--set", "黄浦", "开展活动=6",
                          "发放宣传资料=2000")
    assert code == 0, err
    code, out, _err = run(store, "stats", "--year", "2022")
    assert "与 2021 年比较" in out and "开展活动：6场（上年 15，下降 60.0%）" in out
    path = tmp_path / "报告2022.docx"
    assert run(store, "export", "report", "--year", "2022", "-o", str(path))[0] == 0
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "与2021年相比，开展活动下降60.0%" in text


def test_export_report_paints_so_the_command_line_makes_a_gui_application():
    from cli import _paints
    assert _paints(build_parser().parse_args(["export", "report", "-o", "r.docx"]))
    assert not _paints(build_parser().parse_args(["export", "statistics", "-o", "s.xlsx"]))


def test_an_old_word_summary_is_read_through_libreoffice_or_the_reason_is_given(monkeypatch):
    from models.received import soffice
    doc = REPO / "tests" / "data" / "summary_word97.doc"
    if soffice.find_soffice() is not None:
        assert "浦东新区市场监管局活动总结" in summary_text(doc, FileKind.DOC)
    monkeypatch.setattr(soffice, "find_soffice", lambda: None)
    with pytest.raises(ReadError, match="LibreOffice"):
        summary_text(doc, FileKind.DOC)


@pytest.mark.parametrize(("first", "second", "total"), [
    ("1000余", "200多", "1200余"),      # both more than stated: more than the sum
    ("约1000", "200余", "约1200"),      # one only about: the sum is only about
    ("近1000", "200余", "约1200"),      # one under, one over: about
    ("近1000", "近200", "近1200"),      # both just under: just under the sum
    ("1000", "200", "1200"),
])
def test_an_approximate_total_carries_the_mark_its_parts_allow(store, first, second, total):
    assert run(store, "stats", "--set", "徐汇", f"发放宣传资料={first}")[0] == 0
    assert run(store, "stats", "--set", "黄浦", f"发放宣传资料={second}")[0] == 0
    _code, out, _err = run(store, "stats")
    row = next(line for line in out.splitlines() if line.startswith("合计"))
    assert row.split()[3] == total


def test_the_report_is_dated_from_the_campaign_numbered_as_a_draft_and_has_the_banji(
        store, tmp_path, qapp):
    _fill(store)
    campaign = store.load().campaign
    assert str(campaign.summary_due) == "2021-05-24"        # the summaries' due date
    path = tmp_path / "报告.docx"
    assert run(store, "export", "report", "-o", str(path))[0] == 0
    lines = [p.text for p in Document(str(path)).paragraphs if p.text.strip()]
    assert "沪市监计量〔2021〕\u3000\u3000号" in lines            # the serial left to fill in
    signature = lines.index("上海市市场监督管理局")
    assert lines[signature + 1] == "2021年5月24日"                 # not the machine's today
    assert lines[-1] == "\t上海市市场监督管理局办公室\t2021年5月24日印发"   # the 版记, last


def test_a_report_date_the_coordinator_gives_dates_it_everywhere(store, qapp):
    from datetime import date

    from exporters.docx_report import draft_number, report_document
    _fill(store)
    draft = report_document(CampaignEditor(store).statistics(), date(2022, 1, 10))
    lines = [p.text for p in Document(io.BytesIO(draft.to_bytes())).paragraphs if p.text.strip()]
    assert "沪市监计量〔2022〕\u3000\u3000号" in lines and "2022年1月10日" in lines
    assert lines[-1].endswith("2022年1月10日印发")
    assert draft_number("", 2021) == ""          # no 代字 to take: no number line text


def test_export_report_date_sets_the_day_and_is_refused_for_other_exports(store, tmp_path,
                                                                          qapp):
    _fill(store)
    path = tmp_path / "报告.docx"
    code, _out, err = run(store, "export", "report", "-o", str(path), "--date", "2021-06-01")
    assert code == 0, err
    lines = [p.text for p in Document(str(path)).paragraphs if p.text.strip()]
    assert "2021年6月1日" in lines and lines[-1].endswith("2021年6月1日印发")
    code, _out, err = run(store, "export", "statistics", "-o", str(tmp_path / "s.xlsx"),
                          "--date", "2021-06-01")
    assert code != 0 and "--date" in err and not (tmp_path / "s.xlsx").exists()
