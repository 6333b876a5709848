"""A template goes out, comes back filled the way people fill it, and imports."""
from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from exporters.xlsx_template import write_templates
from importers.import_plan import Severity
from importers.workbook import check_workbook, import_workbook
from models.entities import Level, SubmissionStatus


def _template(store, tmp_path, unit="黄浦"):
    [path] = write_templates(store.load(), tmp_path / f"{unit}.xlsx", unit=unit, every=False)
    return path


def _fill(path, rows, *, merge_time=False, blank_gap=False, reorder=False):
    """Fill the data sheet as a person would: rows from row 4, maybe merged, gaps, moved columns."""
    wb = load_workbook(path)
    ws = wb["活动安排"]
    r = 4
    for index, (name, content, time_text, forms) in enumerate(rows):
        if blank_gap and index == 2:
            r += 2  # two stray blank rows
        ws.cell(r, 2, name)
        ws.cell(r, 3, content)
        ws.cell(r, 4, time_text)
        ws.cell(r, 5, forms)
        r += 1
    if merge_time:
        ws.cell(5, 4, None)
        ws.merge_cells("D4:D5")
    if reorder:
        ws.move_range(f"C3:C{ws.max_row}", cols=5)   # 活动内容 to column H
        ws.insert_cols(1)                              # extra empty column in front
        ws.cell(3, 1, "备注")                          # extra column with a title
    wb.save(path)


def _dump(store):
    return (store.db.execute("SELECT * FROM activities ORDER BY id").fetchall(),
            store.db.execute("SELECT * FROM submissions ORDER BY id").fetchall())


ROWS = [("计量惠民", "眼镜计量讲座", "5月20日", "微信"),
        ("实验室开放", "开放日", "5月20日", "现场"),
        ("常态化宣传", "计量科普", "常态化开展", "抖音")]


def test_filled_template_with_merges_and_gaps_imports(store, tmp_path):
    path = _template(store, tmp_path)
    _fill(path, ROWS, merge_time=True, blank_gap=True)
    plan = import_workbook(store, path, today=date(2021, 5, 6))
    assert plan.ok, plan.as_text()
    rows = [a for a in store.load().by_level(Level.DISTRICT) if a.unit_id == plan.unit.id]
    assert [a.name for a in rows] == ["计量惠民", "实验室开放", "常态化宣传"]
    assert rows[1].time_text == "5月20日", "the merged time cell fills the row below"
    assert rows[2].time_text == "常态化开展" and rows[2].spans_json == "[]"
    assert {a.group_no for a in rows} == {2} and [a.position for a in rows] == [1, 2, 3]
    assert all(a.responsible == "黄浦区市场监管局" for a in rows)
    warnings = [p for p in plan.problems if p.severity == Severity.WARNING]
    assert [w.row for w in warnings] == [8], "only 常态化开展 warns; the merged time does not"
    assert "常态化开展" in warnings[0].message
    assert warnings[0].column.startswith("D") and warnings[0].sheet == "活动安排"
    sub = next(s for s in store.load().submissions
               if s.unit_id == plan.unit.id and s.item == "活动安排")
    assert (sub.status, sub.received) == (SubmissionStatus.RECEIVED, None), \
        "an update never moves a receipt: 黄浦's plan was received (已列入通知附件) before"
    assert "已导入" in plan.as_text()


def test_reordered_and_extra_columns_still_import(store, tmp_path):
    path = _template(store, tmp_path, "黄浦")
    _fill(path, ROWS[:2], reorder=True)
    plan = check_workbook(store.load(), path)
    assert plan.ok, plan.as_text()
    assert [(a.name, a.content) for a in plan.activities] == [("计量惠民", "眼镜计量讲座"),
                                                            ("实验室开放", "开放日")]
    assert plan.unit.short_name == "黄浦" and len(plan.replaced) == 1


def test_dry_run_changes_nothing(store, tmp_path):
    path = _template(store, tmp_path)
    _fill(path, ROWS)
    before = _dump(store)
    plan = import_workbook(store, path, dry_run=True)
    assert plan.ok and "仅检查" in plan.as_text() and len(plan.activities) == 3
    assert _dump(store) == before


def test_unchanged_template_round_trips(store, tmp_path):
    path = _template(store, tmp_path, "青浦")
    before = [(a.name, a.content, a.time_text, a.publicity_forms)
              for a in store.load().by_level(Level.DISTRICT) if a.responsible.startswith("青浦")]
    plan = import_workbook(store, path)
    assert plan.ok, plan.as_text()
    after = [(a.name, a.content, a.time_text, a.publicity_forms)
             for a in store.load().by_level(Level.DISTRICT) if a.responsible.startswith("青浦")]
    assert after == before


def test_existing_submission_is_marked_late_after_due(store, tmp_path):
    unit = store.find_unit("黄浦")
    campaign = store.load().campaign
    plan_item = next(s for s in store.submissions(campaign.id)
                     if s.unit_id == unit.id and s.item == "活动安排")
    store.save_submissions([plan_item.with_changes(due=date(2021, 5, 6),
                                                   status=SubmissionStatus.PENDING)])
    path = _template(store, tmp_path)
    plan = import_workbook(store, path, today=date(2021, 5, 7))
    assert plan.ok
    sub = next(s for s in store.load().submissions if s.unit_id == unit.id and s.item == "活动安排")
    assert sub.status == SubmissionStatus.LATE and sub.received == date(2021, 5, 7)
