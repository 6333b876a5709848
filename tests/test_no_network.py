"""The program opens no network connection: its main flows run with sockets forbidden.

In this process, socket.socket.connect/connect_ex/sendto, socket.create_connection,
socket.getaddrinfo and the gethostby* look-ups are replaced by functions that record the
attempt and raise; each test then asserts nothing was recorded (a raise alone could be
swallowed by a broad except).  The command line and the window's own start-up run in child
processes with a sitecustomize.py, put first on PYTHONPATH, that does the same and ends the
process with status 97 at the first attempt.

Sockets opened by Qt's C++ code (QNetworkAccessManager) bypass Python's socket module and are
not seen here; the program uses none.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import REPO

BLOCKED_STATUS = 97

GUARD = f'''
"""Loaded at start-up from PYTHONPATH by tests/test_no_network.py: forbid network use."""
import os
import socket
import sys


def _refuse(name):
    def refuse(*args, **kwargs):
        try:
            sys.stderr.write("NET-GUARD: %s%r\\n" % (name, args[:3]))
            sys.stderr.flush()
        finally:
            os._exit({BLOCKED_STATUS})
    return refuse


for _name in ("connect", "connect_ex", "sendto", "sendmsg"):
    setattr(socket.socket, _name, _refuse("socket." + _name))
for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
              "gethostbyaddr", "getnameinfo"):
    setattr(socket, _name, _refuse(_name))
with open(os.environ["NET_GUARD_LOG"], "a", encoding="utf-8") as _log:
    _log.write("%d\\n" % os.getpid())
'''


# -- in this process --------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch):
    """Forbid and record network use in this process; the list of attempts."""
    attempts: list[str] = []

    def refuse(name: str):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args[:3]!r}")
            raise OSError(f"network use is forbidden in this test: {name}")
        return blocked

    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                 "gethostbyaddr", "getnameinfo"):
        monkeypatch.setattr(socket, name, refuse(name))
    with pytest.raises(OSError):   # the guard itself works
        socket.create_connection(("192.0.2.1", 9), timeout=0.01)
    assert len(attempts) == 1 and attempts[0].startswith("create_connection")
    attempts.clear()
    return attempts


def fill_template(path: Path) -> None:
    from openpyxl import load_workbook
    wb = load_workbook(path)
    ws = wb["活动安排"]
    for row, (name, time_text) in enumerate([("计量惠民", "5月20日"), ("开放日", "5月下旬")],
                                            start=4):
        ws.cell(row, 2, name)
        ws.cell(row, 3, "计量宣传")
        ws.cell(row, 4, time_text)
    wb.save(path)


def test_file_flows_open_no_connection(no_network, qapp, tmp_path):
    import io

    from cli import build_parser, run_command
    from exporters.docx_appendix import export_appendix
    from exporters.docx_notice import export_notice
    from exporters.ics_calendar import export_calendar
    from exporters.pdf_appendix import export_appendix_pdf
    from exporters.xlsx_appendix import export_appendix_xlsx
    from exporters.xlsx_checklist import export_checklist_xlsx
    from exporters.xlsx_template import write_templates
    from importers.docx_reader import read_appendix
    from importers.workbook import import_workbook
    from models.db.backup import backup_if_due, list_backups
    from models.db.opening import open_database

    store = open_database(tmp_path / "campaign.sqlite3")
    try:
        out, err = io.StringIO(), io.StringIO()
        assert run_command(store, build_parser().parse_args(["activities"]), out, err) == 0
        assert "【市级" in out.getvalue()
        data = store.load()
        for export, name in ((export_notice, "通知.docx"), (export_appendix, "附件.docx"),
                             (export_appendix_xlsx, "附件.xlsx"), (export_appendix_pdf, "附件.pdf"),
                             (export_calendar, "日历.ics"), (export_checklist_xlsx, "清单.xlsx")):
            export(data, tmp_path / name)
            assert (tmp_path / name).stat().st_size > 0
        assert read_appendix(tmp_path / "附件.docx")
        [template] = write_templates(data, tmp_path / "黄浦.xlsx", unit="黄浦", every=False)
        assert write_templates(data, tmp_path / "模板", unit=None, every=True)
        fill_template(template)
        plan = import_workbook(store, template, today=date(2021, 5, 9))
        assert plan.ok, plan.as_text()
        backup_if_due(store)
        assert list_backups(store.path)
    finally:
        store.close()
    assert no_network == []


def test_main_window_opens_no_connection(no_network, ctx, qtbot, tmp_path):
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for view in ("table", "calendar", "checklist", "notice"):
        window.show_view(view)
        assert not window.grab().isNull()
    from exporters.pdf_fonts import missing_cjk_font
    wanted = [(("notice", "docx"), "通知.docx"), (("appendix", "docx"), "附件.docx"),
              (("appendix", "xlsx"), "附件.xlsx"), (("appendix", "pdf"), "附件.pdf"),
              (("calendar", "ics"), "日历.ics"), (("checklist", "xlsx"), "清单.xlsx")]
    drawable = missing_cjk_font() is None  # without a Chinese font the PDF is refused
    for key, name in [(key, name) for key, name in wanted if drawable or key[1] != "pdf"]:
        action = window.export_actions[key]
        ctx.dialogs.answers.append(tmp_path / name)
        action.trigger()
        assert (tmp_path / name).exists(), name
    assert not [m for m in ctx.dialogs.messages if m[0] == "error"]
    assert no_network == []


# -- in child processes: the command line and the window's start-up -----------------------------


@pytest.fixture
def guarded_env(tmp_path):
    """Environment for a child with the socket guard on PYTHONPATH; (env, guard log)."""
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "guard.log"
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NET_GUARD_LOG=str(log), HOME=str(home),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CACHE_HOME=str(home / ".cache"),
               PYTHONPATH=os.pathsep.join(
                   [str(guard)] + [p for p in [os.environ.get("PYTHONPATH")] if p]))
    return env, log


def run_guarded(env: dict[str, str], log: Path, *args: str,
                cwd: Path) -> subprocess.CompletedProcess:
    """Run Python in a child with the guard; fails unless the guard was loaded there."""
    before = log.read_text().count("\n") if log.exists() else 0
    result = subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert log.exists() and log.read_text().count("\n") == before + 1, (
        "the socket guard was not loaded in the child")
    return result


def test_guard_stops_a_child_that_connects(guarded_env, tmp_path):
    env, log = guarded_env
    result = run_guarded(env, log, "-c", "import socket; "
                         "socket.create_connection(('192.0.2.1', 9), timeout=0.01)", cwd=tmp_path)
    assert result.returncode == BLOCKED_STATUS and "NET-GUARD: create_connection" in result.stderr


COMMANDS = [
    ["activities"],
    ["export", "notice", "-o", "通知.docx"],
    ["export", "appendix", "-o", "附件.docx"],
    ["export", "appendix", "-o", "附件.xlsx"],
    ["export", "appendix", "-o", "附件.pdf"],
    ["export", "calendar", "-o", "日历.ics"],
    ["export", "checklist", "-o", "清单.xlsx"],
    ["template", "--unit", "黄浦", "-o", "黄浦.xlsx"],
    ["import", "黄浦.xlsx"],
]


RUN_COMMANDS = """
import json, sys
sys.path.insert(0, sys.argv[1])
from main import main
from tests.test_no_network import fill_template
for argv in json.loads(sys.argv[2]):
    if argv[2] == "import":
        fill_template(argv[3])
    code = main(argv)
    if code:
        sys.exit(f"{argv} ended with {code}")
"""


def test_command_line_opens_no_connection(guarded_env, tmp_path):
    import json

    env, log = guarded_env
    db = str(tmp_path / "campaign.sqlite3")
    # main.py itself, as a user starts it …
    result = run_guarded(env, log, str(REPO / "main.py"), "--db", db, "activities", cwd=tmp_path)
    assert "NET-GUARD" not in result.stderr, result.stderr
    assert result.returncode == 0 and "【市级" in result.stdout, result.stderr[-2000:]
    # … and every other command through the same main(), in one guarded interpreter.
    commands = [["--db", db, *command] for command in COMMANDS[1:]]
    result = run_guarded(env, log, "-c", RUN_COMMANDS, str(REPO), json.dumps(commands),
                         cwd=tmp_path)
    assert "NET-GUARD" not in result.stderr, result.stderr
    assert result.returncode == 0, (result.stdout[-2000:], result.stderr[-2000:])
    assert "已导入" in result.stdout
    for name in ("通知.docx", "附件.docx", "附件.xlsx", "附件.pdf", "日历.ics", "清单.xlsx"):
        assert (tmp_path / name).stat().st_size > 0


def test_window_start_up_opens_no_connection(guarded_env, tmp_path):
    env, log = guarded_env
    shot = tmp_path / "window.png"
    result = run_guarded(env, log, str(REPO / "main.py"), "--db",
                         str(tmp_path / "campaign.sqlite3"), "--screenshot", str(shot),
                         cwd=tmp_path)
    assert "NET-GUARD" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.stat().st_size > 0
