"""The units' template gets a second sheet, 活动统计; `import` reads it with the activities
(one undo step) and alone; bad cells stop the whole import."""
from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook

from models.editor import CampaignEditor
from models.entities import FigureSource
from models.template_contract import DATA_SHEET, FIGURES_SHEET
from tests.cli_run import run_cli

run = run_cli  # (code, out, err) of one command


def _values(store):
    editor = CampaignEditor(store)
    figures = {f.id: f.name for f in editor.figures()}
    return {figures[v.figure_id]: (v.value, v.approximate, v.source)
            for v in editor.figure_values()}


def _district_names(store, short):
    unit = store.find_unit(short)
    return [a.name for a in store.load().by_level("区级") if a.unit_id == unit.id]


@pytest.fixture
def template(store, tmp_path):
    path = tmp_path / "黄浦模板.xlsx"
    code, _out, err = run(store, "template", "--unit", "黄浦", "-o", str(path))
    assert code == 0, err
    return path


def _fill(path, values: dict[str, object], activity: str | None = None):
    wb = load_workbook(path)
    ws = wb[FIGURES_SHEET]
    for row in ws.iter_rows(min_row=4):
        if row[0].value in values:
            row[2].value = values[row[0].value]
    if activity is not None:
        wb[DATA_SHEET]["B4"] = activity
    wb.save(path)


def test_the_template_has_a_second_sheet_with_a_row_per_figure(template):
    wb = load_workbook(template)
    assert wb.sheetnames[:2] == [DATA_SHEET, FIGURES_SHEET]
    ws = wb[FIGURES_SHEET]
    assert [c.value for c in ws[3]] == ["指标", "计量单位", "数值", "说明"]
    assert [(r[0].value, r[1].value) for r in ws.iter_rows(min_row=4, max_col=2)][:2] == [
        ("开展活动", "场"), ("参与群众", "人次")]


def test_import_reads_the_figures_with_the_activities_as_one_step(store, template):
    _fill(template, {"开展活动": 6, "发放宣传资料": "1000余", "参与群众": 350.0},
          activity="黄浦新活动")
    code, out, err = run(store, "import", str(template))
    assert code == 0, err
    assert "活动统计：已导入 3 项数据" in out
    assert _values(store) == {"开展活动": (6, "", FigureSource.TEMPLATE),
                              "发放宣传资料": (1000, "余", FigureSource.TEMPLATE),
                              "参与群众": (350, "", FigureSource.TEMPLATE)}
    assert "黄浦新活动" in _district_names(store, "黄浦")
    editor = CampaignEditor(store)
    value = editor.figure_values()[0]
    assert value.sentence == template.name          # the source names the file


def test_import_reads_the_figures_alone_when_the_activities_change_nothing(store, template):
    assert run(store, "import", str(template))[0] == 0        # the activities came before
    before = _district_names(store, "黄浦")
    _fill(template, {"媒体报道": 4})
    code, out, err = run(store, "import", str(template))
    assert code == 0, err
    assert "已导入 1 项数据；活动安排未改动" in out
    assert _values(store) == {"媒体报道": (4, "", FigureSource.TEMPLATE)}
    assert _district_names(store, "黄浦") == before


def test_the_figures_and_activities_of_an_import_undo_together(store, template, qapp):
    from datetime import date

    from importers.returned import apply_returned
    _fill(template, {"开展活动": 6}, activity="黄浦新活动")
    editor = CampaignEditor(store)
    plan = apply_returned(editor, template, date(2021, 5, 10))
    assert plan.ok, plan.as_text()
    assert editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert editor.figure_values() == []
    assert "黄浦新活动" not in _district_names(store, "黄浦")


@pytest.mark.parametrize(("cell", "message"), [("很多", "不是数量"), (-2, "负数"),
                                               (99_999_999, "超过")])
def test_a_bad_figure_stops_the_whole_import(store, template, cell, message):
    before = _district_names(store, "黄浦")
    _fill(template, {"开展活动": 6, "发放宣传资料": cell}, activity="黄浦新活动")
    code, out, _err = run(store, "import", str(template))
    assert code == 1
    assert message in out and "活动统计" in out and "未导入" in out
    assert _values(store) == {} and _district_names(store, "黄浦") == before


def test_a_template_with_figures_and_no_activities_is_imported_for_its_figures(store, tmp_path):
    path = tmp_path / "机场分局模板.xlsx"  # a unit with no rows yet
    assert run(store, "template", "--unit", "机场分局", "-o", str(path))[0] == 0
    code, out, _err = run(store, "import", str(path))
    assert code == 1 and "没有填写任何活动" in out              # nothing at all: refused
    _fill(path, {"发放宣传资料": 2000, "参与群众": "600余"})
    code, out, err = run(store, "import", str(path))
    assert code == 0, out + err
    assert _values(store) == {"发放宣传资料": (2000, "", FigureSource.TEMPLATE),
                              "参与群众": (600, "余", FigureSource.TEMPLATE)}


def test_when_the_figures_cannot_be_stored_the_activities_are_taken_back(store, template,
                                                                        monkeypatch, qapp):
    from datetime import date

    from importers.returned import apply_returned
    from models.errors import StoreError
    _fill(template, {"开展活动": 6}, activity="黄浦新活动")
    editor = CampaignEditor(store)
    before = _district_names(store, "黄浦")

    def refuse(*_args):
        raise StoreError("磁盘已满")
    monkeypatch.setattr("models.figure_commands.save_values", refuse)
    with pytest.raises(StoreError, match="磁盘已满"):
        apply_returned(editor, template, date(2021, 5, 10))
    assert _district_names(store, "黄浦") == before and _values(store) == {}


def test_a_refused_figures_write_leaves_no_step_to_undo_or_redo(store, template, monkeypatch,
                                                              qapp):
    from datetime import date

    from importers.returned import apply_returned
    from models.errors import StoreError
    _fill(template, {"开展活动": 6}, activity="黄浦新活动")
    editor = CampaignEditor(store)
    before = store.load()

    def refuse(*_args):
        raise StoreError("磁盘已满")
    monkeypatch.setattr("models.figure_commands.save_values", refuse)
    with pytest.raises(StoreError, match="磁盘已满"):
        apply_returned(editor, template, date(2021, 5, 10))
    stack = editor.undo_stack
    assert (stack.count(), stack.canUndo(), stack.canRedo()) == (0, False, False)
    after = store.load()
    assert (after.activities, after.submissions) == (before.activities, before.submissions)
    assert editor.document.data.activities == before.activities    # memory read back too
    assert _values(store) == {}


def test_a_dry_run_reports_the_figures_it_would_store_and_stores_nothing(store, template):
    _fill(template, {"开展活动": 6, "发放宣传资料": "1000余"}, activity="黄浦新活动")
    before = _district_names(store, "黄浦")
    code, out, err = run(store, "import", "--dry-run", str(template))
    assert code == 0, err
    line = next(line for line in out.splitlines() if line.startswith("活动统计"))
    assert "2 项" in line and "开展活动 6场" in line and "发放宣传资料 1000余份" in line
    assert "未写入数据库" in out
    assert _values(store) == {} and _district_names(store, "黄浦") == before


@pytest.mark.parametrize(("cell", "message"), [("很多", "不是数量"), (-2, "负数"),
                                               (99_999_999, "超过")])
def test_a_dry_run_refuses_a_bad_figure_as_the_import_would(store, template, cell, message):
    _fill(template, {"开展活动": 6, "发放宣传资料": cell}, activity="黄浦新活动")
    dry = run(store, "import", "--dry-run", str(template))
    assert dry[0] == 1 and message in dry[1] and "活动统计" in dry[1]
    real = run(store, "import", str(template))
    problems = [line for line in real[1].splitlines() if "【错误】" in line]
    assert real[0] == 1 and problems == [
        line for line in dry[1].splitlines() if "【错误】" in line]
    assert _values(store) == {}


def test_a_dry_run_of_a_template_with_only_figures_passes_as_the_import_does(store, tmp_path):
    path = tmp_path / "机场分局模板.xlsx"
    assert run(store, "template", "--unit", "机场分局", "-o", str(path))[0] == 0
    _fill(path, {"发放宣传资料": 2000})
    code, out, _err = run(store, "import", "--dry-run", str(path))
    assert code == 0, out
    assert "发放宣传资料 2000份" in out and _values(store) == {}


def test_the_window_preview_shows_the_figures_and_imports_them(ctx, template, qtbot):
    from ui.import_dialog import ImportPreview, run_import
    _fill(template, {"媒体报道": 4}, activity="黄浦新活动")
    shown = []

    def review(plan, parent):
        dialog = ImportPreview(plan)
        qtbot.addWidget(dialog)
        shown.append(dialog.findChild(__import__("PySide6.QtWidgets").QtWidgets
                                      .QPlainTextEdit).toPlainText())
        return True
    plan = run_import(ctx, template, None, review=review)
    assert plan.ok and "活动统计：1 项（媒体报道 4篇）" in shown[0]
    assert _values(ctx.store) == {"媒体报道": (4, "", FigureSource.TEMPLATE)}
    assert ctx.undo_stack.count() == 1


def test_the_window_imports_new_figures_beside_unchanged_activities(ctx, template):
    from ui.import_dialog import run_import
    assert run_import(ctx, template, None, review=lambda plan, parent: True).ok
    _fill(template, {"媒体报道": 4})
    seen = []
    run_import(ctx, template, None, review=lambda plan, parent: seen.append(plan) or True)
    assert seen and "与已存的相同" not in seen[0].as_text()    # not "nothing changes"
    assert _values(ctx.store) == {"媒体报道": (4, "", FigureSource.TEMPLATE)}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_a_template_saved_by_another_suite_keeps_its_figures(store, template, tmp_path, suffix):
    """A unit's WPS or LibreOffice saves our template as .xls / .ods: its rows were read (as
    the unit's own spreadsheet) but the 活动统计 sheet was dropped without a word."""
    from models.received import soffice
    _fill(template, {"开展活动": 3, "发放宣传资料": "1000余"}, activity="黄浦新活动")
    (tmp_path / "out").mkdir()
    saved = soffice.convert(template, suffix, tmp_path / "out")
    code, out, err = run(store, "import", str(saved))
    assert code == 0, out + err
    assert "活动统计" in out and "黄浦新活动" in _district_names(store, "黄浦")
    assert _values(store) == {"开展活动": (3, "", FigureSource.TEMPLATE),
                              "发放宣传资料": (1000, "余", FigureSource.TEMPLATE)}
