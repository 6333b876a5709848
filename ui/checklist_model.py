"""The submission checklist as a table model: one row per thing a unit owes."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from models.dates.deadlines import days_left, urgency, weekday_name
from models.dates.workdays import is_workday, off_day_note
from models.document import CampaignDocument
from models.editor import CampaignEditor
from models.entities import Submission, SubmissionStatus
from models.errors import UserError
from models.received.summary_files import SummaryVersion
from models.text import chinese_date, size_text
from ui.flat_table_model import FlatTableModel, Index
from ui.model_refresh import refresh_values

# (key, header); headers go through tr() in headerData.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("unit", QT_TRANSLATE_NOOP("ChecklistModel", "单位")),
    ("item", QT_TRANSLATE_NOOP("ChecklistModel", "报送事项")),
    ("due", QT_TRANSLATE_NOOP("ChecklistModel", "截止日期")),
    ("status", QT_TRANSLATE_NOOP("ChecklistModel", "状态")),
    ("received", QT_TRANSLATE_NOOP("ChecklistModel", "收到日期")),
    ("left", QT_TRANSLATE_NOOP("ChecklistModel", "剩余天数")),
    ("file", QT_TRANSLATE_NOOP("ChecklistModel", "文件")),
    ("note", QT_TRANSLATE_NOOP("ChecklistModel", "备注")),
)
STATUS_NAMES: dict[SubmissionStatus, str] = {
    SubmissionStatus.PENDING: QT_TRANSLATE_NOOP("ChecklistModel", "未报送"),
    SubmissionStatus.RECEIVED: QT_TRANSLATE_NOOP("ChecklistModel", "已报送"),
    SubmissionStatus.LATE: QT_TRANSLATE_NOOP("ChecklistModel", "逾期报送"),
    SubmissionStatus.EXEMPT: QT_TRANSLATE_NOOP("ChecklistModel", "无需报送"),
}
COLUMN = {key: number for number, (key, _) in enumerate(COLUMNS)}
EDITABLE = frozenset({"status", "received", "note"})
DROP_COLORS = ("#2f6fd0", "#ffffff")
"""Background and text of the row a dragged file would be received for."""
SubmissionIdRole = Qt.ItemDataRole.UserRole + 1
UrgencyRole = Qt.ItemDataRole.UserRole + 2
URGENCY_COLORS: dict[str, tuple[str, str]] = {  # background, text
    "overdue": ("#f9d3d0", "#a4161a"),
    "soon": ("#fde8b0", "#7a4b00"),
    "done": ("#e4f3e4", "#1d5a2c"),
}


class ChecklistModel(FlatTableModel):
    """Rows are the document's submissions in official unit order; edits go through the
    editor (read-only without one)."""

    COLUMNS = COLUMNS

    def __init__(self, doc: CampaignDocument, today: Callable[[], date],
                 editor: CampaignEditor | None = None, parent: Any = None,
                 refused: Callable[[str], object] | None = None) -> None:
        """`refused` tells the user why an edit was refused (setData cannot raise into Qt)."""
        super().__init__(parent)
        self.doc = doc
        self.today = today
        self.editor = editor
        self.refused = refused
        self._today = today()
        self._files: dict[int, list[SummaryVersion]] = {}
        self.item: str | None = None  # the one item shown, or None for all
        self.status_filter: str | None = None  # "missing", "overdue", "received" or None
        self.sort_key: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self.drop_target: int | None = None  # the submission a dragged file would go to
        doc.submissions_changed.connect(self.refresh)
        doc.units_changed.connect(self.refresh)
        doc.campaign_changed.connect(self.refresh)
        self.refresh()

    # -- Qt model interface ------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.row_in_range(index):
            return None
        sub = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(sub, key)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(sub, key)
        if role == SubmissionIdRole:
            return sub.id
        if role == UrgencyRole:
            return urgency(sub, self._today)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return self._brush(sub, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(sub, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("due", "received", "left"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Editable columns say so: a ✎ after the title and a tip."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return super().headerData(section, orientation, role)
        editable = COLUMNS[section][0] in EDITABLE and self.editor is not None
        if role == Qt.ItemDataRole.DisplayRole and editable:
            return self.tr("{0} ✎").format(self.tr(COLUMNS[section][1]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("双击单元格修改") if editable else self.tr("单击标题按此列排序")
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.editor and COLUMNS[index.column()][0] in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.editor:
            return False
        try:
            return self._edit(self._rows[index.row()], COLUMNS[index.column()][0], value)
        except UserError as exc:
            if self.refused is None:
                raise
            self.refused(str(exc))
            return False

    def _edit(self, sub: Submission, key: str, value: Any) -> bool:
        """One cell's edit through the editor; False when nothing changed."""
        assert self.editor is not None
        if key == "note":
            return self.editor.edit_submission(sub.id, note=str(value))
        if key == "received":
            day = _as_date(value)
            return day is not None and self.editor.edit_submission(sub.id, received=day)
        if key == "status" and str(value) in {str(status) for status in SubmissionStatus}:
            return self.editor.edit_submission(sub.id, status=SubmissionStatus(str(value)),
                                               today=self._today)
        return False

    # -- our interface -------------------------------------------------------

    def submission_at(self, row: int) -> Submission:
        """The submission shown in a row."""
        return self._rows[row]

    def row_of(self, submission_id: int) -> int:
        """The row showing a submission, or -1."""
        return next((r for r, s in enumerate(self._rows) if s.id == submission_id), -1)

    def refresh(self) -> None:
        """Re-read the submissions (of the item shown) and the planning date."""
        today = self._today = self.today()
        self._files = self.editor.summary_versions() if self.editor else {}
        rows = [s for s in self.doc.submissions()
                if (self.item is None or s.item == self.item) and self._shown(s, today)]
        column, order = self.sort_key
        if 0 <= column < len(COLUMNS):
            key = COLUMNS[column][0]
            rows.sort(key=lambda sub: self._sort_value(sub, key),
                      reverse=order == Qt.SortOrder.DescendingOrder)
            if key in ("due", "received"):  # empty dates stay last either way
                rows.sort(key=lambda sub: getattr(sub, key) is None)
        same = bool(rows) and [s.id for s in rows] == [s.id for s in self._rows]
        refresh_values(self, same, lambda: setattr(self, "_rows", rows))

    def _shown(self, sub: Submission, today: date) -> bool:
        """Whether a submission passes the status filter (overdue counted from `today`)."""
        if self.status_filter == "missing":
            return sub.status == SubmissionStatus.PENDING
        if self.status_filter == "overdue":
            return urgency(sub, today) == "overdue"
        if self.status_filter == "received":
            return sub.status in (SubmissionStatus.RECEIVED, SubmissionStatus.LATE)
        return True

    def _sort_value(self, sub: Submission, key: str) -> tuple[Any, ...]:
        """What a column sorts by: units in official order, dates as dates (empty last),
        days left as numbers, the rest as shown."""
        if key == "unit":
            order = list(dict.fromkeys(s.unit_id for s in self.doc.submissions()))
            return (order.index(sub.unit_id),)
        if key in ("due", "received"):
            return (getattr(sub, key) or date.min,)
        if key == "left":
            exempt = sub.due is None or sub.status == SubmissionStatus.EXEMPT
            return (exempt, 0 if exempt else days_left(sub.due, sub.received or self._today))
        if key == "status":
            return (list(SubmissionStatus).index(sub.status),)
        return (self.display_text(sub, key),)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (-1: the official order); kept through refreshes."""
        self.sort_key = (column, order)
        self.refresh()

    def set_status_filter(self, status: str | None) -> None:
        """Show only missing, overdue or received items (None: all)."""
        if status != self.status_filter:
            self.status_filter = status
            self.refresh()

    def set_drop_target(self, submission_id: int | None) -> None:
        """Highlight the row a dragged file would go to."""
        if submission_id != self.drop_target:
            self.drop_target = submission_id
            if self._rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def set_item_filter(self, item: str | None) -> None:
        """Show one item's rows only (None: every item's)."""
        if item != self.item:
            self.item = item
            self.refresh()

    def versions(self, sub: Submission) -> list[SummaryVersion]:
        """The files an item received, oldest first."""
        return self._files.get(sub.id or -1, [])

    def refresh_today(self) -> None:
        """Recount days left after the planning date changed."""
        self._today = self.today()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def display_text(self, sub: Submission, key: str) -> str:
        """A cell's text."""
        if key == "unit":
            unit = self.doc.unit(sub.unit_id)
            return unit.name if unit else str(sub.unit_id)
        if key == "item":
            return sub.item
        if key == "status":
            return status_text(sub.status)
        if key in ("due", "received"):
            day = getattr(sub, key)
            if day and key == "due" and not is_workday(day):
                return self.tr("{0}（休）").format(self._day_text(day))
            return self._day_text(day) if day else ""
        if key == "left":
            return self.left_text(sub)
        if key == "file":
            return self.file_text(sub)
        return sub.note

    def file_text(self, sub: Submission) -> str:
        """The latest file's name, and which version it is when there are several."""
        versions = self.versions(sub)
        if not versions:
            return ""
        latest = versions[-1]
        if len(versions) == 1:
            return latest.name
        return self.tr("{0}（第 {1} 版）").format(latest.name, latest.number)

    def left_text(self, sub: Submission) -> str:
        """'还剩 3 天', '今日截止', '逾期 2 天', or how a received item stood against its due."""
        if sub.due is None or sub.status == SubmissionStatus.EXEMPT:
            return ""
        if sub.status in (SubmissionStatus.RECEIVED, SubmissionStatus.LATE):
            if sub.received is None:  # in, on a day nobody wrote down
                return ""
            late = days_left(sub.due, sub.received)
            return self.tr("迟交 {0} 天").format(-late) if late < 0 else self.tr("按时")
        left = days_left(sub.due, self._today)
        if left < 0:
            return self.tr("逾期 {0} 天").format(-left)
        return self.tr("今日截止") if left == 0 else self.tr("还剩 {0} 天").format(left)

    # -- helpers -------------------------------------------------------------

    def _day_text(self, day: date) -> str:
        """'5月24日 周一'."""
        return self.tr("{0} {1}").format(chinese_date(day, with_year=False, translated=True), weekday_name(day))

    def _edit_value(self, sub: Submission, key: str) -> Any:
        """The value an editor starts from."""
        if key == "status":
            return str(sub.status)
        if key == "received":
            return QDate(sub.received or self._today)
        return self.display_text(sub, key)

    def _brush(self, sub: Submission, role: int) -> QBrush | None:
        """Row colours: the drop target highlighted, red overdue, amber due soon, green
        received, grey text exempt."""
        if self.drop_target is not None and sub.id == self.drop_target:
            return QBrush(QColor(DROP_COLORS[0] if role == Qt.ItemDataRole.BackgroundRole
                                 else DROP_COLORS[1]))
        colors = URGENCY_COLORS.get(urgency(sub, self._today))
        if colors and sub.status != SubmissionStatus.EXEMPT:
            background, text = colors
            return QBrush(QColor(background if role == Qt.ItemDataRole.BackgroundRole
                                 else text))
        if sub.status == SubmissionStatus.EXEMPT and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#8a8a8a"))
        return None

    def _tooltip(self, sub: Submission, key: str) -> str | None:
        """Full dates and the note as tooltips."""
        if key == "due" and sub.due and not is_workday(sub.due):
            return off_day_note(sub.due)
        if key in ("due", "received") and getattr(sub, key):
            return chinese_date(getattr(sub, key), translated=True)
        if key == "note":
            return sub.note or None
        if key == "file" and self.versions(sub):
            return "\n".join(self.tr("第 {0} 版：{1}（{2}，{3}）").format(
                v.number, v.name, chinese_date(v.received, translated=True), size_text(v.size))
                for v in self.versions(sub))
        return None


def status_text(status: SubmissionStatus) -> str:
    """A status as the user reads it."""
    return QCoreApplication.translate("ChecklistModel", STATUS_NAMES[status])


def _as_date(value: Any) -> date | None:
    """A QDate or date as a date, else None."""
    if isinstance(value, QDate):
        return value.toPython() if value.isValid() else None
    return value if isinstance(value, date) else None
