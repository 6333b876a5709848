"""The 统计 tab: units × figures, typed in place, with totals, last year, the units still
missing figures, the source of each value on hover, and suggestions from the summaries."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.entities import Figure, Unit
from models.errors import UserError
from models.figure_numbers import shown_value
from models.figure_suggest import Suggestion
from models.figures import source_text, typed_value
from models.statistics import ActivityCounts, Statistics
from models.statistics_text import change_text, comparison_lines
from ui.context import AppContext
from ui.model_refresh import refresh_values
from ui.window_place import fit

Index = QModelIndex | QPersistentModelIndex
APPROXIMATE_COLOUR = QColor(150, 90, 0)
MISSING_COLOUR = QColor(150, 150, 150)


class StatisticsModel(QAbstractTableModel):
    """Rows: the addressees in official order, then 合计 (and last year's total); columns:
    the figures. A unit's cell is edited by typing 1200, 1,200, 约500 or 1000余."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stats = Statistics(ctx.document.campaign, [], [], {}, ActivityCounts({}, [], []))
        """Empty until the tab is first shown (reading them costs a pass over the activities)."""

    def reload(self) -> None:
        """Read the figures again (after any change, undo or another year)."""
        new = self.ctx.editor.statistics()
        refresh_values(self, _shape(new) == _shape(self.stats),
                       lambda: setattr(self, "stats", new))

    # -- shape -------------------------------------------------------------------------

    @property
    def extra_rows(self) -> list[str]:
        """The rows under the units: 合计, and last year's total when it is stored."""
        rows = [self.tr("合计")]
        if self.stats.previous is not None:
            rows.append(self.tr("{0}年合计").format(self.stats.previous.campaign.year))
        return rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.stats.units) + len(self.extra_rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.stats.figures)

    def unit_at(self, row: int) -> Unit | None:
        """The unit of a row, None for the totals."""
        return self.stats.units[row] if 0 <= row < len(self.stats.units) else None

    def figure_at(self, column: int) -> Figure:
        """The figure of a column."""
        return self.stats.figures[column]

    # -- reading -----------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and section < len(self.stats.figures):
            figure = self.figure_at(section)
            if role == Qt.ItemDataRole.ToolTipRole:
                return figure.label
            if role == Qt.ItemDataRole.DisplayRole:  # the measure word on a line of its own,
                return f"{figure.name}\n（{figure.measure}）" if figure.measure else figure.name
            return None                              # so a long name is not cut off
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return None
        unit = self.unit_at(section)
        if unit is not None:
            return unit.short_name or unit.name
        extra = section - len(self.stats.units)
        return self.extra_rows[extra] if 0 <= extra < len(self.extra_rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        figure, unit = self.figure_at(index.column()), self.unit_at(index.row())
        if unit is None:
            return self._total_data(figure, index.row() - len(self.stats.units), role)
        value = self.stats.value(figure, unit)
        if role == Qt.ItemDataRole.DisplayRole:
            return shown_value(value.value, value.approximate) if value else "—"
        if role == Qt.ItemDataRole.EditRole:
            return shown_value(value.value, value.approximate) if value else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return source_text(value) if value else self.tr("尚未填写")
        if role == Qt.ItemDataRole.ForegroundRole:
            if value is None:
                return QBrush(MISSING_COLOUR)
            return QBrush(APPROXIMATE_COLOUR) if value.approximate else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _total_data(self, figure: Figure, extra: int, role: int) -> Any:
        """The 合计 row and last year's row."""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(extra == 0)
            return font
        if not figure.summed or role not in (Qt.ItemDataRole.DisplayRole,
                                             Qt.ItemDataRole.ToolTipRole):
            return None
        if extra == 0:
            total = self.stats.totals[figure.id or 0]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("{0} 个单位填写").format(total.units)
            return shown_value(total.value, total.mark)
        change = self.stats.change(figure)
        if change is None:
            return "—"
        if role == Qt.ItemDataRole.ToolTipRole:
            return change_text(change)
        return f"{change.before}" + ("" if change.percent is None
                                     else f"（{change.percent:+.1f}%）")

    # -- editing -----------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.unit_at(index.row()) is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A typed value, stored as one undoable step; a refusal is said and nothing stored;
        an empty cell clears the value."""
        unit = self.unit_at(index.row())
        if role != Qt.ItemDataRole.EditRole or unit is None or unit.id is None:
            return False
        figure = self.figure_at(index.column())
        text = str(value or "").strip()
        try:
            if not text:
                return self.ctx.editor.set_figure_values([], [(figure.id or 0, unit.id)])
            return self.ctx.editor.set_figure_values([typed_value(figure, unit, text)])
        except UserError as exc:
            self.ctx.dialogs.error(self.tr("填写统计数据"), str(exc))
            return False


class SuggestionsDialog(QDialog):
    """What the summaries state, a row per figure with its sentence; ticked rows are stored
    when the coordinator accepts (values already set start unticked)."""

    def __init__(self, rows: list[tuple[Unit, Suggestion, bool]], problems: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("从活动总结识别的数据"))
        self.rows = rows
        self.table = QTableWidget(len(rows), 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("单位"), self.tr("指标"), self.tr("数值"),
                                              self.tr("原句")])
        self.groups: dict[tuple[int, int], list[int]] = {}
        """Rows offering choices for one unit's figure (stated with several numbers)."""
        for row, (unit, suggestion, _already) in enumerate(rows):
            self.groups.setdefault((unit.id or 0, suggestion.figure.id or 0), []).append(row)
        for row, (unit, suggestion, already) in enumerate(rows):
            choice = len(self.groups[(unit.id or 0, suggestion.figure.id or 0)]) > 1
            check = QTableWidgetItem(unit.short_name or unit.name)
            check.setCheckState(Qt.CheckState.Unchecked if already or choice
                                else Qt.CheckState.Checked)
            self.table.setItem(row, 0, check)
            self.table.setItem(row, 1, QTableWidgetItem(
                suggestion.figure.name + (self.tr("（选其一）") if choice else "")))
            self.table.setItem(row, 2, QTableWidgetItem(
                shown_value(suggestion.value, suggestion.approximate) + suggestion.figure.measure))
            sentence = QTableWidgetItem(self.tr("以上 {0} 处之和（若它们是不同的部分）").format(
                suggestion.summed) if suggestion.summed else suggestion.excerpt())
            sentence.setToolTip(suggestion.sentence)
            self.table.setItem(row, 3, sentence)
        self.table.itemChanged.connect(self._one_of_a_choice)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "勾选要采用的数据（已填写的默认不勾选；同一指标有几处不同数字的，请选其一）；"
            "采用后可在统计表中修改。")))
        layout.addWidget(self.table)
        if problems:
            note = QLabel("\n".join(problems))
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("采用所选"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit(self, 900, 500)

    def _one_of_a_choice(self, item: QTableWidgetItem) -> None:
        """Ticking one number of a figure stated several times unticks the others."""
        if item.column() != 0 or item.checkState() != Qt.CheckState.Checked:
            return
        unit, suggestion, _already = self.rows[item.row()]
        for row in self.groups[(unit.id or 0, suggestion.figure.id or 0)]:
            if row != item.row():
                self.table.item(row, 0).setCheckState(Qt.CheckState.Unchecked)

    def chosen(self) -> list[tuple[int, Suggestion]]:
        """The ticked rows as (unit id, suggestion)."""
        return [(unit.id, suggestion) for row, (unit, suggestion, _already) in enumerate(self.rows)
                if unit.id is not None
                and self.table.item(row, 0).checkState() == Qt.CheckState.Checked]


class FigureDialog(QDialog):
    """A figure's name, measure word and whether it is summed."""

    def __init__(self, figure: Figure | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改指标") if figure else self.tr("新增指标"))
        self.name = QLineEdit(figure.name if figure else "", self)
        self.measure = QLineEdit(figure.measure if figure else "", self)
        self.summed = QCheckBox(self.tr("计入合计"), self)
        self.summed.setChecked(figure.summed if figure else True)
        form = QFormLayout(self)
        form.addRow(self.tr("指标名称"), self.name)
        form.addRow(self.tr("计量单位"), self.measure)
        form.addRow("", self.summed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class StatisticsView(QWidget):
    """The tab: the table, what is missing, last year, and the buttons for the figures."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = StatisticsModel(ctx, self)
        self.table = QTableView(self)
        self.table.setObjectName("statisticsTable")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.missing_label = QLabel(self)
        self.missing_label.setWordWrap(True)
        self.comparison_label = QLabel(self)
        self.comparison_label.setWordWrap(True)
        self.suggest_button = QPushButton(self.tr("从活动总结识别数据…"), self)
        self.suggest_button.clicked.connect(self.suggest)
        self.add_button = QPushButton(self.tr("新增指标…"), self)
        self.add_button.clicked.connect(self.add_figure)
        self.edit_button = QPushButton(self.tr("修改指标…"), self)
        self.edit_button.clicked.connect(self.edit_figure)
        self.remove_button = QPushButton(self.tr("删除指标"), self)
        self.remove_button.clicked.connect(self.remove_figure)
        buttons = QHBoxLayout()
        for button in (self.suggest_button, self.add_button, self.edit_button,
                       self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.comparison_label)
        self._stale = True
        doc = ctx.document
        for signal in (doc.figures_changed, doc.campaign_changed, doc.units_changed,
                       doc.submissions_changed, doc.activities_reset):
            signal.connect(self.reload)

    def reload(self) -> None:
        """Read everything again now if the tab is on screen, else when it is next shown (the
        activities change often while the tab is hidden)."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the figures, the totals and last year's now."""
        self._stale = False
        self.model.reload()
        self._show_missing()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Bring a stale table up to date as the tab comes to the front."""
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _show_missing(self) -> None:
        """The units still missing figures, under the table."""
        missing = self.model.stats.missing()
        self.missing_label.setText(self.tr("尚缺数据的单位（{0} 个）：{1}").format(
            len(missing), self.tr("、").join(u.short_name or u.name for u, _ in missing))
            if missing else self.tr("各单位的数据已填齐。"))
        stats = self.model.stats
        lines = comparison_lines(stats)
        self.comparison_label.setVisible(bool(lines))
        if lines and stats.previous is not None:
            self.comparison_label.setText(self.tr("与 {0} 年比较：{1}").format(
                stats.previous.campaign.year, "；".join(lines)))

    def _current_figure(self) -> Figure | None:
        """The figure of the selected column."""
        index = self.table.currentIndex()
        return self.model.figure_at(index.column()) if index.isValid() else None

    def suggestion_rows(self) -> tuple[list[tuple[Unit, Suggestion, bool]], list[str]]:
        """Each unit's suggestions (and whether a value is set already), and the summaries
        that gave none with the reason."""
        from importers.summary_figures import summary_suggestions
        held = {v.key for v in self.ctx.editor.figure_values()}
        rows, problems = [], []
        for entry in summary_suggestions(self.ctx.editor):
            if entry.problem:
                problems.append(f"{entry.unit.short_name or entry.unit.name}：{entry.problem}")
            for suggestion in entry.offered:
                rows.append((entry.unit, suggestion,
                             (suggestion.figure.id, entry.unit.id) in held))
        return rows, problems

    def suggest(self) -> None:
        """Show what the summaries state; store the ticked rows as one step."""
        rows, problems = self.suggestion_rows()
        if not rows:
            self.ctx.dialogs.info(self.tr("从活动总结识别数据"), "\n".join(
                problems or [self.tr("还没有收到可识别的活动总结文件。")]))
            return
        dialog = SuggestionsDialog(rows, problems, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.ctx.editor.accept_suggestions(dialog.chosen(), only_unset=False)

    def _figure_dialog(self, figure: Figure | None) -> FigureDialog | None:
        """Ask for a figure's fields; None when cancelled."""
        dialog = FigureDialog(figure, self)
        return dialog if dialog.exec() == QDialog.DialogCode.Accepted else None

    def add_figure(self) -> None:
        """A new figure at the end of the list."""
        dialog = self._figure_dialog(None)
        if dialog is not None:
            self._refusing(lambda: self.ctx.editor.add_figure(
                dialog.name.text(), dialog.measure.text(), dialog.summed.isChecked()))

    def edit_figure(self) -> None:
        """Rename the selected figure or change its measure word or summing."""
        figure = self._current_figure()
        dialog = self._figure_dialog(figure) if figure else None
        if figure is not None and dialog is not None:
            self._refusing(lambda: self.ctx.editor.edit_figure(
                figure.id or 0, dialog.name.text(), dialog.measure.text(),
                dialog.summed.isChecked()))

    def remove_figure(self) -> None:
        """Remove the selected figure with its values (undo brings them back)."""
        figure = self._current_figure()
        if figure is not None and self.ctx.dialogs.confirm(
                self.tr("删除指标"), self.tr("删除指标“{0}”及各单位的数据？可以撤销。").format(
                    figure.name)):
            self.ctx.editor.remove_figure(figure.id or 0)

    def _refusing(self, change: Any) -> None:
        """Run a change; a refusal becomes a message."""
        try:
            change()
        except UserError as exc:
            self.ctx.dialogs.error(self.tr("指标"), str(exc))


def _shape(stats: Statistics) -> tuple:
    """What the table's rows and columns are: the units, the figures, last year's row."""
    return ([u.id for u in stats.units], [f.id for f in stats.figures],
            stats.previous is not None)
