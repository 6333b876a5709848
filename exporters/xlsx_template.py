"""Excel templates the district bureaus fill in and send back."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from exporters.atomic import ExportError, write_atomically
from exporters.attachment import attachment_title
from exporters.output_checks import check_xlsx, xlsx_bytes
from exporters.xlsx_common import (
    BODY_FONT,
    CENTER,
    HEADER_FONT,
    LEFT,
    NOTE_FONT,
    SUBTITLE_FONT,
    TITLE_FONT,
    TOP_LEFT,
    set_column_widths,
    set_print_layout,
    write_banner,
    write_body,
    write_cell,
    write_header,
)
from models.addressees import campaign_addressees
from models.entities import (
    ARRANGEMENT_ITEM,
    Activity,
    CampaignData,
    Figure,
    Level,
    SubmissionStatus,
    Unit,
    UnitKind,
    find_unit,
)
from models.fields import filled_attrs
from models.i18n import _tr
from models.layout import columns_of, runs, table_cells
from models.template_contract import (
    DATA_SHEET,
    FIGURES_HEADER,
    FIGURES_SHEET,
    HELP_SHEET,
    MARKER_SHEET,
    MAX_TEXT,
    TIME_EXAMPLES,
    marker_rows,
)
from models.text import chinese_date

BLANK_ROWS = 15
"""Empty rows offered below the unit's existing ones."""

HEADER_ROW = 3
FIGURES_HEADER_ROW = 3


def resolve_unit(data: CampaignData, text: str) -> Unit:
    """The unit named by its full or short name, or an error naming what was asked for."""
    found = find_unit(data.units, text)
    if found is not None:
        return found
    raise ExportError(_tr("找不到单位“{0}”，请写单位全称或简称（如“黄浦”）。").format(text))


def template_rows(data: CampaignData, unit: Unit) -> list[Activity]:
    """The unit's rows (of the district table; of the municipal one for a unit whose rows all
    stand there) followed by blank ones with its name already in."""
    mine = data.district_rows_of(unit) or data.rows_of(unit, Level.MUNICIPAL)
    rows = [a.with_changes(group_no=index, responsible=unit.name)
            for index, a in enumerate(mine, start=1)]
    start = len(rows) + 1
    rows += [Activity(Level.DISTRICT, start + n, 1, "", responsible=unit.name)
             for n in range(BLANK_ROWS)]
    return rows


def fill_data_sheet(ws: Worksheet, data: CampaignData, unit: Unit) -> None:
    """The sheet to fill: the district table's columns, the unit's name fixed in 负责单位."""
    columns = columns_of(Level.DISTRICT)
    width = len(columns)
    set_column_widths(ws, [c.weight for c in columns])
    write_banner(ws, 1, attachment_title(data), width, TITLE_FONT, height=36)
    write_banner(ws, 2, f"（区级）填报单位：{unit.name}", width, SUBTITLE_FONT, height=24)
    write_header(ws, HEADER_ROW, columns)
    rows = template_rows(data, unit)
    last = HEADER_ROW + len(write_body(ws, HEADER_ROW + 1, columns,
                                         table_cells(rows, Level.DISTRICT)))
    add_validations(ws, unit, last)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    set_print_layout(ws, HEADER_ROW, width)


def add_validations(ws: Worksheet, unit: Unit, last_row: int) -> None:
    """负责单位 limited to the unit's name, texts to the length the import accepts."""
    first = HEADER_ROW + 1
    last = last_row + 200
    fixed = DataValidation(type="list", formula1=f'"{unit.name}"', allow_blank=True,
                           showErrorMessage=True, errorTitle="负责单位",
                           error=f"本表只填报“{unit.name}”的活动，负责单位不能改。")
    texts = DataValidation(type="textLength", operator="lessThanOrEqual",
                           formula1=str(MAX_TEXT), allow_blank=True, showErrorMessage=True,
                           errorTitle="文字过长", error=f"每格最多 {MAX_TEXT} 字。")
    number = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="1",
                            allow_blank=True, showErrorMessage=True, errorTitle="序号",
                            error="序号请填正整数，也可不填。")
    for validation, attrs in ((fixed, ["responsible"]), (texts, filled_attrs()),
                              (number, ["group_no"])):
        for cells in field_cells(attrs, first, last):
            validation.add(cells)
        ws.add_data_validation(validation)


def field_cells(attrs: Iterable[str], first: int, last: int) -> list[str]:
    """The data sheet's cells of some fields from row first to last, e.g. ["B4:E215"]."""
    wanted = set(attrs)
    numbers = [n for n, c in enumerate(columns_of(Level.DISTRICT), start=1) if c.field in wanted]
    return [f"{get_column_letter(a)}{first}:{get_column_letter(b)}{last}"
            for a, b in runs(numbers)]


def help_lines(data: CampaignData, unit: Unit) -> list[str]:
    """What the instructions sheet says, line by line."""
    campaign = data.campaign
    due = campaign.plan_due  # the plan's own due date, not the summary's
    deadline = chinese_date(due) if due else "计量处规定的日期"
    return [
        f"填报单位：{unit.name}",
        f"活动年度：{campaign.year}年（主题：{campaign.theme}）",
        f"报送截止：请于{deadline}前将本表通过电子邮件报送市局计量处"
        + (f"（{campaign.contact_email}）" if campaign.contact_email else "") + "。",
        "",
        "一、填写什么",
        f"在“{DATA_SHEET}”工作表中，每项活动填一行：",
        "  序号：可不填，导入时按行的先后排序。",
        "  活动名称：必填，如“计量惠民”。",
        "  活动内容：活动的具体安排。",
        "  活动时间：见下面“二、时间的写法”。",
        "  宣传形式：如“微信公众号、现场咨询”。",
        f"  负责单位：已填好“{unit.name}”，不能修改。",
        f"每格最多 {MAX_TEXT} 字；行不够可以在表格下方继续添加，多余的空行不用删除。",
        "可以合并单元格（如几项活动的时间相同），也可以调整列的顺序，但请保留表头行。",
        "",
        "二、时间的写法（程序能识别以下写法）",
        *(f"  {example}" for example in TIME_EXAMPLES),
        "写成“常态化开展”等没有具体日期的，也可以导入，程序会按原文保存并提示。",
        "",
        "三、其他",
        f"请不要删除或修改工作表，也不要改文件的格式（保持 .xlsx）；表中已有本单位 {campaign.year} 年",
        "已报的活动，可直接修改；导入时会用本表替换本单位原有的全部区级活动。",
    ]


def fill_help_sheet(ws: Worksheet, data: CampaignData, unit: Unit) -> None:
    """The instructions sheet."""
    ws.column_dimensions["A"].width = 110
    write_cell(ws, 1, 1, "填写说明", TITLE_FONT, LEFT, border=None)
    for row, line in enumerate(help_lines(data, unit), start=2):
        write_cell(ws, row, 1, line, NOTE_FONT, TOP_LEFT, border=None)
    set_print_layout(ws, None, 1)
    ws.page_setup.orientation = "portrait"


def fill_marker_sheet(ws: Worksheet, data: CampaignData, unit: Unit) -> None:
    """The hidden sheet that tells the import which unit and campaign this file is for."""
    for row, (key, value) in enumerate(marker_rows(data.campaign, unit), start=1):
        ws.cell(row=row, column=1, value=key)
        ws.cell(row=row, column=2, value=value).font = BODY_FONT
    ws.sheet_state = "veryHidden"


def fill_figures_sheet(ws: Worksheet, data: CampaignData, unit: Unit,
                       figures: Sequence[Figure]) -> None:
    """The second sheet, 活动统计: a row per figure, the unit types the number (in Chinese,
    whatever the interface: the template goes to the units)."""
    width = len(FIGURES_HEADER)
    write_banner(ws, 1, f"{data.campaign.year}年“5·20世界计量日”活动统计（{unit.name}）",
                 width, TITLE_FONT, height=30)
    write_banner(ws, 2, "请在“数值”列填写整数；约数可写“1000余”“约500”“近2000”。"
                        "没有开展的项目填 0，不清楚的留空。", width, NOTE_FONT, LEFT, height=36)
    for col, text in enumerate(FIGURES_HEADER, start=1):
        write_cell(ws, FIGURES_HEADER_ROW, col, text, HEADER_FONT, CENTER)
    for row, figure in enumerate(figures, start=FIGURES_HEADER_ROW + 1):
        write_cell(ws, row, 1, figure.name, BODY_FONT, LEFT)
        write_cell(ws, row, 2, figure.measure, BODY_FONT, CENTER)
        write_cell(ws, row, 3, None, BODY_FONT, CENTER)
        write_cell(ws, row, 4, None, BODY_FONT, LEFT)
    for letter, width_chars in zip("ABCD", (30, 10, 14, 40), strict=True):
        ws.column_dimensions[letter].width = width_chars
    set_print_layout(ws, FIGURES_HEADER_ROW, width)
    ws.page_setup.orientation = "portrait"


def build_template(data: CampaignData, unit: Unit, figures: Sequence[Figure] = ()) -> Workbook:
    """One unit's template workbook (with the 活动统计 sheet when figures are given)."""
    wb = Workbook()
    sheet = wb.active
    sheet.title = DATA_SHEET
    fill_data_sheet(sheet, data, unit)
    if figures:
        fill_figures_sheet(wb.create_sheet(FIGURES_SHEET), data, unit, figures)
    fill_help_sheet(wb.create_sheet(HELP_SHEET), data, unit)
    fill_marker_sheet(wb.create_sheet(MARKER_SHEET), data, unit)
    wb.active = 0
    return wb


def template_name(data: CampaignData, unit: Unit) -> str:
    """The file name of a unit's template."""
    return f"{data.campaign.year}年世界计量日活动安排填报模板_{unit.short_name or unit.name}.xlsx"


def write_template(data: CampaignData, unit: Unit, path: Path,
                   figures: Sequence[Figure] = ()) -> Path:
    """Write one unit's template to path, whole or not at all."""
    wb = build_template(data, unit, figures)
    write_atomically(path, xlsx_bytes(wb), check_xlsx)
    return path


def template_addressees(data: CampaignData) -> list[Unit]:
    """The units a template goes to: every addressee that owes the 活动安排 (not exempted),
    in official order; the district bureaus when the campaign asks no unit for one."""
    owing = {s.unit_id for s in data.submissions
             if s.item == ARRANGEMENT_ITEM and s.status != SubmissionStatus.EXEMPT}
    if not owing:
        return [u for u in campaign_addressees(data) if u.kind == UnitKind.DISTRICT]
    return [u for u in data.units if u.id in owing]


def templates_folder_name(data: CampaignData) -> str:
    """The name of the folder the templates for every addressee go into."""
    return _tr("{0}年世界计量日活动安排填报模板").format(data.campaign.year)


def write_templates(data: CampaignData, output: Path, unit: str | None,
                    every: bool, figures: Sequence[Figure] = ()) -> list[Path]:
    """One template for the named unit at output, or one per addressee owing the 活动安排
    (template_addressees) into folder output."""
    output = Path(output)
    if not every:
        if not unit:
            raise ExportError(_tr("请指定单位（如“黄浦”），或选择为每个区局各生成一份。"))
        return [write_template(data, resolve_unit(data, unit), output, figures)]
    if output.exists() and not output.is_dir():
        raise ExportError(_tr("“{0}”是一个文件，请指定一个文件夹。").format(output))
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(_tr("无法创建文件夹“{0}”：{1}").format(output, exc.strerror or exc)) from exc
    return [write_template(data, u, output / template_name(data, u), figures)
            for u in template_addressees(data)]
