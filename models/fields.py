"""The one table of an activity's fields: what every view, export and import shows and reads."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from models.entities import Activity, Level
from models.i18n import QT_TRANSLATE_NOOP, _tr

TR_CONTEXT = "ActivitiesTableModel"
"""The translation context of the headers: the table's own, also used by the detail panel."""


@dataclass(frozen=True, slots=True)
class Field:
    """One field of an activity and everything that depends on it."""

    attr: str
    """The Activity attribute."""
    header: str
    """The column title, as the notice's attachment table writes it."""
    weights: Mapping[Level, float]
    """The attachment tables the field is a column of, each with its share of the width."""
    editable: bool = True
    """The user types it: a text cell of the window's table and an editor of the detail panel."""
    searched: bool = True
    """The search box looks in it."""
    aliases: tuple[str, ...] = ()
    """Other titles units give the column in files they send back (importers choose which)."""
    centred: bool = False
    """Centred in the printed tables; the others read better left-aligned."""
    multiline: bool = True
    """Edited in a multi-line box in the detail panel (else one line)."""
    prefilled: bool = False
    """The template fills it in, so a row with only this filled is still blank."""
    screen_width: int = 120
    """Initial width of its column in the window's table, in pixels."""
    dates: bool = False
    """Holds dates: printed columns keep each date token (5月17日) unbroken."""
    repeated: bool = False
    """Printed again on each page a row taller than a page continues on."""

    @property
    def levels(self) -> tuple[Level, ...]:
        """The attachment tables the field is a column of."""
        return tuple(self.weights)

    def names(self) -> tuple[str, ...]:
        """The header and every alias."""
        return (self.header, *self.aliases)


_M, _D = Level.MUNICIPAL, Level.DISTRICT  # the table below reads better short

FIELDS: tuple[Field, ...] = (
    Field("level", QT_TRANSLATE_NOOP("ActivitiesTableModel", "级别"), {},
          editable=False, searched=False, screen_width=72),
    Field("group_no", QT_TRANSLATE_NOOP("ActivitiesTableModel", "序号"), {_M: 0.045, _D: 0.05},
          editable=False, searched=False, aliases=("编号", "序", "序列号", "No.", "NO"), centred=True,
          screen_width=56, repeated=True),
    Field("name", QT_TRANSLATE_NOOP("ActivitiesTableModel", "活动名称"), {_M: 0.12, _D: 0.16},
          aliases=("活动主题", "项目", "名称", "活动项目", "项目名称", "活动题目", "主题",
                   "活动", "活动标题", "活动名目"), multiline=False,
          screen_width=180, repeated=True),
    Field("content", QT_TRANSLATE_NOOP("ActivitiesTableModel", "活动内容"), {_M: 0.25, _D: 0.32},
          aliases=("主要内容", "内容", "具体内容", "活动形式及内容", "活动内容及形式", "活动简介",
                   "主要活动内容", "工作内容", "内容简介", "活动概况"),
          screen_width=320),
    Field("time_text", QT_TRANSLATE_NOOP("ActivitiesTableModel", "活动时间"), {_M: 0.09, _D: 0.13},
          aliases=("时间", "日期", "活动日期", "时间安排", "计划时间", "开展时间", "举办时间",
                   "实施时间", "拟开展时间", "活动时间安排", "起止时间", "计划开展时间"),
          centred=True, multiline=False, screen_width=120, dates=True),
    Field("publicity_forms", QT_TRANSLATE_NOOP("ActivitiesTableModel", "宣传形式"),
          {_M: 0.13, _D: 0.15},
          aliases=("宣传方式", "形式", "宣传途径", "宣传渠道", "宣传载体", "宣传手段", "宣传媒体",
                   "宣传平台", "活动形式", "宣传形式及载体"), screen_width=150),
    Field("publicity_content", QT_TRANSLATE_NOOP("ActivitiesTableModel", "宣传内容"), {_M: 0.17},
          aliases=("宣传主题", "宣传重点", "宣传要点"), screen_width=200),
    Field("responsible", QT_TRANSLATE_NOOP("ActivitiesTableModel", "负责单位"),
          {_M: 0.195, _D: 0.19},
          aliases=("承办单位", "责任单位", "主办单位", "单位", "责任部门", "牵头单位", "实施单位",
                   "负责部门", "主办部门", "承办部门", "组织单位", "牵头部门", "责任处室",
                   "责任科室", "负责科室", "承办科室", "牵头科室", "实施部门", "执行单位",
                   "活动单位", "举办单位"),
          prefilled=True, screen_width=200),
    Field("remarks", QT_TRANSLATE_NOOP("ActivitiesTableModel", "备注"), {}, screen_width=160),
)
"""Every field in the order of the window's table; the attachment tables keep this order too.
Views, exports and imports follow this table: moving a column is a change here only, and so is
adding one, once the Activity record (and its database column) holds the attribute."""


SCREEN_LEADING: tuple[str, ...] = ("level", "group_no", "name", "responsible")
"""The window table's first columns, in this order: who is responsible beside the name, so a
district row's district shows without scrolling. The others follow in FIELDS order; the printed
tables keep FIELDS order throughout."""


def screen_order() -> tuple[str, ...]:
    """Attributes in the order of the window table's columns."""
    leading = [attr for attr in SCREEN_LEADING if any(f.attr == attr for f in FIELDS)]
    return (*leading, *(f.attr for f in FIELDS if f.attr not in leading))


# Lookups read FIELDS when called, so a test can put a changed copy of the table in its place.


def field_of(attr: str) -> Field:
    """The field of an attribute."""
    for candidate in FIELDS:
        if candidate.attr == attr:
            return candidate
    raise KeyError(attr)


def header_of(attr: str) -> str:
    """The column title of an attribute, e.g. 活动名称."""
    return field_of(attr).header


def level_fields(level: Level) -> tuple[Field, ...]:
    """The columns of one attachment table, in order."""
    return tuple(f for f in FIELDS if level in f.weights)


def text_fields(level: Level | None = None) -> tuple[Field, ...]:
    """The texts the user types (of one attachment table, or all of them)."""
    return tuple(f for f in FIELDS if f.editable and (level is None or level in f.weights))


def text_attrs() -> tuple[str, ...]:
    """Attributes of the texts the user types."""
    return tuple(f.attr for f in text_fields())


def filled_attrs() -> tuple[str, ...]:
    """Typed texts that make a row of a returned table more than a blank (attachment columns,
    not prefilled: 备注 alone is no activity)."""
    return tuple(f.attr for f in text_fields() if not f.prefilled and f.weights)


def searched_attrs() -> tuple[str, ...]:
    """Attributes the search box looks in."""
    return tuple(f.attr for f in FIELDS if f.searched)


def header_names(aliases: bool = True) -> dict[str, str]:
    """Attachment column titles (and, unless told otherwise, their aliases) → attribute."""
    out: dict[str, str] = {}
    for f in FIELDS:
        if f.weights:
            for name in f.names() if aliases else (f.header,):
                out.setdefault(name, f.attr)
    return out


def number_label(activity: Activity) -> str:
    """The 序号 as the window shows it: '4' for a group's first row, '4-2' for its second."""
    if activity.position == 1:
        return str(activity.group_no)
    return f"{activity.group_no}-{activity.position}"


def level_label(level: Level) -> str:
    """A table's name in the interface language (市级 / Municipal); the data keeps 市级."""
    return _tr("市级") if level == Level.MUNICIPAL else _tr("区级")
