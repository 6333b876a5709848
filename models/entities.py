"""Plain records of a campaign: the notice, its units, activities and submissions."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import date
from enum import StrEnum
from typing import Self


class Level(StrEnum):
    """The two tables of the attachment."""

    MUNICIPAL = "市级"
    DISTRICT = "区级"


class UnitKind(StrEnum):
    """What sort of body a unit is."""

    DISTRICT = "district"
    MUNICIPAL_DEPT = "municipal_dept"
    ENFORCEMENT = "enforcement"
    TECHNICAL = "technical"
    ASSOCIATION = "association"
    OTHER = "other"


class SubmissionStatus(StrEnum):
    """Where a unit stands with one thing it owes."""

    PENDING = "未报送"
    RECEIVED = "已报送"
    LATE = "逾期报送"
    EXEMPT = "无需报送"


DONE = frozenset({SubmissionStatus.RECEIVED, SubmissionStatus.LATE, SubmissionStatus.EXEMPT})
"""Statuses after which nothing more is owed."""
ARRIVED = frozenset({SubmissionStatus.RECEIVED, SubmissionStatus.LATE})
"""Statuses of something that came in."""
SUMMARY_ITEM = "活动总结"
ARRANGEMENT_ITEM = "活动安排"
"""The submission an import of a unit's returned workbook marks as received."""


class Replaceable:
    """Records give edited copies of themselves instead of being changed in place."""

    __slots__ = ()

    def with_changes(self, **changes: object) -> Self:
        """A copy with some fields replaced."""
        return replace(self, **changes)  # type: ignore[type-var]


@dataclass(frozen=True, slots=True)
class Campaign(Replaceable):
    """One year's campaign and every field of its notice."""

    year: int
    theme: str
    window_start: date
    window_end: date
    issuer: str = ""
    issuer_mark: str = ""
    doc_number: str = ""
    title: str = ""
    addressees: str = ""
    body: str = ""
    attachment_title: str = ""
    signature: str = ""
    issue_date: date | None = None
    publication_note: str = ""
    print_office: str = ""
    print_date: date | None = None
    contact_person: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    summary_due: date | None = None
    id: int | None = None
    plan_due: date | None = None

    @property
    def window(self) -> tuple[date, date]:
        """The campaign window as a (start, end) pair, both inclusive."""
        return (self.window_start, self.window_end)


@dataclass(slots=True)
class Unit:
    """A district bureau, department, institution or other body."""

    name: str
    short_name: str
    kind: UnitKind
    sort_order: int
    id: int | None = None


_BUREAU_SUFFIXES = ("市场监督管理局", "市场监管局")
_AREA_SUFFIXES = ("新区", "区")


def core_name(text: str) -> str:
    """A unit's name without the words people leave out: 黄浦区市场监管局, 黄浦区 and 黄浦
    all give 黄浦 (浦东新区… gives 浦东); other names come back trimmed."""
    core = "".join(text.split())
    for suffix in _BUREAU_SUFFIXES:
        if core.endswith(suffix) and len(core) > len(suffix):
            core = core[: -len(suffix)]
            break
    for suffix in _AREA_SUFFIXES:
        if core.endswith(suffix) and len(core) > len(suffix) + 1:
            return core[: -len(suffix)]
    return core


def find_unit(units: Iterable[Unit], text: str) -> Unit | None:
    """The unit a text names: its full or short name, the same with or without 区 and
    市场监管局 (黄浦, 黄浦区, 黄浦区市场监管局), or the only unit whose name it begins."""
    wanted = text.strip()
    if not wanted:
        return None
    units = list(units)
    for unit in units:
        if wanted in (unit.name, unit.short_name):
            return unit
    core = core_name(wanted)
    same = [u for u in units if core in (core_name(u.name), core_name(u.short_name))]
    if len(same) == 1:
        return same[0]
    matches = [u for u in units if u.name.startswith(wanted) or u.short_name.startswith(wanted)]
    return matches[0] if len(matches) == 1 else None


@dataclass(frozen=True, slots=True)
class Activity(Replaceable):
    """One row of the attachment table."""

    level: Level
    group_no: int
    position: int
    name: str
    content: str = ""
    time_text: str = ""
    publicity_forms: str = ""
    publicity_content: str = ""
    responsible: str = ""
    unit_id: int | None = None
    spans_json: str = "[]"
    campaign_id: int | None = None
    id: int | None = None
    carried: bool = False
    """Copied from last year's campaign and not yet edited or confirmed."""
    remarks: str = ""
    """What the unit wrote in columns the attachment has no place for (联系人, 活动地点 …):
    shown in the window, never printed."""


@dataclass(frozen=True, slots=True)
class Submission(Replaceable):
    """Something a unit owes the coordinator, and whether it came."""

    unit_id: int
    item: str
    due: date | None
    status: SubmissionStatus = SubmissionStatus.PENDING
    received: date | None = None
    note: str = ""
    campaign_id: int | None = None
    id: int | None = None


def received_status(due: date | None, received: date) -> SubmissionStatus:
    """已报送, or 逾期报送 when it came in after the deadline."""
    late = due is not None and received > due
    return SubmissionStatus.LATE if late else SubmissionStatus.RECEIVED


def marked_received(sub: Submission, day: date) -> Submission:
    """A submission received on a day: 已报送, or 逾期报送 after its own deadline."""
    return sub.with_changes(status=received_status(sub.due, day), received=day)


def already_received(sub: Submission) -> bool:
    """Whether an item has its receipt: received (on time or late) or given a date."""
    return sub.status in ARRIVED or sub.received is not None


@dataclass(slots=True)
class CampaignData:
    """Everything an exporter needs, detached from the database."""

    campaign: Campaign
    units: list[Unit] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    submissions: list[Submission] = field(default_factory=list)

    def by_level(self, level: Level) -> list[Activity]:
        """Activities of one table in attachment order."""
        rows = [a for a in self.activities if a.level == level]
        rows.sort(key=lambda a: (a.group_no, a.position))
        return rows

    def unit_by_id(self) -> dict[int, Unit]:
        """Units keyed by their id."""
        return {u.id: u for u in self.units if u.id is not None}

    def district_rows_of(self, unit: Unit) -> list[Activity]:
        """A unit's rows of the district table (see rows_of)."""
        return self.rows_of(unit, Level.DISTRICT)

    def rows_of(self, unit: Unit, level: Level) -> list[Activity]:
        """A unit's rows of one table: those linked to it, and those whose 负责单位 names it
        (and it alone) without being linked (typed before the link was made)."""
        seen: dict[str, bool] = {}  # thousands of rows share a few texts

        def named(activity: Activity) -> bool:
            text = activity.responsible
            if text not in seen:
                found = find_unit(self.units, text)
                seen[text] = found is not None and found.id == unit.id
            return seen[text]
        return [a for a in self.by_level(level)
                if a.unit_id == unit.id or (a.unit_id is None and named(a))]


CAMPAIGN_DATE_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(Campaign) if f.type in ("date", "date | None"))
"""The campaign's date fields, read off the record itself."""


class FigureSource(StrEnum):
    """Where a unit's value of a figure came from."""

    TYPED = "typed"
    TEMPLATE = "template"
    SUMMARY = "summary"


APPROXIMATE_MARKS: tuple[str, ...] = ("余", "多", "约", "近")
"""The words that make a stated figure approximate: 1000余份, 100多人次, 约500份, 近千人."""


@dataclass(frozen=True, slots=True)
class Figure(Replaceable):
    """One figure (指标) a campaign counts: its name, measure word and whether it is summed."""

    name: str
    measure: str
    summed: bool = True
    position: int = 0
    campaign_id: int | None = None
    id: int | None = None

    @property
    def label(self) -> str:
        """开展活动（场）."""
        return f"{self.name}（{self.measure}）" if self.measure else self.name


@dataclass(frozen=True, slots=True)
class FigureValue(Replaceable):
    """A unit's value of one figure, where it came from and whether it is approximate."""

    figure_id: int
    unit_id: int
    value: int
    approximate: str = ""
    """One of APPROXIMATE_MARKS, or empty for an exact value."""
    source: FigureSource = FigureSource.TYPED
    sentence: str = ""
    """The summary's sentence (or the template's file name) the value was taken from."""
    id: int | None = None

    @property
    def key(self) -> tuple[int, int]:
        """(figure, unit): a unit holds one value per figure."""
        return (self.figure_id, self.unit_id)
