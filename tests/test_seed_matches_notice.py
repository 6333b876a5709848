"""The embedded default equals the 2021 notice, cell for cell and line for line."""
from __future__ import annotations

import re

import pytest

from models.entities import Level
from models.layout import columns_of

MUNICIPAL_HEADER = ["序号", "活动名称", "活动内容", "活动时间", "宣传形式", "宣传内容", "负责单位"]
DISTRICT_HEADER = ["序号", "活动名称", "活动内容", "活动时间", "宣传形式", "负责单位"]
MUNICIPAL_FIELDS = ["name", "content", "time_text", "publicity_forms", "publicity_content",
                    "responsible"]
DISTRICT_FIELDS = ["name", "content", "time_text", "publicity_forms", "responsible"]


def seed_tables(text: str) -> dict[str, list[list[str]]]:
    """The two attachment tables of the notice as lists of cell lists (header first)."""
    tables: dict[str, list[list[str]]] = {}
    for label in ("市级", "区级"):
        start = text.index(f"\n（{label}）\n") + len(label) + 4
        stop = text.find("系列宣传活动安排汇总表", start)
        stop = text.rfind("\n\n", 0, stop) if stop != -1 else text.rfind(" 上海市市场监督管理局办公室")
        blocks = [b.strip("\n") for b in re.split(r"\n[ ]*\n", text[start:stop]) if b.strip()]
        rows = []
        for block in blocks:
            assert block.startswith("\t"), block
            rows.append(block[1:].split("\n\t"))
        tables[label] = rows
    return tables


def test_seed_tables_have_the_expected_shape(seed_text):
    tables = seed_tables(seed_text)
    assert tables["市级"][0] == MUNICIPAL_HEADER
    assert tables["区级"][0] == DISTRICT_HEADER
    assert len(tables["市级"]) - 1 == 9
    assert len(tables["区级"]) - 1 == 20
    assert all(len(r) == 7 for r in tables["市级"])
    assert all(len(r) == 6 for r in tables["区级"])


@pytest.mark.parametrize("level", ["市级", "区级"])
def test_exported_tables_have_the_notice_columns(seed_text, level):
    """The table of fields gives each attachment table the notice's columns, in its order."""
    assert [c.header for c in columns_of(Level(level))] == seed_tables(seed_text)[level][0]


@pytest.mark.parametrize("level,fields", [("市级", MUNICIPAL_FIELDS), ("区级", DISTRICT_FIELDS)])
def test_every_cell_matches_the_notice(store, seed_text, level, fields):
    """Merged cells in the notice (empty under a group's first row) repeat the row above."""
    seed_rows = seed_tables(seed_text)[level][1:]
    stored = store.activities(store.latest_campaign().id, Level(level))
    assert len(stored) == len(seed_rows)
    group = None
    above: list[str] = []
    for seed_row, activity in zip(seed_rows, stored, strict=True):
        number, *cells = seed_row
        if number:
            group = int(number)
            expected_position = 1
        else:
            expected_position += 1
            cells = [c if c else above[i] for i, c in enumerate(cells)]
        assert (activity.group_no, activity.position) == (group, expected_position)
        for field, cell in zip(fields, cells, strict=True):
            assert getattr(activity, field) == cell, (level, group, field)
        above = cells


def test_groups_with_several_rows(store):
    campaign = store.latest_campaign()
    municipal = store.activities(campaign.id, Level.MUNICIPAL)
    district = store.activities(campaign.id, Level.DISTRICT)
    assert len({a.group_no for a in municipal}) == 8
    assert len({a.group_no for a in district}) == 16
    sizes = {g: sum(a.group_no == g for a in district) for g in (12, 14)}
    assert sizes == {12: 3, 14: 3}
    assert sum(a.group_no == 4 for a in municipal) == 2


def test_notice_fields_match_the_notice(store, seed_text):
    lines = seed_text.split("\n")
    campaign = store.latest_campaign()
    assert campaign.issuer_mark == "上海市市场监督管理局文件" == lines[6]
    assert campaign.doc_number == "沪市监计量〔2021〕260号" == lines[9]
    title_start = lines.index("上海市市场监督管理局关于开展2021年")
    assert campaign.title.split("\n") == lines[title_start:title_start + 3]
    addressee_line = next(line for line in lines if line.startswith("各区市场监管局"))
    assert campaign.addressees + "：" == addressee_line
    body_start = lines.index(addressee_line) + 1
    body_end = next(i for i, line in enumerate(lines) if line.startswith("附件："))
    assert campaign.body == "\n".join(lines[body_start:body_end]).strip("\n")
    assert "附件：" + campaign.attachment_title == lines[body_end]
    assert campaign.signature in lines and "2021年5月8日" in lines
    assert campaign.publication_note == "（此件公开发布）"
    assert campaign.theme == "测量守护健康"
    assert campaign.window == (campaign.window_start, campaign.window_end)
    assert str(campaign.window_start) == "2021-05-11" and str(campaign.window_end) == "2021-05-23"
    assert str(campaign.summary_due) == "2021-05-24"
    assert campaign.print_office in lines[-4] and "2021年5月8日印发" in lines[-4]
    assert f"联系人：{campaign.contact_person}，联系电话：{campaign.contact_phone}，" \
           f"电子邮箱：{campaign.contact_email}。" in campaign.body


def test_units_and_what_they_owe(store):
    units = store.units()
    districts = [u.short_name for u in units if u.kind == "district"]
    assert districts == ["浦东", "黄浦", "静安", "徐汇", "长宁", "普陀", "虹口", "杨浦", "宝山",
                         "闵行", "嘉定", "金山", "松江", "青浦", "奉贤", "崇明"]
    campaign = store.latest_campaign()
    owed = [s for s in store.submissions(campaign.id) if s.item == "活动总结"]
    by_id = {u.id: u for u in units}
    names = [by_id[s.unit_id].name for s in owed]
    assert names[:16] == [u.name for u in units if u.kind == "district"]
    for required in ("临港新片区市场监管局", "市局执法总队", "市局机场分局",
                     "上海市计量测试技术研究院", "上海市质量监督检验技术研究院"):
        assert required in names
    assert all(str(s.due) == "2021-05-24" and s.status == "未报送" for s in owed)


def test_every_addressee_owes_a_plan_too(store):
    """The plans were in before the notice (its attachment lists them): received, on a day
    the notice does not say, from every unit the attachment names; 临港 and 机场分局 not."""
    campaign = store.latest_campaign()
    assert str(campaign.plan_due) == "2021-05-07"
    subs = store.submissions(campaign.id)
    plans = {s.unit_id: s for s in subs if s.item == "活动安排"}
    assert set(plans) == {s.unit_id for s in subs if s.item == "活动总结"}
    assert {str(s.due) for s in plans.values()} == {"2021-05-07"}
    by_id = {u.id: u for u in store.units()}
    pending = sorted(by_id[i].short_name for i, s in plans.items() if s.status == "未报送")
    assert pending == ["临港", "机场分局"]
    assert all(s.received is None for s in plans.values())


def test_district_rows_belong_to_their_bureau(store):
    campaign = store.latest_campaign()
    by_id = {u.id: u for u in store.units()}
    for activity in store.activities(campaign.id, Level.DISTRICT):
        assert by_id[activity.unit_id].name == activity.responsible
