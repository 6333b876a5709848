"""Importing a returned workbook in the window: check, preview, apply as one undoable step."""
from __future__ import annotations

from collections.abc import Callable
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

from importers.import_plan import ImportPlan
from importers.workbook import check_workbook, import_outcome_text
from models.entities import Level
from models.i18n import _tr
from models.layout import cell_text, columns_of
from ui.context import AppContext


class ImportPreview(QDialog):
    """The findings and the rows a workbook would bring in; 导入 only when there is no error."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入预览：{0}").format(plan.path.name))
        report = QPlainTextEdit(plan.as_text(), self)
        report.setReadOnly(True)
        report.setMaximumHeight(180)
        columns = columns_of(Level.DISTRICT)
        table = QTableWidget(len(plan.activities), len(columns), self)
        table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("ActivitiesTableModel", c.header) for c in columns])
        for row, activity in enumerate(plan.activities):
            for col, column in enumerate(columns):
                table.setItem(row, col, QTableWidgetItem(cell_text(activity, column)))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
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
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.resize(1000, 640)


def _review_with_dialog(plan: ImportPlan, parent: QWidget | None) -> bool:
    """Show the preview; True when the user chose 导入."""
    return ImportPreview(plan, parent).exec() == QDialog.DialogCode.Accepted


def run_import(ctx: AppContext, path: Path, parent: QWidget | None = None,
               review: Callable[[ImportPlan, QWidget | None], bool] = _review_with_dialog
               ) -> ImportPlan:
    """Check a workbook, let the user review it, and apply it as one undoable step."""
    plan = check_workbook(ctx.document.data, path)
    if not review(plan, parent) or not plan.ok or plan.unit is None:
        return plan
    outcome = ctx.editor.import_unit_activities(plan.unit.id, plan.activities, ctx.today())
    if outcome is not None:  # else the database refused; the document said why
        plan.outcome = import_outcome_text(plan.unit, outcome)
        ctx.dialogs.info(_tr("导入完成"), plan.outcome)
    return plan
