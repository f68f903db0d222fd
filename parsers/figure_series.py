"""Series: numbers one after the other, joined by nothing but a separator (“收、支总计各是4125.49,
4143.91万元”, “各下降23.51%、38.28%”, “分别为2666.3亿元和30400.7亿元”): each stands for one of several
quantities named together before them, which one the document says only by order."""

from __future__ import annotations

import re

from parsers.figure_tokens import PERCENT
from parsers.numbers import MONEY_UNITS

SERIES_JOIN = r"\s*(?:[、,，]|和|及)\s*"
SERIES_AFTER = re.compile(rf"(?:%|％|[千万亿]?元)?{SERIES_JOIN}")
SERIES_UNIT = r"(?:%|％|[千万亿]?元)"
# the next number of a series: an amount or a rate, or a number the series goes on after (not a year)
SERIES_NEXT = re.compile(rf"{SERIES_JOIN}[-−+]?\d[\d.]*+(?:{SERIES_UNIT}|{SERIES_JOIN}\d)")
RESPECTIVE_LIST = re.compile(r"分别(?:为|是)\s*[:：]?\s*$")
PRINTED = re.compile(rf"[-−+]?[\d.,，]+(?:%|％|[千万亿]?元)?(?:{SERIES_JOIN}[-−+]?[\d.,，]*\d(?:%|％|[千万亿]?元)?)+")


def joins_series(text: str, previous_end: int, start: int) -> bool:
    """Only a separator (after the previous number's unit) stands between the two numbers."""
    return SERIES_AFTER.fullmatch(text, previous_end, start) is not None


def in_series(text: str, unit_end: int, unit: str | None, joined: bool, first: int) -> bool:
    """Is the number ending at ``unit_end`` one of a series whose quantities the words before name
    together (收、支, 收入和支出)? A series is no figure of a named quantity — except the amounts a
    分别为 list gives its parts, which add up to its total whatever their order. ``joined``: it
    follows the previous number with only a separator between; ``first``: where the series begins."""
    if SERIES_NEXT.match(text, unit_end) is None and not (joined and (unit in MONEY_UNITS or unit == PERCENT)):
        return False
    return not (unit in MONEY_UNITS and RESPECTIVE_LIST.search(text, max(0, first - 8), first))


def series_text(text: str, start: int) -> str:
    """The series as printed from ``start``."""
    m = PRINTED.match(text, start)
    return m.group(0) if m else text[start : start + 24]
