"""Received files in the window: the checklist's file column, open, versions, save under the
original name, 清理, dropping files on the window, and the compiled book from the menu."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from models.db.opening import open_database
from models.editor import CampaignEditor
from tests.reply_shapes import table_in_letter, unit_made_table
from tests.summary_docs import summary_docx
from ui.checklist_model import COLUMN
from ui.main_window import MainWindow


@pytest.fixture
def disk_ctx(tmp_path, qapp):
    """A window context over a database on disk (so files can be kept), planning 2021-05-23."""
    from PySide6.QtCore import QSettings

    from tests.recording_dialogs import RecordingDialogs
    from ui.context import AppContext
    from ui.settings import Settings
    store = open_database(tmp_path / "db" / "c.sqlite3")
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    editor = CampaignEditor(store)
    editor.set_planning_date(date(2021, 5, 23))
    context = AppContext(editor, settings, RecordingDialogs())
    yield context
    context.undo_stack.clear()
    store.close()


@pytest.fixture
def window(disk_ctx, qtbot):
    win = MainWindow(disk_ctx)
    qtbot.addWidget(win)
    win.show_view("checklist")
    return win


def _row(window, short: str, item: str = "活动总结") -> int:
    unit = window.ctx.document.units
    unit_id = next(u.id for u in unit if u.short_name == short)
    model = window.checklist.model
    return next(r for r in range(model.rowCount())
                if model.submission_at(r).unit_id == unit_id
                and model.submission_at(r).item == item)


def _select(window, short: str) -> int:
    row = _row(window, short)
    window.checklist.select_submissions([window.checklist.model.submission_at(row).id])
    return row


def _file_cell(window, row: int) -> str:
    return window.checklist.model.index(row, COLUMN["file"]).data()


def test_receive_shows_the_name_versions_open_and_save(window, disk_ctx, tmp_path):
    view, dialogs = window.checklist, disk_ctx.dialogs
    row = _select(window, "黄浦")
    assert not view.open_file_action.isEnabled() and view.receive_file_action.isEnabled()
    first = summary_docx(tmp_path / "黄浦区活动总结.docx", "黄浦", "red")
    dialogs.answers.append(first)
    view.receive_file_action.trigger()
    assert _file_cell(window, row) == "黄浦区活动总结.docx"
    assert view.model.submission_at(row).status == "已报送"
    assert view.open_file_action.isEnabled()
    second = summary_docx(tmp_path / "黄浦区活动总结（修改）.docx", "黄浦改", "green")
    dialogs.answers.append(second)
    view.receive_file_action.trigger()
    assert _file_cell(window, row) == "黄浦区活动总结（修改）.docx（第 2 版）"
    tip = view.model.index(row, COLUMN["file"]).data(Qt.ItemDataRole.ToolTipRole)
    assert "第 1 版：黄浦区活动总结.docx" in tip and "第 2 版" in tip

    view.open_file_action.trigger()
    shown = Path(dialogs.messages[-1][2])
    assert dialogs.messages[-1][0] == "show" and shown.name == second.name
    assert shown.read_bytes() == second.read_bytes()

    target = tmp_path / "out" / "存档副本.docx"
    target.parent.mkdir()
    dialogs.answers.append(target)
    view.save_file_action.trigger()
    assert target.read_bytes() == second.read_bytes()

    versions = view.show_versions()
    assert [versions.table.item(r, 1).text() for r in range(2)] == [second.name, first.name]
    versions.table.selectRow(1)
    older = tmp_path / "out" / first.name
    dialogs.answers.append(older)
    versions.save_selected()
    assert older.read_bytes() == first.read_bytes()
    versions.close()

    disk_ctx.undo_stack.undo()
    assert _file_cell(window, row) == "黄浦区活动总结.docx"


def test_a_renamed_program_is_refused_with_a_message(window, disk_ctx, tmp_path):
    _select(window, "黄浦")
    fake = tmp_path / "总结.docx"
    fake.write_bytes(b"MZ\x90\x00" + bytes(600))
    disk_ctx.dialogs.answers.append(fake)
    window.checklist.receive_file_action.trigger()
    kind, _title, text = disk_ctx.dialogs.messages[-1]
    assert kind == "error" and "Windows 程序" in text
    assert disk_ctx.undo_stack.count() == 0


def test_clean_asks_and_removes_only_unreferenced_files(window, disk_ctx, tmp_path):
    _select(window, "黄浦")
    disk_ctx.dialogs.answers.append(summary_docx(tmp_path / "a.docx", "黄浦", "red"))
    window.checklist.receive_file_action.trigger()
    disk_ctx.undo_stack.undo()
    window.checklist.clean_action.trigger()
    assert disk_ctx.dialogs.messages[-1][2] == "没有需要清理的文件。", "an undo step needs it"
    disk_ctx.undo_stack.clear()
    disk_ctx.dialogs.answers.append(True)
    window.checklist.clean_action.trigger()
    assert disk_ctx.dialogs.messages[-2][0] == "confirm"
    assert "已清理 1 个" in disk_ctx.dialogs.messages[-1][2]


def test_clean_in_another_year_keeps_the_files_of_2021_s_steps(window, disk_ctx, tmp_path):
    """2021's history comes back when 2021 is opened again, so its redo still needs the file
    while 2022 is open."""
    from models.rollover import CarryOver
    _select(window, "黄浦")
    disk_ctx.dialogs.answers.append(summary_docx(tmp_path / "a.docx", "黄浦", "red"))
    window.checklist.receive_file_action.trigger()
    disk_ctx.undo_stack.undo()
    disk_ctx.editor.new_campaign_from_last_year(2022, CarryOver())
    window.checklist.clean_action.trigger()
    assert disk_ctx.dialogs.messages[-1][2] == "没有需要清理的文件。", "2021's redo needs it"
    window.switch_campaign(disk_ctx.store.campaign_of_year(2021).id)
    disk_ctx.undo_stack.redo()
    huangpu = disk_ctx.store.find_unit("黄浦").id
    assert [v.name for versions in disk_ctx.editor.summary_versions().values()
            for v in versions] == ["a.docx"]
    assert any(s.unit_id == huangpu and s.received for s in disk_ctx.document.submissions())


def _drop(window, paths, point: QPoint) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def _point_of_row(window, row: int) -> QPoint:
    table = window.checklist.table
    rect = table.visualRect(window.checklist.model.index(row, 0))
    return table.viewport().mapTo(window, rect.center())


def test_dropping_several_files_routes_each_and_reports_once(window, disk_ctx, tmp_path,
                                                            monkeypatch, qtbot):
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    import ui.import_dialog
    reviewed = []
    monkeypatch.setattr(ui.import_dialog, "review_with_dialog",
                        lambda plan, parent: reviewed.append(plan.path.name) or True)
    summary = summary_docx(tmp_path / "黄浦区活动总结.docx", "黄浦", "red")
    reply = unit_made_table(tmp_path / "黄浦回复.docx")
    twice = tmp_path / "黄浦回复（副本）.docx"
    shutil.copy(reply, twice)
    row = _row(window, "黄浦")
    before = len(disk_ctx.dialogs.messages)
    _drop(window, [summary, reply, twice], _point_of_row(window, row))
    infos = [m for m in disk_ctx.dialogs.messages[before:] if m[0] == "info"]
    assert len(infos) == 1, "one report for all the files"
    report = infos[0][2].splitlines()
    assert report[0].startswith("黄浦区市场监管局：已收到“黄浦区活动总结.docx”")
    assert "已导入" in report[1] and reviewed == ["黄浦回复.docx"]
    assert "内容相同，已跳过" in report[2]
    row = _row(window, "黄浦")  # the import added 黄浦's 活动安排 item: rows moved
    assert _file_cell(window, row) == "黄浦区活动总结.docx"
    assert [a.name for a in disk_ctx.document.data.by_level("区级")
            if a.unit_id == window.checklist.model.submission_at(row).unit_id] == [
        "计量惠民", "计量进社区", "诚信计量示范"]

    _drop(window, [reply], _point_of_row(window, row))
    assert "与已导入的内容相同" in disk_ctx.dialogs.messages[-1][2], "the same reply again"


def test_a_summary_dropped_off_the_checklist_says_where_to_drop_it(window, disk_ctx, tmp_path):
    window.show_view("table")
    summary = summary_docx(tmp_path / "静安总结.docx", "静安", "blue")
    letter = table_in_letter(tmp_path / "静安区复函.docx")
    import ui.import_dialog
    ui.import_dialog.review_with_dialog, original = (lambda plan, parent: True,
                                                     ui.import_dialog.review_with_dialog)
    try:
        _drop(window, [summary, letter], QPoint(300, 300))
    finally:
        ui.import_dialog.review_with_dialog = original
    report = disk_ctx.dialogs.messages[-1][2].splitlines()
    assert "拖到对应单位的报送清单行上" in report[0]
    assert "静安区市场监管局 的区级活动已替换为 2 条" in report[1]


def test_compiled_book_from_the_menu(window, disk_ctx, tmp_path, monkeypatch):
    from docx import Document

    from models.received import soffice
    _select(window, "浦东")
    disk_ctx.dialogs.answers.append(summary_docx(tmp_path / "浦东.docx", "浦东", "red"))
    window.checklist.receive_file_action.trigger()
    target = tmp_path / "汇编.docx"
    disk_ctx.dialogs.answers.append(target)
    window.export_actions["summaries", "docx"].trigger()
    texts = [p.text for p in Document(str(target)).paragraphs]
    assert "浦东新区市场监管局" in texts and "浦东活动总结标题" in texts
    monkeypatch.setattr(soffice, "find_soffice", lambda: None)
    asked = len(disk_ctx.dialogs.answers)
    window.export_actions["summaries", "pdf"].trigger()
    kind, _title, text = disk_ctx.dialogs.messages[-1]
    assert kind == "error" and "LibreOffice" in text and "另存为 PDF" in text
    assert len(disk_ctx.dialogs.answers) == asked, "refused before asking where to save"


def test_restoring_a_backup_brings_back_the_files_it_knew(window, disk_ctx, tmp_path):
    from datetime import datetime

    from models.db.backup import take_backup
    from ui.backup_dialog import restore_from_backup
    _select(window, "浦东")
    first = summary_docx(tmp_path / "初稿.docx", "浦东", "red")
    disk_ctx.dialogs.answers.append(first)
    window.checklist.receive_file_action.trigger()
    store = disk_ctx.store
    take_backup(store.path, "manual", datetime(2021, 5, 21), store.db.conn)
    disk_ctx.undo_stack.undo()
    disk_ctx.undo_stack.clear()
    window.checklist.clean_action.trigger()  # nothing leaves the disk: not even asked
    assert "没有可删除的文件：1 个" in disk_ctx.dialogs.messages[-1][2]

    class Accepting:
        def __init__(self, backups, parent):
            self.backups = backups

        def exec(self):
            from PySide6.QtWidgets import QDialog
            return QDialog.DialogCode.Accepted

        def chosen(self):
            return next(b for b in self.backups if b.reason == "manual")
    disk_ctx.dialogs.answers.append(True)
    assert restore_from_backup(disk_ctx, None, Accepting)
    assert disk_ctx.dialogs.messages[-1][2] == "已恢复。"
    row = _row(window, "浦东")
    assert _file_cell(window, row) == "初稿.docx"
    window.checklist.select_submissions([window.checklist.model.submission_at(row).id])
    window.checklist.open_file_action.trigger()
    assert Path(disk_ctx.dialogs.messages[-1][2]).read_bytes() == first.read_bytes()


def test_receiving_a_file_records_the_date_in_the_received_box(window, disk_ctx, tmp_path):
    view = window.checklist
    row = _select(window, "黄浦")
    view.received_edit.setDate(date(2021, 5, 21))
    disk_ctx.dialogs.answers.append(summary_docx(tmp_path / "黄浦.docx", "黄浦", "red"))
    view.receive_file_action.trigger()
    assert view.model.submission_at(row).received == date(2021, 5, 21)


def test_a_dropped_summary_is_received_on_the_date_in_the_box(window, disk_ctx, tmp_path,
                                                             qtbot):
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.checklist.received_edit.setDate(date(2021, 5, 20))
    row = _row(window, "静安")
    _drop(window, [summary_docx(tmp_path / "静安总结.docx", "静安", "blue")],
          _point_of_row(window, row))
    assert window.checklist.model.submission_at(_row(window, "静安")).received == date(2021, 5, 20)


def test_a_dragged_file_highlights_the_row_it_would_go_to(window, disk_ctx, tmp_path, qtbot):
    from PySide6.QtGui import QDragMoveEvent

    from ui.checklist_model import DROP_COLORS
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    row = _row(window, "静安")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "x.docx"))])
    move = QDragMoveEvent(_point_of_row(window, row), Qt.DropAction.CopyAction, mime,
                          Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragMoveEvent(move)
    model = window.checklist.model
    shade = model.index(row, COLUMN["file"]).data(Qt.ItemDataRole.BackgroundRole)
    assert shade.color().name() == DROP_COLORS[0]
    assert model.index(row + 1, 0).data(Qt.ItemDataRole.BackgroundRole) is None or \
        model.index(row + 1, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() != DROP_COLORS[0]
    _drop(window, [summary_docx(tmp_path / "静安总结.docx", "静安", "blue")],
          _point_of_row(window, row))
    row = _row(window, "静安")
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() != DROP_COLORS[0]
