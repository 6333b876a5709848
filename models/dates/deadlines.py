"""Submission deadlines: days left, urgency, the summary line and the reminder (催报) text."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication

from models.entities import (  # noqa: F401 - received_status is used through this module
    Campaign,
    Submission,
    SubmissionStatus,
    Unit,
    already_received,
    marked_received,
    received_status,
)
from models.text import chinese_date

SOON_DAYS = 2
"""A pending item due within this many days is shown amber."""

DONE = frozenset({SubmissionStatus.RECEIVED, SubmissionStatus.LATE, SubmissionStatus.EXEMPT})
ARRIVED = frozenset({SubmissionStatus.RECEIVED, SubmissionStatus.LATE})


def weekday_name(day: date) -> str:
    """'周一' … '周日'."""
    names = (QCoreApplication.translate("Deadlines", "周一"),
             QCoreApplication.translate("Deadlines", "周二"),
             QCoreApplication.translate("Deadlines", "周三"),
             QCoreApplication.translate("Deadlines", "周四"),
             QCoreApplication.translate("Deadlines", "周五"),
             QCoreApplication.translate("Deadlines", "周六"),
             QCoreApplication.translate("Deadlines", "周日"))
    return names[day.weekday()]


def days_left(due: date, today: date) -> int:
    """Days from today to the deadline; negative when it has passed."""
    return (due - today).days


def urgency(sub: Submission, today: date) -> str:
    """'done', 'overdue' (past due, not in), 'soon' (due within two days) or 'ok'."""
    if sub.status in DONE:
        return "done"
    if sub.due is None:
        return "ok"
    left = days_left(sub.due, today)
    if left < 0:
        return "overdue"
    return "soon" if left <= SOON_DAYS else "ok"


SUMMARY_ITEM = "活动总结"
ARRANGEMENT_ITEM = "活动安排"
"""The two things every addressee owes: the plan (due before the notice is issued; an
import of a unit's returned template marks it received) and the summary after the campaign."""

ITEM_DUE_FIELDS: dict[str, str] = {ARRANGEMENT_ITEM: "plan_due", SUMMARY_ITEM: "summary_due"}
"""The campaign field that holds each standing item's due date."""


def item_due(campaign: Campaign, item: str) -> date | None:
    """The due date the campaign states for an item (None for items it does not name)."""
    field = ITEM_DUE_FIELDS.get(item)
    return getattr(campaign, field) if field else None


def item_kinds(subs: Iterable[Submission]) -> list[str]:
    """The items owed, plan and summary first, then the others as first seen."""
    seen = list(dict.fromkeys(s.item for s in subs))
    standing = [item for item in ITEM_DUE_FIELDS if item in seen]
    return standing + [item for item in seen if item not in ITEM_DUE_FIELDS]


def moved_deadlines(subs: Sequence[Submission], old: Campaign,
                    new: Campaign) -> list[Submission]:
    """Plan and summary items still due on the notice's old date, moved to its new one."""
    moved = []
    for item in ITEM_DUE_FIELDS:
        old_due, new_due = item_due(old, item), item_due(new, item)
        if old_due == new_due or new_due is None:
            continue
        moved += [s.with_changes(due=new_due) for s in subs
                  if s.item == item and s.due == old_due]
    return moved


def with_status(sub: Submission, status: SubmissionStatus, today: date) -> Submission:
    """A submission moved to a status; received dates follow (set today, or cleared)."""
    if status in ARRIVED:
        return sub.with_changes(status=status, received=sub.received or today)
    return sub.with_changes(status=status, received=None)


def received_submission(subs: Sequence[Submission], unit_id: int,
                        today: date) -> Submission | None:
    """A unit's 活动安排 marked received today; None when the unit does not owe one (no
    stray item is made for one unit: either every addressee owes it or none does) or when it
    is received already (an update never moves a receipt: its date and status stay)."""
    for sub in subs:
        if sub.unit_id == unit_id and sub.item == ARRANGEMENT_ITEM:
            return None if already_received(sub) else marked_received(sub, today)
    return None


def summary_lines(subs: Sequence[Submission], today: date) -> list[str]:
    """One line per item: '活动总结 已报送 12 / 21' (exempt items not counted), plus the
    overdue count when there is one."""
    parts = []
    for item in item_kinds(subs):
        owed = [s for s in subs if s.item == item and s.status != SubmissionStatus.EXEMPT]
        arrived = sum(1 for s in owed if s.status in ARRIVED)
        part = QCoreApplication.translate("Deadlines", "{0} 已报送 {1} / {2}").format(
            item, arrived, len(owed))
        overdue = sum(1 for s in owed if urgency(s, today) == "overdue")
        if overdue:
            part += QCoreApplication.translate("Deadlines", "，逾期未报 {0}").format(overdue)
        parts.append(part)
    return parts or [QCoreApplication.translate("Deadlines", "没有报送事项")]


def summary_line(subs: Sequence[Submission], today: date) -> str:
    """The counts of every item on one line, joined by '；'."""
    return QCoreApplication.translate("Deadlines", "；").join(summary_lines(subs, today))


def missing(subs: Iterable[Submission]) -> list[Submission]:
    """Items still owed (未报送), in the given order."""
    return [s for s in subs if s.status == SubmissionStatus.PENDING]


def _grouped(subs: Iterable[Submission]) -> dict[tuple[str, date | None], list[Submission]]:
    """Missing items grouped by (item, due), first-seen order kept."""
    groups: dict[tuple[str, date | None], list[Submission]] = {}
    for sub in missing(subs):
        groups.setdefault((sub.item, sub.due), []).append(sub)
    return groups


def _deadline_note(due: date | None, today: date) -> str:
    """'截止日期2021年5月24日（已逾期1天）', '…（今日截止）' or '…（还剩3天）'."""
    if due is None:
        return "未定截止日期"
    left = days_left(due, today)
    if left < 0:
        state = f"已逾期{-left}天"
    elif left == 0:
        state = "今日截止"
    else:
        state = f"还剩{left}天"
    return f"截止日期{chinese_date(due)}（{state}）"


def _contact_line(campaign: Campaign) -> str:
    """联系人、电话、邮箱 of the campaign, the parts that are filled in."""
    parts = [("联系人", campaign.contact_person), ("联系电话", campaign.contact_phone),
             ("电子邮箱", campaign.contact_email)]
    filled = [f"{label}：{value}" for label, value in parts if value]
    return "，".join(filled) + "。" if filled else ""


def _notice_ref(campaign: Campaign) -> str:
    """《title》（发文字号）, or the campaign's year when there is no title."""
    title = campaign.title.replace("\n", "").strip()
    if not title:
        return f"{campaign.year}年“5·20世界计量日”宣传活动通知"
    if not campaign.doc_number:
        return f"《{title}》"
    return f"《{title}》（{campaign.doc_number}）"


def reminder_text(campaign: Campaign, subs: Sequence[Submission], units: Iterable[Unit],
                  today: date) -> str:
    """A 催报 message naming every unit still missing an item; '' when nothing is missing.
    Always in Chinese, whatever the interface language: it goes to Chinese units."""
    groups = _grouped(subs)
    if not groups:
        return ""
    names = {u.id: u.name for u in units}
    lines = ["各有关单位：", f"根据{_notice_ref(campaign)}要求，以下单位尚未报送材料："]
    for number, ((item, due), rows) in enumerate(groups.items(), start=1):
        who = "、".join(names.get(s.unit_id, str(s.unit_id)) for s in rows)
        lines.append(f"{number}．{item}，{_deadline_note(due, today)}，尚缺{len(rows)}家：{who}。")
    lines.append("请上述单位抓紧报送；如已报送，请忽略本提醒。")
    contact = _contact_line(campaign)
    if contact:
        lines.append(contact)
    lines.append(chinese_date(today))
    return "\n".join(lines)
