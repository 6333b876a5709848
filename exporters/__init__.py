"""Exporters: plain campaign data in, files out. EXPORTERS is the one list of exports;
`exporter_for` gives the entry per document and format."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.entities import Campaign, CampaignData
from models.errors import ExportUnsupported
from models.export_warnings import export_warnings
from models.i18n import QT_TRANSLATE_NOOP, _tr

if TYPE_CHECKING:
    from models.received.summary_book import SummaryBook
    from models.statistics import Statistics


class Need(StrEnum):
    """What an export needs before it can start."""

    GUI = "gui"                   # paints through Qt: a QGuiApplication must exist
    LIBREOFFICE = "libreoffice"   # converts through LibreOffice: checked before asking where
    RECEIVED_FILES = "received"   # reads the files units sent, kept beside the database
    CJK_FONT = "cjk-font"         # a PDF in Chinese: a Chinese font must be installed


READY_CHECKS: dict[Need, str] = {
    Need.LIBREOFFICE: "exporters.pdf_office:check_pdf_possible",
    Need.CJK_FONT: "exporters.pdf_fonts:check_cjk_font",
}
"""For a need that can be missing: "module:function" raising a UserError that says what to
do (loaded by name, like the writers, so the registry imports none of them)."""


def _loaded(spec: str) -> Callable[..., Any]:
    """The function a "module:function" names, its module loaded now."""
    module, function = spec.split(":")
    return getattr(import_module(module), function)


@dataclass(frozen=True, slots=True)
class ExportSources:
    """What an export may be built from; each entry's `build` takes what it needs."""

    data: CampaignData
    book: Callable[[], SummaryBook]
    """The received 活动总结 compiled into a book, made only when an entry asks for it."""
    statistics: Callable[[], Statistics] | None = None
    """The campaign's figures per unit (and last year's), made only when an entry asks."""
    issued: date | None = None
    """The day the report is dated, when the user gives one (else its campaign default)."""


@dataclass(frozen=True, slots=True)
class DatedStatistics:
    """Input of the 情况报告: the statistics and the day the user dates it (None: default)."""

    statistics: Statistics
    issued: date | None = None


def campaign_records(sources: ExportSources) -> CampaignData:
    """Input of most exports: the open campaign's records."""
    return sources.data


def received_book(sources: ExportSources) -> SummaryBook:
    """Input of the summaries' book: the files units sent, compiled."""
    return sources.book()


def dated_statistics(sources: ExportSources) -> DatedStatistics:
    """Input of the 情况报告: the figures of every unit and the day it is dated."""
    return DatedStatistics(campaign_statistics(sources), sources.issued)


def campaign_statistics(sources: ExportSources) -> Statistics:
    """Input of the 统计表 and the 情况报告: the figures of every unit, with last year's."""
    assert sources.statistics is not None, "the caller gives no statistics"
    return sources.statistics()


@dataclass(frozen=True, slots=True)
class Exporter:
    """One export, and everything the window's menu and the command line need to offer it.

    To add an export, add one entry to EXPORTERS below: the menu item (ui/export_menu.py),
    the command line's `export WHAT --format FMT` choices (cli.py) and the registry test
    follow from it. Fields:
      what      the document, also the command line's WHAT (notice, appendix, …)
      fmt       the file extension, without the dot (one of file_filter's formats)
      function  "module:function" writing (input, path), loaded only when used; it returns
                notes on what could not be put in (or None)
      name      the default file name's stem; {0} is the campaign's year
      label     the menu item, in Chinese, marked for translation under "MainWindow"
      build     how its input is made from ExportSources (campaign_records, received_book,
                campaign_statistics)
      needs     what it needs first (Need: GUI, CJK_FONT, LIBREOFFICE, RECEIVED_FILES);
                a need that can be missing is checked by READY_CHECKS before anything
      shortcut  the name of its key sequence in ui/hotkeys.py, if it has one
      toolbar   its short button text on the window's toolbar (marked for translation
                under "MainWindow"); empty: in the menu only
    An entry in the earlier shape converts as: needs_gui=True → needs=_PAINTED;
    source="book" → build=received_book, needs=frozenset({Need.RECEIVED_FILES}); plus label.
    """

    what: str
    fmt: str
    function: str
    name: str
    label: str = ""  # required in fact: tests/test_export_registry.py names entries without
    build: Callable[[ExportSources], object] = campaign_records
    needs: frozenset[Need] = frozenset()
    shortcut: str = ""
    toolbar: str = ""

    @property
    def needs_gui(self) -> bool:
        """Paints through Qt: the command line must start a QGuiApplication."""
        return Need.GUI in self.needs

    def default_name(self, campaign: Campaign) -> str:
        """The file name suggested for this export of a campaign."""
        return f"{self.name.format(campaign.year)}.{self.fmt}"

    @property
    def file_filter(self) -> str:
        """The file dialog's filter for this format, in the user's language."""
        return file_filter(self.fmt)

    def check_ready(self) -> None:
        """Refuse early, saying what to do, when something it needs is missing (before the
        user is asked where to save)."""
        for need, check in READY_CHECKS.items():  # in that order: LibreOffice first
            if need in self.needs:
                _loaded(check)()

    def write(self, data: object, path: Path) -> list[str]:
        """Write the export from its built input, whole or not at all (the module is loaded
        only now); notes on what could not be put in."""
        return _loaded(self.function)(data, path) or []

    def export(self, sources: ExportSources, path: Path) -> list[str]:
        """Check what it needs, build its input and write it; notes as `write`."""
        self.check_ready()
        return self.write(self.build(sources), path)

    def warnings(self, sources: ExportSources) -> list[str]:
        """What the coordinator should know about the records it was made from ([] for an
        export not built from them)."""
        return export_warnings(sources.data) if self.build is campaign_records else []


_PAINTED = frozenset({Need.GUI, Need.CJK_FONT})  # a PDF Qt draws
_APPENDIX = "{0}年世界计量日活动安排汇总表"
_SCHEDULE = "{0}年世界计量日活动日程表"
_BOOK = "{0}年世界计量日活动总结汇编"
EXPORTERS: tuple[Exporter, ...] = (
    Exporter("notice", "docx", "exporters.docx_notice:export_notice", "{0}年世界计量日活动通知",
             QT_TRANSLATE_NOOP("MainWindow", "导出通知（Word）…"), shortcut="EXPORT_NOTICE",
             toolbar=QT_TRANSLATE_NOOP("MainWindow", "通知 Word")),
    Exporter("notice", "pdf", "exporters.docx_notice:export_notice_pdf", "{0}年世界计量日活动通知",
             QT_TRANSLATE_NOOP("MainWindow", "导出通知（PDF）…"),
             needs=frozenset({Need.LIBREOFFICE, Need.CJK_FONT})),
    Exporter("appendix", "docx", "exporters.docx_appendix:export_appendix", _APPENDIX,
             QT_TRANSLATE_NOOP("MainWindow", "导出附件汇总表（Word）…"), shortcut="EXPORT_APPENDIX",
             toolbar=QT_TRANSLATE_NOOP("MainWindow", "附件 Word")),
    Exporter("appendix", "xlsx", "exporters.xlsx_appendix:export_appendix_xlsx", _APPENDIX,
             QT_TRANSLATE_NOOP("MainWindow", "导出附件汇总表（Excel）…"),
             toolbar=QT_TRANSLATE_NOOP("MainWindow", "附件 Excel")),
    Exporter("appendix", "pdf", "exporters.pdf_appendix:export_appendix_pdf", _APPENDIX,
             QT_TRANSLATE_NOOP("MainWindow", "导出附件汇总表（PDF）…"), needs=_PAINTED),
    Exporter("schedule", "docx", "exporters.docx_schedule:export_schedule", _SCHEDULE,
             QT_TRANSLATE_NOOP("MainWindow", "导出活动日程表（Word）…")),
    Exporter("schedule", "pdf", "exporters.pdf_schedule:export_schedule_pdf", _SCHEDULE,
             QT_TRANSLATE_NOOP("MainWindow", "导出活动日程表（PDF）…"), needs=_PAINTED),
    Exporter("calendar", "ics", "exporters.ics_calendar:export_calendar",
             "{0}年世界计量日活动日历", QT_TRANSLATE_NOOP("MainWindow", "导出活动日历（.ics）…")),
    Exporter("checklist", "xlsx", "exporters.xlsx_checklist:export_checklist_xlsx",
             "{0}年世界计量日报送清单", QT_TRANSLATE_NOOP("MainWindow", "导出报送清单（Excel）…")),
    Exporter("summaries", "docx", "exporters.docx_summaries:export_summaries", _BOOK,
             QT_TRANSLATE_NOOP("MainWindow", "导出活动总结汇编（Word）…"), received_book,
             frozenset({Need.RECEIVED_FILES})),
    Exporter("summaries", "pdf", "exporters.docx_summaries:export_summaries_pdf", _BOOK,
             QT_TRANSLATE_NOOP("MainWindow", "导出活动总结汇编（PDF）…"), received_book,
             frozenset({Need.RECEIVED_FILES, Need.LIBREOFFICE, Need.CJK_FONT})),
    Exporter("statistics", "xlsx", "exporters.xlsx_statistics:export_statistics",
             "{0}年世界计量日活动统计表", QT_TRANSLATE_NOOP("MainWindow", "导出活动统计表（Excel）…"),
             campaign_statistics),
    Exporter("report", "docx", "exporters.docx_report:export_report",
             "{0}年世界计量日活动情况报告",
             QT_TRANSLATE_NOOP("MainWindow", "导出活动情况报告（Word）…"), dated_statistics,
             frozenset({Need.GUI})),
)


def documents() -> tuple[str, ...]:
    """The documents, in menu order: the command line's choices for `export WHAT`."""
    return tuple(dict.fromkeys(e.what for e in EXPORTERS))
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
