"""The files units sent, in the window: receive one for an item, open it, list its versions,
save it under its original name, and 清理."""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exporters.stored_copy import export_stored
from models.db.places import refuse_protected
from models.entities import Submission
from models.i18n import _tr
from models.received.summary_files import SummaryVersion, file_digest
from models.text import chinese_date, size_text
from ui.actions import guarded
from ui.context import AppContext
from ui.window_place import fit

OPENED_FOLDER = "metrology-day-opened"
"""Copies opened with the system's program go here (the kept file itself stays read-only)."""


def summary_filter() -> str:
    """The file dialog's filter for what a summary may be."""
    return _tr("文档或图片 (*.pdf *.doc *.docx *.wps *.jpg *.jpeg *.png *.gif *.bmp *.tif "
               "*.tiff *.webp);;所有文件 (*)")


def receive_chosen(ctx: AppContext, sub: Submission, parent: QWidget | None = None,
                   day: date | None = None) -> str:
    """Ask for a file and receive it for an item on `day` (the checklist's 收到日期; the
    planning date without one); what happened, in one line ("" if none)."""
    start = Path(ctx.settings.get("last_export_dir") or str(Path.home()))
    path = ctx.dialogs.open_path(_tr("接收文件"), start, summary_filter())
    if path is None:
        return ""
    receipt = ctx.editor.receive_file(sub.unit_id, path, day or ctx.today(), sub.item)
    ctx.dialogs.info(_tr("接收文件"), receipt.as_text())
    return receipt.as_text()


def _copy_to_open(ctx: AppContext, version: SummaryVersion) -> Path:
    """A checked copy of a version under its original name, in a folder of its own."""
    content = ctx.editor.archive.verified_content(version)
    target = Path(tempfile.gettempdir()) / OPENED_FOLDER / version.sha256[:16] / version.name
    target.parent.mkdir(parents=True, exist_ok=True)
    if not (target.is_file() and file_digest(target)[0] == version.sha256):
        export_stored(content, version.sha256, target)
    return target


def open_version(ctx: AppContext, version: SummaryVersion) -> Path:
    """Open a kept file with the system's program (a copy: the archive stays as it came)."""
    copy = _copy_to_open(ctx, version)
    if not ctx.dialogs.show_file(copy):
        ctx.dialogs.error(_tr("打开文件"), _tr("没有能打开“{0}”的程序。副本在：{1}").format(
            version.name, copy))
    return copy


def save_version_as(ctx: AppContext, version: SummaryVersion) -> Path | None:
    """Save a kept file where the user says, its original name suggested."""
    folder = Path(ctx.settings.get("last_export_dir") or str(Path.home()))
    suffix = Path(version.name).suffix
    filters = _tr("原文件 (*{0});;所有文件 (*)").format(suffix) if suffix else _tr("所有文件 (*)")
    path = ctx.dialogs.save_path(_tr("另存文件"), folder / version.name, filters)
    if path is None:
        return None
    refuse_protected(ctx.editor.store.path, path)
    export_stored(ctx.editor.archive.verified_content(version), version.sha256, path)
    ctx.settings.set("last_export_dir", str(path.parent))
    return path


def clean_files(ctx: AppContext) -> str:
    """清理, after the user agreed to what it removes; what was done."""
    plan = ctx.editor.cleanup_plan()
    if not plan.files:  # nothing leaves the disk: no need to ask
        text = ctx.editor.clean_files().as_text()
        ctx.dialogs.info(_tr("清理文件"), text)
        return text
    question = _tr("将删除 {0} 个不再被任何报送事项、备份或撤销历史引用的文件（{1:.1f} MB）。"
                   "删除后无法恢复。继续吗？").format(len(plan.files),
                                                 plan.freed_bytes / 1024 / 1024)
    if not ctx.dialogs.confirm(_tr("清理文件"), question):
        return ""
    done = ctx.editor.clean_files()
    ctx.dialogs.info(_tr("清理文件"), done.as_text())
    return done.as_text()


class VersionsDialog(QDialog):
    """An item's files, newest first: open one, or save it under its original name."""

    def __init__(self, ctx: AppContext, sub: Submission, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        unit = ctx.document.unit(sub.unit_id)
        self.setWindowTitle(self.tr("{0}的{1}：收到的文件").format(
            unit.name if unit else "", sub.item))
        self.versions = list(reversed(ctx.editor.summary_versions().get(sub.id or -1, [])))
        self.table = QTableWidget(len(self.versions), 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("版本"), self.tr("文件名"), self.tr("收到日期"), self.tr("大小")])
        for row, version in enumerate(self.versions):
            cells = (self.tr("第 {0} 版").format(version.number), version.name,
                     chinese_date(version.received, translated=True), size_text(version.size))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if self.versions:
            self.table.selectRow(0)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for text, slot in ((self.tr("打开"), self.open_selected),
                           (self.tr("另存为…"), self.save_selected)):
            button = QPushButton(text, self)
            button.setEnabled(bool(self.versions))
            button.clicked.connect(lambda _=False, s=slot: self._guarded(s))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit(self, 640, 300)

    def selected(self) -> SummaryVersion | None:
        """The version of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self.versions[rows[0].row()] if rows else None

    def open_selected(self) -> Path | None:
        """Open the selected version."""
        version = self.selected()
        return open_version(self.ctx, version) if version else None

    def save_selected(self) -> Path | None:
        """Save the selected version under its original name."""
        version = self.selected()
        return save_version_as(self.ctx, version) if version else None

    def _guarded(self, slot: Callable[[], object]) -> None:
        """A button's work; a refused file or a full disk becomes a message."""
        guarded(self.ctx.dialogs, self.tr("文件"), slot)
