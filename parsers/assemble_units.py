"""Logical units: the cleaned physical lines of the pages → what the document is made of.

A *unit* is one logical line of `Document.text`: prose (physical lines broken by the page layout
joined again), a table found in plain text, the 目录 (table of contents) as one run, or the marker
a PDF reader left where it extracted a table (`table_marker`). `logical_units` makes them;
`lay_out` writes them one per line into the document's text, keeping for each character the
offset of the raw character it came from.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field

from parsers import headings
from parsers.model import Table
from parsers.normalise import CleanLine, display_width, drop_han_spaces, ends_sentence, join
from parsers.numbers import parse_cell
from parsers.table_figures import PERIOD_LABEL
from parsers.table_kinds import recognise_text
from parsers.text_tables import TextTable, detect_tables

FIELD_LINE = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}\s*[:：]")
TABLE_MARK_OPEN = "\ue000"
TABLE_MARK_CLOSE = "\ue001"
TABLE_MARKER = re.compile(rf"^{TABLE_MARK_OPEN}(.+){TABLE_MARK_CLOSE}$")

# a text table's row left out of the table: (offset in the unit's text, end, message zh, en)
RowProblem = tuple[int, int, str, str]


def table_marker(table_id: str) -> str:
    """A line to put in a page's text where table ``table_id`` sits."""
    return f"{TABLE_MARK_OPEN}{table_id}{TABLE_MARK_CLOSE}"


@dataclass(slots=True)
class Unit:
    """A logical line: prose (joined physical lines), a text table, a TOC run or a table marker."""

    kind: str  # prose | table | toc | marker
    line: CleanLine
    table: Table | None = None
    table_id: str = ""
    problems: list[RowProblem] = field(default_factory=list)  # text tables only


# a unit and the offset in Document.text where its line starts
Placed = tuple[int, Unit]


def logical_units(lines: list[CleanLine], given: dict[str, Table]) -> list[Unit]:
    """Physical lines → logical units: text tables and TOC apart, broken prose lines joined.

    ``given`` holds the tables a PDF reader extracted, by the id its markers name.
    """
    text_tables = {t.first: t for t in detect_tables(lines)}
    toc = headings.find_toc([line.text for line in lines])
    toc_start = toc.start if toc is not None else None
    wrap = _wrap_width(lines)
    units: list[Unit] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = TABLE_MARKER.match(line.text.strip())
        if m:
            units.append(Unit("marker", line, given.get(m.group(1)), m.group(1)))
            i += 1
        elif toc is not None and i == toc_start:
            units.append(_toc_unit(lines[toc.start : toc.stop]))
            i = toc.stop
        elif i in text_tables:
            units.append(_text_table_unit(lines, text_tables[i]))
            i = text_tables[i].last
        else:
            unit, i = _prose_unit(lines, i, wrap, lambda k: k in text_tables or k == toc_start)
            units.append(unit)
    return units


def _toc_unit(run: list[CleanLine]) -> Unit:
    """The 目录's lines as one unit, its lines kept apart."""
    text = "\n".join(line.text for line in run)
    src = [s for line in run for s in line.src + [line.src[-1]]][: len(text)]
    return Unit("toc", CleanLine(text, src))


def _text_table_unit(lines: list[CleanLine], found: TextTable) -> Unit:
    """A table found in plain text: its printed rows, tab-separated, one per line; its standard
    kind recognised as a PDF table's is."""
    table = found.table
    table.kind = recognise_text(table.title, table.columns, _periods_as_rows(table))
    printed = ["\t".join(row) for row in found.printed_rows()]
    text = "\n".join(printed)
    first_src = lines[found.first].src[0] if lines[found.first].src else 0
    row_starts = [sum(len(r) + 1 for r in printed[:k]) for k in range(len(printed))]
    problems = [(row_starts[k], row_starts[k] + len(printed[k]), zh, en) for k, zh, en in found.problems]
    return Unit("table", CleanLine(text, [first_src] * len(text)), found.table, problems=problems)


def _periods_as_rows(table: Table) -> bool:
    """Every row that holds a number is labelled by a period (``2021年度``, ``预算``, ``2020年决算``)."""
    labels = []
    for row in table.rows:
        if not any(parse_cell(c) is not None for c in row):
            continue
        labels.append(next((c for c in row if c.strip() and parse_cell(c) is None), ""))
    return bool(labels) and all(_names_a_period(label) for label in labels)


def _names_a_period(label: str) -> bool:
    m = PERIOD_LABEL.match(re.sub(r"\s+", "", label))
    return m is not None and any(m.group(g) for g in ("year", "when", "kind"))


def _prose_unit(lines: list[CleanLine], i: int, wrap: float, opens_block: Callable[[int], bool]) -> tuple[Unit, int]:
    """The prose unit that begins at line ``i``: the lines that continue its sentence joined on.

    Returns the unit and the index of the first line after it. ``opens_block(k)`` tells a line
    that begins a text table or the 目录 (never part of prose).
    """
    current = last = lines[i]
    i += 1
    while i < len(lines) and _continues(last, lines[i], wrap) and not opens_block(i):
        if TABLE_MARKER.match(lines[i].text.strip()):
            break
        current = join(current, lines[i])
        last = lines[i]
        i += 1
    return Unit("prose", drop_han_spaces(current)), i


def _wrap_width(lines: list[CleanLine]) -> float:
    widths = [display_width(line.text) for line in lines if not line.has_tabs and display_width(line.text) >= 20]
    return statistics.median(widths) if widths else 80.0


def _continues(a: CleanLine, b: CleanLine, wrap: float) -> bool:
    """Is ``b`` the rest of ``a``'s sentence (a line broken by the page layout)?"""
    if ends_sentence(a.text) or a.has_tabs or b.has_tabs:
        return False
    if headings.is_title_line(a.text):
        return _title_runs_on(a, b, wrap)
    if headings.heading_at(b.text) is not None:
        return False
    if FIELD_LINE.match(b.text):
        return False  # “部门名称: …”, “批复时间：…”: a field of its own, never the rest of a sentence
    return display_width(a.text) >= 0.6 * wrap


def _title_runs_on(a: CleanLine, b: CleanLine, wrap: float) -> bool:
    """A heading that fills its line and whose title ends at the start of the next one.

    000 breaks long 项 headings: ``2.行政事业单位养老支出（款）机关事业单位职业年金`` /
    ``缴费支出（项）。年初预算 7.8 万元…``. The next line must open with a short clause without
    digits that ends the sentence; otherwise the heading stands alone.
    """
    if display_width(a.text) < 0.9 * wrap:
        return False
    m = re.match(r"([^。，,；;：:]{1,12})。", b.text)
    return m is not None and not re.search(r"\d", m.group(1))


def lay_out(units: list[Unit]) -> tuple[str, list[int], list[Placed]]:
    """Write the units one per line: the document's text, the raw offset of each of its
    characters, and each unit with the offset where it starts."""
    parts: list[str] = []
    src: list[int] = []
    placed: list[Placed] = []
    length = 0
    for unit in units:
        text, line_src = unit.line.text, unit.line.src
        if parts:  # the newline between units maps to the next unit's first raw character
            parts.append("\n")
            src.append(line_src[0] if line_src else (src[-1] if src else 0))
            length += 1
        placed.append((length, unit))
        parts.append(text)
        src.extend(_padded(line_src, len(text)))
        length += len(text)
    return "".join(parts), src, placed


def _padded(src: list[int], n: int) -> list[int]:
    """``src`` cut or padded (with its last offset, else 0) to ``n`` entries."""
    if len(src) == n:
        return src
    return (src + [src[-1] if src else 0] * n)[:n]
