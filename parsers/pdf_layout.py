"""Page layout: running headers and footers, and what belongs to each table on a page.

`furniture` finds the lines printed at the top or bottom edge of many pages (running titles,
page numbers) so they are dropped. `lay_out` orders a page's content top to bottom into prose
lines and table fragments, and gives each fragment the lines that belong to it rather than to the
prose: its title (`收入支出决算总表`), its tag (`公开01表`), its unit (`单位：万元`), and the notes
printed under it (`注：…本表无数据`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from parsers.numbers import UNIT_NOTE
from parsers.pdf_grid import RawTable
from parsers.pdf_page import PageRead
from parsers.pdf_text import PARAGRAPH_START, Line

EDGE_BAND = 0.08  # share of the page height at the top and the bottom where furniture sits
PAGE_NUMBER = re.compile(
    r"^[-—–~·\s]*(?:第\s*)?[0-9ivxlcdmIVXLCDM]{1,4}\s*(?:页)?(?:\s*[/／共]\s*\d+\s*页?)?[-—–~·\s]*$"
)
TAG = re.compile(r"^(?:公开\s*\d{1,2}\s*表|附?表\s*\d{1,2}(?:-\d{1,2})?|\d{1,2}-\d{1,2}表)$")
TAG_PREFIX = re.compile(r"^(公开\s*\d{1,2}\s*表|附?表\s*\d{1,2}(?:-\d{1,2})?)\s*")
NOTE_START = re.compile(r"^(?:注|说明|备注)\s*(?:\d|[:：])|本表(?:无|为空)")
SENTENCE_END = re.compile(r"[。；;：:]$")
CONTINUED = re.compile(r"[（(]?续(?:表)?[)）]?$|^续表")
MAX_TITLE = 50
DEPARTMENT_NOTE = re.compile(r"^(?:编制)?(?:部门|单位)(?:名称)?\s*[:：]")
STRAY_QUOTES = re.compile(r"^[“”\"'‘’\s]+$")
TITLE_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}\s*[、.．](?!\d))")


@dataclass(slots=True)
class Fragment:
    table: RawTable
    title: str = ""
    tag: str = ""  # 公开01表 / 表1
    unit: str | None = None
    notes: list[str] = field(default_factory=list)
    continued: bool = False  # titled as a continuation (续表)
    first_on_page: bool = False  # nothing above it on its page
    last_on_page: bool = False  # nothing below it on its page
    carries_header: bool = False  # goes on with the header of the table before it (over a page break)


@dataclass(slots=True)
class PageLayout:
    number: int
    items: list[Line | Fragment]  # top to bottom
    left: float  # prose margins
    right: float


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def furniture(pages: list[PageRead]) -> set[tuple[int, int]]:
    """(page number, line index) of every running header, footer and page number."""
    found: set[tuple[int, int]] = set()
    edge_lines: list[tuple[int, int, str]] = []
    for page in pages:
        band = EDGE_BAND * page.height
        for i, line in enumerate(page.lines):
            if line.top < band or line.bottom > page.height - band:
                if PAGE_NUMBER.match(line.text):
                    found.add((page.number, i))
                else:
                    edge_lines.append((page.number, i, _key(line.text)))
    pages_of: dict[str, set[int]] = defaultdict(set)
    for number, _, key in edge_lines:
        pages_of[key].add(number)
    repeated = max(3, int(0.3 * len(pages)))
    for number, i, key in edge_lines:
        if len(pages_of[key]) >= repeated:
            found.add((number, i))
    return found


def _split_unit(text: str) -> tuple[str, str | None]:
    m = UNIT_NOTE.search(text)
    if not m:
        return text, None
    before = text[: m.start()].strip()
    before = re.sub(r"(?:编制(?:单位|部门)\s*[:：].*|\d{4}\s*年(?:\d{1,2}\s*月)?(?:\d{1,2}\s*日)?)$", "", before).strip()
    return before, m.group(1)


def _looks_like_title(text: str) -> bool:
    return 0 < len(text) <= MAX_TITLE and not SENTENCE_END.search(text) and not NOTE_START.match(text)


def _title_opens(upper: Line, title: str, right: float) -> bool:
    """``upper`` is the first line of a title that wrapped into ``title``: it runs to the table's
    right edge (it was wrapped there), does not end like a title itself, and the text below it
    does not open a title of its own (十一、…)."""
    text = upper.text.strip()
    return upper.x1 >= right - 2 * upper.size and not text.endswith("表") and not TITLE_ORDINAL.match(title) and _looks_like_title(text)


def _claim_title(fragment: Fragment, above: list[Line]) -> set[int]:
    """Fill the fragment's title, tag and unit from the lines just above it; the indices taken."""
    taken: set[int] = set()
    limit = fragment.table.bbox[1]
    for i in range(len(above) - 1, -1, -1):
        line = above[i]
        if limit - line.bottom > 4 * line.size:
            break
        text, unit = _split_unit(line.text.strip())
        if unit and fragment.unit is None:
            fragment.unit = unit
        tag = TAG_PREFIX.match(text)
        if TAG.match(text):
            fragment.tag = re.sub(r"\s+", "", text)
            text = ""
        elif tag and len(text) > tag.end():
            fragment.tag = re.sub(r"\s+", "", tag.group(1))
            text = text[tag.end() :]
        if not text or DEPARTMENT_NOTE.match(text) or STRAY_QUOTES.match(text):
            taken.add(i)  # a tag, unit or 部门： line, or quotes typeset apart from their title
            limit = line.top
            continue
        if fragment.title and _title_opens(line, fragment.title, fragment.table.bbox[2]) and limit - line.bottom <= 2 * line.size:
            fragment.title = text + fragment.title  # a title wrapped over lines (…支出预 / 算表)
            taken.add(i)
            limit = line.top
            continue
        if fragment.title or not _looks_like_title(text):
            break
        fragment.title = text
        fragment.continued = bool(CONTINUED.search(text))
        if not PARAGRAPH_START.match(text):
            taken.add(i)
        limit = line.top  # a tag line (公开05表) may still sit above the title
    return taken


def _claim_notes(fragment: Fragment, below: list[Line]) -> int:
    """Take the note lines printed just under the fragment; how many lines were taken."""
    if not below or below[0].top - fragment.table.bbox[3] > 3 * below[0].size or not NOTE_START.search(below[0].text):
        return 0
    taken = 1
    notes = [below[0].text.strip()]
    for prev, line in zip(below, below[1:]):
        if line.top - prev.bottom > 2 * line.size or (PARAGRAPH_START.match(line.text) and not NOTE_START.match(line.text)):
            break
        if NOTE_START.match(line.text) or prev.text.rstrip().endswith(("。", "：", ":")):
            notes.append(line.text.strip())
        else:
            notes[-1] += line.text.strip()
        taken += 1
    fragment.notes = notes
    return taken


def lay_out(page: PageRead, dropped: set[tuple[int, int]]) -> PageLayout:
    lines = [line for i, line in enumerate(page.lines) if (page.number, i) not in dropped]
    body = [line for line in lines if len(line.text) >= 10] or lines
    left = min((line.x0 for line in body), default=0.0)
    right = max((line.x1 for line in body), default=page.width)
    items: list[Line | Fragment] = []
    cursor = 0
    fragments = [Fragment(t) for t in page.tables]
    for n, fragment in enumerate(fragments):
        top = fragment.table.bbox[1]
        above = []
        while cursor < len(lines) and lines[cursor].middle < top:
            above.append(lines[cursor])
            cursor += 1
        taken = _claim_title(fragment, above)
        items.extend(line for i, line in enumerate(above) if i not in taken)
        fragment.first_on_page = not items
        items.append(fragment)
        next_top = fragments[n + 1].table.bbox[1] if n + 1 < len(fragments) else float("inf")
        below = [line for line in lines[cursor:] if line.middle < next_top]
        cursor += _claim_notes(fragment, below)
    items.extend(lines[cursor:])
    if fragments and items[-1] is fragments[-1]:
        fragments[-1].last_on_page = True
    return PageLayout(page.number, items, left, right)
