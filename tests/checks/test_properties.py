"""Property tests: figures printed from consistent exact data never raise an error; one figure moved
beyond what rounding allows always does, and the message names it.

Exact amounts are whole 分 (0.01 元); each figure is printed in 元 or 万元 with 0–2 decimals, as the
disclosures do (half-up rounding, 四舍五入).
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from check_builders import direction, document, fig, pct, ratio, total
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.model import Role
from tui_review.checks.evaluate import evaluate
from tui_review.contracts.finding import Verdict
from tui_review.checks.intervals import MONEY_UNITS
from tui_review.config import Config

PACK = Config.default()
FEN = Decimal("0.01")

printing = st.tuples(st.sampled_from(["元", "万元"]), st.integers(0, 2))


def printed(exact_yuan: Decimal, unit: str, decimals: int) -> str:
    value = exact_yuan.scaleb(-MONEY_UNITS[unit]).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{value:f}"


def half_ulp_in(unit: str, decimals: int, target_unit: str) -> Decimal:
    return Decimal(5).scaleb(-(decimals + 1) + MONEY_UNITS[unit] - MONEY_UNITS[target_unit])


def shifted(text: str, unit: str, decimals: int, by: Decimal) -> str:
    """``text`` moved by at least ``by`` (in ``unit``), still printed with ``decimals``."""
    step = by.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_CEILING)
    return f"{Decimal(text) + step:f}"


def check(relation):
    return evaluate(relation, document(relation.figures()), PACK.rule(relation.rule))


amounts = st.lists(st.integers(0, 10**11), min_size=1, max_size=12)  # in 分, up to 10 亿元


@settings(max_examples=300, deadline=None)
@given(amounts, st.lists(printing, min_size=13, max_size=13))
def test_consistent_sums_are_never_errors(parts_fen, prints):
    parts = [Decimal(p) * FEN for p in parts_fen]
    (t_unit, t_dec), part_prints = prints[0], prints[1:]
    target = fig(printed(sum(parts), t_unit, t_dec), "合计", t_unit)
    terms = [fig(printed(p, u, d), f"项目{i}", u) for i, (p, (u, d)) in enumerate(zip(parts, part_prints))]
    finding = check(total(target, *terms))
    assert finding.holds, finding.message_zh


@settings(max_examples=300, deadline=None)
@given(amounts, st.lists(printing, min_size=13, max_size=13), st.data())
def test_one_figure_moved_beyond_rounding_is_an_error_naming_it(parts_fen, prints, data):
    parts = [Decimal(p) * FEN for p in parts_fen]
    (t_unit, t_dec), part_prints = prints[0], prints[1:len(parts) + 1]
    texts = [printed(sum(parts), t_unit, t_dec)] + [printed(p, u, d) for p, (u, d) in zip(parts, part_prints)]
    units = [(t_unit, t_dec)] + part_prints
    allowance = sum(half_ulp_in(u, d, t_unit) for u, d in units)  # in the total's unit
    moved = data.draw(st.integers(0, len(parts)), label="moved figure")  # 0 = the total
    unit, decimals = units[moved]
    # the total moves up, a part moves down: far enough that no rounding can explain it
    by = (2 * allowance).scaleb(MONEY_UNITS[t_unit] - MONEY_UNITS[unit]) + Decimal(1).scaleb(-decimals)
    texts[moved] = shifted(texts[moved], unit, decimals, by if moved == 0 else -by)
    target = fig(texts[0], "合计", t_unit)
    terms = [fig(t, f"项目{i}", u) for i, (t, (u, _)) in enumerate(zip(texts[1:], part_prints))]
    finding = check(total(target, *terms))
    assert (finding.severity, finding.verdict) == ("error", Verdict.FAILS), finding.message_zh
    if moved == 0:
        assert f"所列合计 {texts[0]}" in finding.message_zh
    else:  # a part moved below zero is written in brackets after an operator
        shown = texts[moved] if moved == 1 or not texts[moved].startswith("-") else f"({texts[moved]})"
        assert f"项目{moved - 1} {shown}" in finding.message_zh


rates = st.tuples(st.integers(10**8, 10**12), st.integers(10**8, 10**12))  # 100万元 … 100亿元, in 分


@settings(max_examples=300, deadline=None)
@given(rates, printing, printing, st.integers(0, 2), st.sampled_from(["growth", "share", "completion"]))
def test_consistent_rates_are_never_errors(pair, num_print, den_print, p_dec, rule):
    a, b = (Decimal(x) * FEN for x in pair)
    p = (a / b * 100).quantize(Decimal(1).scaleb(-p_dec), rounding=ROUND_HALF_UP)
    relation = ratio(pct(f"{p:f}", role=Role.COMPLETION), [fig(printed(a, *num_print), unit=num_print[0])],
                     [fig(printed(b, *den_print), unit=den_print[0])], rule=rule)
    assert check(relation).holds


@settings(max_examples=300, deadline=None)
@given(rates, printing, printing, st.integers(0, 2))
def test_a_rate_moved_beyond_rounding_is_an_error_naming_it(pair, num_print, den_print, p_dec):
    a, b = (Decimal(x) * FEN for x in pair)
    p = (a / b * 100).quantize(Decimal(1).scaleb(-p_dec), rounding=ROUND_HALF_UP)
    # a and b are printed to at least 100 units of their last place: the ratio is good to ~1%.
    # Moved by 2 points, not 1: a true 0.4999…% prints 0% and a printed 1% still covers 0.5%
    wrong = shifted(f"{p:f}", "%", p_dec, p * Decimal("0.05") + 2)
    relation = ratio(pct(wrong, "完成率", role=Role.COMPLETION), [fig(printed(a, *num_print), unit=num_print[0])],
                     [fig(printed(b, *den_print), unit=den_print[0])], rule="completion")
    finding = check(relation)
    assert (finding.severity, finding.verdict) == ("error", Verdict.FAILS), finding.message_zh
    assert f"所列完成率（完成率） {wrong}%" in finding.message_zh


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**11), st.integers(0, 10**11), printing, printing, printing)
def test_consistent_changes_and_directions_are_never_errors(cur_fen, prev_fen, cur_print, prev_print, ch_print):
    current, previous = Decimal(cur_fen) * FEN, Decimal(prev_fen) * FEN
    delta = current - previous
    sign = (delta > 0) - (delta < 0)
    change = fig(printed(abs(delta), *ch_print), "支出", ch_print[0], Role.CHANGE, sign=sign)
    cur = fig(printed(current, *cur_print), "支出", cur_print[0])
    prev = fig(printed(previous, *prev_print), "支出", prev_print[0], Role.PREVIOUS)
    assert check(total(change, cur, (prev, -1), rule="change")).holds
    assert check(direction(sign, (cur, 1), (prev, -1))).holds
