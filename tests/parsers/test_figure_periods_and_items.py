"""A figure's period and subject where a sentence compares with a named year and lists ；-items
whose explanations run between them (the wording of Chongqing's 2018 department budgets)."""

from __future__ import annotations

from parsers.model import Role
from parsers.text import parse_text

DOC = "某某委员会2018年部门预算情况说明\n二、部门预算情况说明\n"


def figures(text: str) -> dict[str, tuple[Role, str]]:
    doc = parse_text(DOC + text + "\n")
    return {f.text: (f.role, f.subject) for f in doc.figures}


def test_a_year_named_as_the_base_of_a_comparison_is_not_the_period_of_later_figures():
    found = figures(
        "其中：因公出国（境）费60万元，比2017年减少25.36万元，公务接待费290.5万元，比2017年减少26.7万元。"
    )
    assert found["290.5"] == (Role.AMOUNT, "公务接待费")  # not a 2017 figure: 比2017年 compared
    labelled = figures("2017年公务接待费317.2万元，2018年预算290.5万元。")
    assert labelled["317.2"][0] == Role.PREVIOUS  # a year labelling its figure still names the period


def test_an_explanation_ends_with_its_item_and_the_next_item_states_its_own_quantity():
    found = figures(
        "其中：基本支出61042.17万元，比2017年增加4824.58万元，主要原因是公用经费定额调标等,主要用于保障在职人员工资福利;"
        "项目支出263928.15万元，比2017年减少150086.1万元，主要原因是支出结构调整。"
    )
    assert found["4824.58"] == (Role.CHANGE, "基本支出")
    assert found["150086.1"] == (Role.CHANGE, "项目支出")
