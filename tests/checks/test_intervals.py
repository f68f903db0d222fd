"""Interval arithmetic on printed figures: radii, exact unit conversion, outward division, rounding."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction
from itertools import product

import pytest
from check_builders import fig, pct

from parsers.model import Role
from tui_review.checks.intervals import Interval, convert, quantize, ratio_range, rounds_to


def test_a_figure_stands_for_half_a_unit_in_its_last_place():
    assert Interval.of_figure(fig("354.72")) == Interval(D("354.715"), D("354.725"))
    assert Interval.of_figure(fig("2")) == Interval(D("1.5"), D("2.5"))
    assert Interval.of_figure(fig("7.8")) == Interval(D("7.75"), D("7.85"))


def test_units_convert_exactly():
    in_yuan = Interval.of_figure(fig("213.28", unit="万元"), "元")
    assert in_yuan == Interval(D("2132750"), D("2132850"))
    in_wan = Interval.of_figure(fig("2,132,777.54", unit="元"), "万元")
    assert in_wan == Interval(D("213.2777535"), D("213.2777545"))
    assert convert(D("1.5"), "亿元", "万元") == D("15000")
    assert Interval.of_figure(pct("14.81")) == Interval(D("14.805"), D("14.815"))  # percent stays percent


def test_changes_and_growth_are_signed_by_their_words():
    assert Interval.of_figure(fig("8.31", role=Role.CHANGE, sign=-1)) == Interval(D("-8.315"), D("-8.305"))
    assert Interval.of_figure(pct("16.79", sign=-1)) == Interval(D("-16.795"), D("-16.785"))
    assert Interval.of_figure(fig("0", role=Role.CHANGE, sign=0)) == Interval.point(D(0))


def test_sum_difference_and_scale():
    a, b = Interval(D("1.5"), D("2.5")), Interval(D("0.995"), D("1.005"))
    assert a + b == Interval(D("2.495"), D("3.505"))
    assert a - b == Interval(D("0.495"), D("1.505"))
    assert a.scale(-1) == Interval(D("-2.5"), D("-1.5"))
    assert a.widen(D("0.1")) == Interval(D("1.4"), D("2.6"))


def test_division_is_undefined_over_zero_and_rounds_outwards():
    assert Interval(D(1), D(2)).divide(Interval(D("-0.5"), D("0.5"))) is None
    third = Interval.point(D(1)).divide(Interval.point(D(3)))
    assert third.lo < third.hi  # 1/3 is not a Decimal: the bounds bracket it
    assert Fraction(third.lo) <= Fraction(1, 3) <= Fraction(third.hi)


def test_intersects_is_closed():
    assert Interval(D(1), D(2)).intersects(Interval(D(2), D(3)))
    assert not Interval(D(1), D(2)).intersects(Interval(D("2.001"), D(3)))


def test_rounds_to_follows_the_domain_rule():
    # "完成年初预算的98%" for 97.64%: holds at 0 decimals
    assert rounds_to(Interval(D("97.63"), D("97.65")), D(98), 0)
    assert not rounds_to(Interval(D("97.40"), D("97.49")), D(98), 0)
    assert rounds_to(Interval(D("97.5"), D("97.5")), D(98), 0)  # 四舍五入: 97.5 → 98
    assert not rounds_to(Interval(D("98.5"), D("98.6")), D(98), 0)  # 98.5 → 99
    assert rounds_to(Interval(D("-16.785"), D("-16.785")), D("-16.79"), 2)  # halves round away from 0
    assert not rounds_to(Interval(D("0.5"), D("0.7")), D(0), 0)
    assert quantize(D("2.345"), 2) == D("2.35") and quantize(D("-2.345"), 2) == D("-2.35")


@pytest.mark.parametrize("change, narrower", [("-8.31", True), ("8.31", False), ("0.44", False)])
def test_ratio_range_with_a_shared_figure_is_the_exact_range(change, narrower):
    """growth = change ÷ (current − change): the change sits on both sides, so naive interval
    division may overstate the range (for a decrease it does)."""
    boxes = {"cur": Interval(D("41.165"), D("41.175")),
             "ch": Interval(D(change) - D("0.005"), D(change) + D("0.005"))}
    exact = ratio_range({"ch": 1}, {"cur": 1, "ch": -1}, boxes)
    corners = [Fraction(ch) / (Fraction(cur) - Fraction(ch))
               for cur, ch in product((boxes["cur"].lo, boxes["cur"].hi), (boxes["ch"].lo, boxes["ch"].hi))]
    assert Fraction(exact.lo) <= min(corners) and Fraction(exact.hi) >= max(corners)
    assert Fraction(exact.hi) - max(corners) < Fraction(1, 10**20)
    naive = boxes["ch"].divide(boxes["cur"] - boxes["ch"])
    assert naive.lo <= exact.lo and exact.hi <= naive.hi
    assert ((naive.hi - naive.lo) > (exact.hi - exact.lo)) is narrower


def test_ratio_range_is_undefined_when_the_denominator_may_be_zero():
    boxes = {"a": Interval(D("1.5"), D("2.5")), "b": Interval(D("-0.5"), D("0.5"))}
    assert ratio_range({"a": 1}, {"b": 1}, boxes) is None
