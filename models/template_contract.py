"""What the units' Excel template and its import agree on: marker, sheet names, limits."""
from __future__ import annotations

from models.entities import Campaign, Unit

MARKER_FORMAT = "metrology-day-template"
MARKER_VERSION = 1
DATA_SHEET = "活动安排"
HELP_SHEET = "填写说明"
MARKER_SHEET = "模板标记"
FIGURES_SHEET = "活动统计"
"""The second sheet: one row per figure (指标), its value typed by the unit."""
FIGURES_HEADER = ("指标", "计量单位", "数值", "说明")

MAX_TEXT = 2000
MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
MAX_UNPACKED = 300 * 1024 * 1024
MAX_COLUMNS = 52
"""Columns A–AZ: the template's six and ample room for a unit's own notes; a sheet whose
cells, or whose declared size, reach further is refused before it is read."""
MAX_CELLS = 1_000_000
"""Cells of one sheet, empty formatted ones included (100,000 rows of the template hold 600,000)."""
MAX_PART_BYTES = 16 * 1024 * 1024
"""Styles, the workbook's index and the like (a few hundred KB in real files), unpacked."""
MAX_MERGES = 10_000
MAX_MERGED_CELLS = 1_000_000
"""Merged ranges of one sheet, and the cells they cover together."""

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


def marker_rows(campaign: Campaign, unit: Unit) -> list[tuple[str, object]]:
    """The key/value pairs of a template's hidden marker sheet."""
    return [("format", MARKER_FORMAT), ("version", MARKER_VERSION), ("year", campaign.year),
            ("unit", unit.name), ("unit_short", unit.short_name),
            ("title", campaign.attachment_title)]
