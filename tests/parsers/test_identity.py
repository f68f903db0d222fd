"""Figure identities: resolved once after parsing, from the figure's words and its place."""

from __future__ import annotations

from parsers.text import parse_text


def test_every_figure_has_an_identity_with_its_scope_and_period():
    doc = parse_text(
        "2023 年度某某局（部门）预算\n第二部分 2023 年度部门预算情况说明\n"
        "六、一般公共预算基本支出预算情况说明\n（1）公务接待费（款）支出16万元，比上年增加2万元。\n"
        "七、一般公共预算“三公”经费支出预算情况说明\n公务接待费支出443.50万元。上年预算数为400.00万元。\n"
    )
    assert all(f.identity is not None for f in doc.figures)
    by_text = {f.text: f.identity for f in doc.figures}
    assert by_text["16"].parts == {"基本支出"} and by_text["443.50"].parts == {"三公"}
    assert by_text["16"].funds == by_text["443.50"].funds == {"一般公共预算"}
    assert (by_text["443.50"].stage, by_text["443.50"].year) == ("预算", 2023)
    assert by_text["400.00"].previous and by_text["400.00"].year == 2022
    assert by_text["2"].measure == "change"
    assert by_text["16"].why_not_same(by_text["443.50"]) is not None


def test_a_name_cut_inside_its_bracket_is_incomplete():
    doc = parse_text("2023 年度某某局（部门）决算\n第三部分 情况说明\n一、支出\n社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老（ 12.34万元。\n")
    (fig,) = [f for f in doc.figures if f.text == "12.34"]
    assert fig.identity is not None and not fig.identity.complete
