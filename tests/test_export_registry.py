"""The exporter registry: one entry per export, used alike by the window and the command line."""
from __future__ import annotations

import io

import pytest

from cli import build_parser, run_command
from exporters import EXPORTERS, FORMATS, ExportUnsupported, exporter_for
from ui.main_window import MainWindow


def test_every_entry_writes_its_file_under_its_default_name(store, campaign_data, tmp_path,
                                                           qapp):
    from datetime import date

    from exporters.atomic import ExportError
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
        source = {"book": book, "statistics": CampaignEditor(store).statistics()}.get(
            entry.source, campaign_data)
        if entry.fmt == "pdf" and not entry.needs_gui and find_soffice() is None:
            with pytest.raises(ExportError, match="LibreOffice"):
                entry.write(source, path)
            continue
        entry.write(source, path)
        assert path.stat().st_size > 0, entry
    assert len(names) == len(EXPORTERS), "two exports would suggest the same file"
    # Qt paints the tables' PDFs and the report's charts; LibreOffice makes the notice's and
    # the summaries' book's PDFs
    painted = {("appendix", "pdf"), ("schedule", "pdf"), ("report", "docx")}
    assert all(e.needs_gui == ((e.what, e.fmt) in painted) for e in EXPORTERS)
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
    window.export_pdf_action.trigger()
    window.export_checklist_action.trigger()
    assert asked == [("2021年世界计量日活动安排汇总表.pdf", "PDF 文件 (*.pdf)"),
                     ("2021年世界计量日报送清单.xlsx", "Excel 工作簿 (*.xlsx)")]
