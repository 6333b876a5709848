"""The main window: views wired together, exports from the menu, lock, screenshot mode."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import Qt

from models.db.db_lock import lock_database
from tests.conftest import REPO
from ui.main_window import MainWindow


@pytest.fixture
def window(ctx, qtbot):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    return win


def test_title_and_status_bar(window):
    assert "2021" in window.windowTitle() and "测量守护健康" in window.windowTitle()
    assert "内存" in window.path_label.text()
    assert "已保存" in window.saved_label.text()


def test_opening_a_calendar_day_filters_the_table(window):
    window.calendar.day_opened.emit(date(2021, 5, 18))
    assert window.tabs.currentWidget() is window.activities
    names = {window.activities.model.activity_at(r).name
             for r in range(window.activities.model.rowCount())}
    assert "诚信计量惠民生活动" in names and "实验室开放" not in names


def test_opening_a_bar_selects_the_activity_in_the_table(window, ctx):
    target = ctx.document.activities[20]
    window.activities.search.setText("不会匹配的文字")
    window.calendar.activity_opened.emit(target.id)
    assert window.tabs.currentWidget() is window.activities
    assert window.activities.current_activity().id == target.id


def test_a_single_click_in_the_calendar_stays_in_the_calendar(window, ctx, qtbot):
    """The double-click that follows must land on the same activity, not on a table row."""
    from PySide6.QtCore import Qt as QtNs
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    window.show_view("calendar")
    canvas = window.calendar.canvas
    target = next(lane.activity for lane in canvas.data.lanes if lane.activity.group_no == 7)
    pos = canvas.bar_rects(target.id)[0].center()
    qtbot.mouseClick(canvas.viewport(), QtNs.MouseButton.LeftButton, pos=pos)
    assert window.tabs.currentWidget() is window.calendar
    assert target.name in window.calendar.details.toPlainText()
    qtbot.mouseDClick(canvas.viewport(), QtNs.MouseButton.LeftButton, pos=pos)
    assert window.tabs.currentWidget() is window.activities
    assert window.activities.current_activity().id == target.id


def test_export_from_the_file_menu_writes_the_file(window, ctx, tmp_path):
    target = tmp_path / "附件.docx"
    ctx.dialogs.answers.append(target)
    window.export_actions["appendix", "docx"].trigger()
    assert target.exists() and target.stat().st_size > 0
    assert not [m for m in ctx.dialogs.messages if m[0] == "error"]


def test_export_failure_is_a_message_not_a_crash(window, ctx, tmp_path):
    ctx.dialogs.answers.append(tmp_path / "missing" / "x.docx")
    window.export_actions["notice", "docx"].trigger()
    kind, _title, text = ctx.dialogs.messages[-1]
    assert kind == "error" and "不存在" in text


def test_an_export_to_a_name_too_long_says_so_in_words(window, ctx, tmp_path):
    ctx.dialogs.answers.append(tmp_path / ("长" * 100 + ".docx"))
    window.export_actions["appendix", "docx"].trigger()
    kind, _title, text = ctx.dialogs.messages[-1]
    assert kind == "error" and "路径太长" in text and "305 字节" in text
    assert "Errno" not in text


def test_an_export_never_writes_over_a_database(window, ctx, tmp_path):
    import sqlite3
    other = tmp_path / "campaigns.docx"  # a database under a document's name
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    before = other.read_bytes()
    ctx.dialogs.answers.append(other)
    window.export_actions["notice", "docx"].trigger()
    kind, _title, text = ctx.dialogs.messages[-1]
    assert kind == "error" and "数据库文件" in text
    assert other.read_bytes() == before


def test_undo_redo_actions_follow_the_stack(window, ctx):
    model = window.activities.model
    model.setData(model.index(0, 2), "改过的名称")
    assert window.undo_action.isEnabled()
    assert "1" in window.saved_label.text()
    window.undo_action.trigger()
    assert model.index(0, 2).data() != "改过的名称"
    window.redo_action.trigger()
    assert model.index(0, 2).data() == "改过的名称"


def test_window_state_is_remembered(window, ctx, qtbot):
    window.resize(640, 480)
    window.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.size().width() == 640


def test_a_second_instance_on_the_same_database_is_refused(tmp_path):
    db = tmp_path / "c.sqlite3"
    first = lock_database(db)
    assert first is not None
    assert lock_database(db) is None
    first.unlock()
    assert lock_database(db) is not None


def test_screenshot_mode_paints_each_view(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    for view in ("table", "calendar", "checklist"):
        out = tmp_path / f"{view}.png"
        result = subprocess.run([sys.executable, str(REPO / "main.py"), "--db",
                                 str(tmp_path / "s.sqlite3"), "--screenshot", str(out),
                                 "--view", view], capture_output=True, text=True, timeout=120,
                                env=env)
        assert result.returncode == 0, result.stderr
        assert out.read_bytes().startswith(b"\x89PNG")


def test_a_failed_save_changes_nothing_and_says_so(window, ctx, monkeypatch):
    from models.db.storage import StoreError

    def full_disk(_activities):
        raise StoreError("数据库写入失败，未作任何改动：database or disk is full")
    monkeypatch.setattr(ctx.store, "update_activities", full_disk)
    model = window.activities.model
    before = model.index(0, 2).data()
    model.setData(model.index(0, 2), "不会保存的名称")
    assert model.index(0, 2).data() == before
    assert ctx.document.activities[0].name == before
    assert ctx.undo_stack.count() == 0
    kind, title, text = ctx.dialogs.messages[-1]
    assert kind == "error" and "disk is full" in text


def test_a_dead_windows_lock_does_not_block_the_next_start(tmp_path):
    db = tmp_path / "d.sqlite3"
    script = ("import os, sys; from pathlib import Path; from models.db.db_lock import lock_database;"
              f"lock = lock_database(Path({str(db)!r})); os._exit(0 if lock else 1)")
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, timeout=60)
    assert result.returncode == 0
    assert (tmp_path / "d.sqlite3.lock").exists(), "the killed process left its lock behind"
    assert lock_database(db) is not None


def test_cli_import_refuses_while_the_window_holds_the_database(tmp_path):
    db = tmp_path / "e.sqlite3"
    held = lock_database(db)
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "--db", str(db), "import",
                             str(tmp_path / "x.xlsx")], capture_output=True, text=True,
                            timeout=120)
    held.unlock()
    assert result.returncode == 3 and "另一个窗口" in result.stderr
    assert not db.exists()


def test_quitting_with_an_unsavable_notice_edit_asks_first(window, ctx):
    editor = window.notice
    editor.editors["doc_number"].setText("沪市监计量[2021]第0261号")
    ctx.dialogs.answers.append(0)                # 应用: it has errors, so nothing quits
    assert not window.close()
    assert window.tabs.currentWidget() is editor
    assert ctx.dialogs.messages[-2][0] == "choose" and ctx.dialogs.messages[-1][0] == "error"
    ctx.dialogs.answers.append(1)                # 放弃
    assert window.close()
    assert ctx.document.campaign.doc_number == "沪市监计量〔2021〕260号"


def _pending_issuer(window) -> None:
    """An edit typed into 发文机关 but not applied."""
    window.notice.editors["issuer"].setText("上海市市场监督管理局（改）")
    assert window.notice.pending_fields() == ["issuer"]


@pytest.mark.parametrize(("answer", "closes", "issuer"), [
    (0, True, "上海市市场监督管理局（改）"),     # 应用
    (1, True, "上海市市场监督管理局"),           # 放弃
    (2, False, "上海市市场监督管理局"),          # 取消
    (None, False, "上海市市场监督管理局"),       # the box closed
])
def test_quitting_with_an_unapplied_notice_edit_asks_apply_discard_cancel(
        window, ctx, answer, closes, issuer):
    _pending_issuer(window)
    ctx.dialogs.answers.append(answer)
    assert window.close() is closes
    kind, _title, text = ctx.dialogs.messages[-1] if answer != 0 else ctx.dialogs.messages[0]
    assert kind == "choose" and "发文机关" in text and "应用 | 放弃 | 取消" in text
    assert ctx.document.campaign.issuer == issuer
    if not closes:
        assert window.tabs.currentWidget() is window.notice
        assert window.notice.pending_fields() == ["issuer"]


def test_switching_the_year_with_an_unapplied_notice_edit_asks(window, ctx):
    from models.rollover import CarryOver
    other = ctx.editor.new_campaign_from_last_year(2022, CarryOver())
    window.switch_campaign(ctx.store.campaign_of_year(2021).id)
    _pending_issuer(window)
    ctx.dialogs.answers.append(2)                 # 取消: stay in 2021 with the edit
    window.switch_campaign(other.id)
    assert ctx.document.campaign.year == 2021 and window.notice.pending_fields() == ["issuer"]
    ctx.dialogs.answers.append(0)                 # 应用, then switch
    window.switch_campaign(other.id)
    assert ctx.document.campaign.year == 2022
    assert ctx.store.load(ctx.store.campaign_of_year(2021).id).campaign.issuer.endswith("（改）")


def test_leaving_the_notice_tab_with_an_unapplied_edit_asks(window, ctx, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.show_view("notice")
    _pending_issuer(window)
    ctx.dialogs.answers.append(2)                 # 取消
    assert not window.show_view("table")
    assert window.tabs.currentWidget() is window.notice
    bar = window.tabs.tabBar()
    ctx.dialogs.answers.append(2)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert window.tabs.currentWidget() is window.notice, "a click on another tab asks too"
    ctx.dialogs.answers.append(1)                 # 放弃
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert window.tabs.currentWidget() is window.activities
    assert window.notice.pending_fields() == [] and ctx.undo_stack.count() == 0


def test_a_failed_undo_reloads_from_the_database_and_clears_history(window, ctx, monkeypatch,
                                                                   qtbot):
    from models.db.storage import StoreError
    panel = window.activities
    panel.select_activity(panel.model.activity_at(0).id)
    panel.add_row_to_group()
    added = panel.current_activity().id

    def full_disk(_ids):
        raise StoreError("数据库写入失败，未作任何改动：database or disk is full")
    monkeypatch.setattr(ctx.store, "delete_activities", full_disk)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: ctx.undo_stack.count() == 0)
    assert added in {a.id for a in ctx.document.activities}
    assert {a.id for a in ctx.document.activities} == {
        a.id for a in ctx.store.activities(ctx.document.campaign.id)}
    kind, title, text = ctx.dialogs.messages[-1]
    assert kind == "error" and "撤销历史已清空" in text


def test_switching_between_years(window, ctx):
    from models.rollover import new_campaign_from
    first = ctx.document.campaign
    new = new_campaign_from(ctx.store, first.id, 2022)
    window._fill_years_menu()
    labels = [a.text() for a in window.years_menu.actions()]
    assert labels[0].startswith("2022年") and labels[1].startswith("2021年")
    window.years_menu.actions()[0].trigger()
    assert ctx.document.campaign.id == new.id and "2022" in window.windowTitle()
    assert window.activities.model.rowCount() == 0
    window.switch_campaign(first.id)
    assert window.activities.model.rowCount() == 29
    assert ctx.undo_stack.count() == 0


def test_undo_from_the_toolbar_keeps_what_is_being_typed(window, ctx, qtbot):
    """A toolbar click takes no focus: typing in the detail panel becomes its own step
    (so the click undoes it, and redo brings it back) instead of being thrown away."""
    from PySide6.QtCore import Qt as QtNs
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QToolBar
    panel = window.activities
    model = panel.model
    target = model.activity_at(3).id
    panel.select_activity(target)
    model.setData(model.index(3, 2), "先改名")
    original = ctx.store.activity(target).content
    editor = panel.detail_edits["content"]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText("【正在输入】")  # typed, not yet committed
    toolbar = window.findChild(QToolBar)
    QTest.mouseClick(toolbar.widgetForAction(window.undo_action), QtNs.MouseButton.LeftButton)
    assert ctx.store.activity(target).content == original
    assert ctx.store.activity(target).name == "先改名"
    window.redo_action.trigger()
    assert ctx.store.activity(target).content == original + "【正在输入】"
    assert editor.toPlainText() == original + "【正在输入】"


def test_duplicate_while_typing_copies_the_typed_name(window, ctx):
    panel = window.activities
    panel.select_activity(panel.model.activity_at(0).id)
    panel.detail_edits["name"].setText("刚输入的名称")
    panel.duplicate_selected()
    assert panel.current_activity().name == "刚输入的名称"


def test_a_closed_window_no_longer_follows_the_undo_stack(window, ctx):
    """On quit the stack is torn down after the window; it must not call back into it."""
    model = window.activities.model
    model.setData(model.index(0, 2), "改一下")
    window.close()
    shown = window.saved_label.text()
    ctx.undo_stack.undo()
    assert window.saved_label.text() == shown


def test_about_shows_the_version_and_where_the_data_lives(window, ctx):
    from models.db.paths import default_database_path
    from tests.test_version import setup_cfg_version
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("帮助"))
    next(a for a in help_menu.actions() if a.text().startswith("关于")).trigger()
    kind, title, text = ctx.dialogs.messages[-1]
    assert (kind, title) == ("about", "关于")
    assert f"版本 {setup_cfg_version()}" in text.splitlines()
    assert "数据库：（内存）" in text.splitlines()
    assert f"数据目录：{default_database_path().parent}" in text.splitlines()


def test_the_window_reopens_on_the_tab_it_was_closed_on(window, ctx, qtbot):
    window.show_view("checklist")
    window.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.tabs.currentWidget() is again.checklist


def test_the_status_bar_does_not_claim_saved_while_a_notice_edit_waits(window, ctx):
    assert window.saved_label.text() == "所有修改已保存"
    title = window.notice.editors["title"]
    title.setPlainText(title.toPlainText() + "（改）")
    assert "所有修改已保存" not in window.saved_label.text()
    assert "通知有尚未应用的修改" in window.saved_label.text()
    assert window.notice.apply()
    assert window.saved_label.text() == "所有修改已保存（本次 1 项，可撤销）"


def test_one_history_window_that_escape_closes(window, ctx, qtbot):
    window.show()
    qtbot.waitExposed(window)
    first = window.show_history()
    assert window.show_history() is first, "Ctrl+H again raises the same window"
    assert len(window.findChildren(type(first))) == 1
    qtbot.waitExposed(first)
    qtbot.keyClick(first.view, Qt.Key.Key_Escape)
    assert not first.isVisible()
    assert window.show_history().isVisible()


def test_each_year_brings_its_own_undo_history_back(window, ctx):
    """No question on switching years: the undo action, the history window and the status
    line follow the open year's own steps."""
    from models.rollover import CarryOver
    other = ctx.editor.new_campaign_from_last_year(2022, CarryOver())
    first = ctx.store.campaign_of_year(2021)
    window.switch_campaign(first.id)
    panel = window.activities
    row = panel.model.activity_at(0)
    panel.model.setData(panel.model.index(0, 2), "改名")
    history = window.show_history()
    assert history.view.model().rowCount() == 2  # the opening state and the edit
    window.switch_campaign(other.id)
    assert [m for m in ctx.dialogs.messages if m[0] == "confirm"] == []
    assert ctx.document.campaign.year == 2022 and ctx.undo_stack.count() == 0
    assert not window.undo_action.isEnabled() and window.undo_action.text() == "撤销"
    assert history.view.stack() is ctx.undo_stack and history.view.model().rowCount() == 1
    assert history.windowTitle() == "撤销历史 · 2022年"
    assert window.saved_label.text() == "所有修改已保存"
    window.switch_campaign(first.id)
    assert window.undo_action.isEnabled() and window.undo_action.text().startswith("撤销“编辑")
    assert history.view.model().rowCount() == 2
    assert window.saved_label.text() == "所有修改已保存（本次 1 项，可撤销）"
    window.undo_action.trigger()
    assert ctx.store.activity(row.id).name == row.name


def test_every_menu_entry_has_its_own_access_letter(window):
    import re
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        if menu_action.text().startswith("编辑"):  # undo and redo follow the history
            texts = [t for t in texts if not t.startswith(("撤销", "重做"))]
        letters = [re.search("&(.)", t).group(1).upper() for t in texts]
        assert len(letters) == len(set(letters)), (menu_action.text(), texts)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.export_actions["notice", "docx"].text() == "导出通知（Word）(&E)…", "the shortcut's letter"
    assert window.quit_action.text() == "退出(&Q)" and window.quit_action in file_menu.actions()
    assert window.export_actions["notice", "docx"].toolTip().startswith("导出通知（Word）")
    assert "(&" not in window.export_actions["notice", "docx"].toolTip()
    copy = window.checklist.copy_reminder_action
    assert copy.text() == "复制催报文本(&C)" and copy.iconText() == "复制催报文本", "buttons plain"
