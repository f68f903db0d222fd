"""Raw page text → clean logical lines, keeping where every character came from.

What it removes or repairs (each a common artefact of converting a PDF or Word file to text):
Markdown/HTML emphasis (``**``, ``<u>…</u>``, ``_*…*_``, ``_x_``), ``[bookmark: …]`` markers, list
dashes, page-number lines (``- 14 -``, ``第 3 页``), spaces a PDF extractor put between two CJK
characters, and lines broken in mid-sentence (joined back into one logical line). It never
touches the characters of a number: `parsers.numbers` reads those and reports what it had to fix
— except invisible characters (zero-width spaces, direction marks) inside a number, which are
dropped so the number is read whole (`parsers.text` reports them).

Every output character keeps its offset in the raw input (`CleanLine.src`), so a figure found in
the clean text can be traced back to the file (and to a PDF character box).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

PAGE_NUMBER_LINE = re.compile(
    r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
# emphasis: HTML tags, every asterisk, and underscores except inside an ASCII identifier (a_b)
MARKUP = re.compile(r"</?(?:u|b|i|strong|em)>|\*+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")
# a list dash: "- 一、…" (Markdown), or glued to the text by a PDF's lost spacing ("-一般…", "-1.…")
LIST_DASH = re.compile(r"^\s*[-•·](?:\s+(?=\S)|(?=[\u4e00-\u9fff（(]|\d{1,2}[.．、](?!\d)))")
# zero-width characters and direction marks between a number's digits or separators (1\u200b234.56):
# dropped so the number reads whole; `parsers.text` reports each (``parse.invisible_character``)
INVISIBLE = "\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069"
NUMBER_CHAR = "0-9０-９,，.．"
INVISIBLE_IN_NUMBER = re.compile(f"(?<=[{NUMBER_CHAR}])[{INVISIBLE}]+(?=[{NUMBER_CHAR}])")
TERMINAL = "。！？；;!?：:"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def is_han(ch: str) -> bool:
    return bool(ch) and bool(HAN.match(ch))


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


@dataclass(slots=True)
class CleanLine:
    text: str
    src: list[int]  # raw offset of each character of ``text``
    tab_indented: bool = False  # the raw line began with a tab (one-cell-per-line tables)
    has_tabs: bool = False  # the raw line held tab-separated cells
    cells: list[str] = field(default_factory=list)  # tab-separated cells, when has_tabs
    cell_src: list[int] = field(default_factory=list)
    lead: int = 0  # empty cells (leading tabs) before the first cell: merged cells of a table row


def clean_lines(raw: str, base: int = 0) -> list[CleanLine]:
    """Physical lines of ``raw`` with markup removed; blank and page-number lines dropped."""
    out: list[CleanLine] = []
    pos = 0
    for line in raw.split("\n"):
        start = pos
        pos += len(line) + 1
        line = line.rstrip("\r")
        if not line.strip() or PAGE_NUMBER_LINE.match(line):
            continue
        text, src = _strip_markup(line, base + start)
        if not text.strip():
            continue
        tab_indented = line.startswith("\t") or (line.lstrip(" ").startswith("\t"))
        has_tabs = "\t" in line.strip("\t ")
        cl = CleanLine("", [], tab_indented, has_tabs)
        if has_tabs:
            cells, cell_src, lead = _split_cells(text, src)
            cl.cells, cl.cell_src, cl.lead = cells, cell_src, lead
        else:
            cl.lead = text[: len(text) - len(text.lstrip(" \t"))].count("\t")
        cl.text, cl.src = _tidy_spaces(text, src)
        if cl.text:
            out.append(cl)
    return out


def _strip_markup(line: str, base: int) -> tuple[str, list[int]]:
    keep = [True] * len(line)
    for pattern in (BOOKMARK, MARKUP, INVISIBLE_IN_NUMBER):
        for m in pattern.finditer(line):
            for i in range(m.start(), m.end()):
                keep[i] = False
    dash = LIST_DASH.match(line)
    if dash:
        for i in range(dash.start(), dash.end()):
            keep[i] = False
    chars = [(c, base + i) for i, c in enumerate(line) if keep[i]]
    return "".join(c for c, _ in chars), [i for _, i in chars]


def _split_cells(text: str, src: list[int]) -> tuple[list[str], list[int], int]:
    cells, starts = [], []
    i = 0
    for part in text.split("\t"):
        if part.strip():
            lead = len(part) - len(part.lstrip())
            cells.append(part.strip())
            starts.append(src[i + lead] if i + lead < len(src) else (src[-1] if src else 0))
        else:
            cells.append("")
            starts.append(src[i] if i < len(src) else (src[-1] if src else 0))
        i += len(part) + 1
    # leading/trailing empty cells come from indentation or from merged cells: the cells are
    # returned without them, and how many led the row is kept (a table may need the position)
    lead = 0
    while cells and not cells[0]:
        cells.pop(0), starts.pop(0)
        lead += 1
    while cells and not cells[-1]:
        cells.pop(), starts.pop()
    return cells, starts, lead


def _tidy_spaces(text: str, src: list[int]) -> tuple[str, list[int]]:
    """Tabs → spaces, runs of spaces → one."""
    chars: list[tuple[str, int]] = []
    for c, i in zip(text, src):
        c = " " if c in "\t\u3000\xa0" else c
        if c == " " and (not chars or chars[-1][0] == " "):
            continue
        chars.append((c, i))
    while chars and chars[-1][0] == " ":
        chars.pop()
    return "".join(c for c, _ in chars), [i for _, i in chars]


def drop_han_spaces(line: CleanLine) -> CleanLine:
    """Prose only: a space between two Han characters is an extractor's artefact (审 批 → 审批)."""
    text, src = line.text, line.src
    keep = [not (c == " " and 0 < k < len(text) - 1 and is_han(text[k - 1]) and is_han(text[k + 1])) for k, c in enumerate(text)]
    if all(keep):
        return line
    return CleanLine("".join(c for c, k in zip(text, keep) if k), [i for i, k in zip(src, keep) if k], line.tab_indented)


def join(a: CleanLine, b: CleanLine) -> CleanLine:
    """``b`` appended to ``a`` as the continuation of the same sentence."""
    sep = " " if a.text and b.text and a.text[-1].isascii() and a.text[-1].isalnum() and b.text[0].isascii() and b.text[0].isalnum() else ""
    src = a.src + ([a.src[-1]] if sep else []) + b.src
    return CleanLine(a.text + sep + b.text, src, a.tab_indented)


def ends_sentence(text: str) -> bool:
    t = text.rstrip()
    while t and t[-1] in "”’\"')）】」』":
        t = t[:-1]
    return bool(t) and t[-1] in TERMINAL
