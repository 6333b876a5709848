"""The undo history as one window: a list of the steps, clicking one goes back to it."""
from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QLabel, QUndoView, QVBoxLayout, QWidget

from models.i18n import _tr
from ui.context import AppContext


def history_may_go(ctx: AppContext, doing: str) -> bool:
    """Switching or creating a year clears the undo history: with steps to lose, ask first."""
    steps = ctx.undo_stack.count()
    return steps == 0 or ctx.dialogs.confirm(doing, _tr(
        "{0}后，撤销历史中的 {1} 步将被清空，不能再撤销（已做的修改都已保存）。继续吗？").format(
            doing, steps))


class HistoryWindow(QDialog):
    """Modeless list of the undo steps; Escape closes it, opening it again raises it."""

    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoHistory")
        self.setWindowTitle(self.tr("撤销历史"))
        self.view = QUndoView(stack, self)
        self.view.setEmptyLabel(self.tr("<打开时的状态>"))
        note = QLabel(self.tr("单击一步回到那时的状态；切换或新建年度会清空这里的历史。"), self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)
        self.setModal(False)
        self.resize(380, 440)

    def present(self) -> None:
        """Show the window in front, its list focused."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.view.setFocus()
