"""The submission checklist: official order, deadlines against a fixed today, undoable marks."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem

from models.dates.deadlines import (
    days_left,
    reminder_text,
    summary_line,
    summary_lines,
    urgency,
)
from models.entities import Submission, SubmissionStatus
from models.text import chinese_date
from ui.checklist_model import COLUMN, URGENCY_COLORS, UrgencyRole
from ui.checklist_view import AddItemDialog, ChecklistView, NewItem, StatusDelegate

DUE = date(2021, 5, 24)


@pytest.fixture
def view(ctx, qtbot):
    """The checklist over the seeded campaign's summaries, counting from 2021-05-23."""
    ctx.editor.set_planning_date(date(2021, 5, 23))
    widget = ChecklistView(ctx)
    qtbot.addWidget(widget)
    widget.show_item("活动总结")
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
    assert summary_line(subs, date(2021, 5, 20)) == "活动总结 已报送 2 / 20"
    assert summary_line(subs, date(2021, 5, 25)).startswith("活动总结 已报送 2 / 20")
    assert "18" in summary_line(subs, date(2021, 5, 25))


def test_summary_counts_each_item_on_its_own():
    plans = [Submission(i, "活动安排", date(2021, 5, 7), SubmissionStatus.RECEIVED)
             for i in range(1, 22)]
    plans[20] = plans[20].with_changes(status=SubmissionStatus.PENDING)
    summaries = [Submission(i, "活动总结", DUE) for i in range(1, 22)]
    for n in range(3):
        summaries[n] = summaries[n].with_changes(status=SubmissionStatus.RECEIVED)
    assert summary_lines(summaries + plans, date(2021, 5, 20)) == [
        "活动安排 已报送 20 / 21，逾期未报 1", "活动总结 已报送 3 / 21"]


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
    assert view.summary_label.text() == "活动安排 已报送 19 / 21，逾期未报 2\n活动总结 已报送 0 / 21"


def test_planning_date_makes_unreceived_rows_overdue(view, ctx):
    view.set_planning_date(date(2021, 5, 25))
    assert ctx.editor.chosen_planning_date() == date(2021, 5, 25)
    assert ctx.today() == date(2021, 5, 25)
    for row in range(21):
        assert cell(view, row, "unit", UrgencyRole) == "overdue"
        assert cell(view, row, "left") == "逾期 1 天"
    red = URGENCY_COLORS["overdue"][0]
    assert cell(view, 3, "note", Qt.ItemDataRole.BackgroundRole).color().name() == red
    assert "活动总结 已报送 0 / 21，逾期未报 21" in view.summary_label.text()


def test_due_within_two_days_is_amber(view):
    view.set_planning_date(date(2021, 5, 22))
    assert cell(view, 0, "left") == "还剩 2 天"
    assert cell(view, 0, "unit", UrgencyRole) == "soon"
    amber = URGENCY_COLORS["soon"][0]
    assert cell(view, 0, "unit", Qt.ItemDataRole.BackgroundRole).color().name() == amber
    view.set_planning_date(date(2021, 5, 18))
    assert cell(view, 0, "unit", UrgencyRole) == "ok"
    assert cell(view, 0, "unit", Qt.ItemDataRole.BackgroundRole) is None


def _campaign_in_year(ctx, year: int):
    """Move the open campaign (window and deadlines) to another year."""
    campaign = ctx.document.campaign
    moved = {name: getattr(campaign, name).replace(year=year)
             for name in ("window_start", "window_end", "summary_due", "plan_due")}
    ctx.document.update_campaign(campaign.with_changes(year=year, **moved))
    return ctx.document.campaign


def test_out_of_season_the_checklist_counts_from_the_deadline_and_says_so(ctx, qtbot):
    """The 2021 campaign looked at years later: the deadline day, not 2016 days overdue."""
    assert date.today().year > 2021
    widget = ChecklistView(ctx)
    qtbot.addWidget(widget)
    widget.show_item("活动总结")
    assert ctx.today() == DUE
    assert widget.planning.picker.date() == QDate(2021, 5, 24)
    assert widget.planning.picker.displayFormat() == "yyyy年M月d日"
    assert "按所选日期计算" in widget.planning.note.text()
    assert "2021 年活动期间" in widget.planning.note.text()
    assert {cell(widget, r, "left") for r in range(21)} == {"今日截止"}
    assert "逾期" not in widget.summary_label.text().split("\n")[1]


def test_next_years_campaign_is_counted_from_its_deadline_not_366_days_ahead(ctx, qtbot):
    campaign = ctx.editor.new_campaign_from_last_year(date.today().year + 1)
    widget = ChecklistView(ctx)
    qtbot.addWidget(widget)
    widget.show_item("活动总结")
    assert ctx.today() == campaign.summary_due
    assert {cell(widget, r, "left") for r in range(21)} == {"今日截止"}


def test_in_season_the_checklist_counts_from_the_real_today(ctx, qtbot):
    _campaign_in_year(ctx, date.today().year)
    campaign = ctx.document.campaign
    if date.today() > campaign.summary_due + timedelta(days=30):  # an autumn run: later season
        later = date.today() + timedelta(days=1)
        ctx.document.update_campaign(campaign.with_changes(summary_due=later))
    widget = ChecklistView(ctx)
    qtbot.addWidget(widget)
    assert ctx.today() == date.today()
    assert widget.planning.note.text() == "（今天）"


def test_a_chosen_planning_date_is_kept_with_the_database_per_year(ctx, qtbot):
    widget = ChecklistView(ctx)
    qtbot.addWidget(widget)
    widget.planning.picker.setDate(QDate(2021, 5, 19))
    assert ctx.store.state("planning_date:2021") == "2021-05-19"
    again = ChecklistView(ctx)
    qtbot.addWidget(again)
    assert again.planning.picker.date() == QDate(2021, 5, 19)
    assert again.received_edit.date() == QDate(2021, 5, 19)
    assert again.planning.reset_button.isEnabled()
    again.planning.reset_button.click()
    assert ctx.store.state("planning_date:2021") is None
    assert ctx.today() == DUE


# -- actions --------------------------------------------------------------------------


def test_mark_received_is_one_undoable_step(view, ctx):
    assert view.mark_received_action.shortcut() == QKeySequence("Ctrl+Return")
    mark_rows(view, [0, 2])
    assert statuses(view)[:3] == [SubmissionStatus.RECEIVED, SubmissionStatus.PENDING,
                                  SubmissionStatus.RECEIVED]
    assert view.model.submission_at(0).received == date(2021, 5, 23)
    assert cell(view, 0, "left") == "按时"
    assert ctx.undo_stack.count() == 1
    assert view.summary_label.text().endswith("活动总结 已报送 2 / 21")
    ctx.undo_stack.undo()
    assert set(statuses(view)) == {SubmissionStatus.PENDING}
    assert view.model.submission_at(0).received is None
    assert view.summary_label.text().endswith("活动总结 已报送 0 / 21")
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


def test_mark_received_on_a_chosen_date_is_one_step(view, ctx):
    assert view.received_edit.date() == QDate(2021, 5, 23)  # the planning date by default
    assert view.received_edit.displayFormat() == "yyyy年M月d日"
    view.received_edit.setDate(QDate(2021, 5, 27))
    mark_rows(view, [2, 3])
    for row in (2, 3):
        sub = view.model.submission_at(row)
        assert (sub.status, sub.received) == (SubmissionStatus.LATE, date(2021, 5, 27))
        assert cell(view, row, "left") == "迟交 3 天"
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert {view.model.submission_at(r).status for r in (2, 3)} == {SubmissionStatus.PENDING}


def test_on_time_is_against_the_items_own_due_date(view, ctx):
    """A plan due 7 May received on 20 May is late; a summary received then is on time."""
    view.show_item("活动安排")
    pending = [r for r in range(view.model.rowCount())
               if view.model.submission_at(r).status == SubmissionStatus.PENDING]
    assert len(pending) == 2
    view.received_edit.setDate(QDate(2021, 5, 20))
    mark_rows(view, pending[:1])
    plan = view.model.submission_at(pending[0])
    assert (plan.status, plan.due) == (SubmissionStatus.LATE, date(2021, 5, 7))
    assert cell(view, pending[0], "left") == "迟交 13 天"
    view.show_item("活动总结")
    view.received_edit.setDate(QDate(2021, 5, 20))
    mark_rows(view, [0])
    assert cell(view, 0, "left") == "按时"


def test_a_future_received_date_cannot_be_chosen_or_marked(view, ctx):
    from models.errors import UserError
    tomorrow = date.today() + timedelta(days=1)
    assert view.received_edit.maximumDate() == QDate(date.today())
    with pytest.raises(UserError):
        ctx.editor.mark_received([view.model.submission_at(0).id], tomorrow)
    assert ctx.undo_stack.count() == 0


def test_the_item_filter_shows_one_kind(view, ctx):
    kinds = [view.kind_box.itemText(i) for i in range(view.kind_box.count())]
    assert kinds == ["全部事项", "活动安排", "活动总结"]
    view.show_item(None)
    assert view.model.rowCount() == 42
    view.show_item("活动安排")
    assert {view.model.submission_at(r).item for r in range(21)} == {"活动安排"}
    assert view.model.rowCount() == 21


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
    assert view.summary_label.text().endswith("活动总结 已报送 0 / 20")
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
    view.show_item(None)
    mark_rows(view, list(range(42)))
    assert view.copy_reminder() == ""
    assert ctx.dialogs.messages[-1][0] == "info"


def test_add_item_for_all_addressees_and_undo(view, ctx, monkeypatch):
    asked = []

    def fake_ask(parent, due):
        asked.append(due)
        return NewItem("宣传报道", date(2021, 5, 28))

    monkeypatch.setattr(AddItemDialog, "ask", staticmethod(fake_ask))
    view.show_item(None)
    view.add_item_action.trigger()
    assert asked == [DUE]
    assert view.model.rowCount() == 63
    items = [view.model.submission_at(r).item for r in range(63)]
    assert items[:3] == ["宣传报道", "活动安排", "活动总结"]  # each unit's items together
    assert view.summary_label.text().endswith("宣传报道 已报送 0 / 21")
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert view.model.rowCount() == 42
    ctx.undo_stack.redo()
    assert view.model.rowCount() == 63


def test_an_item_is_owed_by_every_addressee_or_none(view, ctx):
    assert view.add_item(NewItem("宣传报道", DUE)) == 21
    assert view.add_item(NewItem("宣传报道", DUE)) == 0
    assert view.add_item(NewItem("活动总结", DUE)) == 0
    owing = {}
    for sub in ctx.document.submissions():
        owing.setdefault(sub.item, set()).add(sub.unit_id)
    assert len(set(map(frozenset, owing.values()))) == 1
    assert ctx.undo_stack.count() == 1


def test_add_item_dialog_builds_the_request(qtbot, ctx):
    dialog = AddItemDialog(DUE)
    qtbot.addWidget(dialog)
    assert dialog.due_edit.displayFormat() == "yyyy年M月d日"
    assert dialog.request() == NewItem("宣传报道", DUE)
    dialog.item_box.setCurrentText("组织收看情况")
    assert dialog.request() == NewItem("组织收看情况", DUE)
    dialog.item_box.setCurrentText("  ")
    assert dialog.request() is None


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


def test_received_date_cell_edits_in_a_chinese_picker(view, ctx):
    from PySide6.QtWidgets import QDateEdit
    delegate = view.table.itemDelegateForColumn(COLUMN["received"])
    index = view.model.index(1, COLUMN["received"])
    editor = delegate.createEditor(view.table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QDateEdit)
    assert editor.displayFormat() == "yyyy年M月d日"
    assert editor.maximumDate() == QDate(date.today())
    delegate.setEditorData(editor, index)
    editor.setDate(QDate(2021, 5, 21))
    delegate.setModelData(editor, view.model, index)
    editor.deleteLater()
    assert view.model.submission_at(1).received == date(2021, 5, 21)


def test_a_received_date_after_the_real_today_is_refused(ctx):
    from ui.checklist_model import ChecklistModel
    refusals: list[str] = []
    model = ChecklistModel(ctx.document, ctx.today, ctx.editor, refused=refusals.append)
    tomorrow = date.today() + timedelta(days=1)
    assert not model.setData(model.index(2, COLUMN["received"]), QDate(tomorrow))
    assert len(refusals) == 1 and "晚于今天" in refusals[0]
    assert ctx.undo_stack.count() == 0
    assert model.submission_at(2).received is None
    assert model.setData(model.index(2, COLUMN["received"]), QDate(2021, 5, 25))
    assert ctx.undo_stack.count() == 1
    assert model.submission_at(2).received == date(2021, 5, 25)


def test_a_received_date_typed_in_the_future_is_refused_with_a_message(view, ctx):
    """The table cell refuses tomorrow as mark_received does, and says why, once."""
    index = view.model.index(0, COLUMN["received"])
    tomorrow = QDate.currentDate().addDays(1)
    assert view.model.setData(index, tomorrow, Qt.ItemDataRole.EditRole) is False
    [error] = [m for m in ctx.dialogs.messages if m[0] == "error"]
    assert "晚于今天" in error[2]
    assert ctx.undo_stack.count() == 0


# -- working the list: filters, sorting, the row menu, hints -----------------------------


def _show_status(view, text: str) -> None:
    """Choose 全部 / 未报送 / 逾期 / 已报送 in the status filter."""
    view.status_box.setCurrentIndex(view.status_box.findText(text))


def test_the_status_filter_shows_missing_overdue_or_received_per_item(view):
    view.show_item("活动安排")  # 19 of 21 in, 2 overdue on 2021-05-23
    counts = {}
    for text in ("未报送", "逾期", "已报送", "全部"):
        _show_status(view, text)
        counts[text] = view.model.rowCount()
    assert counts == {"未报送": 2, "逾期": 2, "已报送": 19, "全部": 21}
    view.show_item("活动总结")  # due 05-24: none overdue yet
    _show_status(view, "逾期")
    assert view.model.rowCount() == 0
    _show_status(view, "未报送")
    assert view.model.rowCount() == 21
    mark_rows(view, [0, 1])
    assert view.model.rowCount() == 19, "marked rows leave the 未报送 list"
    _show_status(view, "已报送")
    assert view.model.rowCount() == 2


def test_clicking_a_header_sorts_and_the_sort_survives_an_edit(view, ctx, qtbot):
    header = view.table.horizontalHeader()
    header.setSortIndicator(COLUMN["unit"], Qt.SortOrder.DescendingOrder)
    assert cell(view, 0, "unit") == "上海市质量监督检验技术研究院"
    assert cell(view, 20, "unit") == "浦东新区市场监管局"
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    assert cell(view, 0, "unit") == "浦东新区市场监管局"
    for row, day in ((5, date(2021, 5, 21)), (9, date(2021, 5, 19))):
        view.received_edit.setDate(QDate(day))
        mark_rows(view, [row])
    header.setSortIndicator(COLUMN["received"], Qt.SortOrder.AscendingOrder)
    assert [view.model.submission_at(r).received for r in range(3)] == [
        date(2021, 5, 19), date(2021, 5, 21), None], "dates in order, empty ones last"
    ctx.undo_stack.undo()
    assert view.model.submission_at(0).received == date(2021, 5, 21)


def test_the_row_menu_holds_every_row_action(view):
    index = view.model.index(2, COLUMN["status"])
    menu = view.row_menu(index)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    for action in view.row_actions():
        assert action.text() in texts
    edit = next(a for a in menu.actions() if a.text() == "修改此格")
    assert edit.isEnabled()
    assert not next(a for a in view.row_menu(view.model.index(2, COLUMN["unit"])).actions()
                    if a.text() == "修改此格").isEnabled()


def test_editable_columns_say_so(view):
    titles = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMN))]
    assert [t for t in titles if t.endswith("✎")] == ["状态 ✎", "收到日期 ✎", "备注 ✎"]
    assert "双击" in view.model.headerData(COLUMN["note"], Qt.Orientation.Horizontal,
                                           Qt.ItemDataRole.ToolTipRole)
    assert "双击" in view.edit_hint.text()


def test_empty_dates_stay_last_in_either_order(view):
    view.received_edit.setDate(QDate(2021, 5, 20))
    mark_rows(view, [4])
    header = view.table.horizontalHeader()
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        header.setSortIndicator(COLUMN["received"], order)
        assert view.model.submission_at(0).received == date(2021, 5, 20)
        assert view.model.submission_at(20).received is None


def test_editing_a_note_in_the_table_leaves_qt_nothing_to_warn_about(ctx, qtbot, qtlog):
    from PySide6.QtWidgets import QApplication, QLineEdit

    from ui.main_window import MainWindow
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    activities = window.activities.table  # an edit there, undone; one left by Tab
    activities.setFocus()
    activities.setCurrentIndex(activities.model().index(1, 2))
    qtbot.keyClick(activities, Qt.Key.Key_F2)
    cell = next(e for e in activities.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(cell, "abc")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    QApplication.processEvents()
    qtbot.keyClick(activities, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    activities.setCurrentIndex(activities.model().index(2, 2))
    qtbot.keyClick(activities, Qt.Key.Key_F2)
    cell = next(e for e in activities.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(cell, "x")
    qtbot.keyClick(cell, Qt.Key.Key_Tab)
    QApplication.processEvents()
    window.show_view("checklist")
    table = window.checklist.table
    table.setFocus()
    table.setCurrentIndex(window.checklist.model.index(0, COLUMN["note"]))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(editor, "called")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.checklist.model.submission_at(0).note == "called"
    window.close()
    QApplication.processEvents()
    assert [r.message for r in qtlog.records if "commitData" in r.message] == []
