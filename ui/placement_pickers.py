"""The detail panel's level and unit pickers: each choice is one undoable step."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from models.addressees import campaign_addressees, listed_units
from models.entities import Activity, Level
from models.fields import level_label
from ui.actions import guarded
from ui.context import AppContext


def _refused_title() -> str:
    """The title of the message when the database refuses a move."""
    return QCoreApplication.translate("ActivitiesPanel", "保存失败")


class PlacementPickers:
    """级别 and 单位 boxes for the current activity; choosing moves it through the editor."""

    def __init__(self, ctx: AppContext, parent: QWidget,
                 before_change: Callable[[], object]) -> None:
        self.ctx = ctx
        self.before_change = before_change
        self.activity_id: int | None = None
        self.named: int | None = None  # a unit listed that is no addressee (the row names it)
        self.stale = True  # the unit list is to be filled anew
        self.level_box = QComboBox(parent)
        self.level_box.setObjectName("detail_level")
        for level in Level:
            self.level_box.addItem(level_label(level), level)
        self.level_box.setToolTip(QCoreApplication.translate(
            "ActivitiesPanel", "移到另一张表（市级/区级）；两张表的序号随之重排，可撤销"))
        self.unit_box = QComboBox(parent)
        self.unit_box.setObjectName("detail_unit")
        self.unit_box.setToolTip(QCoreApplication.translate(
            "ActivitiesPanel", "活动所属的单位：区级活动归入该单位的序号组，可撤销"))
        self.fill_units()
        self.level_box.activated.connect(self._level_chosen)
        self.unit_box.activated.connect(self._unit_chosen)
        ctx.document.units_changed.connect(self.fill_units)

    def fill_units(self) -> None:
        """No unit, then the year's addressees (and the shown activity's unit) in official
        order."""
        self.stale = True
        self.show(self.ctx.document.activity(self.activity_id)
                  if self.activity_id in self._ids() else None)

    def _fill(self, named: int | None) -> None:
        """The unit picker's choices, with `named` (a unit that is no addressee) kept."""
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        self.unit_box.addItem(QCoreApplication.translate("ActivitiesPanel", "（未关联单位）"), None)
        for unit in listed_units(self.ctx.document.data, [named]):
            self.unit_box.addItem(unit.name, unit.id)
        self.unit_box.blockSignals(False)
        self.named, self.stale = named, False

    def show(self, activity: Activity | None) -> None:
        """Show an activity's level and unit (nothing chosen without one)."""
        self.activity_id = activity.id if activity else None
        unit_id = activity.unit_id if activity else None
        addressed = {u.id for u in campaign_addressees(self.ctx.document.data)}
        named = unit_id if unit_id is not None and unit_id not in addressed else None
        if self.stale or named != self.named:
            self._fill(named)
        for box, value in ((self.level_box, activity.level if activity else None),
                           (self.unit_box, unit_id)):
            box.blockSignals(True)
            box.setCurrentIndex(box.findData(value) if activity else -1)
            box.blockSignals(False)

    def choose_level(self, level: Level) -> bool:
        """Move the current activity to a level's table."""
        self.before_change()
        if self.activity_id is None:
            return False
        activity_id = self.activity_id
        return bool(guarded(self.ctx.dialogs, _refused_title(),
                            lambda: self.ctx.editor.change_level(activity_id, level)))

    def choose_unit(self, unit_id: int | None) -> bool:
        """Link the current activity to a unit (None: to none)."""
        self.before_change()
        if self.activity_id is None:
            return False
        activity_id = self.activity_id
        return bool(guarded(self.ctx.dialogs, _refused_title(),
                            lambda: self.ctx.editor.change_unit(activity_id, unit_id)))

    def _ids(self) -> set[int | None]:
        """Ids of the open campaign's activities."""
        return {a.id for a in self.ctx.document.activities}

    def _level_chosen(self, index: int) -> None:
        self.choose_level(self.level_box.itemData(index))

    def _unit_chosen(self, index: int) -> None:
        self.choose_unit(self.unit_box.itemData(index))
