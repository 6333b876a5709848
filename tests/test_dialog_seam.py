"""The dialog seam: the program ships real dialogs and an unattended stand-in; the recording
double tests use lives with the tests, not in the program."""
from __future__ import annotations

import inspect
import io
from pathlib import Path

import ui.dialogs
from tests.recording_dialogs import RecordingDialogs
from ui.dialogs import Dialogs, StderrDialogs


def test_the_program_ships_no_test_double():
    shipped = {name for name, value in vars(ui.dialogs).items()
               if inspect.isclass(value) and issubclass(value, Dialogs)}
    assert shipped == {"Dialogs", "StderrDialogs"}


def test_the_recording_double_answers_every_question_of_the_seam():
    asked = {name for name, _ in inspect.getmembers(Dialogs, inspect.isfunction)
             if not name.startswith("_")}
    overridden = {name for name in asked if name in vars(RecordingDialogs)}
    assert overridden == asked


def test_an_unattended_run_says_everything_and_agrees_to_nothing():
    stream = io.StringIO()
    dialogs = StderrDialogs(stream)
    assert dialogs.confirm("删除活动", "删除？") is False
    assert dialogs.save_path("导出", Path("a.docx"), "") is None
    dialogs.error("保存失败", "磁盘已满")
    assert stream.getvalue() == "删除活动：删除？\n保存失败：磁盘已满\n"
