"""Tables written as plain text: tab-separated rows, and one cell per line.

Three layouts seen in converted disclosures:
- **tab-separated rows** (``序号\t单位名称\t单位性质``), possibly with a cell broken onto a short
  line of its own;
- **one cell per line, tab-indented** (a Word table flattened): the column count is not written
  down, so it is inferred — the width that makes every column consistently numeric or textual,
  with an optional empty corner cell above the row labels;
- **one cell per line after "详细情况见表："**, rows started by serial numbers 1, 2, 3 …, a cell
  that wrapped continuing on the next line.

`detect_tables` returns the line ranges and `Table`s; the lines stay in the document text (so the
section view can show them) but are not read as prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.headings import heading_at
from parsers.model import Table
from parsers.normalise import CleanLine, display_width
from parsers.numbers import parse_cell

UNIT_NOTE = re.compile(r"(?:单位|金额单位)\s*[:：]\s*(万元|亿元|千元|元)")
SEE_TABLE = re.compile(r"(?:见表|见下表|如下表|下表)\s*[:：]?\s*$")


@dataclass(slots=True)
class TextTable:
    first: int  # index of the first line
    last: int  # index after the last line
    table: Table


def _numeric(cell: str) -> bool:
    return parse_cell(cell) is not None


def detect_tables(lines: list[CleanLine]) -> list[TextTable]:
    found: list[TextTable] = []
    i = 0
    while i < len(lines):
        t = _chart(lines, i) or _tsv(lines, i) or _one_cell_per_line(lines, i) or _serial(lines, i)
        if t is None:
            i += 1
            continue
        found.append(t)
        i = t.last
    return found


def _unit_near(lines: list[CleanLine], first: int, last: int) -> str | None:
    for k in list(range(max(0, first - 2), first)) + list(range(last, min(len(lines), last + 2))):
        m = UNIT_NOTE.search(lines[k].text)
        if m:
            return m.group(1)
    return None


def _make(rows: list[list[str]], header_rows: list[list[str]], lines, first: int, last: int) -> TextTable:
    width = max([len(r) for r in rows + header_rows] or [0])
    rows = [r + [""] * (width - len(r)) for r in rows]
    header_rows = [h + [""] * (width - len(h)) for h in header_rows]
    columns = [" › ".join(dict.fromkeys(h[c] for h in header_rows if h[c])) for c in range(width)]
    title = ""
    if first > 0 and display_width(lines[first - 1].text) <= 60 and re.search(r"表\s*$|表[)）]?\s*$", lines[first - 1].text) and not SEE_TABLE.search(lines[first - 1].text):
        title = lines[first - 1].text.strip()
    table = Table(id="", rows=rows, columns=columns, header_rows=header_rows, title=title, unit=_unit_near(lines, first, last))
    return TextTable(first, last, table)


def _split_header(rows: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    header = []
    while rows and len(header) < 3 and not any(_numeric(c) for c in rows[0]):
        header.append(rows.pop(0))
    return header, rows


def _unit_cell(cells: list[str]) -> int | None:
    return next((k for k, c in enumerate(cells) if UNIT_NOTE.fullmatch(c.strip())), None)


def _chart(lines: list[CleanLine], i: int) -> TextTable | None:
    """Chart data left by a Word chart: a series label, then ``names… 单位：X values… next-label``."""
    if lines[i].has_tabs or i + 1 >= len(lines) or not lines[i + 1].has_tabs or _unit_cell(lines[i + 1].cells) is None:
        return None
    label: str | None = lines[i].text.strip()
    names: list[str] = []
    rows: list[list[str]] = []
    unit = None
    k = i + 1
    while k < len(lines) and label is not None and lines[k].has_tabs and (u := _unit_cell(lines[k].cells)) is not None:
        cells = lines[k].cells
        names = names or cells[:u]
        unit = UNIT_NOTE.fullmatch(cells[u].strip()).group(1)
        rest = cells[u + 1 :]
        rows.append([label] + rest[: len(names)])
        label = rest[len(names)] if len(rest) > len(names) else None
        k += 1
    if not rows:
        return None
    made = _make(rows, [[""] + names], lines, i, k)
    made.table.unit = unit
    if i > 0 and display_width(lines[i - 1].text) <= 40 and not re.search(r"[。，,；;：:]", lines[i - 1].text):
        made.table.title = lines[i - 1].text.strip()
    return made


def _tsv(lines: list[CleanLine], i: int) -> TextTable | None:
    if not (lines[i].has_tabs and len(lines[i].cells) >= 2):
        return None
    j = i
    rows: list[list[str]] = []
    while j < len(lines):
        line = lines[j]
        if line.has_tabs and len(line.cells) >= 2:
            rows.append(list(line.cells))
        elif display_width(line.text) <= 16 and j + 1 < len(lines) and lines[j + 1].has_tabs:
            if rows:  # a fragment of a broken cell: keep it with the row above
                rows[-1].append(line.text.strip())
        else:
            break
        j += 1
    if len(rows) < 2:
        return None
    header, body = _split_header(rows)
    return _make(body, header, lines, i, j)


def _one_cell_per_line(lines: list[CleanLine], i: int) -> TextTable | None:
    if not lines[i].tab_indented or lines[i].has_tabs:
        return None
    j = i
    while j < len(lines) and lines[j].tab_indented and not lines[j].has_tabs and display_width(lines[j].text) <= 40:
        j += 1
    cells = [lines[k].text.strip() for k in range(i, j)]
    if len(cells) < 4:
        return None
    best = None
    for width in range(2, min(9, len(cells))):
        for corner in (0, 1):  # an empty corner cell above the row labels is not printed
            header_len = width - corner
            body = cells[header_len:]
            if len(body) % width or not body or any(_numeric(c) for c in cells[:header_len]):
                continue
            rows = [body[k : k + width] for k in range(0, len(body), width)]
            score = _consistency(rows)
            if score is not None and (best is None or score > best[0]):
                best = (score, width, corner, rows)
    if best is None:
        return None
    _, width, corner, rows = best
    header = [([""] if corner else []) + cells[: width - corner]]
    return _make(rows, header, lines, i, j)


def _consistency(rows: list[list[str]]) -> float | None:
    """How well each column keeps one type (numeric or text) across rows; None if it never does."""
    width = len(rows[0])
    consistent = 0
    numeric_cols = 0
    for c in range(width):
        kinds = {_numeric(r[c]) for r in rows}
        if len(kinds) == 1:
            consistent += 1
            numeric_cols += kinds == {True}
    if consistent < width or numeric_cols == 0 and len(rows) < 2:
        return None
    return consistent + numeric_cols * 0.5 + len(rows) * 0.01


def _serial(lines: list[CleanLine], i: int) -> TextTable | None:
    if i == 0 or not SEE_TABLE.search(lines[i - 1].text):
        return None
    j = i
    while j < len(lines) and display_width(lines[j].text) <= 24 and not re.search(r"[。；]", lines[j].text) and not (
        heading_at(lines[j].text) and display_width(lines[j].text) > 8
    ):
        j += 1
    frags = [lines[k].text.strip() for k in range(i, j)]
    serial_at = [k for k, f in enumerate(frags) if f.isdigit()]
    if len(serial_at) < 1 or serial_at[0] == 0 or [int(frags[k]) for k in serial_at] != list(range(1, len(serial_at) + 1)):
        return None
    head_frags = frags[: serial_at[0]]
    header = _header_cells(head_frags)
    width = len(header)
    rows = []
    bounds = serial_at + [len(frags)]
    for a, b in zip(bounds, bounds[1:]):
        cells = frags[a + 1 : b]
        while len(cells) > width - 1 >= 1:
            k = max(range(len(cells) - 1), key=lambda n: (len(cells[n]), -n))
            cells[k : k + 2] = [cells[k] + cells[k + 1]]
        rows.append([frags[a]] + cells)
    return _make(rows, [header], lines, i, j)


def _header_cells(frags: list[str]) -> list[str]:
    """Header fragments → cells: single characters wrapped one per line (序/号) are one cell."""
    cells: list[str] = []
    pending = ""
    for f in frags:
        parts = f.split(" ")
        if len(parts) == 1 and len(f) == 1:
            pending += f
            continue
        if pending:
            cells.append(pending)
            pending = ""
        cells.extend(p for p in parts if p)
    if pending:
        cells.append(pending)
    return cells
