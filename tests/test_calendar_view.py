"""The campaign calendar: bars over parsed spans, day counts, clicks, the unparsed list."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip

from models.commands import InsertActivitiesCommand, edit_field
from models.dates.periods import parse_periods
from models.entities import Activity, Level
from ui.calendar.style import LEVEL_COLORS, METROLOGY_FILL, WEEKEND_FILL
from ui.calendar.view import CalendarView

METROLOGY_DAY = date(2021, 5, 20)


@pytest.fixture
def view(ctx, qtbot):
    """A calendar over the seeded 2021 campaign, shown at a working size."""
    ctx.editor.set_planning_date(date(2021, 5, 12))
    widget = CalendarView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def district_activity(ctx, group_no: int):
    """The first row of a 区级 group."""
    return next(a for a in ctx.document.activities
                if a.level == Level.DISTRICT and a.group_no == group_no and a.position == 1)


def click(qtbot, view, pos: QPoint) -> None:
    """Click the timeline at a viewport point."""
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_window_comes_from_the_campaign(view, ctx):
    assert view.data.window == (date(2021, 5, 11), date(2021, 5, 23))
    assert view.data.days == 13


def test_click_on_metrology_day_header_emits_that_date(view, qtbot):
    rect = view.canvas.day_rect(METROLOGY_DAY)
    with qtbot.waitSignal(view.canvas.day_selected, timeout=1000) as blocker:
        click(qtbot, view, rect.center())
    assert blocker.args == [METROLOGY_DAY]


def test_click_on_an_empty_cell_emits_its_day(view, qtbot, ctx):
    # 市级 2 (公益报时) runs 17–23 May: its cell on the 13th is empty.
    lane = next(i for i, lane in enumerate(view.data.lanes) if lane.activity.group_no == 2
                and lane.activity.level == Level.MUNICIPAL)
    rect = view.canvas.cell_rect(lane, view.data.column(date(2021, 5, 13)))
    with qtbot.waitSignal(view.canvas.day_selected, timeout=1000) as blocker:
        click(qtbot, view, rect.center())
    assert blocker.args == [date(2021, 5, 13)]


def test_click_on_a_bar_selects_it_and_shows_its_details_without_opening(view, qtbot, ctx):
    target = district_activity(ctx, 7)
    rect = view.canvas.bar_rects(target.id)[0]
    opened = []
    view.activity_opened.connect(opened.append)
    with qtbot.waitSignal(view.canvas.activity_selected, timeout=1000) as blocker:
        click(qtbot, view, rect.center())
    assert blocker.args == [target.id]
    assert opened == []
    assert view.canvas.selected == ("activity", target.id)
    details = view.details.toPlainText()
    assert target.name in details and target.content.split("\n")[0] in details
    assert ctx.document.unit(target.unit_id).name in details


def test_double_click_or_enter_opens_the_activity(view, qtbot, ctx):
    target = district_activity(ctx, 7)
    rect = view.canvas.bar_rects(target.id)[0]
    with qtbot.waitSignal(view.activity_opened, timeout=1000) as blocker:
        qtbot.mouseDClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [target.id]
    other = district_activity(ctx, 9)
    click(qtbot, view, view.canvas.bar_rects(other.id)[0].center())
    with qtbot.waitSignal(view.activity_opened, timeout=1000) as blocker:
        qtbot.keyClick(view.canvas, Qt.Key.Key_Return)
    assert blocker.args == [other.id]


def test_a_double_click_on_a_day_opens_that_day(view, qtbot):
    rect = view.canvas.day_rect(METROLOGY_DAY)
    click(qtbot, view, rect.center())
    assert "5月20日" in view.details.toPlainText()
    with qtbot.waitSignal(view.day_opened, timeout=1000) as blocker:
        qtbot.mouseDClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [METROLOGY_DAY]


def test_whole_month_is_clipped_both_sides_and_approximate(view, ctx):
    lane = view.lane_of(district_activity(ctx, 7).id)
    assert lane is not None and lane.activity.time_text == "5月"
    [bar] = lane.bars
    assert (bar.first, bar.last) == (0, 12)
    assert bar.clipped_left and bar.clipped_right
    assert bar.approximate


def test_exact_day_is_solid_and_unclipped(view, ctx):
    lane = view.lane_of(district_activity(ctx, 3).id)  # 静安 · 5月20日
    [bar] = lane.bars
    assert view.data.day(bar.first) == METROLOGY_DAY == view.data.day(bar.last)
    assert not (bar.approximate or bar.clipped_left or bar.clipped_right)


def test_deadline_span_is_open_on_the_left(view, ctx):
    lane = view.lane_of(district_activity(ctx, 2).id)  # 黄浦 · 5月20日前
    [bar] = lane.bars
    assert bar.approximate and bar.clipped_left and not bar.clipped_right


def test_two_days_in_one_text_give_two_bars_in_one_lane(view, ctx):
    first = next(a for a in ctx.document.activities if a.level == Level.MUNICIPAL)
    lane = view.lane_of(first.id)  # 5月11日、12日
    assert [(b.first, b.last) for b in lane.bars] == [(0, 0), (1, 1)]


def test_metrology_day_count_matches_the_parser(view, ctx):
    campaign = ctx.document.campaign
    expected = sum(
        1 for a in ctx.document.activities
        if any(s.covers(METROLOGY_DAY, campaign.window)
               for s in parse_periods(a.time_text, campaign.year, campaign.window)))
    assert expected > 10
    assert view.day_count(METROLOGY_DAY) == expected


def test_every_day_count_matches_the_lanes(view):
    for column in range(view.data.days):
        assert view.data.counts[column] == len(view.data.lanes_on(column))


def test_day_tooltip_names_its_activities(view, ctx):
    rect = view.canvas.day_rect(date(2021, 5, 18))
    text = view.canvas.tooltip_at(rect.center())
    assert "5月18日" in text
    on_day = [lane.activity for lane in view.data.lanes_on(view.data.column(date(2021, 5, 18)))]
    assert on_day
    for activity in on_day:
        assert activity.name in text


def test_bar_tooltip_gives_name_time_and_unit(view, ctx):
    target = district_activity(ctx, 7)
    text = view.canvas.tooltip_at(view.canvas.bar_rects(target.id)[0].center())
    assert target.name in text
    assert "5月" in text
    assert ctx.document.unit(target.unit_id).name in text


def test_hovering_a_bar_shows_its_tooltip(view, ctx, qtbot):
    target = district_activity(ctx, 7)
    pos = view.canvas.bar_rects(target.id)[0].center()
    viewport = view.canvas.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=1000)
    assert target.name in QToolTip.text()
    QToolTip.hideText()


def test_unreadable_time_moves_the_activity_to_the_side_list(view, ctx, qtbot):
    target = district_activity(ctx, 3)
    assert target.id not in view.unparsed_list.ids()
    ctx.undo_stack.push(edit_field(ctx.document, target.id, "time_text", "常态化开展"))
    assert target.id in view.unparsed_list.ids()
    assert view.lane_of(target.id) is None
    assert view.canvas.bar_rects(target.id) == []
    with qtbot.waitSignal(view.unparsed_list.activity_selected, timeout=1000) as blocker:
        view.unparsed_list.click(target.id)
    assert blocker.args == [target.id]
    assert "常态化开展" in view.details.toPlainText()
    with qtbot.waitSignal(view.activity_opened, timeout=1000) as blocker:
        view.unparsed_list.click(target.id, activate=True)
    assert blocker.args == [target.id]
    ctx.undo_stack.undo()
    assert target.id not in view.unparsed_list.ids()
    assert view.lane_of(target.id) is not None
    ctx.undo_stack.redo()
    assert view.unparsed_list.ids() == [target.id]


def test_side_list_models_pass_the_model_tester(view, ctx, qtmodeltester):
    target = district_activity(ctx, 5)
    ctx.undo_stack.push(edit_field(ctx.document, target.id, "time_text", "待定"))
    model = view.unparsed_list.model
    qtmodeltester.check(model)
    index = model.index(0, 0)
    assert "待定" in index.data()
    assert "时间待定" in index.data(Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(view.outside_list.model)


def test_time_outside_the_window_is_listed_not_lost(view, ctx):
    target = district_activity(ctx, 4)
    ctx.undo_stack.push(edit_field(ctx.document, target.id, "time_text", "4月2日"))
    assert view.outside_list.ids() == [target.id]
    assert view.outside_list.isVisibleTo(view)
    assert view.lane_of(target.id) is None
    ctx.undo_stack.undo()
    assert view.outside_list.ids() == []
    assert not view.outside_list.isVisibleTo(view)


def test_counts_follow_edits(view, ctx):
    before = view.day_count(date(2021, 5, 14))
    target = district_activity(ctx, 3)
    ctx.undo_stack.push(edit_field(ctx.document, target.id, "time_text", "5月14日"))
    assert view.day_count(date(2021, 5, 14)) == before + 1
    ctx.undo_stack.undo()
    assert view.day_count(date(2021, 5, 14)) == before


def test_weekends_and_metrology_day_are_shaded(view, qtbot):
    image = view.canvas.viewport().grab().toImage()
    bottom = view.canvas.viewport().height() - 3
    saturday = view.canvas.day_rect(date(2021, 5, 15))
    metrology = view.canvas.day_rect(METROLOGY_DAY)
    weekday = view.canvas.day_rect(date(2021, 5, 13))
    ratio = view.canvas.viewport().devicePixelRatio()

    def pixel(x: int) -> QColor:
        return image.pixelColor(int((x + 5) * ratio), int(bottom * ratio))

    assert pixel(saturday.left()) == WEEKEND_FILL
    assert pixel(metrology.left()) == METROLOGY_FILL
    assert pixel(weekday.left()) not in (WEEKEND_FILL, METROLOGY_FILL)


def test_thousands_of_activities_paint_only_visible_lanes(view, ctx, qtbot, tmp_path):
    start = date(2021, 5, 11)
    rows = [Activity(Level.DISTRICT, 100 + i // 5, i % 5 + 1, f"生成活动{i}",
                     time_text=f"5月{(start + timedelta(days=i % 13)).day}日")
            for i in range(3000)]
    ctx.undo_stack.push(InsertActivitiesCommand(ctx.document, rows, "bulk"))
    assert len(view.data.lanes) == 3000 + 29
    visible = view.canvas.visible_lanes()
    assert 0 < len(visible) < 60
    view.canvas.verticalScrollBar().setValue(view.canvas.verticalScrollBar().maximum())
    assert view.canvas.visible_lanes().stop == len(view.data.lanes)
    assert view.grab().save(str(tmp_path / "many.png"))


def test_renders_to_png(view, ctx, tmp_path):
    """The saved picture shows what the calendar paints: shaded days and coloured bars."""
    path = tmp_path / "cal.png"
    assert view.grab().save(str(path))
    image = QImage(str(path))
    ratio = view.devicePixelRatio()
    assert (image.width(), image.height()) == (round(view.width() * ratio),
                                               round(view.height() * ratio))

    def pixel(point: QPoint) -> QColor:
        at = view.canvas.viewport().mapTo(view, point)
        return image.pixelColor(int(at.x() * ratio), int(at.y() * ratio))

    # 公益报时 (市级 2) runs exactly 17–23 May: a solid bar in the 市级 colour.
    lane = next(lane for lane in view.data.lanes
                if (lane.activity.level, lane.activity.group_no) == (Level.MUNICIPAL, 2))
    [bar] = view.canvas.bar_rects(lane.activity.id)
    assert pixel(QPoint(bar.left() + 4, bar.center().y())) == LEVEL_COLORS[Level.MUNICIPAL]
    bottom = view.canvas.viewport().height() - 3
    assert pixel(QPoint(view.canvas.day_rect(date(2021, 5, 15)).left() + 5, bottom)) \
        == WEEKEND_FILL
    assert pixel(QPoint(view.canvas.day_rect(METROLOGY_DAY).left() + 5, bottom)) \
        == METROLOGY_FILL


def test_arrow_keys_move_between_activities_and_days(view, qtbot):
    from PySide6.QtCore import Qt as QtNs
    canvas = view.canvas
    lanes = canvas.data.lanes
    canvas.setFocus()
    qtbot.keyClick(canvas, QtNs.Key.Key_Down)
    assert canvas.selected == ("activity", lanes[0].activity.id)
    qtbot.keyClick(canvas, QtNs.Key.Key_Down)
    assert canvas.selected == ("activity", lanes[1].activity.id)
    assert lanes[1].activity.name in view.details.toPlainText()
    qtbot.keyClick(canvas, QtNs.Key.Key_Up)
    assert canvas.selected == ("activity", lanes[0].activity.id)
    qtbot.keyClick(canvas, QtNs.Key.Key_End)
    assert canvas.selected == ("activity", lanes[-1].activity.id)
    last = canvas.lane_y(len(lanes) - 1)
    assert 0 <= last and last + canvas.metrics.row <= canvas.viewport().height(), "in view"
    qtbot.keyClick(canvas, QtNs.Key.Key_Home)
    qtbot.keyClick(canvas, QtNs.Key.Key_Right)  # the first activity's first day
    first_day = canvas.data.day(lanes[0].bars[0].first)
    assert canvas.selected == ("day", first_day)
    qtbot.keyClick(canvas, QtNs.Key.Key_Right)
    assert canvas.selected == ("day", first_day + timedelta(days=1))
    with qtbot.waitSignal(canvas.day_activated) as opened:
        qtbot.keyClick(canvas, QtNs.Key.Key_Return)
    assert opened.args == [first_day + timedelta(days=1)]
