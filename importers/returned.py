"""Whatever a unit sent back — our template, its own spreadsheet, a Word table — checked the
same way and applied through the campaign editor as one undoable step."""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from importers.figures_sheet import FigureBook, apply_figures_alone, check_template_figures
from importers.import_plan import ImportChoices, ImportPlan, apply_plan, receipt_text
from importers.reply_import import plan_reading, read_reply
from importers.reply_tables import ReplyReading
from importers.workbook import check_workbook
from models.db.files import FileRefused, check_regular_file
from models.entities import ARRANGEMENT_ITEM, ARRIVED, Activity, CampaignData, Unit, find_unit
from models.fields import text_attrs
from models.i18n import _tr
from models.template_contract import MARKER_SHEET

if TYPE_CHECKING:
    from models.editor import CampaignEditor


def is_workbook(path: Path) -> bool:
    """Whether a file is an Excel workbook (.xlsx content), whatever its name."""
    if not path.is_file():  # a FIFO or a device would block or never end
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError):
        return False


def is_template(path: Path) -> bool:
    """Whether a file is a workbook made from our template (it has the marker sheet)."""
    if not path.is_file():
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            head = archive.read("xl/workbook.xml")[:200_000]
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, NotImplementedError):
        return False
    return f'name="{MARKER_SHEET}"'.encode() in head


def _not_readable(path: Path) -> str | None:
    """Why a named file cannot be read at all (missing, a folder, a FIFO, a device), or None."""
    try:
        if check_regular_file(path, _tr("Excel 或 Word 文件")) is None:
            return _tr("找不到文件“{0}”。").format(path)
    except FileRefused as exc:
        return str(exc)
    return None


@dataclass(slots=True)
class ReturnedFile:
    """A returned file read once: our template (checked on its own strict path), a unit's own
    table with its reading, or why it cannot be read at all. Routing, preview and import all
    use this one reading."""

    path: Path
    template: bool = False
    reading: ReplyReading | None = None
    refusal: str = ""


def read_returned(path: Path | str, year: int,
                  choices: ImportChoices | None = None) -> ReturnedFile:
    """Read a returned file once, whatever it is."""
    path = Path(path)
    refusal = _not_readable(path)
    if refusal:
        return ReturnedFile(path, refusal=refusal)
    if is_template(path):
        return ReturnedFile(path, template=True)
    aliases = choices.aliases() if choices else None
    return ReturnedFile(path, reading=read_reply(path, year, aliases))


def check_returned(data: CampaignData, path: Path | str, unit_text: str | None = None,
                   expected_unit: Unit | None = None, choices: ImportChoices | None = None,
                   today: date | None = None, book: FigureBook | None = None) -> ImportPlan:
    """Check any returned file: a template on its strict path (marker, year and unit), anything
    else as a unit's own table; with `today`, the plan says what becomes of the unit's
    receipt; with the campaign's figures (`book`), a template's 活动统计 sheet is read into
    the plan. Changes nothing."""
    returned = read_returned(path, data.campaign.year, choices)
    return plan_returned(data, returned, unit_text, expected_unit, choices, today, book)


def plan_returned(data: CampaignData, returned: ReturnedFile, unit_text: str | None = None,
                  expected_unit: Unit | None = None, choices: ImportChoices | None = None,
                  today: date | None = None, book: FigureBook | None = None) -> ImportPlan:
    """The plan of a file already read (see check_returned)."""
    plan = _check(data, returned, unit_text, expected_unit, choices or ImportChoices())
    if book is not None and plan.unit is not None and (
            returned.template or plan.figure_rows is not None):
        check_template_figures(book, plan, returned.path)
    if today is not None and plan.ok and plan.unit is not None:
        plan.receipt = receipt_text(data, plan.unit, today)
    return plan


def _check(data: CampaignData, returned: ReturnedFile, unit_text: str | None,
           expected_unit: Unit | None, choices: ImportChoices) -> ImportPlan:
    """The plan of any returned file, chosen by what it is."""
    path = returned.path
    if returned.reading is not None:
        plan = ImportPlan(path, campaign_id=data.campaign.id)
        return plan_reading(plan, returned.reading, data, unit_text, expected_unit, choices)
    if returned.refusal or not returned.template:
        plan = ImportPlan(path, campaign_id=data.campaign.id)
        plan.error(returned.refusal or _tr("找不到文件“{0}”。").format(path))
        return plan
    if unit_text and expected_unit is None:
        expected_unit = find_unit(data.units, unit_text)
        if expected_unit is None:
            plan = ImportPlan(path, campaign_id=data.campaign.id)
            plan.error(_tr("单位“{0}”在数据库中不存在。").format(unit_text))
            return plan
    return check_workbook(data, path, expected_unit, choices)


def _texts(rows: list[Activity]) -> list[tuple[str, ...]]:
    """What a unit's rows say, in order, for comparing."""
    ordered = sorted(rows, key=lambda a: (a.group_no, a.position))
    return [tuple(getattr(a, attr) for attr in text_attrs()) for a in ordered]


def changes_nothing(plan: ImportPlan, data: CampaignData) -> bool:
    """Whether applying the plan would leave everything as it is: the same rows as now, the
    unit's 活动安排 already marked as arrived (the same reply sent again) and no figure of
    its 活动统计 sheet new."""
    return not plan.figures_change and _rows_unchanged(plan, data)


def _rows_unchanged(plan: ImportPlan, data: CampaignData) -> bool:
    """The same rows as now, the 活动安排 already marked as arrived."""
    if plan.unit is None or _texts(plan.activities) != _texts(plan.replaced):
        return False
    return any(s.unit_id == plan.unit.id and s.item == ARRANGEMENT_ITEM and s.status in ARRIVED
               for s in data.submissions)


def apply_returned(editor: CampaignEditor, path: Path | str, today: date,
                   unit_text: str | None = None, expected_unit: Unit | None = None,
                   dry_run: bool = False, choices: ImportChoices | None = None) -> ImportPlan:
    """Check a returned file and, if clean and not a dry run, apply it (see apply_checked).

    Raises StoreError when the database refuses the change; nothing is changed then.
    """
    plan = check_returned(editor.document.data, path, unit_text, expected_unit, choices, today,
                          FigureBook.of(editor))
    if not plan.ok or plan.unit is None or plan.unit.id is None:
        return plan
    if dry_run:
        plan.outcome = _tr("仅检查（--dry-run），未写入数据库。")
        return plan
    apply_checked(editor, plan, today)
    return plan


def apply_checked(editor: CampaignEditor, plan: ImportPlan, today: date) -> None:
    """Put a clean plan's rows in place of the unit's with its template's figures, through the
    editor as one undoable step; only the figures when the rows are the same (or there are
    none); nothing when nothing changes. StoreError when the database refuses."""
    if not plan.activities or _rows_unchanged(plan, editor.document.data):
        if not apply_figures_alone(editor, plan):
            plan.outcome = _tr("与已导入的内容相同（同一份回执再次导入），未作任何改动。")
        return
    apply_plan(editor, plan, today)
