"""After an export: the file can be opened, or its folder; save dialogs say what they save;
one naming scheme; a file nothing can open is said so; the print preview is page-sized."""
from __future__ import annotations

import pytest

from exporters import EXPORTERS
from ui.main_window import MainWindow


@pytest.fixture
def window(ctx, qtbot):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    return win


def test_after_an_export_the_file_or_its_folder_can_be_opened(window, ctx, tmp_path):
    target = tmp_path / "附件.docx"
    ctx.dialogs.answers.extend([target, 0])      # where; then 打开文件
    window.export_actions["appendix", "docx"].trigger()
    kind, title, text = ctx.dialogs.messages[-2]
    assert kind == "choose" and title == "已导出"
    assert text.endswith("打开文件 | 打开所在文件夹 | 关闭") and str(target) in text
    assert ctx.dialogs.messages[-1] == ("show", "", str(target))
    ctx.dialogs.answers.extend([target, 1])      # 打开所在文件夹
    window.export_actions["appendix", "docx"].trigger()
    assert ctx.dialogs.messages[-1] == ("show", "", str(tmp_path))


def test_a_file_no_program_opens_is_said_so(window, ctx, tmp_path):
    ctx.dialogs.openable = False
    ctx.dialogs.answers.extend([tmp_path / "日历.ics", 0])
    window.export_actions["calendar", "ics"].trigger()
    kind, _title, text = ctx.dialogs.messages[-1]
    assert kind == "error" and "没有能打开“日历.ics”的程序" in text


def test_save_dialogs_say_what_they_save(window, ctx):
    for action in (window.export_actions["notice", "docx"], window.export_actions["appendix", "xlsx"],
                   window.export_actions["checklist", "xlsx"], window.export_actions["schedule", "pdf"]):
        action.trigger()  # cancelled: no answer
    assert [title for title, _name in ctx.dialogs.asked_paths] == [
        "导出通知（Word）", "导出附件汇总表（Excel）", "导出报送清单（Excel）", "导出活动日程表（PDF）"]


def test_every_export_is_named_year_then_world_metrology_day():
    for entry in EXPORTERS:
        assert entry.name.startswith("{0}年世界计量日"), entry


def test_the_print_preview_is_sized_to_its_pages(window, qtbot):
    from ui.window_place import screen_of
    dialog = window.preview_dialog(lambda _printer: None)
    qtbot.addWidget(dialog)
    area = screen_of(window).availableGeometry()
    assert dialog.width() >= area.width() * 0.85 and dialog.height() >= area.height() * 0.85
    assert dialog.width() > 692 and dialog.height() > 666


def _fake_xdg_mime(tmp_path, answer: str):
    """An xdg-mime that names `answer` as the default program of every type."""
    script = tmp_path / "xdg-mime"
    script.write_text(f"#!/bin/sh\necho '{answer}'\n")
    script.chmod(0o755)
    return str(script)


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"),
                    reason="xdg-mime is how Linux desktops name a file's program")
def test_a_file_without_a_program_is_not_handed_to_xdg_open(tmp_path, monkeypatch, qapp):
    import shutil

    from ui import desktop_open
    from ui.dialogs import Dialogs
    target = tmp_path / "通知.docx"
    target.write_bytes(b"PK")
    monkeypatch.setattr(shutil, "which", lambda name: _fake_xdg_mime(tmp_path, ""))
    assert not desktop_open.has_program_for(target)
    assert Dialogs().show_file(target) is False
    monkeypatch.setattr(shutil, "which",
                        lambda name: _fake_xdg_mime(tmp_path, "wps-office-wps.desktop"))
    assert desktop_open.has_program_for(target)


def test_templates_follow_the_same_naming_scheme(window, ctx):
    panel = window.activities
    panel.unit_box.setCurrentIndex(panel.unit_box.findText("黄浦"))
    ctx.dialogs.answers = [0]  # 只为“黄浦”生成
    window.template_action.trigger()
    panel.unit_box.setCurrentIndex(0)
    window.template_action.trigger()
    assert [name for _title, name in ctx.dialogs.asked_paths] == [
        "2021年世界计量日活动安排填报模板_黄浦.xlsx", "2021年世界计量日活动安排填报模板"]


def test_the_report_asks_its_date_offering_the_summaries_due_date(window, ctx, tmp_path, qapp):
    from docx import Document
    target = tmp_path / "报告.docx"
    ctx.dialogs.answers.extend(["2021-06-01", target, 2])   # the date; where; then 关闭
    window.export_actions["report", "docx"].trigger()
    assert ("ask", "导出活动情况报告（Word）", "报告的成文日期（年-月-日）：") in ctx.dialogs.messages
    lines = [p.text for p in Document(str(target)).paragraphs if p.text.strip()]
    assert "2021年6月1日" in lines and lines[-1].endswith("2021年6月1日印发")


def test_a_report_date_that_is_no_date_is_refused_and_nothing_written(window, ctx, tmp_path):
    ctx.dialogs.answers.extend(["6月1日", tmp_path / "报告.docx"])
    window.export_actions["report", "docx"].trigger()
    kind, _title, text = ctx.dialogs.messages[-1]
    assert kind == "error" and "不是日期" in text
    assert ctx.dialogs.asked_paths == [] and not (tmp_path / "报告.docx").exists()
