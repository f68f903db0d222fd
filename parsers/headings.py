"""The Chinese heading ladder: 第X部分 › 一、 › （一） › 1. › （1）.

`heading_at` recognises a heading marker at a position of a logical line; `split_run_on` finds
headings packed inside a run-on paragraph (``…基础。2.积极开展…``) by accepting a mid-line marker
only after a sentence end and only when it continues the numbering already open at its level, so
an ordinary "1.5万元" or an enumerated reason never becomes a section. `find_toc` marks a 目录 so
its lines are not read as a second copy of the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(s: str) -> int | None:
    """一 → 1, 十四 → 14, 二十 → 20, 二十三 → 23."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = CN_DIGITS.get(tens, None) if tens else 1
        o = CN_DIGITS.get(ones, None) if ones else 0
        if t is None or o is None:
            return None
        return t * 10 + o
    if len(s) == 1:
        return CN_DIGITS.get(s)
    return None


CN = "[一二三四五六七八九十]{1,3}"
LADDER: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(rf"第({CN})部分\s*")),
    (2, re.compile(rf"({CN})\s*、\s*")),
    (3, re.compile(rf"[（(]\s*({CN})\s*[）)]\s*")),
    (4, re.compile(r"(\d{1,2})\s*([.．、])\s*")),
    (5, re.compile(r"[（(]\s*(\d{1,2})\s*[）)](?!\s*[万元%％])\s*")),
]
# a title may begin with a year (“1.2023 年旗政务服务大厅…”, “（1）2023 年本部门…”)
YEAR_TITLE = re.compile(r"(?:19|20)\d{2}\s*年")


@dataclass(slots=True)
class Marker:
    level: int
    number: int
    start: int  # offset of the marker in the line
    end: int  # offset where the title begins
    text: str


def heading_at(line: str, pos: int = 0) -> Marker | None:
    for level, pattern in LADDER:
        m = pattern.match(line, pos)
        if not m:
            continue
        number = cn_number(m.group(1))
        if number is None or number == 0:
            continue
        if m.end() >= len(line):  # a bare marker with nothing after it is a list number, not a heading
            continue
        nxt = line[m.end()]
        if level == 4 and m.group(2) in ".．" and line[m.start(2) + 1 : m.start(2) + 2].isdigit() and not YEAR_TITLE.match(line, m.start(2) + 1):
            continue  # 1.5万元 is a number, not “1.” + title
        if level in (4, 5) and nxt in "万元%％":
            continue
        if level == 4 and nxt.isdigit() and not YEAR_TITLE.match(line, m.end()):
            continue  # “1、2 …” lists numbers; a title may only start with a year
        return Marker(level, number, m.start(), m.end(), m.group(0).strip())
    return None


SENTENCE_END = "。！？"


def split_run_on(line: str, open_numbers: dict[int, int]) -> list[tuple[int, Marker]]:
    """Headings inside ``line`` (after its start) that continue the open numbering.

    ``open_numbers`` maps level → last number seen at that level (updated in place as headings
    are accepted, so ``1. … 2. … 3.`` in one paragraph are all found).
    """
    found: list[tuple[int, Marker]] = []
    for i in range(1, len(line)):
        if line[i - 1] not in SENTENCE_END:
            continue
        j = i
        while j < len(line) and line[j] == " ":
            j += 1
        marker = heading_at(line, j)
        if marker is None:
            continue
        last = open_numbers.get(marker.level)
        if last is None or marker.number != last + 1:
            continue
        open_numbers[marker.level] = marker.number
        for deeper in [lvl for lvl in open_numbers if lvl > marker.level]:
            del open_numbers[deeper]
        found.append((j, marker))
    return found


# a comma ends a title only when a clause follows (not the comma of “1,724.62”)
TITLE_END = re.compile(r"[。；;！？]|(?<![0-9])[，,](?=.{12,})|[，,](?![0-9])(?=.{12,})")
TITLE_COLON = re.compile(r"[:：]")
MAX_TITLE = 40


def title_span(line: str, start: int) -> int:
    """Where the heading's title (begun at ``start``) ends in ``line``.

    A colon within the first ``MAX_TITLE`` characters ends the title (“一、财政拨款收入：从同级…”,
    “2.旗政务,人社,司法业务用房建设项目自评综述:根据…”); otherwise the first sentence end or a
    comma followed by a clause.
    """
    m = TITLE_END.search(line, start)
    end = m.start() if m else len(line)
    colon = TITLE_COLON.search(line, start, min(len(line), start + MAX_TITLE))
    if colon is not None and colon.start() > start and (m is None or colon.start() < end or _enumeration(line[start : colon.start()])):
        end = colon.start()
    if end - start > MAX_TITLE:
        chain = CLASSIFICATION_CHAIN.match(line, start)
        # a 类/款/项 chain is read until it closes with its level marker, however long
        end = max(start + MAX_TITLE, min(chain.end(), end)) if chain else start + MAX_TITLE
    return end


# a chain of 功能分类 names each closed by its level (“社会保障和就业支出（类）…（款）…（项）”), with the
# codes some documents add (（208类）, （05款）) and a trailing 支出 or amount left to the caller
CLASSIFICATION_CHAIN = re.compile(r"(?:[^，,。；;：:（(）)]{1,40}[（(]\s*\d{0,7}\s*(?:类|款|项)\s*[）)])+")


def _enumeration(text: str) -> bool:
    """Are the commas of ``text`` an enumeration inside a name (“旗政务,人社,司法业务用房…”)?"""
    if re.search(r"[。；;！？]", text):
        return False
    parts = re.split(r"[，,]", text)
    return len(parts) >= 3 and all(0 < len(p.strip()) <= 4 for p in parts[:-1])


TOC_TITLE = re.compile(r"^\s*目\s*录\s*$")
TOC_TITLE_AT_END = re.compile(r"目\s*录\s*$")  # “2017年度…部门预算公开目录”: the cover's title ran into it
TOC_LEADER = re.compile(r"[.…·]{3,}\s*\d*\s*$|\s\d{1,3}\s*$")
MAX_TOC_TITLE = 60
MIN_UNTITLED_TOC = 5  # entries of a 目录 printed without its title word


def is_title_line(line: str) -> bool:
    """A heading alone on its line: marker + short title, no sentence punctuation."""
    marker = heading_at(line)
    if marker is None:
        return False
    rest = line[marker.end :]
    chain = CLASSIFICATION_CHAIN.match(rest)
    limit = max(MAX_TITLE, chain.end() + 12) if chain else MAX_TITLE
    return len(rest) <= limit and not re.search(r"[。，,；;：:]", rest.rstrip("：:"))


def find_toc(lines: list[str]) -> range | None:
    """The index range of a table of contents among ``lines``, if there is one.

    A 目录 is told by its structure: a line titled 目录 (alone, or ending the cover's title line)
    followed by entries — headings or lines ending in leader dots or a page number, with no body
    text — or, without that word, a run of at least ``MIN_UNTITLED_TOC`` entries opening with a
    第X部分 whose first entry is printed again as a heading after the run (the body begins)."""
    for i, line in enumerate(lines):
        alone = bool(TOC_TITLE.match(line))
        if alone or (len(line) <= MAX_TOC_TITLE and TOC_TITLE_AT_END.search(line)):
            found = _toc_run(lines, i + 1, minimum=3)
            if found is not None:
                return range(i if alone else i + 1, found)  # a cover title that ran into 目录 stays the title
        elif _untitled_toc_start(lines, i):
            found = _toc_run(lines, i, minimum=MIN_UNTITLED_TOC, repeated=True)
            if found is not None:
                return range(i, found)
    return None


def _untitled_toc_start(lines: list[str], i: int) -> bool:
    marker = heading_at(lines[i])
    return marker is not None and marker.level == 1 and (i == 0 or not _toc_entry(lines[i - 1]))


def _toc_run(lines: list[str], first: int, minimum: int, repeated: bool = False) -> int | None:
    """The end of a run of 目录 entries starting at ``first``: where its first entry is printed
    again (the body begins) or where the entries stop; None when it is no 目录 (fewer than
    ``minimum`` entries, or — ``repeated`` — a first entry never printed again)."""
    entries: list[str] = []
    j = first
    while j < len(lines) and _toc_entry(lines[j]):
        key = _toc_key(lines[j])
        if entries and key == entries[0]:
            return j if len(entries) >= minimum else None
        entries.append(key)
        j += 1
    if len(entries) < minimum:
        return None
    if repeated and not any(_toc_key(line) == entries[0] for line in lines[j:]):
        return None
    return j


def _toc_entry(line: str) -> bool:
    """A 目录 line: a heading or a title with leader dots or a page number, no sentence in it (an
    entry may end with a full stop: “一、主要职能。”)."""
    line = line.rstrip().removesuffix("。")
    return len(line) <= 60 and not re.search(r"[。；;]", line) and (heading_at(line) is not None or bool(TOC_LEADER.search(line)))


def _toc_key(line: str) -> str:
    return re.sub(r"[\s.…·\d。]+$", "", re.sub(r"\s+", "", line))


def toc_title_key(line: str) -> str:
    """A title as a 目录 entry and its heading both print it: no spaces, leaders, page number."""
    return _toc_key(line)


def toc_parts(lines: list[str]) -> dict[str, Marker]:
    """The 第X部分 entries of a 目录, by their title (without the marker)."""
    out = {}
    for line in lines:
        marker = heading_at(line)
        if marker is not None and marker.level == 1:
            out[toc_title_key(line[marker.end :])] = marker
    return out
