"""The notice editor and the rules behind it: validation, undo/redo, outline, new year."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from models.notice_rules import has_errors, heading_level, headings, validate_campaign
from models.rollover import CarryOver
from ui.notice_editor import NoticeEditor

GOOD_NUMBER = "沪市监计量〔2021〕261号"


def _stored(ctx, column: str) -> object:
    """A campaign column as the database holds it, bypassing every cache."""
    return ctx.store.db.execute(f"SELECT {column} FROM campaigns WHERE id = ?",
                                [ctx.document.campaign.id]).fetchone()[0]


@pytest.fixture
def editor(ctx, qtbot) -> NoticeEditor:
    """The editor over the seeded 2021 campaign."""
    widget = NoticeEditor(ctx)
    qtbot.addWidget(widget)
    return widget


def _problems(c, field: str) -> list[str]:
    """Messages of one field's problems."""
    return [p.message for p in validate_campaign(c) if p.field == field]


# -- rules --------------------------------------------------------------------------------


def test_2021_notice_is_clean(campaign_data):
    assert validate_campaign(campaign_data.campaign) == []


@pytest.mark.parametrize("number, fragment", [
    ("沪市监计量[2021]260号", "六角括号"),
    ("沪市监计量（2021）260号", "六角括号"),
    ("沪市监计量〔2021〕第260号", "第"),
    ("沪市监计量〔2021〕0260号", "虚位"),
    ("沪市监计量〔2020〕260号", "2020"),
    ("沪市监计量〔2021〕260", "格式"),
    ("", "不能为空"),
])
def test_bad_doc_numbers(campaign_data, number, fragment):
    c = campaign_data.campaign.with_changes(doc_number=number)
    problems = [p for p in validate_campaign(c) if p.field == "doc_number"]
    assert has_errors(problems)
    assert any(fragment in p.message for p in problems)


def test_unnumbered_doc_number_is_only_a_warning(campaign_data):
    c = campaign_data.campaign.with_changes(doc_number="沪市监计量〔2021〕号")
    problems = validate_campaign(c)
    assert problems and not has_errors(problems)


def test_date_rules(campaign_data):
    c = campaign_data.campaign
    assert _problems(c.with_changes(window_end=date(2021, 5, 1)), "window_end")
    assert _problems(c.with_changes(window_start=date(2020, 12, 31)), "window_start")
    late = c.with_changes(window_start=date(2021, 6, 1), window_end=date(2021, 6, 30),
                          summary_due=date(2021, 7, 5))
    assert not has_errors(validate_campaign(late))
    assert any("5月20日" in m for m in _problems(late, "window_start"))
    assert _problems(c.with_changes(issue_date=date(2021, 5, 12)), "issue_date")
    assert has_errors(validate_campaign(c.with_changes(print_date=date(2021, 5, 7))))
    assert has_errors(validate_campaign(c.with_changes(summary_due=date(2021, 5, 23))))
    far = c.with_changes(summary_due=date(2021, 8, 1))
    assert _problems(far, "summary_due") and not has_errors(validate_campaign(far))


def test_contact_rules(campaign_data):
    c = campaign_data.campaign
    for phone in ("64220000转2479分机", "021-64220000", "13812345678", "64220000、64220001"):
        assert not _problems(c.with_changes(contact_phone=phone), "contact_phone"), phone
    assert _problems(c.with_changes(contact_phone="转2479"), "contact_phone")
    assert has_errors(validate_campaign(c.with_changes(contact_email="jlhe＠scjgj.sh.gov.cn")))
    assert has_errors(validate_campaign(c.with_changes(title="  ")))


@pytest.mark.parametrize("line, level", [
    ("一、活动时间", 1), ("十二、其他", 1), ("（一）组织", 2), ("(二)组织", 2),
    ("1．加强组织领导", 3), ("2.提升宣传实效", 3), ("（1）细则", 4), ("\u3000\u3000三、要求", 1),
    ("2021年5月11日至5月23日。", None), ("1.5米以上", None), ("5月11日至12日", None), ("", None),
])
def test_heading_level(line, level):
    assert heading_level(line) == level


# -- the form ---------------------------------------------------------------------------------


def test_form_shows_2021_values(editor, ctx):
    c = ctx.document.campaign
    assert editor.year_label.text() == "2021"
    assert editor.editors["doc_number"].text() == "沪市监计量〔2021〕260号"
    assert editor.editors["title"].toPlainText() == c.title
    assert editor.editors["body"].toPlainText() == c.body
    assert editor.editors["window_start"].date() == QDate(2021, 5, 11)
    assert editor.editors["window_end"].date() == QDate(2021, 5, 23)
    assert editor.editors["summary_due"].date() == QDate(2021, 5, 24)
    assert editor.editors["contact_email"].text() == "jlhe@scjgj.sh.gov.cn"
    assert editor.form_campaign() == c
    assert editor.pending_fields() == []
    assert editor.current_problems == []


def test_outline_lists_headings(editor):
    outline = editor.outline_texts()
    top = [t for t in outline if not t.startswith("\u3000")]
    assert top == ["一、活动时间", "二、活动主题", "三、宣传及活动内容", "四、活动要求"]
    nested = [t.strip("\u3000") for t in outline if t.startswith("\u3000\u3000")]
    assert nested[0] == "1．产业计量赋能高质量发展——举办第二届全国产业计量（上海）大会"
    assert nested[4:] == ["1．加强组织领导", "2．提升宣传实效", "3．做好常态防控", "4．总结经验做法"]
    assert len(outline) == 12


def test_outline_follows_typing_and_jumps(editor):
    body = editor.editors["body"]
    body.setPlainText(body.toPlainText() + "\n五、其他\n")
    assert editor.outline_texts()[-1] == "五、其他"
    item = editor.outline.item(editor.outline.count() - 1)
    editor.outline.itemClicked.emit(item)
    assert body.textCursor().block().text() == "五、其他"


def test_bad_doc_number_shown_and_not_saved(editor, ctx):
    editor.editors["doc_number"].setText("沪市监计量[2021]第0261号")
    label = editor.problem_labels["doc_number"]
    assert not label.isHidden()
    assert "六角括号" in label.text() and "第" in label.text()
    assert "错误" in editor.status_label.text()
    assert editor.commit_pending() is False
    assert ctx.dialogs.messages == []
    assert editor.apply() is False
    kind, _title, text = ctx.dialogs.messages[-1]
    assert kind == "error" and "六角括号" in text
    assert ctx.undo_stack.count() == 0
    assert _stored(ctx, "doc_number") == "沪市监计量〔2021〕260号"
    assert ctx.document.campaign.doc_number == "沪市监计量〔2021〕260号"


def test_good_edit_saves_and_undo_redo_round_trip(editor, ctx, qtbot):
    field = editor.editors["doc_number"]
    field.setText(GOOD_NUMBER)
    assert editor.pending_fields() == ["doc_number"]
    with qtbot.waitSignal(ctx.document.campaign_changed):
        assert editor.apply() is True
    assert ctx.undo_stack.count() == 1
    assert "发文字号" in ctx.undo_stack.undoText()
    assert _stored(ctx, "doc_number") == GOOD_NUMBER
    assert editor.pending_fields() == []

    ctx.undo_stack.undo()
    assert _stored(ctx, "doc_number") == "沪市监计量〔2021〕260号"
    assert field.text() == "沪市监计量〔2021〕260号"
    ctx.undo_stack.redo()
    assert _stored(ctx, "doc_number") == GOOD_NUMBER
    assert field.text() == GOOD_NUMBER


def test_several_fields_are_one_command(editor, ctx):
    editor.editors["theme"].setText("计量守护健康")
    editor.editors["window_end"].setDate(QDate(2021, 5, 22))
    editor.editors["contact_person"].setText("张三")
    assert editor.apply() is True
    assert ctx.undo_stack.count() == 1
    assert _stored(ctx, "window_end") == "2021-05-22"
    ctx.undo_stack.undo()
    assert (_stored(ctx, "theme"), _stored(ctx, "window_end"), _stored(ctx, "contact_person")) \
        == ("测量守护健康", "2021-05-23", "何佳亮")
    assert editor.editors["window_end"].date() == QDate(2021, 5, 23)
    assert editor.pending_fields() == []


def test_a_refused_save_is_said_and_the_form_keeps_the_typing(editor, ctx, monkeypatch):
    from models.errors import StoreError

    def disk_full(*_args):
        raise StoreError("数据库写入失败，未作任何改动：database or disk is full")
    monkeypatch.setattr(ctx.store, "update_campaign", disk_full)
    editor.editors["contact_person"].setText("张三")
    assert editor.apply() is False
    [(kind, title, text)] = ctx.dialogs.messages
    assert (kind, title) == ("error", "通知未保存") and "disk is full" in text
    assert ctx.document.campaign.contact_person == "何佳亮" and ctx.undo_stack.count() == 0
    assert editor.editors["contact_person"].text() == "张三"


def test_leaving_a_field_applies_it(editor, ctx):
    field = editor.editors["signature"]
    field.setText("上海市市场监督管理局（计量处）")
    field.editingFinished.emit()
    assert ctx.undo_stack.count() == 1
    assert _stored(ctx, "signature") == "上海市市场监督管理局（计量处）"


def test_undo_keeps_other_pending_edits(editor, ctx):
    editor.editors["theme"].setText("新主题")
    editor.apply()
    editor.editors["contact_person"].setText("李四")
    ctx.undo_stack.undo()
    assert editor.editors["theme"].text() == "测量守护健康"
    assert editor.editors["contact_person"].text() == "李四"
    assert editor.pending_fields() == ["contact_person"]


def test_warnings_do_not_block(editor, ctx):
    editor.editors["issue_date"].setDate(QDate(2021, 5, 12))
    label = editor.problem_labels["issue_date"]
    assert not label.isHidden() and "成文日期" in label.text()
    assert editor.apply() is False          # 印发 (5月8日) before 成文 is an error
    editor.editors["print_date"].setDate(QDate(2021, 5, 12))
    assert editor.problem_labels["print_date"].isHidden()
    assert editor.apply() is True
    assert _stored(ctx, "issue_date") == "2021-05-12"


def test_optional_date_can_be_empty(editor, ctx):
    field = editor.editors["print_date"]
    field.setDate(field.minimumDate())
    assert field.text() == "未填写"
    assert editor.apply() is True
    assert _stored(ctx, "print_date") is None


def test_revert_discards_pending(editor, ctx):
    editor.editors["theme"].setText("x")
    editor.revert()
    assert editor.editors["theme"].text() == "测量守护健康"
    assert editor.pending_fields() == [] and ctx.undo_stack.count() == 0


# -- new campaign -----------------------------------------------------------------------------


def test_new_campaign_from_last_year(editor, ctx, monkeypatch):
    asked = []
    monkeypatch.setattr(editor, "ask_new_campaign",
                        lambda year: asked.append(year) or (year, CarryOver()))
    editor.editors["theme"].setText("旧年度的修改")
    editor.apply()
    assert ctx.undo_stack.count() == 1
    new = editor.new_campaign_from_last_year()
    assert asked == [2022]
    assert new is not None and ctx.document.campaign.id == new.id
    assert ctx.undo_stack.count() == 0
    assert editor.year_label.text() == "2022"
    assert editor.editors["doc_number"].text() == "沪市监计量〔2022〕号"
    assert editor.editors["window_start"].date() == QDate(2022, 5, 11)
    assert "2022年" in editor.editors["title"].toPlainText()
    assert "尚未编号" in editor.problem_labels["doc_number"].text()
    assert editor.pending_fields() == []
    assert ctx.dialogs.messages[-1][0] == "info"


def test_new_campaign_for_existing_year_reports(editor, ctx, monkeypatch):
    monkeypatch.setattr(editor, "ask_new_campaign", lambda year: (2021, CarryOver(activities=True)))
    campaigns = ctx.store.campaigns()
    assert editor.new_campaign_from_last_year() is None
    kind, _title, text = ctx.dialogs.messages[-1]
    assert kind == "error" and "已经存在" in text
    assert ctx.store.campaigns() == campaigns
    assert ctx.document.campaign.year == 2021


def test_new_campaign_cancelled(editor, ctx, monkeypatch):
    monkeypatch.setattr(editor, "ask_new_campaign", lambda year: None)
    assert editor.new_campaign_from_last_year() is None
    assert len(ctx.store.campaigns()) == 1


def test_new_campaign_dialog_values(qtbot):
    from ui.notice_editor import NewCampaignDialog
    dialog = NewCampaignDialog(2022, 2021)
    qtbot.addWidget(dialog)
    assert dialog.values() == (2022, CarryOver(notice=True, submissions=True, activities=False))
    dialog.carry_activities.setChecked(True)
    dialog.carry_notice.setChecked(False)
    assert dialog.values() == (2022, CarryOver(notice=False, submissions=True, activities=True))
    assert "2021 年的活动安排" in dialog.carry_activities.text()


def test_renders(editor, qtbot, tmp_path):
    editor.resize(1200, 900)
    editor.show()
    qtbot.waitExposed(editor)
    path = tmp_path / "notice_editor.png"
    assert editor.grab().save(str(path))
    assert path.stat().st_size > 10_000


def test_headings_helper():
    assert headings("甲\n一、乙\n  （一）丙") == [(1, 1, "一、乙"), (2, 2, "（一）丙")]


def test_moving_the_summary_deadline_moves_the_checklist_in_one_step(editor, ctx):
    from datetime import date as day

    from PySide6.QtCore import QDate
    editor.editors["summary_due"].setDate(QDate(2021, 5, 28))
    assert editor.apply()
    dues = {s.due for s in ctx.store.submissions(ctx.document.campaign.id) if s.item == "活动总结"}
    assert dues == {day(2021, 5, 28)}
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    dues = {s.due for s in ctx.store.submissions(ctx.document.campaign.id) if s.item == "活动总结"}
    assert dues == {day(2021, 5, 24)} and ctx.document.campaign.summary_due == day(2021, 5, 24)
