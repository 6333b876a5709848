"""Every Word and Excel file the program writes is a valid OPC package (every part named
with an extension, typed, unique, every internal relationship pointing at a part), and the
Word files carry only what the documents use."""
from __future__ import annotations

import posixpath
import zipfile
from datetime import date
from pathlib import Path, PurePosixPath

import pytest
from lxml import etree

from exporters import EXPORTERS, ExportSources
from exporters.xlsx_template import write_template
from resources import DISTRIBUTION

CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"
APP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
WORD_EXPORTS = ("notice", "appendix", "schedule")
DEFAULT_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}


def _book(data):
    from models.received.summary_book import SummaryBook
    return SummaryBook("2021年“5·20世界计量日”活动总结汇编", "上海市市场监督管理局计量处",
                       date(2021, 5, 25), (), tuple(u.name for u in data.units))


@pytest.fixture(scope="module")
def packages(tmp_path_factory, qapp) -> dict[str, Path]:
    """Every .docx and .xlsx export of the seed campaign, and a unit's Excel template."""
    from models.db.opening import open_database
    from models.editor import CampaignEditor
    store = open_database(None)
    data = store.load()
    stats = CampaignEditor(store).statistics()
    sources = ExportSources(data, lambda: _book(data), lambda: stats)
    store.close()
    folder = tmp_path_factory.mktemp("packages")
    made = {}
    for entry in EXPORTERS:
        if entry.fmt not in ("docx", "xlsx"):
            continue
        path = folder / f"{entry.what}.{entry.fmt}"
        entry.write(entry.build(sources), path)
        made[f"{entry.what}.{entry.fmt}"] = path
    unit = next(u for u in data.units if u.name.startswith("黄浦"))
    made["template.xlsx"] = write_template(data, unit, folder / "template.xlsx")
    return made


def package_errors(path: Path) -> list[str]:
    """What makes a zip file an invalid OPC package (ECMA-376 Part 2)."""
    errors = []
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        types = etree.fromstring(archive.read("[Content_Types].xml"))
        rels = {n: etree.fromstring(archive.read(n)) for n in names if n.endswith(".rels")}
    defaults = {d.get("Extension").lower() for d in types.iter(f"{CT}Default")}
    overrides = {o.get("PartName").lower() for o in types.iter(f"{CT}Override")}
    parts = [n for n in names if n != "[Content_Types].xml"]
    lowered = [n.lower() for n in parts]
    errors += [f"{n} named twice" for n in set(lowered) if lowered.count(n) > 1]
    for name in parts:
        last = PurePosixPath(name).name
        if last.endswith(".") or "." not in last:
            errors.append(f"{name}: no extension")
        elif ("/" + name).lower() not in overrides and \
                last.rsplit(".", 1)[1].lower() not in defaults:
            errors.append(f"{name}: no content type")
    errors += [f"override for missing part {o}" for o in overrides if o[1:] not in lowered]
    for rels_name, root in rels.items():
        source_dir = posixpath.dirname(posixpath.dirname(rels_name))
        for rel in root.iter(f"{REL}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target")
            resolved = (target[1:] if target.startswith("/")
                        else posixpath.normpath(posixpath.join(source_dir, target)))
            if resolved.lower() not in lowered:
                errors.append(f"{rels_name} points at missing {target}")
    return errors


def test_every_export_is_a_valid_package(packages):
    assert {"notice.docx", "appendix.docx", "appendix.xlsx", "schedule.docx", "checklist.xlsx",
            "summaries.docx", "template.xlsx"} <= set(packages)
    for name, path in packages.items():
        assert package_errors(path) == [], name


def test_the_check_finds_a_part_name_without_extension(packages, tmp_path):
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(packages["notice.docx"]) as good, zipfile.ZipFile(bad, "w") as out:
        for info in good.infolist():
            out.writestr(info, good.read(info))
        out.writestr("word/media/image2.", b"\xff\xd8")
    assert package_errors(bad) == ["word/media/image2.: no extension"]


def _part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def test_word_packages_carry_only_what_the_document_uses(packages):
    for what in WORD_EXPORTS:
        path = packages[f"{what}.docx"]
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            everything = b"".join(archive.read(n) for n in names)
        assert not [n for n in names if "stylesWithEffects" in n or n.startswith("customXml")
                    or "bibliography" in n.lower() or "numbering" in n], what
        for font in (b"Cambria", b"Calibri", b"Courier", b"Arial", b"MS Mincho", "明朝".encode()):
            assert font not in everything, (what, font)
        styles = etree.fromstring(_part(path, "word/styles.xml"))
        document = _part(path, "word/document.xml").decode("utf-8")
        ids = {s.get(f"{W}styleId") for s in styles.iter(f"{W}style")}
        assert ids - DEFAULT_STYLES <= {i for i in ids if f'w:pStyle w:val="{i}"' in document}


def test_the_notice_package_is_lean(packages):
    with zipfile.ZipFile(packages["notice.docx"]) as archive:
        sizes = {i.filename: i.file_size for i in archive.infolist()}
    around_text = sum(sizes.values()) - sizes["word/document.xml"]
    assert around_text < 40_000, sizes            # python-docx's template: 828 KB


def test_each_word_file_has_its_own_id_and_names_the_program(packages, tmp_path):
    from exporters.docx_notice import export_notice
    from models.db.opening import open_database
    store = open_database(None)
    data = store.load()
    store.close()
    again = tmp_path / "again.docx"
    export_notice(data, again)
    ids = set()
    for path in (*(packages[f"{w}.docx"] for w in WORD_EXPORTS), again):
        settings = _part(path, "word/settings.xml").decode("utf-8")
        ids.add(settings.split("w15:docId w15:val=\"", 1)[1][:38])
        app = etree.fromstring(_part(path, "docProps/app.xml"))
        assert app.find(f"{APP}Application").text.startswith(DISTRIBUTION)
        assert app.find(f"{APP}Pages") is None and app.find(f"{APP}Words") is None
    assert len(ids) == len(WORD_EXPORTS) + 1


def test_excel_files_name_the_program_as_author(packages):
    for name in ("appendix.xlsx", "checklist.xlsx", "template.xlsx"):
        core = etree.fromstring(_part(packages[name], "docProps/core.xml"))
        assert core.find(f"{DC}creator").text == DISTRIBUTION, name
