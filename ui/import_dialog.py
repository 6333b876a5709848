"""Importing a returned workbook in the window: check, preview, apply as one undoable step."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from importers.import_plan import ImportPlan, apply_plan
from importers.returned import changes_nothing, check_returned
from models.entities import Activity, Level
from models.errors import StoreError
from models.i18n import _tr
from models.layout import cell_text, columns_of
from ui.context import AppContext


class ImportPreview(QDialog):
    """The findings, the rows a workbook brings in and the rows it replaces (linked to the
    unit, or naming it without a link); 导入 only when there is no error."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入预览：{0}").format(plan.path.name))
        report = QPlainTextEdit(plan.as_text(), self)
        report.setReadOnly(True)
        report.setMaximumHeight(180)
        self.new_table = _rows_table(plan.activities, self)
        self.replaced_table = _rows_table(plan.replaced, self)
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
        layout.addWidget(report)
        layout.addWidget(QLabel(self.tr("将导入（{0} 条）").format(len(plan.activities)), self))
        layout.addWidget(self.new_table, 2)
        self.replaced_label = QLabel(self.tr("将被替换（{0} 条）").format(len(plan.replaced)), self)
        layout.addWidget(self.replaced_label)
        layout.addWidget(self.replaced_table, 1)
        layout.addWidget(buttons)
        self.resize(1000, 720)


def _rows_table(rows: Sequence[Activity], parent: QWidget) -> QTableWidget:
    """District rows as a read-only table with the attachment's columns."""
    columns = columns_of(Level.DISTRICT)
    table = QTableWidget(len(rows), len(columns), parent)
    table.setHorizontalHeaderLabels(
        [QCoreApplication.translate("ActivitiesTableModel", c.header) for c in columns])
    for row, activity in enumerate(rows):
        for col, column in enumerate(columns):
            table.setItem(row, col, QTableWidgetItem(cell_text(activity, column)))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def review_with_dialog(plan: ImportPlan, parent: QWidget | None) -> bool:
    """Show the preview; True when the user chose 导入."""
    return ImportPreview(plan, parent).exec() == QDialog.DialogCode.Accepted


def import_filter() -> str:
    """The file dialog's filter for what units send back."""
    return _tr("活动安排表 (*.xlsx *.docx *.doc *.wps);;所有文件 (*)")


def run_import(ctx: AppContext, path: Path, parent: QWidget | None = None,
               review: Callable[[ImportPlan, QWidget | None], bool] = review_with_dialog
               ) -> ImportPlan:
    """Check a returned file (template, own spreadsheet or Word table), let the user review
    it, and apply it as one undoable step; the same reply again changes nothing."""
    plan = check_returned(ctx.document.data, path)
    if plan.ok and changes_nothing(plan, ctx.document.data):
        ctx.dialogs.info(_tr("导入"), _tr("“{0}”与已导入的内容相同，未作任何改动。").format(
            path.name))
        return plan
    if not review(plan, parent) or not plan.ok or plan.unit is None:
        return plan
    try:
        apply_plan(ctx.editor, plan, ctx.today())
    except StoreError as exc:  # the database refused: nothing changed
        ctx.dialogs.error(_tr("导入失败"), str(exc))
        return plan
    ctx.dialogs.info(_tr("导入完成"), plan.outcome)
    return plan
