"""The command line: `main.py [--db PATH] COMMAND …`."""
from __future__ import annotations

import subprocess
import sys

from cli import format_activities
from main import main
from models.db.opening import open_database
from models.fields import text_attrs, text_fields
from tests.cli_run import run_cli
from tests.conftest import REPO

run = run_cli  # (code, out, err) of one command


def test_activities_prints_every_field_in_full(store):
    code, out, _ = run(store, "activities")
    assert code == 0
    assert len(text_attrs()) == 7  # 名称, 内容, 时间, 宣传形式, 宣传内容, 负责单位, 备注
    for activity in store.load().activities:
        heading = f"【{activity.level} {activity.group_no}-{activity.position}】{activity.name}"
        block = out[out.index(heading):].split("\n\n")[0]
        for field in text_fields(activity.level):
            if field.attr == "name":
                continue
            value = getattr(activity, field.attr).split("\n")
            assert f"  {field.header}：{value[0]}\n" in block + "\n", (heading, field.attr)
            assert all(line in block for line in value[1:]), (heading, field.attr)
    assert "主办单位：市局，浦东新区政府、上海科创办、国家计量院" in out


def test_activities_filtered_by_level_and_day(store):
    _, out, _ = run(store, "activities", "--level", "市级", "--day", "2021-05-18")
    assert "诚信计量惠民生活动" in out        # 5月18日
    assert "开展计量专项执法" in out          # 5月20日前 (open start)
    assert "公益报时" in out                  # 5月17日至5月23日
    assert "计量科普知识竞答" in out          # 5月17日至5月19日
    assert "测量守护健康，计量惠及民生" not in out  # 5月20日
    assert "【区级" not in out


def test_day_filter_excludes_days_outside(store, campaign_data):
    text = format_activities(campaign_data, day=__import__("datetime").date(2021, 5, 22))
    assert "公益报时" in text and "实验室开放" not in text


def test_db_option_comes_first_and_works_with_every_command(tmp_path, capsys):
    db = tmp_path / "x.sqlite3"
    assert main(["--db", str(db), "activities", "--level", "区级"]) == 0
    out = capsys.readouterr().out
    assert "崇明区市场监管局" in out and db.exists()


def test_bad_day_is_a_usage_error_not_a_traceback(tmp_path):
    result = subprocess.run([sys.executable, str(REPO / "main.py"), "--db",
                             str(tmp_path / "d.sqlite3"), "activities", "--day", "5月20日"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "无法识别的日期" in result.stderr and "Traceback" not in result.stderr


def test_a_store_without_a_path_leaves_no_file(tmp_path, monkeypatch):
    """What the tests' store does stays in memory: no database appears in the working folder
    or in the user's data folder (here both a temporary folder)."""
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.chdir(tmp_path)
    store = open_database(None)
    code, out, _ = run(store, "activities", "--level", "区级")
    store.update_activities([store.activities(store.latest_campaign().id)[0]
                             .with_changes(name="改过的名称")])
    store.close()
    assert code == 0 and "崇明区市场监管局" in out
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == []
