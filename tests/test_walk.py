"""The scripted walk through the real window (tests/walk_child.py): a working session, quit,
reopen; exit status 0, every edit present afterwards, and the year, tab and dates right."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from exporters.xlsx_template import write_template
from models.db.opening import open_database
from models.entities import Level, SubmissionStatus
from tests.machine import real_x_display
from tests.summary_docs import summary_docx
from tests.walk_child import (
    ADDED_NAME,
    IMPORTED_ROWS,
    ISSUER_EDIT,
    KEPT_NAME,
    NEW_UNIT,
    NEW_UNIT_ROWS,
    RECEIVED_ON,
    SMALL_RECEIVED_ON,
    UNDONE_NAME,
)
from tests.xdisplay import OFFSCREEN_NOTE, run_program_child

OFFSCREEN_LIMIT = "This plugin does not support "


def _returned_template(work: Path) -> Path:
    """青浦's template as the bureau sends it back: its rows replaced by two new ones."""
    store = open_database(None)
    try:
        data = store.load()
        unit = store.find_unit("青浦")
        path = write_template(data, unit, work / "青浦.xlsx")
    finally:
        store.close()
    wb = load_workbook(path)
    ws = wb["活动安排"]
    for row in range(4, ws.max_row + 1):
        for column in range(2, 6):
            ws.cell(row, column).value = None
    for offset, texts in enumerate(IMPORTED_ROWS):
        for column, text in enumerate(texts, start=2):
            ws.cell(4 + offset, column, text)
    wb.save(path)
    return path


def _run(work: Path, mode: str, platform: str, display: str | None,
         scale: str | None = None) -> subprocess.CompletedProcess[str]:
    """One run of the program in a child process with its own home and settings."""
    return run_program_child("walk_child.py", [str(work / "walk.sqlite3"), str(work), mode],
                             work, platform, display, timeout=300, scale=scale)


def _assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    """Exit status 0 and nothing on stderr (but the offscreen plugin's own notes on what it
    cannot do: size hints, raising a dialog, grabbing the keyboard for a pop-up)."""
    assert result.returncode == 0, result.stderr
    lines = result.stderr.replace(OFFSCREEN_NOTE, "").splitlines()
    assert [line for line in lines if not line.startswith(OFFSCREEN_LIMIT)] == []


def _walk_and_reopen(tmp_path: Path, platform: str, display: str | None = None) -> None:
    work = tmp_path
    _returned_template(work)
    _assert_clean(_run(work, "walk", platform, display))
    assert json.loads((work / "answered.json").read_text()) == [
        "QFileDialog", "QMessageBox", "QFileDialog", "ImportPreview", "QMessageBox",
        "NewCampaignDialog", "QMessageBox"]  # no question about the history: years keep theirs
    _assert_clean(_run(work, "reopen", platform, display))
    _assert_database_after_the_walk(work)
    shown = json.loads((work / "reopened.json").read_text(encoding="utf-8"))
    assert shown["title"].startswith("2021年")                    # the year switched back to
    assert shown["tab"] == "报送清单 · 2021年"                      # the tab it was closed on
    assert shown["year_label"] == "当前年度：2021年（库中另有 2022 年）"
    assert shown["planning_date"] == "2021年5月24日"                # 2021 seen years later
    assert "按所选日期计算" in shown["planning_note"]
    assert shown["received_text"].startswith("5月22日")             # the chosen date
    assert shown["left_text"] == "按时"
    assert "活动总结 已报送 1 / 21" in shown["summary"]


def _assert_database_after_the_walk(work: Path) -> None:
    """Every edit of the walk is in the database; the undone one is not."""
    store = open_database(work / "walk.sqlite3")
    try:
        assert [c.year for c in store.campaigns()] == [2022, 2021]
        assert store.state("last_year") == "2021"
        data = store.load(store.campaign_of_year(2021).id)
        names = [a.name for a in data.activities]
        assert KEPT_NAME in names and UNDONE_NAME not in names and "公益报时" not in names
        added = next(a for a in data.activities if a.name == ADDED_NAME)
        xuhui = store.find_unit("徐汇")
        assert (added.level, added.group_no, added.position, added.unit_id) == (
            Level.DISTRICT, 4, 2, xuhui.id)
        qingpu = store.find_unit("青浦")
        assert [a.name for a in data.district_rows_of(qingpu)] == [r[0] for r in IMPORTED_ROWS]
        subs = {(s.unit_id, s.item): s for s in data.submissions}
        huangpu = store.find_unit("黄浦")
        summary = subs[(huangpu.id, "活动总结")]
        assert (summary.status, summary.received) == (SubmissionStatus.RECEIVED, RECEIVED_ON)
        plan = subs[(qingpu.id, "活动安排")]
        assert (plan.status, plan.received) == (SubmissionStatus.RECEIVED, None), \
            "青浦's plan was received before (已列入通知附件): an import never moves it"
        assert len(data.submissions) == 42  # no stray item
        exported = Document(str(work / "附件汇总表.docx"))
        cells = {c.text for t in exported.tables for r in t.rows for c in r.cells}
        assert KEPT_NAME in cells and ADDED_NAME in cells
        new_year = store.load(store.campaign_of_year(2022).id)
        assert len(new_year.activities) == len(data.activities) == 29 and all(a.carried for a in new_year.activities)
        assert len(new_year.submissions) == 42
    finally:
        store.close()


@pytest.mark.slow
def test_the_walk_on_a_real_x_display(tmp_path):
    with real_x_display("the walk on xcb") as display:
        _walk_and_reopen(tmp_path, "xcb", display)


@pytest.mark.slow
def test_the_walk_offscreen(tmp_path):
    _walk_and_reopen(tmp_path, "offscreen")


def _small_screen_walk(work: Path, platform: str, display: str | None, scale: str | None
                       ) -> None:
    summary_docx(work / "静安区活动总结.docx", "静安", "blue")
    _assert_clean(_run(work, "small", platform, display, scale))
    assert json.loads((work / "answered.json").read_text()) == [
        "QFileDialog", "QMessageBox", "QInputDialog", "QMessageBox", "QFileDialog", "QMessageBox",
        "QFileDialog", "ImportPreview", "QMessageBox"]
    store = open_database(work / "walk.sqlite3")
    try:
        data = store.load()
        jingan = store.find_unit("静安")
        summary = next(s for s in data.submissions
                       if s.unit_id == jingan.id and s.item == "活动总结")
        assert (summary.status, summary.received) == (SubmissionStatus.RECEIVED,
                                                      SMALL_RECEIVED_ON)
        unit = store.find_unit(NEW_UNIT)
        assert {s.item for s in data.submissions if s.unit_id == unit.id} == {"活动安排", "活动总结"}
        assert [(a.name, a.content, a.time_text, a.publicity_forms)
                for a in data.district_rows_of(unit)] == NEW_UNIT_ROWS
        assert data.campaign.issuer.endswith(ISSUER_EDIT), "应用 kept the pending edit"
    finally:
        store.close()


@pytest.mark.slow
def test_the_office_laptop_walk_at_1366x768_scale_1_5(tmp_path):
    with real_x_display("the office laptop walk on xcb", "1366x768") as display:
        _small_screen_walk(tmp_path, "xcb", display, "1.5")
