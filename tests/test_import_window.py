"""Importing a returned workbook from the window: preview, one undoable step."""
from __future__ import annotations

from datetime import date

from models.entities import Level, SubmissionStatus
from tests.test_import_roundtrip import ROWS, _fill, _template
from ui.import_dialog import ImportPreview, run_import


def _unit_rows(ctx, unit_id):
    return [a.name for a in ctx.document.data.by_level(Level.DISTRICT) if a.unit_id == unit_id]


def test_import_is_one_undoable_step(ctx, tmp_path):
    ctx.editor.set_planning_date(date(2021, 5, 6))
    path = _template(ctx.store, tmp_path, "临港")  # 临港 still owes its plan
    _fill(path, ROWS)
    plan = run_import(ctx, path, None, review=lambda plan, parent: True)
    assert plan.ok
    assert _unit_rows(ctx, plan.unit.id) == ["计量惠民", "实验室开放", "常态化宣传"]
    arrangement = [s for s in ctx.document.submissions()
                   if s.unit_id == plan.unit.id and s.item == "活动安排"]
    assert len(arrangement) == 1 and arrangement[0].status == SubmissionStatus.RECEIVED
    assert str(arrangement[0].received) == "2021-05-06"  # the planning date
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert _unit_rows(ctx, plan.unit.id) == []
    assert [s.received for s in ctx.store.submissions(ctx.document.campaign.id)
            if s.unit_id == plan.unit.id and s.item == "活动安排"] == [None]
    ctx.undo_stack.redo()
    assert len(_unit_rows(ctx, plan.unit.id)) == 3


def test_declining_the_preview_changes_nothing(ctx, tmp_path):
    path = _template(ctx.store, tmp_path)
    _fill(path, ROWS)
    before = [a.name for a in ctx.document.activities]
    run_import(ctx, path, None, review=lambda plan, parent: False)
    assert [a.name for a in ctx.document.activities] == before
    assert ctx.undo_stack.count() == 0


def test_preview_offers_import_only_without_errors(ctx, tmp_path, qtbot):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    plan = run_import(ctx, bad, None, review=lambda plan, parent: True)
    assert not plan.ok and ctx.undo_stack.count() == 0
    dialog = ImportPreview(plan)
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.findChildren(__import__("PySide6.QtWidgets").QtWidgets
                                                   .QPushButton)]
    assert "导入" not in texts


def test_a_refused_import_changes_nothing_and_claims_nothing(ctx, tmp_path, monkeypatch):
    from models.db.storage import StoreError
    path = _template(ctx.store, tmp_path, "临港")  # owes its plan: the receipt is written
    _fill(path, ROWS)
    before = [a.name for a in ctx.document.activities]
    original_save = ctx.store.save_submissions

    def disk_full_on_the_submission(subs):
        raise StoreError("数据库写入失败，未作任何改动：database or disk is full")
    monkeypatch.setattr(ctx.store, "save_submissions", disk_full_on_the_submission)
    run_import(ctx, path, None, review=lambda plan, parent: True)
    monkeypatch.setattr(ctx.store, "save_submissions", original_save)
    [error] = [m for m in ctx.dialogs.messages if m[0] == "error"]  # said once
    assert "disk is full" in error[2]
    assert [a.name for a in ctx.document.activities] == before
    assert [a.name for a in ctx.store.activities(ctx.document.campaign.id)] == before
    assert not [m for m in ctx.dialogs.messages if m[0] == "info"]
    assert ctx.undo_stack.count() == 0


def test_preview_lists_the_rows_to_be_replaced_even_without_a_link(ctx, tmp_path, qtbot):
    """徐汇's linked row and a row only naming 徐汇区 both appear under 将被替换."""
    from exporters.xlsx_template import write_template
    from importers.workbook import check_workbook
    from models.entities import Activity
    xuhui = next(u for u in ctx.document.units if u.short_name == "徐汇")
    ctx.store.insert_activities([Activity(Level.DISTRICT, 17, 1, "手工录入的活动",
                                          responsible="徐汇区",
                                          campaign_id=ctx.document.campaign.id)])
    ctx.document.switch_campaign(ctx.document.campaign.id)
    path = write_template(ctx.document.data, xuhui, tmp_path / "徐汇.xlsx")
    dialog = ImportPreview(check_workbook(ctx.document.data, path))
    qtbot.addWidget(dialog)
    assert "（替换原有 2 条）" in dialog.rows_label.text()
    shown = [(dialog.rows_table.item(r, 0).text(), dialog.rows_table.item(r, 1).text(),
              dialog.rows_table.item(r, 2).text()) for r in range(dialog.rows_table.rowCount())]
    assert shown == [("4", "不变", "计量惠民"), ("4-2", "修改", "手工录入的活动")], \
        "the row only naming 徐汇区 is 徐汇's too: it joins its group as 4-2"


def test_a_refused_dropped_reply_is_said_once_in_the_report(ctx, tmp_path, qtbot, monkeypatch):
    """Dropped on the window, a reply the database refuses gives one line, no extra dialog."""
    from models.db.storage import StoreError
    from ui.main_window import MainWindow
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    path = _template(ctx.store, tmp_path)
    _fill(path, ROWS)

    def disk_full(rows):
        raise StoreError("数据库写入失败，未作任何改动：database or disk is full")
    monkeypatch.setattr(ctx.store, "insert_activities", disk_full)
    report = window.take_files([path], None, review=lambda plan, parent: True)
    assert report.count("disk is full") == 1
    assert [m[0] for m in ctx.dialogs.messages] == ["info"]  # the report, nothing else
    assert ctx.undo_stack.count() == 0
