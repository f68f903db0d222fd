"""The words around and above a text table's cells: its title, its unit, its column paths.

Text lost the table's ruling, so what a PDF reader takes from the ruling is read here from the
text: the title (a short line ending in 表 above the table, else a short caption right above it),
the unit (a ``单位：万元`` line next to it), and each column's header path — a header cell printed
once over several sub-headers spans them, as its merged cell did on the page.
"""

from __future__ import annotations

import re

from parsers.headings import heading_at
from parsers.normalise import CleanLine, display_width
from parsers.numbers import UNIT_NOTE

SEE_TABLE = re.compile(r"(?:见表|见下表|如下表|下表)\s*[:：]?\s*$")


def column_name(cell: str) -> str:
    """A header cell as a column name: spaces an extractor put between CJK characters removed."""
    return re.sub(r"(?<=[\u4e00-\u9fff（）()])\s+(?=[\u4e00-\u9fff（）()])", "", cell.strip())


def column_paths(header_rows: list[list[str]], width: int) -> list[str]:
    """Each column's header path, top to bottom (``基本支出 › 人员经费``), merged cells spread."""
    spanned = _spans(header_rows)
    return [" › ".join(dict.fromkeys(column_name(h[c]) for h in spanned if c < len(h) and h[c])) for c in range(width)]


def _spans(header_rows: list[list[str]]) -> list[list[str]]:
    """Header rows with each merged cell spread over the columns it spans, as a PDF's ruling shows
    them: text lost the ruling, so a cell that heads several sub-headers (``基本支出`` over
    人员经费 | 公用经费) is printed once, at its first column, and the cells after it are empty.
    An empty cell continues the nearest cell on its left when both stand over sub-headers."""
    out = [list(h) for h in header_rows]
    for n, row in enumerate(out[:-1]):
        below = out[n + 1 :]
        origin = None
        for c in range(len(row)):
            if header_rows[n][c]:
                origin = c
            elif origin is not None and any(h[c] for h in below) and any(h[origin] for h in below):
                row[c] = row[origin]
            else:
                origin = None
    return out


def title_before(lines: list[CleanLine], first: int) -> str:
    """A short line ending in 表 just above the table (a 年度 or 项目名称 line may sit between),
    else a short caption right above it (a 单位 line aside): no sentence, no heading marker."""
    for k in range(first - 1, max(-1, first - 4), -1):
        text = lines[k].text.strip()
        if display_width(text) > 60 or lines[k].has_tabs:
            break
        if re.search(r"表[)）]?\s*$", text) and not SEE_TABLE.search(text):
            return text
        if display_width(text) > 30:
            break
    return _caption_before(lines, first)


def _caption_before(lines: list[CleanLine], first: int) -> str:
    k = first - 1
    if k >= 0 and UNIT_NOTE.fullmatch(lines[k].text.strip()):
        k -= 1
    text = lines[k].text.strip() if k >= 0 else ""
    if not text or lines[k].has_tabs or display_width(text) > 24 or re.search(r"[。，,；;：:！？!?]", text) or heading_at(text):
        return ""
    return text


def unit_near(lines: list[CleanLine], first: int, last: int) -> str | None:
    """The unit a ``单位：万元`` line within two lines of the table declares."""
    for k in list(range(max(0, first - 2), first)) + list(range(last, min(len(lines), last + 2))):
        m = UNIT_NOTE.search(lines[k].text)
        if m:
            return m.group(1)
    return None
