"""The one table of an activity's fields, and what follows it."""
from __future__ import annotations

import pytest

from importers.workbook import header_columns
from models.fields import FIELDS, header_names

# The names units give the columns in what they send back (issue 13), by field.
UNIT_NAMES = {
    "group_no": ["序号", "编号"],
    "name": ["活动名称", "活动主题", "项目"],
    "content": ["活动内容", "主要内容", "内容"],
    "time_text": ["活动时间", "时间", "日期"],
    "publicity_forms": ["宣传形式", "宣传方式", "形式"],
    "publicity_content": ["宣传内容"],
    "responsible": ["负责单位", "承办单位", "责任单位", "主办单位"],
}


def test_no_title_names_two_fields():
    seen: dict[str, str] = {}
    for field in FIELDS:
        for name in field.names():
            assert seen.setdefault(name, field.attr) == field.attr, name


@pytest.mark.parametrize(("attr", "names"), UNIT_NAMES.items())
def test_the_names_units_use_are_known(attr, names):
    known = header_names()
    assert {name: known.get(name) for name in names} == dict.fromkeys(names, attr)


def test_exact_headers_are_the_attachment_titles_only():
    exact = header_names(aliases=False)
    assert exact == {"序号": "group_no", "活动名称": "name", "活动内容": "content",
                     "活动时间": "time_text", "宣传形式": "publicity_forms",
                     "宣传内容": "publicity_content", "负责单位": "responsible"}


def test_a_returned_table_with_unit_names_is_read_by_column():
    row = ["编号", "活动主题", "主要内容", "日期", "宣传方式", "主办单位"]
    assert header_columns(row) == {"group_no": 0, "name": 1, "content": 2, "time_text": 3,
                                   "publicity_forms": 4, "responsible": 5}
