"""Child process for the scripted walk: the real program, driven through its window.

Usage: python tests/walk_child.py DB WORKDIR walk|reopen|small

walk: filter, edit, undo, add, change unit, mark received on a chosen date, export,
import, new year, switch back, quit (Ctrl+Q). reopen: start again, write what the window
shows as JSON to WORKDIR/reopened.json, close. Modal dialogs (file dialogs, the import
preview, the new-year dialog, message boxes) are answered as a user would, by a timer that
watches for them.
"""
from __future__ import annotations

import faulthandler
import json
import sys
import time
from collections import deque
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QWidget,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

UNDONE_NAME = "撤销掉的改名"
KEPT_NAME = "公益报时（改）"
ADDED_NAME = "手工录入的活动"
RECEIVED_ON = date(2021, 5, 22)
WATCHDOG_SECONDS = 150
NEW_UNIT = "金山区市场监管局第二分局"
NEW_UNIT_ROWS = [("计量进校园", "中小学计量科普课", "5月19日", "课堂")]
SMALL_RECEIVED_ON = date(2021, 5, 21)
ISSUER_EDIT = "（待应用）"
FIGURE_TYPED = "12"
IMPORTED_ROWS = [("计量惠民", "眼镜计量讲座", "5月20日", "微信"),
                 ("实验室开放", "开放日", "5月20日", "现场")]


def type_text(widget: QWidget, text: str) -> None:
    """Type text as key presses carrying the characters (QTest only types ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))


def wait_until(condition: Callable[[], bool], what: str | Callable[[], str],
               timeout: float = 20.0) -> None:
    """Let the event loop run until a condition holds."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what if isinstance(what, str) else what()}")
        QTest.qWait(20)


def key(widget: QWidget, code: Qt.Key,
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key press (its window made active first, as after a dialog closed), then let
    the program react."""
    window = widget.window()
    if not window.isActiveWindow():
        window.activateWindow()
        QTest.qWaitForWindowActive(window, 5000)
    QTest.keyClick(widget, code, modifiers)
    QApplication.processEvents()


class ModalAnswers:
    """Answers modal dialogs in the order they are expected, as a user would."""

    def __init__(self) -> None:
        self.queue: deque[Callable[[QWidget], None]] = deque()
        self.answered: list[str] = []
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(30)

    def expect(self, *handlers: Callable[[QWidget], None]) -> None:
        """Handlers for the next modal dialogs, in order."""
        self.queue.extend(handlers)

    def done(self) -> bool:
        """True once every expected dialog was answered."""
        return not self.queue

    def report(self) -> str:
        """What was answered, and what is on screen now."""
        return (f"answered {self.answered}, {len(self.queue)} left, modal now: "
                f"{QApplication.activeModalWidget()!r}")

    def _tick(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.property("walkAnswered") or not self.queue:
            return
        dialog.setProperty("walkAnswered", True)  # on the dialog itself: ids get reused
        self.answered.append(type(dialog).__name__)
        self.queue.popleft()(dialog)


def choose_file(path: Path) -> Callable[[QWidget], None]:
    """Pick a file in a file dialog."""
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), dialog
        dialog.setDirectory(str(path.parent))
        name_box = dialog.findChild(QLineEdit, "fileNameEdit")
        name_box.setFocus()
        name_box.selectAll()
        type_text(name_box, path.name)  # typed, as a user would
        key(name_box, Qt.Key.Key_Return)
    return answer


def press(text: str) -> Callable[[QWidget], None]:
    """Press the dialog's button with this text."""
    def answer(dialog: QWidget) -> None:
        button = next(b for b in dialog.findChildren(QPushButton) if b.text() == text)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    return answer


def press_starting(text: str) -> Callable[[QWidget], None]:
    """Press the dialog's button whose text starts so (it goes on with a unit's name)."""
    def answer(dialog: QWidget) -> None:
        button = next(b for b in dialog.findChildren(QPushButton) if b.text().startswith(text))
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    return answer


def acknowledge(dialog: QWidget) -> None:
    """Close a message box with its OK button."""
    assert isinstance(dialog, QMessageBox), dialog
    QTest.mouseClick(dialog.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def new_year_2022_with_activities(dialog: QWidget) -> None:
    """年度 2022, last year's activities carried over too; OK."""
    dialog.year.setValue(2022)  # type: ignore[attr-defined]
    QTest.mouseClick(dialog.carry_activities, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)


def _window() -> QMainWindow:
    """The program's main window, once shown and active."""
    found: list[QMainWindow] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if w.objectName() == "mainWindow" and w.isVisible()]
        return bool(found)
    wait_until(shown, "the main window")
    window = found[0]
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 5000)
    return window


def row_of(panel, predicate) -> int:
    """The table row of the first shown activity a predicate accepts."""
    model = panel.model
    return next(r for r in range(model.rowCount()) if predicate(model.activity_at(r)))


def rename_in_table(window, row: int, text: str) -> None:
    """F2 on a row's 活动名称 cell, type, Return."""
    table = window.activities.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, 2))
    key(table, Qt.Key.Key_F2)
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    type_text(editor, text)
    key(editor, Qt.Key.Key_Return)


def walk(work: Path) -> None:
    """The coordinator's working session, step by step."""
    window = _window()
    answers = ModalAnswers()
    panel = window.activities
    window.show_view("table")

    # filter: the unit box to 青浦, then a search, then back to everything
    panel.unit_box.setCurrentIndex(panel.unit_box.findText("青浦"))
    assert panel.model.rowCount() == 3, panel.model.rowCount()
    panel.unit_box.setCurrentIndex(0)
    panel.search.setFocus()
    type_text(panel.search, "血压计")
    wait_until(lambda: panel.model.rowCount() == 2, "the search to narrow the table")
    panel.search.clear()
    assert panel.model.rowCount() == 29

    # edit, undo, edit again
    target = row_of(panel, lambda a: a.name == "公益报时")
    rename_in_table(window, target, UNDONE_NAME)
    assert panel.model.activity_at(target).name == UNDONE_NAME
    key(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.model.activity_at(target).name == "公益报时"
    rename_in_table(window, target, KEPT_NAME)

    # add a district activity, name it, and type its unit: it joins 徐汇's group
    panel.level_box.setCurrentIndex(panel.level_box.findText("区级"))
    panel.table.setFocus()
    key(panel.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    added = panel.current_activity()
    assert (added.name, added.group_no, added.unit_id) == ("新活动", 17, None), added
    name_box = panel.detail_edits["name"]
    name_box.setFocus()
    name_box.selectAll()
    type_text(name_box, ADDED_NAME)
    key(name_box, Qt.Key.Key_Return)
    responsible = panel.detail_edits["responsible"]
    responsible.setFocus()
    type_text(responsible, "徐汇区市场监管局")
    key(responsible, Qt.Key.Key_Tab)  # leaving the box applies it
    moved = panel.current_activity()
    assert (moved.id, moved.group_no, moved.position) == (added.id, 4, 2), moved
    panel.level_box.setCurrentIndex(0)

    # mark 黄浦's summary received on a chosen date
    window.show_view("checklist")
    checklist = window.checklist
    checklist.show_item("活动总结")
    row = next(r for r in range(checklist.model.rowCount())
               if checklist.model.display_text(checklist.model.submission_at(r), "unit")
               == "黄浦区市场监管局")
    checklist.received_edit.setDate(QDate(RECEIVED_ON))
    checklist.table.setFocus()
    checklist.table.selectRow(row)
    key(checklist.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert checklist.model.submission_at(row).received == RECEIVED_ON

    # export the attachment table (Word) through the file dialog
    answers.expect(choose_file(work / "附件汇总表.docx"), press("关闭"))
    window.show_view("table")
    panel.table.setFocus()
    key(panel.table, Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_until(answers.done, answers.report)

    # import 青浦's returned template: file dialog, preview, 导入, the message
    answers.expect(choose_file(work / "青浦.xlsx"), press("导入"), acknowledge)
    key(panel.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    wait_until(answers.done, answers.report)

    # new year from this one, with its activities; then back to 2021
    answers.expect(new_year_2022_with_activities, acknowledge)  # no question: 2021 keeps its history
    window.notice.new_campaign_action.trigger()
    wait_until(answers.done, answers.report)
    assert window.doc.campaign.year == 2022 and window.windowTitle().startswith("2022年")
    assert not window.undo_action.isEnabled(), "2022 starts with a history of its own"
    window._fill_years_menu()
    next(a for a in window.years_menu.actions() if a.text().startswith("2021年")).trigger()
    assert window.doc.campaign.year == 2021
    assert window.undo_action.text().startswith("撤销“导入"), "2021's history came back"

    window.show_view("checklist")
    json.dump(answers.answered, (work / "answered.json").open("w"))
    key(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def fill_template(path: Path, rows: list[tuple[str, ...]]) -> None:
    """The new unit's template as it comes back: its rows typed in (as its clerk would)."""
    from openpyxl import load_workbook
    wb = load_workbook(path)
    ws = wb["活动安排"]
    for offset, texts in enumerate(rows):
        for column, text in enumerate(texts, start=2):
            ws.cell(4 + offset, column, text)
    wb.save(path)


def type_into_input(text: str) -> Callable[[QWidget], None]:
    """Type a line into a text prompt and press OK."""
    def answer(dialog: QWidget) -> None:
        box = dialog.findChild(QLineEdit)
        box.setFocus()
        box.selectAll()
        type_text(box, text)
        key(box, Qt.Key.Key_Return)
    return answer


def small_screen(work: Path) -> None:
    """The office laptop (1366×768 at scale 1.5): the window fits, every toolbar button shows;
    receive a summary on a chosen date; filter and sort the checklist; add a unit and import
    its template; quit with a notice edit pending, answering 应用."""
    window = _window()
    answers = ModalAnswers()
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert area.contains(frame), (frame, area)
    bar = window.toolbar
    assert window.rect().contains(bar.geometry()), bar.geometry()
    for action in bar.actions():
        if not action.isSeparator():
            button = bar.widgetForAction(action)
            assert button.isVisible() and bar.rect().contains(button.geometry()), \
                action.iconText()

    # receive 静安's summary on a chosen date, through the file dialog
    window.show_view("checklist")
    checklist = window.checklist
    checklist.show_item("活动总结")
    model = checklist.model
    row = next(r for r in range(model.rowCount())
               if model.display_text(model.submission_at(r), "unit") == "静安区市场监管局")
    checklist.received_edit.setDate(QDate(SMALL_RECEIVED_ON))
    checklist.table.setFocus()
    checklist.table.selectRow(row)
    answers.expect(choose_file(work / "静安区活动总结.docx"), acknowledge)
    checklist.receive_file_action.trigger()
    wait_until(answers.done, answers.report)
    assert model.submission_at(model.row_of(checklist.selected_submissions()[0].id)).received \
        == SMALL_RECEIVED_ON

    # only what came in; then everything sorted by the received date with a header click
    status = checklist.status_box
    status.setCurrentIndex(status.findText("已报送"))
    assert model.rowCount() == 1, model.rowCount()
    status.setCurrentIndex(status.findText("全部"))
    header = checklist.table.horizontalHeader()
    from ui.checklist_model import COLUMN
    x = header.sectionViewportPosition(COLUMN["received"]) + 10
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorSection() == COLUMN["received"]
    assert model.submission_at(0).received == SMALL_RECEIVED_ON, model.submission_at(0)

    # add a unit, write its template, import it back filled in
    answers.expect(type_into_input(NEW_UNIT))
    dialog = window.show_addressees()
    QTest.mouseClick(dialog.buttons["add"], Qt.MouseButton.LeftButton)
    wait_until(answers.done, answers.report)
    assert dialog.names()[-1] == NEW_UNIT, dialog.names()
    dialog.close()
    window.show_view("table")
    panel = window.activities
    panel.unit_box.setCurrentIndex(panel.unit_box.findText(NEW_UNIT))
    template = work / "金山二分.xlsx"
    answers.expect(press_starting("只为"), choose_file(template), acknowledge)
    window.template_action.trigger()
    wait_until(answers.done, answers.report)
    fill_template(template, NEW_UNIT_ROWS)
    answers.expect(choose_file(template), press("导入"), acknowledge)
    panel.table.setFocus()
    key(panel.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    wait_until(answers.done, answers.report)

    # a figure typed into the 统计 tab (an open cell editor must outlive the table's update)
    window.show_view("statistics")
    figures = window.statistics.table
    figures.setFocus()
    figures.setCurrentIndex(figures.model().index(0, 0))
    key(figures, Qt.Key.Key_F2)
    cell = figures.focusWidget()
    type_text(cell, FIGURE_TYPED)
    key(cell, Qt.Key.Key_Return)
    assert figures.model().data(figures.model().index(0, 0)) == FIGURE_TYPED

    # a notice edit left pending; Ctrl+Q asks, 应用 keeps it
    window.show_view("notice")
    issuer = window.notice.editors["issuer"]
    issuer.setFocus()
    issuer.end(False)
    type_text(issuer, ISSUER_EDIT)
    assert window.notice.pending_fields() == ["issuer"]
    answers.expect(press("应用"))
    json.dump(answers.answered, (work / "answered.json").open("w"))
    key(issuer, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def reopen(work: Path) -> None:
    """Write down what the reopened window shows, then close it."""
    window = _window()
    checklist = window.checklist
    checklist.show_item("活动总结")
    model = checklist.model
    huangpu = next(model.submission_at(r) for r in range(model.rowCount())
                   if model.display_text(model.submission_at(r), "unit") == "黄浦区市场监管局")
    row = model.row_of(huangpu.id)
    shown = {
        "title": window.windowTitle(),
        "tab": window.tabs.tabText(window.tabs.currentIndex()),
        "year_label": window.status.year_label.text(),
        "planning_date": checklist.planning.picker.text(),
        "planning_note": checklist.planning.note.text(),
        "received_text": model.display_text(huangpu, "received"),
        "left_text": model.display_text(huangpu, "left"),
        "row": row,
        "summary": checklist.summary_label.text(),
    }
    (work / "reopened.json").write_text(json.dumps(shown, ensure_ascii=False), "utf-8")
    window.close()


def main() -> int:
    """Start the real program with the driver scheduled on its event loop."""
    db, work, mode = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)  # a hang says where
    app = QApplication(sys.argv[:1])
    failures: list[BaseException] = []

    def drive() -> None:
        try:
            {"walk": walk, "reopen": reopen, "small": small_screen}[mode](work)
        except BaseException as exc:  # noqa: BLE001 - reported, and the program closed
            failures.append(exc)
            for widget in QApplication.topLevelWidgets():
                widget.close()
            QApplication.exit(9)
    QTimer.singleShot(0, drive)
    import main as program
    import ui.app
    # This driver answers every dialog itself, so the window is watched even offscreen
    # (the program treats an offscreen window as unwatched and prints instead of asking).
    ui.app.interactive = lambda args, _app: not args.screenshot
    status = program.main(["--db", db])
    del app
    if failures:
        import traceback
        traceback.print_exception(failures[0])
        return 9
    return status


if __name__ == "__main__":
    sys.exit(main())
