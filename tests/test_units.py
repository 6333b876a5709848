"""Activities and their units: a typed 负责单位 links the row, level and unit change as one
undoable step renumbering both sides, imports replace the rows naming the unit."""
from __future__ import annotations

from datetime import date

import pytest

from models.entities import Activity, Level, find_unit


def unit(editor, short: str):
    return next(u for u in editor.document.units if u.short_name == short)


def numbers(editor, level: Level = Level.DISTRICT) -> list[tuple[int, int, str]]:
    """(序号, position, unit short name or '') of a table's rows, in attachment order."""
    names = {u.id: u.short_name for u in editor.document.units}
    return [(a.group_no, a.position, names.get(a.unit_id, ""))
            for a in editor.document.data.by_level(level)]


def stored(editor, level: Level = Level.DISTRICT) -> list[tuple[int, int, str]]:
    names = {u.id: u.short_name for u in editor.document.units}
    return [(a.group_no, a.position, names.get(a.unit_id, ""))
            for a in editor.store.activities(editor.document.campaign.id, level)]


@pytest.mark.parametrize("text", ["黄浦", "黄浦区", "黄浦区市场监管局", "黄浦区市场监督管理局",
                                  " 黄浦区 市场监管局\n"])
def test_a_unit_is_found_as_people_write_it(store, text):
    assert find_unit(store.units(), text).name == "黄浦区市场监管局"


def test_names_of_other_units_are_found_too(store):
    units = store.units()
    assert find_unit(units, "浦东新区").short_name == "浦东"
    assert find_unit(units, "临港新片区市场监管局").short_name == "临港"
    assert find_unit(units, "嘉定区").short_name == "嘉定"
    assert find_unit(units, "嘉定区真新街道").short_name == "真新街道"
    assert find_unit(units, "市局") is None  # several units start so
    assert find_unit(units, "指导单位：市场监管总局\n主办单位：市局") is None


def test_typing_the_responsible_unit_links_the_row_into_its_group(editor):
    """The issue's case: added by hand, 负责单位 typed as 徐汇区市场监管局: linked to 徐汇 and
    numbered 4-2 beside 徐汇's own row, not left as a stray 17-1; one undo step."""
    before = numbers(editor)
    added = editor.add_activity(Level.DISTRICT)
    assert (added.group_no, added.position, added.unit_id) == (17, 1, None)
    editor.edit_field(added.id, "responsible", "徐汇区市场监管局")
    row = editor.document.activity(added.id)
    assert (row.group_no, row.position, row.unit_id) == (4, 2, unit(editor, "徐汇").id)
    assert row.responsible == "徐汇区市场监管局"
    assert numbers(editor) == stored(editor)
    assert [n for n in numbers(editor) if n[0] == 17] == []
    editor.undo_stack.undo()
    row = editor.document.activity(added.id)
    assert (row.group_no, row.position, row.unit_id, row.responsible) == (17, 1, None, "")
    editor.undo_stack.undo()
    assert numbers(editor) == before == stored(editor)


def test_typing_free_text_keeps_the_link(editor):
    row = editor.document.data.by_level(Level.DISTRICT)[1]
    editor.edit_field(row.id, "responsible", "黄浦区市场监管局、外滩街道")
    assert editor.document.activity(row.id).unit_id == row.unit_id


def test_changing_the_unit_renumbers_both_groups_in_one_step(editor):
    """Jinshan's second row moves to Qingpu: 金山 closes up, 青浦 gains a row at its end."""
    jinshan, qingpu = unit(editor, "金山"), unit(editor, "青浦")
    rows = [a for a in editor.document.data.by_level(Level.DISTRICT) if a.unit_id == jinshan.id]
    before = numbers(editor)
    assert [(a.group_no, a.position) for a in rows] == [(12, 1), (12, 2), (12, 3)]
    assert editor.change_unit(rows[1].id, qingpu.id)
    assert editor.undo_stack.count() == 1
    assert editor.undo_stack.undoText() == "修改负责单位"
    moved = editor.document.activity(rows[1].id)
    assert (moved.group_no, moved.position, moved.responsible) == (14, 4, qingpu.name)
    assert [(a.group_no, a.position) for a in editor.document.data.by_level(Level.DISTRICT)
            if a.unit_id == jinshan.id] == [(12, 1), (12, 2)]
    assert numbers(editor) == stored(editor)
    assert not editor.change_unit(rows[1].id, qingpu.id)  # nothing to change, no step
    editor.undo_stack.undo()
    assert numbers(editor) == before == stored(editor)
    assert editor.document.activity(rows[1].id).responsible == jinshan.name


def test_a_units_only_row_moving_away_closes_the_gap(editor):
    """黄浦's only row goes to 静安: the groups after it count on without a hole."""
    huangpu, jingan = unit(editor, "黄浦"), unit(editor, "静安")
    row = next(a for a in editor.document.activities if a.unit_id == huangpu.id)
    editor.change_unit(row.id, jingan.id)
    groups = [g for g, _p, _u in numbers(editor)]
    assert sorted(set(groups)) == list(range(1, max(groups) + 1))
    moved = editor.document.activity(row.id)
    assert (moved.group_no, moved.position) == (2, 2)  # 静安 is 2 once 黄浦's 2 is gone
    assert numbers(editor) == stored(editor)


def test_changing_the_level_moves_the_row_to_the_other_table(editor):
    municipal_before, district_before = numbers(editor, Level.MUNICIPAL), numbers(editor)
    row = next(a for a in editor.document.activities
               if a.level == Level.MUNICIPAL and a.group_no == 2)
    assert editor.change_level(row.id, Level.DISTRICT)
    assert editor.undo_stack.count() == 1 and editor.undo_stack.undoText() == "修改级别"
    moved = editor.document.activity(row.id)
    assert (moved.level, moved.group_no, moved.position) == (Level.DISTRICT, 17, 1)
    assert [g for g, _p, _u in numbers(editor, Level.MUNICIPAL)] == [1, 2, 3, 3, 4, 5, 6, 7]
    assert numbers(editor, Level.MUNICIPAL) == stored(editor, Level.MUNICIPAL)
    assert numbers(editor) == stored(editor)
    editor.undo_stack.undo()
    assert numbers(editor, Level.MUNICIPAL) == municipal_before
    assert numbers(editor) == district_before == stored(editor)


def test_a_district_row_changing_level_leaves_its_units_group(editor):
    qingpu = unit(editor, "青浦")
    rows = [a for a in editor.document.activities if a.unit_id == qingpu.id]
    editor.change_level(rows[0].id, Level.MUNICIPAL)
    assert [(a.group_no, a.position) for a in editor.document.data.by_level(Level.DISTRICT)
            if a.unit_id == qingpu.id] == [(14, 1), (14, 2)]
    moved = editor.document.activity(rows[0].id)
    assert (moved.level, moved.group_no, moved.position) == (Level.MUNICIPAL, 9, 1)


def test_an_import_replaces_rows_naming_the_unit_without_a_link(editor, tmp_path):
    """A row typed before links existed (徐汇区, no unit) is replaced by 徐汇's import and
    shown among the rows to be replaced, so it does not appear twice."""
    from exporters.xlsx_template import write_template
    from importers.workbook import apply_workbook, check_workbook
    xuhui = unit(editor, "徐汇")
    stray = editor.store.insert_activities([Activity(
        Level.DISTRICT, 17, 1, "手工录入的活动", responsible="徐汇区", campaign_id=editor.document.campaign.id)])[0]
    editor.document.switch_campaign(editor.document.campaign.id)  # reread, as on opening
    data = editor.document.data
    assert stray.id in [a.id for a in data.district_rows_of(xuhui)]
    path = write_template(data, xuhui, tmp_path / "徐汇.xlsx")
    plan = check_workbook(data, path)
    assert plan.ok, plan.as_text()
    assert {a.id for a in plan.replaced} == {a.id for a in data.district_rows_of(xuhui)}
    assert len(plan.replaced) == 2 and len(plan.activities) == 2  # the template lists both
    apply_workbook(editor, path, date(2021, 5, 6))
    names = [a.name for a in editor.document.data.by_level(Level.DISTRICT)]
    assert names.count("手工录入的活动") == 1
    assert all(a.unit_id == xuhui.id for a in editor.document.data.by_level(Level.DISTRICT)
               if a.name == "手工录入的活动")
