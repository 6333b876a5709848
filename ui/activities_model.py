"""The activities table: a model over plain Python lists that filters and sorts itself fast."""
from __future__ import annotations

from array import array
from bisect import insort
from collections.abc import Callable, Iterator
from datetime import date
from itertools import chain, compress, islice
from operator import attrgetter, eq
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
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
ANSWERED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, ActivityIdRole,
                            Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole})
SEARCHED = ("name", "content", "time_text", "publicity_forms", "publicity_content", "responsible")
SLICE = 4_000         # rows per step of the index built while the window is idle
WARM_UP_ROWS = 5_000  # smaller tables build their index only when first needed
WARM_UP_DELAY_MS = 100  # let the window show and paint before the first slice


def sort_key(field: str) -> Callable[[Activity], Any]:
    """How a column sorts; 序号 and 级别 keep the rows of a group together (市级 first)."""
    municipal = Level.MUNICIPAL
    if field == "level":
        return lambda a: (0 if a.level == municipal else 1, a.group_no, a.position)
    if field == "group_no":
        return lambda a: (a.group_no, 0 if a.level == municipal else 1, a.position)
    return attrgetter(field)


def search_text(activity: Activity) -> str:
    """All text columns of an activity, case-folded, for the search box."""
    return "\x1f".join([activity.name, activity.content, activity.time_text,
                        activity.publicity_forms, activity.publicity_content,
                        activity.responsible]).casefold()


def _has_case(text: str) -> bool:
    """True when case folding could matter (Latin, Greek … letters); Chinese has no case."""
    return text.upper() != text.lower()


def _scan_fields(rows: list[Activity], needles: list[str]) -> list[int]:
    """Positions of rows whose text columns hold every needle, read straight from the rows.

    Used before the search index is built; exact for needles without cased letters.
    """
    if len(needles) == 1:
        n = needles[0]
        return [i for i, a in enumerate(rows)
                if n in a.name or n in a.content or n in a.time_text or n in a.publicity_forms
                or n in a.publicity_content or n in a.responsible]
    return [i for i, a in enumerate(rows)
            if all(any(n in getattr(a, f) for f in SEARCHED) for n in needles)]


class ActivityIndex:
    """Search text and per-column sort orders of one list of activities, by position."""

    # Everything is built on first use, or ahead in slices while the window is idle (`step`).
    # An order lists positions sorted by (key, position), exactly as a stable sort leaves them.

    def __init__(self, rows: list[Activity]) -> None:
        self.rows = rows
        self.size = len(rows)
        self._hay: list[str] = []
        self._positions: dict[int | None, int] | None = None
        self._keys: dict[str, list[Any]] = {}
        self._partial: dict[str, list[int]] = {}  # positions sorted so far, by column
        self._ascending: dict[str, array[int]] = {}
        self._descending: dict[str, array[int]] = {}
        self._work: Iterator[None] = self._steps()

    def serves(self, rows: list[Activity]) -> bool:
        """True while rows is still the list this index was built for."""
        return rows is self.rows and len(rows) == self.size

    def haystack(self) -> list[str]:
        """Search text per position, completed now if the idle steps have not finished."""
        while len(self._hay) < self.size:
            self._extend_haystack()
        return self._hay

    def search_ready(self) -> bool:
        """True once every row's search text is built."""
        return len(self._hay) >= self.size

    def keys(self, field: str) -> list[Any]:
        """Sort key per position for one column."""
        while self._extend_keys(field):
            pass
        return self._keys[field]

    def ascending(self, field: str) -> array[int]:
        """Positions in ascending order of a column, ties in position order."""
        while field not in self._ascending:
            self._finish_order(field, self.size)
        return self._ascending[field]

    def descending(self, field: str) -> array[int]:
        """Positions in descending order of a column, ties still in position order."""
        found = self._descending.get(field)
        if found is None:
            ascending = self.ascending(field)
            ordered = list(map(self.keys(field).__getitem__, ascending))
            found = ascending[::-1]
            last = len(found) - 1
            # Reversing turned each run of equal keys around; turn those runs back.
            ties = compress(range(last), map(eq, ordered, islice(ordered, 1, None)))
            first = previous = -2
            for j in chain(ties, [-2]):
                if j != previous + 1:
                    if first >= 0:
                        low, high = last - previous - 1, last - first + 1
                        found[low:high] = found[low:high][::-1]
                    first = j
                previous = j
            self._descending[field] = found
        return found

    def step(self) -> bool:
        """Do one slice of the ahead-of-time work; False when nothing is left."""
        return next(self._work, StopIteration) is not StopIteration

    def changed(self, ids: list[int]) -> bool:
        """Take in activities replaced at their positions; False if the index cannot."""
        if self._positions is None:
            self._positions = {a.id: i for i, a in enumerate(self.rows)}
        if any(i not in self._positions for i in ids):
            return False
        restart = False
        for activity_id in ids:
            pos = self._positions[activity_id]
            activity = self.rows[pos]
            if activity.id != activity_id:
                return False
            if pos < len(self._hay):
                self._hay[pos] = search_text(activity)
            for field, keys in self._keys.items():
                new = sort_key(field)(activity)
                if pos >= len(keys) or new == keys[pos]:
                    continue
                self._descending.pop(field, None)
                order = self._ascending.get(field)
                if order is not None:
                    order.remove(pos)
                    keys[pos] = new
                    insort(order, pos, key=lambda i, k=keys: (k[i], i))
                else:
                    keys[pos] = new
                    restart |= self._partial.pop(field, None) is not None
        if restart:
            self._work = self._steps()
        return True

    def _steps(self) -> Iterator[None]:
        """The ahead-of-time work in slices: search text, then every column's order."""
        while len(self._hay) < self.size:
            self._extend_haystack()
            yield
        for field, _label in FIELDS:
            while field not in self._ascending and self._extend_keys(field):
                yield
            while field not in self._ascending:
                self._finish_order(field, SLICE)
                yield
            if field not in self._descending:
                self.descending(field)
                yield

    def _extend_haystack(self) -> None:
        """Search text for the next slice of rows."""
        start = len(self._hay)
        self._hay.extend(map(search_text, self.rows[start:start + SLICE]))

    def _extend_keys(self, field: str) -> bool:
        """Sort keys for the next slice of rows; False when all are there."""
        keys = self._keys.setdefault(field, [])
        start = len(keys)
        if start >= self.size:
            return False
        keys.extend(map(sort_key(field), self.rows[start:start + SLICE]))
        return True

    def _finish_order(self, field: str, more: int) -> None:
        """Sort `more` further positions into a column's order; keep it once all are in."""
        # The positions sorted so far form one run and the new ones follow it, so the stable
        # sort keeps ties in position order and costs little more than a merge.
        merged = self._partial.setdefault(field, [])
        start = len(merged)
        merged.extend(range(start, min(start + more, self.size)))
        merged.sort(key=self.keys(field).__getitem__)
        if len(merged) >= self.size:
            del self._partial[field]
            self._ascending[field] = array("i", merged)


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
        self._index: ActivityIndex | None = None
        self._spans: dict[str, list[Span]] = {}
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
        """The parsed spans of an activity (cached by their stored text, shared by equal times)."""
        return self._spans_of(activity.spans_json)

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
        """Forget cached search text, orders and spans, then refresh (the document changed)."""
        self._index = None
        self._spans.clear()
        self.refresh()
        self._start_warm_up()

    def refresh(self) -> None:
        """Rebuild the visible rows from the document, filter and sort."""
        self.beginResetModel()
        self._rows = self._visible_rows()
        self.endResetModel()

    def _on_changed(self, ids: list[int]) -> None:
        """Refresh rows whose activity was edited; refilter if a filter is active."""
        if self._index is not None and not (self._index.serves(self.doc.activities)
                                            and self._index.changed(ids)):
            self._index = None
            self._start_warm_up()
        if not self.filter.is_empty() or self.sort_column >= 0:
            self.refresh()
            return
        changed = set(ids)
        for row, activity in enumerate(self._rows):
            if activity.id in changed:
                self._rows[row] = self.doc.activity(activity.id)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(FIELDS) - 1))

    def activity_index(self) -> ActivityIndex:
        """The search text and sort orders of the document's current activities."""
        rows = self.doc.activities
        if self._index is None or not self._index.serves(rows):
            self._index = ActivityIndex(rows)
        return self._index

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

    def _visible_rows(self) -> list[Activity]:
        """The document's activities that pass the filter, in the chosen order."""
        f = self.filter
        rows = self.doc.activities
        picked: list[int] | None = None  # positions in rows; None is all of them
        if f.text:
            needles = f.text.casefold().split()
            index = self.activity_index()
            if not index.search_ready() and not any(_has_case(n) for n in needles):
                picked = _scan_fields(rows, needles)  # Chinese text: no index needed yet
            else:
                hay = index.haystack()
                if len(needles) == 1:
                    needle = needles[0]
                    picked = [i for i, text in enumerate(hay) if needle in text]
                else:
                    picked = [i for i, text in enumerate(hay)
                              if all(n in text for n in needles)]
        if f.level:
            picked = [i for i in (range(len(rows)) if picked is None else picked)
                      if rows[i].level == f.level]
        if f.unit_id:
            unit = self.doc.unit(f.unit_id)
            picked = [i for i in (range(len(rows)) if picked is None else picked)
                      if rows[i].unit_id == f.unit_id
                      or (unit is not None and unit.name in rows[i].responsible)]
        if f.day:
            window = self.doc.campaign.window
            on_day: dict[str, bool] = {}
            for text in {rows[i].spans_json for i in
                         (range(len(rows)) if picked is None else picked)}:
                on_day[text] = any(s.covers(f.day, window) for s in self._spans_of(text))
            picked = [i for i in (range(len(rows)) if picked is None else picked)
                      if on_day[rows[i].spans_json]]
        if 0 <= self.sort_column < len(FIELDS):
            picked = self._sorted(picked)
        if picked is None:
            return list(rows)
        return [rows[i] for i in picked]

    def _spans_of(self, spans_json: str) -> list[Span]:
        """Parsed spans of a stored spans text (cached)."""
        found = self._spans.get(spans_json)
        if found is None:
            found = self._spans[spans_json] = spans_from_json(spans_json)
        return found

    def _sorted(self, picked: list[int] | None) -> list[int]:
        """Positions sorted by the chosen column, groups kept together for 序号 and 级别."""
        field = FIELDS[self.sort_column][0]
        reverse = self.sort_order == Qt.SortOrder.DescendingOrder
        index = self.activity_index()
        if picked is not None and len(picked) * 8 < index.size:
            return sorted(picked, key=index.keys(field).__getitem__, reverse=reverse)
        order = index.descending(field) if reverse else index.ascending(field)
        if picked is None:
            return list(order)
        keep = set(picked)
        return [i for i in order if i in keep]
