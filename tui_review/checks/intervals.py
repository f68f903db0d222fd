"""Closed intervals over `Decimal`: what a printed figure can stand for, and arithmetic on them.

A figure printed with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ] (``2`` → [1.5, 2.5]); amounts
convert exactly between 元, 千元, 万元 and 亿元 (a power of ten is a shift of the exponent, never a
rounding). Sums and differences are exact. Quotients round outwards (lower bound towards −∞,
upper bound towards +∞), so a computed interval always contains every true value.

`ratio_range` evaluates ``Σ num ÷ Σ den`` over a box of figure intervals exactly when a figure
sits on both sides (growth over ``current − change``): a ratio of two linear forms takes its
extremes at the box's corners. `rounds_to` is the domain's rule for a printed percentage: it
holds iff some value of the computed range rounds (四舍五入) to the printed value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal
from itertools import product

from parsers.model import Figure, Role

# Amount units as powers of ten of 元. Percentages and counts are not converted.
MONEY_UNITS: Mapping[str, int] = {"元": 0, "千元": 3, "万元": 4, "亿元": 8}
PERCENT = "%"
SIGNED_ROLES = (Role.CHANGE, Role.GROWTH)  # printed unsigned, signed by their words (Figure.sign)
_EXACT = Context(prec=60)  # enough digits for every sum and product of printed figures to be exact
_DOWN = Context(prec=60, rounding=ROUND_FLOOR)  # quotients: lower bounds round towards −∞
_UP = Context(prec=60, rounding=ROUND_CEILING)  # … and upper bounds towards +∞
_MAX_CORNERS = 10  # shared variables for exact corner enumeration (2**10 corners)


def compatible(unit_a: str | None, unit_b: str | None) -> bool:
    """Whether figures in these units can be compared (``None`` is read as "the same unit")."""
    if unit_a is None or unit_b is None or unit_a == unit_b:
        return True
    return unit_a in MONEY_UNITS and unit_b in MONEY_UNITS


def convert(value: Decimal, unit: str | None, target: str | None) -> Decimal:
    """``value`` in ``unit`` expressed exactly in ``target`` (amount units only)."""
    if unit is None or target is None or unit == target:
        return value
    if unit not in MONEY_UNITS or target not in MONEY_UNITS:
        raise ValueError(f"cannot convert {unit} to {target}")
    return value.scaleb(MONEY_UNITS[unit] - MONEY_UNITS[target])


@dataclass(frozen=True, slots=True)
class Interval:
    lo: Decimal
    hi: Decimal

    def __post_init__(self) -> None:
        if self.lo > self.hi:
            raise ValueError(f"empty interval [{self.lo}, {self.hi}]")

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        return cls(value, value)

    @classmethod
    def around(cls, value: Decimal, radius: Decimal) -> Interval:
        return cls(_EXACT.subtract(value, radius), _EXACT.add(value, radius))

    @classmethod
    def of_figure(cls, fig: Figure, unit: str | None = None) -> Interval:
        """What ``fig`` can stand for, in ``unit`` (default: its own), signed as its words say
        (``减少 8.31`` stands for [−8.315, −8.305]; ``持平`` for exactly 0)."""
        target = unit if unit is not None else fig.unit
        base = cls.around(convert(fig.value, fig.unit, target), convert(fig.half_ulp, fig.unit, target))
        return base.scale(fig.sign) if fig.role in SIGNED_ROLES else base

    @property
    def radius(self) -> Decimal:
        return _EXACT.divide(_EXACT.subtract(self.hi, self.lo), 2)

    def __add__(self, other: Interval) -> Interval:
        return Interval(_EXACT.add(self.lo, other.lo), _EXACT.add(self.hi, other.hi))

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def scale(self, k: int | Decimal) -> Interval:
        a, b = _EXACT.multiply(self.lo, k), _EXACT.multiply(self.hi, k)
        return Interval(min(a, b), max(a, b))

    def widen(self, amount: Decimal) -> Interval:
        return Interval(_EXACT.subtract(self.lo, amount), _EXACT.add(self.hi, amount))

    def contains(self, value: Decimal) -> bool:
        return self.lo <= value <= self.hi

    def intersects(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def divide(self, other: Interval) -> Interval | None:
        """``self ÷ other``, rounded outwards; ``None`` when ``other`` contains 0 (undefined)."""
        if other.contains(Decimal(0)):
            return None
        corners = [(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(_DOWN.divide(a, b) for a, b in corners), max(_UP.divide(a, b) for a, b in corners))


def total(terms: list[tuple[int, Interval]]) -> Interval:
    """``Σ coeff·interval``."""
    out = Interval.point(Decimal(0))
    for coeff, interval in terms:
        out = out + interval.scale(coeff)
    return out


def ratio_range(
    num: Mapping[str, int], den: Mapping[str, int], boxes: Mapping[str, Interval]
) -> Interval | None:
    """``Σ num ÷ Σ den`` over the box of variable intervals; ``None`` if the denominator can be 0.

    ``num`` and ``den`` map variable names to coefficients. Independent sides divide as
    intervals; a variable on both sides is handled exactly by evaluating every corner of the box
    (the extremes of a ratio of linear forms lie on corners while the denominator keeps its sign).
    """
    numerator = total([(c, boxes[v]) for v, c in num.items()])
    denominator = total([(c, boxes[v]) for v, c in den.items()])
    if denominator.contains(Decimal(0)):
        return None
    shared = sorted(set(num) & set(den))
    if not shared or len(shared) > _MAX_CORNERS:
        return numerator.divide(denominator)
    free_num = total([(c, boxes[v]) for v, c in num.items() if v not in den])
    free_den = total([(c, boxes[v]) for v, c in den.items() if v not in num])
    lows, highs = [], []
    for corner in product(*((boxes[v].lo, boxes[v].hi) for v in shared)):
        point = {v: Interval.point(x) for v, x in zip(shared, corner)}
        n = free_num + total([(num[v], point[v]) for v in shared])
        d = free_den + total([(den[v], point[v]) for v in shared])
        q = n.divide(d)
        assert q is not None  # d lies inside ``denominator``, which excludes 0
        lows.append(q.lo)
        highs.append(q.hi)
    return Interval(min(lows), max(highs))


def ratio_gap(num: Mapping[str, int], den: Mapping[str, int], boxes: Mapping[str, Interval]) -> Interval | None:
    """The values ``Σ num ÷ Σ den`` cannot take when the denominator's range holds 0 and the
    numerator's does not: the quotient is then at most n ÷ d_lo or at least n ÷ d_hi (n the
    numerator's bound nearest 0), and the open interval between is out of reach. ``None`` when
    there is no such gap. The sides are bounded independently, a superset of the true range."""
    numerator = total([(c, boxes[v]) for v, c in num.items()])
    denominator = total([(c, boxes[v]) for v, c in den.items()])
    if not denominator.contains(Decimal(0)) or numerator.contains(Decimal(0)) or 0 in (denominator.lo, denominator.hi):
        return None
    nearest = numerator.lo if numerator.lo > 0 else numerator.hi
    ends = sorted((_EXACT.divide(nearest, denominator.lo), _EXACT.divide(nearest, denominator.hi)))
    return Interval(ends[0], ends[1])


def rounding_set(printed: Decimal, decimals: int) -> tuple[Interval, bool, bool]:
    """The values that round half-up (四舍五入) to ``printed`` at ``decimals`` places.

    Returns the closure and whether its lower / upper end is itself included: [p−h, p+h) for a
    positive p, (p−h, p+h] for a negative one, (−h, h) for zero.
    """
    half = Decimal(5).scaleb(-(decimals + 1))
    closure = Interval.around(printed, half)
    if printed > 0:
        return closure, True, False
    if printed < 0:
        return closure, False, True
    return closure, False, False


def rounds_to(computed: Interval, printed: Decimal, decimals: int) -> bool:
    """Whether some value in ``computed`` rounds half-up to ``printed`` at ``decimals`` places."""
    target, lo_closed, hi_closed = rounding_set(printed, decimals)
    below = computed.hi < target.lo or (computed.hi == target.lo and not lo_closed)
    above = computed.lo > target.hi or (computed.lo == target.hi and not hi_closed)
    return not (below or above)


def quantize(value: Decimal, decimals: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    """``value`` at ``decimals`` places: half-up (四舍五入) by default, or floor/ceiling for bounds."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=rounding, context=_EXACT)


def quotient(a: Decimal, b: Decimal) -> Decimal:
    """``a ÷ b`` to 60 digits (for display: verdicts use `ratio_range`)."""
    return _EXACT.divide(a, b)
