"""The activities tab: level switch, unit filter, search box, the table and a detail panel."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.addressees import listed_units
from models.dates.periods import describe_spans, why_unparsed
from models.entities import Activity, Level
from models.fields import TR_CONTEXT, level_label, screen_order
from models.layout import runs
from models.text import chinese_date
from ui import hotkeys
from ui.actions import guarded, make_action
from ui.activities_model import ActivitiesTableModel
from ui.context import AppContext
from ui.placement_pickers import PlacementPickers


class ActivitiesPanel(QWidget):
    """Browse, filter and edit the campaign's activities."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doc = ctx.document
        self.model = ActivitiesTableModel(self.doc, self._push_edit, self)
        self._build_filters()
        self._build_table()
        self._build_detail()
        self._build_actions()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("activitiesSplitter")
        splitter.addWidget(self.table)
        self.detail_scroll = QScrollArea(self)
        self.detail_scroll.setObjectName("detailScroll")
        self.detail_scroll.setWidget(self.detail)
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        splitter.addWidget(self.detail_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.filter_bar)
        layout.addWidget(splitter, 1)
        self.doc.units_changed.connect(self._fill_units)
        self._kept: tuple[int | None, int, list[int]] = (None, 0, [])
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._after_reset)
        self.model.dataChanged.connect(self._on_data_changed)
        self.doc.activities_changed.connect(self._update_count)  # a carried mark cleared
        self._update_count()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 2))

    # -- building ------------------------------------------------------------

    def _build_filters(self) -> None:
        """The row of filters above the table."""
        self.level_box = QComboBox(self)
        self.level_box.addItem(self.tr("全部"), None)
        for level in Level:
            self.level_box.addItem(level_label(level), level)
        self.level_box.currentIndexChanged.connect(
            lambda: self.model.set_filter(level=self.level_box.currentData()))
        self.unit_box = QComboBox(self)
        self.unit_box.setMinimumContentsLength(10)
        self._fill_units()
        self.unit_box.currentIndexChanged.connect(
            lambda: self.model.set_filter(unit_id=self.unit_box.currentData()))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索所有文字列（Ctrl+F）…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.model.set_filter(text=text.strip()))
        self.search.installEventFilter(self)
        self.search.setToolTip(self.tr("↓ 进入搜索结果"))
        self.day_label = QLabel(self)
        self.clear_day = QPushButton(self.tr("显示全部日期"), self)
        self.clear_day.clicked.connect(lambda: self.filter_day(None))
        self.clear_day.hide()
        self.count_label = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("级别：")))
        bar.addWidget(self.level_box)
        bar.addWidget(QLabel(self.tr("单位：")))
        bar.addWidget(self.unit_box)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.day_label)
        bar.addWidget(self.clear_day)
        bar.addWidget(self.count_label)
        self.filter_bar = bar

    def _fill_units(self) -> None:
        """The unit filter's choices: all, then the year's addressees and the units its
        activities name, in official order."""
        current = self.unit_box.currentData()
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        self.unit_box.addItem(self.tr("全部单位"), None)
        for unit in listed_units(self.doc.data, {a.unit_id for a in self.doc.activities}):
            self.unit_box.addItem(unit.short_name or unit.name, unit.id)
        index = self.unit_box.findData(current)
        self.unit_box.setCurrentIndex(max(index, 0))
        self.unit_box.blockSignals(False)

    def _build_table(self) -> None:
        """The table view, fast at scale: fixed row height, no per-row resizing."""
        table = QTableView(self)
        table.setObjectName("activitiesTable")
        table.setModel(self.model)
        table.setSortingEnabled(False)
        table.horizontalHeader().setSortIndicatorShown(True)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.horizontalHeader().setSectionsClickable(True)
        table.horizontalHeader().sortIndicatorChanged.connect(self.model.sort)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(26)
        table.horizontalHeader().setStretchLastSection(True)
        for column, field in enumerate(self.model.fields):
            table.setColumnWidth(column, field.screen_width)
        header = table.horizontalHeader()
        attrs = [field.attr for field in self.model.fields]
        for visual, attr in enumerate(screen_order()):
            header.moveSection(header.visualIndex(attrs.index(attr)), visual)
        table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table = table
        self.empty_label = QLabel(self.tr("没有找到符合条件的活动。可以改变级别、单位或搜索文字，"
                                          "或按 Esc 清除搜索。"), table.viewport())
        self.empty_label.setObjectName("emptyResult")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setGeometry(20, 20, 420, 80)
        self.empty_label.hide()

    def _build_detail(self) -> None:
        """Editors for the long texts of the current activity."""
        self.detail = QWidget(self)
        outer = QVBoxLayout(self.detail)
        outer.setContentsMargins(6, 0, 0, 0)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.detail_edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        self._shown: dict[str, str] = {}
        self._shown_id: int | None = None
        self.detail_fields = sorted((f for f in self.model.fields if f.editable),
                                    key=lambda f: f.multiline)  # one-line editors first
        for detail in self.detail_fields:
            field = detail.attr
            editor: QLineEdit | QPlainTextEdit
            if not detail.multiline:
                editor = QLineEdit(self.detail)
                editor.editingFinished.connect(lambda f=field: self._commit_detail(f))
            else:
                editor = QPlainTextEdit(self.detail)
                editor.setTabChangesFocus(True)
                editor.setMaximumHeight(110)
                editor.installEventFilter(self)
            editor.setObjectName(f"detail_{field}")
            self.detail_edits[field] = editor
            form.addRow(QCoreApplication.translate(TR_CONTEXT, detail.header), editor)
        self.time_hint = QLabel(self.detail)
        self.time_hint.setWordWrap(True)
        # two lines kept whether or not there is a hint: the boxes below never move
        self.time_hint.setFixedHeight(self.time_hint.fontMetrics().lineSpacing() * 2 + 8)
        self.time_hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        form.insertRow(list(self.detail_edits).index("time_text") + 1, "", self.time_hint)
        self.detail_edits["time_text"].textEdited.connect(self._preview_time)
        self.pickers = PlacementPickers(self.ctx, self.detail, self.commit_pending)
        form.insertRow(0, QCoreApplication.translate(TR_CONTEXT, "级别"), self.pickers.level_box)
        form.insertRow(form.rowCount(), self.tr("单位"), self.pickers.unit_box)
        self.detail.setEnabled(False)

    def _build_actions(self) -> None:
        """Actions on activities, with shortcuts; the main window puts them in menus."""
        def action(text: str, slot: Callable[[], object], keys: hotkeys.Keys) -> QAction:
            act = make_action(self, self.ctx.dialogs, text, slot, keys)
            self.addAction(act)
            return act
        self.add_action = action(self.tr("新增活动"), self.add_activity, hotkeys.ADD_ACTIVITY)
        self.add_row_action = action(self.tr("在本组新增一行"), self.add_row_to_group,
                                     hotkeys.ADD_ROW_TO_GROUP)
        self.duplicate_action = action(self.tr("复制活动"), self.duplicate_selected,
                                       hotkeys.DUPLICATE)
        self.delete_action = action(self.tr("删除活动"), self.delete_selected, hotkeys.DELETE)
        self.move_up_action = action(self.tr("组内上移"), lambda: self.move_selected(-1),
                                     hotkeys.MOVE_UP)
        self.move_down_action = action(self.tr("组内下移"), lambda: self.move_selected(1),
                                       hotkeys.MOVE_DOWN)
        self.confirm_action = action(self.tr("确认沿用上年活动"), self.confirm_selected,
                                     hotkeys.CONFIRM_CARRIED)
        self.confirm_action.setStatusTip(self.tr("把选中的上年活动确认为本年度的，不再标记“上年”"))
        self.find_action = action(self.tr("搜索"), self.focus_search, hotkeys.FIND)
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- selection and detail ------------------------------------------------------

    def current_activity(self) -> Activity | None:
        """The activity of the current row."""
        index = self.table.currentIndex()
        return self.model.activity_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows (or the current row)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.activity_at(r).id for r in rows]

    def select_activity(self, activity_id: int) -> bool:
        """Make an activity current; clear filters that hide it."""
        row = self.model.row_of(activity_id)
        if row < 0:
            self.clear_filters()
            row = self.model.row_of(activity_id)
        if row < 0:
            return False
        index = self.model.index(row, 2)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def clear_filters(self) -> None:
        """Show every activity."""
        self.level_box.setCurrentIndex(0)
        self.unit_box.setCurrentIndex(0)
        self.search.clear()
        self.filter_day(None)

    def filter_day(self, day: date | None) -> None:
        """Show only the activities on one day (None: all days)."""
        self.model.set_filter(day=day)
        shown = chinese_date(day, with_year=False, translated=True)
        self.day_label.setText(self.tr("日期：{0}").format(shown) if day else "")
        self.clear_day.setVisible(day is not None)

    def go_to_results(self) -> None:
        """From the search box into the table: the first match current (if none is)."""
        if self.model.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 2))
        self.table.selectRow(self.table.currentIndex().row())
        self.table.setFocus()

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search.setFocus()
        self.search.selectAll()

    def _remember_selection(self) -> None:
        """Note the current and selected activities before the rows change."""
        current = self.table.currentIndex()
        current_id = self.model.activity_at(current.row()).id if current.isValid() else None
        selected = [self.model.activity_at(i.row()).id
                    for i in self.table.selectionModel().selectedRows()]
        self._kept = (current_id, max(current.column(), 0), selected)

    def _restore_selection(self) -> None:
        """Make the remembered activities current and selected again where still shown."""
        current_id, column, selected = self._kept
        self._kept = (None, 0, [])
        rows = self.model.rows_of([*selected, current_id] if current_id is not None else selected)
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for first, final in runs(sorted(rows[i] for i in selected if i in rows)):
            selection.select(self.model.index(first, 0), self.model.index(final, last))
        model = self.table.selectionModel()
        if current_id in rows:
            index = self.model.index(rows[current_id], column)
            across = self.table.horizontalScrollBar().value()
            model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            if self.table.isVisible():  # down to the row, but no sideways jump
                self.table.scrollTo(index)
                self.table.horizontalScrollBar().setValue(across)
        if not selection.isEmpty():
            model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _after_reset(self) -> None:
        """Keep the selection, the detail panel and the count in step after the rows changed."""
        self._restore_selection()
        self._update_count()
        self._show_detail(self.current_activity())

    def _update_count(self, *_changed: object) -> None:
        """The "shown / total" label, and how many rows are still last year's."""
        text = self.tr("{0} / {1} 条").format(self.model.rowCount(), len(self.doc.activities))
        carried = sum(1 for a in self.doc.activities if a.carried)
        if carried:
            text += self.tr("（{0} 条沿用上年，待修改或确认）").format(carried)
        self.count_label.setText(text)
        self.empty_label.setVisible(self.model.rowCount() == 0 and bool(self.doc.activities))

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Show the current activity in the detail panel."""
        activity = self.model.activity_at(current.row()) if current.isValid() else None
        self._show_detail(activity)

    def _show_detail(self, activity: Activity | None) -> None:
        """Fill the detail editors from an activity, remembering what was shown."""
        self.detail.setEnabled(activity is not None)
        self._shown_id = activity.id if activity else None
        for field, editor in self.detail_edits.items():
            value = getattr(activity, field) if activity else ""
            self._shown[field] = value
            editor.blockSignals(True)
            if isinstance(editor, QLineEdit):
                editor.setText(value)
            elif editor.toPlainText() != value:
                editor.setPlainText(value)
            editor.blockSignals(False)
        for detail in self.detail_fields:  # 宣传内容 only in the 市级 table
            editor = self.detail_edits[detail.attr]
            in_table = activity is None or not detail.levels or activity.level in detail.levels
            editor.setEnabled(activity is not None and in_table)
            why = "" if in_table else self.tr(
                "{0}活动安排表没有“{1}”这一列；改为{2}后可以填写。").format(
                level_label(activity.level), QCoreApplication.translate(TR_CONTEXT, detail.header),
                "、".join(level_label(level) for level in detail.levels))
            editor.setToolTip(why)
            editor.setPlaceholderText(why)
        self.detail.setToolTip("" if activity else self.tr("在左侧表格中选中一项活动，"
                                                           "就可以在这里修改它。"))
        self._preview_time(activity.time_text if activity else "")
        self.pickers.show(activity)

    def _preview_time(self, text: str) -> None:
        """Re-read the time as it is typed and say what was understood."""
        from models.dates.periods import parse_periods
        self.time_hint.setToolTip("")
        if not text.strip():
            self.time_hint.setText("")
            return
        spans = parse_periods(text, self.doc.campaign.year, self.doc.campaign.window)
        if spans:
            self.time_hint.setStyleSheet("color: #2e7d32")
            self.time_hint.setText(self.tr("识别为：{0}").format(describe_spans(spans)))
            self.time_hint.setToolTip(self.time_hint.text())
        else:
            self.time_hint.setStyleSheet("color: #c62828")
            self.time_hint.setText(self.tr("无法识别：{0}（按原文保存）").format(why_unparsed(text)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Commit a long-text editor when it loses focus."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            pressed = event.key()  # type: ignore[attr-defined]
            if pressed == Qt.Key.Key_Down:
                self.go_to_results()
                return True
            if pressed == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        if event.type() == QEvent.Type.FocusOut:
            for field, editor in self.detail_edits.items():
                if editor is watched:
                    self._commit_detail(field)
        return super().eventFilter(watched, event)

    def commit_pending(self) -> None:
        """Save whatever is typed in the detail panel (before quitting or exporting)."""
        for field in self.detail_edits:
            self._commit_detail(field)

    def _commit_detail(self, field: str) -> None:
        """Push an edit for a detail field the user changed since it was shown."""
        if self._shown_id is None:
            return
        editor = self.detail_edits[field]
        value = editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()
        if value != self._shown[field]:
            self._shown[field] = value
            if value != getattr(self.doc.activity(self._shown_id), field):
                self._push_edit(self._shown_id, field, value)

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        """Show an edit made elsewhere (in the table, by undo) to the current activity."""
        current = self.table.currentIndex()
        if current.isValid() and top_left.row() <= current.row() <= bottom_right.row():
            self._show_detail(self.current_activity())

    # -- edits (all through the campaign editor) ----------------------------------------

    def _push_edit(self, activity_id: int, field: str, value: object) -> None:
        """One field edit as an undoable command (a refusal said in a message)."""
        guarded(self.ctx.dialogs, self.tr("保存失败"),
                lambda: self.ctx.editor.edit_field(activity_id, field, value))

    def add_activity(self) -> None:
        """A new group at the end of the current level's table."""
        self.commit_pending()
        current = self.current_activity()
        level = Level(self.level_box.currentData() or (current.level if current
                                                         else Level.DISTRICT))
        self._select(self.ctx.editor.add_activity(level, self.unit_box.currentData()),
                     name_focus=True)

    def add_row_to_group(self) -> None:
        """A new row at the end of the current activity's group."""
        self.commit_pending()
        current = self.current_activity()
        if current is None:
            self.add_activity()
            return
        self._select(self.ctx.editor.add_row_to_group(current.id), name_focus=True)

    def duplicate_selected(self) -> None:
        """Copies of the selected activities, each as a new group."""
        self.commit_pending()
        self._select(next(iter(self.ctx.editor.duplicate(self.selected_ids())), None))

    def _select(self, activity: Activity | None, name_focus: bool = False) -> None:
        """Make a new activity current (nothing when it was not stored); with `name_focus`,
        the cursor goes to its name, selected, so typing names it."""
        if activity is None:
            return
        self.select_activity(activity.id)
        if name_focus:
            name = self.detail_edits["name"]
            assert isinstance(name, QLineEdit)
            name.setFocus()
            name.selectAll()

    def delete_selected(self) -> None:
        """Delete the selected activities after asking."""
        self.commit_pending()
        ids = self.selected_ids()
        if not ids:
            return
        names = "、".join(self.doc.activity(i).name for i in ids[:3])
        more = self.tr("等 {0} 条").format(len(ids)) if len(ids) > 3 else ""
        if self.ctx.dialogs.confirm(self.tr("删除活动"),
                                    self.tr("删除“{0}”{1}？可以撤销。").format(names, more)):
            first = min(self.model.row_of(i) for i in ids)
            self.ctx.editor.delete(ids)
            self._select_row(min(first, self.model.rowCount() - 1))

    def _select_row(self, row: int) -> None:
        """Make a row current and selected, the table focused (after a delete: the next)."""
        if row < 0:
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 2), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.setFocus()

    def confirm_selected(self) -> int:
        """Confirm the selected carried-over activities as this year's (one step)."""
        self.commit_pending()
        return self.ctx.editor.confirm_carried(self.selected_ids())

    def move_selected(self, step: int) -> None:
        """Swap the current activity with its neighbour inside its group."""
        self.commit_pending()
        current = self.current_activity()
        if current is not None and self.ctx.editor.move(current.id, step):
            self.select_activity(current.id)
