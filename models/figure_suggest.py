"""Figures suggested from a summary's text: a number with its measure word, mapped to a
figure by the words around it (资料 … 份 → 发放宣传资料). Only suggestions; nothing stored."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from models.entities import Figure
from models.figure_numbers import ARABIC_NUMERAL, MAX_VALUE, number_value, total_mark


@dataclass(frozen=True, slots=True)
class Rule:
    """How a figure is stated: the words naming it and the measure words it is counted in."""

    keywords: tuple[str, ...]
    measures: tuple[str, ...]
    verbs_after: tuple[str, ...] = ()
    """Words that name the figure from after the number and outweigh any before it
    (组织师生150人观看直播: the people are viewers, not visitors)."""


RULES: dict[str, Rule] = {
    "开展活动": Rule(("活动", "讲座", "开放日", "培训", "宣传", "进社区", "进校园", "进企业",
                    "咨询会", "义诊"), ("场", "次", "项", "期")),
    "参与群众": Rule(("咨询", "群众", "市民", "受众", "居民", "消费者", "参与", "参观", "接待",
                    "观众", "听众", "惠及", "覆盖", "游客", "旅客", "师生", "学生", "人群"),
                   ("人次", "人", "名")),
    "发放宣传资料": Rule(("资料", "彩页", "手册", "折页", "宣传册", "宣传单", "海报", "材料",
                      "读本", "画册", "宣传品"), ("份", "册", "本", "张", "套")),
    "免费检定检测计量器具": Rule(("检定", "检测", "校准", "器具"),
                           ("台件", "台套", "台", "件", "只", "支", "把", "副", "具")),
    "媒体报道": Rule(("报道", "推文", "新闻", "媒体", "刊发", "刊登", "转载", "公众号", "信息",
                    "稿件", "专题"), ("篇", "条", "次", "期")),
    "组织收看": Rule(("收看", "观看", "直播", "云上", "线上", "在线"), ("人次", "人", "名"),
                   ("收看", "观看")),
}
"""Rules of the default figures; any other figure is found by its own name and measure."""

MEASURES = sorted({m for rule in RULES.values() for m in rule.measures} | {"家", "个"},
                  key=len, reverse=True)
_CHINESE = "(?:[一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万]*)"
NUMBER = re.compile(
    rf"(?P<pre>约|近|逾|超过|达|共计?|累计|合计)?"
    rf"(?P<num>(?:{ARABIC_NUMERAL})[万千百]?|{_CHINESE})"
    rf"(?P<post>余|多)?(?P<measure>{{measures}})")
CLAUSE_END = "，,。；;！!？?\n：:（）()"
NOT_A_COUNT_BEFORE = ("第", "-", "－", "—", "·", "/", ".", "：", ":")
"""A number right after these is an ordinal (第22个), part of a phone number or a date."""
NOT_A_COUNT_AFTER = ("月", "日", "年", "号", "时", "点", "%", "％", "个世界计量日", "-", "－")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A figure a sentence states: the value, its approximate mark and the sentence."""

    figure: Figure
    value: int
    approximate: str
    sentence: str
    total: bool = False
    """Stated as a total (共, 累计, 合计): preferred over the other statements of the figure."""
    at: int = 0
    """Where in the sentence the number stands."""
    summed: int = 0
    """For the sum of several statements offered as a choice: how many (else 0)."""

    def excerpt(self, around: int = 40) -> str:
        """The words around the number, for a narrow column (…为社区居民免费检测…120台件…)."""
        start, end = max(0, self.at - around), self.at + around // 2
        return (("…" if start else "") + self.sentence[start:end]
                + ("…" if end < len(self.sentence) else ""))


def _rule_of(figure: Figure) -> Rule:
    """The figure's rule: the built-in one for a default name, else its name and measure."""
    rule = RULES.get(figure.name)
    if rule is not None:
        return Rule(rule.keywords, tuple(dict.fromkeys((figure.measure, *rule.measures))),
                    rule.verbs_after)
    return Rule((figure.name,), (figure.measure,) if figure.measure else ())


def _number_pattern(figures: Sequence[Figure]) -> re.Pattern[str]:
    """The pattern of a number with one of the figures' measure words."""
    measures = set(MEASURES) | {m for f in figures for m in _rule_of(f).measures if m}
    alternatives = "|".join(re.escape(m) for m in sorted(measures, key=len, reverse=True))
    return re.compile(NUMBER.pattern.replace("{measures}", alternatives))


_WRAPPED_LINE = re.compile(r"^([^\n]*[，；,][^\n]*[^\x00-\x7f\n。！？；：])\n(?=[^\x00-\x7f])",
                          re.MULTILINE)
"""A line of running text (it has a comma) cut by the PDF's line wrap, not at a sentence's
end: joined to the next. A heading (no comma) stays a line of its own."""


def sentences(text: str) -> list[str]:
    """A summary's text cut into sentences (at 。！？；, line ends kept inside paragraphs)."""
    text = re.sub(r"(?<=[^\x00-\x7f])[ \t\u3000]+|[ \t\u3000]+(?=[^\x00-\x7f])", "", text)
    text = _WRAPPED_LINE.sub(lambda m: m[1], text)
    parts = re.split(r"(?<=[。！？!?；;])|\n+", text)
    return [p.strip() for p in parts if p and p.strip()]


def _clause_before(sentence: str, start: int, floor: int) -> str:
    """The words from the last clause mark (or the previous number) to the number."""
    cut = max(floor, max((sentence.rfind(c, 0, start) for c in CLAUSE_END), default=-1) + 1)
    return sentence[cut:start]


def _clause_after(sentence: str, end: int) -> str:
    """The words from after the measure word to the next clause mark."""
    stops = [i for i in (sentence.find(c, end) for c in CLAUSE_END) if i >= 0]
    return sentence[end:min(stops, default=len(sentence))]


def _best_figure(figures: Sequence[Figure], measure: str, before: str, after: str
                 ) -> Figure | None:
    """The figure whose word stands nearest the number, among those counted in the measure."""
    best: tuple[int, int, Figure] | None = None
    for order, figure in enumerate(figures):
        rule = _rule_of(figure)
        if measure not in rule.measures:
            continue
        if any(verb in after for verb in rule.verbs_after):
            return figure
        for keyword in rule.keywords:
            distances = []
            at = before.rfind(keyword)
            if at >= 0:
                distances.append(len(before) - at - len(keyword))
            at = after.find(keyword)
            if at >= 0:
                distances.append(at + 20)   # words after the number count less
            if distances and (best is None or (min(distances), order) < best[:2]):
                best = (min(distances), order, figure)
    return best[2] if best else None


def _is_count(sentence: str, match: re.Match[str]) -> bool:
    """False for an ordinal, a date, a phone or code number, a percentage or a year."""
    start, end = match.start("num"), match.end("num")
    before = sentence[max(0, start - 1):start]
    if not match["pre"] and before and before in NOT_A_COUNT_BEFORE:
        return False
    if not match["pre"] and start > 0 and sentence[start - 1].isdigit():
        return False
    if sentence.startswith(NOT_A_COUNT_AFTER, end) and not match["post"]:
        return False
    digits = match["num"].replace(",", "").replace("，", "")
    return not (digits.isdigit() and len(digits) >= 7 and "," not in match["num"])


def suggest(text: str, figures: Sequence[Figure]) -> list[Suggestion]:
    """Every figure a text states, sentence by sentence, in reading order."""
    pattern = _number_pattern(figures)
    found: list[Suggestion] = []
    for sentence in sentences(text):
        floor = 0
        for match in pattern.finditer(sentence):
            if not _is_count(sentence, match):
                floor = match.end()
                continue
            value = number_value(match["num"])
            if value is None or value > MAX_VALUE:
                floor = match.end()
                continue
            before = _clause_before(sentence, match.start(), floor)
            after = _clause_after(sentence, match.end())
            figure = _best_figure(figures, match["measure"], before, after) or _best_figure(
                figures, match["measure"], sentence[floor:match.start()], "")
            floor = match.end()
            if figure is None:
                continue
            pre = match["pre"] or ""
            mark = match["post"] or (pre if pre in ("约", "近") else "")
            if pre in ("逾", "超过"):
                mark = "余"
            total = (pre in ("共", "共计", "累计", "合计") or "共" in before
                     or any(w in sentence[:match.start()] for w in LIST_TOTAL_WORDS))
            found.append(Suggestion(figure, value, mark, sentence, total, match.start()))
    return found


LIST_TOTAL_WORDS = ("累计", "合计", "总计", "据统计")
"""Words that make every figure after them in the sentence a total (全区累计开展活动42场，参与
群众1.2万人次): 共 reaches only its own clause (活动共设咨询点2个，发放资料480份)."""

PART_WORDS = ("其中", "包括", "含")
"""A number after these in its sentence is a part of one already stated (其中血压计56台)."""


def _key(s: Suggestion) -> int:
    """The figure a suggestion is for, also for a figure not yet stored (no id)."""
    return s.figure.id if s.figure.id is not None else -1 - s.figure.position


def offers(suggestions: Sequence[Suggestion]) -> dict[int, list[Suggestion]]:
    """What to offer per figure id. A figure stated as a total (共, 累计): that total alone. A
    figure stated once (or the same number again): that statement. A figure stated with
    different numbers and no total (现场检测血压计56台 … 义务检定计量器具80台件): every
    statement (leaving out those after 其中, parts of another), and their sum as one more
    choice when they stand in different sentences — the text cannot tell two parts from a
    restatement, so the coordinator chooses; nothing is picked for them."""
    grouped: dict[int, list[Suggestion]] = {}
    for s in suggestions:
        grouped.setdefault(_key(s), []).append(s)
    out: dict[int, list[Suggestion]] = {}
    for key, stated in grouped.items():
        totals = [s for s in stated if s.total]
        if totals:
            out[key] = totals[:1]
            continue
        first: dict[int, Suggestion] = {}
        for s in stated:
            first.setdefault(s.value, s)
        wholes = [s for s in first.values() if not any(w in s.sentence[:s.at] for w in PART_WORDS)]
        distinct = wholes or list(first.values())    # 其中血压计56台 is in the whole already
        out[key] = list(distinct)
        if len(distinct) > 1 and len({s.sentence for s in distinct}) == len(distinct):
            out[key].append(Suggestion(
                distinct[0].figure, sum(s.value for s in distinct),
                total_mark([s.approximate for s in distinct]),
                " + ".join(s.sentence for s in distinct), total=True, summed=len(distinct)))
    return out


def is_choice(offered: Sequence[Suggestion]) -> bool:
    """Whether the coordinator has to choose among what is offered for a figure."""
    return len(offered) > 1
