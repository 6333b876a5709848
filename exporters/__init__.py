"""Exporters: plain campaign data in, files out. `exporter_for` names the function per kind."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from models.entities import CampaignData


class ExportUnsupported(ValueError):
    """A document and format combination the program cannot write."""


def exporter_for(what: str, fmt: str) -> Callable[[CampaignData, Path], None]:
    """The export function for a document and format."""
    if (what, fmt) == ("notice", "docx"):
        from exporters.docx_notice import export_notice
        return export_notice
    if (what, fmt) == ("appendix", "docx"):
        from exporters.docx_appendix import export_appendix
        return export_appendix
    if (what, fmt) == ("appendix", "xlsx"):
        from exporters.xlsx_appendix import export_appendix_xlsx
        return export_appendix_xlsx
    if (what, fmt) == ("appendix", "pdf"):
        from exporters.pdf_appendix import export_appendix_pdf
        return export_appendix_pdf
    if (what, fmt) == ("schedule", "docx"):
        from exporters.docx_schedule import export_schedule
        return export_schedule
    if (what, fmt) == ("schedule", "pdf"):
        from exporters.pdf_schedule import export_schedule_pdf
        return export_schedule_pdf
    if (what, fmt) == ("calendar", "ics"):
        from exporters.ics_calendar import export_calendar
        return export_calendar
    if (what, fmt) == ("checklist", "xlsx"):
        from exporters.xlsx_checklist import export_checklist_xlsx
        return export_checklist_xlsx
    raise ExportUnsupported(f"不支持把 {what} 导出为 {fmt} 格式。")
