"""The submission checklist: official order, deadlines against a fixed today, undoable marks."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem

from models.deadlines import (
    days_left,
    reminder_text,
    summary_line,
    urgency,
)
from models.entities import Submission, SubmissionStatus
from models.text import chinese_date
from ui.checklist_model import COLUMN, URGENCY_COLORS, UrgencyRole
from ui.checklist_view import AddItemDialog, ChecklistView, NewItem, StatusDelegate

DUE = date(2021, 5, 24)


@pytest.fixture
def view(ctx, qtbot):
    """The checklist over the seeded campaign, counting from 2021-05-23."""
    ctx.settings.set("today_override", "2021-05-23")
    widget = ChecklistView(ctx)
    qtbot.addWidget(widget)
    return widget


def statuses(view) -> list[SubmissionStatus]:
    """Status of every row, in table order."""
    return [view.model.submission_at(r).status for r in range(view.model.rowCount())]


def cell(view, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    """One cell's data."""
    return view.model.index(row, COLUMN[key]).data(role)


def mark_rows(view, rows: list[int]) -> None:
    """Select rows and mark them received with the action."""
    view.select_submissions([view.model.submission_at(r).id for r in rows])
    view.mark_received_action.trigger()


# -- pure deadline logic ----------------------------------------------------------------


def test_days_left_and_urgency():
    pending = Submission(1, "活动总结", DUE)
    assert days_left(DUE, date(2021, 5, 20)) == 4
    assert urgency(pending, date(2021, 5, 21)) == "ok"
    assert urgency(pending, date(2021, 5, 22)) == "soon"
    assert urgency(pending, DUE) == "soon"
    assert urgency(pending, date(2021, 5, 25)) == "overdue"
    for status in (SubmissionStatus.RECEIVED, SubmissionStatus.LATE, SubmissionStatus.EXEMPT):
        assert urgency(pending.with_changes(status=status), date(2021, 6, 1)) == "done"
    assert urgency(Submission(1, "活动安排", None), date(2021, 6, 1)) == "ok"


def test_summary_line_leaves_exempt_out_of_the_total():
    subs = [Submission(i, "活动总结", DUE) for i in range(1, 22)]
    subs[0] = subs[0].with_changes(status=SubmissionStatus.RECEIVED)
    subs[1] = subs[1].with_changes(status=SubmissionStatus.LATE)
    subs[2] = subs[2].with_changes(status=SubmissionStatus.EXEMPT)
    assert summary_line(subs, date(2021, 5, 20)) == "已报送 2 / 20"
    assert summary_line(subs, date(2021, 5, 25)).startswith("已报送 2 / 20")
    assert "18" in summary_line(subs, date(2021, 5, 25))


def test_reminder_text_has_item_deadline_and_contact(ctx):
    doc = ctx.document
    text = reminder_text(doc.campaign, doc.submissions(), doc.units, date(2021, 5, 22))
    assert "活动总结" in text and "2021年5月24日" in text
    assert doc.campaign.contact_person in text
    assert doc.campaign.contact_phone in text and doc.campaign.contact_email in text
    assert chinese_date(date(2021, 5, 24), translated=True) == "2021年5月24日"


def test_reminder_text_is_empty_when_nothing_is_missing(ctx):
    doc = ctx.document
    done = [s.with_changes(status=SubmissionStatus.RECEIVED) for s in doc.submissions()]
    assert reminder_text(doc.campaign, done, doc.units, date(2021, 5, 25)) == ""


# -- the model ------------------------------------------------------------------------


def test_model_passes_the_model_tester(view, qtmodeltester):
    qtmodeltester.check(view.model)


def test_rows_are_the_21_units_in_official_order(view, ctx):
    assert view.model.rowCount() == 21
    assert cell(view, 0, "unit") == "浦东新区市场监管局"
    assert cell(view, 15, "unit") == "崇明区市场监管局"
    assert cell(view, 0, "item") == "活动总结"
    assert cell(view, 0, "due") == "5月24日 周一"
    assert set(statuses(view)) == {SubmissionStatus.PENDING}
    assert view.summary_label.text() == "已报送 0 / 21"


def test_planning_date_makes_unreceived_rows_overdue(view, ctx):
    view.set_planning_date(date(2021, 5, 25))
    assert ctx.settings.get("today_override") == "2021-05-25"
    assert ctx.today() == date(2021, 5, 25)
    for row in range(21):
        assert cell(view, row, "unit", UrgencyRole) == "overdue"
        assert cell(view, row, "left") == "逾期 1 天"
    red = URGENCY_COLORS["overdue"][0]
    assert cell(view, 3, "note", Qt.ItemDataRole.BackgroundRole).color().name() == red
    assert "逾期未报 21" in view.summary_label.text()


def test_due_within_two_days_is_amber(view):
    view.set_planning_date(date(2021, 5, 22))
    assert cell(view, 0, "left") == "还剩 2 天"
    assert cell(view, 0, "unit", UrgencyRole) == "soon"
    amber = URGENCY_COLORS["soon"][0]
    assert cell(view, 0, "unit", Qt.ItemDataRole.BackgroundRole).color().name() == amber
    view.set_planning_date(date(2021, 5, 18))
    assert cell(view, 0, "unit", UrgencyRole) == "ok"
    assert cell(view, 0, "unit", Qt.ItemDataRole.BackgroundRole) is None


def test_override_checkbox_off_counts_from_the_real_today(view, ctx):
    view.override_check.setChecked(False)
    assert ctx.settings.get("today_override") == ""
    assert ctx.today() == date.today()
    assert not view.today_edit.isEnabled()
    view.override_check.setChecked(True)
    view.today_edit.setDate(QDate(2021, 5, 21))
    assert ctx.settings.get("today_override") == "2021-05-21"


def _campaign_in_year(ctx, year: int):
    """Move the open campaign (window and deadlines) to another year."""
    campaign = ctx.document.campaign
    moved = {name: getattr(campaign, name).replace(year=year)
             for name in ("window_start", "window_end", "summary_due")}
    ctx.document.update_campaign(campaign.with_changes(year=year, **moved))
    return ctx.document.campaign


def test_planning_starts_in_the_campaign_year(view, ctx):
    """Turning the planning date on in another year starts from the campaign's last day."""
    campaign = _campaign_in_year(ctx, date.today().year + 1)
    view.override_check.setChecked(False)
    view.override_check.setChecked(True)
    assert ctx.today() == campaign.window_end
    assert view.today_edit.date().toPython() == campaign.window_end


def test_planning_in_the_campaign_year_starts_today(view, ctx):
    _campaign_in_year(ctx, date.today().year)
    view.override_check.setChecked(False)
    view.override_check.setChecked(True)
    assert ctx.today() == date.today()


def test_today_edit_shows_the_stored_override(ctx, qtbot):
    ctx.settings.set("today_override", "2021-05-19")
    widget = ChecklistView(ctx)
    qtbot.addWidget(widget)
    assert widget.override_check.isChecked()
    assert widget.today_edit.date() == QDate(2021, 5, 19)


# -- actions --------------------------------------------------------------------------


def test_mark_received_is_one_undoable_step(view, ctx):
    assert view.mark_received_action.shortcut() == QKeySequence("Ctrl+Return")
    mark_rows(view, [0, 2])
    assert statuses(view)[:3] == [SubmissionStatus.RECEIVED, SubmissionStatus.PENDING,
                                  SubmissionStatus.RECEIVED]
    assert view.model.submission_at(0).received == date(2021, 5, 23)
    assert cell(view, 0, "left") == "按时"
    assert ctx.undo_stack.count() == 1
    assert view.summary_label.text() == "已报送 2 / 21"
    ctx.undo_stack.undo()
    assert set(statuses(view)) == {SubmissionStatus.PENDING}
    assert view.model.submission_at(0).received is None
    assert view.summary_label.text() == "已报送 0 / 21"
    ctx.undo_stack.redo()
    assert statuses(view)[0] == SubmissionStatus.RECEIVED


def test_ctrl_return_in_the_table_marks_received(view, ctx, qtbot):
    view.show()
    with qtbot.waitActive(view):
        view.activateWindow()
    view.table.setFocus()
    view.select_submissions([view.model.submission_at(8).id])
    qtbot.keyClick(view.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert statuses(view)[8] == SubmissionStatus.RECEIVED


def test_mark_received_after_the_deadline_is_late(view, ctx):
    view.set_planning_date(date(2021, 5, 26))
    mark_rows(view, [4])
    sub = view.model.submission_at(4)
    assert (sub.status, sub.received) == (SubmissionStatus.LATE, date(2021, 5, 26))
    assert cell(view, 4, "left") == "迟交 2 天"
    assert cell(view, 4, "unit", UrgencyRole) == "done"


def test_selection_survives_marking_and_action_follows_it(view):
    mark_rows(view, [1])
    assert [s.id for s in view.selected_submissions()] == [view.model.submission_at(1).id]
    assert not view.mark_received_action.isEnabled()  # nothing left to mark
    view.select_submissions([view.model.submission_at(5).id])
    assert view.mark_received_action.isEnabled()


def test_status_combo_edits_and_undoes(view, ctx, qtbot):
    delegate = view.table.itemDelegateForColumn(COLUMN["status"])
    assert isinstance(delegate, StatusDelegate)
    index = view.model.index(6, COLUMN["status"])
    editor = delegate.createEditor(view.table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    delegate.setEditorData(editor, index)
    assert editor.currentData() == "未报送"
    editor.setCurrentIndex(editor.findData("无需报送"))
    delegate.setModelData(editor, view.model, index)
    editor.deleteLater()
    assert statuses(view)[6] == SubmissionStatus.EXEMPT
    assert view.summary_label.text() == "已报送 0 / 20"
    ctx.undo_stack.undo()
    assert statuses(view)[6] == SubmissionStatus.PENDING


def test_note_and_received_date_are_editable(view, ctx):
    note = view.model.index(2, COLUMN["note"])
    assert view.model.setData(note, "电话已催")
    assert view.model.submission_at(2).note == "电话已催"
    received = view.model.index(3, COLUMN["received"])
    assert view.model.setData(received, QDate(2021, 5, 25))
    sub = view.model.submission_at(3)
    assert (sub.status, sub.received) == (SubmissionStatus.LATE, date(2021, 5, 25))
    assert ctx.undo_stack.count() == 2
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert view.model.submission_at(2).note == ""
    assert view.model.submission_at(3).status == SubmissionStatus.PENDING


def test_reminder_names_exactly_the_missing_units(view, ctx):
    mark_rows(view, [0, 15, 20])
    view.copy_reminder_action.trigger()
    text = QGuiApplication.clipboard().text()
    doc = ctx.document
    assert text == reminder_text(doc.campaign, doc.submissions(), doc.units, ctx.today())
    received = {view.model.submission_at(r).unit_id for r in (0, 15, 20)}
    owing = {s.unit_id for s in doc.submissions()}
    for unit in doc.units:
        if unit.id in owing:
            assert (unit.name in text) == (unit.id not in received), unit.name
    assert "尚缺18家" in text
    kind, title, message = ctx.dialogs.messages[-1]
    assert kind == "info" and "18" in message


def test_reminder_when_all_are_in_says_so(view, ctx):
    mark_rows(view, list(range(21)))
    assert view.copy_reminder() == ""
    assert ctx.dialogs.messages[-1][0] == "info"


def test_add_item_for_all_addressees_and_undo(view, ctx, monkeypatch):
    asked = []

    def fake_ask(parent, units, addressees, due):
        asked.append((len(units), due))
        return NewItem("活动安排", tuple(addressees), date(2021, 5, 10))

    monkeypatch.setattr(AddItemDialog, "ask", staticmethod(fake_ask))
    view.add_item_action.trigger()
    assert asked == [(21, DUE)]
    assert view.model.rowCount() == 42
    items = [view.model.submission_at(r).item for r in range(42)]
    assert items[:2] == ["活动安排", "活动总结"]  # each unit's items together, official order
    assert view.summary_label.text().startswith("已报送 0 / 42")
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert view.model.rowCount() == 21
    ctx.undo_stack.redo()
    assert view.model.rowCount() == 42


def test_add_item_for_one_unit_skips_duplicates(view, ctx):
    unit_id = view.model.submission_at(3).unit_id
    assert view.add_item(NewItem("宣传报道", (unit_id,), DUE)) == 1
    assert view.add_item(NewItem("宣传报道", (unit_id,), DUE)) == 0
    assert view.add_item(NewItem("活动总结", (unit_id,), DUE)) == 0
    assert view.model.rowCount() == 22
    assert ctx.undo_stack.count() == 1


def test_add_item_dialog_builds_the_request(qtbot, ctx):
    dialog = AddItemDialog(ctx.document.units[:3], DUE)
    qtbot.addWidget(dialog)
    assert dialog.request([1, 2, 3]) == NewItem("活动安排", (1, 2, 3), DUE)
    dialog.unit_box.setCurrentIndex(2)
    dialog.item_box.setCurrentText("宣传报道")
    assert dialog.request([1, 2, 3]) == NewItem("宣传报道", (2,), DUE)
    dialog.item_box.setCurrentText("  ")
    assert dialog.request([1, 2, 3]) is None


def test_renders_to_png(view, qtbot, tmp_path):
    """The saved picture shows each row's urgency: received green, due tomorrow amber."""
    marked = [view.model.submission_at(r).id for r in (1, 4)]
    waiting = [view.model.submission_at(r).id for r in (0, 2)]
    mark_rows(view, [1, 4])
    view.table.clearSelection()  # the selection colour would hide the rows' own
    view.resize(1400, 800)
    view.show()
    qtbot.waitExposed(view)
    path = tmp_path / "checklist.png"
    assert view.grab().save(str(path))
    image = QImage(str(path))
    ratio = view.devicePixelRatio()

    def background(submission_id: int) -> str:
        """The colour in the empty 备注 cell of a submission's row, as saved."""
        index = view.model.index(view.model.row_of(submission_id), COLUMN["note"])
        at = view.table.viewport().mapTo(view, view.table.visualRect(index).center())
        return image.pixelColor(int(at.x() * ratio), int(at.y() * ratio)).name()

    assert [background(i) for i in marked] == [URGENCY_COLORS["done"][0]] * 2
    assert [background(i) for i in waiting] == [URGENCY_COLORS["soon"][0]] * 2  # due 24 May


def test_a_received_date_after_the_real_today_is_refused(ctx):
    from datetime import timedelta

    from ui.checklist_model import ChecklistModel
    model = ChecklistModel(ctx.document, ctx.today, ctx.editor)
    tomorrow = date.today() + timedelta(days=1)
    assert not model.setData(model.index(2, COLUMN["received"]), QDate(tomorrow))
    assert ctx.undo_stack.count() == 0
    assert model.submission_at(2).received is None
    assert model.setData(model.index(2, COLUMN["received"]), QDate(2021, 5, 25))
    assert ctx.undo_stack.count() == 1
    assert model.submission_at(2).received == date(2021, 5, 25)
