"""The one table of an activity's fields, and what follows it."""
from __future__ import annotations

from dataclasses import dataclass, replace
from dataclasses import fields as dataclass_fields

import pytest
from docx import Document
from PySide6.QtCore import Qt

from exporters import xlsx_template
from exporters.docx_appendix import export_appendix
from importers.workbook import header_columns
from models import fields
from models.entities import Activity, Level
from models.fields import FIELDS, Field, header_names
from ui.activities_model import ActivitiesTableModel

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


# -- a field added to the table shows everywhere -------------------------------------------


@dataclass(frozen=True, slots=True)
class NotedActivity(Activity):
    """An activity with one more text, as a new field would add to the record."""

    note: str = ""


NOTE = Field("note", "备注", {Level.MUNICIPAL: 0.08, Level.DISTRICT: 0.08}, screen_width=90)


@pytest.fixture
def noted(monkeypatch):
    """The table of fields with 备注 added at the end, and a function giving noted copies."""
    monkeypatch.setattr(fields, "FIELDS", (*fields.FIELDS, NOTE))

    def copy(activity: Activity) -> NotedActivity:
        values = {f.name: getattr(activity, f.name) for f in dataclass_fields(Activity)}
        return NotedActivity(**values, note=f"备注{activity.group_no}-{activity.position}")
    return copy


def test_an_added_field_shows_in_the_table_model(ctx, noted):
    doc = ctx.document
    doc.data.activities[:] = [noted(a) for a in doc.activities]
    model = ActivitiesTableModel(doc, edit=lambda *_: None)
    column = model.columnCount() - 1
    assert model.headerData(column, Qt.Orientation.Horizontal) == "备注"
    assert model.index(4, column).data() == "备注4-2"
    assert model.flags(model.index(4, column)) & Qt.ItemFlag.ItemIsEditable
    model.set_filter(text="备注12-3")  # searched like every typed text
    assert [model.activity_at(r).note for r in range(model.rowCount())] == ["备注12-3"]


def test_an_added_field_shows_in_the_template(campaign_data, noted, monkeypatch):
    monkeypatch.setattr(xlsx_template, "Activity", NotedActivity)  # the template's blank rows
    data = replace(campaign_data, activities=[noted(a) for a in campaign_data.activities])
    unit = next(u for u in data.units if u.short_name == "金山")
    ws = xlsx_template.build_template(data, unit)[xlsx_template.DATA_SHEET]
    assert [c.value for c in ws[3]] == ["序号", "活动名称", "活动内容", "活动时间", "宣传形式",
                                        "负责单位", "备注"]
    assert [ws.cell(r, 7).value for r in (4, 5, 6)] == ["备注12-1", "备注12-2", "备注12-3"]
    lengths = next(v for v in ws.data_validations.dataValidation if v.type == "textLength")
    assert str(lengths.sqref) == f"B4:E{ws.max_row + 200} G4:G{ws.max_row + 200}"


def test_an_added_field_shows_in_the_word_attachment(campaign_data, noted, tmp_path):
    data = replace(campaign_data, activities=[noted(a) for a in campaign_data.activities])
    export_appendix(data, tmp_path / "附件.docx")
    municipal, district = Document(str(tmp_path / "附件.docx")).tables
    assert [c.text for c in municipal.rows[0].cells][-2:] == ["负责单位", "备注"]
    assert [c.text for c in district.rows[0].cells][-2:] == ["负责单位", "备注"]
    assert [r.cells[-1].text for r in municipal.rows[1:]][:5] == [
        "备注1-1", "备注2-1", "备注3-1", "备注4-1", "备注4-2"]


def test_the_level_names_are_written_in_one_place():
    """市级 / 区级 as shown to the user come from models.fields.level_label only (the data
    value is Level's own); a second spelling could drift from it or miss its translation."""
    import ast

    from tests.test_import_graph import our_sources
    allowed = {"entities.py", "fields.py"}
    spelled = []
    for path in our_sources():
        if path.name in allowed and path.parent.name == "models":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in ("市级", "区级"):
                spelled.append(f"{path.relative_to(path.parents[1])}:{node.lineno}")
    assert spelled == []
