"""The checklist's planning date: the day it counts from, chosen in a yyyy年M月d日 picker."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from models.dates.planning import default_planning_date
from models.text import chinese_date
from ui.context import AppContext
from ui.date_box import DateBox


def date_format() -> str:
    """How date boxes write a date: yyyy年M月d日 (2021年5月24日), M/d/yyyy in English."""
    return QCoreApplication.translate("DatePicker", "yyyy年M月d日")


def date_picker(parent: QWidget, day: date | None = None) -> QDateEdit:
    """A date box with a calendar pop-up, written the interface's way (2021年5月24日)."""
    picker = DateBox(parent)
    picker.setCalendarPopup(True)
    picker.setDisplayFormat(date_format())
    if day is not None:
        picker.setDate(QDate(day))
    return picker


class PlanningBar(QWidget):
    """计算日期 picker, a note saying whether that is today, and 恢复默认."""

    changed = Signal()  # the planning date is another one now

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.picker = date_picker(self)
        self.picker.setObjectName("planningDate")
        self.picker.setToolTip(self.tr("报送清单按这一天计算剩余和逾期天数；"
                                       "“标记为已报送”默认也记这一天"))
        self.note = QLabel(self)
        self.note.setWordWrap(True)  # a narrow window wraps the sentence instead of widening
        self.reset_button = QPushButton(self.tr("恢复默认"), self)
        self.reset_button.setToolTip(self.tr("回到默认的计算日期：本年度活动期间为今天，"
                                             "否则为报送截止日"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("计算日期："), self))
        layout.addWidget(self.picker)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.reset_button)
        self.picker.dateChanged.connect(self._picked)
        self.reset_button.clicked.connect(lambda: self.choose(None))
        ctx.document.planning_changed.connect(self.load)
        ctx.document.campaign_changed.connect(self.load)
        self.load()

    def load(self) -> None:
        """Show the open campaign's planning date and say where it comes from."""
        day = self.ctx.today()
        self.picker.blockSignals(True)
        self.picker.setDate(QDate(day))
        self.picker.blockSignals(False)
        self.note.setText(self.note_text(day))
        self.reset_button.setEnabled(self.ctx.editor.chosen_planning_date() is not None)
        self.changed.emit()

    def note_text(self, day: date) -> str:
        """Whether the checklist counts from today or from a chosen date, and why."""
        real = date.today()
        if day == real:
            return self.tr("（今天）")
        campaign = self.ctx.document.campaign
        shown = chinese_date(real, translated=True)
        if self.ctx.editor.chosen_planning_date() is None \
                and day == default_planning_date(campaign, real):
            return self.tr("（按所选日期计算：今天 {0} 不在 {1} 年活动期间，默认按报送截止日）"
                           ).format(shown, campaign.year)
        return self.tr("（按所选日期计算，不是今天 {0}）").format(shown)

    def choose(self, day: date | None) -> None:
        """Count from a day (None: the default)."""
        self.ctx.editor.set_planning_date(day)

    def _picked(self, qdate: QDate) -> None:
        """The user picked a day in the box."""
        self.choose(qdate.toPython())
