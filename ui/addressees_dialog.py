"""报送单位: the open year's addressees, to add, rename, retire and reorder (each one undo
step; earlier years keep theirs)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.entities import Unit
from ui.actions import guarded
from ui.context import AppContext


class AddresseesDialog(QDialog):
    """The list of this year's addressees with 添加 / 改名 / 停用 / 上移 / 下移."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("addresseesDialog")
        self.setWindowTitle(self.tr("报送单位 · {0}年").format(ctx.document.campaign.year))
        self.list = QListWidget(self)
        note = QLabel(self.tr("改动只影响本年度（及以后从本年度新建的年度）；往年的报送单位保持不变。"
                              "每一步都可以撤销。"), self)
        note.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        side = QVBoxLayout()
        for key, text, slot in (("add", self.tr("添加(&A)…"), self.ask_add),
                                ("rename", self.tr("改名(&R)…"), self.ask_rename),
                                ("retire", self.tr("停用(&D)"), self.ask_retire),
                                ("up", self.tr("上移(&U)"), lambda: self.move(-1)),
                                ("down", self.tr("下移(&W)"), lambda: self.move(1))):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, s=slot: guarded(ctx.dialogs,
                                                                    self.windowTitle(), s))
            side.addWidget(button)
            self.buttons[key] = button
        side.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(note)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        ctx.document.submissions_changed.connect(self.refresh)
        self.refresh()
        area = (parent.screen() if parent else self.screen()).availableGeometry()
        self.resize(min(460, area.width() - 40), min(520, area.height() - 80))

    def refresh(self) -> None:
        """The addressees as the editor lists them, the current one kept."""
        current = self.current()
        self.list.clear()
        for unit in self.ctx.editor.addressee_list():
            item = QListWidgetItem(f"{unit.name}（{unit.short_name}）", self.list)
            item.setData(Qt.ItemDataRole.UserRole, unit.id)
            if current is not None and unit.id == current.id:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def names(self) -> list[str]:
        """The addressees' names as listed."""
        return [self.list.item(i).text().split("（")[0] for i in range(self.list.count())]

    def current(self) -> Unit | None:
        """The selected addressee."""
        item = self.list.currentItem()
        if item is None:
            return None
        unit_id = item.data(Qt.ItemDataRole.UserRole)
        return next((u for u in self.ctx.editor.addressee_list() if u.id == unit_id), None)

    def select(self, name: str) -> None:
        """Select an addressee by its full name."""
        self.list.setCurrentRow(self.names().index(name))

    def _update_buttons(self) -> None:
        """Rename, retire and move need a selected addressee."""
        row = self.list.currentRow()
        for key in ("rename", "retire"):
            self.buttons[key].setEnabled(row >= 0)
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(0 <= row < self.list.count() - 1)

    def ask_add(self) -> None:
        """Ask for the new unit's name and add it."""
        name = self.ctx.dialogs.ask_text(self.tr("添加报送单位"),
                                         self.tr("单位全称（如 金山区市场监管局第二分局）："), "")
        if name:
            unit = self.ctx.editor.add_addressee(name)
            self.refresh()
            self.select(unit.name)

    def ask_rename(self) -> None:
        """Ask for the selected unit's new name (from this year on)."""
        unit = self.current()
        if unit is None or unit.id is None:
            return
        name = self.ctx.dialogs.ask_text(self.tr("改名"), self.tr(
            "“{0}”从本年度起的新名称（往年仍用原名）：").format(unit.name), unit.name)
        if name and name != unit.name:
            renamed = self.ctx.editor.rename_addressee(unit.id, name)
            self.refresh()
            self.select(renamed.name)

    def ask_retire(self) -> None:
        """Retire the selected unit for this year, after a confirmation naming it."""
        unit = self.current()
        if unit is None or unit.id is None:
            return
        if self.ctx.dialogs.confirm(self.tr("停用报送单位"), self.tr(
                "本年度起不再向“{0}”收取报送，它在本年度报送清单中的事项将被移除"
                "（往年保留，可以撤销）。继续吗？").format(unit.name)):
            self.ctx.editor.retire_addressee(unit.id)
            self.refresh()

    def move(self, step: int) -> None:
        """Move the selected unit up or down the official order."""
        unit = self.current()
        if unit is not None and unit.id is not None and self.ctx.editor.move_addressee(
                unit.id, step):
            self.refresh()
