"""The calendar file: one all-day event per span, inclusive ends, open spans clipped."""
from __future__ import annotations

from datetime import date

from icalendar import Calendar

from exporters.ics_calendar import export_calendar


def _events(data, tmp_path):
    path = tmp_path / "c.ics"
    export_calendar(data, path)
    return [e for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


def test_one_all_day_event_per_span(campaign_data, tmp_path):
    events = _events(campaign_data, tmp_path)
    by_name = {}
    for event in events:
        by_name.setdefault(str(event["SUMMARY"]), []).append(event)
    broadcast = by_name["公益报时"][0]
    assert broadcast.decoded("DTSTART") == date(2021, 5, 17)
    assert broadcast.decoded("DTEND") == date(2021, 5, 24), "DTEND is the day after the end"
    assert len(by_name["第二届全国产业计量（上海）大会"]) == 2  # 5月11日、12日
    assert "市局计量处" in str(broadcast["DESCRIPTION"])
    assert all(type(e.decoded("DTSTART")) is date for e in events)


def test_open_ended_span_clipped_to_window(campaign_data, tmp_path):
    events = _events(campaign_data, tmp_path)
    huangpu = next(e for e in events if str(e["LOCATION"]) == "黄浦区市场监管局")  # 5月20日前
    assert huangpu.decoded("DTSTART") == date(2021, 5, 11)
    assert huangpu.decoded("DTEND") == date(2021, 5, 21)
    assert "黄浦区市场监管局" in str(huangpu["CATEGORIES"].to_ical(), "utf-8")


def test_uids_are_stable_and_unique(campaign_data, tmp_path):
    first = [str(e["UID"]) for e in _events(campaign_data, tmp_path)]
    second = [str(e["UID"]) for e in _events(campaign_data, tmp_path)]
    assert first == second and len(set(first)) == len(first)


def test_open_spans_outside_the_window_keep_their_fixed_day():
    from datetime import date

    from models.dates.periods import parse_periods
    window = (date(2021, 5, 11), date(2021, 5, 23))
    read = {text: parse_periods(text, 2021, window)[0].ends(window)
            for text in ("5月25日起", "6月起", "5月8日前", "5月20日前", "5月15日起", "5·20期间")}
    assert read["5月25日起"] == (date(2021, 5, 25), date(2021, 5, 25))
    assert read["6月起"] == (date(2021, 6, 1), date(2021, 6, 1))
    assert read["5月8日前"] == (date(2021, 5, 8), date(2021, 5, 8))
    assert read["5月20日前"] == (date(2021, 5, 11), date(2021, 5, 20))
    assert read["5月15日起"] == (date(2021, 5, 15), date(2021, 5, 23))
    assert read["5·20期间"] == window
