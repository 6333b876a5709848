"""The command line for what units send: import of any reply, receive, export summaries, clean."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

from docx import Document

from models.db.opening import open_database
from models.received.summary_files import SummaryArchive
from tests.cli_run import run_cli
from tests.conftest import REPO
from tests.reply_shapes import titled_sheet, two_unit_table, unit_made_table
from tests.summary_docs import summary_docx

run = run_cli  # (code, out, err) of one command




def _district_rows(store, short):
    unit = store.find_unit(short)
    return [a.name for a in store.load().by_level("区级") if a.unit_id == unit.id]


def test_import_of_a_word_reply_dry_run_then_for_real_then_again(disk, tmp_path):
    path = unit_made_table(tmp_path / "黄浦回复.docx")
    code, out, _ = run(disk, "import", str(path), "--dry-run")
    assert code == 0 and "仅检查" in out and _district_rows(disk, "黄浦") == ["计量惠民"]
    code, out, _ = run(disk, "import", str(path))
    assert code == 0 and "已导入" in out
    assert _district_rows(disk, "黄浦") == ["计量惠民", "计量进社区", "诚信计量示范"]
    before = disk.db.execute("SELECT COUNT(*), MAX(id) FROM activities").fetchone()
    code, out, _ = run(disk, "import", str(path))
    assert code == 0 and "未作任何改动" in out
    assert disk.db.execute("SELECT COUNT(*), MAX(id) FROM activities").fetchone() == before


def test_import_of_a_two_unit_table_needs_unit(disk, tmp_path):
    path = two_unit_table(tmp_path / "汇总.docx")
    code, out, _ = run(disk, "import", str(path))
    assert code == 1 and "--unit" in out and _district_rows(disk, "黄浦") == ["计量惠民"]
    code, out, _ = run(disk, "import", str(path), "--unit", "黄浦")
    assert code == 0 and _district_rows(disk, "黄浦") == ["计量惠民", "计量咨询"]


def test_import_of_a_units_own_spreadsheet(disk, tmp_path):
    code, out, _ = run(disk, "import", str(titled_sheet(tmp_path / "徐汇.xlsx")))
    assert code == 0, out
    assert _district_rows(disk, "徐汇") == ["计量惠民", "计量惠民", "开放日"]


def test_our_template_keeps_its_strict_path(disk, tmp_path):
    from exporters.xlsx_template import write_templates
    [path] = write_templates(disk.load(), tmp_path / "黄浦.xlsx", unit="黄浦", every=False)
    code, out, _ = run(disk, "import", str(path), "--unit", "静安")
    assert code == 1 and "这是“黄浦区市场监管局”的文件" in out


def test_receive_keeps_the_file_and_marks_the_item(disk, tmp_path, qapp):
    path = summary_docx(tmp_path / "黄浦总结.docx", "黄浦", "red")
    code, out, err = run(disk, "receive", "--unit", "黄浦", str(path), "--date", "2021-05-21")
    assert code == 0 and "已收到“黄浦总结.docx”" in out, err
    unit = disk.find_unit("黄浦")
    item = next(s for s in disk.load().submissions
                if s.unit_id == unit.id and s.item == "活动总结")
    assert (item.status, item.received.isoformat()) == ("已报送", "2021-05-21")
    [version] = SummaryArchive(disk).versions(item.id)
    assert SummaryArchive(disk).verified_content(version).read_bytes() == path.read_bytes()
    code, out, _ = run(disk, "receive", "--unit", "黄浦", str(path), "--date", "2021-05-22")
    assert code == 0 and "内容相同" in out
    code, _, err = run(disk, "receive", "--unit", "静安", str(path))
    assert code == 2 and "黄浦区市场监管局的“活动总结”" in err


def test_receive_refuses_what_is_not_a_document(disk, tmp_path):
    fake = tmp_path / "总结.docx"
    fake.write_bytes(b"MZ\x90\x00" + os.urandom(1000))
    code, _, err = run(disk, "receive", "--unit", "黄浦", str(fake), "--date", "2021-05-21")
    assert code == 2 and "Windows 程序" in err
    assert disk.db.execute("SELECT COUNT(*) FROM submission_files").fetchone()[0] == 0


def test_export_summaries_and_clean(disk, tmp_path, qapp):
    path = summary_docx(tmp_path / "静安总结.docx", "静安", "blue")
    run(disk, "receive", "--unit", "静安", str(path), "--date", "2021-05-21")
    out_file = tmp_path / "2021年活动总结汇编.docx"
    code, out, err = run(disk, "export", "summaries", "-o", str(out_file))
    assert code == 0, err
    texts = [p.text for p in Document(str(out_file)).paragraphs]
    assert "静安区市场监管局" in texts and "静安活动总结标题" in texts
    code, out, _ = run(disk, "clean")
    assert code == 0 and "没有需要清理的文件" in out


def test_receive_takes_the_planning_date_by_default(tmp_path, qapp):
    """The default date is the checklist's planning date, the one chosen for the year and
    kept in the database (the window's 按计划日期 box)."""
    from models.editor import CampaignEditor
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    path = summary_docx(tmp_path / "总结.docx", "崇明", "green")
    db = tmp_path / "c.sqlite3"
    store = open_database(db)
    CampaignEditor(store).set_planning_date(date(2021, 5, 22))
    store.close()
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "--db", str(db), "receive",
                             "--unit", "崇明", str(path)], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "（2021-05-22）" in result.stdout
