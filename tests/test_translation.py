"""The English translation: shown by the window, complete, and in step with the sources."""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QMenu

from models.i18n import install_translators
from tests.conftest import REPO
from ui.main_window import MainWindow

TS_FILE = REPO / "resources" / "metrology_en.ts"
PLACEHOLDER = re.compile(r"\{\d+\}")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def ts_messages(path: Path) -> list[tuple[str, ET.Element]]:
    """(context name, <message>) for every message of a .ts file."""
    root = ET.parse(path).getroot()
    return [(context.findtext("name") or "", message)
            for context in root.iter("context") for message in context.iter("message")]


def source_pairs(path: Path) -> set[tuple[str, str]]:
    """The (context, source text) pairs a .ts file holds."""
    return {(name, message.findtext("source") or "") for name, message in ts_messages(path)}


@pytest.fixture
def english(qapp):
    """The English translators, installed for one test and removed again afterwards."""
    previous = QLocale()
    translators = install_translators(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "&File", \
        "resources/metrology_en.qm did not load"
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)
    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"


@pytest.fixture
def chinese(qapp):
    """The Chinese translators (Qt's own and our supplement), for one test."""
    previous = QLocale()
    translators = install_translators(qapp, "zh")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


def _latin_words(widget) -> list[str]:
    """Visible label and button texts of a dialog that still hold English words."""
    from PySide6.QtWidgets import QAbstractButton, QLabel
    texts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)]
    return [t for t in texts if re.search("[A-Za-z]{2,}", t.replace("PDF", ""))]


def test_qt_dialogs_speak_chinese_in_the_chinese_program(chinese, qtbot):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QFileDialog, QMessageBox
    files = QFileDialog(None, "导出")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(files)
    assert _latin_words(files) == []
    printer = QPrinter()
    printing = QPrintDialog(printer)
    qtbot.addWidget(printing)
    assert _latin_words(printing) == []
    box = QMessageBox(QMessageBox.Icon.Question, "问", "？",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert _latin_words(box) == []
    assert QLocale().monthName(5) == "五月"


@pytest.fixture
def english_window(english, ctx, qtbot):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window


def headers(model) -> list[str]:
    return [model.headerData(column, Qt.Orientation.Horizontal)
            for column in range(model.columnCount())]


def test_main_window_chrome_is_english(english_window):
    window = english_window
    assert [a.text() for a in window.menuBar().actions()] == [
        "&File", "&Edit", "&View", "&Submissions", "&Year", "&Help"]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Activities · 2021", "Calendar · 2021", "Submissions · 2021", "Notice · 2021",
        "Figures · 2021"]
    assert headers(window.activities.model) == [
        "Level", "No.", "Activity", "Content", "Time", "Publicity format", "Publicity content",
        "Responsible unit", "Remarks"]
    assert headers(window.checklist.model) == [
        "Unit", "Item", "Due date", "Status ✎", "Received ✎", "Days left", "File", "Note ✎"]
    # The title carries the campaign's theme, which is data and stays Chinese.
    assert window.windowTitle().startswith("World Metrology Day 2021 Campaign Manager — ")
    assert window.path_label.text() == "Database: (in memory)"
    assert window.saved_label.text() == "All changes saved"
    assert window.checklist.mark_received_action.text() == "&Mark as submitted"
    assert window.notice.new_campaign_action.text() == "&New campaign from last year…"


def _menu_actions(window: MainWindow):
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        yield from (a for a in menu.actions() if not a.isSeparator())


def test_every_menu_action_is_english(english_window):
    chinese = [a.text() for a in _menu_actions(english_window) if CJK.search(a.text())]
    assert chinese == []


def test_english_access_letters_are_letters_of_the_text(english_window):
    """An English entry underlines one of its own letters, never gets "(&B)" appended."""
    appended = [a.text() for a in _menu_actions(english_window) if re.search(r"\(&.\)", a.text())]
    assert appended == []
    assert re.fullmatch(r"(?i)(&?p)(&?r)(&?i)(&?n)(&?t)…", english_window.print_action.text())
    assert english_window.print_action.text().count("&") == 1
    dialog = english_window.show_addressees()
    buttons = {key: button.text() for key, button in dialog.buttons.items()}
    assert [t for t in buttons.values() if "(&" in t] == [], buttons
    assert buttons["retire"] == "Re&tire"
    dialog.close()


def test_every_message_is_translated():
    problems = []
    for context, message in ts_messages(TS_FILE):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        where = f"{context!r}: {source!r}"
        if translation is None:
            problems.append(f"{where} has no <translation>")
            continue
        if translation.get("type") == "unfinished":
            problems.append(f"{where} is unfinished")
        forms = translation.findall("numerusform") or [translation]
        for form in forms:
            text = form.text or ""
            if not text.strip():
                problems.append(f"{where} has an empty translation")
                continue
            missing = set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(text))
            if missing:
                problems.append(f"{where} -> {text!r} lacks {sorted(missing)}")
            if message.get("numerus") == "yes" and "%n" not in text:
                problems.append(f"{where} -> {text!r} lacks %n")
            if source.count("\n") != text.count("\n"):
                problems.append(f"{where} -> {text!r} changes the line breaks")
            if "&" in source.replace("&&", "") and "&" not in text:
                problems.append(f"{where} -> {text!r} lost its mnemonic")
    assert problems == []


def _lupdate_arguments() -> list[str]:
    """The arguments the Makefile's `translations` target gives pyside6-lupdate."""
    for line in (REPO / "Makefile").read_text(encoding="utf-8").splitlines():
        words = shlex.split(line)
        if words and words[0].endswith("pyside6-lupdate"):
            return words[1:]
    raise AssertionError("no pyside6-lupdate line in the Makefile")


def _expanded(arguments: list[str], ts_copy: Path) -> list[str]:
    """Globs expanded as make's shell would, and the output redirected to `ts_copy`."""
    out: list[str] = []
    for index, word in enumerate(arguments):
        if index > 0 and arguments[index - 1] == "-ts":
            out.append(str(ts_copy))
        elif any(ch in word for ch in "*?["):
            matches = sorted(str(p.relative_to(REPO)) for p in REPO.glob(word))
            out.extend(matches or [word])
        else:
            out.append(word)
    return out


def test_ts_file_is_current(tmp_path):
    lupdate = (shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
               or shutil.which("pyside6-lupdate"))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    ts_copy = tmp_path / TS_FILE.name
    shutil.copyfile(TS_FILE, ts_copy)
    arguments = _lupdate_arguments()
    assert "-ts" in arguments
    result = subprocess.run([lupdate, *_expanded(arguments, ts_copy)], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr or result.stdout
    new = source_pairs(ts_copy) - source_pairs(TS_FILE)
    assert new == set(), "run `make translations` and translate the new texts"


def test_errors_from_the_models_reach_english_command_line_users(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("hello")
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "--lang", "en", "--db",
                             str(bad), "activities"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2
    assert result.stderr == (f"Error: “{bad}” is not an SQLite database file; "
                             "nothing was changed.\n")
    workbook = tmp_path / "w.xlsx"
    workbook.write_text("not a workbook")
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "--lang", "en", "--db",
                             str(tmp_path / "c.sqlite3"), "import", "--dry-run",
                             str(workbook)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "[Error] Not an Excel workbook (.xlsx): the content is not recognised" in result.stdout
    assert not CJK.search(result.stdout.replace(str(tmp_path), ""))


def test_errors_from_the_exporters_and_importers_reach_the_english_window(english, store,
                                                                          tmp_path):
    from exporters.atomic import ExportError, atomic_output
    from importers.workbook import check_workbook
    with pytest.raises(ExportError, match="^The folder “.*” does not exist"), \
            atomic_output(tmp_path / "missing" / "x.docx"):
        pass
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    plan = check_workbook(store.load(), folder)
    assert plan.as_text().splitlines()[1:] == [
        "1 error(s), 0 warning(s).",
        f"  [Error] “{folder}” is a folder, not an Excel file.",
        "The file has errors and was not imported; the database was not changed."]


def test_a_new_activity_in_english_keeps_chinese_data(english, ctx):
    """Data text never comes from the interface language."""
    from models.entities import Level
    added = ctx.editor.add_activity(Level.DISTRICT)
    assert added.name == "新活动"
    assert ctx.store.activity(added.id).name == "新活动"


def test_calendar_lane_tags_and_dates_are_english(english, ctx, qtbot):
    from datetime import date

    from models.dates.calendar_layout import lane_tag
    from ui.calendar.view import CalendarView
    view = CalendarView(ctx)
    qtbot.addWidget(view)
    first = view.data.lanes[0].activity
    assert lane_tag(first) == "Municipal 1"
    district = next(lane.activity for lane in view.data.lanes if lane.activity.level == "区级")
    assert lane_tag(district).startswith("District ")
    day = view.canvas.texts.day_tooltip(view.data, date(2021, 5, 18))
    assert day.startswith("5/18 Tue: ")
    view.show_day(date(2021, 5, 20))
    assert not CJK.search(view.details.toPlainText().split("\n")[0])


def test_date_boxes_write_dates_the_english_way(english, ctx, qtbot):
    from ui.checklist_view import ChecklistView
    view = ChecklistView(ctx)
    qtbot.addWidget(view)
    assert view.planning.picker.text() == "5/24/2021"
    assert view.received_edit.displayFormat() == "M/d/yyyy"


def test_why_a_time_is_unread_and_whose_row_it_is_are_english(english, store, tmp_path):
    """The reasons shown for an unread 活动时间 and the import's unit mismatch follow the
    interface language (they were Chinese in the English window)."""
    from models.dates.periods import why_unparsed
    assert why_unparsed("5月32日", 2021) == "no such date: month 5, day 32"
    assert why_unparsed("全年", 2021) == "all year round, no particular date"
    assert why_unparsed(" ", 2021) == "blank"
    assert why_unparsed("看情况", 2021) == "no date recognised"
    assert not CJK.search(why_unparsed("2021年第9周", 2021) + why_unparsed("6月第7周", 2021))


def test_the_reminder_for_chinese_units_stays_chinese_in_english(english, ctx):
    from datetime import date

    from models.dates.deadlines import reminder_text
    doc = ctx.document
    text = reminder_text(doc.campaign, doc.submissions(), doc.units, date(2021, 5, 25))
    assert text.startswith("各有关单位：\n根据《")
    assert "截止日期2021年5月24日（已逾期1天），尚缺21家" in text
    assert text.endswith("2021年5月25日")
    assert not re.search("[A-Za-z]{3,}", text.replace(doc.campaign.contact_email, ""))


FULL_WIDTH = re.compile("[，。：；（）、！？～]")
"""Chinese punctuation, out of place in an English sentence."""


def test_english_text_has_english_punctuation(english, ctx, qtbot):
    from datetime import date

    from models.dates.spans import Span, describe_spans
    from ui.calendar.view import CalendarView
    spans = [Span(date(2021, 5, 11), date(2021, 5, 11), "exact", "day"),
             Span(date(2021, 5, 12), date(2021, 5, 14), "exact", "day")]
    assert describe_spans(spans) == "2021-05-11; 2021-05-12 – 2021-05-14"
    view = CalendarView(ctx)
    qtbot.addWidget(view)
    assert not FULL_WIDTH.search(view.unparsed_list.label.text())
    translations = _ts_translations()
    wrong = [(src, tr) for src, tr in translations  # quoted Chinese (data) is fine
             if FULL_WIDTH.search(re.sub("“[^”]*”", "", tr))]
    assert wrong == []


def _ts_translations() -> list[tuple[str, str]]:
    """(source, English) of every finished entry of the .ts file."""
    import xml.etree.ElementTree as ET  # our own file
    tree = ET.parse(REPO / "resources" / "metrology_en.ts")
    return [(m.findtext("source") or "", m.findtext("translation") or "")
            for m in tree.iter("message")]


def test_the_import_comparison_names_fields_in_english(english, campaign_data):
    """The preview's row by row comparison read “changed 计量惠民: 宣传形式 …” in English."""
    from importers.plan_rows import diff_line, row_diffs
    old = next(a for a in campaign_data.activities if a.name == "计量惠民")
    new = old.with_changes(publicity_forms="微信、现场咨询")
    line = diff_line(row_diffs([new], [old])[0])
    assert "Publicity format" in line and "宣传形式" not in line, line


def test_the_units_missing_figures_are_listed_with_english_commas(english_window):
    """“Units still missing figures (21): 浦东、黄浦、…” kept the Chinese list mark."""
    english_window.statistics.refresh()
    text = english_window.statistics.missing_label.text()
    assert text.startswith("Units still missing figures") and "、" not in text, text


def test_the_excel_statistics_note_is_chinese_and_true_in_english(english, store):
    """The 统计表 goes upward in Chinese: its note under the title came out in English, and
    said every total with an approximate part is marked 余 (约 and 近 make 约)."""
    from exporters.xlsx_statistics import statistics_workbook
    from models.editor import CampaignEditor
    note = statistics_workbook(CampaignEditor(store).statistics()).worksheets[0]["A2"].value
    assert note.startswith("（“余”") and "“约”" in note.split("合计")[1], note


def test_a_units_template_is_chinese_under_the_english_interface(english, store, tmp_path):
    """The 活动统计 sheet of the template sent to a district bureau had an English title and
    an English note when the coordinator's interface was English."""
    from openpyxl import load_workbook

    from exporters.xlsx_template import write_template
    from models.editor import CampaignEditor
    from models.template_contract import FIGURES_SHEET
    data = store.load()
    unit = next(u for u in data.units if u.short_name == "黄浦")
    path = write_template(data, unit, tmp_path / "t.xlsx", CampaignEditor(store).figures())
    sheet = load_workbook(path)[FIGURES_SHEET]
    assert "活动统计（黄浦区市场监管局）" in sheet["A1"].value
    assert sheet["A2"].value.startswith("请在“数值”列填写整数")
