"""Numbers as printed in disclosures → exact `Decimal`s, with what had to be normalised.

One place decides what a printed number means, for prose and for table cells alike:
full-width digits and points, thousands separators (``,`` and the full-width ``，``), the letter
O typed for zero (``O.OO``), digits split by a space inside a cell (``5. 37``). Anything that had to
be changed is reported (`ParsedNumber.fixes`) so the parser can keep it as evidence; anything that
cannot be read unambiguously (``54,7,774.03``) is reported as malformed instead of guessed.

Units: `UNIT_SCALE` gives every money unit in 元, so conversions (元 ↔ 万元 ↔ 亿元 ↔ 万亿元) are exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")

UNIT_SCALE: dict[str, Decimal] = {
    "元": Decimal(1),
    "千元": Decimal(1000),
    "万元": Decimal(10000),
    "亿元": Decimal(100000000),
    "万亿元": Decimal(1000000000000),
}
MONEY_UNITS = frozenset(UNIT_SCALE)
# "单位：万元" / "金额单位：元" printed near a table: the unit of its amounts
UNIT_NOTE = re.compile(r"(?:金额)?单位\s*[:：]\s*(万元|千元|亿元|元)")


def convert(value: Decimal, unit: str, to_unit: str) -> Decimal:
    """Exact conversion between money units."""
    if unit == to_unit:
        return value
    return value * UNIT_SCALE[unit] / UNIT_SCALE[to_unit]


@dataclass(slots=True)
class ParsedNumber:
    value: Decimal
    decimals: int
    fixes: list[str] = field(default_factory=list)  # letter_o, fullwidth_digit, fullwidth_separator, split_digits
    malformed: str = ""  # why the printed form is not a well-formed number ("" when it is)


_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$")


def parse_number(printed: str, *, allow_split: bool = False) -> ParsedNumber | None:
    """Parse one printed number (no unit, no sign). ``None`` if it is not a number at all."""
    s = printed.strip()
    if not s:
        return None
    fixes: list[str] = []
    if allow_split and " " in s:
        joined = re.sub(r"(?<=[\d.．])\s+(?=[\d.．])", "", s)
        if joined != s:
            fixes.append("split_digits")
            s = joined
    if any(c in s for c in "０１２３４５６７８９．"):
        fixes.append("fullwidth_digit")
    if "，" in s:
        fixes.append("fullwidth_separator")
    s = s.translate(FULLWIDTH_DIGITS)
    if re.search(r"[Oo]", s):
        if not re.fullmatch(r"[\dOo.,]+", s):
            return None
        fixes.append("letter_o")
        s = re.sub(r"[Oo]", "0", s)
    if not re.fullmatch(r"[\d.,]+", s) or not re.search(r"\d", s):
        return None
    malformed = ""
    if "," in s:
        if not _GROUPED.match(s):
            malformed = "separator"
        s = s.replace(",", "")
    if s.count(".") > 1 or s.startswith(".") or s.endswith("."):
        return ParsedNumber(Decimal(0), 0, fixes, malformed or "point")
    if not _PLAIN.match(s):
        return None
    try:
        value = Decimal(s)
    except InvalidOperation:
        return None
    decimals = len(s.split(".")[1]) if "." in s else 0
    return ParsedNumber(value, decimals, fixes, malformed)


_CELL_NUMBER = re.compile(r"^[-−—]?\s*[\dOo０-９][\dOo０-９,，.．\s]*%?$")


def parse_cell(text: str) -> ParsedNumber | None:
    """A table cell that holds a number (optionally signed, optionally with %): its value."""
    s = (text or "").strip()
    if not s or not _CELL_NUMBER.match(s) or s in {"-", "—"}:
        return None
    negative = s[0] in "-−—"
    body = s.lstrip("-−—").strip().rstrip("%").strip()
    if re.fullmatch(r"[Oo]+", body):  # a lone letter is never a number
        return None
    parsed = parse_number(body, allow_split=True)
    if parsed is None:
        return None
    if negative:
        parsed.value = -parsed.value
    return parsed


def parse_cell_value(text: str) -> Decimal | None:
    parsed = parse_cell(text)
    if parsed is None or parsed.malformed:
        return None
    return parsed.value
