"""Numbers in a line of prose: which are figures, and how each is printed.

`NUMBER` finds the candidates; `is_excluded` and `is_identifier` drop those that are no figures
(years, dates, document numbers, phones, codes, ordinals, formulas, names such as 12345 热线);
`read_unit` reads the unit after a figure (万元, %, counts, a bare 万, approximations);
`split_digits` tells two numbers a space split (``32 90 项``); `Stops` indexes where each clause
and sentence of the line begins, so that every look back is a bisection (linear time per line).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from parsers import lexicon
from parsers.normalise import is_han

DIGIT = "0-9０-９"
NUMBER = re.compile(
    rf"(?<![A-Za-z0-9０-９.．/])(?<![A-Za-z0-9０-９.．/\-－][\-－])(?<!^[\-－])"  # not a range's or date's second part (1-6月)
    rf"(?:[{DIGIT}Oo](?:[{DIGIT}Oo]|[,，](?=[{DIGIT}Oo]))*)(?:[.．][{DIGIT}Oo]+)?"
    rf"(?![A-Za-z0-9０-９])"
)
# after a number: an approximation (余/多), a scale (万/亿/千), a unit word
UNIT = re.compile(
    r"\s*(?P<approx>余|多)?(?P<scale>万亿|万|亿|千)?(?P<approx2>余|多)?\s*"
    r"(?P<unit>[%％]{2}|%|％|元|个百分点|百分点|人次|个工作日|个月|个|人(?!员|民)|辆|台（套）|台\(套\)|台|套|批次|组次|次(?!性)|"
    r"件|家(?!庭)|项(?!目)|名(?!称|单)|户|篇|条(?!例|件)|张|枚|期(?!间|末|初)|所(?!属|在|有)|平方米|㎡|米|天|小时|周(?!年|边)|"
    r"分(?!别|类|配|析|钟)|倍)?"
)
PERCENT = "%"
CODE_IN_BRACKETS = re.compile(r"[（(]\s*(\d{3}|\d{5}|\d{7})\s*(?:类|款|项)?\s*[）)]")
CLAUSE_STOP = "，,。；;：:！？\n"
SENTENCE_STOP = "。！？"
FORMULA_OPERATORS = "×÷*=＝"
WINDOW = 240  # characters: how far back words may qualify a figure (bounds every back-scan)


@dataclass(slots=True)
class Unit:
    unit: str | None  # canonical unit
    end: int  # end of the printed unit in the line
    approx: bool = False
    doubled_percent: bool = False


def read_unit(line: str, e: int, clause: str, sentence: str = "") -> Unit:
    m = UNIT.match(line, e)
    assert m is not None  # every part of UNIT is optional: it always matches
    scale, word = m.group("scale"), m.group("unit")
    if scale is None and word is None:
        return Unit(None, e)
    approx = bool(m.group("approx") or m.group("approx2"))
    if word is not None and re.fullmatch(r"[%％]{2}", word):
        return Unit(PERCENT, m.end(), approx, True)
    if word in ("%", "％"):
        return Unit(PERCENT, m.end(), approx)
    if word == "台(套)":
        word = "台（套）"
    if scale is None:
        return Unit(word, m.end(), approx)
    if word == "元":
        return Unit(f"{scale}元", m.end(), approx)
    if word is None:  # a bare 万 / 亿: money when its clause or sentence speaks of money
        end = m.start("scale") + 1 if not m.group("approx2") else m.end("approx2")
        return Unit(f"{scale}元" if lexicon.MONEY_WORDS.search(clause) or lexicon.MONEY_WORDS.search(sentence) else scale, end, approx)
    return Unit(f"{scale}{word}", m.end(), approx)


def is_count(unit: str | None) -> bool:
    return unit is not None and (unit in lexicon.COUNT_UNITS or (unit[:1] in "万亿千" and unit[1:] in lexicon.COUNT_UNITS))


def _two_digit_code(line: str, s: int, after: str) -> bool:
    """A two-digit 款 code in brackets, or a 项 code after one (“…（06款）…（99项）”)."""
    if re.match(r"\s*款\s*[）)]", after):
        return True
    return bool(re.match(r"\s*项\s*[）)]", after) and re.search(r"款\s*[）)]", line[max(0, s - 40) : s]))


def is_excluded(line: str, s: int, e: int, token: str) -> bool:
    """Numbers that are not figures: years, dates, document numbers, phones, ordinals, codes, formulas."""
    before = line[max(0, s - 6) : s]
    after = line[e : e + 4]
    b1 = before.rstrip()[-1:] if before.rstrip() else ""
    a1 = after.lstrip()[:1]
    digits = re.sub(r"[^0-9０-９]", "", token)
    plain_int = token.isdigit()
    if plain_int and len(token) == 4 and 1949 <= int(token) <= 2100:
        if a1 in ("年", "度", "〕", "】", "]", "）", ")") or b1 in ("〔", "【", "[", "（", "(") or re.match(r"\s*[-/.]\s*\d", after):
            return True
    if plain_int and a1 in ("月", "日") and int(token) <= 31:
        return True
    if plain_int and a1 == "号" and re.search(r"[〕】\]]\s*$", before):
        return True
    if b1 in ("〔", "【") or a1 in ("〕", "】"):
        return True
    if b1 == "第" or b1 in ("图", "表") or after.startswith("表") or (a1 == "表" and not re.match(r"\s*表[示明]", after)):
        return True
    if plain_int and len(digits) == 11 and digits.startswith("1"):
        return True
    if re.search(r"电话|传真|邮编|手机|热线[:：]?\s*$", line[max(0, s - 12) : s]):
        return True
    if re.match(r"\s*[-－—]\s*\d", after) and plain_int:
        return True
    if CODE_IN_BRACKETS.fullmatch(line[max(0, s - 2) : e + 3].strip()) or (b1 in ("（", "(") and a1 in ("）", ")", "类", "款", "项") and plain_int and len(token) in (3, 5, 7)):
        return True
    if plain_int and len(token) == 2 and b1 in ("（", "(") and _two_digit_code(line, s, after):
        return True  # 司法（06款）其他司法支出（99项）: a 款 or 项 code of its own
    if (b1 and b1 in FORMULA_OPERATORS) or (a1 and a1 in FORMULA_OPERATORS):
        return True  # a factor of a formula (…÷上期支出总额×100%)
    if b1 in (":", "：") and not a1 and re.search(r"[=＝]", line[max(0, s - WINDOW) : s]):
        return True  # a ratio at the end of a formula (人车比例=…:1)
    return False


def is_identifier(line: str, e: int, token: str) -> bool:
    """A unitless number written as part of a name (12345 热线, 等级保护 2.0 和…), not a quantity.

    Only long integers and decimals qualify: a short integer before an unknown measure word stays
    a figure (role ``other``) for the reviewer to see.
    """
    rest = line[e : e + 16].lstrip(" ”\"’」』】）)")
    if not rest or not is_han(rest[0]) or rest[0] in "余多":
        return False
    digits = re.sub(r"[^0-9０-９Oo]", "", token)
    return len(digits) >= 4 or bool(re.search(r"[.．]", token))


def split_digits(line: str, e: int, token: str) -> int | None:
    """``32 90 项``: a short integer, one space, a number with a unit → end of the pair, else None."""
    if not (token.isdigit() and len(token) <= 4 and line[e : e + 1] == " "):
        return None
    m = NUMBER.match(line, e + 1)
    if m is None:
        return None
    following = UNIT.match(line, m.end())
    assert following is not None  # UNIT always matches
    if following.group("unit") is None and following.group("scale") is None:
        return None
    if following.group("unit") in ("%", "％"):
        return None  # “850 141.67%”: a rate is never written in space-grouped thousands; two cells
    return m.end()


class Stops:
    """Where each clause and sentence of a line begins, found once per line so that locating a
    figure's clause or sentence is a bisection, not a scan back (linear time on any line)."""

    __slots__ = ("clauses", "sentences", "semicolons")

    def __init__(self, line: str) -> None:
        self.clauses = [0] + [
            i + 1 for i, c in enumerate(line)
            if c in CLAUSE_STOP and not (c in ",，" and line[i - 1 : i].isdigit() and line[i + 1 : i + 2].isdigit())
        ]
        self.sentences = [0] + [i + 1 for i, c in enumerate(line) if c in SENTENCE_STOP]
        self.semicolons = [0] + [i + 1 for i, c in enumerate(line) if c in "；;"]

    @staticmethod
    def _at(starts: list[int], pos: int) -> int:
        return starts[bisect_right(starts, pos) - 1]

    def clause(self, pos: int, floor: int = 0) -> int:
        """Start of the clause holding ``pos`` (never before ``floor``); a thousands separator
        (1,724.62) splits no clause."""
        return max(floor, self._at(self.clauses, pos))

    def sentence(self, pos: int) -> int:
        return self._at(self.sentences, pos)

    def semicolon(self, pos: int) -> int:
        return self._at(self.semicolons, pos)
