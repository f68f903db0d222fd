"""What the sentences of a paragraph are about, as its figures go by.

A clause that names no quantity (``与上年相比增加``) takes the quantity its sentence is about: the
last explicit amount of the sentence at the same bracket depth (`Topics.topic`), else the head of
the previous sentence — or a sentence that only names a 类/款/项 (`naming_sentence`). Amounts
inside a 变动原因 explanation (up to the end of its ；-item) or a “其中：…” breakdown never become
topics. A count's subject is the noun after its measure word (`counted_noun`). A bare 收入/支出
takes the other side of its sentence's quantity, and a bare 本年收入/本年支出 the fund of a sentence
about one fund (`inherited_topic`, `of_the_heads_fund`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers import lexicon
from parsers.figure_tokens import SENTENCE_STOP, Stops
from parsers.model import Role
from parsers.subjects import ROLE_ONLY, canonical_subject


def depths(line: str) -> list[int]:
    """Bracket depth before each position of ``line``."""
    out = [0] * (len(line) + 1)
    d = 0
    for i, c in enumerate(line):
        out[i] = d
        if c in "（(":
            d += 1
        elif c in "）)" and d > 0:
            d -= 1
    out[len(line)] = d
    return out


def _sentence_between(line: str, sentence: int, start: int) -> bool:
    """Words stand between the end of the sentence at ``sentence`` and ``start``."""
    ends = [p for p in (line.find(c, sentence) for c in SENTENCE_STOP) if 0 <= p < start]
    return bool(ends) and bool(line[min(ends) + 1 : start].strip())


@dataclass(slots=True)
class Topic:
    subject: str
    code: str
    role: Role
    named: bool = False  # a sentence that only names it (a 类/款/项), not an amount's subject


@dataclass(slots=True)
class Topics:
    """What the sentences of one paragraph are about, as the figures go by."""

    sentence: int = -1  # start of the current sentence
    topics: dict[int, Topic] = field(default_factory=dict)  # bracket depth → last explicit amount
    head: Topic | None = None  # first explicit amount of the current sentence
    previous_head: Topic | None = None  # head of the latest earlier sentence that had one
    last_subject: str = ""  # last figure's subject in the sentence (any unit)
    reasons: list[int] = field(default_factory=list)  # where the sentence's 变动原因/由于 explanations begin
    breakdown: bool = False  # the sentence lists parts (“其中：…”): its head is not a topic later
    amounts: list[tuple[int, Topic]] = field(default_factory=list)  # the sentence's explicit amounts, where each stands
    previous_last: Topic | None = None  # the last explicit amount of the latest earlier sentence that had one
    gap: bool = False  # a sentence with no amount came after the one ``previous_head`` is of

    def new_sentence(self, start: int, line: str, stops: Stops) -> None:
        if start == self.sentence:
            return
        if self.head is not None and not self.breakdown:
            self.previous_head = self.head
            self.previous_last = self.amounts[-1][1] if self.amounts else self.head
            self.gap = False
        if self.sentence >= 0 and _sentence_between(line, self.sentence, start):
            self.gap = True  # a sentence stating no amount stood between: the text may have moved on
        name = naming_sentence(line, start, stops)
        if name:  # “住房改革支出（款）住房公积金（项）。年初预算 19.66万元…”
            self.previous_head = Topic(name, "", Role.AMOUNT, named=True)
        self.sentence = start
        self.topics = {}
        self.head = None
        self.amounts = []
        self.last_subject = ""
        end = min([p for p in (line.find(c, start) for c in SENTENCE_STOP) if p >= 0] or [len(line)])
        self.reasons = [m.start() for m in lexicon.REASON.finditer(line, start, end)]
        self.breakdown = bool(lexicon.BREAKDOWN.match(line[start : start + 12].lstrip(" ：:，,")))

    def explaining(self, line: str, item_start: int, pos: int) -> bool:
        """Is ``pos`` inside an explanation (主要原因是…)? One runs to the end of its sentence,
        but a ；-item that opens by naming a quantity and stating it (“…；项目支出 X 万元，比上年
        减少…”) is a statement again, not a second point of the explanation (“；另一方面，…”)."""
        if not any(r < pos for r in self.reasons):
            return False
        if any(item_start <= r < pos for r in self.reasons):
            return True
        return not STATING_ITEM.match(line, item_start)

    def total_before(self, pos: int) -> Topic | None:
        """The amount a list opening at ``pos`` breaks down: the sentence's last explicit amount
        before it (“预算为 A 万元，决算为 B 万元，其中：…” lists B's parts)."""
        return next((t for at, t in reversed(self.amounts) if at < pos), None)

    def topic(self, depth: int) -> Topic | None:
        for d in range(depth, -1, -1):
            if d in self.topics:
                return self.topics[d]
        return None

    def record(self, depth: int, topic: Topic) -> None:
        self.topics[depth] = topic
        for d in [d for d in self.topics if d > depth]:
            del self.topics[d]
        if self.head is None and depth == 0:
            self.head = topic


# a ；-item that opens with a quantity's name and its amount: “项目支出263928.15万元”, not
# “另一方面，一是2023年…” nor “二是新增…”
STATING_ITEM = re.compile(r"\s*(?![一二三四五六七八九十]是|另|由于|因为|主要|其中|包括|例如|加之|同时|此外|以及|第)[\u4e00-\u9fff（）()“”\"]{2,40}?\s*(?:为|是|达)?\s*\d")


CLASSIFICATION_NAME = re.compile(r"[\u4e00-\u9fff（）()、]{2,60}[（(](?:类|款|项)[）)]")


def naming_sentence(line: str, start: int, stops: Stops) -> str:
    """The sentence just before ``start`` when it only names a 类/款/项 (and holds no number)."""
    prev_end = start - 1
    if prev_end < 1 or line[prev_end] not in SENTENCE_STOP:
        return ""
    prev_start = stops.sentence(prev_end)
    text = line[prev_start:prev_end].strip()
    text = re.sub(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])", "", text)
    if not CLASSIFICATION_NAME.fullmatch(text) or re.search(r"\d", text):
        return ""
    return canonical_subject(text)


def ends_with_conjunction(clause: str) -> bool:
    """``调入3名事业编人员及``: the clause's words belong to the previous figure."""
    return bool(re.search(r"(?:及|和|与|以及|、)\s*$", clause))


def counted_noun(line: str, end: int, strict: bool) -> str:
    """The noun a count is of, when it follows the measure word (``下设 4 个股室，``).

    ``strict``: only a noun that ends the clause (or joins the next with 和/及/为); otherwise a
    noun before 的 or a number is accepted too (used when the clause before says nothing).
    """
    stop = r"[，,。；;、：:（(）)\s]|为|和|及|$" if strict else r"[，,。；;、：:（(）)\s0-9]|的|为|和|及|$"
    m = re.match(rf"\s*([\u4e00-\u9fff]{{2,10}}?)(?={stop})", line[end : end + 24])
    if m is None or re.match(r"[和及与或的是为在均已都全共还并可将被由]", m.group(1)):
        return ""
    return m.group(1)


def inherited_topic(state: Topics, depth: int, subject: str, topical: bool) -> Topic | None:
    """The quantity a figure whose words name none is about: its sentence's at its bracket depth,
    else (naming nothing at all) the sentence before's; a bare 收入/支出 after the other side's
    quantity is that quantity's other side (“基金收入 20790 亿元，…；支出 16699 亿元”: 基金支出) — the
    sentence head's rather than a listed part's — and what the figures after it are about
    (“…；支出 9218.62 亿元，增长 11.9%”: the rate is the 支出's)."""
    inherited = state.topic(depth)
    if inherited is None and (not subject or ROLE_ONLY.fullmatch(subject)):
        inherited = state.previous_head
    if inherited is not None and state.head is not None and _other_side(subject, state.head.subject):
        inherited = state.head  # “基金收入 X，其中保险费收入 a，财政补贴收入 b；支出 Y”
    if inherited is not None and _other_side(subject, inherited.subject):
        other = "支出" if subject == "收入" else "收入"
        swapped = Topic(inherited.subject.replace(other, subject), inherited.code, inherited.role)  # 基金收入 → 基金支出
        if topical:
            state.record(depth, swapped)
        return swapped
    return inherited


# a sentence about one fund's appropriation: “政府性基金预算财政拨款本年收入 225.58 万元…；本年支出 225.58 万元”
FUND_HEAD = re.compile(r"^(?P<fund>(?:一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?)(?:财政)?拨款)本年(?:收入|支出)$")


def of_the_heads_fund(state: Topics, subject: str) -> str:
    """A bare 本年收入 / 本年支出 in a sentence whose head (or, heading none, the sentence before's)
    is one fund's is that fund's, not the department's 本年收入合计 / 本年支出合计."""
    head = state.head or state.previous_head
    m = FUND_HEAD.match(head.subject) if head is not None and subject in ("本年收入", "本年支出") else None
    return m.group("fund") + subject if m else subject


def _other_side(bare: str, topic: str) -> bool:
    """A bare 收入 (支出) would take the name of a spending (income) quantity."""
    other = {"收入": "支出", "支出": "收入"}.get(bare)
    return other is not None and other in topic and bare not in topic
