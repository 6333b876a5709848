"""Rules a campaign notice must follow, and how its body numbers its headings."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from models.dates.workdays import off_day_note
from models.entities import Campaign
from models.i18n import _tr
from models.text import chinese_date

CITED_NUMBER = re.compile(r"〔(?P<year>\d{4})〕(?P<number>\d*)号")
"""The 〔year〕number号 part of a 发文字号; the number is empty while not yet assigned."""

DOC_NUMBER = re.compile(r"(?P<prefix>[\u4e00-\u9fff]+)" + CITED_NUMBER.pattern)
"""A whole 发文字号: issuer abbreviation, 〔year〕, number without leading zero, 号."""

_HEADINGS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"[一二三四五六七八九十百]+、")),
    (2, re.compile(r"[（(][一二三四五六七八九十百]+[）)]")),
    (3, re.compile(r"\d+[．.](?!\d)")),
    (4, re.compile(r"[（(]\d+[）)]")),
)
_WRONG_BRACKETS = "[]［］【】()（）{}"
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(
    r"(?:\+?86[-\s]?)?1\d{10}"                                     # mobile
    r"|(?:0\d{2,3}[-\s]?)?\d{7,8}(?:\s*(?:转|-|—|ext\.?|x)\s*\d{1,6}\s*(?:分机)?)?"
)
_PHONE_SEPARATORS = re.compile(r"[、，,;；/]|\s{2,}")
_TITLE_YEAR = re.compile(r"(?<!\d)(\d{4})年")
_ISSUE_LEAD_DAYS = 180
_SUMMARY_DAYS = 60
_METROLOGY_DAY = (5, 20)



class Severity(StrEnum):
    """Errors block saving; warnings are shown but do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one field of the notice."""

    field: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        """True when the problem blocks saving."""
        return self.severity == Severity.ERROR


OFF_DAY_FIELDS = ("plan_due", "summary_due")
"""Deadlines the units must meet: on a day off, the next working day is offered."""


def _warning(field: str, message: str) -> Problem:
    """A problem that does not block saving."""
    return Problem(field, message, Severity.WARNING)


# -- body headings -----------------------------------------------------------------------


def heading_level(line: str) -> int | None:
    """The level a body line's numbering announces: 一、 1, （一） 2, 1． 3, （1） 4, else None."""
    text = line.lstrip(" \t\u3000")
    return next((level for level, pattern in _HEADINGS if pattern.match(text)), None)


def headings(body: str) -> list[tuple[int, int, str]]:
    """(line index, level, text) of every numbered heading line of a body."""
    found = []
    for index, line in enumerate(body.split("\n")):
        level = heading_level(line)
        if level is not None:
            found.append((index, level, line.strip(" \t\u3000")))
    return found


# -- the rules -----------------------------------------------------------------------------


def validate_campaign(c: Campaign) -> list[Problem]:
    """Every problem of a campaign's notice, errors and warnings, in form order."""
    checks = (_check_doc_number, _check_required, _check_title_years, _check_window,
              _check_cited_numbers, _check_issue_dates, _check_contact, _check_summary_due,
              _check_plan_due, _check_off_days)
    return [problem for check in checks for problem in check(c)]


def has_errors(problems: list[Problem]) -> bool:
    """True when any problem blocks saving."""
    return any(p.is_error for p in problems)


def _check_doc_number(c: Campaign) -> Iterator[Problem]:
    """沪市监计量〔2021〕260号: abbreviation, 〔year of the campaign〕, number, 号."""
    text = c.doc_number
    if not text.strip():
        yield Problem("doc_number", _tr("发文字号不能为空。"))
        return
    match = DOC_NUMBER.fullmatch(text)
    if match is None:
        yield Problem("doc_number", _tr(
            "发文字号格式应为“沪市监计量〔{0}〕260号”：发文机关代字、〔年份〕、序号、“号”。"
        ).format(c.year))
        yield from _doc_number_hints(text)
        return
    if int(match["year"]) != c.year:
        yield Problem("doc_number", _tr("发文字号中的年份 {0} 与活动年度 {1} 不一致。").format(
            match["year"], c.year))
    number = match["number"]
    if not number:
        yield _warning("doc_number", _tr("发文字号尚未编号，印发前请填入序号。"))
    elif number.startswith("0"):
        yield Problem("doc_number", _tr("发文字号的序号不编虚位：写“{0}号”，不写“{1}号”。").format(
            number.lstrip("0") or "1", number))


def _doc_number_hints(text: str) -> Iterator[Problem]:
    """Why a 发文字号 does not match: the usual slips."""
    wrong = "".join(ch for ch in _WRONG_BRACKETS if ch in text)
    if wrong:
        yield Problem("doc_number", _tr("年份应括入六角括号“〔〕”，不用“{0}”。").format(wrong))
    if "第" in text:
        yield Problem("doc_number", _tr("序号前不加“第”字。"))
    if re.search(r"\s", text):
        yield Problem("doc_number", _tr("发文字号中不应有空格。"))


def _check_required(c: Campaign) -> Iterator[Problem]:
    """Title, addressees and body must be there; theme and signature should be."""
    required = {"title": _tr("标题不能为空。"), "addressees": _tr("主送机关不能为空。"),
                "body": _tr("正文不能为空。")}
    wanted = {"theme": _tr("尚未填写活动主题。"), "signature": _tr("尚未填写发文机关署名。")}
    for name, message in required.items():
        if not getattr(c, name).strip():
            yield Problem(name, message)
    for name, message in wanted.items():
        if not getattr(c, name).strip():
            yield _warning(name, message)


def _check_title_years(c: Campaign) -> Iterator[Problem]:
    """A year named in the title or attachment title should be the campaign's."""
    for name in ("title", "attachment_title"):
        for found in sorted({int(y) for y in _TITLE_YEAR.findall(getattr(c, name))} - {c.year}):
            yield _warning(name, _tr("标题中的“{0}年”与活动年度 {1} 不一致。").format(found, c.year))


def _check_window(c: Campaign) -> Iterator[Problem]:
    """Start not after end, both inside the campaign year, 5月20日 inside."""
    start, end = c.window
    if start > end:
        yield Problem("window_end", _tr("活动结束日期（{0}）早于开始日期（{1}）。").format(
            chinese_date(end, translated=True), chinese_date(start, translated=True)))
    for name, day in (("window_start", start), ("window_end", end)):
        if day.year != c.year:
            yield Problem(name, _tr("活动时间应在 {0} 年内（现为{1}）。").format(
                c.year, chinese_date(day, translated=True)))
    metrology_day = date(c.year, *_METROLOGY_DAY)
    if start <= end and not start <= metrology_day <= end:
        yield _warning("window_start", _tr("活动时间不含 5月20日 世界计量日。"))


def _check_cited_numbers(c: Campaign) -> Iterator[Problem]:
    """Document numbers cited in the body should have their number filled in."""
    for match in CITED_NUMBER.finditer(c.body):
        if not match["number"]:
            yield _warning("body", _tr("正文引用的文号“{0}”尚未填写序号。").format(match[0]))


def _check_issue_dates(c: Campaign) -> Iterator[Problem]:
    """成文日期 shortly before the window; 印发 not before 成文."""
    issued, printed = c.issue_date, c.print_date
    if issued is None:
        yield _warning("issue_date", _tr("尚未填写成文日期。"))
    elif issued >= c.window_start:
        yield _warning("issue_date", _tr("成文日期应早于活动开始日期（{0}）。").format(
            chinese_date(c.window_start, translated=True)))
    elif issued < c.window_start - timedelta(days=_ISSUE_LEAD_DAYS):
        yield _warning("issue_date", _tr("成文日期比活动开始早半年以上，请核对年份。"))
    if issued is not None and printed is not None and printed < issued:
        yield Problem("print_date", _tr("印发日期不能早于成文日期（{0}）。").format(
            chinese_date(issued, translated=True)))


def _check_contact(c: Campaign) -> Iterator[Problem]:
    """Contact person, a plausible phone number and a well-formed e-mail address."""
    if not c.contact_person.strip():
        yield _warning("contact_person", _tr("尚未填写联系人。"))
    phone = c.contact_phone.strip()
    if not phone:
        yield _warning("contact_phone", _tr("尚未填写联系电话。"))
    elif not all(_PHONE.fullmatch(part.strip())
                 for part in _PHONE_SEPARATORS.split(phone) if part.strip()):
        yield _warning("contact_phone", _tr(
            "联系电话看起来不对：应为 8 位固定电话（可带区号、“转”分机）或 11 位手机号。"))
    email = c.contact_email.strip()
    if not email:
        yield _warning("contact_email", _tr("尚未填写电子邮箱。"))
    elif not _EMAIL.fullmatch(email):
        yield Problem("contact_email", _tr(
            "电子邮箱格式不正确（应如 name@scjgj.sh.gov.cn，用半角字符）。"))


def _check_summary_due(c: Campaign) -> Iterator[Problem]:
    """The summary is due after the window ends, within about two months."""
    due = c.summary_due
    if due is None:
        yield _warning("summary_due", _tr("尚未填写活动总结报送截止日期。"))
    elif due <= c.window_end:
        yield Problem("summary_due", _tr("总结报送截止日期应晚于活动结束日期（{0}）。").format(
            chinese_date(c.window_end, translated=True)))
    elif due > c.window_end + timedelta(days=_SUMMARY_DAYS):
        yield _warning("summary_due", _tr("总结报送截止日期距活动结束超过 {0} 天。").format(
            _SUMMARY_DAYS))


def _check_off_days(c: Campaign) -> Iterator[Problem]:
    """A deadline on a weekend or public holiday: said, with the next working day."""
    for name in OFF_DAY_FIELDS:
        day = getattr(c, name)
        note = off_day_note(day) if day is not None else None
        if note:
            yield _warning(name, _tr("截止日期落在休息日：{0}").format(note))


def _check_plan_due(c: Campaign) -> Iterator[Problem]:
    """The units' plans are due before the notice is issued: its attachment lists them."""
    due = c.plan_due
    if due is None:
        yield _warning("plan_due", _tr("尚未填写活动安排报送截止日期。"))
    elif c.issue_date is not None and due > c.issue_date:
        yield _warning("plan_due", _tr(
            "活动安排报送截止日期应早于成文日期（{0}）：通知附件要列出各单位的活动安排。").format(
            chinese_date(c.issue_date, translated=True)))
    elif due > c.window_start:
        yield _warning("plan_due", _tr("活动安排报送截止日期晚于活动开始日期（{0}）。").format(
            chinese_date(c.window_start, translated=True)))
