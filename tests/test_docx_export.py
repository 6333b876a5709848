"""Word export of the attachment and the notice: layout, fonts, tables, failures, LibreOffice."""
from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Emu, Mm
from lxml import etree

from exporters.atomic import ExportError
from exporters.docx_appendix import export_appendix
from exporters.docx_notice import chinese_date, export_notice, heading_level
from importers.docx_reader import read_appendix
from models.entities import CampaignData, Level
from models.fields import text_attrs
from models.text import clean_text

REPO = Path(__file__).resolve().parents[1]
HEADERS = {"序号", "活动名称", "活动内容", "活动时间", "宣传形式", "宣传内容", "负责单位"}
EXPECTED_MERGES = {
    (Level.MUNICIPAL, 4, "序号"), (Level.MUNICIPAL, 4, "活动名称"),
    (Level.DISTRICT, 12, "序号"), (Level.DISTRICT, 12, "负责单位"),
    (Level.DISTRICT, 14, "序号"), (Level.DISTRICT, 14, "负责单位"),
}


@pytest.fixture(scope="module")
def exported(seeded, tmp_path_factory) -> dict[str, Path]:
    """Both exports of the 2021 campaign."""
    folder = tmp_path_factory.mktemp("docx")
    paths = {"appendix": folder / "appendix.docx", "notice": folder / "notice.docx"}
    export_appendix(seeded, paths["appendix"])
    export_notice(seeded, paths["notice"])
    return paths


def texts(element) -> str:
    """All w:t text under an element."""
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def cell_texts(tc) -> str:
    """A cell's paragraphs joined by newlines."""
    return "\n".join(texts(p) for p in tc.iter(qn("w:p")))


def east_asia(run) -> str | None:
    """The w:eastAsia font of a run."""
    fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def merged_cells(path: Path) -> set[tuple[Level, int, str]]:
    """(level, 序号 group, header) of every cell carrying w:vMerge in the attachment tables."""
    found = set()
    for tbl in Document(str(path)).element.body.iter(qn("w:tbl")):
        rows = list(tbl.iterchildren(qn("w:tr")))
        header = [texts(tc) for tc in rows[0].iterchildren(qn("w:tc"))]
        if "序号" not in header:
            continue
        level = Level.MUNICIPAL if "宣传内容" in header else Level.DISTRICT
        group = 0
        for tr in rows[1:]:
            cells = list(tr.iterchildren(qn("w:tc")))
            if texts(cells[0]).isdigit():
                group = int(texts(cells[0]))
            for name, tc in zip(header, cells, strict=True):
                if tc.find(qn("w:tcPr")).find(qn("w:vMerge")) is not None:
                    found.add((level, group, name))
    return found


# --- layout ----------------------------------------------------------------------------------

def test_appendix_is_a4_landscape_with_official_text_block(exported):
    sections = Document(str(exported["appendix"])).sections
    assert len(sections) == 1
    section = sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    text_w = Emu(section.page_width - section.left_margin - section.right_margin)
    text_h = Emu(section.page_height - section.top_margin - section.bottom_margin)
    assert (round(text_w.mm), round(text_h.mm)) == (225, 156)


def test_notice_sections_portrait_landscape_portrait(exported):
    sections = Document(str(exported["notice"])).sections
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE,
                                                 WD_ORIENT.PORTRAIT]
    first = sections[0]
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)
    assert abs(first.top_margin - Mm(37)) < Mm(1) and abs(first.left_margin - Mm(28)) < Mm(1)
    assert round(Emu(first.page_width - first.left_margin - first.right_margin).mm) == 156
    assert round(Emu(first.page_height - first.top_margin - first.bottom_margin).mm) == 225
    assert sections[1].page_width > sections[1].page_height


def test_page_numbers_odd_right_even_left_none_on_banji_page(exported):
    document = Document(str(exported["notice"]))
    assert document.settings.odd_and_even_pages_header_footer
    sections = document.sections
    odd, even = sections[0].footer, sections[0].even_page_footer
    assert "PAGE" in "".join(odd._element.itertext()) and texts(odd._element).startswith("—")
    assert odd.paragraphs[0].alignment == 2 and even.paragraphs[0].alignment == 0   # right, left
    # the landscape pages: the number turned in the left margin, foot (odd) or head (even)
    for footer, align in ((sections[1].footer, "right"), (sections[1].even_page_footer, "left")):
        box = footer._element.find(f".//{qn('w:txbxContent')}")
        assert "PAGE" in "".join(box.itertext())
        assert box.find(f".//{qn('w:jc')}").get(qn("w:val")) == align
        assert 'vert="vert"' in etree.tostring(footer._element).decode()
    assert sections[1]._sectPr.find(qn("w:pgNumType")) is None      # numbering continues
    assert not sections[2].footer.is_linked_to_previous
    assert "PAGE" not in "".join(sections[2].footer._element.itertext())
    assert "PAGE" not in "".join(sections[2].even_page_footer._element.itertext())


def test_notice_text_in_order(exported, seeded):
    c = seeded.campaign
    body = Document(str(exported["notice"])).element.body
    paragraphs = [texts(p) for p in body.iterchildren(qn("w:p"))]
    expected = [c.issuer_mark, c.doc_number, c.title.replace("\n", ""), c.addressees + "：",
                *[line for line in c.body.split("\n") if line.strip()],
                "附件：" + c.attachment_title, c.signature, "2021年5月8日", c.publication_note,
                "附件", c.attachment_title, "（市级）"]
    found = [p for p in paragraphs if p]
    assert found[:len(expected)] == expected
    assert found[-1] == f"{c.print_office}2021年5月8日印发"


# --- fonts -----------------------------------------------------------------------------------

def test_every_run_names_an_east_asian_font(exported):
    for path in exported.values():
        runs = list(Document(str(path)).element.body.iter(qn("w:r")))
        assert runs and all(east_asia(r) for r in runs)
        for r in runs:
            assert r.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_styles_carry_east_asian_font(exported):
    styles = Document(str(exported["notice"])).styles
    fonts = styles["Normal"].element.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_table_header_heiti_body_fangsong(exported):
    for tbl in Document(str(exported["appendix"])).element.body.iter(qn("w:tbl")):
        rows = list(tbl.iterchildren(qn("w:tr")))
        assert {east_asia(r) for r in rows[0].iter(qn("w:r"))} == {"黑体"}
        assert {east_asia(r) for tr in rows[1:] for r in tr.iter(qn("w:r"))} == {"仿宋_GB2312"}


def test_heading_fonts_follow_numbering(exported):
    body = Document(str(exported["notice"])).element.body
    fonts = {texts(p): {east_asia(r) for r in p.iter(qn("w:r"))}
             for p in body.iterchildren(qn("w:p"))}
    assert fonts["一、活动时间"] == {"黑体"}
    assert fonts["1．加强组织领导"] == {"仿宋_GB2312"}
    assert fonts["2021年5月11日至5月23日。"] == {"仿宋_GB2312"}
    assert fonts["上海市市场监督管理局文件"] == {"方正小标宋简体"}


@pytest.mark.parametrize("line,level", [
    ("一、活动时间", 1), ("十二、其他", 1), ("（一）加强领导", 2), ("1．加强组织领导", 3),
    ("12.总结", 3), ("（1）细则", 4), ("2021年5月20日是第22个世界计量日", 0), ("1.5万人参加", 0),
    ("测量守护健康。", 0),
])
def test_heading_level(line, level):
    assert (heading_level(line) or 0) == level


def test_chinese_date():
    assert chinese_date(date(2021, 5, 8)) == "2021年5月8日"


# --- tables ----------------------------------------------------------------------------------

def test_header_row_repeats_and_rows_do_not_split(exported):
    tables = list(Document(str(exported["appendix"])).element.body.iter(qn("w:tbl")))
    assert len(tables) == 2
    for tbl in tables:
        rows = list(tbl.iterchildren(qn("w:tr")))
        assert rows[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        assert all(tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for tr in rows)
        assert all(tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is None for tr in rows[1:])


def test_vertical_merges_exactly_as_the_seed(exported):
    assert merged_cells(exported["appendix"]) == EXPECTED_MERGES
    assert merged_cells(exported["notice"]) == EXPECTED_MERGES


def test_line_breaks_in_cells_are_kept(exported, seeded):
    responsible = seeded.by_level(Level.MUNICIPAL)[0].responsible
    assert responsible.startswith("指导单位：") and "\n主办单位：" in responsible
    tbl = next(Document(str(exported["appendix"])).element.body.iter(qn("w:tbl")))
    first_row = list(tbl.iterchildren(qn("w:tr")))[1]
    assert cell_texts(list(first_row.iterchildren(qn("w:tc")))[-1]) == responsible


def test_cell_paragraphs_ignore_the_document_grid(exported):
    document = Document(str(exported["appendix"]))
    tbl = next(document.element.body.iter(qn("w:tbl")))
    style_ids = {p.find(qn("w:pPr")).find(qn("w:pStyle")).get(qn("w:val"))
                 for p in tbl.iter(qn("w:p"))}
    assert style_ids == {"TableHeader", "TableBody"}
    for style_id in style_ids:
        style = document.styles.element.get_by_id(style_id)
        ppr = style.find(qn("w:pPr"))
        assert ppr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0"
        assert ppr.find(qn("w:spacing")).get(qn("w:lineRule")) == "exact"
        assert style.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_control_characters_export_cleanly(seeded, tmp_path):
    dirty = "指导单位：市局\x0b主办单位：\x01某某\x1f单位\x07 & <测试>"
    first = seeded.activities[0]
    data = CampaignData(seeded.campaign, seeded.units,
                        [first.with_changes(responsible=dirty, name="名称\x00甲")]
                        + seeded.activities[1:])
    target = tmp_path / "dirty.docx"
    export_appendix(data, target)
    back = read_appendix(target)[0]
    assert back.responsible == clean_text(dirty) == "指导单位：市局\n主办单位：某某单位 & <测试>"
    assert back.name == "名称甲"
    export_notice(data, tmp_path / "dirty_notice.docx")


# --- files -----------------------------------------------------------------------------------

def leftovers(folder: Path) -> list[str]:
    """Temporary files the atomic writer may have left."""
    return [p.name for p in folder.iterdir() if p.name.startswith(".~")]


def as_ordinary_user(monkeypatch) -> None:
    """Root may write anything; judge permissions from the mode bits as a user would."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        def access(path, mode):
            st = os.stat(path)
            return not (mode & os.W_OK) or bool(st.st_mode & stat.S_IWUSR)
        monkeypatch.setattr("exporters.atomic.os.access", access)


@pytest.mark.parametrize("export", [export_appendix, export_notice])
def test_read_only_target_is_refused(seeded, tmp_path, monkeypatch, export):
    as_ordinary_user(monkeypatch)
    target = tmp_path / "readonly.docx"
    target.write_bytes(b"old")
    target.chmod(0o444)
    try:
        with pytest.raises(ExportError, match="只读"):
            export(seeded, target)
        assert target.read_bytes() == b"old"
        assert leftovers(tmp_path) == []
    finally:
        target.chmod(0o644)


@pytest.mark.parametrize("export", [export_appendix, export_notice])
def test_missing_folder_and_directory_target(seeded, tmp_path, export):
    with pytest.raises(ExportError, match="不存在"):
        export(seeded, tmp_path / "missing" / "x.docx")
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    with pytest.raises(ExportError, match="文件夹"):
        export(seeded, folder)
    assert leftovers(tmp_path) == []


def test_file_open_elsewhere_leaves_nothing(seeded, tmp_path, monkeypatch):
    def locked(src, dst):
        raise PermissionError(13, "locked")
    monkeypatch.setattr("exporters.atomic.os.replace", locked)
    target = tmp_path / "open.docx"
    with pytest.raises(ExportError, match="打开"):
        export_notice(seeded, target)
    assert not target.exists() and leftovers(tmp_path) == []


# --- another year ----------------------------------------------------------------------------

def test_2022_campaign_exports_its_own_values(seeded, tmp_path):
    old = seeded.campaign
    campaign = old.with_changes(
        year=2022, theme="计量促进可持续发展", doc_number="沪市监计量〔2022〕118号",
        title="上海市市场监督管理局关于开展2022年\n上海市“5·20世界计量日”\n系列宣传活动的通知",
        body=old.body.replace("测量守护健康", "计量促进可持续发展").replace("2021", "2022"),
        attachment_title=old.attachment_title.replace("2021", "2022"),
        issue_date=date(2022, 5, 12), print_date=date(2022, 5, 13),
        window_start=date(2022, 5, 10), window_end=date(2022, 5, 25))
    data = CampaignData(campaign, seeded.units, seeded.activities)
    target = tmp_path / "notice2022.docx"
    export_notice(data, target)
    document = Document(str(target))
    text = "\n".join(texts(p) for p in document.element.body.iter(qn("w:p")))
    for expected in ("沪市监计量〔2022〕118号", campaign.title.replace("\n", ""),
                     "计量促进可持续发展", "2022年5月12日", "2022年5月13日印发",
            "附件：2022年上海市“5·20世界计量日”系列宣传活动安排汇总表"):
        assert expected in text.replace("\n", ""), expected
    assert "2021" not in text.split("附件：")[0]
    assert "〔2021〕260号" not in text and "2021年5月8日" not in text
    title_p = next(p for p in document.element.body.iter(qn("w:p"))
                   if texts(p).startswith("上海市市场监督管理局关于"))
    assert len(title_p.findall(f".//{qn('w:br')}")) == 2


def test_cli_exports_notice_and_appendix(tmp_path):
    db = tmp_path / "campaign.db"
    for what in ("notice", "appendix"):
        out = tmp_path / f"{what}.docx"
        result = subprocess.run(
            [sys.executable, "main.py", "--db", str(db), "export", what, "-o", str(out)],
            cwd=REPO, capture_output=True, text=True, timeout=60,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        assert result.returncode == 0, result.stderr
        assert out.is_file() and len(read_appendix(out)) == 29


def test_cli_reports_missing_folder(tmp_path):
    result = subprocess.run(
        [sys.executable, "main.py", "--db", str(tmp_path / "c.db"), "export", "notice", "-o",
         str(tmp_path / "nope" / "n.docx")],
        cwd=REPO, capture_output=True, text=True, timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2 and "不存在" in result.stderr


# --- LibreOffice -----------------------------------------------------------------------------

def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) of every page, from pdfinfo."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    detail = subprocess.run(["pdfinfo", "-f", "1", "-l", str(pages), str(pdf)],
                            capture_output=True, text=True, check=True).stdout
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", detail, re.M)
    assert len(sizes) == pages
    return [(float(w), float(h)) for w, h in sizes]


def squeezed(text: str) -> str:
    """Text without any whitespace."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pdfs(exported) -> dict[str, Path]:
    """Both exports converted to PDF by LibreOffice in one run."""
    if shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice is not installed")
    folder = exported["notice"].parent
    profile = folder / "lo-profile"
    subprocess.run(["libreoffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder),
                    str(exported["appendix"]), str(exported["notice"])],
                   check=True, capture_output=True, timeout=180)
    return {name: folder / f"{name}.pdf" for name in exported}


@pytest.mark.slow
def test_pdf_pages_and_orientation(pdfs):
    appendix = page_sizes(pdfs["appendix"])
    notice = page_sizes(pdfs["notice"])
    assert 2 <= len(appendix) <= 10
    assert all(w > h for w, h in appendix)
    portrait = [w < h for w, h in notice]
    first_landscape = portrait.index(False)
    assert 3 <= first_landscape <= 6                      # the notice itself
    assert portrait[first_landscape:-1] == [False] * len(appendix)
    assert portrait[-1] is True                           # the 版记 page
    assert len(notice) == first_landscape + len(appendix) + 1


@pytest.mark.slow
def test_pdf_shows_every_cell(pdfs, seeded):
    for pdf in pdfs.values():
        text = squeezed(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                                       text=True, check=True).stdout)
        for header in HEADERS:
            assert header in text
        for activity in seeded.activities:
            for field in text_attrs():
                value = squeezed(getattr(activity, field))
                assert value in text, (pdf.name, activity.group_no, field)


@pytest.mark.slow
def test_pdf_notice_text_and_banji_page(pdfs, seeded):
    c = seeded.campaign
    text = subprocess.run(["pdftotext", "-layout", str(pdfs["notice"]), "-"],
                          capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    raw = subprocess.run(["pdftotext", "-raw", str(pdfs["notice"]), "-"],
                         capture_output=True, text=True, check=True).stdout
    flat = squeezed(re.sub(r"—\s*\d+\s*—", "", raw))          # page numbers cut paragraphs
    for value in (c.issuer_mark, c.doc_number, c.title, c.addressees, c.signature,
                  c.publication_note, *c.body.split("\n")):
        assert squeezed(value) in flat
    last = [page for page in pages if page.strip()][-1]
    assert squeezed(c.print_office) in squeezed(last) and "2021年5月8日印发" in squeezed(last)
    assert "—" not in last                                 # no page number on the 版记 page
    assert "—1—" in squeezed(pages[0]) and "—2—" in squeezed(pages[1])


@pytest.mark.slow
def test_pdf_signature_page_carries_body_text(pdfs, seeded):
    """GB/T 9704 7.3.5: the issuer and date never stand on a page without body text."""
    c = seeded.campaign
    pages = subprocess.run(["pdftotext", "-layout", str(pdfs["notice"]), "-"],
                           capture_output=True, text=True, check=True).stdout.split("\f")
    signed = next(squeezed(p) for p in pages if squeezed(c.publication_note) in squeezed(p))
    last_body_line = c.body.split("\n")[-1]
    assert squeezed(last_body_line)[:20] in signed
    assert squeezed("附件：") in signed and squeezed(c.signature) in signed
