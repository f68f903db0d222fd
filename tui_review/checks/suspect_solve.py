"""Solving a relation for one of its figures: every value it could take for the relation to hold.

`needed_interval` is interval arithmetic on the other figures as printed (SUM exactly, RATIO with
the stated percentage's rounding set, DIRECTION as a half-line); `printed_value` picks the value
the figure would print at its own decimals; `changed` and `substituted` write that value into a
copy of the figure and of the relation, so the checks' own `evaluate` can confirm it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from parsers.model import Document, Figure
from tui_review.checks import figures as F
from tui_review.checks.intervals import (
    PERCENT,
    SIGNED_ROLES,
    Interval,
    convert,
    quantize,
    rounding_set,
    total,
)
from tui_review.config import Rule
from tui_review.contracts.relation import Relation, RelationKind, Term

INF = Decimal("Infinity")


def _unit(relation: Relation, doc: Document) -> str | None:
    # a ratio's target is a rate and a direction's a rate or a word: the unit is the terms'
    figures = relation.figures() if relation.kind is RelationKind.SUM else [
        t.figure for t in relation.terms + relation.denominator]
    return next((f.unit for f in figures if f.unit is not None), doc.unit)


def _box(fig: Figure, unit: str | None) -> Interval:
    if F.is_blank(fig):
        return Interval.point(Decimal(0))
    return Interval.of_figure(fig, unit)


def _coefficients(terms: Iterable[Term], skip: str) -> tuple[int, list[tuple[int, Figure]]]:
    """The net coefficient of figure ``skip`` in ``terms`` and the other terms."""
    own, rest = 0, []
    for term in terms:
        if term.figure.id == skip:
            own += term.coeff
        else:
            rest.append((term.coeff, term.figure))
    return own, rest


def _tolerance(rule: Rule, stated: Decimal) -> Decimal:
    return rule.abs_tolerance + rule.rel_tolerance * abs(stated)


def _mul(a: Interval, b: Interval) -> Interval:
    corners = [x * y for x in (a.lo, a.hi) for y in (b.lo, b.hi)]
    return Interval(min(corners), max(corners))


def _divide(a: Interval, k: int) -> Interval:
    return a.scale(1) if k == 1 else a.scale(-1) if k == -1 else _mul(a, Interval.point(Decimal(1) / Decimal(k)))


def needed_interval(relation: Relation, fig: Figure, doc: Document, rule: Rule) -> Interval | None:
    """Every signed value of ``fig`` (in its own unit) that lets ``relation`` hold, the other
    figures as printed; ``None`` when no value can (or ``fig`` does not move the relation)."""
    unit = _unit(relation, doc)
    try:
        if relation.kind is RelationKind.SUM:
            out = _solve_sum(relation, fig, unit, rule)
        elif relation.kind is RelationKind.RATIO:
            out = _solve_ratio(relation, fig, unit, rule)
        else:
            out = _solve_direction(relation, fig, unit, rule)
    except (ValueError, ArithmeticError):
        return None
    if out is None:
        return None
    if fig.unit != unit and unit is not None and fig.unit is not None and fig.unit != PERCENT:
        out = Interval(_convert(out.lo, unit, fig.unit), _convert(out.hi, unit, fig.unit))
    return out


def _convert(value: Decimal, unit: str, target: str) -> Decimal:
    return value if value.is_infinite() else convert(value, unit, target)


def _solve_sum(relation: Relation, fig: Figure, unit: str | None, rule: Rule) -> Interval | None:
    target = relation.target
    if target is None:
        return None
    # target − Σ coeff·term = 0, within the tolerance
    k, rest = _coefficients(relation.terms, fig.id)
    k = -k
    others = [(-c, _box(f, unit)) for c, f in rest]
    if target.id == fig.id:
        k += 1
    else:
        others.append((1, _box(target, unit)))
    if k == 0:
        return None
    extra = _tolerance(rule, F.signed(target))
    zero = Interval(-extra, extra)
    return _divide(zero - total(others), k)


def _solve_ratio(relation: Relation, fig: Figure, unit: str | None, rule: Rule) -> Interval | None:
    target = relation.target
    if target is None:
        return None
    stated = F.signed(target)
    extra = _tolerance(rule, stated)
    if target.id == fig.id:
        num = total([(t.coeff, _box(t.figure, unit)) for t in relation.terms])
        den = total([(t.coeff, _box(t.figure, unit)) for t in relation.denominator])
        quotient = num.divide(den)
        return None if quotient is None else quotient.scale(100).widen(extra)
    closure, _, _ = rounding_set(stated, target.decimals)
    ratio = _mul(closure.widen(extra), Interval.point(Decimal("0.01")))
    k_num, num_rest = _coefficients(relation.terms, fig.id)
    k_den, den_rest = _coefficients(relation.denominator, fig.id)
    if k_num == 0 and k_den == 0:
        return None
    n = total([(c, _box(f, unit)) for c, f in num_rest])
    d = total([(c, _box(f, unit)) for c, f in den_rest])
    # (k_num·x + n) = r·(k_den·x + d)  ⇒  x·(r·k_den − k_num) = n − r·d
    divisor = ratio.scale(k_den) - Interval.point(Decimal(k_num))
    return (n - _mul(ratio, d)).divide(divisor)


def _solve_direction(relation: Relation, fig: Figure, unit: str | None, rule: Rule) -> Interval | None:
    k, rest = _coefficients(relation.terms, fig.id)
    if k == 0 or relation.expected_sign is None:
        return None
    others = total([(c, _box(f, unit)) for c, f in rest])
    # sign(k·x + others) = expected; the bound is where the sum crosses 0
    if relation.expected_sign == 0:
        return _divide(-others, k)
    wanted = relation.expected_sign * (1 if k > 0 else -1)
    bound = _divide(-others, k)
    return Interval(bound.hi, INF) if wanted > 0 else Interval(-INF, bound.lo)


def printed_value(need: Interval, fig: Figure) -> Decimal:
    """The value ``fig`` would print, at its own decimals, nearest the middle of ``need``."""
    lo, hi = need.lo, need.hi
    step = Decimal(1).scaleb(-fig.decimals)
    if lo.is_infinite() and hi.is_infinite():
        return F.signed(fig)
    if lo.is_infinite():
        return quantize(hi, fig.decimals) - (step if quantize(hi, fig.decimals) >= hi else 0)
    if hi.is_infinite():
        return quantize(lo, fig.decimals) + (step if quantize(lo, fig.decimals) <= lo else 0)
    return quantize((lo + hi) / 2, fig.decimals)


def changed(fig: Figure, value: Decimal) -> Figure:
    """``fig`` printed as ``value`` (signed as its words would say it)."""
    sign = fig.sign
    if fig.role in SIGNED_ROLES:
        sign = -1 if value < 0 else (1 if value > 0 else fig.sign)
        value = abs(value)
    text = F.number(value.quantize(Decimal(1).scaleb(-fig.decimals)), F.grouped(fig))
    return replace(fig, value=value, text=text, sign=sign)


def substituted(relation: Relation, figures: dict[str, Figure]) -> Relation:
    def term(t: Term) -> Term:
        return Term(figures[t.figure.id], t.coeff) if t.figure.id in figures else t

    target = relation.target
    return replace(
        relation,
        target=figures.get(target.id, target) if target is not None else None,
        terms=[term(t) for t in relation.terms],
        denominator=[term(t) for t in relation.denominator],
    )
