"""Figures (指标) as part of the campaign: the default list, values with source and mark, every
change one undoable step, the list carried into a new year, the statistics and last year."""
from __future__ import annotations

import pytest

from models.db.opening import open_database
from models.db.schema import migrations
from models.editor import CampaignEditor
from models.entities import FigureSource
from models.errors import UserError
from models.figure_numbers import ValueRefused
from models.figure_suggest import suggest
from models.figures import typed_value
from models.rollover import CarryOver

DEFAULT = ["开展活动", "参与群众", "发放宣传资料", "免费检定检测计量器具", "媒体报道", "组织收看"]


@pytest.fixture
def editor(store):
    made = CampaignEditor(store)
    yield made
    made.undo_stack.clear()


def _figure(editor, name):
    return next(f for f in editor.figures() if f.name == name)


def _unit(editor, short):
    return next(u for u in editor.document.units if u.short_name == short)


def _shown(editor):
    """(unit short name, figure name) -> (value, mark, source) of everything stored."""
    units = {u.id: u.short_name for u in editor.document.units}
    figures = {f.id: f.name for f in editor.figures()}
    return {(units[v.unit_id], figures[v.figure_id]): (v.value, v.approximate, v.source)
            for v in editor.figure_values()}


def test_a_campaign_starts_with_the_six_default_figures(editor):
    figures = editor.figures()
    assert [f.name for f in figures] == DEFAULT
    assert [f.label for f in figures][:3] == ["开展活动（场）", "参与群众（人次）", "发放宣传资料（份）"]
    assert all(f.summed for f in figures)


def test_a_database_of_the_previous_schema_gets_the_default_figures(tmp_path):
    from sqlite_utils import Database

    from models.db.seed import seed_store
    from models.db.storage import Store
    path = tmp_path / "old.sqlite3"
    old = Database(path)
    migrations.apply(old, stop_before="0004_figures")
    # a 2021 campaign stored by the program before figures (today's seed writes 备注 and
    # reads each year's order of units, which came later: lent for the seed, taken away again)
    old.execute("ALTER TABLE activities ADD COLUMN remarks TEXT NOT NULL DEFAULT ''")
    old.execute("CREATE TABLE campaign_units (campaign_id, unit_id, sort_order)")
    seed_store(Store(old, path))
    old.execute("ALTER TABLE activities DROP COLUMN remarks")
    old.execute("DROP TABLE campaign_units")
    old.close()
    store = open_database(path)
    try:
        assert [f.name for f in CampaignEditor(store).figures()] == DEFAULT
    finally:
        store.close()


def test_setting_values_is_one_undoable_step_with_source_and_mark(editor):
    xuhui, huangpu = _unit(editor, "徐汇"), _unit(editor, "黄浦")
    material, people = _figure(editor, "发放宣传资料"), _figure(editor, "参与群众")
    before = editor.undo_stack.count()
    editor.set_figure_values([typed_value(material, xuhui, "1,200余"),
                              typed_value(people, huangpu, "约300")])
    assert editor.undo_stack.count() == before + 1
    assert _shown(editor) == {("徐汇", "发放宣传资料"): (1200, "余", FigureSource.TYPED),
                              ("黄浦", "参与群众"): (300, "约", FigureSource.TYPED)}
    editor.undo_stack.undo()
    assert _shown(editor) == {}
    editor.undo_stack.redo()
    assert _shown(editor)[("徐汇", "发放宣传资料")] == (1200, "余", FigureSource.TYPED)


def test_changing_a_value_and_undoing_brings_the_old_one_back(editor):
    xuhui, material = _unit(editor, "徐汇"), _figure(editor, "发放宣传资料")
    editor.set_figure_values([typed_value(material, xuhui, "1200")])
    editor.set_figure_values([typed_value(material, xuhui, "1300")])
    assert _shown(editor)[("徐汇", "发放宣传资料")][0] == 1300
    editor.undo_stack.undo()
    assert _shown(editor)[("徐汇", "发放宣传资料")][0] == 1200
    assert editor.set_figure_values([typed_value(material, xuhui, "1200")]) is False


def test_clearing_a_value_is_undoable(editor):
    xuhui, material = _unit(editor, "徐汇"), _figure(editor, "发放宣传资料")
    editor.set_figure_values([typed_value(material, xuhui, "1200")])
    editor.set_figure_values([], [(material.id, xuhui.id)])
    assert _shown(editor) == {}
    editor.undo_stack.undo()
    assert _shown(editor)[("徐汇", "发放宣传资料")][0] == 1200


@pytest.mark.parametrize("text", ["很多", "-1", "10000001"])
def test_a_bad_value_is_refused_before_anything_is_stored(editor, text):
    xuhui, material = _unit(editor, "徐汇"), _figure(editor, "发放宣传资料")
    with pytest.raises(ValueRefused, match="徐汇"):
        editor.set_figure_values([typed_value(_figure(editor, "开展活动"), xuhui, "12"),
                                  typed_value(material, xuhui, text)])
    assert _shown(editor) == {} and editor.undo_stack.count() == 0


def test_the_list_of_figures_is_editable_and_each_change_undoable(editor):
    xuhui = _unit(editor, "徐汇")
    added = editor.add_figure("发放环保袋", "个")
    assert [f.name for f in editor.figures()][-1] == "发放环保袋"
    with pytest.raises(UserError, match="已有"):
        editor.add_figure("发放环保袋", "个")
    with pytest.raises(UserError, match="不能为空"):
        editor.add_figure("  ", "个")
    editor.set_figure_values([typed_value(added, xuhui, "300")])
    editor.edit_figure(added.id, "发放购物袋", "只", summed=False)
    renamed = _figure(editor, "发放购物袋")
    assert (renamed.measure, renamed.summed) == ("只", False)
    editor.remove_figure(renamed.id)
    assert "发放购物袋" not in [f.name for f in editor.figures()] and _shown(editor) == {}
    editor.undo_stack.undo()            # the figure comes back with its value
    assert _shown(editor) == {("徐汇", "发放购物袋"): (300, "", FigureSource.TYPED)}
    editor.undo_stack.undo()
    assert _figure(editor, "发放环保袋").measure == "个"


def test_a_new_year_takes_the_edited_list_without_last_years_values(editor):
    editor.add_figure("发放环保袋", "个")
    editor.remove_figure(_figure(editor, "组织收看").id)
    editor.set_figure_values([typed_value(_figure(editor, "开展活动"), _unit(editor, "徐汇"), "9")])
    editor.new_campaign_from_last_year(2022, CarryOver())
    assert [f.name for f in editor.figures()] == [*DEFAULT[:5], "发放环保袋"]
    assert editor.figure_values() == []


def test_accepting_suggestions_stores_only_values_not_yet_set_in_one_step(editor):
    xuhui = _unit(editor, "徐汇")
    editor.set_figure_values([typed_value(_figure(editor, "发放宣传资料"), xuhui, "999")])
    found = suggest("提供咨询服务70人次，现场检测血压计24台，发放宣传资料110份。",
                    editor.figures())
    before = editor.undo_stack.count()
    stored = editor.accept_suggestions([(xuhui.id, s) for s in found])
    assert editor.undo_stack.count() == before + 1 and len(stored) == 2
    shown = _shown(editor)
    assert shown[("徐汇", "发放宣传资料")] == (999, "", FigureSource.TYPED)
    assert shown[("徐汇", "参与群众")] == (70, "", FigureSource.SUMMARY)
    kept = next(v for v in editor.figure_values() if v.value == 24)
    assert kept.sentence.startswith("提供咨询服务70人次")


def test_statistics_total_the_figures_and_list_the_units_still_missing_them(editor):
    material = _figure(editor, "发放宣传资料")
    editor.set_figure_values([typed_value(material, _unit(editor, "徐汇"), "1000余"),
                              typed_value(material, _unit(editor, "黄浦"), "200")])
    stats = editor.statistics()
    total = stats.totals[material.id]
    assert (total.value, total.approximate, total.units) == (1200, True, 2)
    missing = {u.short_name for u, _figures in stats.missing()}
    assert "徐汇" in missing and "浦东" in missing       # 徐汇 still lacks the five others
    assert [u.id for u in stats.units] == editor.addressees()
    assert stats.previous is None


def test_last_years_totals_give_the_change_in_per_cent(editor):
    material = _figure(editor, "发放宣传资料")
    editor.set_figure_values([typed_value(material, _unit(editor, "徐汇"), "1000")])
    editor.new_campaign_from_last_year(2022, CarryOver(activities=True))
    editor.set_figure_values([typed_value(_figure(editor, "发放宣传资料"),
                                          _unit(editor, "徐汇"), "1250")])
    stats = editor.statistics()
    change = stats.change(_figure(editor, "发放宣传资料"))
    assert (change.before, change.now, change.percent) == (1000, 1250, 25.0)
    assert stats.change(_figure(editor, "媒体报道")) is None     # nothing given last year
    assert stats.activity_change().percent == 0.0
