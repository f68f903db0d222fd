"""Tables written as plain text: tab-separated rows, and one cell per line.

Four layouts seen in converted disclosures:
- **tab-separated rows** (``序号\t单位名称\t单位性质``), possibly with a cell broken onto a short
  line of its own;
- **tab-separated forms with several header rows inside** (项目支出绩效自评表: a funds block
  headed 年初预算数/全年预算数/全年执行数…, then an indicator block headed 一级指标/二级指标/…/
  年度指标值/实际完成值/计量单位/分值/得分), often OCR-damaged: every header row that has numbers
  under it starts a table of its own (the rows above the first one are kept as its header rows);
  a row whose merged cells were dropped is placed under its header by where its numbers can go
  (numbers only under value columns), the printed position deciding between equal fits; a row
  that cannot be placed, or whose number cells are debris (``0.``, ``(0``), is left out of the
  table and reported, never guessed;
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
from dataclasses import dataclass, field

from parsers.headings import heading_at
from parsers.model import Table
from parsers.normalise import CleanLine, display_width
from parsers.numbers import UNIT_NOTE, parse_cell
from parsers.table_codes import code_header, turned
from parsers.text_table_heads import SEE_TABLE, column_name, column_paths, title_before, unit_near



@dataclass(slots=True)
class TextTable:
    first: int  # index of the first line
    last: int  # index after the last line
    table: Table
    # the rows as printed (for the document text); None: header_rows + rows
    text_rows: list[list[str]] | None = None
    # rows of text_rows left out of the table: (index in text_rows, message zh, message en)
    problems: list[tuple[int, str, str]] = field(default_factory=list)

    def printed_rows(self) -> list[list[str]]:
        return self.text_rows if self.text_rows is not None else self.table.header_rows + self.table.rows


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
        parts = t if isinstance(t, list) else [t]
        found.extend(parts)
        i = parts[-1].last
    return found


# what a column holds, from its header's words: values (n), labels/attributes (t), or unknown (u)
NUMERIC_HEADER = re.compile(r"值$|数$|数额|金额|分值|得分|总分|率|合计|小计|总计|预算|决算|执行|万元|[（(]元[）)]|[%％]|比重|占比|增减|收入$|支出$")
TEXT_HEADER = re.compile(r"指标$|名称|计量|^单位$|性质|方向|原因|措施|说明|编码|代码|科目|内容|目标|^项目$|备注")
SERIAL_HEADER = re.compile(r"序号|行次|栏次")


def header_type(name: str) -> str:
    n = re.sub(r"\s+", "", name.split(" › ")[-1] if name else "")
    if not n or SERIAL_HEADER.search(n):
        return "u"
    if TEXT_HEADER.search(n) and not re.search(r"值$|率", n):
        return "t"
    if NUMERIC_HEADER.search(n):
        return "n"
    return "u"


def _make(rows: list[list[str]], header_rows: list[list[str]], lines, first: int, last: int) -> TextTable:
    width = max([len(r) for r in rows + header_rows] or [0])
    rows = [r + [""] * (width - len(r)) for r in rows]
    header_rows = [h + [""] * (width - len(h)) for h in header_rows]
    columns = column_paths(header_rows, width)
    table = Table(id="", rows=rows, columns=columns, header_rows=header_rows, title=title_before(lines, first), unit=unit_near(lines, first, last))
    return TextTable(first, last, table)


def _split_header(rows: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    header: list[list[str]] = []
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
        note = UNIT_NOTE.fullmatch(cells[u].strip())
        assert note is not None  # _unit_cell found it by this very pattern
        unit = note.group(1)
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


@dataclass(slots=True)
class _Row:
    cells: list[str]  # without the leading empty cells
    lead: int  # leading empty cells as printed
    line: int  # index of its line
    fragment: bool = False  # a short line holding one piece of a broken cell

    def placed(self) -> list[str]:
        return [""] * self.lead + self.cells


def _tsv(lines: list[CleanLine], i: int) -> TextTable | list[TextTable] | None:
    if not (lines[i].has_tabs and len(lines[i].cells) >= 2):
        return None
    j = i
    raw: list[_Row] = []
    while j < len(lines):
        line = lines[j]
        if line.has_tabs and len(line.cells) >= 2:
            raw.append(_Row(list(line.cells), line.lead, j))
        elif display_width(line.text) <= 16 and j + 1 < len(lines) and lines[j + 1].has_tabs:
            if raw:  # a fragment of a broken cell, kept with the row above
                raw.append(_Row([line.text.strip()], line.lead, j, fragment=True))
        else:
            break
        j += 1
    if len([r for r in raw if not r.fragment]) < 2:
        return None
    coded = _code_header_table(raw, lines, i, j)
    if coded is not None:
        return coded
    heads = [k for k in range(1, len(raw)) if _is_block_header(raw, k)]
    if len(heads) == 1 and _one_header(raw, heads[0]):
        heads = []  # a standard table's header of two or three rows, not a form's inner header
    if not heads:
        rows = _merge_fragments([r for r in raw])
        indent = min(r.lead for r in rows)  # a row indented further starts with empty cells (a header's corner)
        header, body = _split_header([[""] * (r.lead - indent) + r.cells for r in rows])
        return _make(body, header, lines, i, j)
    title = title_before(lines, i)
    preamble = raw[: heads[0]]
    for r in preamble:
        t = "".join(c for c in r.cells if c)
        if not title and re.search(r"表[)）]?\s*$", t):
            title = re.sub(r"\s+", " ", " ".join(c for c in r.cells if c))
    out = []
    bounds = heads + [len(raw)]
    for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
        first = raw[0].line if n == 0 else raw[a].line
        last = raw[b].line if b < len(raw) else j
        before = preamble if n == 0 else []
        out.append(_block(lines, before, raw[a], raw[a + 1 : b], first, last, title))
    return out


def _one_header(raw: list[_Row], head: int) -> bool:
    """The rows above ``head`` are upper rows of one header over its table: no number above it, no
    cell broken onto a line of its own, and the header as wide as the widest row under it."""
    if head > 2 or any(r.fragment for r in raw) or any(_is_numeric_cell(c) for r in raw[:head] for c in r.cells):
        return False
    indent = min(r.lead for r in raw)
    widths = [r.lead - indent + len(r.cells) for r in raw]  # trailing empty cells are not kept
    return max(widths[: head + 1]) == max(widths[head + 1 :], default=-1)


def _code_header_table(raw: list[_Row], lines: list[CleanLine], first: int, last: int) -> TextTable | None:
    """A table headed by a row of 科目 codes and a row of their names (`parsers.table_codes`),
    cells placed as printed (a header cell spanning both rows leaves the other one empty); the
    table turned so each 科目 heads a row, its text kept as printed."""
    printed = [r.placed() for r in _merge_fragments(list(raw))]
    header = code_header(printed)
    if header is None:
        return None
    height = max(header.code_row, header.name_row) + 1
    if any(_is_numeric_cell(c) for r in printed[:height] if r not in (printed[header.code_row],) for c in r):
        return None
    made = _make(printed[height:], printed[:height], lines, first, last)
    made.text_rows = printed
    made.table = turned(made.table)
    return made


def _is_numeric_cell(cell: str) -> bool:
    parsed = parse_cell(cell)
    return parsed is not None and not parsed.malformed


def _is_debris(cell: str) -> bool:
    """A number cell damaged by extraction: ``0.``, ``. 00``, ``(0``, ``()``."""
    c = cell.strip()
    return bool(c) and bool(re.fullmatch(r"[\s（()）.．0-9]+", c)) and not _is_numeric_cell(c)


def _is_block_header(raw: list[_Row], k: int) -> bool:
    """A row of ≥3 labels, no numbers, with numbers in the next full row: a header inside the table."""
    row = raw[k]
    named = [c for c in row.cells if len(re.findall(r"[\u4e00-\u9fff]", c)) >= 2]
    if row.fragment or len(named) < 3 or any(_is_numeric_cell(c) or _is_debris(c) for c in row.cells):
        return False
    nxt = next((r for r in raw[k + 1 :] if not r.fragment), None)
    return nxt is not None and any(_is_numeric_cell(c) for c in nxt.cells)


def _merge_fragments(rows: list[_Row]) -> list[_Row]:
    """A fragment (one text piece) joins the cell it continues in the row above."""
    out: list[_Row] = []
    for r in rows:
        single = [c for c in r.cells if c]
        if out and len(single) == 1 and not _is_numeric_cell(single[0]) and not _is_debris(single[0]) and re.search(r"[\u4e00-\u9fff]", single[0]):
            prev = out[-1]
            cells = prev.placed()
            k = r.lead if r.lead < len(cells) and cells[r.lead] and not _is_numeric_cell(cells[r.lead]) else None
            if k is None:
                k = max((n for n, c in enumerate(cells) if c and not _is_numeric_cell(c)), default=None)
            if k is not None:
                cells[k] = cells[k] + single[0]
                out[-1] = _Row(cells[prev.lead :], prev.lead, prev.line)
                continue
        out.append(r)
    return out


def _block(lines, preamble: list[_Row], head: _Row, body: list[_Row], first: int, last: int, title: str) -> TextTable:
    """One header row and the rows under it: each row placed under the header or reported."""
    header = head.placed()
    width = len(header)
    types = [header_type(column_name(h)) for h in header]
    rows: list[list[str]] = []
    problems: list[tuple[int, str, str]] = []
    text_rows = [r.placed() for r in preamble] + [header]
    merged = _merge_fragments(body)
    vocab = _vocabulary([_place(r, width, types, confident_only=True) for r in merged], width)
    for r in merged:
        text_rows.append(r.placed())
        if _is_ruling(r.cells):
            continue  # remnants of the table's ruling read as letters (“T _ Г ı”): no content
        placed = _place(r, width, types, vocab=vocab)
        if placed is None:
            printed = " | ".join(c for c in r.cells if c)
            problems.append(
                (
                    len(text_rows) - 1,
                    f"表格行无法与表头对齐或数字残缺，未读取：{printed}",
                    f"table row cannot be placed under its header or its numbers are damaged, not read: {printed}",
                )
            )
            continue
        rows.append(placed)
    header_rows = [r.placed() + [""] * (width - len(r.placed())) for r in preamble] + [header]
    full = max([width] + [len(h) for h in header_rows])
    header_rows = [h + [""] * (full - len(h)) for h in header_rows]
    rows = [r + [""] * (full - len(r)) for r in rows]
    columns = [column_name(header[c]) if c < width else "" for c in range(full)]
    table = Table(id="", rows=rows, columns=columns, header_rows=header_rows, title=title, unit=_unit_in_cells(header_rows, rows, types) or unit_near(lines, first, last))
    table.notes = [p[1] for p in problems]
    return TextTable(first, last, table, text_rows, problems)


def _is_ruling(cells: list[str]) -> bool:
    return all(not re.search(r"[\u4e00-\u9fff0-9]", c) and len(c.strip()) <= 2 for c in cells)


def _vocabulary(placed_rows: list[list[str] | None], width: int) -> list[set[str]]:
    """Short words each column holds in the rows placed without doubt (正向/反向/定性, 台/个/%)."""
    vocab: list[set[str]] = [set() for _ in range(width)]
    for row in placed_rows:
        for k, c in enumerate(row or []):
            word = re.sub(r"\s+", "", c)
            if k < width and word and len(word) <= 4 and not _is_numeric_cell(word):
                vocab[k].add(word)
    return vocab


def _place(r: _Row, width: int, types: list[str], *, confident_only: bool = False, vocab: list[set[str]] | None = None) -> list[str] | None:
    """Where row ``r`` sits under a header of ``width`` columns typed ``types`` (None: nowhere).

    Numbers may only go under value (or unknown) columns. One such position: taken. Several:
    the printed position if it is one of them, else the one whose short words match what the
    column holds in the rows placed without doubt (``vocab``), else the one with no text under a
    value column nearest the printed position; a tie places nothing.
    """
    cells = r.cells
    if any(_is_debris(c) for c in cells):
        return None
    numbers = [k for k, c in enumerate(cells) if _is_numeric_cell(c)]
    if not numbers:  # a text row (goals, remarks): as printed, overflow kept in the last column
        placed = r.placed()
        if len(placed) > width:
            placed = placed[: width - 1] + [" ".join(c for c in placed[width - 1 :] if c)]
        return placed + [""] * (width - len(placed))
    if not any(c and not _is_numeric_cell(c) for c in cells[: numbers[0]]):
        return None  # numbers with no label before them: debris of the ruling
    valid = [sh for sh in range(0, width - len(cells) + 1) if all(types[sh + k] != "t" for k in numbers)]
    if not valid:
        return None
    if len(valid) == 1:
        shift = valid[0]
    elif confident_only:
        return None
    elif r.lead in valid:
        shift = r.lead  # the printed position, when numbers fit under it
    elif vocab is not None and (best := _vocab_best(cells, valid, vocab)) is not None:
        shift = best
    else:
        # text under a value column is allowed (定性 indicators) but a fit without it is better;
        # among equal fits the one nearest the printed position, a tie is no placement
        exact = [sh for sh in valid if not any(c and not _is_numeric_cell(c) and types[sh + k] == "n" for k, c in enumerate(cells))]
        pool = exact or valid
        best = min(abs(sh - r.lead) for sh in pool)
        nearest = [sh for sh in pool if abs(sh - r.lead) == best]
        if len(nearest) != 1:
            return None
        shift = nearest[0]
    return [""] * shift + cells + [""] * (width - shift - len(cells))


def _vocab_best(cells: list[str], valid: list[int], vocab: list[set[str]]) -> int | None:
    scores = {sh: sum(1 for k, c in enumerate(cells) if re.sub(r"\s+", "", c) in vocab[sh + k]) for sh in valid}
    best = max(scores.values())
    winners = [sh for sh, v in scores.items() if v == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


UNIT_IN_CELL = re.compile(r"[（(]\s*(万元|亿元|千元|元)\s*[）)]")


def _unit_in_cells(header_rows: list[list[str]], rows: list[list[str]], types: list[str]) -> str | None:
    """A money unit printed in a header or a row label, ``项目资金（万元）``."""
    for row in header_rows + rows:
        for k, c in enumerate(row):
            m = UNIT_IN_CELL.search(c or "")
            if m and (k >= len(types) or types[k] != "n"):
                return m.group(1)
    return None


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
