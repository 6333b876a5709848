"""The submission checklist: who owes what, by when, and a one-click 催报 text."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.dates.deadlines import item_kinds, missing, reminder_text, summary_lines
from models.entities import Submission, SubmissionStatus
from models.received.summary_files import SummaryVersion
from ui import hotkeys
from ui.actions import guarded, make_action
from ui.checklist_model import COLUMN, STATUS_NAMES, ChecklistModel, status_text
from ui.context import AppContext
from ui.flat_table_model import Index
from ui.planning_bar import PlanningBar, date_picker
from ui.received_files import (
    VersionsDialog,
    clean_files,
    open_version,
    receive_chosen,
    save_version_as,
)

ITEM_PRESETS = ("宣传报道", "组织收看情况")
"""Items a campaign may ask for besides the plan and the summary it always names."""


@dataclass(frozen=True, slots=True)
class NewItem:
    """What the coordinator asked to add: an item every addressee owes, by when."""

    item: str
    due: date | None


class StatusDelegate(QStyledItemDelegate):
    """Edits a status cell with a combo box of the four statuses."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        for status in SubmissionStatus:
            combo.addItem(status_text(status), str(status))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DateDelegate(QStyledItemDelegate):
    """Edits a received date in a yyyy年M月d日 picker that stops at the real today."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        picker = date_picker(parent)
        picker.setMaximumDate(QDate(date.today()))
        return picker

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QDateEdit)
        editor.setDate(index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QDateEdit)
        model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)


class AddItemDialog(QDialog):
    """Asks for a new item (宣传报道 …) every addressee owes, and its due date."""

    def __init__(self, due: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加报送事项"))
        self.item_box = QComboBox(self)
        self.item_box.setEditable(True)
        self.item_box.addItems(list(ITEM_PRESETS))  # item names are data, kept in Chinese
        self.item_box.setCurrentText(ITEM_PRESETS[0])
        self.due_edit = date_picker(self, due)
        note = QLabel(self.tr("每个报送单位都要报送这一项（不报的可在清单中设为“无需报送”）。"), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("报送事项"), self.item_box)
        form.addRow(self.tr("截止日期"), self.due_edit)
        form.addRow(note)
        form.addRow(buttons)

    def request(self) -> NewItem | None:
        """The filled-in request, or None without an item name."""
        item = self.item_box.currentText().strip()
        if not item:
            return None
        return NewItem(item, self.due_edit.date().toPython())

    @classmethod
    def ask(cls, parent: QWidget | None, due: date) -> NewItem | None:
        """Show the dialog; tests replace this classmethod."""
        dialog = cls(due, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.request() if accepted else None


class ChecklistView(QWidget):
    """Table of submissions with deadlines, a planning-date override and the checklist actions."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ChecklistModel(
            ctx.document, ctx.today, ctx.editor, self,
            lambda message: ctx.dialogs.error(self.tr("保存失败"), message))
        self._make_actions()
        self._make_widgets()
        self._restore_selection: list[int] = []
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._after_reset)
        self.model.dataChanged.connect(lambda *_: (self._update_summary(), self._update_actions()))
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._after_reset()

    # -- building ----------------------------------------------------------

    def _make_actions(self) -> None:
        """The three actions, with shortcuts, for buttons here and the main window's menus."""
        self.mark_received_action = self._action(
            self.tr("标记为已报送"), hotkeys.MARK_RECEIVED,
            self.tr("把选中的事项标记为在所选收到日期已报送（晚于截止日则为逾期报送）"),
            lambda: self.mark_selected_received())
        self.copy_reminder_action = self._action(
            self.tr("复制催报文本"), hotkeys.COPY_REMINDER,
            self.tr("把点名尚未报送单位的催报文本复制到剪贴板"), self.copy_reminder)
        self.add_item_action = self._action(
            self.tr("添加报送事项…"), hotkeys.ADD_ITEM,
            self.tr("为一个单位或全部报送单位添加一项报送事项"), self.ask_add_item)
        self.receive_file_action = self._action(
            self.tr("接收文件…"), (), self.tr("为选中的事项接收单位发来的文件（活动总结等），"
                                           "并标记为已报送；也可以把文件拖到这一行上"),
            self.receive_file)
        self.open_file_action = self._action(
            self.tr("打开文件"), (), self.tr("用系统中的程序（Word、WPS 等）打开选中事项收到的文件"),
            self.open_file)
        self.versions_action = self._action(
            self.tr("文件版本…"), (), self.tr("选中事项收到的各个版本：打开，或以原文件名另存"),
            self.show_versions)
        self.save_file_action = self._action(
            self.tr("另存文件…"), (), self.tr("把选中事项收到的最新文件以原文件名另存到别处"),
            self.save_file)
        self.clean_action = self._action(
            self.tr("清理文件…"), (), self.tr("删除不再被任何报送事项、备份或撤销历史引用的存档文件"),
            lambda: clean_files(self.ctx))

    def row_actions(self) -> list[QAction]:
        """Every action on the selected rows: the buttons' (first six) and the row menu's."""
        return [self.mark_received_action, self.copy_reminder_action, self.add_item_action,
                self.receive_file_action, self.open_file_action, self.versions_action,
                self.save_file_action]

    def row_menu(self, index: Index) -> QMenu:
        """The right-click menu of a row: every row action, and editing the cell clicked."""
        menu = QMenu(self)
        menu.addActions(self.row_actions()[:1])
        edit = menu.addAction(self.tr("修改此格"), lambda: self.table.edit(index))
        edit.setEnabled(index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable))
        menu.addSeparator()
        menu.addActions(self.row_actions()[3:])
        menu.addSeparator()
        menu.addActions(self.row_actions()[1:3])
        return menu

    def _show_row_menu(self, point: QPoint) -> None:
        """Select the row clicked (unless it is selected already) and show its menu."""
        index = self.table.indexAt(point)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        self.row_menu(index).exec(self.table.viewport().mapToGlobal(point))

    def set_drop_row(self, sub: Submission | None) -> None:
        """Highlight the row a dragged file would go to (None: no row)."""
        self.model.set_drop_target(sub.id if sub else None)

    def _action(self, text: str, keys: hotkeys.Keys, tip: str, slot: Any) -> QAction:
        """An action of this view, its shortcuts active while the view has focus."""
        action = make_action(self, self.ctx.dialogs, text, slot, keys, tip,
                             Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _make_widgets(self) -> None:
        """Counts per item and the planning date on top, the actions, then the table."""
        self.summary_label = QLabel(self)
        font = self.summary_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.summary_label.setFont(font)
        self.planning = PlanningBar(self.ctx, self)
        self.planning.changed.connect(self._planning_changed)
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("itemFilter")
        self.kind_box.currentIndexChanged.connect(
            lambda: self.model.set_item_filter(self.kind_box.currentData()))
        self.received_edit = date_picker(self)
        self.received_edit.setObjectName("receivedDate")
        self.received_edit.setToolTip(self.tr("“标记为已报送”“接收文件”和拖入的文件记下的收到日期"))

        top = QHBoxLayout()
        top.addWidget(self.summary_label)
        top.addWidget(self.planning, 1)
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("statusFilter")
        for key, text in ((None, self.tr("全部")), ("missing", self.tr("未报送")),
                          ("overdue", self.tr("逾期")), ("received", self.tr("已报送"))):
            self.status_box.addItem(text, key)
        self.status_box.setToolTip(self.tr("只看未报送、逾期未报或已报送的事项"))
        self.status_box.currentIndexChanged.connect(
            lambda: self.model.set_status_filter(self.status_box.currentData()))
        self.edit_hint = QLabel(self.tr("双击“状态”“收到日期”“备注”（标有 ✎ 的列）可修改；"
                                        "右键单击一行可看全部操作；单击列标题排序。"), self)
        self.edit_hint.setObjectName("editHint")
        self.edit_hint.setWordWrap(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("事项："), self))
        filters.addWidget(self.kind_box)
        filters.addWidget(QLabel(self.tr("显示："), self))
        filters.addWidget(self.status_box)
        filters.addSpacing(12)
        filters.addWidget(self.edit_hint, 1)
        buttons = QHBoxLayout()
        for action in self.row_actions()[:6]:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
            if action is self.mark_received_action:
                buttons.addWidget(QLabel(self.tr("收到日期："), self))
                buttons.addWidget(self.received_edit)
                buttons.addSpacing(12)
        buttons.addStretch(1)

        self.table = self._make_table()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._fill_kinds()
        self._planning_changed()

    def _make_table(self) -> QTableView:
        """The submissions table with a status combo and sensible column widths."""
        table = QTableView(self)
        table.setModel(self.model)
        table.setItemDelegateForColumn(COLUMN["status"], StatusDelegate(table))
        table.setItemDelegateForColumn(COLUMN["received"], DateDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.SelectedClicked)
        table.setAlternatingRowColors(False)
        table.setWordWrap(False)
        table.doubleClicked.connect(self._double_clicked)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._show_row_menu)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the official order first
        header.sortIndicatorChanged.connect(self.model.sort)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = table.fontMetrics()
        widths = {"unit": "上海市质量监督检验技术研究院", "item": "组织收看情况",
                  "due": "12月30日 周一", "status": "逾期报送▾", "received": "12月30日 周一",
                  "left": "逾期 30 天", "file": "黄浦区活动总结（第 2 版）.docx"}
        for key, sample in widths.items():
            header_text = str(self.model.headerData(COLUMN[key], Qt.Orientation.Horizontal))
            samples = [sample, header_text]
            if key == "status":
                samples += [QCoreApplication.translate("ChecklistModel", name)
                            for name in STATUS_NAMES.values()]
            if key == "left":
                samples.append(QCoreApplication.translate("ChecklistModel", "逾期 {0} 天")
                               .format(30))
            widest = max(metrics.horizontalAdvance(text) for text in samples)
            table.setColumnWidth(COLUMN[key], widest + 28)
        # the editable 备注 before the long file names, so a small screen shows it too
        header.moveSection(header.visualIndex(COLUMN["note"]), header.visualIndex(COLUMN["file"]))
        return table

    # -- planning date -------------------------------------------------------

    def set_planning_date(self, day: date | None) -> None:
        """Count from a planning date (None: the default one)."""
        self.planning.choose(day)

    def _planning_changed(self) -> None:
        """Recount, and offer the planning date (never after today) as the received date."""
        self.model.refresh_today()
        self._update_summary()
        self.received_edit.setMaximumDate(QDate(date.today()))
        self.received_edit.setDate(QDate(min(self.ctx.today(), date.today())))

    # -- actions --------------------------------------------------------------

    def selected_submissions(self) -> list[Submission]:
        """Submissions of the selected rows, in table order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.submission_at(r) for r in rows]

    def select_submissions(self, ids: Sequence[int]) -> None:
        """Select the rows of some submissions."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = (selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        for submission_id in ids:
            row = self.model.row_of(submission_id)
            if row >= 0:
                selection.select(self.model.index(row, 0), flags)

    def received_date(self) -> date:
        """The received date the mark action records (the planning date unless changed)."""
        return self.received_edit.date().toPython()

    def mark_selected_received(self, day: date | None = None) -> int:
        """Mark the selected, still missing items received on the chosen date (or `day`),
        as one undo step; how many were marked."""
        return self.ctx.editor.mark_received([s.id for s in self.selected_submissions()],
                                             day or self.received_date())

    def copy_reminder(self) -> str:
        """Put the 催报 text on the clipboard, tell the user, and return it."""
        doc = self.ctx.document
        text = reminder_text(doc.campaign, doc.submissions(), doc.units, self.ctx.today())
        if not text:
            self.ctx.dialogs.info(self.tr("复制催报文本"), self.tr("全部已报送，无需催报。"))
            return ""
        QGuiApplication.clipboard().setText(text)
        count = len({s.unit_id for s in missing(doc.submissions())})
        self.ctx.dialogs.info(self.tr("复制催报文本"),
                              self.tr("催报文本已复制到剪贴板（点名 {0} 家单位），"
                                      "可直接粘贴到邮件或消息中。").format(count))
        return text

    def _current(self) -> Submission | None:
        """The one selected item, for the file actions."""
        selected = self.selected_submissions()
        return selected[0] if len(selected) == 1 else None

    def receive_file(self) -> str:
        """Ask for a file and receive it for the selected item."""
        sub = self._current()
        if sub is None:
            self.ctx.dialogs.info(self.tr("接收文件"), self.tr("请先选中一个单位的报送事项。"))
            return ""
        return receive_chosen(self.ctx, sub, self, self.received_date())

    def _latest(self) -> SummaryVersion | None:
        """The newest file of the selected item, or None (said to the user)."""
        sub = self._current()
        versions = self.model.versions(sub) if sub else []
        if not versions:
            self.ctx.dialogs.info(self.tr("文件"), self.tr("选中的事项还没有收到文件。"))
            return None
        return versions[-1]

    def open_file(self) -> None:
        """Open the selected item's newest file with the system's program."""
        version = self._latest()
        if version is not None:
            open_version(self.ctx, version)

    def save_file(self) -> None:
        """Save the selected item's newest file under its original name."""
        version = self._latest()
        if version is not None and save_version_as(self.ctx, version) is not None:
            self.ctx.dialogs.info(self.tr("另存文件"), self.tr("已另存“{0}”。").format(version.name))

    def show_versions(self) -> VersionsDialog | None:
        """The selected item's files, to open or save; the dialog (tests drive it)."""
        sub = self._current()
        if sub is None or not self.model.versions(sub):
            self._latest()
            return None
        dialog = VersionsDialog(self.ctx, sub, self)
        dialog.open()
        return dialog

    def _double_clicked(self, index: Index) -> None:
        """A double click on a file name opens the file."""
        if index.column() == COLUMN["file"]:
            guarded(self.ctx.dialogs, self.tr("打开文件"), self.open_file)

    def row_at(self, point: QPoint) -> Submission | None:
        """The item of the row under a point of the table's viewport."""
        row = self.table.rowAt(point.y())
        return self.model.submission_at(row) if row >= 0 else None

    def ask_add_item(self) -> None:
        """Ask for a new item every addressee owes, and add it."""
        campaign = self.ctx.document.campaign
        request = AddItemDialog.ask(self, campaign.summary_due or self.ctx.today())
        if request is not None:
            self.add_item(request)

    def add_item(self, request: NewItem) -> int:
        """Add an item for every addressee (skipping ones that owe it already); how many."""
        added = self.ctx.editor.add_item(request.item, request.due)
        if not added:
            self.ctx.dialogs.info(self.tr("添加报送事项"), self.tr(
                "报送单位都已有“{0}”这一项，未添加。").format(request.item))
        return added

    # -- keeping up -------------------------------------------------------------

    def _remember_selection(self) -> None:
        """Note the selected submissions before the model resets."""
        self._restore_selection = [s.id for s in self.selected_submissions() if s.id]

    def _fill_kinds(self) -> None:
        """The item filter's choices: all items, then each item owed (names are data)."""
        current = self.kind_box.currentData()
        self.kind_box.blockSignals(True)
        self.kind_box.clear()
        self.kind_box.addItem(self.tr("全部事项"), None)
        for item in item_kinds(self.ctx.document.submissions()):
            self.kind_box.addItem(item, item)
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(current), 0))
        self.kind_box.blockSignals(False)
        self.model.set_item_filter(self.kind_box.currentData())

    def show_item(self, item: str | None) -> None:
        """Show only one item's rows (None: every item)."""
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(item), 0))

    def _after_reset(self) -> None:
        """Restore the selection and refresh the item filter, summary and actions."""
        shown = [self.kind_box.itemData(i) for i in range(1, self.kind_box.count())]
        if shown != item_kinds(self.ctx.document.submissions()):
            self._fill_kinds()
        if self._restore_selection:
            self.select_submissions(self._restore_selection)
        self._update_summary()
        self._update_actions()

    def _update_summary(self) -> None:
        """The '已报送 x / y' line."""
        self.summary_label.setText("\n".join(summary_lines(self.ctx.document.submissions(),
                                                            self.ctx.today())))

    def _update_actions(self) -> None:
        """Mark-received only when a selected item is still missing; file actions for one
        item (those that need a file only when it has one)."""
        selected = self.selected_submissions()
        self.mark_received_action.setEnabled(bool(missing(selected)))
        one = selected[0] if len(selected) == 1 else None
        has_file = bool(one and self.model.versions(one))
        self.receive_file_action.setEnabled(one is not None)
        for action in (self.open_file_action, self.versions_action, self.save_file_action):
            action.setEnabled(has_file)
