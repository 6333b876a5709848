"""Exporters: plain campaign data in, files out. `exporter_for` gives the entry per kind."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from models.entities import Campaign, CampaignData
from models.errors import UserError
from models.i18n import _tr

if TYPE_CHECKING:
    from models.received.summary_book import SummaryBook
    from models.statistics import Statistics


class ExportUnsupported(UserError):
    """A document and format combination the program cannot write."""


@dataclass(frozen=True, slots=True)
class Exporter:
    """One kind of export: what writes it and how the window and command line offer it."""

    what: str                # notice, appendix, schedule, calendar, checklist, summaries,
                             # statistics, report
    fmt: str                 # the file extension, without the dot
    function: str            # "module:function" that writes (data, path)
    name: str                # the default file name's stem; {0} is the campaign's year
    needs_gui: bool = False  # paints through Qt: a QGuiApplication must exist
    source: str = "data"     # what it writes from: "data" (CampaignData), "book" (the
                             # received summaries: models.received.summary_book.SummaryBook)
                             # or "statistics" (the figures: models.statistics.Statistics)

    def default_name(self, campaign: Campaign) -> str:
        """The file name suggested for this export of a campaign."""
        return f"{self.name.format(campaign.year)}.{self.fmt}"

    @property
    def file_filter(self) -> str:
        """The file dialog's filter for this format, in the user's language."""
        return file_filter(self.fmt)

    def write(self, data: CampaignData | SummaryBook | Statistics, path: Path) -> list[str]:
        """Write the export, whole or not at all (the module is loaded only now); notes on
        what could not be put in (the summaries' book says which files stayed out)."""
        module, function = self.function.split(":")
        return getattr(import_module(module), function)(data, path) or []


EXPORTERS: tuple[Exporter, ...] = (
    Exporter("notice", "docx", "exporters.docx_notice:export_notice", "{0}年世界计量日活动通知"),
    Exporter("notice", "pdf", "exporters.docx_notice:export_notice_pdf", "{0}年世界计量日活动通知"),
    Exporter("appendix", "docx", "exporters.docx_appendix:export_appendix",
             "{0}年世界计量日活动安排汇总表"),
    Exporter("appendix", "xlsx", "exporters.xlsx_appendix:export_appendix_xlsx",
             "{0}年世界计量日活动安排汇总表"),
    Exporter("appendix", "pdf", "exporters.pdf_appendix:export_appendix_pdf",
             "{0}年世界计量日活动安排汇总表", needs_gui=True),
    Exporter("schedule", "docx", "exporters.docx_schedule:export_schedule",
             "{0}年世界计量日活动日程表"),
    Exporter("schedule", "pdf", "exporters.pdf_schedule:export_schedule_pdf",
             "{0}年世界计量日活动日程表", needs_gui=True),
    Exporter("calendar", "ics", "exporters.ics_calendar:export_calendar",
             "{0}年世界计量日活动日历"),
    Exporter("checklist", "xlsx", "exporters.xlsx_checklist:export_checklist_xlsx",
             "{0}年世界计量日报送清单"),
    Exporter("summaries", "docx", "exporters.docx_summaries:export_summaries",
             "{0}年活动总结汇编", source="book"),
    Exporter("summaries", "pdf", "exporters.docx_summaries:export_summaries_pdf",
             "{0}年活动总结汇编", source="book"),
    Exporter("statistics", "xlsx", "exporters.xlsx_statistics:export_statistics",
             "{0}年世界计量日活动统计表", source="statistics"),
    Exporter("report", "docx", "exporters.docx_report:export_report",
             "{0}年世界计量日活动情况报告", needs_gui=True, source="statistics"),
)
FORMATS: tuple[str, ...] = tuple(dict.fromkeys(e.fmt for e in EXPORTERS))


def file_filter(fmt: str) -> str:
    """A file dialog's filter for one of our formats, in the user's language."""
    return {"docx": _tr("Word 文档 (*.docx)"), "xlsx": _tr("Excel 工作簿 (*.xlsx)"),
            "pdf": _tr("PDF 文件 (*.pdf)"), "ics": _tr("日历文件 (*.ics)")}[fmt]


def exporter_for(what: str, fmt: str) -> Exporter:
    """The export of a document in a format."""
    for entry in EXPORTERS:
        if (entry.what, entry.fmt) == (what, fmt):
            return entry
    raise ExportUnsupported(_tr("不支持把 {0} 导出为 {1} 格式。").format(what, fmt))
