"""The attachment as PDF: landscape A4 pages, header on each page, page numbers, every text."""
from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest

from exporters.pdf_appendix import export_appendix_pdf
from models.entities import Level
from models.layout import table_cells

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext missing")


def _squash(text):
    """Text without white space."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def pdf(campaign_data, tmp_path, qapp, cjk_font):
    path = tmp_path / "a.pdf"
    export_appendix_pdf(campaign_data, path)
    return path


def test_pages_are_landscape_a4_and_numbered(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert 2 <= pages <= 8
    assert round(width) == 842 and round(height) == 595
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf),
                               "-"], capture_output=True, text=True).stdout
        assert f"—{page}—" in _squash(unicodedata.normalize("NFKC", text))
        text = unicodedata.normalize("NFKC", text)
        assert "活动名称" in text and "负责单位" in text, f"header missing on page {page}"


def test_every_cell_text_is_in_the_pdf(campaign_data, pdf):
    text = _squash(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                                  text=True).stdout)
    for level in Level:
        for row in table_cells(campaign_data.by_level(level), level):
            for cell, span in row:
                if span:
                    assert _squash(cell) in text, cell
