"""The hostile-input corpus of the command line and the window's non-interactive runs.

Each case runs main.py in a child process with 1 GB of address space and 30 seconds
(tests/hostile_run.py) and expects a clear refusal: a non-zero exit, the message it names on
stderr, no traceback, no hang, and the database exactly as it was. The files are real: real
FIFOs, a link to /dev/zero, a page of the database overwritten with random bytes, a file the
child has no permission to read (as root: run without the power to override permissions).
The peak memory of every child is printed (pytest -s); the worst input stays far below 1 GB.
"""
from __future__ import annotations

import os
import random
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from models.db.backup import take_backup
from models.db.opening import open_database
from tests import bad_workbooks
from tests.hostile_run import MEMORY_LIMIT, file_bytes, run_main, without_file_permissions_override

LONG_NAME = "长" * 100  # 300 bytes in UTF-8, past the 255 a file name may have


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> Path:
    """A seeded database file to copy for each case."""
    path = tmp_path_factory.mktemp("seed") / "c.sqlite3"
    open_database(path).close()
    return path


@dataclass
class Setup:
    """What a case runs and expects."""

    args: list[str]
    expect: tuple[str, ...]
    code: int = 2
    db: Path | None = None
    prefix: list[str] = field(default_factory=list)
    forbidden: tuple[Path, ...] = ()  # must not exist afterwards


def corrupt_page(db: Path) -> None:
    """Overwrite one leaf page of the activities table with random bytes (seeded), after a
    backup was taken (as the day's first start takes one)."""
    take_backup(db, "daily")
    conn = sqlite3.connect(db)
    pages = [r[0] for r in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'activities' AND pagetype = 'leaf'")]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    rng = random.Random(11)
    with db.open("r+b") as handle:
        handle.seek((pages[len(pages) // 2] - 1) * size)
        handle.write(bytes(rng.randrange(256) for _ in range(size)))


def rename_table(db: Path) -> None:
    """Rename the activities table, as a curious user with a SQLite browser might."""
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE activities RENAME TO activities_old")
    conn.commit()
    conn.close()


# -- cases: (folder, database copy, seeded store) -> Setup -----------------------------------


def _import(make: Callable, *expect: str) -> Callable[..., Setup]:
    def setup(folder: Path, db: Path, store) -> Setup:
        return Setup(["--db", str(db), "import", str(make(store, folder))], expect, 1, db)
    return setup


def _unreadable_import(folder: Path, db: Path, store) -> Setup:
    path = bad_workbooks.filled_template(store, folder)
    path.chmod(0)
    return Setup(["--db", str(db), "import", str(path)], ("没有权限",), 1, db,
                 without_file_permissions_override())


def _db_fifo(command: str) -> Callable[..., Setup]:
    def setup(folder: Path, db: Path, store) -> Setup:
        pipe = folder / "pipe.sqlite3"
        os.mkfifo(pipe)
        args = ["--db", str(pipe), command]
        if command == "import":
            args.append(str(bad_workbooks.filled_template(store, folder)))
        return Setup(args, ("管道（FIFO）",), forbidden=(folder / "pipe.sqlite3.lock",))
    return setup


def _db_dev_zero(folder: Path, db: Path, store) -> Setup:
    link = folder / "zero.sqlite3"
    link.symlink_to("/dev/zero")
    return Setup(["--db", str(link), "activities"], ("不是普通文件", "设备"))


def _wal_fifo(folder: Path, db: Path, store) -> Setup:
    os.mkfifo(f"{db}-wal")
    return Setup(["--db", str(db), "activities"], ("-wal", "管道（FIFO）"), db=db)


def _db_long(*command: str) -> Callable[..., Setup]:
    def setup(folder: Path, db: Path, store) -> Setup:
        args = ["--db", str(folder / f"{LONG_NAME}.sqlite3"), *command]
        if command[0] == "import":
            args.append(str(bad_workbooks.filled_template(store, folder)))
        return Setup(args, ("路径太长",), forbidden=(folder / "out.xlsx",))
    return setup


def _export_long(what: str, suffix: str) -> Callable[..., Setup]:
    def setup(folder: Path, db: Path, store) -> Setup:
        return Setup(["--db", str(db), "export", what, "-o", str(folder / f"{LONG_NAME}{suffix}")],
                     ("路径太长",), db=db)
    return setup


def _template_long(folder: Path, db: Path, store) -> Setup:
    return Setup(["--db", str(db), "template", "--unit", "黄浦", "-o",
                  str(folder / f"{LONG_NAME}.xlsx")], ("路径太长",), db=db)


def _templates_long(folder: Path, db: Path, store) -> Setup:
    return Setup(["--db", str(db), "template", "--all", "-o", str(folder / LONG_NAME)],
                 ("路径太长",), db=db)


def _spoiled(spoil: Callable[[Path], None], expect: tuple[str, ...], *command: str
             ) -> Callable[..., Setup]:
    """A command on a database spoiled in place (an export must leave no file behind)."""
    def setup(folder: Path, db: Path, store) -> Setup:
        spoil(db)
        args = ["--db", str(db), *command]
        if command[0] == "import":
            args.append(str(bad_workbooks.filled_template(store, folder)))
        out = folder / "out.docx"
        if command[0] == "export":
            args += ["-o", str(out)]
        return Setup(args, expect, db=db, forbidden=(out,))
    return setup


def _corrupt(*command: str) -> Callable[..., Setup]:
    return _spoiled(corrupt_page, ("已损坏", "恢复备份", "每日自动备份", "backups"), *command)


def _renamed(*command: str) -> Callable[..., Setup]:
    return _spoiled(rename_table, ("已损坏", "缺少数据表 activities"), *command)


def _empty(folder: Path, db: Path, store) -> Setup:
    empty = folder / "empty.sqlite3"
    empty.touch()
    return Setup(["--db", str(empty), "activities"], ("是空的", "--init"), db=empty)


def _screenshot(problem: Callable[[Path, Path], tuple[Path, tuple[str, ...], int]]
                ) -> Callable[..., Setup]:
    def setup(folder: Path, db: Path, store) -> Setup:
        target, expect, code = problem(folder, db)
        png = folder / "shot.png"
        return Setup(["--db", str(target), "--screenshot", str(png)], expect, code, target,
                     forbidden=(png,))
    return setup


def _damaged_for_window(folder: Path, db: Path) -> tuple[Path, tuple[str, ...], int]:
    corrupt_page(db)
    return db, ("已损坏",), 2


def _empty_for_window(folder: Path, db: Path) -> tuple[Path, tuple[str, ...], int]:
    empty = folder / "empty.sqlite3"
    empty.touch()
    return empty, ("是空的",), 2


def _foreign_lock_for_window(folder: Path, db: Path) -> tuple[Path, tuple[str, ...], int]:
    lock = Path(f"{db}.lock")
    lock.write_text("4242\nMetrologyDay\nclerk-pc-07\n")
    return db, ("clerk-pc-07",), 3


def _long_path_for_window(folder: Path, db: Path) -> tuple[Path, tuple[str, ...], int]:
    return folder / f"{LONG_NAME}.sqlite3", ("路径太长",), 2


CASES: dict[str, Callable[..., Setup]] = {
    # §3: small files that exhaust memory or hang
    "one wide cell on 99,000 rows": _import(bad_workbooks.wide_cell, "16384 列"),
    "2,000 merges to row 1,048,576": _import(bad_workbooks.merge_bomb, "合并单元格过多或过大"),
    "20 merges to row 1,048,576": _import(bad_workbooks.twenty_merges, "合并单元格过多或过大"),
    "own spreadsheet: one wide cell": _import(bad_workbooks.own_sheet_wide_cell, "16384 列"),
    "own spreadsheet: 2,000 merges": _import(bad_workbooks.own_sheet_merge_bomb,
                                             "合并单元格过多或过大"),
    "15 million shared strings": _import(bad_workbooks.shared_strings_bomb, "共享文字表"),
    "a million cell formats": _import(bad_workbooks.styles_bomb, "xl/styles.xml”解压后超过"),
    "import file linked to /dev/zero": _import(bad_workbooks.dev_zero, "不是普通文件", "设备"),
    "import file is a FIFO": _import(bad_workbooks.fifo, "管道（FIFO）"),
    "--db is a FIFO (activities)": _db_fifo("activities"),
    "--db is a FIFO (import)": _db_fifo("import"),
    "--db linked to /dev/zero": _db_dev_zero,
    "the database's -wal is a FIFO": _wal_fifo,
    # §4: tracebacks instead of messages
    "unreadable import file": _unreadable_import,
    "import path over 255 bytes": _import(bad_workbooks.long_name, "路径太长"),
    "--db path over 255 bytes: activities": _db_long("activities"),
    "--db path over 255 bytes: import": _db_long("import"),
    "--db path over 255 bytes: export": _db_long("export", "checklist", "-o", "out.xlsx"),
    "--db path over 255 bytes: template": _db_long("template", "--unit", "黄浦", "-o", "out.xlsx"),
    "export -o over 255 bytes (docx)": _export_long("appendix", ".docx"),
    "export -o over 255 bytes (pdf)": _export_long("appendix", ".pdf"),
    "template -o over 255 bytes": _template_long,
    "template --all -o over 255 bytes": _templates_long,
    "corrupted page: activities": _corrupt("activities"),
    "corrupted page: export": _corrupt("export", "appendix"),
    "corrupted page: import": _corrupt("import"),
    "renamed table: activities": _renamed("activities"),
    "renamed table: import": _renamed("import"),
    # §6: the database's own edges
    "empty database file": _empty,
    "--screenshot on a damaged database": _screenshot(_damaged_for_window),
    "--screenshot on an empty database file": _screenshot(_empty_for_window),
    "--screenshot with another computer's lock": _screenshot(_foreign_lock_for_window),
    "--screenshot with --db over 255 bytes": _screenshot(_long_path_for_window),
}


@pytest.mark.parametrize("name", CASES)
def test_hostile_input_is_refused_cleanly(name, tmp_path, seeded_db, store):
    db = tmp_path / "c.sqlite3"
    shutil.copy(seeded_db, db)
    setup = CASES[name](tmp_path, db, store)
    before = file_bytes(setup.db)
    outcome = run_main(setup.args, tmp_path, setup.prefix)
    print(f"\n[{name}] exit {outcome.code}, {outcome.seconds:.1f} s, peak {outcome.peak_mb:.0f} MB")
    assert not outcome.hung, f"hung for {outcome.seconds:.0f} s"
    assert outcome.code == setup.code, outcome.said
    assert outcome.refused_cleanly(), outcome.said
    for words in setup.expect:
        assert words in outcome.said, outcome.said
    assert outcome.peak_mb * 1024 * 1024 < MEMORY_LIMIT / 2
    assert file_bytes(setup.db) == before, "the database file changed"
    for path in setup.forbidden:
        assert not path.exists(), f"{path} was left behind"
