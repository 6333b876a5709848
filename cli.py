"""The command line: `metrology-day [--db PATH] [COMMAND …]`, one function per command."""
from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from exporters import FORMATS, ExportSources, ExportUnsupported, documents, exporter_for
from models.activity_query import ActivityFilter, ActivityQuery
from models.dates.periods import describe_spans
from models.db.opening import open_database
from models.db.paths import default_database_path
from models.db.places import refuse_protected
from models.db.storage import Store
from models.entities import Campaign, CampaignData, Level
from models.errors import DatabaseInUse, StoreError, UserError
from models.failures import describe_failure
from models.fields import text_fields
from models.i18n import _tr, install_translators
from models.years import chosen_campaign
from resources import DISTRIBUTION, program_version

if TYPE_CHECKING:
    from models.received.summary_book import SummaryBook
    from models.statistics import Statistics


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the whole program."""
    parser = argparse.ArgumentParser(
        prog=DISTRIBUTION,
        description="上海市“5·20世界计量日”系列宣传活动管理程序",
    )
    parser.add_argument("--version", action="version",
                        version=f"{DISTRIBUTION} {program_version()}", help="显示版本号后退出")
    parser.add_argument("--db", type=Path, help="数据库文件（默认在用户数据目录中）")
    parser.add_argument("--lang", choices=("zh", "en"), help="界面语言（默认跟随系统）")
    parser.add_argument("--init", action="store_true",
                        help="数据库文件是空的（0 字节）时，在其中新建 2021 年活动")
    parser.add_argument("--screenshot", type=Path, metavar="PNG",
                        help="打开窗口，保存截图后退出")
    parser.add_argument("--view", choices=("table", "calendar", "checklist", "notice",
                                           "statistics"),
                        default="table", help="截图时显示的视图")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    year = argparse.ArgumentParser(add_help=False)
    year.add_argument("--year", type=int,
                      help="活动年度，如 2021（默认：上次在窗口中使用的年度）")

    acts = sub.add_parser("activities", parents=[year], help="以文本列出活动（每个字段完整输出）")
    acts.add_argument("--level", choices=[str(x) for x in Level])
    acts.add_argument("--day", type=_parse_day, help="只列出该日进行的活动，如 2021-05-20")

    export = sub.add_parser("export", parents=[year],
                            help="导出通知、附件、活动日程表、日历、报送清单、活动总结汇编、统计表或情况报告")
    export.add_argument("what", choices=documents())
    export.add_argument("-o", "--output", type=Path, required=True)
    export.add_argument("--format", choices=FORMATS,
                        help="文件格式（默认由文件扩展名决定）")
    export.add_argument("--date", type=_parse_day,
                        help="情况报告的成文日期，如 2021-06-01（默认为活动总结报送截止日）")

    imp = sub.add_parser("import", parents=[year],
                         help="导入单位返回的活动安排（模板、自制 Excel 或 Word 表格）")
    imp.add_argument("file", type=Path)
    imp.add_argument("--unit", help="单位名称或简称（文件中看不出单位时必填），如 黄浦")
    imp.add_argument("--dry-run", action="store_true", help="只检查，不写入数据库")
    imp.add_argument("--level", choices=[str(x) for x in Level],
                     help="替换哪一张表中该单位的活动（单位在两张表中都有活动时必填）")
    imp.add_argument("--map", action="append", default=[], metavar="原列名=活动时间",
                     help="把文件中的一列读作某一栏（可多次使用）")
    imp.add_argument("--ignore", action="append", default=[], metavar="列名",
                     help="不导入文件中的某一列（可多次使用）")

    rec = sub.add_parser("receive", parents=[year],
                         help="接收单位报送的文件（活动总结等），并标记为已报送")
    rec.add_argument("file", type=Path)
    rec.add_argument("--unit", required=True, help="单位名称或简称，如 黄浦")
    rec.add_argument("--date", type=_parse_day, help="收到日期（默认为报送清单的计划日期）")
    rec.add_argument("--item", default="活动总结", help="报送事项（默认 活动总结）")

    clean = sub.add_parser("clean", parents=[year], help="清理：删除不再被任何报送事项或备份引用的存档文件")
    clean.add_argument("--dry-run", action="store_true", help="只列出，不删除")

    stats = sub.add_parser("stats", parents=[year],
                           help="活动统计：各单位的指标数据（单位 × 指标，合计）")
    how = stats.add_mutually_exclusive_group()
    how.add_argument("--suggest", action="store_true",
                     help="列出从活动总结中识别的数据及原句，不写入数据库")
    how.add_argument("--accept", action="store_true",
                     help="采用活动总结中识别的数据（只填尚未填写的）")
    how.add_argument("--set", nargs="+", metavar="单位 指标=数值",
                     help="填写一个单位的数据，如 --set 徐汇 发放宣传资料=1200")

    units = sub.add_parser("units", parents=[year],
                           help="列出、添加、改名或停用本年度的报送单位（往年不变）")
    action = units.add_subparsers(dest="units_action", metavar="ACTION")
    action.add_parser("list", help="列出本年度的报送单位（默认）")
    add = action.add_parser("add", help="添加报送单位：欠本年度的每个报送事项")
    add.add_argument("name", help="单位全称，如 金山区市场监管局第二分局")
    add.add_argument("--short", default="", help="简称（默认由全称得出）")
    add.add_argument("--kind", choices=("district", "other"), default="district",
                     help="district：区局，生成区级模板（默认）；other：其他单位")
    rename = action.add_parser("rename", help="从本年度起改用新名称（往年保留原名）")
    rename.add_argument("unit", help="单位名称或简称，如 临港")
    rename.add_argument("name", help="新的全称")
    rename.add_argument("--short", default="", help="新的简称（默认由全称得出）")
    retire = action.add_parser("retire", help="本年度起不再向该单位收取报送（往年保留）")
    retire.add_argument("unit", help="单位名称或简称")

    tpl = sub.add_parser("template", parents=[year], help="为单位生成 Excel 填报模板")
    who = tpl.add_mutually_exclusive_group(required=True)
    who.add_argument("--unit", help="单位名称或简称，如 黄浦")
    who.add_argument("--all", action="store_true", help="为每个须报送活动安排的单位各生成一份（已报送的也生成）")
    tpl.add_argument("-o", "--output", type=Path, required=True, help="文件（--all 时为文件夹）")
    return parser


def _parse_day(text: str) -> date:
    """An ISO date from the command line."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            _tr("无法识别的日期“{0}”，请写成 2021-05-20").format(text)) from exc


def format_activities(data: CampaignData, level: Level | None = None,
                      day: date | None = None) -> str:
    """Every field of the chosen activities as plain text, nothing cut."""
    lines: list[str] = []
    query = ActivityQuery()
    query.filter = ActivityFilter(level=level, day=day)
    for activity in query.rows(data):
        spans = query.spans(activity.spans_json)
        lines.append(f"【{activity.level} {activity.group_no}-{activity.position}】{activity.name}")
        for field in text_fields(activity.level):
            if field.attr == "name":  # the heading's
                continue
            label, value = field.header, getattr(activity, field.attr)
            indent = " " * (len(label) * 2 + 3)
            lines.append(f"  {label}：" + value.replace("\n", "\n" + indent))
        lines.append("  解析日期：" + (describe_spans(spans) or "（无法识别）"))
        lines.append("")
    return "\n".join(lines)


def cmd_activities(store: Store, campaign: Campaign, args: argparse.Namespace,
                   out: TextIO) -> int:
    """Print the activities; a --day outside the campaign's year is an error."""
    if args.day is not None and args.day.year != campaign.year:
        raise UserError(_tr("日期 {0} 不在 {1} 年度内；请用 --year {2} 选那一年的活动，"
                            "或换一个 {1} 年的日期。").format(args.day.isoformat(), campaign.year,
                                                      args.day.year))
    data = store.load(campaign.id)
    out.write(format_activities(data, Level(args.level) if args.level else None, args.day))
    return 0


def _export_format(args: argparse.Namespace) -> str:
    """The requested format, from --format or the output's extension."""
    if args.format:
        return args.format
    suffix = args.output.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "docx"


def _received_book(store: Store, data: CampaignData) -> SummaryBook:
    """The received summaries of a campaign, compiled (for an export that asks)."""
    from models.received.summary_book import summary_book
    from models.received.summary_files import SummaryArchive
    return summary_book(data, SummaryArchive(store))


def _statistics(store: Store, campaign: Campaign) -> Statistics:
    """The campaign's figures per unit, with last year's (for an export that asks)."""
    from models.editor import CampaignEditor
    return CampaignEditor(store, campaign_id=campaign.id).statistics()


def cmd_export(store: Store, campaign: Campaign, args: argparse.Namespace, out: TextIO) -> int:
    """Write one export file (the summaries' book from the files received), and say what in
    it still needs looking at."""
    entry = exporter_for(args.what, _export_format(args))
    if args.date is not None and args.what != "report":
        raise UserError(_tr("--date 只用于情况报告（export report）。"))
    refuse_protected(store.path, args.output)
    data = store.load(campaign.id)
    sources = ExportSources(data, lambda: _received_book(store, data),
                            lambda: _statistics(store, campaign), args.date)
    notes = entry.export(sources, args.output) + entry.warnings(sources)
    out.write(_tr("已导出：{0}").format(args.output) + "\n")
    out.writelines(_tr("注意：{0}").format(note) + "\n" for note in notes)
    return 0


def cmd_import(store: Store, campaign: Campaign, args: argparse.Namespace, out: TextIO) -> int:
    """Check, and unless --dry-run apply, what a unit sent back: our template, its own
    spreadsheet or a Word table."""
    from importers.import_plan import choices_from_words
    choices, refusal = choices_from_words(args.level, args.map, args.ignore)
    if refusal:
        out.write(refusal + "\n")
        return 2
    if args.dry_run:
        from importers.figures_sheet import FigureBook
        from importers.returned import check_returned
        from models.dates.planning import default_planning_date, planning_key
        from models.db.figure_store import figure_values, figures
        chosen = store.state(planning_key(campaign))
        day = (date.fromisoformat(chosen) if chosen
               else default_planning_date(campaign, date.today()))
        book = FigureBook(figures(store, campaign.id), figure_values(store, campaign.id))
        report = check_returned(store.load(campaign.id), args.file, args.unit, choices=choices,
                                today=day, book=book)
        if report.ok:
            report.outcome = _tr("仅检查（--dry-run），未写入数据库。")
    else:
        from importers.returned import apply_returned
        from models.editor import CampaignEditor
        editor = CampaignEditor(store, campaign_id=campaign.id)
        report = apply_returned(editor, args.file, editor.planning_date(), args.unit,
                                choices=choices)
    out.write(report.as_text() + "\n")
    return 0 if report.ok else 1


def cmd_receive(store: Store, campaign: Campaign, args: argparse.Namespace, out: TextIO) -> int:
    """Keep a file a unit sent (活动总结 …) and mark the item received, as one step."""
    from models.editor import CampaignEditor
    from models.entities import find_unit
    editor = CampaignEditor(store, campaign_id=campaign.id)
    unit = find_unit(editor.document.units, args.unit)
    if unit is None or unit.id is None:
        raise StoreError(_tr("单位“{0}”在数据库中不存在。").format(args.unit))
    receipt = editor.receive_file(unit.id, args.file, args.date or editor.planning_date(),
                                  args.item)
    out.write(receipt.as_text() + "\n")
    return 0


def cmd_clean(store: Store, campaign: Campaign, args: argparse.Namespace, out: TextIO) -> int:
    """清理: remove kept files nothing refers to any more (or, --dry-run, list them); the
    files of every year are one archive, whatever year is named."""
    from models.received.summary_files import SummaryArchive
    archive = SummaryArchive(store)
    plan = archive.cleanup_plan() if args.dry_run else archive.clean()
    if args.dry_run:
        out.writelines(f"{path}\n" for path in plan.files)
        out.write(_tr("将删除 {0} 个文件（{1:.1f} MB）；未作任何改动（--dry-run）。").format(
            len(plan.files), plan.freed_bytes / 1024 / 1024) + "\n")
    else:
        out.write(plan.as_text() + "\n")
    return 0


def cmd_template(store: Store, campaign: Campaign, args: argparse.Namespace,
                 out: TextIO) -> int:
    """Write one unit's template, or one per district bureau."""
    from exporters.xlsx_template import write_templates
    from models.db.figure_store import figures
    refuse_protected(store.path, args.output)
    written = write_templates(store.load(campaign.id), args.output, unit=args.unit,
                              every=args.all, figures=figures(store, campaign.id))
    for path in written:
        out.write(_tr("已生成：{0}").format(path) + "\n")
    return 0


def cmd_stats(store: Store, campaign: Campaign, args: argparse.Namespace, out: TextIO) -> int:
    """Print the figures (units × figures, totals); --suggest prints what the summaries state,
    --accept stores that for values not yet set, --set stores typed values; each one step."""
    from models.editor import CampaignEditor
    from models.statistics_text import statistics_text
    editor = CampaignEditor(store, campaign_id=campaign.id)
    if args.suggest or args.accept:
        from importers.summary_figures import summary_suggestions
        found = summary_suggestions(editor)
        if not found:
            out.write(_tr("还没有收到任何活动总结文件，没有可识别的数据。") + "\n")
            return 0
        if args.suggest:
            out.writelines(entry.as_text() + "\n" for entry in found)
            out.write(_tr("以上仅为建议，未写入数据库；用 stats --accept 采用。") + "\n")
            return 0
        stored = editor.accept_suggestions(
            [(entry.unit.id, s) for entry in found for s in entry.certain if entry.unit.id])
        out.write(_tr("已采用 {0} 项数据（已填写的未改动）。").format(len(stored)) + "\n")
        open_choices = [f"{entry.unit.short_name or entry.unit.name}“{offered[0].figure.name}”"
                        for entry in found for offered in entry.to_choose]
        if open_choices:
            out.write(_tr("未采用（总结中有几处不同的数字，请用 stats --suggest 查看后用 "
                          "stats --set 填写）：{0}").format("、".join(open_choices)) + "\n")
    elif args.set:
        _set_values(editor, args.set, out)
    out.write(statistics_text(editor.statistics()))
    return 0


def _set_values(editor: object, words: list[str], out: TextIO) -> None:
    """--set UNIT FIGURE=VALUE …: every value checked first, then stored as one step."""
    from models.entities import find_unit
    from models.figures import find_figure, typed_value
    unit_text, pairs = words[0], words[1:]
    unit = find_unit(editor.document.units, unit_text)
    if unit is None or unit.id is None:
        raise UserError(_tr("单位“{0}”在数据库中不存在。").format(unit_text))
    if not pairs:
        raise UserError(_tr("请在单位后写上“指标=数值”，如 --set 徐汇 发放宣传资料=1200"))
    figures = editor.figures()
    values = []
    for pair in pairs:
        name, sep, text = pair.partition("=")
        figure = find_figure(figures, name)
        if not sep or figure is None:
            raise UserError(_tr("无法识别“{0}”：请写成“指标=数值”，指标为：{1}").format(
                pair, "、".join(f.name for f in figures)))
        values.append(typed_value(figure, unit, text))
    changed = editor.set_figure_values(values)
    out.write((_tr("已填写 {0} 的 {1} 项数据。").format(unit.name, len(values)) if changed
               else _tr("数据与已填写的相同，未作改动。")) + "\n")


def cmd_units(store: Store, campaign: Campaign, args: argparse.Namespace, out: TextIO) -> int:
    """List the year's addressees, or add, rename or retire one (one undoable step each in
    the window; here each is saved at once)."""
    from models.editor import CampaignEditor
    from models.entities import UnitKind, find_unit
    editor = CampaignEditor(store, campaign_id=campaign.id)
    action = args.units_action or "list"
    if action != "list" and action != "add":
        unit = find_unit(editor.addressee_list(), args.unit)
        if unit is None or unit.id is None:
            raise UserError(_tr("“{0}”不是本年度的报送单位。").format(args.unit))
    if action == "add":
        kind = UnitKind.DISTRICT if args.kind == "district" else UnitKind.OTHER
        added = editor.add_addressee(args.name, args.short, kind)
        out.write(_tr("已添加报送单位：{0}（{1}）").format(added.name, added.short_name) + "\n")
    elif action == "rename":
        renamed = editor.rename_addressee(unit.id, args.name, args.short)
        out.write(_tr("已改名：{0} → {1}（往年仍用原名）").format(unit.name, renamed.name) + "\n")
    elif action == "retire":
        count = editor.retire_addressee(unit.id)
        out.write(_tr("已停用：{0}，本年度不再欠 {1} 项（往年保留）").format(unit.name, count)
                  + "\n")
    for number, addressee in enumerate(editor.addressee_list(), start=1):
        out.write(f"{number:>3}  {addressee.name}（{addressee.short_name}）\n")
    return 0


COMMANDS: dict[str, Callable[[Store, Campaign, argparse.Namespace, TextIO], int]] = {
    "activities": cmd_activities,
    "export": cmd_export,
    "import": cmd_import,
    "receive": cmd_receive,
    "clean": cmd_clean,
    "template": cmd_template,
    "stats": cmd_stats,
    "units": cmd_units,
}


def writes(args: argparse.Namespace) -> bool:
    """Whether a command changes the database (and so must hold its lock)."""
    if args.command == "stats":
        return bool(args.accept or args.set)
    if args.command == "units":
        return (args.units_action or "list") != "list"
    return args.command == "receive" or (args.command in ("import", "clean")
                                         and not args.dry_run)


def _paints(args: argparse.Namespace) -> bool:
    """Whether a command's export paints through Qt (and so needs a GUI application)."""
    if args.command != "export":
        return False
    try:
        return exporter_for(args.what, _export_format(args)).needs_gui
    except ExportUnsupported:
        return False


@contextmanager
def qt_for(args: argparse.Namespace) -> Iterator[None]:
    """The Qt a command needs while it runs: a GUI application when its export paints, a core
    one to carry the English translation (--lang en), else none, and Qt is never loaded."""
    paints, english = _paints(args), args.lang == "en"
    if not (paints or english):
        yield
        return
    if paints:
        from PySide6.QtGui import QGuiApplication as Application
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                     or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # drawn into a file only
    else:
        from PySide6.QtCore import QCoreApplication as Application
    app = Application.instance() or Application(sys.argv[:1] or ["metrology-day"])
    translators = install_translators(app, "en") if english else []
    try:
        yield
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def year_line(campaign: Campaign, defaulted: bool) -> str:
    """The first line of every command's output: the year it works on, and why that one."""
    line = _tr("年度：{0}年").format(campaign.year)
    if defaulted:
        line += _tr("（上次使用的年度；其他年度请加 --year）")
    return line


def run_cli(args: argparse.Namespace, err: TextIO | None = None) -> int:
    """Open the database the way the command needs it, run the command, close it again."""
    err = err or sys.stderr
    for stream in (sys.stdout, err):  # a file name in another encoding never stops a report
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    path = args.db or default_database_path()
    with qt_for(args):
        try:
            store = open_database(path, lock=writes(args), init=args.init,
                                  warn=lambda message: err.write(_tr("警告：{0}").format(message)
                                                                 + "\n"))
        except DatabaseInUse as exc:
            err.write(_tr("错误：{0}").format(exc) + "\n")
            return 3
        except (UserError, OSError, sqlite3.Error) as exc:
            err.write(_tr("错误：{0}").format(describe_failure(exc, path)) + "\n")
            return 2
        try:
            return run_command(store, args, err=err)
        finally:
            store.close()


def run_command(store: Store, args: argparse.Namespace, out: TextIO | None = None,
                err: TextIO | None = None) -> int:
    """Run a parsed command; refusals, file-system and database errors become a message
    and exit code 2."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        campaign = chosen_campaign(store, args.year)
        out.write(year_line(campaign, args.year is None) + "\n")
        return COMMANDS[args.command](store, campaign, args, out)
    except (UserError, OSError, sqlite3.Error) as exc:
        err.write(_tr("错误：{0}").format(describe_failure(exc, store.path)) + "\n")
        return 2
