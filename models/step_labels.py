"""What an undo step changed, in words the history shows ("编辑 徐汇 · 活动时间")."""
from __future__ import annotations

from collections.abc import Sequence

from models.document import CampaignDocument
from models.entities import Activity, Submission
from models.fields import TR_CONTEXT, header_of
from models.i18n import _tr, translate

LONGEST = 14
"""Characters of an activity's name kept in a label; longer names end in …."""


def _short(text: str) -> str:
    """A name cut to LONGEST characters."""
    return text if len(text) <= LONGEST else text[:LONGEST - 1] + "…"


def activity_tag(doc: CampaignDocument, activity: Activity) -> str:
    """Whose activity: a district's short name when it has a unit, else the activity's name."""
    unit = doc.unit(activity.unit_id) if activity.unit_id is not None else None
    if unit is not None and (unit.short_name or unit.name):
        return f"{unit.short_name or unit.name} · {_short(activity.name)}" \
            if activity.name else unit.short_name or unit.name
    return _short(activity.name) or _tr("（未命名）")


def edit_label(doc: CampaignDocument, activity: Activity, field: str) -> str:
    """'编辑 徐汇 · 计量惠民 · 活动时间'."""
    return _tr("编辑 {0} · {1}").format(activity_tag(doc, activity),
                                       translate(TR_CONTEXT, header_of(field)))


def delete_label(doc: CampaignDocument, activities: Sequence[Activity]) -> str:
    """'删除 徐汇 · 计量惠民', or '删除 3 项活动'."""
    if len(activities) == 1:
        return _tr("删除 {0}").format(activity_tag(doc, activities[0]))
    return _tr("删除 {0} 项活动").format(len(activities))


def _unit_names(doc: CampaignDocument, subs: Sequence[Submission]) -> str:
    """Short names of the units of some submissions, at most three, then 等."""
    names = list(dict.fromkeys(
        (u.short_name or u.name) if (u := doc.unit(s.unit_id)) else str(s.unit_id) for s in subs))
    shown = "、".join(names[:3])
    return _tr("{0}等 {1} 家").format(shown, len(names)) if len(names) > 3 else shown


def submission_label(doc: CampaignDocument, sub: Submission, what: str) -> str:
    """'编辑 黄浦 · 活动总结 · 备注'."""
    return _tr("编辑 {0} · {1} · {2}").format(_unit_names(doc, [sub]), sub.item, what)


def marked_label(doc: CampaignDocument, subs: Sequence[Submission]) -> str:
    """'标记为已报送：黄浦、静安'."""
    return _tr("标记为已报送：{0}").format(_unit_names(doc, subs))
