"""The hostile corpus, second round (issue 21): outputs aimed at the database's own files,
Word replies and own spreadsheets an attacker or an odd program made, bombs, `receive` typos
and foreign file names, databases that share a folder.

Each case runs main.py in a child process (tests/hostile_run.py: 1 GB of address space, 30
seconds, its peak memory measured) and is judged as a user would: a refusal must name the
problem, exit non-zero without a traceback and leave every file it protects byte for byte;
an accepted file must give the rows Word shows. The outcomes are counted and printed at the
end of the module (pytest -s): cases, correct, clean refusals, silent changes, tracebacks,
hangs and the worst peak memory, which must stay under 500 MB.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from models.db.backup import take_backup
from models.db.opening import open_database
from models.db.places import files_dir
from tests import hostile_replies as word
from tests.hostile_run import Outcome, file_bytes, run_main

PEAK_LIMIT_MB = 500
Check = Callable[[Path], str | None]
"""After an accepted run: what is wrong with the database (None when right)."""


@dataclass
class Setup:
    """What a case runs and expects."""

    args: list[str]
    expect: tuple[str, ...] = ()
    code: int = 2
    kept: tuple[Path, ...] = ()  # files that must keep their bytes
    check: Check | None = None  # an accepted case: the result to look at
    made: tuple[Path, ...] = ()  # files an accepted case must have written


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> Path:
    """A seeded database file to copy for each case."""
    path = tmp_path_factory.mktemp("seed") / "c.sqlite3"
    open_database(path).close()
    return path


@pytest.fixture(scope="module")
def tally():
    """The outcomes of the module's cases, printed at its end."""
    seen: dict[str, tuple[str, float]] = {}
    yield seen
    kinds = Counter(kind for kind, _peak in seen.values())
    worst = max(seen.items(), key=lambda item: item[1][1], default=("-", ("", 0.0)))
    print(f"\n[hostile round 2] cases {len(seen)}: correct {kinds['correct']}, clean refusals "
          f"{kinds['refused']}, wrong messages {kinds['wrong message']}, silent changes "
          f"{kinds['silent change']}, tracebacks {kinds['traceback']}, hangs {kinds['hang']}; "
          f"worst peak {worst[1][1]:.0f} MB ({worst[0]})")


def _names(db: Path, unit: str = "黄浦") -> list[str]:
    """The unit's activity names in the database, in order."""
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute(
            "SELECT a.name FROM activities a JOIN units u ON u.id = a.unit_id "
            "WHERE u.short_name = ? ORDER BY a.group_no, a.position", [unit])]
    finally:
        conn.close()


def _names_are(*wanted: str) -> Check:
    def check(db: Path) -> str | None:
        found = _names(db)
        return None if found == list(wanted) else f"activities {found}, wanted {list(wanted)}"
    return check


def _contents_are(name: str, content: str) -> Check:
    def check(db: Path) -> str | None:
        conn = sqlite3.connect(db)
        try:
            found = conn.execute(
                "SELECT a.name, a.content FROM activities a JOIN units u ON u.id = a.unit_id "
                "WHERE u.short_name = '黄浦'").fetchall()
        finally:
            conn.close()
        return None if found == [(name, content)] else f"activities {found}"
    return check


# -- 1: outputs aimed at the database's own files ----------------------------------------------


def _export_to(target: Callable[[Path, Path], Path], *command: str,
               expect: tuple[str, ...] = ("导出不能",)) -> Callable[[Path, Path], Setup]:
    def setup(folder: Path, db: Path) -> Setup:
        out = target(folder, db)
        kept = (db, out) if out.is_file() else (db,)
        return Setup(["--db", str(db), *command, "-o", str(out)], expect, 2, kept)
    return setup


def _itself(folder: Path, db: Path) -> Path:
    return db


def _wal(folder: Path, db: Path) -> Path:
    return Path(f"{db}-wal")  # SQLite itself makes and removes it


def _lock(folder: Path, db: Path) -> Path:
    return Path(f"{db}.lock")


def _symlink(folder: Path, db: Path) -> Path:
    link = folder / "通知.docx"
    link.symlink_to(db)
    return link


def _hard_link(folder: Path, db: Path) -> Path:
    link = folder / "通知硬链接.docx"
    os.link(db, link)
    return link


def _dotdot(folder: Path, db: Path) -> Path:
    (folder / "sub").mkdir()
    return folder / "sub" / ".." / db.name


def _backup(folder: Path, db: Path) -> Path:
    return take_backup(db, "manual")


def _archive_file(folder: Path, db: Path) -> Path:
    stored = files_dir(db) / "ab" / ("ab" + "0" * 62)
    stored.parent.mkdir(parents=True)
    stored.write_bytes(b"a received summary")
    return stored


def _other_database(folder: Path, db: Path) -> Path:
    other = folder / "另一个.sqlite3"
    shutil.copy(db, other)
    return other


def _folder(folder: Path, db: Path) -> Path:
    return folder


def _fifo(folder: Path, db: Path) -> Path:
    pipe = folder / "通知.docx"
    os.mkfifo(pipe)
    return pipe


def _long_name(folder: Path, db: Path) -> Setup:
    out = folder / ("通" * 81 + "a.docx")  # 81 × 3 + 6 = 249 bytes: a legal name
    assert len(out.name.encode()) < 255
    return Setup(["--db", str(db), "export", "notice", "-o", str(out)], ("已导出",), 0, (db,),
                 made=(out,))


def _templates_into_archive(folder: Path, db: Path) -> Setup:
    archive = files_dir(db)
    archive.mkdir()
    return Setup(["--db", str(db), "template", "--all", "-o", str(archive)], ("存档",), 2, (db,))


# -- 2 and 3: Word replies, own spreadsheets, bombs ------------------------------------------


def _import(make: Callable[[Path], Path], *expect: str, check: Check | None = None,
            code: int = 1) -> Callable[[Path, Path], Setup]:
    def setup(folder: Path, db: Path) -> Setup:
        path = make(folder)
        return Setup(["--db", str(db), "import", "--unit", "黄浦", str(path)], expect,
                     0 if check else code, () if check else (db,), check)
    return setup


def _big_reply(folder: Path) -> Path:
    """The largest reply under the part limit: 9.5 MB of document.xml, some 40,000 rows."""
    path = word.reply(folder)
    xml = word.document_xml(path)
    second = xml.index("<w:tr", xml.index("<w:tr") + 1)
    row = xml[second:xml.index("</w:tr>", second) + len("</w:tr>")]
    copies = (9_500_000 - len(xml.encode())) // len(row.encode())
    at = xml.rindex("</w:tbl>")
    return word.rewrite(path, {word.DOCUMENT: (xml[:at] + row * copies + xml[at:]).encode()})


# -- 4: receive ----------------------------------------------------------------------------


def _receive_typo(folder: Path, db: Path) -> Setup:
    path = word.reply(folder, name="黄浦总结.docx")
    return Setup(["--db", str(db), "receive", "--unit", "黄浦", "--item", "活动总节", str(path)],
                 ("活动总节", "活动安排", "活动总结"), 2, (db,))


def _foreign_name(command: str) -> Callable[[Path, Path], Setup]:
    def setup(folder: Path, db: Path) -> Setup:
        path = word.reply(folder, name="r.docx")
        odd = Path(os.fsdecode(bytes(folder) + b"/\xbb\xc6\xc6\xd6\xbb\xd8\xb8\xb4.docx"))
        path.rename(odd)
        args = ["--db", str(db), command, "--unit", "黄浦", str(odd)]
        if command == "import":
            return Setup(args, ("已导入",), 0, check=_names_are("活动XYZ名称"))
        return Setup(args, ("已收到", "黄浦回复.docx"), 0, check=_received_as("黄浦回复.docx"))
    return setup


def _received_as(name: str) -> Check:
    def check(db: Path) -> str | None:
        conn = sqlite3.connect(db)
        try:
            names = [r[0] for r in conn.execute("SELECT name FROM submission_files")]
        finally:
            conn.close()
        return None if names == [name] else f"stored names {names}, wanted [{name!r}]"
    return check


def _receive(make: Callable[[Path], Path], *expect: str) -> Callable[[Path, Path], Setup]:
    def setup(folder: Path, db: Path) -> Setup:
        return Setup(["--db", str(db), "receive", "--unit", "黄浦", str(make(folder))], expect,
                     2, (db,))
    return setup


def _legacy_archive_file(folder: Path, db: Path) -> Path:
    old = folder / f"{db.stem}-files" / "cd" / ("cd" + "1" * 62)
    old.parent.mkdir(parents=True)
    old.write_bytes(b"a summary kept by an earlier version")
    return old


CASES: dict[str, Callable[[Path, Path], Setup]] = {
    # 1: no output replaces the database or its files
    "export notice -o the database": _export_to(_itself, "export", "notice"),
    "export appendix xlsx -o the database": _export_to(_itself, "export", "appendix",
                                                       "--format", "xlsx"),
    "template -o the database": _export_to(_itself, "template", "--unit", "黄浦"),
    "export -o the database's -wal": _export_to(_wal, "export", "notice"),
    "export -o the database's lock": _export_to(_lock, "export", "notice"),
    "export -o a symlink to the database": _export_to(_symlink, "export", "notice"),
    "export -o a hard link to the database": _export_to(_hard_link, "export", "notice"),
    "export -o sub/../the database": _export_to(_dotdot, "export", "notice"),
    "export -o a backup": _export_to(_backup, "export", "appendix", "--format", "xlsx"),
    "export -o a file in the archive folder": _export_to(_archive_file, "export", "notice"),
    "export -o a file in an earlier version's archive folder": _export_to(
        _legacy_archive_file, "export", "notice"),
    "export -o another SQLite database": _export_to(_other_database, "export", "notice",
                                                    expect=("数据库文件",)),
    "export -o a directory": _export_to(_folder, "export", "notice", expect=("文件夹",)),
    "export -o a FIFO": _export_to(_fifo, "export", "notice", expect=("不是普通文件",)),
    "template --all -o the archive folder": _templates_into_archive,
    "export -o a legal 249-byte name": _long_name,
    # 2: Word replies refused as Word refuses them
    "DTD after an 18 KB comment": _import(word.dtd_after_comment, "DTD"),
    "DTD in a UTF-16 main part": _import(word.dtd_utf16, "DTD"),
    "DTD in a main part named word/letter.xml": _import(word.dtd_in_renamed_main, "DTD",
                                                        "word/letter.xml"),
    "a flipped byte (bad CRC)": _import(word.bad_crc, "CRC"),
    "a damaged deflate stream": _import(word.damaged_deflate, "无法解压"),
    ".docm renamed .docx": _import(word.docm_renamed, ".docm"),
    ".dotx renamed .docx": _import(word.dotx_renamed, ".dotx"),
    # 2: Word replies read as Word shows them
    "a tracked move (w:moveFrom)": _import(word.moved_from, check=_names_are("活动名称A")),
    "hidden (w:vanish) and deleted text": _import(word.hidden_text,
                                                  check=_names_are("可见名称")),
    "text hidden by a character and a paragraph style": _import(
        word.hidden_by_style, check=_contents_are("可见名称", "眼镜店计量检查")),
    "gridSpan=1000 in the first data cell": _import(word.grid_span_1000,
                                                    check=_names_are("活动XYZ名称")),
    "vMerge continue without a restart": _import(word.vmerge_without_restart,
                                                 check=_names_are("活动名称B")),
    "the same table twice in a letter": _import(word.table_twice,
                                                check=_names_are("活动XYZ名称")),
    # 2: own spreadsheets
    "own sheet: formula without a value in 活动内容": _import(word.own_formula_in_content, "公式"),
    "own sheet: #REF! and #N/A": _import(word.own_error_values, "#REF!", "#N/A"),
    "own sheet: Strict Open XML": _import(word.strict_workbook, "Strict Open XML"),
    "own sheet: 10 million characters in a cell": _import(word.long_cell, "文字过长"),
    # 3: limits on what is unpacked and parsed
    "Word: 3 million characters in a cell": _import(word.word_long_cell, "文字过长"),
    "Word: document.xml past the part limit": _import(word.bomb_in_main, "word/document.xml",
                                                      "压缩炸弹"),
    "Word: 310 MB in a member nothing refers to": _import(word.bomb_unreferenced, "解压后过大"),
    "own sheet: 1.1 million shared strings under xl/worksheets/": _import(
        word.shared_strings_in_worksheets, "共享文字表"),
    "own sheet: a relationship id given twice": _import(word.relationship_id_twice,
                                                        "重复的关系编号"),
    "own sheet: .xlsm renamed .xlsx": _import(word.xlsm_renamed, ".xlsm"),
    "own sheet: two sheets with one name": _import(word.sheet_name_twice, "同名的工作表"),
    "Word: 6,000 members": _import(word.many_members, "5000"),
    "Word: 40 MB of blanks under headers claiming 4 KB": _import(word.lying_sizes, "CRC"),
    # 4: receive
    "receive --item with a typo": _receive_typo,
    "receive a summary with a DTD": _receive(word.dtd_after_comment, "DTD"),
    "receive a .docm summary named .docx": _receive(word.docm_renamed, ".docm"),
    "receive a summary with a bad CRC": _receive(word.bad_crc, "CRC"),
    "receive a summary with a 70 MB picture": _receive(word.big_picture_summary,
                                                       "image1.bmp", "64 MB"),
    "import a file named in GBK bytes": _foreign_name("import"),
    "receive a file named in GBK bytes": _foreign_name("receive"),
}


def _judge(setup: Setup, outcome: Outcome, before: dict[Path, bytes | None],
           db: Path) -> tuple[str, str]:
    """(kind, detail): correct, refused, wrong message, silent change, traceback or hang."""
    if outcome.hung:
        return "hang", f"hung for {outcome.seconds:.0f} s"
    if "Traceback" in outcome.err:
        return "traceback", outcome.err[-1500:]
    changed = [p for p, data in before.items() if file_bytes(p) != data]
    if changed:
        return "silent change", f"changed: {changed}\n{outcome.said}"
    if setup.check is not None or setup.made:
        problem = setup.check(db) if setup.check and outcome.code == 0 else None
        missing = [p for p in setup.made if not p.is_file()]
        if outcome.code != setup.code or problem or missing:
            return "silent change", f"exit {outcome.code}: {problem or missing}\n{outcome.said}"
        if not all(words in outcome.said for words in setup.expect):
            return "wrong message", outcome.said
        return "correct", ""
    if outcome.code in (0, None):
        return "silent change", f"accepted:\n{outcome.said}"
    if outcome.code != setup.code or not all(w in outcome.said for w in setup.expect):
        return "wrong message", f"exit {outcome.code}, wanted {setup.expect}:\n{outcome.said}"
    return "refused", ""


@pytest.mark.parametrize("name", CASES)
def test_round_two(name, tmp_path, seeded_db, tally):
    db = tmp_path / "c.sqlite3"
    shutil.copy(seeded_db, db)
    setup = CASES[name](tmp_path, db)
    before = {path: file_bytes(path) for path in setup.kept}
    outcome = run_main(setup.args, tmp_path, env={"LC_ALL": "C.UTF-8",
                                                  "PYTHONIOENCODING": "utf-8:strict"})
    kind, detail = _judge(setup, outcome, before, db)
    tally[name] = (kind, outcome.peak_mb)
    print(f"\n[{name}] {kind}: exit {outcome.code}, {outcome.seconds:.1f} s, "
          f"peak {outcome.peak_mb:.0f} MB")
    assert kind in ("correct", "refused"), detail
    assert outcome.peak_mb < PEAK_LIMIT_MB


def test_the_largest_reply_under_the_limits_stays_under_500_mb(tmp_path, seeded_db, tally):
    """The worst input the limits let through: parsed, checked and answered in time."""
    db = tmp_path / "c.sqlite3"
    shutil.copy(seeded_db, db)
    path = _big_reply(tmp_path)
    outcome = run_main(["--db", str(db), "import", "--dry-run", "--unit", "黄浦", str(path)],
                       tmp_path)
    tally["the largest reply under the limits (dry run)"] = (
        "hang" if outcome.hung else "traceback" if "Traceback" in outcome.err else "correct",
        outcome.peak_mb)
    print(f"\n[largest reply] exit {outcome.code}, {outcome.seconds:.1f} s, "
          f"peak {outcome.peak_mb:.0f} MB")
    assert not outcome.hung and "Traceback" not in outcome.err, outcome.said
    assert outcome.peak_mb < PEAK_LIMIT_MB


# -- 5 and 6: the archive folder of each database, and mending it -----------------------------


def _step(name: str, args: list[str], folder: Path, tally, code: int | None = 0) -> Outcome:
    """One command of a sequence: no hang, no traceback, the exit code wanted (None: any)."""
    outcome = run_main(args, folder)
    kind = ("hang" if outcome.hung else "traceback" if "Traceback" in outcome.err
            else "correct" if code is None or outcome.code == code else "wrong message")
    key = name
    while key in tally:  # a step repeated by another test counts again
        key += "′"
    tally[key] = (kind, outcome.peak_mb)
    print(f"\n[{name}] {kind}: exit {outcome.code}, {outcome.seconds:.1f} s, "
          f"peak {outcome.peak_mb:.0f} MB")
    assert kind == "correct", outcome.said
    assert outcome.peak_mb < PEAK_LIMIT_MB
    return outcome


def _two_databases(tmp_path: Path, seeded_db: Path, tally) -> tuple[Path, Path, Path, Path]:
    """campaign.db and campaign.sqlite3 side by side, each with one summary received."""
    first, second = tmp_path / "campaign.db", tmp_path / "campaign.sqlite3"
    shutil.copy(seeded_db, first)
    shutil.copy(seeded_db, second)
    a = word.reply(tmp_path, rows=[["1", "甲库的总结", "内容", "5月20日"]], name="甲.docx")
    b = word.reply(tmp_path, rows=[["1", "乙库的总结", "内容", "5月20日"]], name="乙.docx")
    for db, path in ((first, a), (second, b)):
        _step(f"receive into {db.name}", ["--db", str(db), "receive", "--unit", "黄浦",
                                          str(path)], tmp_path, tally)
    return first, second, a, b


def _stored(db: Path) -> list[Path]:
    """The content files in a database's archive folder."""
    return sorted(p for p in files_dir(db).rglob("*") if p.is_file())


def test_two_databases_with_one_stem_keep_their_archives_apart(tmp_path, seeded_db, tally):
    first, second, _a, b = _two_databases(tmp_path, seeded_db, tally)
    assert files_dir(first) != files_dir(second)
    [kept] = _stored(second)
    assert kept.read_bytes() == b.read_bytes()
    _step("clean campaign.db beside campaign.sqlite3", ["--db", str(first), "clean"], tmp_path,
          tally)
    assert _stored(second) == [kept] and kept.read_bytes() == b.read_bytes()
    _step("compile campaign.sqlite3 after cleaning campaign.db",
          ["--db", str(second), "export", "summaries", "-o", str(tmp_path / "book.docx")],
          tmp_path, tally)


def test_an_old_shared_archive_folder_is_split_without_loss(tmp_path, seeded_db, tally):
    """Before, campaign.db and campaign.sqlite3 both kept their files in campaign-files:
    each database takes its own files over, the old folder is left as it was."""
    first, second, a, b = _two_databases(tmp_path, seeded_db, tally)
    legacy = tmp_path / "campaign-files"
    for db in (first, second):
        shutil.copytree(files_dir(db), legacy, dirs_exist_ok=True)
        shutil.rmtree(files_dir(db))
    before = sorted(p.relative_to(legacy) for p in legacy.rglob("*") if p.is_file())
    _step("clean campaign.db with an old shared folder", ["--db", str(first), "clean"],
          tmp_path, tally)
    _step("compile campaign.sqlite3 from the old shared folder",
          ["--db", str(second), "export", "summaries", "-o", str(tmp_path / "book.docx")],
          tmp_path, tally)
    assert [p.read_bytes() for p in _stored(first)] == [a.read_bytes()]
    assert [p.read_bytes() for p in _stored(second)] == [b.read_bytes()]
    assert sorted(p.relative_to(legacy) for p in legacy.rglob("*") if p.is_file()) == before


def _one_received(tmp_path: Path, seeded_db: Path, tally) -> tuple[Path, Path, Path]:
    db = tmp_path / "c.sqlite3"
    shutil.copy(seeded_db, db)
    summary = word.reply(tmp_path, name="黄浦总结.docx")
    _step("receive a summary", ["--db", str(db), "receive", "--unit", "黄浦", str(summary)],
          tmp_path, tally)
    [stored] = _stored(db)
    return db, summary, stored


def test_a_lost_stored_file_is_mended_by_receiving_it_again(tmp_path, seeded_db, tally):
    db, summary, stored = _one_received(tmp_path, seeded_db, tally)
    stored.chmod(0o644)
    stored.unlink()
    book = tmp_path / "book.docx"
    said = _step("compile with a stored file missing", ["--db", str(db), "export", "summaries",
                                                        "-o", str(book)], tmp_path, tally,
                 None).said
    assert "再接收一次" in said and "可从备份恢复" not in said, said
    said = _step("receive the same file again", ["--db", str(db), "receive", "--unit", "黄浦",
                                                 str(summary)], tmp_path, tally).said
    assert "已用它修复" in said, said
    assert stored.read_bytes() == summary.read_bytes()
    said = _step("compile after mending", ["--db", str(db), "export", "summaries", "-o",
                                           str(book)], tmp_path, tally).said
    assert "再接收一次" not in said, said


@pytest.mark.parametrize("swap", ["fifo", "/dev/zero"])
def test_compile_never_reads_a_fifo_or_device_in_the_archive(tmp_path, seeded_db, tally, swap):
    db, _summary, stored = _one_received(tmp_path, seeded_db, tally)
    stored.chmod(0o644)
    stored.unlink()
    if swap == "fifo":
        os.mkfifo(stored)
    else:
        stored.symlink_to(swap)
    said = _step(f"compile with a stored file replaced by {swap}",
                 ["--db", str(db), "export", "summaries", "-o", str(tmp_path / "book.docx")],
                 tmp_path, tally, None).said
    assert "特殊文件" in said, said


# -- 7: full disks and odd locks -------------------------------------------------------------


@pytest.fixture
def full_disk(tmp_path):
    """A small tmpfs, filled to the last byte once a database is on it (root and mount needed:
    skipped with the reason otherwise)."""
    from tests.fs_faults import tmpfs
    with tmpfs(tmp_path / "disk", size_kb=2048) as where:
        yield where


def test_a_database_on_a_full_disk_is_read_and_writes_say_disk_full(tmp_path, seeded_db,
                                                                   full_disk, tally):
    from tests.fs_faults import fill
    db = full_disk / "c.sqlite3"
    shutil.copy(seeded_db, db)
    reply = word.reply(tmp_path)
    fill(full_disk)
    before = db.read_bytes()
    said = _step("activities on a full disk", ["--db", str(db), "activities"], tmp_path,
                 tally).said
    assert "活动XYZ名称" not in said and "负责单位" in said
    for command in ("import", "receive"):
        said = _step(f"{command} onto a database on a full disk",
                     ["--db", str(db), command, "--unit", "黄浦", str(reply)], tmp_path, tally,
                     2).said
        assert "磁盘已满" in said, said
        assert db.read_bytes() == before


def test_export_summaries_onto_a_full_disk_says_so(tmp_path, seeded_db, full_disk, tally):
    from tests.fs_faults import fill
    db, _summary, _stored_file = _one_received(tmp_path, seeded_db, tally)
    fill(full_disk)
    said = _step("export summaries onto a full disk",
                 ["--db", str(db), "export", "summaries", "-o", str(full_disk / "book.docx")],
                 tmp_path, tally, 2).said
    assert "磁盘已满" in said, said
    assert not (full_disk / "book.docx").exists()


def test_a_lock_path_that_is_a_folder_is_named_as_a_lock_problem(tmp_path, seeded_db, tally):
    db = tmp_path / "c.sqlite3"
    shutil.copy(seeded_db, db)
    Path(f"{db}.lock").mkdir()
    before = db.read_bytes()
    said = _step("import with a folder where the lock goes",
                 ["--db", str(db), "import", "--unit", "黄浦", str(word.reply(tmp_path))],
                 tmp_path, tally, 2).said
    assert "锁文件" in said and "文件夹" in said and "另一个窗口" not in said, said
    assert db.read_bytes() == before


# -- 3: LibreOffice held to a time limit, and nothing left running -------------------------------

FAKE_SOFFICE = """#!{python}
import subprocess, sys, time
outdir = sys.argv[sys.argv.index("--outdir") + 1]
helper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
open(outdir + "/helper.pid", "w").write(str(helper.pid))
time.sleep(120)
"""


def _gone(pid: int) -> bool:
    """Whether a process has ended (a zombie waiting for init counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see the processes")
def test_a_hanging_conversion_is_stopped_with_everything_it_started(tmp_path, tally):
    """A LibreOffice that never finishes, and starts a helper (as soffice starts soffice.bin):
    the conversion is stopped at its time limit and the helper goes with it."""
    import subprocess
    import sys

    from tests.conftest import REPO
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text(FAKE_SOFFICE.format(python=sys.executable))
    fake.chmod(0o755)
    source = tmp_path / "reply.doc"
    source.write_bytes(b"\xd0\xcf\x11\xe0 not really")
    script = ("from pathlib import Path; from models.received import soffice\n"
              "try:\n"
              f"    soffice.convert(Path({str(source)!r}), 'docx', Path({str(tmp_path)!r}),"
              " timeout=2)\n"
              "except soffice.ConversionError as exc:\n"
              "    print(exc)\n")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=30)
    helper = int((tmp_path / "helper.pid").read_text())
    tally["a conversion that never ends"] = ("correct" if _gone(helper) else "hang", 0.0)
    assert "超时" in result.stdout and "Traceback" not in result.stderr, result
    assert _gone(helper), "the helper the conversion started is still running"


def test_a_stored_summary_past_the_limits_is_named_at_compile(tmp_path, seeded_db, tally):
    """A summary kept before the limits (its document.xml 12 MB of blanks): compile names
    it and the part, without parsing it."""
    import hashlib
    db, _summary, stored = _one_received(tmp_path, seeded_db, tally)
    (tmp_path / "big").mkdir()
    big = word.bomb_in_main(tmp_path / "big")
    data = big.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    target = files_dir(db) / sha[:2] / sha
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    conn = sqlite3.connect(db)
    with conn:
        old = stored.name
        conn.execute("INSERT INTO stored_files (sha256, size, kind, stored_at) "
                     "SELECT ?, ?, kind, stored_at FROM stored_files WHERE sha256 = ?",
                     [sha, len(data), old])
        conn.execute("UPDATE submission_files SET sha256 = ? WHERE sha256 = ?", [sha, old])
    conn.close()
    said = _step("compile with a stored summary past the limits",
                 ["--db", str(db), "export", "summaries", "-o", str(tmp_path / "book.docx")],
                 tmp_path, tally, None).said
    assert "word/document.xml" in said, said
