"""The main window's status bar: the year in use, the database, and whether all is saved."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar

from ui import hotkeys
from ui.context import AppContext


class StatusLine(QObject):
    """Year, database path and saved state, kept up to date by the window."""

    def __init__(self, ctx: AppContext, bar: QStatusBar, database_text: str) -> None:
        super().__init__(bar)
        self.ctx = ctx
        self.year_label = QLabel(bar)
        self.year_label.setObjectName("yearLabel")
        self.path_label = QLabel(database_text, bar)
        self.saved_label = QLabel(bar)
        self.note_label = QLabel(bar)  # what opening the database had to tell
        self.note_label.setObjectName("openingNote")
        self.note_label.setStyleSheet("color: #9a4d00;")
        self.note_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note_label.hide()
        bar.addWidget(self.year_label)
        bar.addWidget(self.note_label, 3)
        bar.addWidget(self.path_label, 1)
        bar.addPermanentWidget(self.saved_label)

    def show_year(self) -> None:
        """'当前年度：2021年', and the newer years there are, so an old year is not taken
        for this one."""
        year = self.ctx.document.campaign.year
        newer = sorted(c.year for c in self.ctx.store.campaigns() if c.year > year)
        text = self.tr("当前年度：{0}年").format(year)
        if newer:
            text += self.tr("（库中另有 {0} 年）").format("、".join(map(str, newer)))
            self.year_label.setStyleSheet("font-weight: bold; color: #b3261e; padding: 0 8px")
        else:
            self.year_label.setStyleSheet("font-weight: bold; padding: 0 8px")
        self.year_label.setText(text)

    def show_saved(self, notice_pending: bool) -> None:
        """Every change is written as it is made; say so, unless a notice edit waits."""
        count = self.ctx.undo_stack.index()
        if notice_pending:
            self.saved_label.setStyleSheet("color: #a15c00")
            self.saved_label.setText(self.tr("通知有尚未应用的修改（离开该栏或按 {0} 保存）").format(
                hotkeys.native_text(hotkeys.APPLY_NOTICE)))
            return
        self.saved_label.setStyleSheet("")
        self.saved_label.setText(self.tr("所有修改已保存") if count == 0 else
                                 self.tr("所有修改已保存（本次 {0} 项，可撤销）").format(count))
