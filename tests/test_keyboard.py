"""The keyboard: focus lands where typing belongs, one Tab stop per date box, search → Down
into the results, an empty result says so, and 帮助 → 快捷键 lists every shortcut."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow


@pytest.fixture
def window(ctx, qtbot):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.setWindowState(Qt.WindowState.WindowNoState)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def test_after_ctrl_n_typing_names_the_new_row(window, ctx, qtbot):
    panel = window.activities
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    name = panel.detail_edits["name"]
    assert QApplication.focusWidget() is name and name.selectedText() == "新活动"
    qtbot.keyClicks(name, "abc")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert panel.current_activity().name == "abc"


def test_after_a_delete_the_next_row_is_selected_and_focused(window, ctx, qtbot):
    panel = window.activities
    third = panel.model.activity_at(2)
    fourth = panel.model.activity_at(3)
    panel.select_activity(third.id)
    panel.table.setFocus()
    ctx.dialogs.answers.append(True)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert third.id not in [a.id for a in ctx.document.activities]
    assert panel.current_activity().id == fourth.id
    assert [i.row() for i in panel.table.selectionModel().selectedRows()] == [2]
    assert QApplication.focusWidget() is panel.table


def test_down_in_the_search_box_goes_into_the_results(window, qtbot):
    panel = window.activities
    panel.focus_search()
    panel.search.setText("血压计")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is panel.table
    assert len(panel.table.selectionModel().selectedRows()) == 1
    assert "血压计" in " ".join(panel.model.index(panel.table.currentIndex().row(), c).data()
                               for c in range(panel.model.columnCount()))


def test_an_empty_result_says_nothing_was_found(window, qtbot):
    panel = window.activities
    assert not panel.empty_label.isVisible()
    panel.focus_search()
    panel.search.setText("不会有这样的活动")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert panel.empty_label.isVisible() and "没有找到" in panel.empty_label.text()
    qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    assert panel.search.text() == "" and not panel.empty_label.isVisible()


def test_the_checklist_tab_focuses_its_table_not_the_planning_date(window, qtbot):
    qtbot.keyClick(window.activities.table, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.checklist
    assert QApplication.focusWidget() is window.checklist.table
    picker = window.checklist.planning.picker
    before = picker.date()
    qtbot.keyClicks(QApplication.focusWidget(), "2")
    assert picker.date() == before


def test_a_date_box_is_one_tab_stop(window, qtbot):
    window.show_view("checklist")
    received = window.checklist.received_edit
    received.setFocus()
    qtbot.keyClick(received, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not received


def test_help_lists_every_shortcut(window):
    from PySide6.QtGui import QAction
    dialog = window.show_shortcuts()
    listed = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
              for r in range(dialog.table.rowCount())}
    for action in window.findChildren(QAction):
        if action.shortcuts():
            assert any(action.shortcuts()[0].toString() in keys for keys in listed.values()), \
                action.text()
    assert listed["退出"] == "Ctrl+Q" and listed["标记为已报送"].startswith("Ctrl+Return")
    assert "快捷键" in window.shortcuts_action.text()
    dialog.close()
