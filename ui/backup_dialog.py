"""File → 恢复备份: choose one of the database's backups and put it back."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.db.backup import BackupInfo, backup_contents, list_backups, reason_label
from models.errors import UserError
from ui.context import AppContext
from ui.window_place import fit


class BackupDialog(QDialog):
    """Lists backups, newest first."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None,
                 note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("恢复备份"))
        self.list = QListWidget(self)
        for info in backups:
            label = self.tr("{0}　{1}　{2} KB").format(
                info.taken.strftime("%Y-%m-%d %H:%M:%S"),
                reason_label(info.reason), info.size // 1024)
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, info)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(note or self.tr("选择要恢复的备份（当前数据会先另存一份备份）："),
                                self))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        fit(self, 480, 360)

    def chosen(self) -> BackupInfo | None:
        """The selected backup."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


def pick_backup(backups: list[BackupInfo], parent: QWidget | None, note: str = ""
                ) -> BackupInfo | None:
    """Let the user choose one of some backups (None when cancelled)."""
    dialog = BackupDialog(backups, parent, note)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen()


def _files_note(ctx: AppContext, info: BackupInfo) -> str:
    """What the backup can bring back of the received files: their records always, their
    content only as far as the archive folder still holds it."""
    contents = backup_contents(info.path)
    if not contents:
        return ""
    try:
        archive = ctx.editor.archive
        kept = sum(1 for sha, size in contents if archive.has_content(sha, size))
    except UserError:
        kept = 0
    return QCoreApplication.translate(
        "BackupDialog", "\n\n备份只含数据库：它记录了 {0} 个收到的文件，其中 {1} 个的内容仍在存档"
        "文件夹中，恢复后可以打开；其余的需要把原文件再接收一次。").format(len(contents), kept)


def restore_from_backup(ctx: AppContext, parent: QWidget | None,
                        choose: type[BackupDialog] = BackupDialog) -> bool:
    """Ask which backup, restore it, reload the window's data; True when restored."""
    title = QCoreApplication.translate("BackupDialog", "恢复备份")
    path = ctx.store.path
    backups = list_backups(path) if path else []
    if not backups:
        ctx.dialogs.info(title, QCoreApplication.translate("BackupDialog", "还没有任何备份。"))
        return False
    dialog = choose(backups, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return False
    info = dialog.chosen()
    question = QCoreApplication.translate(
        "BackupDialog", "用 {0} 的备份替换当前数据？当前数据会先另存一份备份。").format(
        f"{info.taken:%Y-%m-%d %H:%M}") + _files_note(ctx, info)
    if not ctx.dialogs.confirm(title, question):
        return False
    ctx.editor.restore_backup(info.path)
    done = QCoreApplication.translate("BackupDialog", "已恢复。")
    lost = ctx.editor.missing_files()
    if lost:
        done += QCoreApplication.translate(
            "BackupDialog", "\n但存档中缺少这些收到的文件（可能已被手工删除）：\n{0}").format(
            "\n".join(f"  {version.name}" for version in lost))
    ctx.dialogs.info(title, done)
    return True
