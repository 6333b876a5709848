"""The exports as a Debian-family desktop (统信 UOS, 麒麟) shows them: rendered by LibreOffice
with the fonts it has in place of the official ones (Noto CJK, DejaVu digits), no alias set.
Date tokens stay whole, no group of rows is split over Excel's printed pages."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from exporters.column_widths import _date_tokens
from exporters.docx_appendix import export_appendix
from exporters.docx_notice import export_notice
from exporters.docx_schedule import export_schedule
from exporters.xlsx_appendix import export_appendix_xlsx
from models.entities import Level
from models.received.soffice import find_soffice

pytestmark = pytest.mark.slow


def _chinese_fonts() -> bool:
    """Whether fontconfig knows a font with Chinese glyphs."""
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    return bool(found.stdout.strip())


@pytest.fixture(scope="module")
def pages(seeded, tmp_path_factory) -> dict[str, list[str]]:
    """Each export rendered by LibreOffice, the text of each page, white space removed."""
    if find_soffice() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext (poppler-utils) is not installed")
    if not _chinese_fonts():
        pytest.skip("no font with Chinese glyphs is installed (fonts-noto-cjk)")
    folder = tmp_path_factory.mktemp("other-fonts")
    files = {"notice": folder / "notice.docx", "appendix": folder / "appendix.docx",
             "schedule": folder / "schedule.docx", "excel": folder / "excel.xlsx"}
    export_notice(seeded, files["notice"])
    export_appendix(seeded, files["appendix"])
    export_schedule(seeded, files["schedule"])
    export_appendix_xlsx(seeded, files["excel"])
    subprocess.run([find_soffice(), f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                    *map(str, files.values())], check=True, capture_output=True, timeout=300)
    out = {}
    for name, path in files.items():
        raw = subprocess.run(["pdftotext", "-raw", str(path.with_suffix(".pdf")), "-"],
                             capture_output=True, text=True, check=True).stdout
        out[name] = [re.sub(r"[ \t]+", "", page) for page in raw.split("\f")]
    return out


def test_no_date_token_breaks_inside(pages, seeded):
    tokens = {re.sub(r"\s+", "", line[a:b]) for activity in seeded.activities
              for line in activity.time_text.split("\n") for a, b in _date_tokens(line)}
    tokens = {t for t in tokens if len(t) >= 3}
    assert {"5月17日至", "5月23日", "5月20日左右", "5月20日前后", "5月20日期间"} <= tokens
    for name, texts in pages.items():
        lines = {line for page in texts for line in page.splitlines()}
        broken = sorted(t for t in tokens if not any(t in line for line in lines))
        assert broken == [], name


def test_no_line_of_a_word_export_starts_or_ends_against_the_rules(pages):
    for name in ("notice", "appendix", "schedule"):
        lines = [line for page in pages[name] for line in page.splitlines() if line]
        assert [line for line in lines if line[0] in "、，。；：）》”"] == [], name
        assert [line for line in lines if line[-1] in "（《“"] == [], name


def test_calc_prints_every_group_of_rows_on_one_page(pages, seeded):
    excel = pages["excel"]
    checked = 0
    for level in Level:
        rows = seeded.by_level(level)
        for number in {a.group_no for a in rows}:
            group = [a for a in rows if a.group_no == number]
            if len(group) < 2:
                continue
            holding = {i for i, page in enumerate(excel) for a in group
                       if re.sub(r"\s+", "", a.content)[:10] in re.sub(r"\s+", "", page)}
            assert len(holding) == 1, (level, number, holding)
            unit = re.sub(r"\s+", "", group[0].responsible)
            assert unit in re.sub(r"\s+", "", excel[holding.pop()])   # merged cell printed
            checked += 1
    assert checked >= 3                                   # 市级 4, 区级 12 and 14
