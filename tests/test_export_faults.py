"""Exports never claim success over a broken file: full disk, corrupt writes, symlinked targets.

The full-disk cases use a real, small tmpfs (root and mount needed; skipped with the reason
otherwise). A disk that silently corrupts what it is given cannot be made for real, so that
one case replaces the low-level write.
"""
from __future__ import annotations

import errno
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from exporters import exporter_for
from exporters.atomic import ExportError, OutputCheckFailed
from exporters.output_checks import check_docx, ics_check, pdf_check
from tests.fs_faults import tmpfs

REPO = Path(__file__).resolve().parents[1]
EXPORTS = [("notice", "docx"), ("appendix", "docx"), ("appendix", "xlsx"), ("appendix", "pdf"),
           ("schedule", "docx"), ("schedule", "pdf"), ("calendar", "ics"),
           ("checklist", "xlsx")]
KEEP_FREE = 4096


def leftovers(folder: Path) -> list[str]:
    """Temporary files an export may have left."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~"))


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    """main.py with a database, as the user runs it."""
    return subprocess.run([sys.executable, "main.py", "--db", str(db), *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MiB tmpfs, unmounted afterwards (skipped with the reason where none can be made)."""
    with tmpfs(tmp_path / "disk", size_kb=2048) as mount:
        yield mount


def fill(disk: Path, name: str = "filler.bin") -> None:
    """Fill the disk, then give back a few kilobytes: less than any export needs."""
    filler = disk / name
    chunk = b"\0" * 65536
    with filler.open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(chunk)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    os.truncate(filler, filler.stat().st_size - KEEP_FREE)


@pytest.mark.parametrize("what,fmt", EXPORTS)
def test_full_disk_keeps_the_old_file_and_says_so(small_disk, tmp_path, what, fmt):
    db = tmp_path / "campaign.db"
    target = small_disk / f"{what}.{fmt}"
    first = run_cli(db, "export", what, "-o", str(target))
    assert first.returncode == 0, first.stderr
    old = target.read_bytes()
    assert len(old) > KEEP_FREE
    fill(small_disk)

    again = run_cli(db, "export", what, "-o", str(target))
    assert again.returncode == 2
    assert again.stdout.splitlines() == [again.stdout.splitlines()[0]]  # the year, no 已导出
    assert again.stdout.startswith("年度：2021年")
    lines = again.stderr.strip().splitlines()
    assert len(lines) == 1 and "磁盘已满" in lines[0] and "原有文件保持不变" in lines[0]
    assert "Traceback" not in again.stderr and "Exception ignored" not in again.stderr
    assert target.read_bytes() == old
    assert leftovers(small_disk) == []

    target.unlink()
    fill(small_disk, "filler2.bin")
    new = run_cli(db, "export", what, "-o", str(target))
    assert new.returncode == 2 and "磁盘已满" in new.stderr and "Traceback" not in new.stderr
    assert not target.exists() and leftovers(small_disk) == []


def _corrupting_write(tmp: Path, data: bytes) -> None:
    """A disk that stores the right number of bytes, but not the right bytes."""
    middle = len(data) // 2
    tmp.write_bytes(data[:middle] + bytes(b ^ 0xFF for b in data[middle:middle + 64])
                    + data[middle + 64:])


@pytest.mark.parametrize("what,fmt", [("notice", "docx"), ("appendix", "xlsx"),
                                      ("appendix", "pdf"), ("calendar", "ics")])
def test_a_corrupt_write_is_caught_before_the_rename(campaign_data, tmp_path, monkeypatch, qapp,
                                                     what, fmt):
    target = tmp_path / f"out.{fmt}"
    target.write_bytes(b"the previous export")
    monkeypatch.setattr("exporters.atomic._write_all", _corrupting_write)
    with pytest.raises(ExportError, match="检查未通过") as caught:
        exporter_for(what, fmt).write(campaign_data, target)
    assert "原有文件保持不变" in str(caught.value)
    assert target.read_bytes() == b"the previous export"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("what,fmt", [("appendix", "docx"), ("appendix", "pdf"),
                                      ("schedule", "docx")])
def test_export_to_a_symlink_writes_through_to_its_target(campaign_data, tmp_path, qapp,
                                                          what, fmt):
    real = tmp_path / "files" / f"real.{fmt}"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / f"link.{fmt}"
    link.symlink_to(real)
    exporter_for(what, fmt).write(campaign_data, link)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_bytes() != b"old"
    if fmt == "docx":
        check_docx(real)
    else:
        assert real.read_bytes().startswith(b"%PDF-")
    assert leftovers(tmp_path) == [] and leftovers(real.parent) == []


def test_a_dangling_symlink_gets_its_target_created(campaign_data, tmp_path):
    real = tmp_path / "new.docx"
    link = tmp_path / "link.docx"
    link.symlink_to(real)
    exporter_for("appendix", "docx").write(campaign_data, link)
    assert link.is_symlink() and zipfile.is_zipfile(real)


def test_docx_check_refuses_a_damaged_member(campaign_data, tmp_path):
    good = tmp_path / "a.docx"
    exporter_for("appendix", "docx").write(campaign_data, good)
    check_docx(good)
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 100, start + 164):
        data[offset] ^= 0xFF
    bad = tmp_path / "bad.docx"
    bad.write_bytes(bytes(data))
    with pytest.raises(OutputCheckFailed):
        check_docx(bad)


def test_pdf_check_refuses_a_truncated_file_and_a_wrong_page_count(campaign_data, tmp_path,
                                                                   qapp):
    good = tmp_path / "a.pdf"
    exporter_for("appendix", "pdf").write(campaign_data, good)
    data = good.read_bytes()
    from pypdf import PdfReader
    pages = len(PdfReader(str(good)).pages)
    pdf_check(pages)(good)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[:len(data) * 2 // 3])
    with pytest.raises(OutputCheckFailed):
        pdf_check(pages)(cut)
    with pytest.raises(OutputCheckFailed, match="页"):
        pdf_check(pages + 1)(good)


def test_ics_check_counts_events(campaign_data, tmp_path):
    target = tmp_path / "c.ics"
    exporter_for("calendar", "ics").write(campaign_data, target)
    from icalendar import Calendar
    events = len(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    ics_check(events)(target)
    with pytest.raises(OutputCheckFailed):
        ics_check(events + 1)(target)
