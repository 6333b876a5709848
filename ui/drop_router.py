"""Files dropped on the window, each sent where it belongs: a reply table to the import
preview (for the unit of the row it fell on, if any), a summary to that row's unit's
活动总结. However many files, one report at the end."""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from importers.figures_sheet import FigureBook
from importers.import_plan import ImportChoices, ImportPlan
from importers.reply_formats import ReplyFormat, reply_format
from importers.returned import (
    ReturnedFile,
    apply_checked,
    changes_nothing,
    is_workbook,
    plan_returned,
    read_returned,
)
from models.entities import SUMMARY_ITEM, Submission
from models.errors import UserError
from models.i18n import _tr
from ui.context import AppContext
from ui.import_dialog import Review, remembered_choices, reviewed


def read_if_reply(ctx: AppContext, path: Path, on_row: bool) -> ReturnedFile | None:
    """The file read once when it is an activity table rather than a summary, else None: any
    workbook (or a file named as one), a Word file holding a matching table; a .doc or .odt
    only when it fell on no row (its tables are looked into only through LibreOffice); a PDF
    or a picture never."""
    fmt = reply_format(path)
    if fmt in (ReplyFormat.PDF, ReplyFormat.OTHER):
        return None
    if fmt in (ReplyFormat.OLD_WORD, ReplyFormat.ODT) and on_row:
        return None
    if fmt == ReplyFormat.WORKBOOK and not (
            is_workbook(path) or path.suffix.lower() in (".xlsx", ".xlsm")):
        return None
    returned = read_returned(path, ctx.document.campaign.year, remembered_choices(ctx))
    if fmt == ReplyFormat.WORD and returned.reading is not None and not returned.reading.tables:
        return None
    return returned


def _fingerprint(path: Path) -> str | None:
    """The SHA-256 of a regular file, or None."""
    if not path.is_file():
        return None
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _import(ctx: AppContext, returned: ReturnedFile, row: Submission | None,
            parent: QWidget | None, review: Review) -> str:
    """A reply read once: checked, previewed, and applied as one step when the user agrees; a
    refused one is said once, in the report."""
    path = returned.path
    unit = ctx.document.unit(row.unit_id) if row else None
    data = ctx.document.data

    def check(choices: ImportChoices) -> ImportPlan:
        again = read_returned(path, data.campaign.year, choices)
        return plan_returned(data, again, expected_unit=unit, choices=choices,
                             today=ctx.today(), book=FigureBook.of(ctx.editor))
    plan = plan_returned(data, returned, expected_unit=unit, choices=remembered_choices(ctx),
                         today=ctx.today(), book=FigureBook.of(ctx.editor))
    if plan.ok and changes_nothing(plan, data):
        return _tr("“{0}”：与已导入的内容相同，未作任何改动。").format(path.name)
    if (not plan.ok and not plan.ask_level) or plan.unit is None:
        first = plan.errors[0].as_text() if plan.errors else ""
        return _tr("“{0}”：有错误，未导入。{1}").format(path.name, first)
    plan, accepted = reviewed(ctx, plan, check, parent, review)
    if not plan.ok or plan.unit is None:
        first = plan.errors[0].as_text() if plan.errors else ""
        return _tr("“{0}”：有错误，未导入。{1}").format(path.name, first)
    if not accepted:
        return _tr("“{0}”：未导入（已取消）。").format(path.name)
    apply_checked(ctx.editor, plan, ctx.today())
    return _tr("“{0}”：{1}").format(path.name, plan.outcome)


def _receive(ctx: AppContext, path: Path, row: Submission | None, day: date) -> str:
    """A summary: kept for the unit of the row it fell on, received on `day`."""
    if row is None:
        return _tr("“{0}”：看起来是活动总结；请把它拖到对应单位的报送清单行上。").format(path.name)
    receipt = ctx.editor.receive_file(row.unit_id, path, day, SUMMARY_ITEM)
    return receipt.as_text()


def route_dropped(ctx: AppContext, paths: Sequence[Path], row: Submission | None,
                  parent: QWidget | None, review: Review, day: date | None = None) -> str:
    """Send each dropped file where it belongs (a summary received on `day`, the planning
    date without one); the report of all of them."""
    lines: list[str] = []
    seen: dict[str, str] = {}
    for path in paths:
        fingerprint = _fingerprint(path)
        if fingerprint is None:
            lines.append(_tr("“{0}”：不是文件，已跳过。").format(path.name))
            continue
        if fingerprint in seen:
            lines.append(_tr("“{0}”：与同时拖入的“{1}”内容相同，已跳过。").format(
                path.name, seen[fingerprint]))
            continue
        seen[fingerprint] = path.name
        try:
            returned = read_if_reply(ctx, path, row is not None)
            if returned is not None:
                lines.append(_import(ctx, returned, row, parent, review))
            else:
                lines.append(_receive(ctx, path, row, day or ctx.today()))
        except UserError as exc:
            lines.append(_tr("“{0}”：{1}").format(path.name, exc))
    return "\n".join(lines)
