"""The slips planted in a printed number, written as the document would print them.

- ``digit``: one digit changed (never a leading digit to 0);
- ``swap``: two neighbouring different digits swapped, across a separator or the point if need be
  (2122.22 → 2212.22, 1,234 → 2,134);
- ``x10``: the decimal point moved one place right (123.45 → 1234.5, 1,234 → 12,340; half- or
  full-width separators kept as printed);
- ``delete``: the number removed, its unit left standing.

Each function returns the new text, or None when the slip does not apply (no two different
neighbouring digits; a zero, which ×10 leaves unchanged).
"""

from __future__ import annotations

import random
from decimal import Decimal

from mutation.classify import value_of

PERTURBATIONS = ("digit", "swap", "x10", "delete")
FULL_DIGITS = "０１２３４５６７８９"


def _is_digit(ch: str) -> bool:
    return ch.isdigit()


def _digit_of(ch: str) -> int:
    return int(ch) if ch in "0123456789" else FULL_DIGITS.index(ch)


def _same_width(template: str, digit: int) -> str:
    return FULL_DIGITS[digit] if template in FULL_DIGITS else str(digit)


def digit(text: str, rng: random.Random) -> str | None:
    places = [i for i, ch in enumerate(text) if _is_digit(ch)]
    if not places:
        return None
    i = rng.choice(places)
    old = _digit_of(text[i])
    leading = i == places[0] and len(places) > 1 and not _point_right_after(text, i)
    choices = [d for d in range(10) if d != old and not (leading and d == 0)]
    return text[:i] + _same_width(text[i], rng.choice(choices)) + text[i + 1:]


def _point_right_after(text: str, i: int) -> bool:
    return i + 1 < len(text) and text[i + 1] in ".．"


def swap(text: str, rng: random.Random) -> str | None:
    places = [i for i, ch in enumerate(text) if _is_digit(ch)]
    pairs = [(a, b) for a, b in zip(places, places[1:]) if text[a] != text[b]]
    pairs = [(a, b) for a, b in pairs if not (a == places[0] and _digit_of(text[b]) == 0 and len(places) > 1 and not _point_right_after(text, a))]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    chars = list(text)
    chars[a], chars[b] = chars[b], chars[a]
    return "".join(chars)


def x10(text: str, rng: random.Random | None = None) -> str | None:
    value = value_of(text)
    if value is None or value == 0:
        return None
    text = text.replace(" ", "")  # 5. 37 (a converter's blank after the point) is printed 53.7
    full = any(ch in FULL_DIGITS for ch in text)
    point = "．" if "．" in text else "."
    comma = "，" if "，" in text else ("," if "," in text else "")
    decimals = len(text.split(point, 1)[1]) if point in text else 0
    shifted = (value * 10).quantize(Decimal(1).scaleb(-max(decimals - 1, 0)))
    whole, _, frac = f"{shifted:f}".partition(".")
    if comma:
        whole = f"{int(whole):,}".replace(",", comma)
    out = whole + (point + frac if frac else "")
    if full:
        out = "".join(FULL_DIGITS[int(ch)] if ch.isdigit() else ch for ch in out)
    return out


def delete(text: str, rng: random.Random | None = None) -> str | None:
    return ""


def perturbations(text: str, rng: random.Random) -> list[tuple[str, str]]:
    """Every slip that applies to ``text``: (kind, new text), in `PERTURBATIONS` order."""
    out = []
    for name, make in (("digit", digit), ("swap", swap), ("x10", x10), ("delete", delete)):
        new = make(text, rng)
        if new is not None and new != text:
            out.append((name, new))
    return out
