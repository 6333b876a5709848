"""The undo history as one window: the open year's steps, clicking one goes back to it."""
from __future__ import annotations

from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QDialog, QLabel, QUndoView, QVBoxLayout, QWidget

from ui.window_place import fit


class HistoryWindow(QDialog):
    """Modeless list of the undo steps; Escape closes it, opening it again raises it."""

    def __init__(self, group: QUndoGroup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoHistory")
        self.setWindowTitle(self.tr("撤销历史"))
        self.view = QUndoView(group, self)  # follows the open year's stack
        self.view.setEmptyLabel(self.tr("<打开时的状态>"))
        note = QLabel(self.tr("单击一步回到那时的状态；每个年度有自己的撤销历史，这里列出当前年度的。"), self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)
        self.setModal(False)
        fit(self, 380, 440)

    def show_year(self, year: int) -> None:
        """Name the year whose steps are listed."""
        self.setWindowTitle(self.tr("撤销历史 · {0}年").format(year))

    def present(self) -> None:
        """Show the window in front, its list focused."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.view.setFocus()
