"""The list beside the timeline of activities it cannot place (time unreadable, or outside)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from models.entities import Activity
from ui.flat_table_model import ROOT, Index


class ActivityListModel(QAbstractListModel):
    """Activities without a bar, each shown as its title and time text; texts made on demand."""

    def __init__(self, describe: Callable[[Activity], tuple[str, str]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.describe = describe
        self.rows: list[Activity] = []

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        activity = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.describe(activity)[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.describe(activity)[1]
        if role == Qt.ItemDataRole.UserRole:
            return activity.id
        return None

    def set_rows(self, rows: Sequence[Activity]) -> None:
        """Show other activities."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, activity_id: int) -> int:
        """The row of an activity, or -1."""
        return next((r for r, a in enumerate(self.rows) if a.id == activity_id), -1)


class ActivityList(QWidget):
    """A titled list of activities that have no bar: a click selects one (its id is
    emitted), a double-click or Enter opens it."""

    activity_selected = Signal(int)
    activity_activated = Signal(int)

    def __init__(self, title: str, describe: Callable[[Activity], tuple[str, str]],
                 empty: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.empty = empty
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.model = ActivityListModel(describe, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.clicked.connect(lambda index: self._emit(index, self.activity_selected))
        self.list.activated.connect(lambda index: self._emit(index, self.activity_activated))
        self.empty_label = QLabel(empty, self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #888; padding: 6px;")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label, 1)

    def set_rows(self, rows: Sequence[Activity]) -> None:
        """Show activities; with none, show the empty note (or hide when there is none)."""
        self.model.set_rows(rows)
        self.label.setText(self.tr("<b>{0}</b>（{1}）").format(self.title, len(rows)))
        self.list.setVisible(bool(rows))
        self.empty_label.setVisible(not rows)
        self.setVisible(bool(rows) or bool(self.empty))

    def ids(self) -> list[int]:
        """Ids of the listed activities, in order."""
        return [a.id for a in self.model.rows if a.id is not None]

    def click(self, activity_id: int, activate: bool = False) -> None:
        """Act as if the user clicked (or double-clicked) an activity's row."""
        row = self.model.row_of(activity_id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.list.setCurrentIndex(index)
            self._emit(index, self.activity_activated if activate else self.activity_selected)

    def _emit(self, index: QModelIndex, signal: SignalInstance) -> None:
        """Tell which activity was chosen."""
        activity_id = index.data(Qt.ItemDataRole.UserRole)
        if activity_id is not None:
            signal.emit(int(activity_id))
