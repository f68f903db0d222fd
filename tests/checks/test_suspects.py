"""The suspect search: which figure is most likely wrong, and the groups of findings it explains."""

from __future__ import annotations

from decimal import Decimal

from tests.checks.check_builders import direction, document, fig, pct, ratio, total
from tui_review.checks.intervals import Interval
from tui_review.checks.suspect_solve import needed_interval
from tui_review.checks.suspects import MAX_SET
from tui_review.config import Rule
from tui_review.contracts.columns import json_record, sheet_row
from tui_review.contracts.finding import Judgement
from tui_review.engine import check_document


def _rule() -> Rule:
    return Rule.fallback("sum.parts")


def _suspects(report) -> list[list[set[str]]]:
    """Per group, its options as sets of figure ids."""
    return [[{f.figure_id for f in option} for option in g.suspect.options] for g in report.groups]


def test_a_figure_vouched_for_elsewhere_is_not_the_suspect():
    # 本年支出合计 2,679.01 = 1,995.06 + 349.51 + 100.00 + 244.44 fails by 10.00; the total is also
    # stated twice more (both agree), so the part 349.51 is the slip, not the total.
    parts = [fig("1,995.06", "一般公共服务支出"), fig("349.51", "社会保障和就业支出"),
             fig("100.00", "卫生健康支出"), fig("244.44", "住房保障支出")]
    stated = fig("2,679.01", "本年支出合计")
    repeats = [fig("2,679.01", "本年支出合计"), fig("2,679.01", "本年支出合计")]
    others = [fig("1,995.06", "一般公共服务支出"), fig("100.00", "卫生健康支出"), fig("244.44", "住房保障支出")]
    relations = [total(stated, *parts, rule="table.total")]
    relations += [total(r, stated, rule="repeat") for r in repeats]
    relations += [total(o, p, rule="table.cross") for o, p in zip(others, [parts[0], parts[2], parts[3]])]
    doc = document(parts + [stated] + repeats + others)
    report = check_document(doc, relations=relations)
    assert _suspects(report) == [[{parts[1].id}]]
    suspect = report.groups[0].suspect.options[0][0]
    assert suspect.needed == "339.51"
    assert "可能有误：应为 339.51" in report.groups[0].suspect.message_zh


def test_one_slip_in_prose_is_one_group_of_three_findings():
    # 基本支出 2212.22 for 2122.22: the sum, the share and the table agreement all fail; only the
    # slip is in all three.
    basic, project, whole = fig("2212.22", "基本支出"), fig("562.96", "项目支出"), fig("2685.18", "本年支出合计")
    share = pct("79.03", "基本支出", role=pct("1").role.SHARE)
    cell = fig("2,122.22", "基本支出")
    relations = [total(whole, basic, project), ratio(share, [basic], [whole], rule="share"),
                 total(basic, cell, rule="prose.table")]
    report = check_document(document([basic, project, whole, share, cell]), relations=relations)
    assert len(report.groups) == 1
    group = report.groups[0]
    assert _suspects(report) == [[{basic.id}]] and len(group.members) == 3
    assert group.suspect.options[0][0].needed == "2122.22"
    assert {f.group for f in report.failing() if f.verdict == "fails"} == {group.group_id}


def test_two_figures_that_must_change_together_are_one_suspect():
    # the same cell printed twice in a row (合计 = 一般公共预算) and both wrong: changing one alone
    # would break their agreement, so the pair is the explanation.
    a1, a2 = fig("349.51", "社保（合计）"), fig("349.51", "社保（一般公共预算）")
    t1, t2 = fig("2,679.01", "合计"), fig("2,679.01", "一般公共预算")
    o1, o2 = fig("2,339.50", "其他（合计）"), fig("2,339.50", "其他（一般公共预算）")
    other = fig("339.51", "社保（公开05表）")
    relations = [total(t1, a1, o1, rule="table.total"), total(t2, a2, o2, rule="table.total"),
                 total(a1, a2, rule="table.row"), total(other, a2, rule="table.cross"),
                 total(t1, t2, rule="table.row"), total(o1, o2, rule="table.row")]
    report = check_document(document([a1, a2, t1, t2, o1, o2, other]), relations=relations)
    assert _suspects(report) == [[{a1.id, a2.id}]]
    assert [f.needed for f in report.groups[0].suspect.options[0]] == ["339.51", "339.51"]
    assert len(report.groups[0].members) == 3


def test_a_tie_is_reported_as_a_tie():
    # two tables disagree and nothing else speaks for either: both are named, neither is chosen
    a, b = fig("349.51", "社保"), fig("339.51", "社保")
    report = check_document(document([a, b]), relations=[total(a, b, rule="table.cross")])
    options = _suspects(report)[0]
    assert sorted(map(sorted, options)) == sorted([[a.id], [b.id]])
    assert "或" in report.groups[0].suspect.message_zh and "没有多数" in report.groups[0].suspect.message_zh


def test_independent_slips_are_separate_groups():
    a, b, c = fig("10.00"), fig("20.00"), fig("31.00", "合计")
    c2 = fig("30.00", "合计")
    d, e, f = fig("1.00"), fig("2.00"), fig("4.00", "小计")
    f2 = fig("3.00", "小计")
    relations = [total(c, a, b), total(c2, a, b, rule="table.total"), total(f, d, e), total(f2, d, e, rule="table.total")]
    report = check_document(document([a, b, c, c2, d, e, f, f2]), relations=relations)
    assert sorted(sorted(map(sorted, g)) for g in _suspects(report)) == [[[c.id]], [[f.id]]]


def test_no_single_culprit_past_the_bound():
    # MAX_SET + 1 independent failures that share one holding relation: the cheapest explanation
    # needs more figures than the search may change
    parts = [fig(f"{i}.00") for i in range(1, MAX_SET + 3)]
    wrong = [fig(f"{i + 50}.00", "合计") for i in range(1, MAX_SET + 3)]
    whole = fig(f"{sum(range(1, MAX_SET + 3))}.00", "总计")
    relations = [total(w, p, rule="table.cross") for w, p in zip(wrong, parts)]
    relations.append(total(whole, *parts, rule="table.total"))  # holds, links the failures
    report = check_document(document(parts + wrong + [whole]), relations=relations)
    assert len(report.groups) == 1
    assert report.groups[0].suspect.options == ()
    assert "无法确定单一可疑数字" in report.groups[0].suspect.message_zh


def test_needed_value_of_each_kind():
    rule = _rule()
    doc = document()
    a, b, s = fig("10.00"), fig("20.00"), fig("35.00")
    relation = total(s, a, b)
    assert needed_interval(relation, a, doc, rule) == Interval(Decimal("14.99"), Decimal("15.01"))
    assert needed_interval(relation, s, doc, rule) == Interval(Decimal("29.99"), Decimal("30.01"))
    # growth 12.00% = change ÷ (current − change): the change that fits, at 100.00 current
    cur, chg, growth = fig("100.00"), fig("10.00", role=pct("1").role.CHANGE), pct("12.00")
    need = needed_interval(ratio(growth, [chg], [cur, (chg, -1)]), chg, doc, rule)
    assert need is not None and need.contains(Decimal("10.7143")) and need.hi - need.lo < Decimal("0.02")
    # 大于: current − previous must be > 0; the previous must be below the current
    cur2, prev = fig("50.00"), fig("60.00", role=pct("1").role.PREVIOUS)
    need = needed_interval(direction(1, (cur2, 1), (prev, -1)), prev, doc, rule)
    assert need is not None and need.hi <= Decimal("50.01") and need.lo.is_infinite()


def test_findings_and_outputs_carry_the_group():
    basic, project, whole = fig("2212.22", "基本支出"), fig("562.96", "项目支出"), fig("2685.18", "本年支出合计")
    cell = fig("2,122.22", "基本支出")
    relations = [total(whole, basic, project), total(basic, cell, rule="prose.table")]
    report = check_document(document([basic, project, whole, cell]), relations=relations)
    member = next(f for f in report.failing() if f.rule == "prose.table")
    data = json_record(member, Judgement())
    assert data["group"] == report.groups[0].group_id
    assert data["suspect"]["text"] == "2212.22" and data["suspect"]["needed"] == "2122.22"
    assert sheet_row(member, Judgement(), "en")["group"] == report.groups[0].group_id


def test_relations_that_hold_have_no_group():
    a, b, s = fig("10.00"), fig("20.00"), fig("30.00")
    report = check_document(document([a, b, s]), relations=[total(s, a, b)])
    assert report.groups == [] and all(f.group == "" and f.suspect is None for f in report.findings)


def test_a_slip_beside_an_unexplained_tangle_is_still_named():
    # five cross-table failures no three figures explain (the tangle), linked through a holding
    # total; a slip (16.00 for 15.00, stated twice elsewhere) tied to them by a holding 大于
    parts = [fig(f"{i}.00") for i in range(1, MAX_SET + 3)]
    wrong = [fig(f"{i + 50}.00", "合计") for i in range(1, MAX_SET + 3)]
    whole = fig(f"{sum(range(1, MAX_SET + 3))}.00", "总计")
    slip, r1, r2 = fig("16.00", "收入"), fig("15.00", "收入"), fig("15.00", "收入")
    relations = [total(w, p, rule="table.cross") for w, p in zip(wrong, parts)]
    relations += [total(whole, *parts, rule="table.total"), total(r1, slip, rule="repeat"),
                  total(r2, slip, rule="repeat"), direction(1, (slip, 1), (parts[0], -1))]
    report = check_document(document([*parts, *wrong, whole, slip, r1, r2]), relations=relations)
    named = [g for g in report.groups if g.suspect.options]
    assert [[{f.figure_id for f in o} for o in g.suspect.options] for g in named] == [[{slip.id}]]
    assert named[0].suspect.options[0][0].needed == "15.00" and len(named[0].members) == 2
    tangle = [g for g in report.groups if not g.suspect.options]
    assert len(tangle) == 1 and len(tangle[0].members) == len(wrong)


def test_a_tie_is_broken_by_a_sum_whose_total_is_below_a_part():
    # 3467.50 (a part printed ×10) and 346.75 disagree; the total it belongs to is below it, so
    # that sum fails only as a warning (the binding may be wrong) — but only changing 3467.50
    # makes both hold
    slip, other = fig("3467.50", "事业运行"), fig("346.75", "事业运行")
    whole, rest = fig("1627.50", "一般公共服务"), fig("1280.75", "行政运行")
    relations = [total(other, slip, rule="table.cross"), total(whole, slip, rest, rule="table.hierarchy")]
    report = check_document(document([slip, other, whole, rest]), relations=relations)
    assert any(f.rule == "table.hierarchy" and f.severity == "warning" for f in report.findings)
    assert _suspects(report) == [[{slip.id}]]
    assert report.groups[0].suspect.options[0][0].needed == "346.75"
