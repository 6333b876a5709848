"""Suggested figures from each unit's newest received summary; nothing is stored here."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from importers.summary_text import summary_text
from models.entities import SUMMARY_ITEM, Unit
from models.errors import UserError
from models.figure_numbers import shown_value
from models.figure_suggest import Suggestion, is_choice, offers, suggest
from models.i18n import _tr

if TYPE_CHECKING:
    from models.editor import CampaignEditor


@dataclass(slots=True)
class UnitSuggestions:
    """What one unit's summary states: every statement found, the one per figure offered,
    or why the file gave nothing."""

    unit: Unit
    file_name: str
    found: list[Suggestion] = field(default_factory=list)
    problem: str = ""

    @property
    def by_figure(self) -> list[list[Suggestion]]:
        """What is offered for each figure stated (see figure_suggest.offers), in the
        figures' order."""
        return sorted(offers(self.found).values(), key=lambda o: o[0].figure.position)

    @property
    def offered(self) -> list[Suggestion]:
        """Every suggestion offered, figure by figure (several for a figure to choose)."""
        return [s for offered in self.by_figure for s in offered]

    @property
    def certain(self) -> list[Suggestion]:
        """The suggestions of figures with nothing to choose: what --accept stores."""
        return [o[0] for o in self.by_figure if not is_choice(o)]

    @property
    def to_choose(self) -> list[list[Suggestion]]:
        """The figures stated with several numbers, for the coordinator to choose."""
        return [o for o in self.by_figure if is_choice(o)]

    def as_text(self) -> str:
        """The unit's suggestions with their sentences, for the command line."""
        head = f"{self.unit.name}（{self.file_name}）"
        if self.problem:
            return head + "\n  " + _tr("无建议：{0}").format(self.problem)
        if not self.found:
            return head + "\n  " + _tr("无建议：总结中没有找到带计量单位的数字。")
        lines = [head]
        for offered in self.by_figure:
            if not is_choice(offered):
                s = offered[0]
                lines.append(f"  {s.figure.name}：{shown_value(s.value, s.approximate)}"
                             f"{s.figure.measure}")
                lines.append("    " + _tr("原句：{0}").format(s.sentence))
                continue
            figure = offered[0].figure
            lines.append("  " + _tr("{0}：总结中有 {1} 处不同的数字，没有合计，请选择其一"
                                    "（stats --set 填写）：").format(figure.name, len(offered) - (
                                        1 if offered[-1].summed else 0)))
            for number, s in enumerate(offered, start=1):
                amount = shown_value(s.value, s.approximate) + figure.measure
                if s.summed:
                    lines.append("    " + _tr("{0}）{1}（以上 {2} 处之和，若它们是不同的部分）")
                                 .format(number, amount, s.summed))
                else:
                    lines.append(f"    {number}）{amount}　" + _tr("原句：{0}").format(s.sentence))
        return "\n".join(lines)


def summary_suggestions(editor: CampaignEditor, item: str = SUMMARY_ITEM
                        ) -> list[UnitSuggestions]:
    """For each unit that sent a summary file, in official order: what its newest one states."""
    doc = editor.document
    figures = editor.figures()
    versions = editor.summary_versions()
    out: list[UnitSuggestions] = []
    for sub in doc.submissions():
        held = versions.get(sub.id or -1)
        unit = doc.unit(sub.unit_id)
        if sub.item != item or not held or unit is None:
            continue
        latest = held[-1]
        entry = UnitSuggestions(unit, latest.name)
        try:
            path = editor.archive.verified_content(latest)
            entry.found = suggest(summary_text(path, latest.kind, latest.name), figures)
        except (UserError, OSError) as exc:
            entry.problem = str(exc)
        out.append(entry)
    return out
