"""The activities table: a model over plain Python lists that filters and sorts itself fast."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor

from models.document import CampaignDocument
from models.entities import Activity, Level
from models.periods import Span, spans_from_json, why_unparsed
from ui.flat_table_model import FlatTableModel, Index

# (field, header); headers go through tr() in headerData.
FIELDS: tuple[tuple[str, str], ...] = (
    ("level", QT_TRANSLATE_NOOP("ActivitiesTableModel", "级别")),
    ("group_no", QT_TRANSLATE_NOOP("ActivitiesTableModel", "序号")),
    ("name", QT_TRANSLATE_NOOP("ActivitiesTableModel", "活动名称")),
    ("content", QT_TRANSLATE_NOOP("ActivitiesTableModel", "活动内容")),
    ("time_text", QT_TRANSLATE_NOOP("ActivitiesTableModel", "活动时间")),
    ("publicity_forms", QT_TRANSLATE_NOOP("ActivitiesTableModel", "宣传形式")),
    ("publicity_content", QT_TRANSLATE_NOOP("ActivitiesTableModel", "宣传内容")),
    ("responsible", QT_TRANSLATE_NOOP("ActivitiesTableModel", "负责单位")),
)
LEVEL_NAMES: dict[Level, str] = {
    Level.MUNICIPAL: QT_TRANSLATE_NOOP("ActivitiesTableModel", "市级"),
    Level.DISTRICT: QT_TRANSLATE_NOOP("ActivitiesTableModel", "区级"),
}
EDITABLE = frozenset({"name", "content", "time_text", "publicity_forms", "publicity_content",
                      "responsible"})
UNPARSED_BRUSH = QBrush(QColor("#fde2e1"))
ActivityIdRole = Qt.ItemDataRole.UserRole + 1


class ActivityFilter:
    """What the user narrowed the table to: level, unit, search text, day."""

    def __init__(self) -> None:
        self.level: Level | None = None
        self.unit_id: int | None = None
        self.text: str = ""
        self.day: date | None = None

    def is_empty(self) -> bool:
        """True when nothing is filtered out."""
        return not (self.level or self.unit_id or self.text or self.day)


class ActivitiesTableModel(FlatTableModel):
    """Rows are the visible activities; edits are pushed as commands through `edit`."""

    COLUMNS = FIELDS

    def __init__(self, doc: CampaignDocument,
                 edit: Callable[[int, str, object], None] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.edit = edit
        self.filter = ActivityFilter()
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._rows: list[Activity] = []
        self._haystack: dict[int, str] = {}
        self._spans: dict[int, list[Span]] = {}
        doc.activities_reset.connect(self.reload)
        doc.activities_changed.connect(self._on_changed)
        doc.campaign_changed.connect(self.reload)
        self.refresh()

    # -- Qt model interface ------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.row_in_range(index):
            return None
        activity = self._rows[index.row()]
        field = FIELDS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.display_text(activity, field, role == Qt.ItemDataRole.EditRole)
        if role == ActivityIdRole:
            return activity.id
        if field == "time_text" and not self.spans(activity):
            if role == Qt.ItemDataRole.BackgroundRole:
                return UNPARSED_BRUSH
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("无法识别的时间：{0}").format(why_unparsed(activity.time_text))
        if role == Qt.ItemDataRole.ToolTipRole and field in EDITABLE:
            return getattr(activity, field) or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and FIELDS[index.column()][0] in EDITABLE and self.edit:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.edit:
            return False
        field = FIELDS[index.column()][0]
        activity = self._rows[index.row()]
        if field not in EDITABLE or getattr(activity, field) == value:
            return False
        self.edit(activity.id, field, str(value))
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.refresh()

    # -- our interface -------------------------------------------------------

    def display_text(self, activity: Activity, field: str, full: bool = False) -> str:
        """A cell's text; in the table, line breaks shown as spaces."""
        if field == "group_no":
            return (str(activity.group_no) if activity.position == 1
                    else f"{activity.group_no}-{activity.position}")
        if field == "level":
            return self.tr(LEVEL_NAMES[activity.level])
        value = getattr(activity, field)
        return value if full else value.replace("\n", " ")

    def spans(self, activity: Activity) -> list[Span]:
        """The parsed spans of an activity (cached)."""
        found = self._spans.get(activity.id)
        if found is None:
            found = self._spans[activity.id] = spans_from_json(activity.spans_json)
        return found

    def activity_at(self, row: int) -> Activity:
        """The activity shown in a row."""
        return self._rows[row]

    def row_of(self, activity_id: int) -> int:
        """The row showing an activity, or -1 when filtered out."""
        for row, activity in enumerate(self._rows):
            if activity.id == activity_id:
                return row
        return -1

    def set_filter(self, **changes: Any) -> None:
        """Change some filter settings and refilter."""
        for key, value in changes.items():
            setattr(self.filter, key, value)
        self.refresh()

    def reload(self) -> None:
        """Forget cached search text and spans, then refresh (the document changed)."""
        self._haystack.clear()
        self._spans.clear()
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the visible rows from the document, filter and sort."""
        self.beginResetModel()
        self._rows = self._visible_rows()
        self.endResetModel()

    def _on_changed(self, ids: list[int]) -> None:
        """Refresh rows whose activity was edited; refilter if a filter is active."""
        for activity_id in ids:
            self._haystack.pop(activity_id, None)
            self._spans.pop(activity_id, None)
        if not self.filter.is_empty() or self.sort_column >= 0:
            self.refresh()
            return
        changed = set(ids)
        for row, activity in enumerate(self._rows):
            if activity.id in changed:
                self._rows[row] = self.doc.activity(activity.id)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(FIELDS) - 1))

    def _haystack_of(self, activity: Activity) -> str:
        """All text columns of an activity, case-folded, for the search box."""
        found = self._haystack.get(activity.id)
        if found is None:
            found = self._haystack[activity.id] = "\x1f".join(
                (activity.name, activity.content, activity.time_text, activity.publicity_forms,
                 activity.publicity_content, activity.responsible)).casefold()
        return found

    def _visible_rows(self) -> list[Activity]:
        """The document's activities that pass the filter, in the chosen order."""
        f = self.filter
        rows = self.doc.activities
        if f.level:
            rows = [a for a in rows if a.level == f.level]
        if f.unit_id:
            unit = self.doc.unit(f.unit_id)
            rows = [a for a in rows if a.unit_id == f.unit_id
                    or (unit is not None and unit.name in a.responsible)]
        if f.text:
            needles = f.text.casefold().split()
            rows = [a for a in rows if all(n in self._haystack_of(a) for n in needles)]
        if f.day:
            window = self.doc.campaign.window
            rows = [a for a in rows if any(s.covers(f.day, window) for s in self.spans(a))]
        if 0 <= self.sort_column < len(FIELDS):
            rows = self._sorted(rows)
        return list(rows)

    def _sorted(self, rows: list[Activity]) -> list[Activity]:
        """Rows sorted by the chosen column, groups kept together for 序号 and 级别."""
        field = FIELDS[self.sort_column][0]
        reverse = self.sort_order == Qt.SortOrder.DescendingOrder
        if field in ("group_no", "level"):
            key: Callable[[Activity], Any] = lambda a: (  # noqa: E731
                0 if a.level == Level.MUNICIPAL else 1, a.group_no, a.position)
            if field == "group_no":
                key = lambda a: (a.group_no, 0 if a.level == Level.MUNICIPAL else 1,  # noqa: E731
                                 a.position)
        else:
            key = lambda a: getattr(a, field)  # noqa: E731
        return sorted(rows, key=key, reverse=reverse)
