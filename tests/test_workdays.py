"""Deadlines on a weekend or public holiday: marked, with the next working day offered
(China's schedule, swapped working Saturdays included)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from models.dates.workdays import is_workday, next_workday, off_day_note
from models.notice_rules import validate_campaign


def test_weekends_holidays_and_swapped_working_days():
    assert not is_workday(date(2022, 5, 8))            # a Sunday
    assert is_workday(date(2022, 5, 7))                # a Saturday worked for 劳动节
    assert not is_workday(date(2021, 5, 3))            # 劳动节, a Monday
    assert next_workday(date(2021, 5, 1)) == date(2021, 5, 6)
    assert next_workday(date(2021, 5, 24)) == date(2021, 5, 24)
    assert not is_workday(date(2031, 5, 24)) and next_workday(date(2031, 5, 24)) == date(
        2031, 5, 26), "a year the schedule does not know: Saturday and Sunday off"


def test_the_note_names_the_day_and_the_next_working_day():
    assert off_day_note(date(2022, 5, 8)) == (
        "2022年5月8日是星期日（休息日），下一个工作日是2022年5月9日。")
    assert off_day_note(date(2021, 5, 3)) == (
        "2021年5月3日是星期一（劳动节假期），下一个工作日是2021年5月6日。")
    assert off_day_note(date(2021, 5, 24)) is None


def test_a_summary_due_on_a_sunday_is_a_warning_with_the_next_working_day(campaign_data):
    campaign = campaign_data.campaign.with_changes(summary_due=date(2021, 5, 30))
    problems = [p for p in validate_campaign(campaign) if p.field == "summary_due"]
    assert [p.message for p in problems] == [
        "截止日期落在休息日：2021年5月30日是星期日（休息日），下一个工作日是2021年5月31日。"]
    assert not problems[0].is_error
    assert not [p for p in validate_campaign(campaign_data.campaign) if "休息日" in p.message]


def test_the_notice_editor_offers_the_next_working_day(ctx, qtbot):
    from ui.notice_editor import NoticeEditor
    editor = NoticeEditor(ctx)
    qtbot.addWidget(editor)
    editor.editors["plan_due"].setDate(QDate(2021, 5, 1))
    label = editor.problem_labels["plan_due"]
    assert "下一个工作日是2021年5月6日" in label.text() and 'href="workday:plan_due"' in label.text()
    label.linkActivated.emit("workday:plan_due")
    assert editor.editors["plan_due"].date() == QDate(2021, 5, 6)
    assert "休息日" not in label.text() and editor.pending_fields() == ["plan_due"]


def test_the_checklist_marks_a_due_date_on_a_day_off(ctx, qtbot):
    from ui.checklist_model import COLUMN
    from ui.checklist_view import ChecklistView
    summaries = [s for s in ctx.document.submissions() if s.item == "活动总结"]
    ctx.editor.save_submissions([s.with_changes(due=date(2021, 5, 30)) for s in summaries], "x")
    view = ChecklistView(ctx)
    qtbot.addWidget(view)
    view.show_item("活动总结")
    index = view.model.index(0, COLUMN["due"])
    assert index.data() == "5月30日 周日（休）"
    assert "下一个工作日是2021年5月31日" in index.data(Qt.ItemDataRole.ToolTipRole)
