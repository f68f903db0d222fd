"""Units left without their number: a money unit or a percent sign in prose that no figure precedes.

A unit is a token of its own: wherever ``万元``, ``亿元``, ``元`` or ``%`` stands after a word
instead of a number, the figure was left out ("与上年相比增加万元", "基本工资万元", "占比%",
"（2010350）万元"). What is not a gap: a unit being declared (单位：万元, 以万元为单位, （万元）),
a column's unit in a header row that states no amount (金额 | 占调整预算% | 比上年增长%),
a Chinese numeral or an approximate amount in words (上千万元, 数万元, 近万元), and a bare 元 after a
word that names no amount (单元, 美元, 多元).

The gap is an error where the words before it demand an amount or a rate (a change word, a word
naming money, a 类/款/项 or code bracket); anywhere else it is a warning that says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from parsers import lexicon
from parsers.model import ParseIssue, Severity

# a unit token: the longer units first, so that 万元 is never read as a bare 元
UNIT = re.compile(r"万元|亿元|元|[%％]")
# what may stand between a number and its unit and is not a word: spaces, the marks a converter
# leaves (Markdown emphasis, underline tags) and the closing quote of a quoted name
_FILLER = re.compile(r"(?:\s|\*|_|</?u>|[”’\"」』])+$")  # closing quotes too: “……（项）”万元
_TAIL = 12  # characters of context read before a unit


@dataclass(frozen=True)
class Gap:
    """One unit without its number: where it stands, the words before it, and how sure it is."""

    start: int
    end: int
    words: str
    certain: bool


# a year or a date's year, which is no amount: 2016年, 2015
_YEARS = re.compile(r"(?:19|20)\d{2}(?:年度?)?")
# what ends a table cell: a column rule, a tab, a wide gap or the end of the line
_CELL_END = re.compile(r"\s*(?:[|｜\t]|\s{2,}|$)")


def unit_gaps(line: str) -> list[Gap]:
    """Every unit of ``line`` that stands after a word instead of a number."""
    out = []
    labels_only = not re.search(r"\d", _YEARS.sub("", line))  # a header row: 金额 | 占调整预算% | 比上年增长%
    for m in UNIT.finditer(line):
        if lexicon.YUAN_STARTS_WORD.match(line, m.end() - 1):
            continue  # 大英县金元镇, 万元村: a name, not a unit
        raw = line[max(0, m.start() - _TAIL) : m.start()]
        before = _FILLER.sub("", raw)
        if not before or _declared(before, line[m.end() : m.end() + 4]):
            continue
        if labels_only and _CELL_END.match(line, m.end()) and before[-1] not in "）)":
            continue  # a column's name and unit (增减%), in a row that states no amount at all
        verdict = _gap(before, m.group(0))
        if verdict is not None:
            start = m.start() - (len(raw) - len(before)) - _words_before(before)
            out.append(Gap(start, m.end(), line[start : m.end()], certain=verdict))
    return out


def _words_before(before: str) -> int:
    """How many characters before the unit to show: the bracket, the words demanding the figure,
    or the last two characters."""
    if before[-1] in "）)":
        return len(before) - max(before.rfind("（"), before.rfind("("))
    demanded = lexicon.DEMANDS_FIGURE.search(before)
    return len(demanded.group(0)) if demanded and len(demanded.group(0)) > 1 else min(len(before), 2)


def _declared(before: str, after: str) -> bool:
    """The unit is being declared, not stated: 单位：万元, 以万元为单位, 每万元, （万元）, 万元/人."""
    return bool(lexicon.UNIT_DECLARED.search(before)) or after.startswith(("为单位", "/", "／"))


def _gap(before: str, unit: str) -> bool | None:
    """None when a number (or a numeral word) stands before the unit; otherwise whether the words
    before it certainly demand an amount or rate."""
    last = before[-1]
    if last.isdigit() or last in lexicon.NUMERAL_WORDS or last in ".．,，":
        return None
    if last in "）)":
        return _after_bracket(before)
    if not _is_han(last):
        return None
    if unit == "元" and not lexicon.AMOUNT_WORD_END.search(before):
        return None
    return bool(lexicon.DEMANDS_FIGURE.search(before))


def _after_bracket(before: str) -> bool | None:
    """After a bracket: a code (2010350), a level (类/款/项) or a name demands the amount; a bracket
    that declares a unit (（万元）) or a condition (（含）) does not."""
    opening = max(before.rfind("（"), before.rfind("("))
    inside = before[opening + 1 : -1] if opening >= 0 else ""
    if not inside or re.search(r"单位|元|%|％|含", inside):
        return None
    return True


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def missing_figures(line: str, offset: int, section_id: str, page_of: Callable[[int], int | None] | None = None) -> list[ParseIssue]:
    """A ``parse.missing_figure`` issue for every unit of ``line`` left without its number."""
    out = []
    for gap in unit_gaps(line):
        start = offset + gap.start
        zh, en = (
            (f"缺少数字：“{gap.words}”前应有金额或比例", f"missing figure: “{gap.words}” has no number before its unit")
            if gap.certain
            else (
                f"可能缺少数字：“{gap.words}”的单位前没有数字",
                f"figure possibly left out: “{gap.words}” has a unit with no number before it",
            )
        )
        out.append(
            ParseIssue(
                "parse.missing_figure",
                Severity.ERROR if gap.certain else Severity.WARNING,
                zh,
                en,
                gap.words,
                section_id,
                page_of(start) if page_of else None,
                start,
                offset + gap.end,
            )
        )
    return out
