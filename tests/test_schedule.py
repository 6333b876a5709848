"""The printed campaign schedule: day-by-day grouping, the Word and PDF files, the command line."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from exporters.docx_schedule import export_schedule
from exporters.schedule import (
    FUZZY_MARK,
    OUTSIDE_WINDOW,
    build_schedule,
    day_heading,
    is_exact,
)
from models.dates.periods import parse_periods, spans_from_json, spans_to_json
from models.entities import CampaignData

REPO = Path(__file__).resolve().parents[1]


def with_time(data: CampaignData, index: int, text: str) -> CampaignData:
    """The campaign with one activity's time rewritten (and parsed as the editor does)."""
    acts = list(data.activities)
    spans = parse_periods(text, data.campaign.year, data.campaign.window)
    acts[index] = acts[index].with_changes(time_text=text, spans_json=spans_to_json(spans))
    return CampaignData(data.campaign, data.units, acts)


def test_every_day_of_the_window_in_order(campaign_data):
    schedule = build_schedule(campaign_data)
    days = [d.day for d in schedule.days]
    assert days[0] == date(2021, 5, 11) and days[-1] == date(2021, 5, 23) and len(days) == 13
    assert day_heading(date(2021, 5, 20)) == "5月20日（星期四）"


def test_exact_days_first_then_fuzzy_ones_marked(campaign_data):
    schedule = build_schedule(campaign_data)
    for day in schedule.days:
        flags = [e.fuzzy for e in day.entries]
        assert flags == sorted(flags), day.day            # exact (False) before fuzzy (True)
        for entry in day.entries:
            spans = spans_from_json(entry.activity.spans_json)
            covering = [s for s in spans if s.covers(day.day, schedule.window)]
            assert covering
            assert entry.fuzzy == (not any(is_exact(s) for s in covering))
    may_17 = next(d for d in schedule.days if d.day == date(2021, 5, 17))
    names = [e.activity.name for e in may_17.entries if not e.fuzzy]
    assert "公益报时" in names and "计量科普知识竞答" in names
    may_20 = next(d for d in schedule.days if d.day == date(2021, 5, 20))
    assert any(e.fuzzy and e.activity.time_text == "5月20日前" for e in may_20.entries)
    assert len(may_20.entries) > 20


def test_every_activity_appears_somewhere(campaign_data):
    schedule = build_schedule(campaign_data)
    placed = {e.activity.id for d in schedule.days for e in d.entries}
    placed |= {u.activity.id for u in schedule.unplaced}
    assert placed == {a.id for a in campaign_data.activities}


def test_unreadable_and_outside_times_are_listed_at_the_end(campaign_data):
    data = with_time(campaign_data, 0, "时间待定")
    data = with_time(data, 1, "4月10日")
    schedule = build_schedule(data)
    reasons = {u.activity.id: u.reason for u in schedule.unplaced}
    assert reasons == {data.activities[0].id: "时间待定", data.activities[1].id: OUTSIDE_WINDOW}
    assert all(e.activity.id not in reasons for d in schedule.days for e in d.entries)


def test_the_grouping_needs_no_qt():
    code = "import sys, exporters.schedule; print('PySide6' in ''.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "False"


def test_word_schedule_repeats_day_caption_and_header(campaign_data, tmp_path):
    path = tmp_path / "日程.docx"
    export_schedule(campaign_data, path)
    schedule = build_schedule(campaign_data)
    tables = list(Document(str(path)).element.body.iter(qn("w:tbl")))
    days = [d for d in schedule.days if d.entries]
    for day in days:                   # a day's table, in parts when it goes on a new page
        parts = []
        while tables and "".join(t.text for t in tables[0].iter(qn("w:t"))).startswith(
                day_heading(day.day)):
            parts.append(tables.pop(0))
        assert parts, day.day
        body = []
        for table in parts:
            rows = list(table.iterchildren(qn("w:tr")))
            caption, header = rows[0], rows[1]
            for row in (caption, header):
                assert row.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
            assert caption.find(f".//{qn('w:gridSpan')}").get(qn("w:val")) == "4"
            body += rows[2:]
        assert len(body) == len(day.entries)
        times = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tr in body
                 for tc in list(tr.iterchildren(qn("w:tc")))[2:3]]
        for entry, text in zip(day.entries, times, strict=True):
            assert text.startswith(entry.activity.time_text.replace("\n", ""))
            assert text.endswith(FUZZY_MARK) == entry.fuzzy
    assert tables == []


def test_command_line_exports_schedule_as_word_and_pdf(tmp_path):
    db = tmp_path / "c.db"
    for name in ("日程.docx", "日程.pdf"):
        out = tmp_path / name
        result = subprocess.run([sys.executable, "main.py", "--db", str(db), "export",
                                 "schedule", "-o", str(out)], cwd=REPO, capture_output=True,
                                text=True, timeout=120,
                                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        assert result.returncode == 0, result.stderr
        assert f"已导出：{out}" in result.stdout
    assert zipfile.is_zipfile(tmp_path / "日程.docx")
    from pypdf import PdfReader
    reader = PdfReader(str(tmp_path / "日程.pdf"))
    assert len(reader.pages) >= 5
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert round(float(width)) == 595 and round(float(height)) == 842      # A4 portrait


def test_page_segments_cut_before_the_row_that_does_not_fit():
    from exporters.table_rows import page_segments
    # 100 used above, header 50, rows of 300 on a 1000 page: 2 rows on page 1, 3 per page after
    parts, used = page_segments([300.0] * 7, 50, 100, 1000)
    assert parts == [(0, 2), (2, 5), (5, 7)]
    assert used == 50 + 600
    # header and first row do not fit under what is used: the table starts on the next page
    assert page_segments([300.0], 50, 800, 1000) == ([(0, 1)], 350)


def test_word_schedule_marks_a_day_continued_on_a_new_page(campaign_data, tmp_path):
    path = tmp_path / "s.docx"
    export_schedule(campaign_data, path)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    tables = xml.split("<w:tbl>")[1:]
    busiest = [t for t in tables if "5月20日（星期四）　共 23 项" in t]
    assert len(busiest) >= 2
    assert ["（续）" in t.split("</w:tr>", 1)[0] for t in busiest] == \
        [False] + [True] * (len(busiest) - 1)
    body_rows = sum(t.count("<w:tr>") - 2 for t in busiest)     # caption and header rows
    assert body_rows == 23
    before = [xml[:xml.index(t)].rsplit("<w:p>", 1)[1] for t in busiest[1:]]
    assert all("<w:pageBreakBefore/>" in p for p in before)
