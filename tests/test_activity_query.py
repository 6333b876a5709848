"""Filtering and sorting activities without any Qt: what the table and the command line show."""
from __future__ import annotations

from datetime import date

import pytest

from models.activity_query import ActivityFilter, ActivityQuery
from models.entities import Level


def names(rows) -> list[str]:
    return [a.name for a in rows]


@pytest.mark.parametrize("text", ["血压计", "微信 抖音", "计量 浦东", "APP", "绿色青浦 app"])
def test_search_gives_the_same_rows_before_and_after_the_index_is_built(campaign_data, text):
    cold = ActivityQuery()
    cold.filter.text = text
    before = cold.rows(campaign_data)
    warm = ActivityQuery()
    warm.filter.text = text
    while warm.index(campaign_data.activities).step():
        pass
    assert warm.index(campaign_data.activities).search_ready()
    assert names(warm.rows(campaign_data)) == names(before)
    assert before  # every needle here is somewhere in the seed


def test_search_needs_every_word_in_some_field(campaign_data):
    query = ActivityQuery()
    query.filter.text = "微信 抖音"
    for activity in query.rows(campaign_data):
        texts = " ".join([activity.name, activity.content, activity.time_text,
                          activity.publicity_forms, activity.publicity_content,
                          activity.responsible])
        assert "微信" in texts and "抖音" in texts
    query.filter.text = "微信 无此词"
    assert query.rows(campaign_data) == []


def test_level_day_and_sort_together(campaign_data):
    query = ActivityQuery()
    query.filter = ActivityFilter(level=Level.MUNICIPAL, day=date(2021, 5, 18))
    query.sort_field, query.descending = "name", True
    shown = names(query.rows(campaign_data))
    assert shown == sorted(shown, reverse=True)
    assert "公益报时" in shown                    # 5月17日至5月23日
    assert "测量守护健康，计量惠及民生" not in shown  # 5月20日 only
    assert all(a.level == Level.MUNICIPAL for a in query.rows(campaign_data))


def test_sorting_by_number_keeps_groups_together(campaign_data):
    query = ActivityQuery()
    query.sort_field = "group_no"
    keys = [(a.group_no, a.level != Level.MUNICIPAL, a.position) for a in query.rows(campaign_data)]
    assert keys == sorted(keys)


@pytest.mark.parametrize("sort_field", [None, "name", "group_no"])
def test_row_of_finds_each_shown_activity(campaign_data, sort_field):
    query = ActivityQuery()
    query.filter.level = Level.DISTRICT
    query.sort_field, query.descending = sort_field, True
    shown = query.rows(campaign_data)
    assert [query.row_of(a.id) for a in shown] == list(range(len(shown)))
    hidden = [a for a in campaign_data.activities if a.level == Level.MUNICIPAL]
    assert {query.row_of(a.id) for a in hidden} == {-1}


def test_an_index_does_not_serve_the_rows_after_the_document_reorders_them(store):
    """Swapping two rows of a group reorders the document: an index built before must not
    go on answering by the old positions (the list is a new one, not re-sorted in place)."""
    from models.editor import CampaignEditor
    editor = CampaignEditor(store)
    query = ActivityQuery()
    rows = editor.document.activities
    index = query.index(rows)
    first = next(a for a in rows if a.position == 1 and any(
        b.group_no == a.group_no and b.level == a.level and b.position == 2 for b in rows))
    assert editor.move(first.id, 1)
    now = editor.document.activities
    assert [a.id for a in now] != [a.id for a in rows]
    assert not index.serves(now)
    assert query.index(now) is not index
    assert [a.name for a in query.rows(editor.document.data)] == [a.name for a in now]
    editor.restart_history()
