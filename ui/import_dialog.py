"""Importing a returned workbook in the window: check, preview, apply as one undoable step."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from importers.figures_sheet import FigureBook
from importers.import_plan import ImportChoices, ImportPlan
from importers.plan_rows import RowChange, RowDiff, row_diffs
from importers.reply_headers import IGNORED
from importers.returned import apply_checked, changes_nothing, check_returned
from models import fields
from models.entities import Level
from models.errors import StoreError
from models.fields import level_label
from models.i18n import _tr
from models.layout import cell_text, columns_of
from ui.context import AppContext
from ui.window_place import fit


class ImportPreview(QDialog):
    """The findings, then the unit's rows as they would be — each marked 新增 / 修改 / 删除 /
    不变, numbered 4 / 4-2 — and the columns the attachment has no place for, each with a
    choice (备注, 不导入 or a field) remembered per title; 导入 only when there is no error."""

    RECHECK = 2
    """The dialog's result when the user changed a column's choice: check the file again."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: ColumnChoice | None = None
        self.setWindowTitle(self.tr("导入预览：{0}").format(plan.path.name))
        report = QPlainTextEdit(plan.as_text(), self)
        report.setReadOnly(True)
        report.setMaximumHeight(200)
        self.diffs = row_diffs(plan.activities, plan.replaced)
        self.rows_table = _diff_table(self.diffs, plan.level, self)
        buttons = QDialogButtonBox(self)
        if plan.ok:
            buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel if plan.ok
                          else QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("检查结果：") if plan.ok else
                                self.tr("文件有错误，不能导入；数据库未作任何改动。"), self))
        layout.addWidget(report, 1)
        counts = {c: sum(1 for d in self.diffs if d.change == c) for c in RowChange}
        self.rows_label = QLabel(self.tr(
            "{0}表中该单位的活动：新增 {1}，修改 {2}，删除 {3}，不变 {4}（替换原有 {5} 条）").format(
            level_label(plan.level), counts[RowChange.ADDED], counts[RowChange.CHANGED],
            counts[RowChange.REMOVED], counts[RowChange.SAME], len(plan.replaced)), self)
        layout.addWidget(self.rows_label)
        layout.addWidget(self.rows_table, 1)
        self.skipped_list = QPlainTextEdit("\n".join(r.as_text() for r in plan.skipped), self)
        self.skipped_list.setReadOnly(True)
        lines = min(max(len(plan.skipped), 1), 3)  # as high as its lines (it scrolls past 3)
        self.skipped_list.setMaximumHeight(
            lines * self.skipped_list.fontMetrics().lineSpacing()
            + 2 * (self.skipped_list.frameWidth() + 10))
        if plan.skipped:
            layout.addWidget(QLabel(self.tr("跳过的行（不是活动，不导入）：{0} 行").format(
                len(plan.skipped)), self))
            layout.addWidget(self.skipped_list)
        else:
            self.skipped_list.hide()
        self.column_boxes: dict[str, QComboBox] = {}
        if plan.columns:
            layout.addWidget(QLabel(self.tr("不导入附件的列（选择其内容的去处，按列名记住）："), self))
            layout.addLayout(self._column_choices(plan.columns))
        layout.addWidget(buttons)
        fit(self, 1100, 760)

    def _column_choices(self, columns: dict[str, str | None]) -> QFormLayout:
        """One box per column title: 保存为备注, 不导入, or a field of the attachment."""
        form = QFormLayout()
        for title, chosen in columns.items():
            box = QComboBox(self)
            box.addItem(self.tr("保存为备注（不印入附件）"), None)
            box.addItem(self.tr("不导入"), IGNORED)
            for attr, header in _field_choices():
                box.addItem(QCoreApplication.translate("ActivitiesTableModel", header), attr)
            box.setCurrentIndex(max(box.findData(chosen), 0))
            box.currentIndexChanged.connect(
                lambda _index, t=title, b=box: self._chosen(t, b.currentData()))
            form.addRow(title, box)
            self.column_boxes[title] = box
        return form

    def _chosen(self, title: str, attr: str | None) -> None:
        """Close with the choice, for the file to be checked again with it."""
        self.choice = ColumnChoice(title, attr)
        self.done(self.RECHECK)


def _field_choices() -> list[tuple[str, str]]:
    """The fields a column may be read as: (attribute, header)."""
    return [(f.attr, f.header) for f in fields.FIELDS if f.weights]


def _diff_table(diffs: Sequence[RowDiff], level: Level, parent: QWidget) -> QTableWidget:
    """The rows as they would be, read-only: 序号 (4, 4-2), the change, the table's columns
    and 备注; a changed cell shows the old text in its tooltip."""
    columns = [c for c in columns_of(level) if c.field != "group_no"]
    headers = [_tr("序号"), _tr("变化"),
               *[QCoreApplication.translate("ActivitiesTableModel", c.header) for c in columns],
               QCoreApplication.translate("ActivitiesTableModel", "备注")]
    table = QTableWidget(len(diffs), len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    for row, diff in enumerate(diffs):
        shown = diff.new or diff.old
        assert shown is not None
        changed = {attr: old for attr, old, _new in diff.fields}
        table.setItem(row, 0, QTableWidgetItem(diff.number))
        table.setItem(row, 1, QTableWidgetItem(diff.change.label()))
        for col, column in enumerate(columns, 2):
            item = QTableWidgetItem(cell_text(shown, column))
            if column.field in changed:
                item.setToolTip(_tr("原为：{0}").format(changed[column.field]))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(row, col, item)
        table.setItem(row, len(headers) - 1, QTableWidgetItem(shown.remarks))
    table.verticalHeader().hide()  # the 序号 column numbers the rows
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


@dataclass(frozen=True, slots=True)
class ColumnChoice:
    """What the user chose in the preview for a column title (see ImportPlan.columns)."""

    title: str
    attr: str | None


Review = Callable[[ImportPlan, QWidget | None], "bool | ColumnChoice"]
"""Show a plan; True to import, False not to, a ColumnChoice to remember it and check the
file again."""


def review_with_dialog(plan: ImportPlan, parent: QWidget | None) -> bool | ColumnChoice:
    """Show the preview; True when the user chose 导入, the choice when one column's changed."""
    dialog = ImportPreview(plan, parent)
    result = dialog.exec()
    if result == ImportPreview.RECHECK and dialog.choice is not None:
        return dialog.choice
    return result == QDialog.DialogCode.Accepted


def remembered_choices(ctx: AppContext) -> ImportChoices:
    """The column choices the user made before, for checking a reply."""
    saved = ctx.editor.column_choices()
    return ImportChoices(mapped={t: a for t, a in saved.items() if a},
                         ignored=tuple(t for t, a in saved.items() if not a))


def reviewed(ctx: AppContext, plan: ImportPlan, check: Callable[[ImportChoices], ImportPlan],
             parent: QWidget | None, review: Review) -> tuple[ImportPlan, bool]:
    """Show the plan until the user decides, checking the file again with the remembered
    choices each time a column's choice changes; the plan and whether to import it."""
    level: Level | None = None
    while True:
        if plan.ask_level and level is None:
            level = _ask_level(ctx, plan)
            if level is None:
                return plan, False
        else:
            verdict = review(plan, parent)
            if not isinstance(verdict, ColumnChoice):
                return plan, bool(verdict)
            ctx.editor.remember_column_choice(verdict.title, verdict.attr)
        plan = check(replace(remembered_choices(ctx), level=level))


def _ask_level(ctx: AppContext, plan: ImportPlan) -> Level | None:
    """Which table to replace the unit's rows in, when it has rows in both; None: cancelled."""
    name = plan.unit.name if plan.unit else plan.path.name
    levels = (Level.MUNICIPAL, Level.DISTRICT)
    picked = ctx.dialogs.choose(_tr("导入"), _tr(
        "“{0}”在市级表和区级表中都有活动。这份文件的活动替换哪一张表中的？").format(name),
        [_tr("替换{0}表中的").format(level_label(level)) for level in levels])
    return None if picked is None else levels[picked]


def import_filter() -> str:
    """The file dialog's filter for what units send back."""
    return _tr("活动安排表 (*.xlsx *.xls *.et *.ods *.docx *.doc *.wps *.odt);;所有文件 (*)")


def run_import(ctx: AppContext, path: Path, parent: QWidget | None = None,
               review: Review = review_with_dialog) -> ImportPlan:
    """Check a returned file (template, own spreadsheet or Word table), let the user review
    it, and apply it as one undoable step; the same reply again changes nothing."""
    data = ctx.document.data

    def check(choices: ImportChoices) -> ImportPlan:
        return check_returned(data, path, choices=choices, today=ctx.today(),
                              book=FigureBook.of(ctx.editor))
    plan = check(remembered_choices(ctx))
    if plan.ok and changes_nothing(plan, data):
        ctx.dialogs.info(_tr("导入"), _tr("“{0}”与已导入的内容相同，未作任何改动。").format(
            path.name))
        return plan
    plan, accepted = reviewed(ctx, plan, check, parent, review)
    if not accepted or not plan.ok or plan.unit is None:
        return plan
    try:
        apply_checked(ctx.editor, plan, ctx.today())
    except StoreError as exc:  # the database refused: nothing changed
        ctx.dialogs.error(_tr("导入失败"), str(exc))
        return plan
    ctx.dialogs.info(_tr("导入完成"), plan.outcome)
    return plan
