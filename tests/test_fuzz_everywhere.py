"""Arbitrary text in every activity field: stored, shown, exported and read back unharmed.

Hypothesis feeds control characters, emoji (with joiners and flags), right-to-left marks and
overrides, XML and Excel escape look-alikes and 10,000-character cells through the table
model's edit path into the store, asks the model for every role of every cell, paints the
table, exports Word and Excel attachments, opens them again and reads the Word tables back.
The only change allowed is the program's documented cleaning (models/text.clean_text: line
breaks unified to \\n, XML-illegal control characters dropped) and, in the Word read-back,
read_appendix's documented trimming of blank space around a cell's text.

The budget is fixed and the examples are derived from the test names (derandomize), so CI
runs the same cases every time; a failure is reported unshrunk (one example costs a tenth of
a second, shrinking could take minutes).  The long version, new examples every run and failures
shrunk:

    FUZZ_EXAMPLES=1000 FUZZ_RANDOM=1 FUZZ_SHRINK=1 QT_QPA_PLATFORM=offscreen \\
        .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_fuzz_everywhere.py

The period parser's own fuzzing is in tests/test_periods.py.  Two bugs the fuzzing found are
kept at the end as regression tests.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from exporters.docx_appendix import export_appendix
from exporters.xlsx_appendix import export_appendix_xlsx
from importers.docx_reader import read_appendix
from models.db.opening import open_database
from models.editor import CampaignEditor
from models.entities import Activity, CampaignData, Level
from models.fields import FIELDS
from models.layout import columns_of
from models.text import clean_text
from ui.activities_model import ActivitiesTableModel

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, print_blob=True,
                derandomize=not os.environ.get("FUZZ_RANDOM"),
                phases=[p for p in Phase if p != Phase.shrink or os.environ.get("FUZZ_SHRINK")],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example])

LONG = 10_000
CONTROLS = "".join(chr(c) for c in range(0x20)) + "\x7f\x85\u2028\u2029\ufffe\uffff"
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
SPECIAL = ["😀", "👨‍👩‍👧‍👦", "🇨🇳", "⚖️", "1️⃣", "🧪🔬", "\U0001f9d1\u200d\U0001f52c",
           "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "计量", "5月20日",
           "5月17日至5月23日", "&amp;", "<w:t>", "]]>", "\"'", "_x000D_", "_x005F_x000D_",
           "\t", "\n", "\r\n", " ", "\u3000", "\u00a0", "\ufeff", "\u0301", "\U0010fffd",
           "\ufdd0", "=1+1", "序号", "活动名称"]

_pieces = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20),   # surrogate-free
    st.text(st.sampled_from(CONTROLS + BIDI), min_size=1, max_size=6),
    st.sampled_from(SPECIAL),
    st.sampled_from(BIDI),
)
_short = st.lists(_pieces, max_size=8).map("".join)
_long = st.lists(_pieces, min_size=1, max_size=4).map("".join).filter(bool).map(
    lambda seed: (seed * (LONG // len(seed) + 1))[:LONG])
fuzz_text = st.one_of(_short, _short, _short, _long)
"""Text for one field: mostly short mixtures, one time in four a 10,000-character cell."""

EDITABLE_FIELDS = ("name", "content", "time_text", "publicity_forms", "publicity_content",
                   "responsible")
ROLES = sorted({int(r) for r in Qt.ItemDataRole} | {int(Qt.ItemDataRole.UserRole) + 1}
               | set(range(0, 40)))


def exported(value: str) -> str:
    """A field as an export must hold it: the program's documented cleaning and nothing else."""
    return clean_text(value)


def read_back(value: str) -> str:
    """A field as read_appendix gives it back: cleaned, blank space around the cell trimmed."""
    return clean_text(value).strip()


def docx_rows(activities: list[Activity]) -> list[tuple]:
    return [(a.level, a.group_no, a.position, *(getattr(a, f) for f in EDITABLE_FIELDS))
            for a in activities]


def expected_docx_rows(data: CampaignData) -> list[tuple]:
    rows = data.by_level(Level.MUNICIPAL) + data.by_level(Level.DISTRICT)
    out = []
    for a in rows:
        texts = [read_back(getattr(a, f)) for f in EDITABLE_FIELDS]
        if a.level == Level.DISTRICT:   # the district table has no 宣传内容 column
            texts[EDITABLE_FIELDS.index("publicity_content")] = ""
        out.append((a.level, a.group_no, a.position, *texts))
    return out


def xlsx_tables(path: Path) -> dict[str, list[list[object]]]:
    """Each sheet's table body (below the header row) as lists of cell values."""
    wb = load_workbook(path)
    try:
        out = {}
        for ws in wb.worksheets:
            values = [list(r) for r in ws.iter_rows(values_only=True)]
            header = next(i for i, r in enumerate(values) if r and r[0] == "序号")
            out[ws.title] = values[header + 1:]
        return out
    finally:
        wb.close()


def expected_xlsx_rows(data: CampaignData, level: Level) -> list[list[object]]:
    """What the sheet of a level must show, row by row; merged-away cells are empty."""
    from models.layout import table_cells
    rows = []
    for cells in table_cells(data.by_level(level), level):
        row: list[object] = []
        for column, (text, span) in zip(columns_of(level), cells, strict=True):
            if span == 0:
                row.append(None)
            elif column.field == "group_no":
                row.append(int(text))
            else:
                row.append(exported(text) or None)
        rows.append(row)
    return rows


# -- through the store and the table model -------------------------------------------------------


class Harness:
    """A seeded store, its document, the table model wired to an undo stack, and a view."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store = open_database(None)
        self.editor = CampaignEditor(self.store)
        self.doc = self.editor.document
        self.model = ActivitiesTableModel(self.doc, self.editor.edit_field)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.resize(900, 500)
        self.targets: dict[Level, int] = {}
        for level in Level:   # an activity of its own group in each table: no merges
            [new] = self.doc.insert_activities([Activity(
                level, self.doc.next_group_no(level), 1, "待填", campaign_id=self.doc.campaign.id)])
            self.targets[level] = new.id

    def close(self) -> None:
        self.view.setModel(None)
        self.view.deleteLater()
        self.editor.restart_history()
        self.store.close()


@pytest.fixture(scope="module")
def harness(qapp, tmp_path_factory):
    made = Harness(tmp_path_factory.mktemp("fuzz"))
    yield made
    made.close()


pytestmark = pytest.mark.filterwarnings(  # hypothesis's note on a huge failing example
    "ignore:Generating overly large repr")


@FUZZ
@given(level=st.sampled_from(list(Level)),
       values=st.fixed_dictionaries({f: fuzz_text for f in EDITABLE_FIELDS}))
def test_any_text_survives_model_store_and_exports(harness, level, values):
    model, store = harness.model, harness.store
    activity_id = harness.targets[level]
    row = model.row_of(activity_id)
    assert row >= 0
    columns = {field.attr: col for col, field in enumerate(FIELDS)}
    for field, value in values.items():
        index = model.index(model.row_of(activity_id), columns[field])
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    saved = store.activity(activity_id)
    for field, value in values.items():   # kept as typed, or at most cleaned as documented
        assert getattr(saved, field) in (value, clean_text(value)), field
        assert getattr(harness.doc.activity(activity_id), field) == getattr(saved, field)

    row = model.row_of(activity_id)
    for col, field in enumerate(f.attr for f in FIELDS):
        index = model.index(row, col)
        for role in ROLES:
            index.data(role)   # through Qt, as a view asks: must not raise
        if field in values:
            assert index.data(Qt.ItemDataRole.EditRole) == getattr(saved, field)
            assert isinstance(index.data(Qt.ItemDataRole.DisplayRole), str)
    for section in range(len(FIELDS) + 1):
        for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
            for role in ROLES:
                model.headerData(section, orientation, role)
    model.flags(model.index(row, 0))
    model.flags(QModelIndex())
    harness.view.scrollTo(model.index(row, columns["content"]))
    assert not harness.view.grab().isNull()

    data = store.load()
    docx = harness.folder / "附件.docx"
    export_appendix(data, docx)
    assert docx_rows(read_appendix(docx)) == expected_docx_rows(data)
    xlsx = harness.folder / "附件.xlsx"
    export_appendix_xlsx(data, xlsx)
    tables = xlsx_tables(xlsx)
    for lvl in Level:
        assert tables[str(lvl)] == expected_xlsx_rows(data, lvl)


# -- exports of many fuzzed rows, groups and merges included -----------------------------------


_pool = st.lists(fuzz_text, min_size=1, max_size=3)


@st.composite
def fuzzed_activities(draw) -> list[Activity]:
    """One to six activities in groups, field values often shared so cells merge."""
    pool = draw(_pool)
    shared = st.one_of(st.sampled_from(pool), fuzz_text)
    out: list[Activity] = []
    groups: dict[Level, int] = {Level.MUNICIPAL: 0, Level.DISTRICT: 0}
    for _ in range(draw(st.integers(1, 6))):
        level = draw(st.sampled_from(list(Level)))
        if groups[level] == 0 or draw(st.booleans()):
            groups[level] += 1
            position = 1
        else:
            position = 1 + sum(1 for a in out if a.level == level and a.group_no == groups[level])
        texts = {f: draw(shared) for f in EDITABLE_FIELDS}
        if level == Level.DISTRICT:
            texts["publicity_content"] = ""
        out.append(Activity(level, groups[level], position, **texts))
    return out


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    store = open_database(None)
    try:
        data = store.load()
    finally:
        store.close()
    return data, tmp_path_factory.mktemp("fuzz_exports")


@FUZZ
@given(activities=fuzzed_activities())
def test_exports_of_fuzzed_tables_open_and_read_back(campaign, activities):
    seeded, folder = campaign
    data = CampaignData(seeded.campaign, seeded.units, activities)
    docx = folder / "附件.docx"
    export_appendix(data, docx)
    assert docx_rows(read_appendix(docx)) == expected_docx_rows(data)
    xlsx = folder / "附件.xlsx"
    export_appendix_xlsx(data, xlsx)
    tables = xlsx_tables(xlsx)
    for level in Level:
        assert tables[str(level)] == expected_xlsx_rows(data, level)


# -- bugs found by the fuzzing, fixed; kept as regression tests ----------------------------------


def test_text_starting_with_a_byte_order_mark_survives_the_detail_panel(ctx, qtbot):
    from ui.activities_panel import ActivitiesPanel
    store = ctx.store
    target = ctx.document.activities[0]
    store.update_activities([target.with_changes(name="\ufeff计量惠民", content="\ufffe计量日活动")])
    ctx.document.switch_campaign(ctx.document.campaign.id)
    before = store.activity(target.id)
    panel = ActivitiesPanel(ctx)
    qtbot.addWidget(panel)
    panel.table.selectRow(panel.model.row_of(target.id))
    assert panel.current_activity().id == target.id
    panel.commit_pending()   # what the window does before every export and on quitting
    after = store.activity(target.id)
    assert (after.name, after.content) == (before.name, before.content)
    assert ctx.undo_stack.count() == 0, "an edit nobody made"


def test_a_row_that_reads_like_the_header_is_read_back(campaign):
    seeded, folder = campaign
    rows = [Activity(Level.DISTRICT, 1, 1, "序号", "活动名称", "5月20日"),
            Activity(Level.DISTRICT, 2, 1, "计量惠民", "讲座", "5月20日")]
    data = CampaignData(seeded.campaign, seeded.units, rows)
    docx = folder / "header-like.docx"
    export_appendix(data, docx)
    assert docx_rows(read_appendix(docx)) == expected_docx_rows(data)
