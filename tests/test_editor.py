"""The campaign editor without any widget: each operation is one undo step, the document
says what changed, and undo/redo put back exactly what was there."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.db.storage import StoreError
from models.editor import CampaignEditor
from models.entities import Level, SubmissionStatus
from models.errors import UserError
from models.rollover import CarryOver


class Signals:
    """Every signal of a document, recorded in a plain list as it is emitted."""

    def __init__(self, doc) -> None:
        self.seen: list[tuple] = []
        for name in ("activities_reset", "submissions_changed", "campaign_changed",
                     "units_changed"):
            getattr(doc, name).connect(lambda name=name: self.seen.append((name,)))
        for name in ("activities_changed", "resynced"):
            getattr(doc, name).connect(lambda value, name=name: self.seen.append((name, value)))

    def take(self) -> list[tuple]:
        """What was emitted since the last take."""
        seen, self.seen = self.seen, []
        return seen


@pytest.fixture
def signals(editor):
    return Signals(editor.document)


def table(editor, level: Level = Level.MUNICIPAL) -> list[tuple[int, int, str]]:
    """(序号, position, name) of a level's rows, in attachment order."""
    return [(a.group_no, a.position, a.name)
            for a in editor.document.data.by_level(level)]


def stored_table(editor, level: Level = Level.MUNICIPAL) -> list[tuple[int, int, str]]:
    """The same, read back from the database."""
    rows = editor.store.activities(editor.document.campaign.id, level)
    return [(a.group_no, a.position, a.name) for a in rows]


def test_add_activity_undo_redo(editor, signals):
    before = table(editor, Level.DISTRICT)
    last = before[-1][0]
    unit = next(u for u in editor.document.units if u.short_name == "临港")  # no rows yet
    new = editor.add_activity(Level.DISTRICT, unit.id)
    assert new is not None and new.id is not None
    assert (new.group_no, new.position, new.responsible) == (last + 1, 1, "临港新片区市场监管局")
    assert table(editor, Level.DISTRICT) == before + [(last + 1, 1, "新活动")]
    assert signals.take() == [("activities_reset",)]
    assert editor.undo_stack.count() == 1 and editor.undo_stack.undoText() == "新增活动"
    editor.undo_stack.undo()
    assert table(editor, Level.DISTRICT) == before == stored_table(editor, Level.DISTRICT)
    assert signals.take() == [("activities_reset",)]
    editor.undo_stack.redo()
    assert editor.document.activity(new.id).name == "新活动"
    assert stored_table(editor, Level.DISTRICT) == before + [(last + 1, 1, "新活动")]


def test_a_new_activity_for_a_unit_with_rows_joins_its_group(editor):
    unit = next(u for u in editor.document.units if u.short_name == "黄浦")
    new = editor.add_activity(Level.DISTRICT, unit.id)
    assert (new.group_no, new.position, new.unit_id) == (2, 2, unit.id)


def test_add_row_to_group_joins_the_group_at_its_end(editor, signals):
    first_of_4 = next(a for a in editor.document.activities
                      if a.level == Level.MUNICIPAL and a.group_no == 4)
    new = editor.add_row_to_group(first_of_4.id)
    assert (new.group_no, new.position, new.name) == (4, 3, first_of_4.name)
    assert [a.position for a in editor.group_of(first_of_4)] == [1, 2, 3]
    assert signals.take() == [("activities_reset",)]
    editor.undo_stack.undo()
    assert [a.position for a in editor.group_of(first_of_4)] == [1, 2]


def test_duplicate_makes_new_groups_numbered_on(editor, signals):
    rows = editor.document.data.by_level(Level.MUNICIPAL)
    copies = editor.duplicate([rows[0].id, rows[1].id])
    assert [(c.group_no, c.position, c.name) for c in copies] == [
        (9, 1, rows[0].name), (10, 1, rows[1].name)]
    assert editor.undo_stack.count() == 1
    assert signals.take() == [("activities_reset",)]
    assert editor.duplicate([]) == [] and editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert len(editor.document.data.by_level(Level.MUNICIPAL)) == 9


def test_delete_renumbers_in_one_step_and_undo_restores_every_number(editor, signals):
    before = table(editor)
    third = next(a for a in editor.document.activities
                 if a.level == Level.MUNICIPAL and a.group_no == 3)
    editor.delete([third.id])
    after = table(editor)
    assert [g for g, _p, _n in after] == [1, 2, 3, 3, 4, 5, 6, 7]
    assert third.name not in [n for _g, _p, n in after]
    assert after == stored_table(editor)
    assert editor.undo_stack.count() == 1 and editor.undo_stack.undoText() == "删除 计量科普知识竞答"
    assert signals.take() == [("activities_reset",), ("activities_reset",)]  # remove, renumber
    editor.undo_stack.undo()
    assert table(editor) == before == stored_table(editor)
    editor.undo_stack.redo()
    assert table(editor) == after


def test_move_swaps_inside_the_group_only(editor, signals):
    group = [a for a in editor.document.data.by_level(Level.MUNICIPAL) if a.group_no == 4]
    assert editor.move(group[0].id, -1) is False
    assert editor.move(group[1].id, 1) is False
    assert editor.undo_stack.count() == 0 and signals.take() == []
    assert editor.move(group[0].id, 1) is True
    moved = editor.group_of(editor.document.activity(group[0].id))
    assert [a.id for a in moved] == [group[1].id, group[0].id]
    assert signals.take() == [("activities_reset",)]
    editor.undo_stack.undo()
    assert [a.id for a in editor.group_of(group[0])] == [group[0].id, group[1].id]


def test_edit_field_signals_the_changed_row(editor, signals):
    target = editor.document.activities[0]
    editor.edit_field(target.id, "time_text", "5月15日")
    assert signals.take() == [("activities_changed", [target.id])]
    assert editor.store.activity(target.id).time_text == "5月15日"
    assert '"2021-05-15"' in editor.document.activity(target.id).spans_json
    editor.undo_stack.undo()
    assert signals.take() == [("activities_changed", [target.id])]
    assert editor.store.activity(target.id).time_text == target.time_text


def test_moving_the_notice_deadline_moves_the_summaries_due_then(editor, signals):
    doc = editor.document
    summaries = [s for s in doc.submissions() if s.item == "活动总结"]
    assert {s.due for s in summaries} == {date(2021, 5, 24)}
    new = doc.campaign.with_changes(summary_due=date(2021, 5, 28), contact_person="张三")
    assert editor.edit_campaign(new, "修改通知") == []
    assert editor.undo_stack.count() == 1
    assert signals.take() == [("campaign_changed",), ("submissions_changed",)]
    assert {s.due for s in doc.submissions() if s.item == "活动总结"} == {date(2021, 5, 28)}
    assert editor.store.campaign(doc.campaign.id).contact_person == "张三"
    editor.undo_stack.undo()
    assert {s.due for s in doc.submissions() if s.item == "活动总结"} == {date(2021, 5, 24)}
    assert doc.campaign.contact_person == "何佳亮"
    editor.undo_stack.redo()
    assert doc.campaign.summary_due == date(2021, 5, 28)


def test_a_notice_with_errors_is_not_saved(editor, signals):
    doc = editor.document
    bad = doc.campaign.with_changes(doc_number="沪市监计量[2021]第0261号")
    errors = editor.edit_campaign(bad, "修改通知")
    assert errors and all(p.field == "doc_number" for p in errors)
    assert editor.undo_stack.count() == 0 and signals.take() == []
    assert doc.campaign.doc_number == "沪市监计量〔2021〕260号"


def test_new_campaign_from_last_year_opens_it_with_a_fresh_history(editor, signals):
    editor.edit_field(editor.document.activities[0].id, "name", "改过")
    signals.take()
    new = editor.new_campaign_from_last_year(2022, CarryOver(activities=True))
    assert editor.document.campaign.id == new.id and new.year == 2022
    assert editor.undo_stack.count() == 0
    assert ("campaign_changed",) in signals.take()
    assert len(editor.document.activities) == 29
    with pytest.raises(StoreError):
        editor.new_campaign_from_last_year(2022)
    assert editor.document.campaign.id == new.id


def test_switch_campaign_loads_the_other_year_and_says_so(editor, signals):
    first = editor.document.campaign
    editor.new_campaign_from_last_year(2022)
    assert editor.document.activities == []
    signals.take()
    editor.switch_campaign(first.id)
    assert editor.document.campaign.year == 2021 and len(editor.document.activities) == 29
    assert signals.take() == [("campaign_changed",), ("submissions_changed",),
                              ("units_changed",), ("activities_reset",)]


def summaries(editor):
    """The 活动总结 items of the open campaign, in official order."""
    return [s for s in editor.document.submissions() if s.item == "活动总结"]


def test_add_item_for_the_addressees_skips_what_is_owed(editor, signals):
    addressees = editor.addressees()
    assert len(addressees) == 21
    assert editor.add_item("宣传报道", date(2021, 5, 28)) == 21
    assert signals.take() == [("submissions_changed",)]
    assert editor.add_item("宣传报道", date(2021, 5, 28)) == 0
    assert editor.add_item("活动安排", date(2021, 5, 28)) == 0
    assert editor.undo_stack.count() == 1 and signals.take() == []
    assert len(editor.store.submissions(editor.document.campaign.id)) == 63
    editor.undo_stack.undo()
    assert len(editor.store.submissions(editor.document.campaign.id)) == 42


def test_mark_received_marks_only_missing_items_late_after_due(editor, signals):
    ids = [s.id for s in summaries(editor)[:3]]
    assert editor.mark_received(ids[:1], date(2021, 5, 20)) == 1
    assert editor.mark_received(ids, date(2021, 5, 26)) == 2   # the first is in already
    assert editor.undo_stack.count() == 2
    now = summaries(editor)[:3]
    assert [(s.status, s.received) for s in now] == [
        (SubmissionStatus.RECEIVED, date(2021, 5, 20)),
        (SubmissionStatus.LATE, date(2021, 5, 26)), (SubmissionStatus.LATE, date(2021, 5, 26))]
    assert signals.take() == [("submissions_changed",), ("submissions_changed",)]
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert {s.status for s in summaries(editor)} == {SubmissionStatus.PENDING}


def test_edit_submission_status_date_and_note(editor, signals):
    sub_id = summaries(editor)[0].id
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(UserError, match="晚于今天"):   # as mark_received refuses it
        editor.edit_submission(sub_id, received=tomorrow)
    assert editor.edit_submission(sub_id, note="") is False        # no change, no step
    assert editor.undo_stack.count() == 0 and signals.take() == []
    assert editor.edit_submission(sub_id, status=SubmissionStatus.RECEIVED,
                                  today=date(2021, 5, 23))
    sub = summaries(editor)[0]
    assert (sub.status, sub.received) == (SubmissionStatus.RECEIVED, date(2021, 5, 23))
    assert editor.edit_submission(sub_id, status=SubmissionStatus.EXEMPT)
    assert summaries(editor)[0].received is None
    assert editor.edit_submission(sub_id, note="电话已催")
    assert signals.take() == [("submissions_changed",)] * 3
    assert editor.undo_stack.count() == 3
    for _ in range(3):
        editor.undo_stack.undo()
    assert summaries(editor)[0] == next(s for s in editor.store.submissions(
        editor.document.campaign.id) if s.id == sub_id)
    assert summaries(editor)[0].status == SubmissionStatus.PENDING


def test_import_replaces_the_units_rows_and_marks_the_arrangement(editor, signals):
    doc = editor.document
    unit = next(u for u in doc.units if u.short_name == "黄浦")
    old = [a for a in doc.data.by_level(Level.DISTRICT) if a.unit_id == unit.id]
    rows = [old[0].with_changes(id=None, name="计量惠民", position=1),
            old[0].with_changes(id=None, name="实验室开放", position=2)]
    before = next(s for s in doc.submissions() if s.unit_id == unit.id and s.item == "活动安排")
    outcome = editor.import_unit_activities(unit.id, rows, date(2021, 5, 24))
    assert outcome.submission == before and not outcome.marked, \
        "黄浦's plan was received before (已列入通知附件): an update never moves the receipt"
    assert (outcome.replaced, outcome.added) == (1, 2)
    mine = [a.name for a in doc.data.by_level(Level.DISTRICT) if a.unit_id == unit.id]
    assert mine == ["计量惠民", "实验室开放"]
    assert signals.take() == [("activities_reset",)]
    assert editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert [a.name for a in doc.data.by_level(Level.DISTRICT)
            if a.unit_id == unit.id] == [a.name for a in old]
    assert [s for s in doc.submissions() if s.unit_id == unit.id and s.item == "活动安排"] == [
        before]
    editor.undo_stack.redo()
    assert len([a for a in editor.store.activities(doc.campaign.id, Level.DISTRICT)
                if a.unit_id == unit.id]) == 2


def test_a_refused_write_changes_nothing_and_leaves_no_step(editor, signals, monkeypatch):
    before = table(editor)

    def disk_full(*_args, **_kwargs):
        raise StoreError("数据库写入失败，未作任何改动：database or disk is full")
    monkeypatch.setattr(editor.store, "insert_activities", disk_full)
    with pytest.raises(StoreError, match="disk is full"):
        editor.add_activity(Level.MUNICIPAL)
    with pytest.raises(StoreError, match="disk is full"):
        editor.duplicate([editor.document.activities[0].id])
    assert signals.take() == []
    assert editor.undo_stack.count() == 0
    assert table(editor) == before == stored_table(editor)


def _refuse_second_write(store, monkeypatch, method: str) -> None:
    """The database refuses `method` after the step's first write went through."""
    def disk_full(*_args, **_kwargs):
        raise StoreError("数据库写入失败，未作任何改动：database or disk is full")
    monkeypatch.setattr(store, method, disk_full)


def test_a_refused_delete_leaves_no_step_and_every_row_where_it_was(editor, monkeypatch):
    """The delete goes through, the renumbering is refused: both are taken back."""
    before = table(editor)
    first_group = [a.id for a in editor.document.data.by_level(Level.MUNICIPAL)
                   if a.group_no == 1]
    _refuse_second_write(editor.store, monkeypatch, "update_activities")
    with pytest.raises(StoreError, match="disk is full"):
        editor.delete(first_group)
    assert editor.undo_stack.count() == 0
    assert table(editor) == before == stored_table(editor)


def test_a_refused_deadline_move_saves_no_part_of_the_notice(editor, monkeypatch):
    doc = editor.document
    stored_before = editor.store.campaign(doc.campaign.id)
    dues_before = {s.id: s.due for s in doc.submissions()}
    new = doc.campaign.with_changes(summary_due=date(2021, 5, 28), contact_person="张三")
    _refuse_second_write(editor.store, monkeypatch, "save_submissions")
    with pytest.raises(StoreError, match="disk is full"):
        editor.edit_campaign(new, "修改通知")
    assert editor.undo_stack.count() == 0
    assert doc.campaign == stored_before == editor.store.campaign(doc.campaign.id)
    assert doc.campaign.contact_person == "何佳亮"
    assert {s.id: s.due for s in doc.submissions()} == dues_before
    assert {s.id: s.due for s in editor.store.submissions(doc.campaign.id)} == dues_before


def test_a_refused_redo_is_raised_once_and_leaves_the_step_out(editor, monkeypatch):
    new = editor.add_activity(Level.MUNICIPAL)
    editor.undo_stack.undo()
    before = table(editor)
    _refuse_second_write(editor.store, monkeypatch, "insert_activities")
    with pytest.raises(StoreError, match="disk is full"):
        editor.redo()
    assert not editor.undo_stack.canRedo()
    assert new.id not in {a.id for a in editor.document.activities}
    assert table(editor) == before == stored_table(editor)


def test_the_command_line_imports_through_the_editor(store, tmp_path, monkeypatch):
    from exporters.xlsx_template import write_templates
    from importers.workbook import import_workbook
    calls = []
    original = CampaignEditor.import_unit_activities

    def recorded(self, unit_id, rows, today, level, *more):
        calls.append((unit_id, len(rows), today, level))
        return original(self, unit_id, rows, today, level, *more)
    monkeypatch.setattr(CampaignEditor, "import_unit_activities", recorded)
    [path] = write_templates(store.load(), tmp_path / "青浦.xlsx", unit="青浦", every=False)
    plan = import_workbook(store, path, today=date(2021, 5, 9))
    assert plan.ok and "已导入" in plan.as_text()
    assert calls == [(plan.unit.id, len(plan.activities), date(2021, 5, 9), Level.DISTRICT)]


def test_an_import_marks_the_units_own_plan_and_makes_no_stray_item(store):
    """The plan item every addressee owes is marked; a unit owing none gets none made."""
    editor = CampaignEditor(store)
    doc = editor.document
    count = len(doc.submissions())
    plans = {s.unit_id: s for s in doc.submissions() if s.item == "活动安排"}
    unit = next(u for u in doc.units if u.short_name == "临港")
    row = doc.data.by_level(Level.DISTRICT)[0].with_changes(id=None, unit_id=unit.id)
    outcome = editor.import_unit_activities(unit.id, [row], date(2021, 5, 6))
    assert outcome.submission.id == plans[unit.id].id
    assert outcome.submission.status == SubmissionStatus.RECEIVED
    assert len(doc.submissions()) == count
    outsider = next(u for u in doc.units if u.short_name == "真新街道")
    outcome = editor.import_unit_activities(outsider.id, [row], date(2021, 5, 6))
    assert outcome.submission is None and outcome.added == 1
    assert len(doc.submissions()) == count
    editor.restart_history()


def test_moving_the_plan_due_date_moves_the_plans_still_due_then(editor, signals):
    campaign = editor.document.campaign
    assert campaign.plan_due == date(2021, 5, 7)
    assert editor.edit_campaign(campaign.with_changes(plan_due=date(2021, 5, 6)), "改") == []
    plans = [s for s in editor.document.submissions() if s.item == "活动安排"]
    assert {s.due for s in plans} == {date(2021, 5, 6)}
    assert {s.due for s in summaries(editor)} == {date(2021, 5, 24)}
    editor.undo_stack.undo()
    plans = [s for s in editor.document.submissions() if s.item == "活动安排"]
    assert {s.due for s in plans} == {date(2021, 5, 7)}


def test_a_refused_undo_of_added_and_changed_items_takes_back_neither(editor, monkeypatch):
    """Undoing a step that added one item and changed another is one transaction: when
    restoring the changed one is refused, the added one is not gone from the database."""
    doc = editor.document
    changed = summaries(editor)[0].with_changes(note="电话已催")
    added = changed.with_changes(id=None, item="宣传照片", note="")
    editor.save_submissions([changed, added], "两项")
    stored = sorted((s.item, s.note) for s in editor.store.submissions(doc.campaign.id))
    resynced = []
    doc.resynced.connect(resynced.append)
    _refuse_second_write(editor.store, monkeypatch, "save_submissions")
    editor.undo_stack.undo()
    monkeypatch.undo()
    assert len(resynced) == 1 and "disk is full" in resynced[0]
    assert sorted((s.item, s.note) for s in editor.store.submissions(doc.campaign.id)) == stored
    assert sorted((s.item, s.note) for s in doc.submissions()) == stored


def test_undo_steps_name_what_they_changed(editor):
    xuhui = editor.store.find_unit("徐汇")
    row = next(a for a in editor.document.activities if a.unit_id == xuhui.id)
    editor.edit_field(row.id, "time_text", "5月20日")
    assert editor.undo_stack.undoText() == f"编辑 徐汇 · {row.name} · 活动时间"
    municipal = next(a for a in editor.document.activities if a.level == Level.MUNICIPAL)
    editor.edit_field(municipal.id, "content", "新的内容")
    assert editor.undo_stack.undoText().startswith("编辑 ") and \
        editor.undo_stack.undoText().endswith(" · 活动内容")
    huangpu = editor.store.find_unit("黄浦")
    summary = next(s for s in editor.document.submissions()
                   if s.unit_id == huangpu.id and s.item == "活动总结")
    editor.edit_submission(summary.id, note="电话催过")
    assert editor.undo_stack.undoText() == "编辑 黄浦 · 活动总结 · 备注"
    editor.mark_received([summary.id], date(2021, 5, 20))
    assert editor.undo_stack.undoText() == "标记为已报送：黄浦"
