"""Summary files: what is accepted, kept, versioned, recognised, cleaned, backed up, restored."""
from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date, datetime

import pytest

from models.db.backup import restore_backup, take_backup
from models.db.opening import open_database
from models.db.schema import SCHEMA_VERSION, migrations
from models.db.storage import Store
from models.errors import StoreError
from models.received.summary_files import INCOMING, SummaryArchive, SummaryRefused, files_dir
from tests.conftest import REPO
from tests.fs_faults import fill, tmpfs
from tests.summary_docs import colour_png, summary_docx

WORD97 = REPO / "tests" / "data" / "summary_word97.doc"


@pytest.fixture
def archive(disk_store):
    return SummaryArchive(disk_store)


def _item(store: Store, short: str = "黄浦") -> int:
    """The id of a unit's 活动总结 item."""
    unit = store.find_unit(short)
    return next(s.id for s in store.submissions(store.latest_campaign().id)
                if s.unit_id == unit.id and s.item == "活动总结")


def _receive(archive: SummaryArchive, item: int, path, day=date(2021, 5, 21)):
    incoming = archive.identify(path)
    archive.store_content(incoming)
    return archive.add_version(item, incoming, day)


def _minimal_pdf(path):
    path.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                     b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    return path


# -- what is accepted -----------------------------------------------------------------------


def test_documents_and_pictures_are_accepted_by_content(archive, tmp_path, qapp):
    docx = summary_docx(tmp_path / "黄浦区活动总结.docx", "黄浦", "red")
    png = colour_png(tmp_path / "现场照片.png", (1, 2, 3))
    jpg = tmp_path / "现场.jpg"
    from PySide6.QtGui import QImage
    assert QImage(str(png)).save(str(jpg), "JPEG")
    wps = tmp_path / "总结.wps"
    shutil.copy(WORD97, wps)
    kinds = {p.name: str(archive.identify(p).kind)
             for p in (docx, png, jpg, WORD97, wps, _minimal_pdf(tmp_path / "a.pdf"))}
    assert kinds == {"黄浦区活动总结.docx": "docx", "现场照片.png": "png", "现场.jpg": "jpeg",
                     "summary_word97.doc": "doc", "总结.wps": "doc", "a.pdf": "pdf"}


@pytest.mark.parametrize("name, content, words", [
    ("总结.docx", b"MZ\x90\x00\x03" + b"\x00" * 600, "Windows 程序"),
    ("总结.exe", b"MZ\x90\x00\x03" + b"\x00" * 600, "不是文档或图片"),
    ("总结.xlsx", b"PK\x03\x04" + b"\x00" * 100, "不是文档或图片"),
    ("总结.docx", b"PK\x03\x04 truncated zip", "已损坏"),
    ("总结.pdf", "这只是文字".encode() * 20, "无法识别"),
    ("照片.jpg", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, None),  # a PNG named .jpg: a picture
    ("总结.txt", "文字".encode(), "不是文档或图片"),
    ("总结.docx", b"", "空文件"),
])
def test_anything_else_is_refused_with_a_reason(archive, tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    if words is None:
        assert archive.identify(path).kind == "png"
        return
    with pytest.raises(SummaryRefused) as info:
        archive.identify(path)
    assert words in str(info.value)
    assert name in str(info.value)


def test_an_excel_workbook_renamed_docx_is_named_as_such(archive, tmp_path):
    from openpyxl import Workbook
    path = tmp_path / "总结.docx"
    Workbook().save(path)
    with pytest.raises(SummaryRefused, match="Excel 工作簿"):
        archive.identify(path)


def test_a_password_protected_document_is_refused(archive, tmp_path):
    path = tmp_path / "加密.docx"
    body = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    body[600:600 + 28] = "EncryptionInfo".encode("utf-16-le")
    path.write_bytes(bytes(body))
    with pytest.raises(SummaryRefused, match="打开密码"):
        archive.identify(path)


def test_folder_fifo_missing_and_huge_files_are_refused(archive, tmp_path):
    (tmp_path / "夹.docx").mkdir()
    with pytest.raises(SummaryRefused, match="文件夹"):
        archive.identify(tmp_path / "夹.docx")
    with pytest.raises(SummaryRefused, match="找不到"):
        archive.identify(tmp_path / "无.docx")
    huge = tmp_path / "大.pdf"
    with huge.open("wb") as handle:  # sparse: 200 MB named, nothing written
        handle.truncate(200 * 1024 * 1024)
    with pytest.raises(SummaryRefused, match="过大"):
        archive.identify(huge)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "管道.pdf")
        with pytest.raises(SummaryRefused, match="不是普通文件"):
            archive.identify(tmp_path / "管道.pdf")


# -- receiving, versions, the same file again -------------------------------------------------


def test_received_file_is_kept_byte_for_byte_and_versions_accumulate(archive, disk_store,
                                                                     tmp_path, qapp):
    item = _item(disk_store)
    first = summary_docx(tmp_path / "黄浦总结.docx", "黄浦", "red")
    original = first.read_bytes()
    v1 = _receive(archive, item, first)
    first.write_bytes(b"the unit's copy changes later")  # the archive keeps its own copy
    assert archive.verified_content(v1).read_bytes() == original
    second = summary_docx(tmp_path / "黄浦总结（修改稿）.docx", "黄浦修改", "green")
    v2 = _receive(archive, item, second, date(2021, 5, 23))
    versions = archive.versions(item)
    assert [(v.number, v.name, v.received) for v in versions] == [
        (1, "黄浦总结.docx", date(2021, 5, 21)), (2, "黄浦总结（修改稿）.docx", date(2021, 5, 23))]
    assert archive.verified_content(versions[0]).read_bytes() == original
    assert archive.verified_content(versions[1]).read_bytes() == second.read_bytes()
    assert archive.campaign_versions(disk_store.latest_campaign().id) == {item: versions}
    assert v2.sha256 != v1.sha256


def test_the_same_file_sent_again_is_recognised_and_stored_once(archive, disk_store,
                                                                tmp_path, qapp):
    item = _item(disk_store)
    path = summary_docx(tmp_path / "总结.docx", "黄浦", "red")
    version = _receive(archive, item, path)
    again = tmp_path / "总结（再次发送）.docx"
    shutil.copy(path, again)
    incoming = archive.identify(again)
    assert [v.id for v in archive.holders(incoming.sha256)] == [version.id]
    archive.store_content(incoming)
    assert sum(1 for p in files_dir(disk_store.path).rglob("*") if p.is_file()) == 1


def test_a_damaged_kept_file_is_reported(archive, disk_store, tmp_path, qapp):
    version = _receive(archive, _item(disk_store), summary_docx(tmp_path / "s.docx", "黄浦", "red"))
    kept = archive.content_path(version.sha256)
    kept.chmod(0o644)
    kept.write_bytes(b"changed behind our back")
    with pytest.raises(StoreError, match="已损坏"):
        archive.verified_content(version)
    kept.unlink()
    assert archive.missing() == [version]


def test_a_memory_database_has_no_archive(store):
    with pytest.raises(StoreError, match="内存数据库"):
        SummaryArchive(store)


# -- cleaning ---------------------------------------------------------------------------------


def test_cleanup_removes_only_what_nothing_refers_to(archive, disk_store, tmp_path, qapp):
    item = _item(disk_store)
    kept = _receive(archive, item, summary_docx(tmp_path / "a.docx", "黄浦", "red"))
    dropped = _receive(archive, item, summary_docx(tmp_path / "b.docx", "黄浦乙", "green"))
    leftover = files_dir(disk_store.path) / INCOMING / "crash.part"
    leftover.write_bytes(b"half written")
    archive.remove_version(dropped.id)  # as undoing the receive does
    assert archive.content_path(dropped.sha256).exists(), "never removed without 清理"
    assert archive.clean(keep={dropped.sha256}).files == [leftover]  # an undo step needs it
    assert archive.content_path(dropped.sha256).exists()
    plan = archive.clean()
    assert plan.files == [archive.content_path(dropped.sha256)]
    assert "已清理 1 个" in plan.as_text()
    assert not archive.content_path(dropped.sha256).exists()
    assert archive.verified_content(kept).read_bytes() == (tmp_path / "a.docx").read_bytes()
    assert disk_store.db.execute("SELECT sha256 FROM stored_files").fetchall() == [(kept.sha256,)]
    assert archive.clean().as_text() == "没有需要清理的文件。"


# -- backups ----------------------------------------------------------------------------------


def test_backup_and_restore_cover_received_files(archive, disk_store, tmp_path, qapp):
    item = _item(disk_store)
    first = summary_docx(tmp_path / "初稿.docx", "黄浦", "red")
    original = first.read_bytes()
    v1 = _receive(archive, item, first)
    saved = take_backup(disk_store.path, "manual", datetime(2021, 5, 21), disk_store.db.conn)
    archive.remove_version(v1.id)
    _receive(archive, item, summary_docx(tmp_path / "终稿.docx", "黄浦终", "blue"))
    plan = archive.clean()
    assert plan.kept_for_backups == [v1.sha256] and plan.files == []
    assert "仍被备份引用" in plan.as_text()
    restore_backup(disk_store, saved)
    restored = archive.versions(item)
    assert [v.name for v in restored] == ["初稿.docx"]
    assert archive.verified_content(restored[0]).read_bytes() == original
    assert archive.missing() == []


def test_a_database_from_before_summary_files_is_upgraded(tmp_path):
    path = tmp_path / "old.sqlite3"
    from sqlite_utils import Database
    old = Database(path)
    migrations.apply(old, stop_before="0002_summary_files")
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()
    store = open_database(path)
    try:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert {"stored_files", "submission_files"} <= set(store.db.table_names())
    finally:
        store.close()
    backups = list((tmp_path / "backups").glob("*before-migration*"))
    assert len(backups) == 1
    tables = sqlite3.connect(backups[0]).execute(
        "SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    assert ("submission_files",) not in tables


def test_a_full_disk_keeps_nothing_half_written(tmp_path, qapp):
    with tmpfs(tmp_path / "small", size_kb=512) as mount:
        store = open_database(mount / "c.sqlite3")
        try:
            archive = SummaryArchive(store)
            big = tmp_path / "大总结.pdf"
            big.write_bytes(b"%PDF-1.4\n" + os.urandom(300 * 1024))
            fill(mount)
            with pytest.raises(StoreError, match="磁盘已满"):
                archive.store_content(archive.identify(big))
            assert [p for p in archive.folder.rglob("*") if p.is_file()] == []
            assert store.db.execute("SELECT COUNT(*) FROM stored_files").fetchone()[0] == 0
        finally:
            store.close()


# -- receiving as one undoable step ----------------------------------------------------------


def test_receiving_is_one_undoable_step_and_a_newer_file_keeps_the_first_date(disk_store,
                                                                             tmp_path, qapp):
    from PySide6.QtGui import QUndoStack

    from models.document import CampaignDocument
    from models.summary_commands import ReceiveFileCommand, prepare_receipt
    doc = CampaignDocument(disk_store)
    archive = SummaryArchive(disk_store)
    stack = QUndoStack()
    changes: list[str] = []
    doc.submissions_changed.connect(lambda: changes.append("submissions"))
    unit = disk_store.find_unit("黄浦")
    item = lambda: next(s for s in doc.submissions()  # noqa: E731
                        if s.unit_id == unit.id and s.item == "活动总结")
    first = summary_docx(tmp_path / "初稿.docx", "黄浦", "red")
    receipt = prepare_receipt(doc, archive, unit.id, first, date(2021, 5, 21),
                              today=date(2021, 5, 30))
    stack.push(ReceiveFileCommand(doc, archive, receipt, "收到总结"))
    assert (item().status, item().received) == ("已报送", date(2021, 5, 21))
    assert [v.name for v in archive.versions(item().id)] == ["初稿.docx"]
    later = summary_docx(tmp_path / "修改稿.docx", "黄浦改", "green")
    stack.push(ReceiveFileCommand(doc, archive, prepare_receipt(
        doc, archive, unit.id, later, date(2021, 5, 26), today=date(2021, 5, 30)), "收到总结"))
    assert (item().status, item().received) == ("已报送", date(2021, 5, 21))
    assert [v.name for v in archive.versions(item().id)] == ["初稿.docx", "修改稿.docx"]
    again = prepare_receipt(doc, archive, unit.id, first, date(2021, 5, 27),
                            today=date(2021, 5, 30))
    assert again.same_as is not None and "内容相同" in again.as_text()
    with pytest.raises(SummaryRefused, match="黄浦区市场监管局的“活动总结”"):
        prepare_receipt(doc, archive, disk_store.find_unit("静安").id, first, date(2021, 5, 27),
                        today=date(2021, 5, 30))
    with pytest.raises(SummaryRefused, match="晚于今天"):
        prepare_receipt(doc, archive, unit.id, first, date(2021, 6, 1), today=date(2021, 5, 30))
    stack.undo()
    stack.undo()
    assert (item().status, item().received) == ("未报送", None)
    assert archive.versions(item().id) == []
    stack.redo()
    assert [v.name for v in archive.versions(item().id)] == ["初稿.docx"]
    assert archive.verified_content(archive.versions(item().id)[0]).read_bytes() == \
        first.read_bytes()
    assert changes.count("submissions") == 5


def test_receiving_for_an_item_the_unit_did_not_owe_adds_it_and_undo_removes_it(
        disk_store, tmp_path, qapp):
    from PySide6.QtGui import QUndoStack

    from models.document import CampaignDocument
    from models.summary_commands import ReceiveFileCommand, prepare_receipt
    doc = CampaignDocument(disk_store)
    archive = SummaryArchive(disk_store)
    stack = QUndoStack()
    unit = disk_store.find_unit("黄浦")
    photo = colour_png(tmp_path / "现场.png", (10, 200, 10))
    receipt = prepare_receipt(doc, archive, unit.id, photo, date(2021, 5, 20), "宣传报道",
                              today=date(2021, 5, 30), new_item=True)
    stack.push(ReceiveFileCommand(doc, archive, receipt, "收到"))
    [added] = [s for s in doc.submissions() if s.unit_id == unit.id and s.item == "宣传报道"]
    assert added.status == "已报送" and archive.versions(added.id)[0].kind == "png"
    stack.undo()
    assert not [s for s in doc.submissions() if s.item == "宣传报道"]
    assert disk_store.db.execute("SELECT COUNT(*) FROM submission_files").fetchone()[0] == 0


def test_an_old_archive_folder_that_cannot_be_moved_is_read_where_it_is(tmp_path, monkeypatch):
    """NAME-files of an earlier version, in a folder where it cannot be renamed: the files
    are still found there (and nothing is lost)."""
    from models.db.places import legacy_files_dir
    store = open_database(tmp_path / "c.sqlite3")
    try:
        archive = SummaryArchive(store)
        incoming = archive.identify(summary_docx(tmp_path / "总结.docx", "黄浦", "red"))
        archive.store_content(incoming)
        legacy = legacy_files_dir(store.path)
        archive.folder.rename(legacy)

        def refuse(*_args):
            raise PermissionError(13, "Permission denied")
        monkeypatch.setattr(os, "rename", refuse)
        reopened = SummaryArchive(store)
        assert reopened.folder == legacy and reopened.intact(incoming.sha256)
    finally:
        store.close()
