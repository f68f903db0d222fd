"""Slips the document's own words cannot decide: set aside per claim kind, with the rule that says why.

Issue 11: "a perturbation that changes nothing checkable (a phone number, a count of people) is not
counted". `classify` gives a number its claim kinds from its words; some of those claims, read
closer, do not decide a slip at all — no arithmetic on what the document prints can tell the
mutant from the original. These rules find them, from the document's words, numbers and table
headers only (never an engine relation: the measure would be circular). A slip keeps its kinds; a
kind a rule sets aside is reported apart (`report`: the ``decidable`` rate leaves it out, the
``checkable`` rate does not), and the rule is named per slip in the CSV (``set_aside``).

- **R1 — a part (or the head) of a list the words do not claim complete** (kind ``sum``). A list
  opened by 其中 / 主要包括 / 主要有 / 主要用于 / 主要是 after an amount (its head, in the same sentence
  or the one just before: "人员经费284.32万元。主要包括：…") claims only Σ parts ≤ head unless its words
  close it: a 合计/共计/总计 in it, numbered items (（一）/(1)/1.), or item names that all belong to a
  standard partition (人员经费/公用经费, 基本支出/项目支出, the funds, the 三公 items… `PARTITION`).
  A slip that keeps Σ parts ≤ head within the printed rounding (half a unit of the last printed
  digit of every figure) breaks no claim of the words. A number is judged under every list it
  belongs to: when it is also an item of a numbered breakdown ("基本支出354.72万元，其中：（一）人员经费
  284.32万元…（二）公用经费【70.40】万元。主要包括：…"), that breakdown is complete by its words and
  the slip stays counted.
- **R2 — a KPI statistic is no growth rate** (kind ``growth``). A percentage after 减少/提高… whose
  sentence (to ；/。) prints no money amount and no comparison base (上年/去年/同期/上一年/年初/预算数/
  同比/环比/上年度): "减少跑动次数76.78%" is a rate of counts whose base the document never prints.
- **R3 — a change whose base is printed nowhere** (kind ``change``). "1.一般公共服务类110.91万元，比上年
  预算数减少46.07万元": no rate in its sentence; the only change of its sentence; its value printed once;
  not the head of a list of changes (…减少254.73万元。其中：…); not one of numbered sibling items whose
  signed changes add up to a number the document prints; the implied previous amount (current ∓
  change, current = the last amount before it in its sentence) printed nowhere (prose or cell, 元 and
  万元 scaled); and, for an increase, the slipped change still no larger than the current amount
  (an increase larger than the amount it led to is decidable).
- **R4 — a table cell's rate kind is read from its leaf column header** (kinds ``completion``,
  ``growth``, ``share`` of cells). `classify.cell_kinds` reads the whole header path, so
  "提高工作效率 › 实际完成值" makes a count of devices a completion rate (效率 holds 率, 完成值 holds 完成).
  The kind is set aside when the leaf header (after the last ›) does not say it (率/%/比重/占比 and the
  kind's word), or is 实际完成值 / 年度指标值 / 分值 (a target, an achieved value, a score: no rate).
- **R6 — 0 ÷ 0** (kind ``share``). A rate in a sentence that prints no money amount and two or more
  counts (个/项), every one 0 ("预算项目0个，公开项目0个，公开项目占全部预算项目的100%"): no share of
  nothing is wrong.
- **R7 — a planted error** (every kind). A document named ``*_errors`` is a copy with errors planted
  on purpose, listed in ``<name>.key.md`` beside it ("356.68 printed for 345.68", "stated as
  2212.22"): a slip of a planted figure may repair it (2212.22 → 2122.22), which removes a finding and
  should add none. Slips of the figures the key file lists are set aside.

R5 (a ratio recomputed from the words still rounds to its print) and R8 (repeat needs a shared
subject name) are not rules here: R5 needs a words-level ratio parser; R8 would drop far more real
repeats than coincidences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from mutation import classify as C
from mutation.source import Source, Token

AMOUNT = re.compile(r"(?<![0-9.])([0-9][0-9,]*(?:\.[0-9]+)?)(万元|亿元|元)")
PERCENT_IN = re.compile(r"[0-9][0-9.]*[%％]")
COMPARISON_BASE = re.compile(r"(?:上年|去年|同期|上一年|年初|预算数|同比|环比|上年度)")
DECREASE = re.compile(r"(?:减少|下降|降低|减支|节约|节支|压减|缩减|调减|少支出)")
OPENER = re.compile(r"(其中|主要包括|主要有|主要用于|主要是|包括|具体为|具体包括|分别为|分别是)[:：]?")
PARTIAL_OPENERS = frozenset({"其中", "主要包括", "主要有", "主要用于", "主要是"})
CLOSING_TOTAL = re.compile(r"(?:合计|共计|总计)")
NUMBERED = re.compile(r"^(?:[-*]?[（(][0-9一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)")
PARTITION = re.compile(
    r"(?:经营支出|事业支出|其他支出|上缴上级|货物|工程|服务支出|采购服务|人员经费|公用经费|基本支出|项目支出|一般公共预算|"
    r"政府性基金|国有资本经营|因公出国|公务接待|公务用车|财政专户|事业收入|经营收入|上级补助|附属单位|其他收入|上年结转|年终结转|"
    r"财政拨款|单位资金)"
)
COUNTS = re.compile(r"(?<![0-9.])([0-9]+)(?:个|项)")
ITEM_MARK = re.compile(r"^\s*(?:[-*]\s*)?([（(]?)([0-9]{1,2}|[一二三四五六七八九十]{1,3})([.．、)）])")
LEAF_NO_RATE = re.compile(r"(?:实际完成值|年度指标值|分值)")
LEAF_KIND_WORDS = {"completion": re.compile(r"(?:执行|完成)"), "growth": re.compile(r"(?:增长|增减|变动|增幅|降幅)"),
                   "share": re.compile(r"(?:占|比重)")}
PLANTED = re.compile(r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*printed for|stated as\s*([0-9][0-9,]*(?:\.[0-9]+)?)")
WINDOW = 700  # characters of the document's text read on each side of a number for R1


def decimal(text: str) -> Decimal:
    return Decimal(C.ascii_digits(text).replace(",", "").replace(" ", ""))


def half_unit(text: str) -> Decimal:
    """Half a unit of the last printed digit: 12.34 → 0.005."""
    text = C.ascii_digits(text).replace(",", "").replace(" ", "")
    places = len(text.split(".")[1]) if "." in text else 0
    return Decimal(1).scaleb(-places) / 2


def is_change(before: str) -> bool:
    """Does the amount after ``before`` state a change (增加/减少… in its clause, just before it)?"""
    return bool(C.CHANGE_WORDS.search(C.clause_before(before)[-14:]))


def _clean(text: str) -> str:
    return re.sub(r"</?u>|[_*]", "", C.compact(text))


@dataclass(slots=True)
class Words:
    """What the rules read of one document: its prose, page by page and joined, every printed value
    (元 and 万元 scaled), how often the prose prints each amount, and the planted figures (R7)."""

    pages: list[str]
    starts: list[int]  # offset of each page in `text`
    text: str
    values: frozenset[Decimal]
    prose_amounts: dict[Decimal, int]
    planted: frozenset[Decimal]

    @classmethod
    def of(cls, source: Source, tokens: Iterable[Token]) -> Words:
        pages = [p.text for p in source.pages]
        starts, at = [], 0
        for page in pages:
            starts.append(at)
            at += len(page) + 1
        values: set[Decimal] = set()
        prose: dict[Decimal, int] = {}
        for t in tokens:
            value = C.value_of(t.text)
            if value is None:
                continue
            values |= {value, value * 10000, value / 10000}
            if not t.in_cell and C.money_unit(t.right) and not C.threshold(t.right):
                prose[value] = prose.get(value, 0) + 1
        return cls(pages, starts, "\n".join(pages), frozenset(values), prose, planted_figures(source.path))

    def around(self, token: Token) -> tuple[str, str]:
        """The prose before and after a number (`WINDOW` characters, compacted, markup dropped)."""
        at = self.starts[token.page] + token.start
        end = self.starts[token.page] + token.end
        return _clean(self.text[max(0, at - WINDOW):at]), _clean(self.text[end:end + WINDOW])


def planted_figures(path: str) -> frozenset[Decimal]:
    """R7: the wrong figures an ``*_errors`` document's key file says were planted."""
    doc = Path(path)
    if not doc.stem.endswith("_errors"):
        return frozenset()
    key = doc.with_name(doc.stem + ".key.md")
    try:
        text = key.read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(decimal(a or b) for a, b in PLANTED.findall(text))


def set_aside(words: Words, token: Token, mutated: str, kinds: Iterable[str], header: str | None = None) -> dict[str, str]:
    """Claim kind → the rule that sets it aside for this slip (``printed`` → ``mutated``). ``header``
    is the column header of a number cell (None: the number was read as prose)."""
    kinds = tuple(kinds)
    out: dict[str, str] = {}
    value = C.value_of(token.text)
    if value is not None and value in words.planted:
        return {kind: "R7" for kind in kinds}
    if C.value_of(mutated) is None:
        return out  # a deletion: a missing figure, whatever the words claim
    if header is not None:
        for kind in ("completion", "growth", "share"):
            if kind in kinds and not leaf_says_rate(header, kind):
                out[kind] = "R4"
        return out
    if "growth" in kinds and kpi_statistic(token):
        out["growth"] = "R2"
    if "share" in kinds and zero_over_zero(token):
        out["share"] = "R6"
    if token.in_cell:
        return out  # a number in the words of a cell: no sentence of the prose around it
    if "change" in kinds and change_without_base(words, token, mutated):
        out["change"] = "R3"
    if "sum" in kinds and within_open_lists(words, token, mutated):
        out["sum"] = "R1"
    return out


# --- R4 -----------------------------------------------------------------------------------------

def leaf_says_rate(header: str, kind: str) -> bool:
    """Does the leaf of a header path (after the last ›) name a rate of this kind?"""
    leaf = header.rsplit("›", 1)[-1].strip()
    if not re.search(r"[\u4e00-\u9fff]", leaf) and "›" in header:
        leaf = header.rsplit("›", 2)[-2].strip() + leaf  # a bare unit leaf (%) belongs to the level above
    if LEAF_NO_RATE.search(leaf):
        return False
    return bool(C.RATE_HEADER.search(leaf) and LEAF_KIND_WORDS[kind].search(leaf))


# --- R2, R6 -------------------------------------------------------------------------------------

def kpi_statistic(token: Token) -> bool:
    before, after = C.sentence_around(token.left, token.right)
    sentence = before + after
    return not AMOUNT.search(sentence) and not COMPARISON_BASE.search(sentence)


def zero_over_zero(token: Token) -> bool:
    before, after = C.sentence_around(token.left, token.right)
    sentence = before + after
    counts = [int(n) for n in COUNTS.findall(sentence)]
    return not AMOUNT.search(sentence) and len(counts) >= 2 and not any(counts)


# --- R3 -----------------------------------------------------------------------------------------

def change_without_base(words: Words, token: Token, mutated: str) -> bool:
    before, after = C.sentence_around(token.left, token.right)
    sentence = before + after
    if PERCENT_IN.search(sentence):
        return False
    if sum(1 for m in AMOUNT.finditer(sentence) if is_change(sentence[:m.start()])) >= 2:
        return False
    value = C.value_of(token.text)
    if value is None or words.prose_amounts.get(value, 0) >= 2:
        return False
    if re.match(r"^[^。]{0,12}。?其中", C.compact(token.right)):
        return False  # the head of a list of changes
    if sibling_changes_add_up(words, token):
        return False
    current = [m for m in AMOUNT.finditer(before) if not is_change(before[:m.start()])]
    if not current:
        return False
    amount, change = decimal(current[-1].group(1)), decimal(token.text)
    down = bool(DECREASE.search(C.clause_before(token.left)[-14:]))
    previous = amount + change if down else amount - change
    if previous != 0 and previous in words.values:
        return False
    grown_past = not down and decimal(mutated) > amount + half_unit(current[-1].group(1)) + half_unit(token.text)
    return not grown_past


def _item_style(line: str) -> tuple[bool, bool, str] | None:
    m = ITEM_MARK.match(line[:12])
    return (bool(m.group(1)), m.group(2).isdigit(), C.ascii_digits(m.group(3))) if m else None


def sibling_changes_add_up(words: Words, token: Token) -> bool:
    """Is the change one of numbered sibling items ("（1）事业运行…较上年增加41.87万元" … "（7）…") whose
    signed changes add up to a number the document prints (the parent's change)?"""
    text = words.pages[token.page]
    items = []  # (offset, style, line) of every numbered line of the page
    at = 0
    for line in text.split("\n"):
        style = _item_style(line)
        if style is not None:
            items.append((at, style, line))
        at += len(line) + 1
    before = [i for i, item in enumerate(items) if item[0] <= token.start]
    if not before or token.start - items[before[-1]][0] >= 300:
        return False  # no numbered line starts within a few lines before it
    index = before[-1]
    style = items[index][1]
    lo = hi = index
    while lo > 0 and items[lo - 1][1] == style:
        lo -= 1
    while hi + 1 < len(items) and items[hi + 1][1] == style:
        hi += 1
    total, changes = Decimal(0), 0
    for _, _, line in items[lo:hi + 1]:
        compact = C.compact(line)
        for m in AMOUNT.finditer(compact):
            if is_change(compact[:m.start()]):
                down = DECREASE.search(C.clause_before(compact[:m.start()])[-14:])
                total += -decimal(m.group(1)) if down else decimal(m.group(1))
                changes += 1
                break
    return changes >= 2 and abs(total) in words.values


# --- R1 -----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class OpenList:
    """A list the number belongs to: its head amount and unit, the words of its items (the number's
    own place marked by NUL when it is a part), and the number's role."""

    role: str  # "part" | "head"
    head: str
    unit: str
    items: str


def within_open_lists(words: Words, token: Token, mutated: str) -> bool:
    """R1: the number belongs only to lists that claim Σ parts ≤ head, and the slip keeps that."""
    before, after = words.around(token)
    if numbered_item(before):
        return False  # an item of a numbered breakdown: complete by its words
    lists = open_lists(before, after, token.text)
    if not lists:
        return False
    return all(_keeps_bound(lst, token.text, mutated, after) for lst in lists)


def numbered_item(before: str) -> bool:
    """Is the number the first amount of an item of a numbered breakdown ("其中：（一）人员经费284.32万元…
    （二）公用经费【70.40】万元")? Its clause starts with an item mark, and the first item of that
    enumeration follows a list opener (a numbered section heading, "。（一）收入情况说明…", is no item)."""
    clause = re.split(r"[。；;，,：:]", before)[-1]
    mark = NUMBERED.match(clause)
    if mark is None or AMOUNT.search(clause):
        return False
    return re.search(OPENER.pattern + _first_mark(mark.group(0)), before) is not None


def _first_mark(mark: str) -> str:
    """A pattern for the first item mark of the enumeration ``mark`` belongs to: （二） → （一）, (3) → (1)."""
    digits = re.search(r"[0-9]", mark) is not None
    first = "1" if digits else "一"
    if re.search(r"[（(]", mark):
        return rf"[-*]?[（(]{first}[）)]"
    return rf"{first}[.．、]"


def open_lists(before: str, after: str, printed: str) -> list[OpenList]:
    """The partial lists (其中/主要包括…) the number is a part or the head of."""
    found = []
    opener = None
    for m in OPENER.finditer(before):
        opener = m
    if opener is not None and "。" not in before[opener.end():] and opener.group(1) in PARTIAL_OPENERS:
        lead = before[:opener.start()][-90:]
        heads = list(AMOUNT.finditer(lead))
        if heads and not is_change(lead[:heads[-1].start()]):
            found.append(OpenList("part", heads[-1].group(1), heads[-1].group(2),
                                  before[opener.end():] + "\x00" + after.split("。")[0]))
    unit = re.match(r"^(万元|亿元|元)[，,]?", after)
    if unit:
        rest = after[unit.end():].lstrip("。")
        opens = OPENER.match(rest)
        if opens and opens.group(1) in PARTIAL_OPENERS:
            items = rest[opens.end():].split("。")[0]
            found.append(OpenList("head", printed, unit.group(1), items if NUMBERED.match(items) else _unbracket(items)))
    return found


def _unbracket(text: str) -> str:
    return re.sub(r"[（(][^（()）]*[）)]", "", text)


def _parts(items: str) -> list[tuple[str, str, str]]:
    """(value, unit, name) of the list's amounts that are not changes; the NUL mark removed from
    values but kept out of names."""
    out, last = [], 0
    for m in AMOUNT.finditer(items):
        if not is_change(items[:m.start()].replace("\x00", "")):
            out.append((m.group(1), m.group(2), items[last:m.start()]))
        last = m.end()
    return out


def complete_by_words(lst: OpenList, printed: str) -> bool:
    """A 合计 closes it, its items are numbered, or every item name is of a standard partition."""
    if CLOSING_TOTAL.search(lst.items) or NUMBERED.match(lst.items):
        return True
    items = lst.items.replace("\x00", printed if lst.role == "part" else "")
    names = [name for _, _, name in _parts(items)]
    return bool(names) and all(PARTITION.search(n) for n in names)


def _keeps_bound(lst: OpenList, printed: str, mutated: str, after: str) -> bool:
    if complete_by_words(lst, printed):
        return False
    parts = _parts(lst.items)
    if any(unit != lst.unit for _, unit, _ in parts):
        return False
    if lst.role == "part":
        if not after.startswith(lst.unit):
            return False
        total = sum((decimal(v) for v, _, _ in parts), Decimal(0)) + decimal(printed)
        slack = sum((half_unit(v) for v, _, _ in parts), Decimal(0)) + half_unit(printed) + half_unit(lst.head)
        return total - decimal(printed) + decimal(mutated) <= decimal(lst.head) + slack
    if not parts:
        return False
    total = sum((decimal(v) for v, _, _ in parts), Decimal(0))
    slack = sum((half_unit(v) for v, _, _ in parts), Decimal(0)) + half_unit(printed)
    return decimal(mutated) >= total - slack
