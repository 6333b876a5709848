"""New campaign from last year: the notice moved a year on, submissions reset, 2021 untouched."""
from __future__ import annotations

from datetime import date

import pytest

from models.db.storage import StoreError
from models.entities import Level, SubmissionStatus
from models.notice_rules import has_errors, validate_campaign
from models.rollover import CarryOver, move_years_in_text, new_campaign_from, shift_years


def _snapshot(store) -> dict[str, list]:
    """Every row of every table, to prove nothing changed."""
    tables = ("campaigns", "units", "activities", "submissions")
    return {t: store.db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in tables}


@pytest.fixture
def source(store):
    """The seeded 2021 campaign."""
    return store.latest_campaign()


def test_dates_move_by_whole_years(store, source):
    new = new_campaign_from(store, source.id, 2022)
    assert new.year == 2022
    assert new.window == (date(2022, 5, 11), date(2022, 5, 23))
    assert new.issue_date == date(2022, 5, 8)
    assert new.print_date == date(2022, 5, 8)
    assert new.summary_due == date(2022, 5, 24)
    assert store.campaign(new.id) == new


def test_february_29_becomes_28():
    assert shift_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert shift_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert shift_years(None, 1) is None


def test_year_rewritten_in_texts(store, source):
    new = new_campaign_from(store, source.id, 2022)
    assert new.doc_number == "沪市监计量〔2022〕号"
    assert new.title.startswith("上海市市场监督管理局关于开展2022年\n")
    assert new.attachment_title.startswith("2022年上海市")
    assert new.body.startswith("2022年5月20日是第23个世界计量日")
    assert "（市监计量函〔2022〕号）" in new.body
    assert "2022年5月11日至5月23日。" in new.body
    assert "2021" not in new.title + new.body + new.attachment_title + new.doc_number
    assert new.theme == source.theme
    assert new.contact_phone == source.contact_phone


def test_other_years_and_numbers_left_alone():
    text = "自2019年起，沪市监计量〔2020〕12号；20210年；2021年"
    assert move_years_in_text(text, 2021, 2022) == "自2019年起，沪市监计量〔2020〕12号；20210年；2022年"


def test_rolled_notice_has_warnings_but_no_errors(store, source):
    problems = validate_campaign(new_campaign_from(store, source.id, 2022))
    assert not has_errors(problems)
    assert {p.field for p in problems} == {"doc_number", "body"}


def test_submissions_reset(store, source):
    old = store.submissions(source.id)
    store.save_submissions([old[0].with_changes(status=SubmissionStatus.RECEIVED,
                                                received=date(2021, 5, 22), note="邮件")])
    new = new_campaign_from(store, source.id, 2022)
    subs = store.submissions(new.id)
    assert [(s.unit_id, s.item) for s in subs] == [(s.unit_id, s.item) for s in old]
    assert {s.status for s in subs} == {SubmissionStatus.PENDING}
    assert {s.received for s in subs} == {None}
    assert {s.note for s in subs} == {""}
    assert {s.due for s in subs if s.item == "活动总结"} == {date(2022, 5, 24)}
    assert {s.due for s in subs if s.item == "活动安排"} == {date(2022, 5, 7)}


def test_units_shared_activities_not_copied(store, source):
    units = store.units()
    new = new_campaign_from(store, source.id, 2022)
    assert store.units() == units
    assert store.activities(new.id) == []


def test_activities_copied_as_draft_when_asked(store, source):
    old = store.activities(source.id)
    new = new_campaign_from(store, source.id, 2022, CarryOver(activities=True))
    copied = store.activities(new.id)
    assert [(a.level, a.group_no, a.position, a.name) for a in copied] == \
        [(a.level, a.group_no, a.position, a.name) for a in old]
    assert {a.campaign_id for a in copied} == {new.id}
    assert not {a.id for a in copied} & {a.id for a in old}
    first = store.activities(new.id, Level.MUNICIPAL)[0]
    assert "2022" in first.spans_json and "2021" not in first.spans_json
    assert all(a.carried for a in copied) and not any(a.carried for a in old)


def test_2021_untouched(store, source):
    before = _snapshot(store)
    new_campaign_from(store, source.id, 2022, CarryOver(activities=True))
    after = _snapshot(store)
    assert after["units"] == before["units"]
    assert [r for r in after["campaigns"] if r[0] == source.id] == before["campaigns"]
    assert [r for r in after["activities"] if r[1] == source.id] == before["activities"]
    assert [r for r in after["submissions"] if r[1] == source.id] == before["submissions"]


def test_creating_a_year_twice_fails_cleanly(store, source):
    new_campaign_from(store, source.id, 2022)
    before = _snapshot(store)
    with pytest.raises(StoreError, match="2022 年的活动已经存在"):
        new_campaign_from(store, source.id, 2022, CarryOver(activities=True))
    assert _snapshot(store) == before


def test_existing_source_year_refused(store, source):
    before = _snapshot(store)
    with pytest.raises(StoreError, match="已经存在"):
        new_campaign_from(store, source.id, 2021)
    with pytest.raises(StoreError, match="不在"):
        new_campaign_from(store, source.id, 1999)
    assert _snapshot(store) == before


def test_failure_midway_rolls_everything_back(store, source, monkeypatch):
    before = _snapshot(store)

    def broken(subs):
        list(subs)
        raise StoreError("磁盘已满")

    monkeypatch.setattr(store, "save_submissions", broken)
    with pytest.raises(StoreError, match="磁盘已满"):
        new_campaign_from(store, source.id, 2022, CarryOver(activities=True))
    assert _snapshot(store) == before


def test_what_is_carried_over_is_the_coordinators_choice(store, source):
    """Without the notice text its title, theme, body and attachment title start empty
    (letterhead, contacts and dates still move on); without units and their items nothing
    is owed; activities only when asked."""
    new = new_campaign_from(store, source.id, 2022, CarryOver(notice=False, submissions=False))
    assert (new.title, new.theme, new.body, new.attachment_title) == ("", "", "", "")
    assert new.issuer == source.issuer and new.contact_email == source.contact_email
    assert new.addressees == source.addressees
    assert new.doc_number == "沪市监计量〔2022〕号"
    assert new.summary_due == date(2022, 5, 24) and new.plan_due == date(2022, 5, 7)
    assert store.submissions(new.id) == [] and store.activities(new.id) == []
    full = new_campaign_from(store, source.id, 2023, CarryOver(True, True, True))
    assert full.title.startswith("上海市市场监督管理局关于开展2023年")
    assert len(store.submissions(full.id)) == 42 and len(store.activities(full.id)) == 29
