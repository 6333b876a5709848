"""Figures read from summaries: numbers as written (余/约/近, 1,200, 一千二百, 1.2万) and the
22 hand-written summaries of tests/data/summaries, against the figures written down by hand."""
from __future__ import annotations

import json

import pytest

from models.entities import Figure
from models.figure_numbers import ValueRefused, chinese_number, parse_value
from models.figure_suggest import offers, suggest
from tests.conftest import REPO

FOLDER = REPO / "tests" / "data" / "summaries"
EXPECTED: dict[str, dict[str, str]] = json.loads(
    (FOLDER / "expected.json").read_text(encoding="utf-8"))
FIGURES = [Figure(name, measure, True, i, 1, i) for i, (name, measure) in enumerate(
    [("开展活动", "场"), ("参与群众", "人次"), ("发放宣传资料", "份"),
     ("免费检定检测计量器具", "台件"), ("媒体报道", "篇"), ("组织收看", "人次")], 1)]


@pytest.mark.parametrize(("text", "value", "mark"), [
    ("1200", 1200, ""), ("1,200", 1200, ""), ("1，200", 1200, ""), ("约500", 500, "约"),
    ("1000余", 1000, "余"), ("100多", 100, "多"), ("近2000", 2000, "近"),
    ("一千二百余", 1200, "余"), ("两千", 2000, ""), ("1.2万", 12000, ""), (" 0 ", 0, ""),
    ("10000000", 10_000_000, ""),
])
def test_typed_values_are_read_with_their_mark(text, value, mark):
    assert parse_value(text) == (value, mark)


@pytest.mark.parametrize(("text", "reason"), [
    ("abc", "不是数量"), ("", "不是数量"), ("12.5", "不是数量"), ("-5", "负数"),
    ("－30", "负数"), ("10000001", "超过"), ("021-64701234", "不是数量"),
])
def test_values_that_are_no_count_are_refused_saying_why(text, reason):
    with pytest.raises(ValueRefused, match=reason):
        parse_value(text)


@pytest.mark.parametrize(("text", "value"), [
    ("一千二百", 1200), ("一千二", 1200), ("十五", 15), ("二十", 20), ("三百一十五", 315),
    ("一千零五", 1005), ("两万三千", 23000), ("三万五", 35000), ("千", 1000), ("一二", None),
])
def test_chinese_numerals(text, value):
    assert chinese_number(text) == value


def _offered(name: str) -> dict[str, list[tuple[int, str]]]:
    """What is offered per figure for a summary of the corpus: one value, or the choices."""
    text = (FOLDER / name).read_text(encoding="utf-8")
    return {o[0].figure.name: [(s.value, s.approximate) for s in o]
            for o in offers(suggest(text, FIGURES)).values()}


def test_the_corpus_has_at_least_twenty_summaries_each_with_figures_written_by_hand():
    assert len(EXPECTED) >= 20
    assert all((FOLDER / name).is_file() and figures for name, figures in EXPECTED.items())


def test_every_stated_figure_is_found_and_every_single_suggestion_is_right():
    right = wrong = missed = 0
    choices = []
    for name, figures in EXPECTED.items():
        want = {figure: parse_value(text) for figure, text in figures.items()}
        got = _offered(name)
        missed += sum(1 for f, v in want.items() if v not in got.get(f, []))
        for figure, offered in got.items():
            if len(offered) > 1:
                choices.append((name, figure))
            elif want.get(figure) == offered[0]:
                right += 1
            else:
                wrong += 1
    assert missed == 0                        # recall 1.0: the right value is always offered
    assert wrong == 0                         # precision 1.0 where nothing is to be chosen
    # the one figure stated twice without a total: two events of 14_qingpu.txt, to choose
    assert choices == [("14_qingpu.txt", "免费检定检测计量器具")]


def test_no_date_phone_number_or_ordinal_is_ever_suggested():
    for name, figures in EXPECTED.items():
        want = {figure: parse_value(text)[0] for figure, text in figures.items()}
        for s in suggest((FOLDER / name).read_text(encoding="utf-8"), FIGURES):
            # every statement is the figure or a part of it (800份 of 共计1000份), never
            # a figure nobody stated (a date, a phone number, 第22个, 12315)
            assert s.figure.name in want, (name, s)
            assert s.value <= want[s.figure.name], (name, s)


def test_each_suggestion_shows_the_sentence_it_comes_from():
    text = (FOLDER / "01_huangpu.txt").read_text(encoding="utf-8")
    [material] = [s for s in suggest(text, FIGURES) if s.figure.name == "发放宣传资料"]
    assert material.sentence.startswith("活动期间共发放计量宣传彩页等资料1000余份")
    assert "第22个" not in material.sentence


def test_a_figure_of_the_coordinators_own_is_found_by_its_name_and_measure():
    own = Figure("发放环保袋", "个", True, 7, 1, 7)
    found = suggest("现场向市民发放环保袋300个，第5个展台设在入口。", [*FIGURES, own])
    assert [(s.figure.name, s.value) for s in found] == [("发放环保袋", 300)]


def test_sentences_broken_across_pdf_lines_are_joined():
    found = suggest("为企业免费校准\n计量器具86 台件，发放宣传资料 300 份。", FIGURES)
    assert {(s.figure.name, s.value) for s in found} == {("免费检定检测计量器具", 86),
                                                        ("发放宣传资料", 300)}


def test_a_long_sentence_is_shown_around_its_number():
    text = (FOLDER / "03_changning.txt").read_text(encoding="utf-8")
    [people] = [s for s in suggest(text, FIGURES) if s.figure.name == "参与群众"]
    assert people.sentence.startswith("5月18日")
    assert people.excerpt().startswith("…") and "接待群众咨询二百余人次" in people.excerpt()


TWICE = ("5月20日在社区现场检测血压计56台，发放资料200份。"
         "5月19日在农贸市场义务检定计量器具80台件。")


def test_a_figure_stated_twice_without_a_total_is_offered_both_ways_and_their_sum():
    [offered] = [o for o in offers(suggest(TWICE, FIGURES)).values()
                 if o[0].figure.name == "免费检定检测计量器具"]
    assert [(s.value, s.summed) for s in offered] == [(56, 0), (80, 0), (136, 2)]
    assert offered[0].sentence.startswith("5月20日在社区现场检测血压计56台")
    assert offered[1].sentence.startswith("5月19日在农贸市场义务检定计量器具80台件")


def test_a_part_after_qizhong_is_not_offered_beside_its_whole():
    found = suggest("免费检测计量器具136台件。其中血压计56台。", FIGURES)
    [offered] = offers(found).values()
    assert [s.value for s in offered] == [136]


def test_a_total_and_the_same_number_again_leave_nothing_to_choose():
    found = suggest("共发放资料300份。活动现场发放资料120份。再次统计，发放资料300份。", FIGURES)
    assert [[s.value for s in o] for o in offers(found).values()] == [[300]]


def test_the_command_line_offers_the_choices_and_accepts_only_what_needs_none():
    from importers.summary_figures import UnitSuggestions
    from models.entities import Unit, UnitKind
    entry = UnitSuggestions(Unit("青浦区市场监管局", "青浦", UnitKind.DISTRICT, 14, 14), "青浦总结.docx",
                            found=suggest(TWICE, FIGURES))
    text = entry.as_text()
    assert "免费检定检测计量器具：总结中有 2 处不同的数字" in text
    assert "1）56台件" in text and "2）80台件" in text and "3）136台件（以上 2 处之和" in text
    assert [(s.figure.name, s.value) for s in entry.certain] == [("发放宣传资料", 200)]
