"""The exporter registry: one entry per export, used alike by the window and the command line."""
from __future__ import annotations

import io
import re

import pytest

from cli import build_parser, run_command
from exporters import (
    EXPORTERS,
    FORMATS,
    ExportSources,
    ExportUnsupported,
    Need,
    campaign_statistics,
    dated_statistics,
    exporter_for,
    received_book,
)
from ui.main_window import MainWindow


def test_every_entry_writes_its_file_under_its_default_name(store, campaign_data, tmp_path,
                                                           qapp):
    from datetime import date

    from exporters.atomic import ExportError
    from exporters.pdf_fonts import missing_cjk_font
    from models.editor import CampaignEditor
    from models.received.soffice import find_soffice
    from models.received.summary_book import SummaryBook
    book = SummaryBook("2021年“5·20世界计量日”活动总结汇编", "上海市市场监督管理局计量处",
                       date(2021, 5, 25), (), tuple(u.name for u in campaign_data.units))
    names = set()
    for entry in EXPORTERS:
        name = entry.default_name(campaign_data.campaign)
        assert name.startswith("2021年") and name.endswith(f".{entry.fmt}")
        names.add(name)
        path = tmp_path / name
        sources = ExportSources(campaign_data, lambda: book, CampaignEditor(store).statistics)
        if (Need.LIBREOFFICE in entry.needs and find_soffice() is None) or (
                Need.CJK_FONT in entry.needs and missing_cjk_font() is not None):
            with pytest.raises(ExportError, match="LibreOffice|中文字体"):
                entry.export(sources, path)
            assert not path.exists()
            continue
        entry.export(sources, path)
        assert path.stat().st_size > 0, entry
    assert len(names) == len(EXPORTERS), "two exports would suggest the same file"
    # Qt paints the tables' PDFs and the report's charts; LibreOffice makes the notice's and
    # the summaries' book's PDFs
    assert {(e.what, e.fmt) for e in EXPORTERS if e.needs_gui} == {
        ("appendix", "pdf"), ("schedule", "pdf"), ("report", "docx")}
    assert {(e.what, e.fmt) for e in EXPORTERS if Need.LIBREOFFICE in e.needs} == {
        ("notice", "pdf"), ("summaries", "pdf")}
    assert {e.what for e in EXPORTERS if e.build is received_book} == {"summaries"}
    assert {e.what for e in EXPORTERS if e.build is campaign_statistics} == {"statistics"}
    assert {e.what for e in EXPORTERS if e.build is dated_statistics} == {"report"}
    assert {(e.what, e.fmt) for e in EXPORTERS if Need.CJK_FONT in e.needs} == {
        ("notice", "pdf"), ("appendix", "pdf"), ("schedule", "pdf"), ("summaries", "pdf")}
    assert set(FORMATS) == {"docx", "xlsx", "pdf", "ics"}


def test_an_unknown_combination_is_a_message_not_a_crash(store):
    with pytest.raises(ExportUnsupported, match="notice"):
        exporter_for("notice", "xlsx")
    out, err = io.StringIO(), io.StringIO()
    args = build_parser().parse_args(["export", "notice", "-o", "x.xlsx"])
    assert run_command(store, args, out, err) == 2
    assert err.getvalue() == "错误：不支持把 notice 导出为 xlsx 格式。\n"


def test_the_window_offers_the_registry_name_and_filter(ctx, qtbot, monkeypatch):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    asked = []

    def save_path(title, suggested, filters):
        asked.append((suggested.name, filters))
        return None
    monkeypatch.setattr(ctx.dialogs, "save_path", save_path)
    window.export_actions["schedule", "docx"].trigger()
    window.export_actions["checklist", "xlsx"].trigger()
    assert asked == [("2021年世界计量日活动日程表.docx", "Word 文档 (*.docx)"),
                     ("2021年世界计量日报送清单.xlsx", "Excel 工作簿 (*.xlsx)")]


def test_every_entry_has_a_menu_label_marked_for_translation():
    """An entry written without its label would be an empty menu item."""
    from tests.conftest import REPO
    ts = (REPO / "resources" / "metrology_en.ts").read_text(encoding="utf-8")
    assert [f"{e.what} {e.fmt}" for e in EXPORTERS if not e.label] == []
    assert [e.label for e in EXPORTERS if f"<source>{e.label}</source>" not in ts] == []


def test_the_file_menu_and_the_command_line_offer_every_entry(ctx, qtbot):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "文件(&F)"]
    texts = [re.sub(r"\(&.\)", "", a.text()) for a in file_menu.actions()]  # access letters
    assert texts[:len(EXPORTERS)] == [e.label for e in EXPORTERS]
    assert window.export_actions["notice", "docx"].shortcut().toString() == "Ctrl+E"
    [export] = [a for a in build_parser()._subparsers._group_actions[0].choices.items()
                if a[0] == "export"]
    [what] = [a for a in export[1]._actions if a.dest == "what"]
    assert list(what.choices) == list(dict.fromkeys(e.what for e in EXPORTERS))


def test_an_entry_added_to_the_list_is_in_the_menu_and_the_command_line(
        ctx, qtbot, tmp_path, monkeypatch, store):
    """A new export needs its entry only (and its writer): menu, choices and writing follow."""
    import exporters
    written = []

    def write_stats(data, path):
        written.append(data.campaign.year)
        path.write_text("stats", encoding="utf-8")
    monkeypatch.setattr(exporters, "write_stats_for_test", write_stats, raising=False)
    entry = exporters.Exporter("tally", "xlsx", "exporters:write_stats_for_test",
                               "{0}年统计", "导出统计（Excel）…", toolbar="统计 Excel")
    extended = (*EXPORTERS, entry)
    monkeypatch.setattr(exporters, "EXPORTERS", extended)
    monkeypatch.setattr(ctx.dialogs, "save_path", lambda *_args: tmp_path / "统计.xlsx")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    action = window.export_actions["tally", "xlsx"]
    assert re.sub(r"\(&.\)", "", action.text()) == "导出统计（Excel）…"
    assert action in window.findChild(__import__("PySide6.QtWidgets").QtWidgets.QToolBar
                                      ).actions()
    action.trigger()
    assert written == [2021] and (tmp_path / "统计.xlsx").read_text(encoding="utf-8") == "stats"
    out = io.StringIO()
    args = build_parser().parse_args(["export", "tally", "-o", str(tmp_path / "s.xlsx")])
    assert run_command(store, args, out, io.StringIO()) == 0
    assert written == [2021, 2021]
