"""The window on an office laptop: inside the screen, its size kept per screen, and every tab
usable at 1366×768 with scale 1.5 (910×512 logical pixels)."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QScrollArea

from ui.main_window import MainWindow
from ui.window_place import screen_key, screen_of

SMALL = (910, 512)
"""1366×768 at QT_SCALE_FACTOR 1.5, in logical pixels, less nothing: the whole screen."""


@pytest.fixture
def window(ctx, qtbot):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    return win


def _small_window(window, qtbot):
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*SMALL)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_window_opens_inside_the_available_screen(window):
    area = screen_of(window).availableGeometry()
    assert area.width() < 1400, "the offscreen screen is smaller than the preferred size"
    assert area.contains(window.geometry()), (window.geometry(), area)
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_the_size_is_remembered_per_screen_size(window, ctx, qtbot):
    area = screen_of(window).availableGeometry()
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.setGeometry(QRect(area.x() + 10, area.y() + 10, 500, 400))
    window.save_state()
    assert ctx.settings.window_state(screen_key(screen_of(window))) is not None
    assert screen_key(screen_of(window)) == f"geometry_{area.width()}x{area.height()}"
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.size().toTuple() == (500, 400)
    assert not again.windowState() & Qt.WindowState.WindowMaximized


def test_a_size_from_a_bigger_screen_is_not_restored_off_screen(window, ctx, qtbot):
    area = screen_of(window).availableGeometry()
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.setGeometry(QRect(0, 0, 1400, 860))  # as saved on a large screen
    ctx.settings.set_window_state(screen_key(screen_of(window)), window.saveGeometry())
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert area.contains(again.geometry())


def test_the_window_can_be_as_small_as_the_scaled_laptop_screen(window):
    hint = window.minimumSizeHint()
    assert hint.width() <= SMALL[0] and hint.height() <= SMALL[1], hint
    for index in range(window.tabs.count()):
        assert window.tabs.widget(index).minimumSizeHint().width() <= SMALL[0] - 10


def test_every_toolbar_action_shows_on_the_small_screen(window, qtbot):
    _small_window(window, qtbot)
    bar = window.toolbar
    for action in bar.actions():
        if action.isSeparator():
            continue
        button = bar.widgetForAction(action)
        assert button.isVisible(), f"{action.iconText()} folded away"
        assert bar.rect().contains(button.geometry()), action.iconText()


def test_the_toolbar_does_not_move_when_the_undo_text_changes(window, ctx, qtbot):
    _small_window(window, qtbot)
    bar = window.toolbar
    before = [bar.widgetForAction(a).geometry() for a in bar.actions() if not a.isSeparator()]
    panel = window.activities
    panel.model.setData(panel.model.index(0, 2), "改一个很长很长很长的活动名称")
    assert window.undo_action.text().startswith("撤销“")
    after = [bar.widgetForAction(a).geometry() for a in bar.actions() if not a.isSeparator()]
    assert after == before
    assert window.undo_action.toolTip().startswith("撤销“"), "the tip names the step"


def test_the_responsible_unit_shows_without_scrolling(window, qtbot):
    _small_window(window, qtbot)
    table = window.activities.table
    column = [f.attr for f in window.activities.model.fields].index("responsible")
    right = table.columnViewportPosition(column) + table.columnWidth(column)
    assert table.horizontalScrollBar().value() == 0
    assert right <= table.viewport().width(), (right, table.viewport().width())


def test_the_detail_panel_scrolls_rather_than_squeezing(window, qtbot):
    _small_window(window, qtbot)
    panel = window.activities
    scroll = panel.detail.parentWidget().parentWidget()
    assert isinstance(scroll, QScrollArea) and scroll.widget() is panel.detail
    content = panel.detail_edits["content"]
    assert content.height() >= content.fontMetrics().lineSpacing() * 3


def test_the_calendar_says_how_to_see_the_days_it_has_no_room_for(window, ctx, qtbot):
    _small_window(window, qtbot)
    window.show_view("calendar")
    hint = window.calendar.overflow_hint
    canvas = window.calendar.canvas
    assert canvas.days_in_view() < canvas.data.days
    assert hint.isVisible() and "滚动条" in hint.text()
    window.resize(3000, 900)
    qtbot.waitUntil(lambda: canvas.days_in_view() == canvas.data.days)
    assert not hint.isVisible()


def test_the_planning_sentence_wraps_instead_of_widening_the_checklist(window, ctx, qtbot):
    ctx.editor.set_planning_date(date(2021, 5, 23))
    _small_window(window, qtbot)
    window.show_view("checklist")
    note = window.checklist.planning.note
    assert note.text() and note.wordWrap()
    assert window.checklist.width() <= SMALL[0]


def test_the_checklists_editable_note_column_starts_on_the_small_screen(window, qtbot):
    from ui.checklist_model import COLUMN
    _small_window(window, qtbot)
    window.show_view("checklist")
    table = window.checklist.table
    left = table.columnViewportPosition(COLUMN["note"])
    assert 0 <= left < table.viewport().width() - 40, (left, table.viewport().width())


def test_dialogs_open_inside_the_available_screen(ctx, tmp_path, qtbot):
    """The import preview and the suggestions dialog opened at 1100×760 and 900×500 logical
    pixels: past the edges of a 1366×768 screen at scale 1.5, their buttons out of reach."""
    from importers.returned import check_returned
    from tests.test_import_roundtrip import ROWS, _fill, _template
    from ui.import_dialog import ImportPreview
    from ui.statistics_view import SuggestionsDialog
    path = _template(ctx.store, tmp_path)
    _fill(path, ROWS)
    dialogs = [ImportPreview(check_returned(ctx.document.data, path)),
               SuggestionsDialog([], [])]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        area = screen_of(dialog).availableGeometry()
        assert dialog.width() <= area.width() and dialog.height() <= area.height(), (
            type(dialog).__name__, dialog.size(), area)


def test_a_dialog_is_fitted_to_a_small_screen():
    from PySide6.QtCore import QSize

    from ui.window_place import fitted_size
    assert fitted_size(QSize(1100, 760), QRect(0, 0, *SMALL)) == QSize(870, 432)
    assert fitted_size(QSize(440, 360), QRect(0, 0, *SMALL)) == QSize(440, 360)


def test_every_figure_header_is_readable_on_the_small_screen(window, qtbot):
    """免费检定检测计量器具（台件） was cut at both ends in a column a sixth of 910 pixels."""
    _small_window(window, qtbot)
    window.show_view("statistics")
    table = window.statistics.table
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    model = table.model()
    for column in range(model.columnCount()):
        text = model.headerData(column, Qt.Orientation.Horizontal)
        widest = max(metrics.horizontalAdvance(line) for line in text.splitlines())
        assert widest + 8 <= header.sectionSize(column), (text, header.sectionSize(column))


def test_the_import_preview_shows_its_rows_on_the_small_screen(ctx, tmp_path, qtbot):
    """With one 合计 row skipped, the list of skipped rows took 90 pixels for one line and the
    unit's rows showed a row and a half on a 1366×768 screen at scale 1.5."""
    from openpyxl import load_workbook
    from PySide6.QtCore import QSize

    from importers.returned import check_returned
    from tests.test_import_roundtrip import ROWS, _fill, _template
    from ui.import_dialog import ImportPreview
    from ui.window_place import fitted_size
    path = _template(ctx.store, tmp_path)
    _fill(path, ROWS)
    wb = load_workbook(path)
    wb.worksheets[0]["B8"], wb.worksheets[0]["C8"] = "合计", "共3项"
    wb.save(path)
    plan = check_returned(ctx.document.data, path)
    assert plan.ok and len(plan.skipped) == 1, plan.as_text()
    dialog = ImportPreview(plan)
    qtbot.addWidget(dialog)
    dialog.resize(fitted_size(QSize(1100, 760), QRect(0, 0, *SMALL)))
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.rows_table
    assert table.viewport().height() >= 3 * table.rowHeight(0), (
        table.viewport().height(), table.rowHeight(0))
