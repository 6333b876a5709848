"""Column widths from the content: headers whole, date tokens unbroken, one computation for
Word, Excel and PDF."""
from __future__ import annotations

import unicodedata

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from exporters.column_widths import (
    COMMON_WIDE_RUNS,
    breaks_cleanly,
    column_widths,
    common_wide_runs,
    line_count,
    text_em,
    widest_em,
)
from exporters.docx_appendix import CELL_MARGIN, EM, export_appendix
from exporters.xlsx_appendix import export_appendix_xlsx
from exporters.xlsx_common import PAD_EM, UNIT_PT
from models.entities import Level
from models.layout import columns_of, table_cells

RANGE = "5月17日至5月23日"


def level_rows(data, level):
    """Plain cell texts of one table, "" where a merge continues."""
    return [[text if span else "" for text, span in row]
            for row in table_cells(data.by_level(level), level)]


def time_texts(data):
    """Every 活动时间 of the seed."""
    return [a.time_text for a in data.activities]


@pytest.mark.parametrize("measure", [text_em, widest_em])
def test_a_date_range_breaks_only_at_zhi(measure):
    # wide enough for 5月17日至 but not for 5月17日至5: two lines, split after 至
    width = measure("5月17日至") + 0.05
    assert line_count(RANGE, width, measure) == 2
    assert breaks_cleanly(RANGE, width, measure)
    # the old 4-character column broke 5月17 / 日至5月 / 23日
    assert not breaks_cleanly(RANGE, 4.0, measure)
    assert line_count(RANGE, 4.0, measure) == 3


def test_widths_add_up_and_every_header_fits_on_one_line(campaign_data):
    for level in Level:
        headers = [c.header for c in columns_of(level)]
        widths = column_widths(headers, level_rows(campaign_data, level), 53.0, 0.7,
                               [c.field == "time_text" for c in columns_of(level)])
        assert sum(widths) == pytest.approx(53.0)
        for header, width in zip(headers, widths, strict=True):
            assert line_count(header, width - 0.7) == 1


def test_a_long_address_may_break_but_does_not_take_the_table():
    rows = [["1", "x" * 200 + "@example.org", "5月20日"]]
    widths = column_widths(["序号", "联系", "活动时间"], rows, 40.0, 0.5, [False, False, True])
    assert sum(widths) == pytest.approx(40.0)
    assert widths[1] < 35


def test_word_time_column_holds_every_seed_date_token(campaign_data, tmp_path):
    path = tmp_path / "a.docx"
    export_appendix(campaign_data, path)
    tables = list(Document(str(path)).element.body.iter(qn("w:tbl")))
    for tbl, level in zip(tables, (Level.MUNICIPAL, Level.DISTRICT), strict=True):
        grid = [int(col.get(qn("w:w"))) for col in tbl.iter(qn("w:gridCol"))]
        index = [c.field for c in columns_of(level)].index("time_text")
        inner = (grid[index] - 2 * CELL_MARGIN) / EM
        for activity in campaign_data.by_level(level):
            for measure in (text_em, widest_em):
                assert breaks_cleanly(activity.time_text, inner, measure), activity.time_text
        if level == Level.MUNICIPAL:
            assert line_count(RANGE, inner, widest_em) <= 2


def test_excel_time_column_holds_every_seed_date_token(campaign_data, tmp_path):
    path = tmp_path / "a.xlsx"
    export_appendix_xlsx(campaign_data, path)
    book = load_workbook(path)
    for level in Level:
        sheet = book[str(level)]
        index = [c.field for c in columns_of(level)].index("time_text")
        letter = "ABCDEFG"[index]
        inner = sheet.column_dimensions[letter].width * UNIT_PT / 12 - PAD_EM
        for activity in campaign_data.by_level(level):
            for measure in (text_em, widest_em):    # Excel with 仿宋, Calc with DejaVu digits
                assert breaks_cleanly(activity.time_text, inner, measure), activity.time_text


def test_written_out_wide_runs_are_the_running_pythons():
    """The one-em runs the width measure counts by regex are the ones this Python's
    unicodedata gives: a new Unicode version that moves one shows here, not as a wrong width."""
    assert COMMON_WIDE_RUNS == common_wide_runs()


def test_text_width_counts_every_character_like_unicodedata():
    """Width in ems of text mixing each block's characters: one em for W/F/A, half otherwise."""
    sample = "".join(chr(c) for c in range(0x2000, 0x2070)) + "计量日５Ａ·—“”a1 ﾝ" + "\U00020000"
    expected = sum(1 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in sample)
    assert text_em(sample) == expected
