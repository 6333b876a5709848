"""The division's 情况报告 draft in Word, in the notice's GB/T 9704 layout: the totals written
out, the activities by level, day and publicity form, the statistics table on a landscape
page, and a chart per figure drawn with Qt."""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from docx import Document as new_document
from docx.shared import Mm

from exporters import DatedStatistics
from exporters import docx_xml as dx
from exporters.atomic import write_atomically
from exporters.bar_chart import bar_chart_png
from exporters.docx_appendix import TABLE_STYLE, add_table_styles
from exporters.docx_draft import WordDraft
from exporters.docx_notice import (
    banji_block,
    blank_lines,
    body_paragraph,
    header_block,
    signature_block,
    title_block,
)
from exporters.docx_package import finish_package
from exporters.output_checks import check_docx
from models.figure_numbers import shown_value
from models.notice_rules import DOC_NUMBER
from models.report_text import (
    activities_sentences,
    comparison_sentence,
    report_date,
    report_title,
    totals_sentence,
)
from models.statistics import Statistics
from models.text import chinese_date

RECIPIENT = "国家市场监督管理总局计量司"
SERIAL_BLANK = "\u3000\u3000"
"""Where an unnumbered draft's serial is filled in when the document is registered (编号):
two full-width blanks, as the notice's own rules take a 发文字号 without a serial."""
CHART_MM = (150, 78)
UNIT_COLUMN_TWIPS = 2600
NUMBER_COLUMN_TWIPS = 700


def report_body(stats: Statistics) -> list[str]:
    """The body's lines, headings numbered as the notice's are (一、 …)."""
    lines = [f"按照《{stats.campaign.title.replace(chr(10), '')}》要求，各单位围绕"
             f"“{stats.campaign.theme}”主题开展了系列宣传活动。现将有关情况报告如下：",
             "一、总体情况", totals_sentence(stats)]
    comparison = comparison_sentence(stats)
    if comparison:
        lines.append(comparison)
    lines += ["二、活动安排情况", *activities_sentences(stats)]
    missing = stats.missing()
    lines += ["三、各单位统计数据", "各单位数据见附表，统计图附后。"
              + (f"截至报告日，尚有{len(missing)}个单位的数据未报齐。" if missing else "")]
    return lines


def statistics_table(stats: Statistics) -> str:
    """The table: 序号, 单位, a column per figure, then 合计 (and last year's when stored)."""
    width = dx.text_width_twips(landscape=True)
    figure_width = (width - NUMBER_COLUMN_TWIPS - UNIT_COLUMN_TWIPS) // max(len(stats.figures), 1)
    widths = [NUMBER_COLUMN_TWIPS, UNIT_COLUMN_TWIPS] + [figure_width] * len(stats.figures)
    widths[1] += width - sum(widths)
    header = ["序号", "单位"] + [f.label for f in stats.figures]
    rows = []
    for index, unit in enumerate(stats.units, start=1):
        cells = [str(index), unit.name]
        for figure in stats.figures:
            value = stats.value(figure, unit)
            cells.append(shown_value(value.value, value.approximate) if value else "—")
        rows.append([(text, 1) for text in cells])
    totals = ["", "合计"] + [
        shown_value(t.value, t.mark) if f.summed else ""
        for f in stats.figures for t in [stats.totals[f.id or 0]]]
    rows.append([(text, 1) for text in totals])
    if stats.previous is not None:
        before = ["", f"{stats.previous.campaign.year}年合计"]
        for figure in stats.figures:
            change = stats.change(figure)
            percent = change.percent if change else None
            before.append("" if change is None else f"{change.before}" + (
                "" if percent is None else f"\n({percent:+.1f}%)"))
        rows.append([(text, 1) for text in before])
    aligns = ["center", "left"] + ["center"] * len(stats.figures)
    return dx.table_xml(widths, header, rows, TABLE_STYLE, aligns)


def _charts(document, stats: Statistics) -> None:  # noqa: ANN001 - python-docx Document
    """The activities taking place each day, then a picture per summed figure: the units'
    values (last year's beside them when stored)."""
    labels = [u.short_name or u.name for u in stats.units]
    legend = ()
    if stats.previous is not None:
        legend = (f"{stats.previous.campaign.year}年", f"{stats.campaign.year}年")
    days = stats.activities.by_day
    if days:
        _picture(document, bar_chart_png("每日进行中的活动（项）",
                                         [f"{d.month}/{d.day}" for d, _n in days],
                                         [n for _d, n in days], *CHART_MM))
    for figure in stats.figures:
        if not figure.summed or not stats.units:
            continue
        values = [v.value if (v := stats.value(figure, u)) else 0 for u in stats.units]
        previous = None
        if stats.previous is not None:
            previous = [stats.previous_value(figure, u) or 0 for u in stats.units]
        _picture(document, bar_chart_png(figure.label, labels, values, *CHART_MM,
                                         previous=previous, legend=legend))


def _picture(document, png: bytes) -> None:  # noqa: ANN001 - python-docx Document
    """A chart centred on its own line, at its print width."""
    paragraph = document.add_paragraph()
    paragraph.alignment = 1
    paragraph.add_run().add_picture(io.BytesIO(png), width=Mm(CHART_MM[0]))


def report_document(stats: Statistics, issued: date | None = None) -> WordDraft:
    """The report: header and body on portrait pages, the table on a landscape one, the charts
    on portrait pages again, the 版记 on a last page of its own as the notice has it; dated
    `issued` (default: report_date)."""
    issued = issued or report_date(stats.campaign)
    campaign = stats.campaign.with_changes(
        title=report_title(stats), addressees=RECIPIENT,
        doc_number=draft_number(stats.campaign.doc_number, issued.year), print_date=issued)
    draft = WordDraft(new_document())
    document = draft.document
    dx.prepare_document(document)
    add_table_styles(document)
    first = document.sections[0]
    dx.set_geometry(first, landscape=False)
    dx.set_page_number_footers(first)
    draft.append(header_block(campaign) + title_block(campaign)
                 + [body_paragraph(line) for line in report_body(stats)]
                 + blank_lines(2, keep_next=True)
                 + signature_block(campaign.signature, chinese_date(issued)))
    dx.add_section(document, landscape=True)
    draft.append([body_paragraph("附表"), dx.paragraph_xml(
        f"{campaign.year}年“5·20世界计量日”活动统计表", dx.rpr_xml(dx.XIAOBIAOSONG, 18),
        dx.ppr_xml(align="center")), statistics_table(stats)])
    dx.add_section(document, landscape=False)
    draft.append([body_paragraph("附图")])
    _charts(document, stats)
    if campaign.print_office:
        last = dx.add_section(document, landscape=False, even_page=True)
        dx.set_blank_footers(last)
        draft.append(banji_block(campaign))
    finish_package(document, campaign.title, campaign.issuer)
    return draft


def draft_number(number: str, year: int) -> str:
    """The report's 发文字号 as an unnumbered draft: the notice's 发文机关代字, the year it is
    issued in 〔 〕, a blank where the serial goes, 号 (沪市监计量〔2021〕　　号); "" when the
    notice's number has no 代字 to take."""
    match = DOC_NUMBER.fullmatch(number.strip())
    return f"{match['prefix']}〔{year}〕{SERIAL_BLANK}号" if match else ""


def export_report(data: DatedStatistics | Statistics, path: Path | str) -> None:
    """Write the report draft as a .docx, whole or not at all (a QGuiApplication must exist);
    dated the day given, else report_date."""
    if isinstance(data, DatedStatistics):
        draft = report_document(data.statistics, data.issued)
    else:
        draft = report_document(data)
    write_atomically(path, draft.to_bytes(), check_docx)
