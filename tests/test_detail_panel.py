"""The detail panel: a greyed field says why, and the boxes do not move as hints come and go."""
from __future__ import annotations

import pytest

from models.entities import Level
from ui.activities_panel import ActivitiesPanel


@pytest.fixture
def panel(ctx, qtbot):
    widget = ActivitiesPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_greyed_field_says_why(panel, ctx):
    district = next(a for a in ctx.document.activities if a.level == Level.DISTRICT)
    panel.select_activity(district.id)
    box = panel.detail_edits["publicity_content"]
    assert not box.isEnabled()
    assert box.toolTip() == "区级活动安排表没有“宣传内容”这一列；改为市级后可以填写。"
    assert box.placeholderText() == box.toolTip()
    municipal = next(a for a in ctx.document.activities if a.level == Level.MUNICIPAL)
    panel.select_activity(municipal.id)
    assert box.isEnabled() and box.toolTip() == ""


def test_the_boxes_stay_put_when_the_time_hint_comes_and_goes(panel, ctx, qtbot):
    first = panel.model.activity_at(0)
    panel.select_activity(first.id)
    assert panel.time_hint.text().startswith("识别为：")
    content = panel.detail_edits["content"]

    def top() -> int:
        panel.detail.layout().activate()
        return content.mapTo(panel, content.rect().topLeft()).y()
    ctx.editor.edit_field(first.id, "time_text", "")
    qtbot.waitUntil(lambda: panel.time_hint.text() == "")
    before = top()
    ctx.editor.edit_field(first.id, "time_text", "5月11日、12日、13日、14日、15日、16日、17日、18日")
    qtbot.waitUntil(lambda: panel.time_hint.text() != "")
    assert panel.time_hint.text().startswith("识别为：2021-05-11；")
    assert top() == before
