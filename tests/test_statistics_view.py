"""The 统计 tab: units × figures typed in place (one undo step each), totals, last year, the
units still missing figures, the source on hover, suggestions ticked and accepted."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models.entities import SUMMARY_ITEM
from tests.conftest import REPO


@pytest.fixture
def view(ctx, qtbot):
    from ui.statistics_view import StatisticsView
    widget = StatisticsView(ctx)
    qtbot.addWidget(widget)
    widget.show()                   # read when shown, and kept up to date while on screen
    return widget


def _cell(view, short, figure):
    model = view.model
    row = next(i for i, u in enumerate(model.stats.units) if u.short_name == short)
    column = next(i for i, f in enumerate(model.stats.figures) if f.name == figure)
    return model.index(row, column)


def _total(view, figure):
    model = view.model
    column = next(i for i, f in enumerate(model.stats.figures) if f.name == figure)
    return model.index(len(model.stats.units), column)


def test_model_passes_the_model_tester(view, qtmodeltester):
    qtmodeltester.check(view.model)


def test_typing_a_value_stores_it_as_one_step_and_the_total_follows(view, ctx):
    model = view.model
    assert model.setData(_cell(view, "徐汇", "发放宣传资料"), "1,200余")
    assert model.setData(_cell(view, "黄浦", "发放宣传资料"), "300")
    assert ctx.undo_stack.count() == 2
    assert _cell(view, "徐汇", "发放宣传资料").data() == "1200余"
    assert _total(view, "发放宣传资料").data() == "1500余"
    assert _cell(view, "徐汇", "发放宣传资料").data(Qt.ItemDataRole.ToolTipRole) == "手工填写"
    ctx.undo_stack.undo()
    assert _total(view, "发放宣传资料").data() == "1200余"
    assert _cell(view, "黄浦", "发放宣传资料").data() == "—"


def test_a_bad_value_is_refused_with_a_message_and_nothing_stored(view, ctx):
    assert not view.model.setData(_cell(view, "徐汇", "开展活动"), "-4")
    assert "负数" in ctx.dialogs.messages[-1][2]
    assert ctx.undo_stack.count() == 0 and ctx.editor.figure_values() == []


def test_the_units_still_missing_figures_are_listed_under_the_table(view):
    assert "浦东" in view.missing_label.text()
    for figure in [f.name for f in view.model.stats.figures]:
        view.model.setData(_cell(view, "浦东", figure), "1")
    assert "浦东" not in view.missing_label.text() and "黄浦" in view.missing_label.text()


def test_summary_suggestions_show_their_sentence_and_are_stored_when_accepted(view, ctx,
                                                                            tmp_path):
    ctx.editor._files_folder = tmp_path / "files"    # the memory database keeps files here
    unit = next(u for u in ctx.document.units if u.short_name == "长宁")
    ctx.editor.receive_file(unit.id, REPO / "tests/data/summary_files/changning_summary.docx",
                            ctx.editor.planning_date(), SUMMARY_ITEM)
    view.model.setData(_cell(view, "长宁", "开展活动"), "7")
    rows, problems = view.suggestion_rows()
    assert problems == []
    by_figure = {s.figure.name: (s, already) for _u, s, already in rows}
    assert by_figure["开展活动"][1] is True                 # set already: starts unticked
    assert "一百五十人在线收看" in by_figure["组织收看"][0].sentence
    from ui.statistics_view import SuggestionsDialog
    dialog = SuggestionsDialog(rows, problems)
    chosen = dialog.chosen()
    assert len(chosen) == len(rows) - 1
    ctx.editor.accept_suggestions(chosen, only_unset=False)
    assert _cell(view, "长宁", "开展活动").data() == "7"
    assert _cell(view, "长宁", "发放宣传资料").data() == "300余"
    tip = _cell(view, "长宁", "发放宣传资料").data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("活动总结：“") and "三百余册" in tip
    dialog.deleteLater()


def test_the_window_has_the_statistics_tab(ctx, qtbot):
    from ui.main_window import MainWindow
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show_view("statistics")
    assert window.tabs.currentWidget() is window.statistics
    assert window.tabs.tabText(window.tabs.currentIndex()).startswith("统计")
    window.detach()


def test_figures_are_added_renamed_and_removed_from_the_tab(view, ctx, monkeypatch):
    from ui.statistics_view import FigureDialog

    def answer(name, measure):
        def fill(figure):
            dialog = FigureDialog(figure, view)
            dialog.name.setText(name)
            dialog.measure.setText(measure)
            return dialog
        return fill
    monkeypatch.setattr(view, "_figure_dialog", answer("发放环保袋", "个"))
    view.add_figure()
    assert view.model.headerData(6, Qt.Orientation.Horizontal) == "发放环保袋\n（个）"
    assert view.model.headerData(6, Qt.Orientation.Horizontal,
                                 Qt.ItemDataRole.ToolTipRole) == "发放环保袋（个）"
    view.table.setCurrentIndex(view.model.index(0, 6))
    monkeypatch.setattr(view, "_figure_dialog", answer("开展活动", "场"))
    view.edit_figure()                                     # a name taken: refused, said
    assert "已有" in ctx.dialogs.messages[-1][2]
    ctx.dialogs.answers.append(True)
    view.remove_figure()
    assert view.model.columnCount() == 6
    ctx.undo_stack.undo()
    assert view.model.columnCount() == 7


def test_the_tab_compares_with_last_year(view, ctx):
    view.model.setData(_cell(view, "徐汇", "开展活动"), "10")
    ctx.editor.new_campaign_from_last_year(2022)
    assert view.model.extra_rows == ["合计", "2021年合计"]
    view.model.setData(_cell(view, "徐汇", "开展活动"), "12")
    assert _total(view, "开展活动").data() == "12"
    below = view.model.index(len(view.model.stats.units) + 1, 0)
    assert below.data() == "10（+20.0%）"
    assert "开展活动：12场（上年 10，增长 20.0%）" in view.comparison_label.text()


def test_a_hidden_tab_reads_the_figures_only_when_it_is_shown(ctx, qtbot):
    from ui.statistics_view import StatisticsView
    widget = StatisticsView(ctx)
    qtbot.addWidget(widget)
    unit = next(u for u in ctx.document.units if u.short_name == "徐汇")
    figure = ctx.editor.figures()[0]
    from models.figures import typed_value
    ctx.editor.set_figure_values([typed_value(figure, unit, "5")])
    assert widget.model.stats.units == []                  # nothing read while hidden
    widget.show()
    assert _cell(widget, "徐汇", "开展活动").data() == "5"


def test_a_figure_stated_twice_is_offered_to_choose_one_never_the_larger_alone(ctx, qtbot):
    from models.figure_suggest import offers, suggest
    from ui.statistics_view import SuggestionsDialog
    unit = next(u for u in ctx.document.units if u.short_name == "青浦")
    found = suggest("5月20日在社区现场检测血压计56台，发放资料200份。"
                    "5月19日在农贸市场义务检定计量器具80台件。", ctx.editor.figures())
    rows = [(unit, s, False) for o in offers(found).values() for s in o]
    dialog = SuggestionsDialog(rows, [])
    qtbot.addWidget(dialog)
    shown = [(dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text(),
              dialog.table.item(r, 0).checkState() == Qt.CheckState.Checked)
             for r in range(dialog.table.rowCount())]
    assert shown == [("免费检定检测计量器具（选其一）", "56台件", False),
                     ("免费检定检测计量器具（选其一）", "80台件", False),
                     ("免费检定检测计量器具（选其一）", "136台件", False),
                     ("发放宣传资料", "200份", True)]
    assert dialog.table.item(2, 3).text().startswith("以上 2 处之和")
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    dialog.table.item(2, 0).setCheckState(Qt.CheckState.Checked)   # the sum, after all
    assert [s.value for _u, s in dialog.chosen()] == [136, 200]
    ctx.editor.accept_suggestions(dialog.chosen(), only_unset=False)
    stored = {v.value for v in ctx.editor.figure_values()}
    assert stored == {136, 200}
