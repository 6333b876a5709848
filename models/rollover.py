"""“New campaign from last year”: what the coordinator chose to carry over, moved a year on."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

from models.db.figure_store import copy_figures
from models.db.storage import Store
from models.entities import (
    CAMPAIGN_DATE_FIELDS,
    Activity,
    Campaign,
    Submission,
)
from models.errors import StoreError
from models.fields import text_attrs
from models.i18n import _tr
from models.notice_rules import CITED_NUMBER

FIRST_YEAR = 2000   # the first World Metrology Day
LAST_YEAR = 2100
_ORDINAL = re.compile(r"第(\d+)个世界计量日")
NOTICE_TEXT_FIELDS = ("theme", "title", "body", "attachment_title")
"""What “notice text” means when it is not carried over: these start empty. The letterhead,
addressees, signature, contacts and dates always move on to the new year."""


@dataclass(frozen=True, slots=True)
class CarryOver:
    """What a new campaign takes from last year's."""

    notice: bool = True
    """The notice's text (NOTICE_TEXT_FIELDS), its years rewritten."""
    submissions: bool = True
    """Who owes what (units and their submission items), all reset to 未报送."""
    activities: bool = False
    """Last year's activities, marked as carried over until edited or confirmed."""


def shift_years(day: date | None, years: int) -> date | None:
    """The same month and day some whole years later (2月29日 becomes 2月28日)."""
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def move_years_in_text(text: str, old: int, new: int) -> str:
    """Text of year old rewritten for year new.

    “2021年” becomes “2022年” and “〔2021〕” “〔2022〕”. A document number of that year
    (“沪市监计量〔2021〕260号”, or one cited in the body) keeps its abbreviation but loses
    its number (“沪市监计量〔2022〕号”): next year's numbers are not known yet, and the
    notice rules warn until one is filled in. “第22个世界计量日” counts on by the years.
    """
    text = CITED_NUMBER.sub(
        lambda m: f"〔{new}〕号" if int(m["year"]) == old else m[0], text)
    text = text.replace(f"〔{old}〕", f"〔{new}〕")
    text = re.sub(rf"(?<!\d){old}(?=\s*年)", str(new), text)
    return _ORDINAL.sub(lambda m: f"第{int(m[1]) + new - old}个世界计量日", text)


def rolled_campaign(source: Campaign, year: int, notice_text: bool = True) -> Campaign:
    """The source's notice moved to another year, without an id (its text left empty
    unless notice_text)."""
    delta = year - source.year
    changes: dict[str, object] = {}
    for spec in fields(Campaign):
        value = getattr(source, spec.name)
        if spec.name in CAMPAIGN_DATE_FIELDS:
            changes[spec.name] = shift_years(value, delta)
        elif spec.name in NOTICE_TEXT_FIELDS and not notice_text:
            changes[spec.name] = ""
        elif isinstance(value, str):
            changes[spec.name] = move_years_in_text(value, source.year, year)
    return source.with_changes(**changes, year=year, id=None)


def _rolled_activity(activity: Activity, old: int, new: int, campaign_id: int) -> Activity:
    """A draft copy of last year's activity for the new campaign."""
    texts = {name: move_years_in_text(getattr(activity, name), old, new)
             for name in text_attrs()}
    return activity.with_changes(**texts, id=None, campaign_id=campaign_id, spans_json="[]",
                                 carried=True)


def _reset_submission(sub: Submission, years: int, campaign_id: int) -> Submission:
    """The same unit owing the same item, not yet received, due the years later."""
    return Submission(sub.unit_id, sub.item, shift_years(sub.due, years),
                      campaign_id=campaign_id)


def _check_year(store: Store, source: Campaign, year: int) -> None:
    """Refuse a year out of range or already in the database."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise StoreError(_tr("年度 {0} 不在 {1}—{2} 之间。").format(year, FIRST_YEAR, LAST_YEAR))
    if any(c.year == year for c in store.campaigns()):
        raise StoreError(_tr("{0} 年的活动已经存在，不能从 {1} 年再新建一次；请直接打开 {0} 年度。数据库未作任何改动。").format(
                             year, source.year))


def new_campaign_from(store: Store, source_id: int, year: int,
                      carry: CarryOver | None = None) -> Campaign:
    """Create the year's campaign from another one, all in one transaction.

    Dates move by whole years and the year is rewritten in the texts (see
    move_years_in_text); units are shared by every year. What else comes along is the
    coordinator's choice (CarryOver): the notice's text, who owes what (every item back to
    未报送) and last year's activities (marked as carried over until edited or confirmed).
    The list of figures (指标) and the order of the units always come along, without last
    year's values.
    """
    carry = carry or CarryOver()
    source = store.campaign(source_id)
    _check_year(store, source, year)
    delta = year - source.year
    with store.transaction():
        new = store.add_campaign(rolled_campaign(source, year, carry.notice))
        copy_figures(store, source_id, new.id)
        store.copy_unit_orders(source_id, new.id)
        if carry.activities:
            store.insert_activities(_rolled_activity(a, source.year, year, new.id)
                                    for a in store.activities(source_id))
        if carry.submissions:
            store.save_submissions(_reset_submission(s, delta, new.id)
                                   for s in store.submissions(source_id))
    return new
