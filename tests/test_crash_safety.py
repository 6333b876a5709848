"""Kill the program with SIGKILL in the middle of imports and exports: nothing is lost or torn.

A worker process (tests/crash_child.py, forked by a small server so each kill costs no
interpreter start-up) works on a real database file; the test kills it at a random moment
(seeded), then checks what is on disk before starting the next one:

* imports: ``PRAGMA integrity_check`` is ok; the unit's rows are exactly the set they were
  before or exactly a whole import, never a mix or a partial count, and never older than an
  import the worker had reported committed; the unit's 活动安排 submission agrees with its
  rows; every other row — an edit made before the first kill and one made before every
  later kill — is still there unchanged.
* exports: a file under the target name is always complete (python-docx and openpyxl open
  it and it holds every row); other files are only atomic_output's ``.~`` temporary files.

Half the kills land anywhere in the worker's loop (opening, reading the workbook, writing,
committing, checkpointing), half are aimed inside the write: after the worker announces the
transaction, within the time a write was measured to take.

The CI defaults: 150 kills of imports of 2,000 rows and 60 of exports, about 60 s
on two cores.  The long version, e.g. a thousand kills of imports of 5,000 rows::

    KILL_ROUNDS=1000 EXPORT_KILL_ROUNDS=300 KILL_ROWS=5000 KILL_SEED=7 \\
        QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider \\
        tests/test_crash_safety.py -rP

(-rP shows the tally of where the kills landed.)
"""
from __future__ import annotations

import os
import queue
import random
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exporters.xlsx_template import write_templates
from importers.docx_reader import read_appendix
from importers.workbook import check_workbook
from models.dates.periods import parse_periods, spans_to_json
from models.db.opening import open_database
from models.entities import Activity, Level, SubmissionStatus
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"),
                                reason="needs fork and SIGKILL (POSIX)")

KILL_ROUNDS = int(os.environ.get("KILL_ROUNDS", "150"))
EXPORT_KILL_ROUNDS = int(os.environ.get("EXPORT_KILL_ROUNDS", "60"))
KILL_ROWS = int(os.environ.get("KILL_ROWS", "2000"))
EXPORT_ROWS = int(os.environ.get("EXPORT_ROWS", "100"))
KILL_SEED = int(os.environ.get("KILL_SEED", "20210520"))
LINE_TIMEOUT = float(os.environ.get("KILL_LINE_TIMEOUT", "60"))

CHILD = REPO / "tests" / "crash_child.py"
UNIT = "黄浦"
TODAY = "2021-05-09"  # crash_child.TODAY
TIMES = ("5月20日", "5月17日至5月23日", "5月下旬", "常态化开展", "5月11日、12日", "5月20日前后")
UNIT_COLUMNS = ("name, content, time_text, publicity_forms, publicity_content, responsible, "
                "group_no, position, spans")
TEMP_NAME = re.compile(r"^\.~附件\..+\.(docx|xlsx)$")


# -- the worker server ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """A line the server or a worker printed, and when the test read it."""

    words: tuple[str, ...]
    at: float

    @property
    def kind(self) -> str:
        return self.words[0]

    @property
    def pid(self) -> int:
        return int(self.words[1])


class WorkerServer:
    """tests/crash_child.py serve, with its output lines read into a queue by a thread."""

    def __init__(self, stderr_path: Path) -> None:
        self.stderr_path = stderr_path
        self._stderr = stderr_path.open("wb")
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, str(CHILD), "serve"], cwd=REPO,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self._stderr, env=env)
        self.lines: queue.Queue[Line | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.expect(lambda line: line.kind == "serving")

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            self.lines.put(Line(tuple(raw.decode().split()), time.monotonic()))
        self.lines.put(None)

    def errors(self) -> str:
        """What the server and its workers wrote to stderr so far."""
        self._stderr.flush()
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")[-4000:]

    def expect(self, wanted: Callable[[Line], bool], seen: list[Line] | None = None) -> Line:
        """The next line that matches, keeping every line read on the way in seen."""
        deadline = time.monotonic() + LINE_TIMEOUT
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail(f"no expected line from the worker within {LINE_TIMEOUT} s\n"
                            + self.errors())
            if line is None:
                pytest.fail("the worker server ended\n" + self.errors())
            if seen is not None:
                seen.append(line)
            if line.kind in ("failed", "unknown"):
                pytest.fail(" ".join(line.words) + "\n" + self.errors())
            if wanted(line):
                return line

    def start(self, *argv: object) -> tuple[int, list[Line]]:
        """Fork a worker; its pid once it is ready, and the lines read so far."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(("\t".join(str(a) for a in argv) + "\n").encode())
        self.proc.stdin.flush()
        seen: list[Line] = []
        ready = self.expect(lambda line: line.kind == "ready", seen)
        return ready.pid, seen

    def kill(self, pid: int, seen: list[Line]) -> None:
        """SIGKILL a worker and wait for the server to report it gone."""
        os.kill(pid, signal.SIGKILL)
        ended = self.expect(lambda line: line.kind == "exit" and line.pid == pid, seen)
        code = int(ended.words[2])
        assert code == -signal.SIGKILL, (
            f"the worker ended by itself (status {code}) before it was killed\n" + self.errors())

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._reader.join(timeout=30)
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        self._stderr.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    started = WorkerServer(tmp_path_factory.mktemp("server") / "stderr.txt")
    yield started
    started.close()


def pause(seconds: float) -> None:
    """The random delay before a kill: this is the kill's timing, not a synchronisation."""
    time.sleep(seconds)


# -- the database and the returned workbooks ------------------------------------------------


def fill(path: Path, prefix: str, count: int) -> None:
    """A unit's template filled with count rows, as test_import_roundtrip fills one."""
    wb = load_workbook(path)
    ws = wb["活动安排"]
    for index in range(count):
        row = 4 + index
        ws.cell(row, 2, f"{prefix}活动{index:05d}")
        ws.cell(row, 3, f"{prefix}第{index}项：计量进社区，免费检定血压计、电子秤，讲解计量知识")
        ws.cell(row, 4, TIMES[index % len(TIMES)])
        ws.cell(row, 5, "微信公众号、现场咨询")
    wb.save(path)


@dataclass
class ImportSetup:
    db: Path
    workbooks: dict[str, Path]        # "A", "B" -> the returned workbook
    rows: dict[str, list[tuple]]      # "orig", "A", "B" -> the unit's rows in that state
    unit_id: int
    campaign_id: int


@pytest.fixture(scope="module")
def import_setup(tmp_path_factory) -> ImportSetup:
    folder = tmp_path_factory.mktemp("kill_import")
    db = folder / "campaign.sqlite3"
    store = open_database(db)
    try:
        data = store.load()
        unit = store.find_unit(UNIT)
        workbooks: dict[str, Path] = {}
        rows: dict[str, list[tuple]] = {}
        for name, count in (("A", KILL_ROWS), ("B", KILL_ROWS * 3 // 4 + 1)):
            [path] = write_templates(data, folder / f"{name}.xlsx", unit=UNIT, every=False)
            fill(path, name, count)
            plan = check_workbook(data, path)
            assert plan.ok and len(plan.activities) == count, plan.as_text()
            workbooks[name] = path
            rows[name] = [(a.name, a.content, a.time_text, a.publicity_forms,
                           a.publicity_content, a.responsible, a.group_no, a.position,
                           spans_to_json(parse_periods(a.time_text, data.campaign.year,
                                                       data.campaign.window)))
                          for a in plan.activities]
        # The edit every kill must leave alone, made before the first one.
        first = data.by_level(Level.MUNICIPAL)[0]
        store.update_activities([first.with_changes(name="杀进程前的编辑：" + first.name)])
        campaign = data.campaign
        store.update_campaign(campaign.with_changes(contact_person="杀进程前改的联系人"))
        # Its plan still owed, so each import records the receipt (one made never moves).
        plan_item = next(s for s in data.submissions
                         if s.unit_id == unit.id and s.item == "活动安排")
        store.save_submissions([plan_item.with_changes(status=SubmissionStatus.PENDING,
                                                       received=None)])
    finally:
        store.close()
    conn = sqlite3.connect(db)
    try:
        rows["orig"] = unit_rows(conn, unit.id, campaign.id)
    finally:
        conn.close()
    assert rows["orig"] and rows["orig"] != rows["A"] != rows["B"]
    return ImportSetup(db, workbooks, rows, unit.id, campaign.id)


def unit_rows(conn: sqlite3.Connection, unit_id: int, campaign_id: int) -> list[tuple]:
    """The unit's district rows in order."""
    return conn.execute(
        f"SELECT {UNIT_COLUMNS} FROM activities WHERE campaign_id = ? AND unit_id = ? "
        "AND level = '区级' ORDER BY position, id", [campaign_id, unit_id]).fetchall()


def everything_else(conn: sqlite3.Connection, setup: ImportSetup) -> dict[str, list[tuple]]:
    """Every row of every table that an import of the unit must not touch."""
    out = {}
    for table in ("campaigns", "units", "_sqlite_migrations"):
        out[table] = conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
    out["activities"] = conn.execute(
        "SELECT * FROM activities WHERE NOT (campaign_id = ? AND unit_id IS ? AND level = '区级')"
        " ORDER BY id", [setup.campaign_id, setup.unit_id]).fetchall()
    out["submissions"] = conn.execute(
        "SELECT * FROM submissions WHERE NOT (unit_id = ? AND item = '活动安排') ORDER BY id",
        [setup.unit_id]).fetchall()
    return out


def unit_submission(conn: sqlite3.Connection, unit_id: int) -> list[tuple]:
    return conn.execute("SELECT status, received FROM submissions WHERE unit_id = ? "
                        "AND item = '活动安排'", [unit_id]).fetchall()


def check_database(setup: ImportSetup, expected_others: dict[str, list[tuple]],
                   original_submission: list[tuple]) -> str:
    """Check the file after a kill; the state ('orig', 'A' or 'B') its unit's rows are in."""
    conn = sqlite3.connect(setup.db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = unit_rows(conn, setup.unit_id, setup.campaign_id)
        states = [name for name, expected in setup.rows.items() if rows == expected]
        assert states, (f"the unit holds {len(rows)} rows that are neither the old set "
                        f"nor a whole import: first {rows[:1]}, last {rows[-1:]}")
        state = states[0]
        submission = unit_submission(conn, setup.unit_id)
        if state == "orig":
            assert submission == original_submission
        else:
            assert len(submission) == 1 and submission[0][1] == TODAY, submission
        others = everything_else(conn, setup)
    finally:
        conn.close()
    for table, expected in expected_others.items():
        assert others[table] == expected, f"rows of {table} outside the import changed"
    return state


def edit_before_kill(setup: ImportSetup, round_no: int) -> None:
    """A small edit through the program's store, which the next kill must not undo."""
    store = open_database(setup.db)
    try:
        municipal = store.activities(setup.campaign_id, Level.MUNICIPAL)
        target = municipal[round_no % len(municipal)]
        store.update_activities([target.with_changes(
            publicity_content=f"第{round_no}次杀进程前的编辑")])
    finally:
        store.close()


# -- the kills -------------------------------------------------------------------------------


def durations(lines: list[Line], start: str, end: str) -> list[float]:
    """Times from each `start` line to the `end` line of the same step."""
    begun: dict[tuple[str, ...], float] = {}
    out = []
    for line in lines:
        key = line.words[2:]
        if line.kind == start:
            begun[key] = line.at
        elif line.kind == end and key in begun:
            out.append(line.at - begun[key])
    return out


def import_sequence(state: str, length: int) -> list[str]:
    """The states a worker started in `state` goes through, one per committed import."""
    first, second = ("B", "A") if state == "A" else ("A", "B")
    return [state] + [(first, second)[k % 2] for k in range(length)]


def test_imports_killed_at_random_moments_lose_nothing(server, import_setup):
    setup = import_setup
    rng = random.Random(KILL_SEED)
    conn = sqlite3.connect(setup.db)
    try:
        original_submission = unit_submission(conn, setup.unit_id)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
    state = "orig"
    tally = {"kills": 0, "inside a write": 0, "committed, not yet reported": 0,
             "before the first commit": 0}
    cycle = write = 0.0
    started = time.monotonic()
    for round_no in range(KILL_ROUNDS):
        edit_before_kill(setup, round_no)
        conn = sqlite3.connect(setup.db)
        try:
            expected_others = everything_else(conn, setup)
        finally:
            conn.close()
        sequence = import_sequence(state, 1000)
        pid, seen = server.start("import", setup.db, setup.workbooks[sequence[1]],
                                 setup.workbooks[sequence[2]])
        if round_no == 0:
            # Measure the worker: three whole imports, then a kill right after a commit.
            for step in range(3):
                server.expect(lambda line, s=str(step): line.kind == "committed"
                              and line.words[2] == s, seen)
            cycle = statistics.median(b.at - a.at for a, b in zip(
                [x for x in seen if x.kind == "committed"],
                [x for x in seen if x.kind == "committed"][1:], strict=False))
            write = statistics.median(durations(seen, "writing", "committed"))
        elif rng.random() < 0.5:
            server.expect(lambda line: line.kind == "writing", seen)
            pause(rng.uniform(0, write * 1.2))
        else:
            pause(rng.uniform(0, cycle * 1.5))
        server.kill(pid, seen)
        tally["kills"] += 1
        steps = [line for line in seen if line.kind in ("writing", "committed")]
        reported = sum(line.kind == "committed" for line in steps)
        if steps and steps[-1].kind == "writing":
            tally["inside a write"] += 1
        if reported == 0:
            tally["before the first commit"] += 1

        after = check_database(setup, expected_others, original_submission)
        allowed = sequence[reported:reported + 2]
        assert after in allowed, (f"round {round_no}: the worker reported {reported} committed "
                                  f"imports from state {state}, but the file holds {after}")
        if after == sequence[reported + 1] and after != sequence[reported]:
            tally["committed, not yet reported"] += 1
        state = after

    elapsed = time.monotonic() - started
    print(f"\nimport kills: {tally}; import of {KILL_ROWS} rows: cycle {cycle * 1000:.0f} ms, "
          f"write {write * 1000:.0f} ms; {elapsed:.1f} s")
    if KILL_ROUNDS >= 10:
        assert tally["inside a write"] >= 1, tally
    store = open_database(setup.db)  # the program still opens it as its own
    try:
        assert store.load().campaign.contact_person == "杀进程前改的联系人"
        assert store.activities(setup.campaign_id, Level.MUNICIPAL)[0].name.startswith(
            "杀进程前的编辑：")
    finally:
        store.close()


@dataclass
class ExportSetup:
    db: Path
    folder: Path
    names: list[str]


@pytest.fixture(scope="module")
def export_setup(tmp_path_factory) -> ExportSetup:
    folder = tmp_path_factory.mktemp("kill_export")
    db = folder / "campaign.sqlite3"
    out = folder / "out"
    out.mkdir()
    store = open_database(db)
    try:
        campaign = store.latest_campaign()
        unit = store.find_unit("徐汇")
        store.insert_activities(
            Activity(Level.DISTRICT, 100 + i // 3, i % 3 + 1, f"导出活动{i:04d}",
                     f"第{i}项：计量宣传进校园、进社区", TIMES[i % len(TIMES)], "微信",
                     "", unit.name, unit.id, campaign_id=campaign.id)
            for i in range(EXPORT_ROWS))
        names = [a.name for a in store.load().by_level(Level.MUNICIPAL)
                 + store.load().by_level(Level.DISTRICT)]
    finally:
        store.close()
    return ExportSetup(db, out, names)


def check_outputs(setup: ExportSetup) -> int:
    """Every target file is whole; the number of other (temporary) files, all `.~` ones."""
    strays = 0
    for path in sorted(setup.folder.iterdir()):
        if path.name == "附件.docx":
            back = read_appendix(path)
            assert [a.name for a in back] == setup.names, "a torn or stale .docx"
        elif path.name == "附件.xlsx":
            wb = load_workbook(path)
            try:
                assert wb.sheetnames == ["市级", "区级"]
                ws = wb["区级"]
                last = [ws.cell(r, 2).value for r in range(ws.max_row, 0, -1)
                        if ws.cell(r, 2).value][0]
                assert last == setup.names[-1], "a torn .xlsx"
            finally:
                wb.close()
        else:
            assert TEMP_NAME.match(path.name), f"unexpected file left behind: {path.name}"
            strays += 1
    return strays


def test_exports_killed_midway_leave_no_torn_file(server, export_setup):
    setup = export_setup
    rng = random.Random(KILL_SEED + 1)
    targets = [setup.folder / "附件.docx", setup.folder / "附件.xlsx"]
    tally = {"kills": 0, "while writing docx": 0, "while writing xlsx": 0,
             "targets removed before the round": 0}
    spent = {"docx": 0.0, "xlsx": 0.0}
    cycle = 0.0
    started = time.monotonic()
    strays = 0
    for round_no in range(EXPORT_KILL_ROUNDS):
        if round_no and rng.random() < 0.4:
            for target in targets:
                target.unlink(missing_ok=True)
            tally["targets removed before the round"] += 1
        pid, seen = server.start("export", setup.db, setup.folder)
        if round_no == 0:
            server.expect(lambda line: line.kind == "done" and line.words[2:] == ("1", "xlsx"),
                          seen)
            for fmt in spent:
                spent[fmt] = statistics.median(
                    d for d in durations([x for x in seen if x.words[3:] == (fmt,)],
                                         "start", "done"))
            cycle = spent["docx"] + spent["xlsx"]
        else:
            aim = rng.choice(["anywhere", "docx", "xlsx"])
            if aim == "anywhere":
                pause(rng.uniform(0, cycle * 1.2))
            else:
                server.expect(lambda line, f=aim: line.kind == "start" and line.words[3] == f,
                              seen)
                pause(rng.uniform(0, spent[aim]))
        server.kill(pid, seen)
        tally["kills"] += 1
        last = [x for x in seen if x.kind in ("start", "done")][-1:]
        if last and last[0].kind == "start":
            tally[f"while writing {last[0].words[3]}"] += 1
        strays = check_outputs(setup)
    elapsed = time.monotonic() - started
    print(f"\nexport kills: {tally}; docx {spent['docx'] * 1000:.0f} ms, xlsx "
          f"{spent['xlsx'] * 1000:.0f} ms; temporary files left behind: {strays}; "
          f"{elapsed:.1f} s")
    if EXPORT_KILL_ROUNDS >= 10:
        assert tally["while writing docx"] >= 1 and tally["while writing xlsx"] >= 1, tally


def test_a_killed_exports_temporary_file_is_removed_by_the_next_export(tmp_path, store):
    """SIGKILL leaves `.~name.PID.xxxx.docx`; the next export to that folder clears it."""
    from exporters.atomic import remove_stale_temporaries
    from exporters.docx_appendix import export_appendix
    target = tmp_path / "附件.docx"
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    dead = tmp_path / f".~附件.{child.pid}.abcd.docx"
    dead.write_bytes(b"partial")
    mine = tmp_path / f".~附件.{os.getpid()}.efgh.docx"
    mine.write_bytes(b"being written")
    lock = tmp_path / ".~lock.附件.docx#"
    lock.write_text("office lock")
    export_appendix(store.load(), target)
    assert not dead.exists() and mine.exists() and lock.exists() and target.exists()
    assert remove_stale_temporaries(target) == []
