"""The PDFs' text layer is the real text: every cell, exactly, no radical look-alikes; nothing
is dropped from rows taller than a page.

Text comes from pdftotext where poppler is installed, and from pypdf everywhere else.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from exporters.pdf_appendix import export_appendix_pdf
from exporters.pdf_output import _fix_cmap, is_look_alike
from exporters.pdf_schedule import export_schedule_pdf
from exporters.schedule import build_schedule, day_rows, entry_cells
from models.entities import CampaignData, Level
from models.layout import table_cells
from tests.machine import skip_without_cjk_font


def pdf_text(path: Path) -> str:
    """The text layer in drawing order."""
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
    from pypdf import PdfReader
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def squash(text: str) -> str:
    """Text without white space."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def seed_pdfs(tmp_path_factory, qapp_module) -> dict[str, Path]:
    """The 2021 attachment and schedule as PDFs."""
    from models.db.opening import open_database
    skip_without_cjk_font()
    store = open_database(None)
    data = store.load()
    store.close()
    folder = tmp_path_factory.mktemp("pdf")
    paths = {"appendix": folder / "appendix.pdf", "schedule": folder / "schedule.pdf"}
    export_appendix_pdf(data, paths["appendix"])
    export_schedule_pdf(data, paths["schedule"])
    return paths


@pytest.fixture(scope="module")
def qapp_module():
    """A Qt application for module-scoped PDF exports."""
    from PySide6.QtWidgets import QApplication
    return QApplication.instance() or QApplication([])


def test_no_radical_or_compatibility_code_points(seed_pdfs):
    for path in seed_pdfs.values():
        text = pdf_text(path)
        strays = sorted({ch for ch in text if is_look_alike(ch)})
        assert strays == [], (path.name, strays)
        assert text.count("日") >= 20


def test_every_seed_cell_is_in_the_attachment_pdf_exactly(seed_pdfs, campaign_data):
    text = squash(pdf_text(seed_pdfs["appendix"]))
    for level in Level:
        for row in table_cells(campaign_data.by_level(level), level):
            for cell, span in row:
                if span:
                    assert squash(cell) in text, cell
    assert "黄浦区市场监管局" in text


def test_every_schedule_cell_is_in_the_schedule_pdf(seed_pdfs, campaign_data):
    text = squash(pdf_text(seed_pdfs["schedule"]))
    schedule = build_schedule(campaign_data)
    for day in schedule.days:
        for row in day_rows(day):
            for cell in row:
                assert squash(cell) in text, cell


def test_cmap_destinations_are_rewritten_and_sources_kept():
    cmap = (b"/CIDInit /ProcSet findresource begin\n1 begincodespacerange\n<0000> <FFFF>\n"
            b"endcodespacerange\n2 beginbfrange\n<0000> <0000> <0000>\n"
            b"<0001> <0003> [<2F47> <4E0A> <2EA0>]\nendbfrange\n1 beginbfchar\n"
            b"<2F47> <2F47>\nendbfchar\n")
    fixed = _fix_cmap(cmap, {"\u2f47": "日", "\u2ea0": "民"})
    assert b"[<65E5> <4E0A> <6C11>]" in fixed
    assert b"<2F47> <65E5>" in fixed                   # source code kept, destination fixed
    assert b"<0000> <FFFF>" in fixed


@pytest.fixture
def tall_data(campaign_data) -> CampaignData:
    """A 2,000-character 活动内容 (the import's limit) and a 999-line 宣传内容."""
    acts = list(campaign_data.activities)
    content = "".join(f"第{i:03d}句：开展计量宣传活动，内容详实。" for i in range(200))[:2000]
    lines = "\n".join(f"第{i}行宣传" for i in range(999))
    i = next(k for k, a in enumerate(acts) if a.level == Level.DISTRICT and a.group_no == 3)
    acts[i] = acts[i].with_changes(content=content, name="超长内容活动", responsible="长宁测试单位")
    j = next(k for k, a in enumerate(acts) if a.level == Level.MUNICIPAL and a.group_no == 2)
    acts[j] = acts[j].with_changes(publicity_content=lines)
    return CampaignData(campaign_data.campaign, campaign_data.units, acts)


def test_rows_taller_than_a_page_lose_nothing(tall_data, tmp_path, qapp, cjk_font):
    path = tmp_path / "tall.pdf"
    export_appendix_pdf(tall_data, path)
    raw = pdf_text(path)
    text = squash(raw)
    tall = next(a for a in tall_data.activities if a.name == "超长内容活动")
    sentences = re.findall(r"第\d{3}句[^第]*", tall.content)
    assert len(sentences) == 100
    missing = [s for s in sentences if squash(s) not in text]
    # a sentence may be cut by a page break (its two halves are on two pages)
    assert len(missing) <= raw.count("\f"), missing[:3]
    assert all(f"第{i}行宣传" in raw.split() for i in range(999))
    # every character of every cell is in the text layer, as often as the cells hold it
    needed: Counter[str] = Counter()
    for level in Level:
        for row in table_cells(tall_data.by_level(level), level):
            for cell, span in row:
                if span:
                    needed.update(squash(cell))
    have = Counter(text)
    short = {ch: n - have[ch] for ch, n in needed.items() if have[ch] < n}
    assert short == {}
    # the tall row's 序号 and name are repeated on every page it continues on
    pages = [squash(p) for p in raw.split("\f")]
    continued = [p for p in pages if "第060句" in p or "第095句" in p]
    assert continued and all("超长内容活动" in p for p in continued)
    assert "长宁测试单位" in text


def test_schedule_entry_cells_keep_time_as_written(campaign_data):
    schedule = build_schedule(campaign_data)
    entry = next(e for d in schedule.days for e in d.entries if e.fuzzy)
    cells = entry_cells(entry)
    assert cells[2].split("\n")[0] == entry.activity.time_text.strip()
    assert cells[2].endswith("（大致）")
