"""Numbers given in order for quantities named together are checked by position where one
sentence gives the amounts, the changes and the rates in matching order."""

from __future__ import annotations

from parsers.text import parse_text
from tui_review.relations import prose

FINAL = "某局2024年度部门决算\n一、收支总体情况\n"


def rates(text: str) -> dict[str, list[str]]:
    return {r.target.text: [t.figure.text for t in r.denominator] for r in prose.find(parse_text(FINAL + text + "\n")) if r.rule == "growth"}


def test_amounts_changes_and_rates_in_matching_order_are_paired_by_position():
    found = rates("2024年度收、支总计各是8975.3万元、10756.42万元，与上年相比，各增加1412.7万元、2062.79万元，增长18.68%、23.72%。")
    assert found == {"18.68": ["8975.3", "1412.7"], "23.72": ["10756.42", "2062.79"]}


def test_amounts_stated_one_by_one_under_the_names_the_series_lists_pair_too():
    found = rates("2024年度收入总计7562.45万元，支出总计6632.48万元，与2023年度相比，收入、支出总计各增加1412.7万元、2062.79万元，增长15.74%、23.72%。")
    assert found == {"15.74": ["7562.45", "1412.7"], "23.72": ["6632.48", "2062.79"]}


def test_series_of_different_lengths_or_without_amounts_pair_nothing():
    assert rates("收、支总计各增加1412.7万元、2062.79万元，增长15.74%、23.72%。") == {}
    assert rates("收、支总计各是8975.3万元、10756.42万元、5.00万元，各增加1412.7万元、2062.79万元，增长18.68%、23.72%。") == {}
