"""A campaign's addressees: add, rename, retire, reorder, each one undoable step; earlier
years keep theirs; the checklist, templates, reminders and carry-over follow."""
from __future__ import annotations

from datetime import date

import pytest

from exporters.xlsx_template import write_templates
from models.addressees import campaign_addressees
from models.dates.deadlines import reminder_text
from models.editor import CampaignEditor
from models.entities import SubmissionStatus, UnitKind
from models.errors import UserError
from models.rollover import CarryOver

LINGANG_NEW = "临港新片区市场监督管理局"


@pytest.fixture
def editor(store, qapp):
    ed = CampaignEditor(store)
    yield ed
    ed.undo_stack.clear()


def names(editor) -> list[str]:
    return [u.name for u in editor.addressee_list()]


def test_the_seeded_year_has_21_addressees(editor):
    assert len(names(editor)) == 21 and names(editor)[0] == "浦东新区市场监管局"


def test_adding_a_unit_gives_it_every_item_as_one_undoable_step(editor, tmp_path):
    unit = editor.add_addressee("金山第二分局", "金山二分", UnitKind.DISTRICT)
    assert names(editor)[-1] == "金山第二分局" and len(names(editor)) == 22
    owed = sorted((s.item, s.due) for s in editor.document.submissions() if s.unit_id == unit.id)
    assert owed == [("活动安排", date(2021, 5, 7)), ("活动总结", date(2021, 5, 24))]
    assert editor.undo_stack.undoText() == "添加报送单位：金山第二分局"
    assert "金山第二分局" in reminder_text(editor.document.campaign, editor.document.submissions(),
                                        editor.document.units, date(2021, 5, 25))
    written = write_templates(editor.document.data, tmp_path, unit=None, every=True)
    assert len(written) == 22 and any("金山二分" in p.name or "金山第二分局" in p.name
                                      for p in written)
    editor.undo_stack.undo()
    assert len(names(editor)) == 21 and "金山第二分局" not in names(editor)
    editor.undo_stack.redo()
    assert names(editor)[-1] == "金山第二分局"


def test_a_name_already_addressed_is_refused(editor):
    with pytest.raises(UserError, match="已是本年度的报送单位"):
        editor.add_addressee("黄浦区市场监管局")
    assert editor.undo_stack.count() == 0


def test_renaming_moves_this_year_and_keeps_the_old_name_in_earlier_years(editor, store):
    lingang = store.find_unit("临港")
    editor.mark_received([s.id for s in editor.document.submissions()
                          if s.unit_id == lingang.id and s.item == "活动总结"], date(2021, 5, 20))
    editor.new_campaign_from_last_year(2022, CarryOver(activities=True))
    linked = [a.id for a in editor.document.activities if a.unit_id == lingang.id]
    new = editor.rename_addressee(lingang.id, LINGANG_NEW)
    assert LINGANG_NEW in names(editor) and lingang.name not in names(editor)
    assert names(editor).index(LINGANG_NEW) == [u.name for u in campaign_addressees(
        store.load(store.campaign_of_year(2021).id))].index(lingang.name), "same place"
    assert all(editor.document.activity(i).unit_id == new.id for i in linked)
    assert editor.undo_stack.undoText() == f"改名：{lingang.name} → {LINGANG_NEW}"
    earlier = store.load(store.campaign_of_year(2021).id)
    assert lingang.name in [u.name for u in campaign_addressees(earlier)]
    assert LINGANG_NEW not in [u.name for u in campaign_addressees(earlier)]
    kept = next(s for s in earlier.submissions if s.unit_id == lingang.id and s.item == "活动总结")
    assert kept.status == SubmissionStatus.RECEIVED
    editor.undo_stack.undo()
    assert lingang.name in names(editor)
    assert all(editor.document.activity(i).unit_id == lingang.id for i in linked)


def test_retiring_drops_the_unit_from_this_year_only(editor, store):
    editor.new_campaign_from_last_year(2022, CarryOver())
    institute = store.find_unit("上海市质量监督检验技术研究院")  # 市质检院, the last addressee
    assert editor.retire_addressee(institute.id) == 2
    assert institute.name not in names(editor) and len(names(editor)) == 20
    assert institute.name in [u.name for u in campaign_addressees(
        store.load(store.campaign_of_year(2021).id))]
    editor.new_campaign_from_last_year(2023, CarryOver())
    assert institute.name not in names(editor), "carry-over follows"
    editor.switch_campaign(store.campaign_of_year(2022).id)
    editor.undo_stack.clear()


def test_retire_undo_brings_the_items_back_as_they_were(editor, store):
    huangpu = store.find_unit("黄浦")
    before = [s for s in editor.document.submissions() if s.unit_id == huangpu.id]
    editor.retire_addressee(huangpu.id)
    editor.undo_stack.undo()
    assert [s for s in editor.document.submissions() if s.unit_id == huangpu.id] == before
    editor.undo_stack.redo()
    assert "黄浦区市场监管局" not in names(editor)


def test_moving_an_addressee_swaps_it_with_its_neighbour(editor, store):
    first, second = names(editor)[:2]
    unit = store.find_unit(second)
    assert editor.move_addressee(unit.id, -1)
    assert names(editor)[:2] == [second, first]
    assert editor.document.submissions()[0].unit_id == unit.id, "the checklist follows"
    assert not editor.move_addressee(unit.id, -1)
    editor.undo_stack.undo()
    assert names(editor)[:2] == [first, second]


def test_the_order_is_each_year_s_own(editor, store, tmp_path):
    """上移 in 2022 leaves 2021 as it was; 2022's checklist, templates and the year carried
    over from it follow 2022's order."""
    first, second = names(editor)[:2]
    editor.new_campaign_from_last_year(2022, CarryOver())
    moved = store.find_unit(second)
    assert editor.move_addressee(moved.id, -1)
    assert names(editor)[:2] == [second, first]
    assert editor.document.submissions()[0].unit_id == moved.id
    written = write_templates(editor.document.data, tmp_path, unit=None, every=True)
    assert written[0].name.endswith(f"_{moved.short_name}.xlsx")
    old = store.load(store.campaign_of_year(2021).id)
    assert [u.name for u in campaign_addressees(old)][:2] == [first, second]
    assert old.submissions[0].unit_id == store.find_unit(first).id
    editor.new_campaign_from_last_year(2023, CarryOver())
    assert names(editor)[:2] == [second, first], "carry-over takes the year's order"
    editor.switch_campaign(store.campaign_of_year(2021).id)
    assert names(editor)[:2] == [first, second]


# -- the command line ------------------------------------------------------------------------


def _cli(store, *argv):
    import io

    from cli import build_parser, run_command
    out, err = io.StringIO(), io.StringIO()
    code = run_command(store, build_parser().parse_args(list(argv)), out, err)
    return code, out.getvalue(), err.getvalue()


def test_cli_units_lists_adds_renames_and_retires(store, qapp):
    code, out, _ = _cli(store, "units")
    assert code == 0 and " 21  上海市质量监督检验技术研究院" in out
    code, out, _ = _cli(store, "units", "add", "金山区市场监管局第二分局", "--short", "金山二分")
    assert code == 0 and "已添加报送单位：金山区市场监管局第二分局（金山二分）" in out
    assert " 22  金山区市场监管局第二分局（金山二分）" in out
    code, out, _ = _cli(store, "units", "rename", "临港", LINGANG_NEW)
    assert code == 0 and f"→ {LINGANG_NEW}" in out
    code, out, _ = _cli(store, "units", "retire", "金山二分")
    assert code == 0 and "已停用：金山区市场监管局第二分局，本年度不再欠 2 项" in out
    assert "金山二分" not in out.split("\n", 2)[2]
    assert len(campaign_addressees(store.load())) == 21


def test_cli_units_refuses_a_unit_that_is_not_addressed(store, qapp):
    code, _out, err = _cli(store, "units", "retire", "不存在的单位")
    assert code == 2 and "不是本年度的报送单位" in err


def test_cli_units_add_holds_the_lock_list_does_not():
    from cli import build_parser, writes
    parser = build_parser()
    assert writes(parser.parse_args(["units", "add", "某单位"]))
    assert not writes(parser.parse_args(["units"]))


# -- the window --------------------------------------------------------------------------------


def test_the_addressees_dialog_adds_renames_moves_and_retires(ctx, qtbot):
    from ui.main_window import MainWindow
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    dialog = window.show_addressees()
    assert len(dialog.names()) == 21
    ctx.dialogs.answers.append("金山区市场监管局第二分局")
    dialog.buttons["add"].click()
    assert dialog.names()[-1] == "金山区市场监管局第二分局"
    assert window.checklist.model.rowCount() == 44, "the checklist follows"
    box = window.activities.unit_box
    assert any("金山" in box.itemText(i) for i in range(box.count())), "the unit filter too"
    dialog.buttons["up"].click()
    assert dialog.names()[-2] == "金山区市场监管局第二分局"
    ctx.dialogs.answers.append("金山区市场监管局二分局")
    dialog.buttons["rename"].click()
    assert dialog.names()[-2] == "金山区市场监管局二分局"
    ctx.dialogs.answers.append(True)
    dialog.buttons["retire"].click()
    assert "本年度起不再向“金山区市场监管局二分局”收取报送" in ctx.dialogs.messages[-1][2]
    assert len(dialog.names()) == 21
    assert [ctx.undo_stack.text(i) for i in range(ctx.undo_stack.count())] == [
        "添加报送单位：金山区市场监管局第二分局", "调整顺序：金山区市场监管局第二分局",
        "改名：金山区市场监管局第二分局 → 金山区市场监管局二分局",
        "停用报送单位：金山区市场监管局二分局"]
    dialog.close()
