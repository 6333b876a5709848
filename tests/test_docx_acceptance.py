"""What a clerk sees on opening the Word exports: fonts with Chinese fall-backs, zh-CN, Word
2013+ mode, real properties, groups kept on one page, dates unbroken (LibreOffice render)."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree

from exporters.column_widths import _date_tokens
from exporters.docx_appendix import export_appendix
from exporters.docx_notice import export_notice
from exporters.docx_schedule import export_schedule
from models.entities import Level

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
DC = "{http://purl.org/dc/elements/1.1/}"
DCTERMS = "{http://purl.org/dc/terms/}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
OFFICIAL_FONTS = {"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"}
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
{aliases}
</fontconfig>
"""
SERIF = ("仿宋_GB2312", "仿宋", "方正小标宋简体", "宋体", "楷体_GB2312", "楷体")




@pytest.fixture(scope="module")
def exported(seeded, tmp_path_factory) -> dict[str, Path]:
    """The three Word exports, made now."""
    folder = tmp_path_factory.mktemp("docx")
    paths = {"notice": folder / "notice.docx", "appendix": folder / "appendix.docx",
             "schedule": folder / "schedule.docx"}
    export_notice(seeded, paths["notice"])
    export_appendix(seeded, paths["appendix"])
    export_schedule(seeded, paths["schedule"])
    return paths


def part(path: Path, name: str) -> etree._Element:
    """One XML part of a package."""
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def test_every_official_font_is_declared_with_a_chinese_fallback(exported):
    for path in exported.values():
        fonts = {f.get(f"{W}name"): f for f in part(path, "word/fontTable.xml").iter(f"{W}font")}
        used = {el.get(f"{W}eastAsia") for el in part(path, "word/document.xml").iter(f"{W}rFonts")}
        assert used <= set(fonts), used - set(fonts)
        for name in OFFICIAL_FONTS:
            font = fonts[name]
            assert font.find(f"{W}altName").get(f"{W}val")
            assert font.find(f"{W}charset").get(f"{W}val") == "86"
            assert font.find(f"{W}family") is not None and font.find(f"{W}pitch") is not None
        assert not [n for n, f in fonts.items() if f.find(f"{W}charset") is not None
                    and f.find(f"{W}charset").get(f"{W}val") == "80"]      # no ＭＳ 明朝


def test_theme_and_language_are_chinese(exported):
    for path in exported.values():
        settings = part(path, "word/settings.xml")
        assert settings.find(f"{W}themeFontLang").get(f"{W}eastAsia") == "zh-CN"
        theme = part(path, "word/theme/theme1.xml")
        assert {ea.get("typeface") for ea in theme.iter(f"{A}ea")} == {"宋体"}
        langs = {lang.get(f"{W}eastAsia") for name in ("word/document.xml", "word/styles.xml")
                 for lang in part(path, name).iter(f"{W}lang") if lang.get(f"{W}eastAsia")}
        assert langs == {"zh-CN"}


def test_word_opens_it_without_compatibility_mode(exported):
    for path in exported.values():
        settings = part(path, "word/settings.xml")
        modes = [s.get(f"{W}val") for s in settings.iter(f"{W}compatSetting")
                 if s.get(f"{W}name") == "compatibilityMode"]
        assert modes == ["15"]
        assert settings.find(f"{W}zoom").get(f"{W}percent") == "100"


def test_file_properties_are_real(exported, seeded):
    c = seeded.campaign
    titles = {"notice": c.title.replace("\n", ""), "appendix": c.attachment_title,
              "schedule": "2021年上海市“5·20世界计量日”系列宣传活动日程表"}
    now = datetime.now(UTC).replace(tzinfo=None)
    for name, path in exported.items():
        core = part(path, "docProps/core.xml")
        assert core.find(f"{DC}title").text == titles[name]
        assert core.find(f"{DC}creator").text == c.issuer
        assert core.find(f"{CP}lastModifiedBy").text == c.issuer
        assert not core.find(f"{DC}description").text
        for tag in ("created", "modified"):
            stamp = datetime.fromisoformat(core.find(f"{DCTERMS}{tag}").text.rstrip("Z"))
            assert abs(stamp - now) < timedelta(minutes=10)
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            rels = archive.read("_rels/.rels").decode()
            content = "".join(archive.read(n).decode("utf-8", "replace") for n in names
                              if n.endswith(".xml"))
        assert "thumbnail" not in rels and not any("thumbnail" in n for n in names)
        assert "python-docx" not in content


def test_attachment_title_is_2hao_and_banji_starts_an_even_page(exported, seeded):
    body = part(exported["notice"], "word/document.xml")
    title = seeded.campaign.attachment_title
    sizes = {run.find(f"{W}rPr/{W}sz").get(f"{W}val")
             for p in body.iter(f"{W}p") if "".join(p.itertext()) == title
             for run in p.iter(f"{W}r")}
    assert sizes == {"44"}                                       # half-points: 22 pt
    types = [s.find(f"{W}type") for s in body.iter(f"{W}sectPr")]
    last_break = [t.get(f"{W}val") if t is not None else "nextPage" for t in types][-1]
    assert last_break == "evenPage"


def test_every_row_of_a_group_but_its_last_keeps_with_the_next(exported):
    tables = list(part(exported["appendix"], "word/document.xml").iter(f"{W}tbl"))
    groups_seen = 0
    for tbl in tables:
        rows = list(tbl.iterchildren(f"{W}tr"))[1:]
        for index, tr in enumerate(rows):
            merges = [tc.find(f"{W}tcPr/{W}vMerge") for tc in tr.iterchildren(f"{W}tc")]
            nxt = rows[index + 1] if index + 1 < len(rows) else None
            continues = nxt is not None and any(
                m is not None and m.get(f"{W}val") != "restart"
                for m in (tc.find(f"{W}tcPr/{W}vMerge") for tc in nxt.iterchildren(f"{W}tc")))
            keeps = [p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(f"{W}p")]
            assert all(keeps) == continues and (any(keeps) == continues)
            groups_seen += continues and not any(
                m is not None and m.get(f"{W}val") != "restart" for m in merges)
    assert groups_seen == 3                                      # 市级 4, 区级 12 and 14


# --- LibreOffice renders ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def rendered(exported, tmp_path_factory) -> dict[str, list[str]]:
    """Each export rendered by LibreOffice, as the text of each page (pdftotext -raw).

    The official font names are mapped to Noto CJK, as on a Linux desktop without them.
    """
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    folder = tmp_path_factory.mktemp("render")
    aliases = "\n".join(
        f'  <alias binding="same"><family>{name}</family><prefer><family>'
        f'{"Noto Serif CJK SC" if name in SERIF else "Noto Sans CJK SC"}</family></prefer></alias>'
        for name in (*SERIF, "黑体"))
    conf = folder / "fonts.conf"
    conf.write_text(FONTS_CONF.format(aliases=aliases), encoding="utf-8")
    import os
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), *map(str, exported.values())],
                   check=True, capture_output=True, timeout=300, env=env)
    pages = {}
    for name in exported:
        raw = subprocess.run(["pdftotext", "-raw", str(folder / f"{name}.pdf"), "-"],
                             capture_output=True, text=True, check=True).stdout
        pages[name] = raw.split("\f")
    return pages


def squash(text: str) -> str:
    """Text without white space."""
    return re.sub(r"\s+", "", text)


@pytest.mark.slow
def test_no_group_is_split_across_pages(rendered, seeded):
    for name in ("notice", "appendix"):
        pages = [squash(p) if "序号活动名称" in squash(p) else "" for p in rendered[name]]
        for level in Level:
            rows = seeded.by_level(level)
            numbers = {a.group_no for a in rows if sum(b.group_no == a.group_no for b in rows) > 1}
            for number in numbers:
                group = [squash(a.content) for a in rows if a.group_no == number]
                holding = {i for i, page in enumerate(pages) for text in group if text[:12] in page}
                assert len(holding) == 1, (name, level, number, holding)


@pytest.mark.slow
def test_no_date_token_is_broken_inside(rendered, seeded):
    for name in ("notice", "appendix", "schedule"):
        lines = {squash(line) for page in rendered[name] for line in page.splitlines()}
        for activity in seeded.activities:
            for line in activity.time_text.split("\n"):
                for start, end in _date_tokens(line):
                    token = squash(line[start:end])
                    if len(token) >= 4:
                        assert any(token in one for one in lines), (name, token)


@pytest.mark.slow
def test_schedule_days_break_cleanly_with_caption_and_header_repeated(rendered):
    pages = [squash(p) for p in rendered["schedule"] if p.strip()]
    assert len(pages) >= 5
    for page in pages[1:]:
        assert re.match(r"\d+月\d+日（星期.）共\d+项(（续）)?负责单位活动名称活动时间宣传形式",
                        page), page[:40]
    busiest = [p for p in pages if "5月20日（星期四）共23项" in p]
    assert len(busiest) >= 2
    assert [p.startswith("5月20日（星期四）共23项（续）") for p in busiest] == \
        [False] + [True] * (len(busiest) - 1)
