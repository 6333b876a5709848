"""The activities table: filters, sorting, editing through undo, group operations."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from models.entities import Level
from models.fields import FIELDS
from ui.activities_model import ActivitiesTableModel
from ui.activities_panel import ActivitiesPanel

COL = {field.attr: i for i, field in enumerate(FIELDS)}


@pytest.fixture
def panel(ctx, qtbot):
    widget = ActivitiesPanel(ctx)
    qtbot.addWidget(widget)
    return widget


def test_model_passes_the_model_tester(ctx, qtmodeltester):
    model = ActivitiesTableModel(ctx.document)
    qtmodeltester.check(model)
    model.set_filter(text="计量惠民")
    qtmodeltester.check(model)


def test_all_activities_in_attachment_order(panel):
    model = panel.model
    assert model.rowCount() == 29
    assert model.index(0, COL["level"]).data() == "市级"
    assert model.index(4, COL["group_no"]).data() == "4-2"
    assert model.index(9, COL["level"]).data() == "区级"
    assert model.index(9, COL["responsible"]).data() == "浦东新区市场监管局"


def test_level_switch_unit_filter_and_search(panel):
    panel.level_box.setCurrentIndex(panel.level_box.findData(Level.MUNICIPAL))
    assert panel.model.rowCount() == 9
    panel.level_box.setCurrentIndex(0)
    panel.unit_box.setCurrentIndex(panel.unit_box.findText("青浦"))
    assert [panel.model.activity_at(r).name for r in range(panel.model.rowCount())] == [
        "科普竞答", "开展计量监管", "科普宣传"]
    panel.unit_box.setCurrentIndex(0)
    panel.search.setText("血压计")
    names = {panel.model.activity_at(r).name for r in range(panel.model.rowCount())}
    assert names == {"实验室开放", "系列计量主题活动"}
    panel.search.setText("微信 抖音")
    assert panel.model.rowCount() == 4
    assert "4 / 29" in panel.count_label.text()


def test_day_filter_uses_parsed_spans(panel):
    panel.filter_day(date(2021, 5, 12))
    names = [panel.model.activity_at(r).name for r in range(panel.model.rowCount())]
    # 5月11日、12日; 4—5月; 5月 (twice); 5月 (奉贤); 5月20日前 rows are open-start
    assert "第二届全国产业计量（上海）大会" in names
    assert "公益报时" not in names  # 5月17日至5月23日


def test_sorting_by_time_column(panel):
    def times() -> list[str]:
        return [panel.model.activity_at(r).time_text for r in range(panel.model.rowCount())]
    unsorted = times()
    header = panel.table.horizontalHeader()
    header.setSortIndicator(COL["time_text"], Qt.SortOrder.AscendingOrder)
    assert times() == sorted(unsorted) != unsorted  # by the time as written
    header.setSortIndicator(COL["time_text"], Qt.SortOrder.DescendingOrder)
    assert times() == sorted(unsorted, reverse=True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    assert times() == unsorted  # back in attachment order


def test_typing_a_search_keeps_the_current_activity_and_its_detail(panel):
    target = next(a for a in panel.doc.activities if a.name == "实验室开放")
    assert panel.select_activity(target.id)
    for text in ("血", "血压", "血压计"):  # each keystroke refilters the table
        panel.search.setText(text)
        assert panel.current_activity() == target
        assert panel.detail.isEnabled()
        assert panel.detail_edits["name"].text() == "实验室开放"
    panel.search.setText("无此词")  # filtered out: nothing is current, the panel is empty
    assert panel.current_activity() is None
    assert not panel.detail.isEnabled() and panel.detail_edits["name"].text() == ""


def test_keeping_the_current_row_never_scrolls_sideways(panel, qtbot):
    panel.resize(420, 500)  # narrower than 级别 + 序号 + 活动名称
    panel.show()
    qtbot.waitExposed(panel)
    target = panel.model.activity_at(20)
    panel.select_activity(target.id)
    across = panel.table.horizontalScrollBar()
    across.setValue(0)
    panel.search.setText("计量")
    assert panel.current_activity() == target
    assert across.value() == 0
    assert panel.table.visualRect(panel.table.currentIndex()).top() >= 0  # scrolled down to it


def test_an_edit_under_a_sort_follows_the_row_it_moved_to(panel, ctx):
    panel.table.horizontalHeader().setSortIndicator(COL["name"], Qt.SortOrder.AscendingOrder)
    target = panel.model.activity_at(3)
    panel.select_activity(target.id)
    panel.model.setData(panel.model.index(3, COL["name"]), "龥 排在最后")
    row = panel.table.currentIndex().row()
    assert row == panel.model.rowCount() - 1
    assert panel.model.activity_at(row).id == target.id
    assert panel.detail_edits["name"].text() == "龥 排在最后"
    ctx.undo_stack.undo()
    assert panel.current_activity().id == target.id
    assert panel.detail_edits["name"].text() == target.name


def test_a_filter_keeps_the_selected_rows_it_still_shows(panel):
    district = [a for a in panel.doc.activities if a.level == Level.DISTRICT][:2]
    municipal = next(a for a in panel.doc.activities if a.level == Level.MUNICIPAL)
    chosen = [municipal, *district]
    panel.table.clearSelection()
    for activity in chosen:
        panel.table.selectionModel().select(
            panel.model.index(panel.model.row_of(activity.id), 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert sorted(panel.selected_ids()) == sorted(a.id for a in chosen)
    panel.level_box.setCurrentIndex(panel.level_box.findData(Level.DISTRICT))
    assert sorted(panel.selected_ids()) == sorted(a.id for a in district)


def test_edit_in_place_is_saved_and_undoable(panel, ctx):
    index = panel.model.index(0, COL["name"])
    assert panel.model.setData(index, "新名称")
    stored = ctx.store.activity(panel.model.activity_at(0).id)
    assert stored.name == "新名称"
    ctx.undo_stack.undo()
    assert ctx.store.activity(stored.id).name == "第二届全国产业计量（上海）大会"
    assert index.data() == "第二届全国产业计量（上海）大会"
    ctx.undo_stack.redo()
    assert index.data() == "新名称"


def test_unreadable_time_is_marked_with_a_reason(panel):
    index = panel.model.index(0, COL["time_text"])
    panel.model.setData(index, "常态化开展")
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "无法识别" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data() == "常态化开展"


def test_add_row_to_group_duplicate_delete_and_undo(panel, ctx):
    assert panel.select_activity(panel.model.activity_at(0).id)
    panel.add_row_to_group()
    new = panel.current_activity()
    assert (new.level, new.group_no, new.position) == (Level.MUNICIPAL, 1, 2)
    assert panel.model.rowCount() == 30
    panel.duplicate_selected()
    copy = panel.current_activity()
    assert copy.group_no == 9 and copy.position == 1
    panel.delete_selected()
    assert panel.model.rowCount() == 30
    ctx.undo_stack.undo()
    assert panel.model.rowCount() == 31
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert panel.model.rowCount() == 29
    assert len(ctx.store.activities(ctx.document.campaign.id)) == 29


def test_move_within_group(panel, ctx):
    rows = [a for a in ctx.document.activities if a.level == Level.DISTRICT and a.group_no == 14]
    panel.select_activity(rows[0].id)
    panel.move_selected(1)
    order = sorted((a for a in ctx.document.activities
                    if a.level == Level.DISTRICT and a.group_no == 14), key=lambda a: a.position)
    assert [a.name for a in order] == ["开展计量监管", "科普竞答", "科普宣传"]
    ctx.undo_stack.undo()
    order = sorted((a for a in ctx.store.activities(ctx.document.campaign.id, Level.DISTRICT)
                    if a.group_no == 14), key=lambda a: a.position)
    assert [a.name for a in order] == ["科普竞答", "开展计量监管", "科普宣传"]


def test_detail_panel_edits_long_text(panel, ctx):
    panel.select_activity(panel.model.activity_at(0).id)
    editor = panel.detail_edits["responsible"]
    assert editor.toPlainText().startswith("指导单位：市场监管总局\n主办单位")
    editor.setPlainText("市局计量处\n市计测院")
    panel.commit_pending()
    assert ctx.store.activity(panel.model.activity_at(0).id).responsible == "市局计量处\n市计测院"
    assert ctx.undo_stack.count() == 1


def test_time_hint_reparses_as_typed(panel):
    panel.select_activity(panel.model.activity_at(0).id)
    panel._preview_time("5月15日至18日")
    assert "2021-05-15" in panel.time_hint.text()
    panel._preview_time("待定")
    assert "无法识别" in panel.time_hint.text()


def test_deleting_renumbers_the_groups_in_one_undoable_step(panel, ctx):
    district = [a for a in ctx.document.activities if a.level == Level.DISTRICT]
    second_of_12 = next(a for a in district if (a.group_no, a.position) == (12, 2))
    panel.select_activity(second_of_12.id)
    panel.delete_selected()
    group12 = sorted((a for a in ctx.document.activities
                      if a.level == Level.DISTRICT and a.group_no == 12), key=lambda a: a.position)
    assert [(a.name, a.position) for a in group12] == [
        ("“同谱诚信计量协奏曲，共建放心消费大湾区”诚信计量社会监督活动", 1), ("计量科普　计量服务", 2)]
    first_of_3 = next(a for a in district if a.group_no == 3)
    panel.select_activity(first_of_3.id)
    panel.delete_selected()
    numbers = sorted({a.group_no for a in ctx.document.activities if a.level == Level.DISTRICT})
    assert numbers == list(range(1, 16))
    stored = ctx.store.activities(ctx.document.campaign.id, Level.DISTRICT)
    assert sorted({a.group_no for a in stored}) == list(range(1, 16))
    ctx.undo_stack.undo()
    assert sorted({a.group_no for a in ctx.document.activities
                   if a.level == Level.DISTRICT}) == list(range(1, 17))
    ctx.undo_stack.undo()
    assert len(ctx.store.activities(ctx.document.campaign.id)) == 29


def test_a_table_edit_is_not_undone_by_the_detail_panel(panel, ctx):
    """Editing a cell, then exporting or quitting (which commit the panel), keeps the edit."""
    model = panel.model
    panel.select_activity(model.activity_at(0).id)
    model.setData(model.index(0, COL["content"]), "表格里改的内容")
    assert panel.detail_edits["content"].toPlainText() == "表格里改的内容"
    panel.commit_pending()
    assert ctx.store.activity(model.activity_at(0).id).content == "表格里改的内容"
    assert ctx.undo_stack.count() == 1


def test_undo_of_a_detail_edit_stays_undone(panel, ctx):
    panel.select_activity(panel.model.activity_at(0).id)
    original = panel.current_activity().content
    panel.detail_edits["content"].setPlainText("EDITED")
    panel.commit_pending()
    ctx.undo_stack.undo()
    assert panel.detail_edits["content"].toPlainText() == original
    panel.commit_pending()
    assert ctx.store.activity(panel.current_activity().id).content == original
    assert ctx.undo_stack.canRedo()


def test_search_ignores_case_in_latin_text(panel):
    panel.search.setText("app")
    names = {panel.model.activity_at(r).name for r in range(panel.model.rowCount())}
    assert names == {"科普竞答"}          # “绿色青浦”APP
    panel.search.setText("绿色青浦 APP")
    assert panel.model.rowCount() == 1


def test_detail_panel_pickers_change_unit_and_level_as_one_step_each(panel, ctx):
    """The unit picker beside 负责单位 and the level picker: the row moves, stays current,
    and each change undoes in one step."""
    jinshan = next(u for u in ctx.document.units if u.short_name == "金山")
    qingpu = next(u for u in ctx.document.units if u.short_name == "青浦")
    row = [a for a in ctx.document.activities if a.unit_id == jinshan.id][1]
    panel.select_activity(row.id)
    pickers = panel.pickers
    assert pickers.unit_box.currentData() == jinshan.id
    assert pickers.level_box.currentData() == Level.DISTRICT
    pickers.unit_box.setCurrentIndex(pickers.unit_box.findData(qingpu.id))
    pickers.unit_box.activated.emit(pickers.unit_box.currentIndex())
    assert panel.current_activity().id == row.id
    assert panel.model.index(panel.table.currentIndex().row(), COL["group_no"]).data() == "14-4"
    assert panel.detail_edits["responsible"].toPlainText() == qingpu.name
    pickers.level_box.setCurrentIndex(pickers.level_box.findData(Level.MUNICIPAL))
    pickers.level_box.activated.emit(pickers.level_box.currentIndex())
    assert panel.current_activity().level == Level.MUNICIPAL
    assert panel.model.index(panel.table.currentIndex().row(), COL["group_no"]).data() == "9"
    assert ctx.undo_stack.count() == 2
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert ctx.document.activity(row.id) == row


def test_a_refused_edit_in_the_table_or_the_pickers_is_said_once_and_changes_nothing(
        panel, ctx, monkeypatch):
    """A table cell and a picker cannot raise into Qt: the refusal is one message each."""
    from models.errors import StoreError
    row = ctx.document.activities[0]
    panel.select_activity(row.id)

    def disk_full(*_args):
        raise StoreError("数据库写入失败，未作任何改动：database or disk is full")
    monkeypatch.setattr(ctx.store, "update_activities", disk_full)
    panel.model.setData(panel.table.currentIndex().siblingAtColumn(COL["name"]), "改名")
    assert panel.pickers.choose_level(Level.DISTRICT) is False
    errors = [m for m in ctx.dialogs.messages if m[0] == "error"]
    assert [(title, "disk is full" in text) for _kind, title, text in errors] == [
        ("保存失败", True)] * 2
    assert ctx.document.activity(row.id) == row and ctx.undo_stack.count() == 0


def test_typing_the_unit_in_the_table_links_and_moves_the_row(panel, ctx):
    panel.level_box.setCurrentIndex(panel.level_box.findData(Level.DISTRICT))
    panel.add_activity()
    added = panel.current_activity()
    assert panel.model.index(panel.table.currentIndex().row(), COL["group_no"]).data() == "17"
    panel.model.setData(panel.table.currentIndex().siblingAtColumn(COL["responsible"]), "徐汇区")
    assert panel.current_activity().id == added.id
    assert panel.model.index(panel.table.currentIndex().row(), COL["group_no"]).data() == "4-2"
    assert panel.pickers.unit_box.currentText() == "徐汇区市场监管局"


def _box_units(box) -> set[int]:
    return {box.itemData(i) for i in range(box.count())} - {None}


def test_unit_pickers_list_the_year_s_addressees_and_the_unit_a_row_names(panel, ctx):
    """A unit retired this year is offered neither by the filter nor by the detail picker,
    except for an activity that still names it (its own unit stays shown)."""
    jinshan = next(u for u in ctx.document.units if u.short_name == "金山")
    extra = ctx.editor.add_addressee("金山区市场监管局第二分局", "金山二分")
    ctx.editor.retire_addressee(extra.id)
    ctx.editor.retire_addressee(jinshan.id)
    addressed = {u.id for u in ctx.editor.addressee_list()}
    assert len(addressed) == 20
    assert _box_units(panel.unit_box) == addressed | {jinshan.id}, "金山 still names rows"
    own = next(a for a in ctx.document.activities if a.unit_id == jinshan.id)
    other = next(a for a in ctx.document.activities if a.unit_id in addressed)
    panel.select_activity(other.id)
    assert _box_units(panel.pickers.unit_box) == addressed
    panel.select_activity(own.id)
    assert _box_units(panel.pickers.unit_box) == addressed | {jinshan.id}
    assert panel.pickers.unit_box.currentData() == jinshan.id
    panel.select_activity(other.id)
    assert jinshan.id not in _box_units(panel.pickers.unit_box)
