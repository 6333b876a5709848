"""Checking a workbook a unit sent back, and putting its rows in place of the unit's old ones."""
from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from models.deadlines import received_status
from models.entities import (
    Activity,
    Campaign,
    CampaignData,
    Level,
    Submission,
    SubmissionStatus,
    Unit,
)
from models.periods import why_unparsed
from models.storage import Store, StoreError
from models.text import chinese_date, clean_text

# -- what the template and the import agree on ---------------------------------

MARKER_FORMAT = "metrology-day-template"
MARKER_VERSION = 1
DATA_SHEET = "活动安排"
HELP_SHEET = "填写说明"
MARKER_SHEET = "模板标记"
SUBMISSION_ITEM = "活动安排"
"""The submission an import marks as received."""

MAX_TEXT = 2000
MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
MAX_UNPACKED = 300 * 1024 * 1024
HEADER_SCAN_ROWS = 30

TIME_EXAMPLES: tuple[str, ...] = (
    "5月20日",
    "5月11日、12日",
    "5月17日至5月23日",
    "5月19日至21日",
    "5月20日前 / 5月20日起 / 5月20日前后",
    "5月下旬 / 5月中旬",
    "5月 / 4—5月",
    "2021-05-20 / 2021/5/20 / 5.20",
)
"""Ways of writing a time that the date reader understands, shown in the template."""

HEADER_FIELDS: dict[str, str] = {
    "序号": "group_no", "编号": "group_no",
    "活动名称": "name", "名称": "name", "活动项目": "name", "项目名称": "name",
    "活动内容": "content", "内容": "content", "主要内容": "content",
    "活动时间": "time_text", "时间": "time_text", "日期": "time_text", "活动日期": "time_text",
    "宣传形式": "publicity_forms", "宣传方式": "publicity_forms",
    "宣传内容": "publicity_content",
    "负责单位": "responsible", "责任单位": "responsible", "承办单位": "responsible",
    "单位": "responsible",
}
FIELD_LABELS: dict[str, str] = {
    "group_no": "序号", "name": "活动名称", "content": "活动内容", "time_text": "活动时间",
    "publicity_forms": "宣传形式", "publicity_content": "宣传内容", "responsible": "负责单位",
}
TEXT_FIELDS = ("name", "content", "time_text", "publicity_forms", "publicity_content",
               "responsible")
FILLED_FIELDS = ("name", "content", "time_text", "publicity_forms", "publicity_content")
"""A row with none of these filled is blank, even with 序号 and 负责单位 prefilled."""

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_HEADER_NOISE = re.compile(r"\s+|[*＊]|[（(][^）)]*[）)]")


def marker_rows(campaign: Campaign, unit: Unit) -> list[tuple[str, object]]:
    """The key/value pairs of a template's hidden marker sheet."""
    return [("format", MARKER_FORMAT), ("version", MARKER_VERSION), ("year", campaign.year),
            ("unit", unit.name), ("unit_short", unit.short_name),
            ("title", campaign.attachment_title)]


def find_unit(units: Iterable[Unit], text: str) -> Unit | None:
    """The unit whose full or short name is text, or the only one it starts."""
    wanted = text.strip()
    if not wanted:
        return None
    units = list(units)
    for unit in units:
        if wanted in (unit.name, unit.short_name):
            return unit
    matches = [u for u in units if u.name.startswith(wanted) or u.short_name.startswith(wanted)]
    return matches[0] if len(matches) == 1 else None


# -- the result of a check ---------------------------------------------------------


class Severity(StrEnum):
    """How bad a problem is: errors stop the import, warnings do not."""

    ERROR = "错误"
    WARNING = "警告"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the file, and where."""

    severity: Severity
    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    place: str = ""
    """Where in a file that is no workbook, e.g. 第 2 个表格 (said instead of the sheet)."""

    def where(self) -> str:
        """Sheet, row and column in words, e.g. 工作表“活动安排”第 5 行 B 列（活动名称）."""
        parts = []
        if self.place:
            parts.append(self.place)
        elif self.sheet:
            parts.append(f"工作表“{self.sheet}”")
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.column:
            parts.append(self.column)
        return " ".join(parts)

    def as_text(self) -> str:
        """The problem on one line."""
        where = self.where()
        return f"【{self.severity}】" + (f"{where}：" if where else "") + self.message


@dataclass(slots=True)
class ImportPlan:
    """What a returned workbook would change, and everything found wrong with it."""

    path: Path
    problems: list[Problem] = field(default_factory=list)
    unit: Unit | None = None
    campaign_id: int | None = None
    activities: list[Activity] = field(default_factory=list)
    replaced: list[Activity] = field(default_factory=list)
    outcome: str = ""

    @property
    def ok(self) -> bool:
        """True when nothing stands in the way of applying the plan."""
        return not self.errors

    @property
    def errors(self) -> list[Problem]:
        """Problems that stop the import."""
        return [p for p in self.problems if p.severity == Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """Problems that are only reported."""
        return [p for p in self.problems if p.severity == Severity.WARNING]

    def error(self, message: str, sheet: str = "", row: int | None = None,
              column: str = "", place: str = "") -> None:
        """Record an error."""
        self.problems.append(Problem(Severity.ERROR, message, sheet, row, column, place))

    def warn(self, message: str, sheet: str = "", row: int | None = None,
             column: str = "", place: str = "") -> None:
        """Record a warning."""
        self.problems.append(Problem(Severity.WARNING, message, sheet, row, column, place))

    def as_text(self) -> str:
        """A report for the user: what the file holds, every problem, what was done."""
        lines = [f"文件：{self.path}"]
        if self.unit is not None:
            lines.append(f"单位：{self.unit.name}")
            lines.append(f"活动：{len(self.activities)} 条（替换原有 {len(self.replaced)} 条）")
        lines.append(f"错误 {len(self.errors)} 处，警告 {len(self.warnings)} 处。")
        lines += ["  " + p.as_text() for p in self.problems]
        if self.outcome:
            lines.append(self.outcome)
        elif not self.ok:
            lines.append("有错误，未导入；数据库未作任何改动。")
        return "\n".join(lines)


class ImportRefused(StoreError):
    """Applying a plan that still has errors."""


# -- reading the file -------------------------------------------------------------------


def file_problem(path: Path) -> str | None:
    """Why the file cannot be a workbook we may open, before any XML is parsed; None if fine."""
    if not path.exists():
        return f"文件“{path}”不存在。"
    if path.is_dir():
        return f"“{path}”是一个文件夹，不是 Excel 文件。"
    size = path.stat().st_size
    if size > MAX_BYTES:
        return f"文件过大（{size / 1024 / 1024:.1f} MB），最多 {MAX_BYTES // 1024 // 1024} MB。"
    with path.open("rb") as handle:
        head = handle.read(8)
        if head == OLE2_MAGIC:
            handle.seek(0)
            return ole2_problem(handle.read())
    if not zipfile.is_zipfile(path):
        return "不是 Excel 工作簿（.xlsx）：文件内容无法识别，可能是改了扩展名的其他文件。"
    return zip_problem(path)


def ole2_problem(content: bytes) -> str:
    """What an OLE2 compound file is: a password-protected workbook or an old .xls."""
    if "EncryptionInfo".encode("utf-16-le") in content or b"EncryptedPackage" in content:
        return "工作簿设置了打开密码（已加密），无法读取。请取消密码后另存为 .xlsx 再导入。"
    return ("这是旧版 Excel 97-2003（.xls）或其他 Office 文件，或已加密。"
            "请在 Excel/WPS 中另存为 .xlsx 后再导入。")


def zip_problem(path: Path) -> str | None:
    """Problems of the zip container: not a workbook, too big unpacked, DTDs or entities."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names and "[Content_Types].xml" not in names:
                return "这是 ZIP 压缩文件，不是 Excel 工作簿（.xlsx）。"
            if "xl/workbook.xml" not in names:
                return "不是 Excel 工作簿（.xlsx）：可能是 Word 或其他 Office 文件。"
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_UNPACKED:
                return (f"文件解压后过大（{unpacked / 1024 / 1024:.0f} MB），"
                        "可能是“压缩炸弹”，已拒绝读取。")
            for info in archive.infolist():
                if info.filename.endswith((".xml", ".rels")) and _declares_dtd(archive, info):
                    return (f"文件内部的“{info.filename}”含有 DTD/实体声明，可能是“XML 炸弹”"
                            "或外部实体攻击，已拒绝读取。正常的 Excel 文件不含这类内容。")
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
        return f"不是完好的 Excel 工作簿（.xlsx）：{exc}"
    return None


def _declares_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether an XML part starts with a document type declaration."""
    with archive.open(info) as handle:
        head = handle.read(8192)
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head or b"<\x00!\x00D\x00O\x00C" in head


def parse_failure(exc: Exception) -> str:
    """A user message for an exception raised while openpyxl reads the file."""
    names = set()
    cause: BaseException | None = exc
    while cause is not None and len(names) < 10:  # openpyxl wraps the parser's error
        names.add(type(cause).__name__)
        cause = cause.__cause__ or cause.__context__
    name = type(exc).__name__
    if names & {"EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden",
                "NotSupportedError"}:
        return ("文件含有 XML 实体或外部引用（可能是“XML 炸弹”或外部实体攻击），已拒绝读取。")
    if name == "InvalidFileException":
        return "不是 Excel 工作簿（.xlsx）。"
    return f"工作簿已损坏或格式无法识别，无法读取（{name}: {exc}）。"


def column_letter(index: int) -> str:
    """A 0-based column index as Excel letters."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_index(letters: bytes) -> int:
    """Excel letters as a 0-based column index."""
    value = 0
    for char in letters:
        value = value * 26 + char - 64
    return value - 1


def merged_ranges(archive: zipfile.ZipFile, part: str) -> list[tuple[int, int, int, int]]:
    """Merged ranges of a sheet part as 0-based (first col, first row, last col, last row)."""
    data = archive.read(part.lstrip("/"))
    if b"mergeCell" not in data:
        return []
    return [(_column_index(c1), int(r1) - 1, _column_index(c2), int(r2) - 1)
            for c1, r1, c2, r2 in _MERGE_RE.findall(data)]


def fill_down_map(ranges: Sequence[tuple[int, int, int, int]]) -> dict[int, list[tuple[int, int]]]:
    """For each 0-based row, the (column, source row) pairs a vertical merge fills."""
    fills: dict[int, list[tuple[int, int]]] = {}
    for col, top, _last_col, bottom in ranges:
        for row in range(top + 1, bottom + 1):
            fills.setdefault(row, []).append((col, top))
    return fills


def merged_rows(rows: Iterator[tuple], fills: dict[int, list[tuple[int, int]]]
                ) -> Iterator[list]:
    """Rows as lists, with the cells under a vertical merge given the merge's value."""
    sources = {top for pairs in fills.values() for _col, top in pairs}
    kept: dict[tuple[int, int], object] = {}
    for index, row in enumerate(rows):
        values = list(row)
        if index in sources:
            for col, value in enumerate(values):
                kept[(index, col)] = value
        for col, top in fills.get(index, ()):
            while len(values) <= col:
                values.append(None)
            values[col] = kept.get((top, col))
        yield values


def cell_text(value: object, year: int) -> str:
    """A cell's value as clean text; dates Excel made of a typed date come back as 5月20日."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return chinese_date(value, with_year=value.year != year)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(str(value)).strip()


def header_columns(values: Sequence[object]) -> dict[str, int]:
    """Fields found in a row of column titles, by their 0-based column; {} if not a header."""
    found: dict[str, int] = {}
    for index, value in enumerate(values):
        if isinstance(value, str):
            key = HEADER_FIELDS.get(_HEADER_NOISE.sub("", value))
            if key and key not in found:
                found[key] = index
    return found if "name" in found and len(found) >= 2 else {}


# -- checking ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Sheet:
    """The table found in a sheet: where its header is and which column holds what."""

    title: str
    header_row: int
    columns: dict[str, int]


def check_workbook(data: CampaignData, path: Path | str,
                   expected_unit: Unit | None = None) -> ImportPlan:
    """Read a returned workbook and report everything wrong with it; changes nothing."""
    plan = ImportPlan(Path(path), campaign_id=data.campaign.id)
    problem = file_problem(plan.path)
    if problem:
        plan.error(problem)
        return plan
    from openpyxl import load_workbook
    try:
        wb = load_workbook(plan.path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any failure to open is reported, never raised
        plan.error(parse_failure(exc))
        return plan
    try:
        _check_open_workbook(wb, data, plan, expected_unit)
    except Exception as exc:  # noqa: BLE001 - parsing is lazy; a bad sheet fails here
        plan.error(parse_failure(exc))
    finally:
        wb.close()
    if not plan.ok:
        plan.activities = []
    return plan


def _check_open_workbook(wb, data: CampaignData, plan: ImportPlan,
                         expected_unit: Unit | None) -> None:
    """The checks that need the opened workbook."""
    marker = read_marker(wb)
    marked_unit = check_marker(marker, data, plan)
    if not plan.ok:
        return
    rows, sheet = read_table(wb, data, plan)
    if sheet is None:
        return
    unit = marked_unit or unit_from_rows(rows, sheet, data, plan)
    if unit is None:
        return
    if expected_unit is not None and unit.id != expected_unit.id:
        plan.error(f"这是“{unit.name}”的文件，不是“{expected_unit.name}”的；请选择正确的文件。")
        return
    plan.unit = unit
    plan.replaced = [a for a in data.by_level(Level.DISTRICT) if a.unit_id == unit.id]
    plan.activities = build_activities(rows, sheet, data, unit, plan)
    if plan.ok and not plan.activities:
        plan.error("表中没有填写任何活动。", sheet.title)


def read_marker(wb) -> dict[str, str]:
    """The key/value pairs of the hidden marker sheet, or {} for a file without one."""
    if MARKER_SHEET not in wb.sheetnames:
        return {}
    out: dict[str, str] = {}
    for row in wb[MARKER_SHEET].iter_rows(min_row=1, max_row=50, max_col=2, values_only=True):
        if row and row[0] is not None:
            out[str(row[0])] = "" if len(row) < 2 or row[1] is None else str(row[1])
    return out if out.get("format") == MARKER_FORMAT else {}


def check_marker(marker: dict[str, str], data: CampaignData, plan: ImportPlan) -> Unit | None:
    """The unit a template was made for, after checking it is this campaign's."""
    if not marker:
        return None
    year = marker.get("year", "")
    if year != str(data.campaign.year):
        plan.error(f"这是 {year or '未知'} 年活动的模板，当前活动年度为 {data.campaign.year} 年；"
                   "请用本年度的模板重新填报。", MARKER_SHEET)
        return None
    unit = find_unit(data.units, marker.get("unit", "")) or find_unit(
        data.units, marker.get("unit_short", ""))
    if unit is None:
        plan.error(f"模板所属单位“{marker.get('unit', '')}”在数据库中不存在。", MARKER_SHEET)
    return unit


def data_sheet_order(wb) -> list[str]:
    """Sheets that may hold the table: the template's own first, helpers and hidden ones last."""
    names = [n for n in wb.sheetnames if n not in (MARKER_SHEET, HELP_SHEET)]
    return sorted(names, key=lambda n: n != DATA_SHEET)


def read_table(wb, data: CampaignData, plan: ImportPlan) -> tuple[list[list], _Sheet | None]:
    """The rows of the first sheet with a recognisable header row, merges filled down."""
    for title in data_sheet_order(wb):
        ws = wb[title]
        if ws.max_row is not None and ws.max_row > MAX_ROWS:
            plan.error(f"工作表行数过多（{ws.max_row} 行），最多 {MAX_ROWS} 行。", title)
            return [], None
        ws.reset_dimensions()
        fills = fill_down_map(merged_ranges(wb._archive, ws._worksheet_path))
        rows: list[list] = []
        for values in merged_rows(ws.iter_rows(min_row=1, values_only=True), fills):
            rows.append(values)
            if len(rows) > MAX_ROWS:
                plan.error(f"工作表行数过多，最多 {MAX_ROWS} 行。", title)
                return [], None
        for index, values in enumerate(rows[:HEADER_SCAN_ROWS]):
            columns = header_columns(values)
            if columns:
                return rows, _Sheet(title, index, columns)
    plan.error("找不到表头行：工作表中没有“活动名称”“活动内容”“活动时间”等列名。"
               "请使用下发的模板，保留表头行。")
    return [], None


def _value(values: Sequence[object], index: int | None) -> object:
    """The value at a column index, None past the end of a short row."""
    return values[index] if index is not None and index < len(values) else None


def row_texts(values: Sequence[object], sheet: _Sheet, year: int) -> dict[str, str]:
    """A data row's texts by field."""
    return {key: cell_text(_value(values, sheet.columns.get(key)), year) for key in TEXT_FIELDS}


def unit_from_rows(rows: Sequence[Sequence[object]], sheet: _Sheet, data: CampaignData,
                   plan: ImportPlan) -> Unit | None:
    """The unit of a file without a template marker, from its 负责单位 column."""
    column = sheet.columns.get("responsible")
    named = {cell_text(_value(r, column), data.campaign.year)
             for r in rows[sheet.header_row + 1:]} - {""} if column is not None else set()
    units = {u.id: u for u in (find_unit(data.units, text) for text in named) if u}
    if len(units) == 1:
        return next(iter(units.values()))
    if len(units) > 1:
        names = "、".join(sorted(u.name for u in units.values()))
        plan.error(f"文件中有多个单位的活动（{names}），每份文件只能报一个单位。", sheet.title)
    elif named:
        plan.error(f"单位“{sorted(named)[0]}”在数据库中不存在。", sheet.title)
    else:
        plan.error("无法确定填报单位：文件不是下发的模板，负责单位一列也没有填写。", sheet.title)
    return None


def build_activities(rows: Sequence[Sequence[object]], sheet: _Sheet, data: CampaignData,
                     unit: Unit, plan: ImportPlan) -> list[Activity]:
    """The unit's new district rows, each checked; problems go into the plan."""
    campaign = data.campaign
    group_no = unit_group_no(data, unit)
    out: list[Activity] = []
    for index in range(sheet.header_row + 1, len(rows)):
        texts = row_texts(rows[index], sheet, campaign.year)
        if not any(texts[key] for key in FILLED_FIELDS):
            continue
        check_row(texts, data, unit, sheet, index + 1, plan)
        out.append(Activity(
            Level.DISTRICT, group_no, len(out) + 1, texts["name"], texts["content"],
            texts["time_text"], texts["publicity_forms"], texts["publicity_content"],
            texts["responsible"] or unit.name, unit.id, campaign_id=campaign.id))
    return out


def _where(sheet: _Sheet, key: str) -> str:
    """A column as letters with its title, e.g. B 列（活动名称）."""
    return f"{column_letter(sheet.columns[key])} 列（{FIELD_LABELS[key]}）"


def check_row(texts: dict[str, str], data: CampaignData, unit: Unit, sheet: _Sheet,
              row: int, plan: ImportPlan) -> None:
    """Errors and warnings of one data row."""
    if not texts["name"]:
        plan.error("活动名称为空。", sheet.title, row, _where(sheet, "name"))
    for key in TEXT_FIELDS:
        if len(texts[key]) > MAX_TEXT:
            plan.error(f"文字过长（{len(texts[key])} 字），每格最多 {MAX_TEXT} 字。",
                       sheet.title, row, _where(sheet, key))
    responsible = texts["responsible"]
    if responsible and not names_unit(responsible, unit):
        other = find_unit(data.units, responsible)
        message = (f"负责单位“{responsible}”与本表的单位“{unit.name}”不符。" if other
                   else f"负责单位“{responsible}”在数据库中不存在，本表单位为“{unit.name}”。")
        plan.error(message, sheet.title, row, _where(sheet, "responsible"))
    check_time(texts["time_text"], data.campaign.year, sheet, row, plan)


def names_unit(text: str, unit: Unit) -> bool:
    """Whether a 负责单位 text names the unit (its full name, short name or a phrase with it)."""
    return unit.name in text or (bool(unit.short_name) and text.startswith(unit.short_name))


def check_time(text: str, year: int, sheet: _Sheet, row: int, plan: ImportPlan) -> None:
    """A warning for a time the date reader cannot read; the text is kept as written."""
    if "time_text" not in sheet.columns:
        return
    where = _where(sheet, "time_text")
    if not text:
        plan.warn("活动时间未填写，日历中不会显示该活动。", sheet.title, row, where)
        return
    reason = why_unparsed(text, year)
    if reason:
        plan.warn(f"活动时间“{text}”无法识别为日期（{reason}），将按原文导入并标注。",
                  sheet.title, row, where)


def unit_group_no(data: CampaignData, unit: Unit) -> int:
    """The 序号 the unit's rows keep in the district table; a new one at the end if none."""
    district = data.by_level(Level.DISTRICT)
    mine = [a.group_no for a in district if a.unit_id == unit.id]
    if mine:
        return min(mine)
    return max((a.group_no for a in district), default=0) + 1


# -- applying ------------------------------------------------------------------------


def received_submission(submissions: Sequence[Submission], plan: ImportPlan,
                        today: date) -> Submission:
    """The unit's 活动安排 submission marked received today (a new one if it had none)."""
    assert plan.unit is not None and plan.unit.id is not None
    for sub in submissions:
        if sub.unit_id == plan.unit.id and sub.item == SUBMISSION_ITEM:
            return sub.with_changes(status=received_status(sub.due, today), received=today)
    return Submission(plan.unit.id, SUBMISSION_ITEM, None, SubmissionStatus.RECEIVED, today,
                      campaign_id=plan.campaign_id)


def apply_plan(store: Store, plan: ImportPlan, today: date) -> None:
    """Replace the unit's rows and mark its 活动安排 received, in one transaction."""
    if not plan.ok or plan.unit is None or plan.campaign_id is None:
        raise ImportRefused("文件有错误，未导入；数据库未作任何改动。")
    submission = received_submission(store.submissions(plan.campaign_id), plan, today)
    with store.transaction():
        fresh = [a.with_changes(id=None) for a in plan.activities]
        plan.activities = store.replace_unit_activities(plan.campaign_id, plan.unit.id, fresh)
        store.save_submissions([submission])
    plan.outcome = (f"已导入：{plan.unit.name} 的区级活动已替换为 {len(plan.activities)} 条，"
                    f"“{SUBMISSION_ITEM}”已标记为{submission.status}（{today.isoformat()}）。")


def import_workbook(store: Store, path: Path | str, dry_run: bool = False,
                    today: date | None = None, expected_unit: Unit | None = None) -> ImportPlan:
    """Check a returned workbook and, if it has no errors and this is no dry run, apply it."""
    plan = check_workbook(store.load(), path, expected_unit)
    if not plan.ok:
        return plan
    if dry_run:
        plan.outcome = "仅检查（--dry-run），未写入数据库。"
        return plan
    apply_plan(store, plan, today or date.today())
    return plan
