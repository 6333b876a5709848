"""The year in use: kept in the database, reopened by the window, named by every command,
and last year's carried-over activities marked until edited or confirmed."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from models.editor import CampaignEditor
from models.export_warnings import export_warnings
from models.rollover import CarryOver
from tests.cli_run import run_cli
from tests.recording_dialogs import RecordingDialogs
from ui.activities_model import CARRIED_BRUSH
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.settings import Settings

run = run_cli  # (code, out, err) of one command


@pytest.fixture
def two_years(store):
    """2021 and a 2022 made from it (activities carried over), with 2021 back in use."""
    editor = CampaignEditor(store)
    first = editor.document.campaign
    editor.new_campaign_from_last_year(2022, CarryOver(activities=True))
    editor.switch_campaign(first.id)
    editor.restart_history()
    return store


def test_the_year_last_used_is_kept_in_the_database(two_years):
    """The issue's case: after 2022 was made and 2021 switched back to, 2021 reopens."""
    assert two_years.latest_campaign().year == 2022
    assert two_years.state("last_year") == "2021"
    assert CampaignEditor(two_years).document.campaign.year == 2021
    editor = CampaignEditor(two_years)
    editor.switch_campaign(two_years.campaign_of_year(2022).id)
    assert CampaignEditor(two_years).document.campaign.year == 2022


def test_every_command_names_its_year_first_and_defaults_to_the_last_used(two_years):
    code, out, _ = run(two_years, "activities", "--day", "2021-05-20")
    assert code == 0
    assert out.splitlines()[0] == "年度：2021年（上次使用的年度；其他年度请加 --year）"
    assert "测量守护健康，计量惠及民生" in out  # a 2021 activity of 5月20日
    code, out, _ = run(two_years, "activities", "--year", "2022", "--level", "区级")
    assert code == 0 and out.splitlines()[0] == "年度：2022年"
    assert "崇明区市场监管局" in out


def test_a_day_outside_the_chosen_year_is_an_error_not_silence(two_years):
    code, out, err = run(two_years, "activities", "--year", "2022", "--day", "2021-05-20")
    assert code == 2
    assert "2021-05-20 不在 2022 年度内" in err and "--year 2021" in err
    assert "【" not in out


def test_an_unknown_year_names_the_years_there_are(two_years, tmp_path):
    code, _out, err = run(two_years, "export", "appendix", "--year", "2030",
                          "-o", str(tmp_path / "a.docx"))
    assert code == 2 and "没有 2030 年的活动" in err and "2021、2022" in err
    assert not (tmp_path / "a.docx").exists()


def test_export_of_a_year_with_carried_activities_says_so(two_years, tmp_path):
    code, out, _ = run(two_years, "export", "appendix", "--year", "2022",
                       "-o", str(tmp_path / "a.docx"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "年度：2022年" and lines[1].startswith("已导出")
    assert lines[2].startswith("注意：有 29 项活动仍是从 2021 年沿用的")
    code, out, _ = run(two_years, "export", "appendix", "--year", "2021",
                       "-o", str(tmp_path / "b.docx"))
    assert "注意" not in out


def test_carried_activities_lose_the_mark_when_edited_or_confirmed(two_years):
    editor = CampaignEditor(two_years, campaign_id=two_years.campaign_of_year(2022).id)
    rows = editor.document.activities
    assert all(a.carried for a in rows)
    editor.edit_field(rows[0].id, "time_text", "5月19日")
    assert not editor.document.activity(rows[0].id).carried
    assert editor.confirm_carried([rows[1].id, rows[2].id, rows[0].id]) == 2
    assert editor.undo_stack.count() == 2
    assert [a.carried for a in two_years.activities(editor.document.campaign.id)[:4]] == [
        False, False, False, True]
    assert "26 项" in export_warnings(editor.document.data)[0]
    editor.undo_stack.undo()
    assert two_years.activity(rows[1].id).carried


def test_each_year_keeps_its_own_undo_history(store, qapp):
    """Switching years keeps each year's steps: back in 2021 its edit can be undone, while
    2022 is open nothing of 2021's can be."""
    editor = CampaignEditor(store)
    first = editor.document.campaign
    row = editor.document.activities[0]
    editor.edit_field(row.id, "name", "二〇二一年改")
    editor.new_campaign_from_last_year(2022, CarryOver(activities=True))
    second = editor.document.campaign
    assert editor.undo_stack.count() == 0 and not editor.undo_group.canUndo()
    editor.undo_group.undo()
    assert store.activity(row.id).name == "二〇二一年改", "2021's step is out of reach in 2022"
    row22 = editor.document.activities[0]
    editor.edit_field(row22.id, "name", "二〇二二年改")
    editor.switch_campaign(first.id)
    assert editor.undo_stack.count() == 1 and editor.undo_group.canUndo()
    editor.undo_group.undo()
    assert store.activity(row.id).name == row.name
    assert store.activity(row22.id).name == "二〇二二年改"
    editor.switch_campaign(second.id)
    assert editor.undo_stack.count() == 1 and editor.undo_stack.canUndo()
    editor.undo_group.undo()
    assert store.activity(row22.id).name == row22.name
    editor.switch_campaign(first.id)
    assert editor.undo_stack.canRedo(), "2021's undone step can still be redone"
    editor.delete_year(second.id)
    assert len(editor.undo_stacks()) == 1
    editor.close_history()


# -- the window --------------------------------------------------------------------------


@pytest.fixture
def window_on(qapp, qtbot, tmp_path):
    """Open a window on a store as the program does, with the given settings file."""
    made = []

    def open_window(store, settings_file="settings.ini") -> MainWindow:
        settings = Settings(QSettings(str(tmp_path / settings_file), QSettings.Format.IniFormat))
        ctx = AppContext(CampaignEditor(store), settings, RecordingDialogs())
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        made.append(ctx)
        return window
    yield open_window
    for ctx in made:
        ctx.undo_stack.clear()


def test_the_window_reopens_the_year_last_used_and_shows_it_everywhere(two_years, window_on):
    window = window_on(two_years)
    assert window.doc.campaign.year == 2021
    assert window.windowTitle().startswith("2021年")
    assert [window.tabs.tabText(i) for i in range(4)] == [
        "活动安排 · 2021年", "活动日历 · 2021年", "报送清单 · 2021年", "通知文件 · 2021年"]
    assert window.status.year_label.text() == "当前年度：2021年（库中另有 2022 年）"
    window.switch_campaign(two_years.campaign_of_year(2022).id)
    assert window.tabs.tabText(0) == "活动安排 · 2022年"
    assert window.status.year_label.text() == "当前年度：2022年"
    window.close()
    assert window_on(two_years).doc.campaign.year == 2022


def test_carried_activities_are_marked_in_the_table_and_calendar(two_years, window_on, qtbot):
    window = window_on(two_years)
    window.switch_campaign(two_years.campaign_of_year(2022).id)
    model = window.activities.model
    first = model.index(0, 0)
    assert first.data() == "市级 · 上年"
    assert model.index(0, 3).data(Qt.ItemDataRole.BackgroundRole) == CARRIED_BRUSH
    assert "沿用 2021 年的活动" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert "29 条沿用上年" in window.activities.count_label.text()
    window.activities.select_activity(model.activity_at(0).id)
    window.activities.confirm_action.trigger()
    assert model.index(0, 0).data() == "市级"
    assert model.index(0, 3).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "28 条沿用上年" in window.activities.count_label.text()
    lane = next(lane for lane in window.calendar.data.lanes if lane.activity.carried)
    assert "沿用 2021 年的活动" in window.calendar.canvas.texts.activity_tooltip(lane.activity)


def test_the_calendar_paints_the_last_year_mark(two_years, window_on, qtbot):
    from ui.calendar.style import CARRIED_FILL
    window = window_on(two_years)
    window.switch_campaign(two_years.campaign_of_year(2022).id)
    window.resize(1400, 860)
    window.show()
    window.show_view("calendar")
    qtbot.waitExposed(window)
    canvas = window.calendar.canvas
    image = canvas.viewport().grab().toImage()
    label_width = canvas.metrics.label
    y = canvas.lane_y(0) + canvas.metrics.row // 2
    row = {image.pixelColor(x, y).name() for x in range(label_width)}
    assert CARRIED_FILL.name() in row
    window.ctx.editor.confirm_carried([a.id for a in window.doc.activities])
    image = canvas.viewport().grab().toImage()
    assert CARRIED_FILL.name() not in {image.pixelColor(x, y).name() for x in range(label_width)}


def test_an_export_from_the_window_says_when_last_years_rows_remain(two_years, window_on,
                                                                   tmp_path):
    window = window_on(two_years)
    window.switch_campaign(two_years.campaign_of_year(2022).id)
    target = tmp_path / "附件.xlsx"
    window.ctx.dialogs.answers.append(target)
    window.export_actions["appendix", "xlsx"].trigger()
    assert target.exists()
    kind, title, text = window.ctx.dialogs.messages[-1]
    assert (kind, title) == ("choose", "已导出，请注意")
    assert "有 29 项活动仍是从 2021 年沿用的" in text


def test_new_campaign_dialog_choices_reach_the_new_year(two_years, window_on, monkeypatch):
    window = window_on(two_years)
    monkeypatch.setattr(window.notice, "ask_new_campaign",
                        lambda year: (2023, CarryOver(notice=True, submissions=False,
                                                      activities=True)))
    window.notice.new_campaign_action.trigger()
    assert window.doc.campaign.year == 2023
    assert window.doc.submissions() == []
    assert len(window.doc.activities) == 29 and all(a.carried for a in window.doc.activities)
    assert two_years.state("last_year") == "2023"
    assert window.tabs.tabText(0) == "活动安排 · 2023年"


def test_template_and_import_follow_the_chosen_year(two_years, tmp_path):
    """A template of 2022 carries 2022 in its marker; imported into 2021 it is refused; an
    import into its own year marks the plan received on that year's planning date."""
    code, out, _ = run(two_years, "template", "--year", "2022", "--unit", "青浦",
                       "-o", str(tmp_path / "青浦.xlsx"))
    assert code == 0 and out.splitlines()[0] == "年度：2022年"
    code, out, _ = run(two_years, "import", str(tmp_path / "青浦.xlsx"))
    assert code == 1 and "这是 2022 年活动的模板，当前活动年度为 2021 年" in out
    code, out, _ = run(two_years, "import", "--year", "2022", str(tmp_path / "青浦.xlsx"))
    assert code == 0, out
    year_2022 = two_years.campaign_of_year(2022)
    plan = next(s for s in two_years.submissions(year_2022.id)
                if s.item == "活动安排" and s.unit_id == two_years.find_unit("青浦").id)
    assert plan.received == year_2022.summary_due  # 2022 seen from 2026: its deadline day
