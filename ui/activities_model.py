"""The activities table's Qt model: answers roles over the rows an ActivityQuery picks."""
from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor

from models import fields
from models.activity_query import ActivityFilter, ActivityIndex, ActivityQuery
from models.dates.periods import Span, why_unparsed
from models.document import CampaignDocument
from models.entities import Activity
from ui.flat_table_model import FlatTableModel, Index

UNPARSED_BRUSH = QBrush(QColor("#fde2e1"))
CARRIED_BRUSH = QBrush(QColor("#fff1c7"))
"""Rows copied from last year and not yet edited or confirmed."""
ActivityIdRole = Qt.ItemDataRole.UserRole + 1
ANSWERED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, ActivityIdRole,
                            Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole})
WARM_UP_ROWS = 5_000  # smaller tables build their index only when first needed
WARM_UP_DELAY_MS = 100  # let the window show and paint before the first slice
FEW = 32  # ids looked up one by one; for more, one pass over the rows


class ActivitiesTableModel(FlatTableModel):
    """Rows are the visible activities; edits are pushed as commands through `edit`."""

    def __init__(self, doc: CampaignDocument,
                 edit: Callable[[int, str, object], None] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.edit = edit
        self.fields = fields.FIELDS
        self.COLUMNS = tuple((f.attr, f.header) for f in self.fields)
        self.query = ActivityQuery(self.fields)
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._rows: list[Activity] = []
        self._warm_up = QTimer(self)
        self._warm_up.setSingleShot(True)
        self._warm_up.timeout.connect(self._warm_up_step)
        doc.activities_reset.connect(self.reload)
        doc.activities_changed.connect(self._on_changed)
        doc.campaign_changed.connect(self.reload)
        self.refresh()
        self._start_warm_up()

    # -- Qt model interface ------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED_ROLES or not self.row_in_range(index):
            return None
        activity = self._rows[index.row()]
        field = self.fields[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.display_text(activity, field.attr, role == Qt.ItemDataRole.EditRole)
        if role == ActivityIdRole:
            return activity.id
        if field.attr == "time_text" and not self.spans(activity):
            if role == Qt.ItemDataRole.BackgroundRole:
                return UNPARSED_BRUSH
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("无法识别的时间：{0}").format(why_unparsed(activity.time_text))
        if activity.carried:
            if role == Qt.ItemDataRole.BackgroundRole:
                return CARRIED_BRUSH
            if role == Qt.ItemDataRole.ToolTipRole and not field.editable:
                return self.carried_note()
        if role == Qt.ItemDataRole.ToolTipRole and field.editable:
            return getattr(activity, field.attr) or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.fields[index.column()].editable and self.edit:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.edit:
            return False
        field = self.fields[index.column()]
        activity = self._rows[index.row()]
        if not field.editable or getattr(activity, field.attr) == value:
            return False
        self.edit(activity.id, field.attr, str(value))
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.query.sort_field = (self.fields[column].attr if 0 <= column < len(self.fields)
                                 else None)
        self.query.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    # -- our interface -------------------------------------------------------

    @property
    def filter(self) -> ActivityFilter:
        """What the rows are narrowed to."""
        return self.query.filter

    def display_text(self, activity: Activity, field: str, full: bool = False) -> str:
        """A cell's text; in the table, line breaks shown as spaces."""
        if field == "group_no":
            return fields.number_label(activity)
        if field == "level":
            level = fields.level_label(activity.level)
            return self.tr("{0} · 上年").format(level) if activity.carried else level
        value = getattr(activity, field)
        return value if full else value.replace("\n", " ")

    def carried_note(self) -> str:
        """What the mark on a carried-over row means."""
        return self.tr("沿用 {0} 年的活动，尚未修改或确认；修改任一项或“确认沿用”后不再标记").format(
            self.doc.campaign.year - 1)

    def spans(self, activity: Activity) -> list[Span]:
        """The parsed spans of an activity (cached by their stored text, shared by equal times)."""
        return self.query.spans(activity.spans_json)

    def activity_at(self, row: int) -> Activity:
        """The activity shown in a row."""
        return self._rows[row]

    def row_of(self, activity_id: int) -> int:
        """The row showing an activity, or -1 when filtered out."""
        return self.rows_of([activity_id]).get(activity_id, -1)

    def rows_of(self, ids: Collection[int]) -> dict[int, int]:
        """The rows showing some activities, by id; those filtered out are left out."""
        wanted = set(ids)
        if len(wanted) <= FEW:
            found = {i: self.query.row_of(i) for i in wanted}
            return {i: row for i, row in found.items() if row >= 0}
        return {a.id: row for row, a in enumerate(self._rows) if a.id in wanted}

    def set_filter(self, **changes: Any) -> None:
        """Change some filter settings and refilter."""
        for key, value in changes.items():
            setattr(self.query.filter, key, value)
        self.refresh()

    def reload(self) -> None:
        """Forget cached search text, orders and spans, then refresh (the document changed)."""
        self.query.forget()
        self.refresh()
        self._start_warm_up()

    def refresh(self) -> None:
        """Rebuild the visible rows from the document, filter and sort."""
        self.beginResetModel()
        self._rows = self.query.rows(self.doc.data)
        self.endResetModel()

    def _on_changed(self, ids: list[int]) -> None:
        """Refresh rows whose activity was edited; refilter if a filter is active."""
        if not self.query.take_changes(self.doc.activities, ids):
            self._start_warm_up()
        if not self.query.filter.is_empty() or self.query.sort_field is not None:
            self.refresh()
            return
        changed = set(ids)
        for row, activity in enumerate(self._rows):
            if activity.id in changed:
                self._rows[row] = self.doc.activity(activity.id)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.fields) - 1))

    def activity_index(self) -> ActivityIndex:
        """The search text and sort orders of the document's current activities."""
        return self.query.index(self.doc.activities)

    def warming_up(self) -> bool:
        """True while a big table's search text and sort orders are still being built."""
        return self._warm_up.isActive()

    def _start_warm_up(self) -> None:
        """Build a big table's index in slices while the window is idle."""
        if len(self.doc.activities) >= WARM_UP_ROWS:
            self._warm_up.start(WARM_UP_DELAY_MS)

    def _warm_up_step(self) -> None:
        """One slice of the index; come back when idle again until it is done."""
        if self.activity_index().step():
            self._warm_up.start(0)
