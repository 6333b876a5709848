"""Child process for the quit test: the real program, edited through its window, then quit.

Usage: python tests/quit_child.py DB action|close
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QWidget,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TABLE_TEXT = "表内改"
DETAIL_TEXT = "详情改"
NOTICE_TEXT = "（待应用）"


def type_text(widget: QWidget, text: str) -> None:
    """Type text as key presses carrying the characters (QTest only types ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))


def _window() -> QMainWindow:
    """The program's main window."""
    return next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")


def drive(how: str) -> None:
    """Edit in the table, the detail panel, the checklist and the notice, then quit."""
    window = _window()
    panel = window.activities
    table = panel.table
    index = table.model().index(0, 2)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    type_text(editor, TABLE_TEXT)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the view commits and closes its editor on the event loop

    table.setCurrentIndex(table.model().index(1, 2))
    detail = panel.detail_edits["name"]
    detail.selectAll()
    type_text(detail, DETAIL_TEXT)
    QTest.keyClick(detail, Qt.Key.Key_Return)
    QApplication.processEvents()

    window.show_view("checklist")
    window.checklist.show_item("活动总结")  # still owed by every unit
    window.checklist.table.selectRow(0)
    window.checklist.mark_received_action.trigger()
    QApplication.processEvents()

    window.show_view("notice")
    title = window.notice.editors["title"]
    title.setFocus()
    title.moveCursor(title.textCursor().MoveOperation.End)
    type_text(title, NOTICE_TEXT)  # left pending: quitting asks, and 应用 saves it
    answer_apply = QTimer(window)
    answer_apply.timeout.connect(_press_apply)
    answer_apply.start(30)

    if how == "action":
        window.quit_action.trigger()
    else:
        window.close()


def _press_apply() -> None:
    """Answer the question about the unapplied notice edit with 应用."""
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox) and not box.property("answered"):
        box.setProperty("answered", True)
        button = next(b for b in box.findChildren(QPushButton) if b.text() == "应用")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def main() -> int:
    """Start the real program with the driver scheduled on its event loop."""
    db, how = sys.argv[1], sys.argv[2]
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(0, lambda: drive(how))
    import main as program
    import ui.app
    # This driver answers the quit question itself, so the window is watched even offscreen.
    ui.app.interactive = lambda args, _app: not args.screenshot
    status = program.main(["--db", db])
    del app
    return status


if __name__ == "__main__":
    sys.exit(main())
