"""Assemble a `Document` from page texts and tables: the one path text and PDF input share.

Readers (``parsers.text`` for .txt/.md, ``parsers.pdf`` for PDF) produce `PageText`s — the prose
of each page, with the position of each extracted table marked by a `table_marker` line — and the
`Table`s themselves. `assemble` normalises the text (with evidence), builds the section tree,
places tables under their sections, extracts every figure (prose and cells), detects the
document's kind, year, department and unit, and collects the parser's own findings.
"""

from __future__ import annotations

import bisect
import re
import statistics
from dataclasses import dataclass, field

from parsers import headings, metadata
from parsers.figures import extract_prose_figures, missing_figures
from parsers.identity import identify_all
from parsers.model import BBox, Block, Document, Normalisation, ParseIssue, Section, Severity, Table
from parsers.normalise import CleanLine, clean_lines, display_width, drop_han_spaces, ends_sentence, join
from parsers.subjects import canonical_subject, strip_role_words
from parsers.table_figures import table_figures
from parsers.text_tables import detect_tables

FIELD_LINE = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}\s*[:：]")
TABLE_MARK_OPEN = "\ue000"
TABLE_MARK_CLOSE = "\ue001"


def table_marker(table_id: str) -> str:
    """A line to put in a page's text where table ``table_id`` sits."""
    return f"{TABLE_MARK_OPEN}{table_id}{TABLE_MARK_CLOSE}"


@dataclass(slots=True)
class PageText:
    number: int | None  # 1-based page number; None for text files
    text: str  # the page's prose, lines separated by "\n"; table_marker() lines where tables sit
    char_boxes: list[BBox | None] | None = None  # optional, one per character of ``text``


@dataclass(slots=True)
class _Unit:
    """A logical line: prose (joined physical lines), a text table, a TOC run or a table marker."""

    kind: str  # prose | table | toc | marker
    line: CleanLine
    table: Table | None = None
    table_id: str = ""
    # text tables: rows left out of the table, as (offset in line.text, end, message zh, en)
    problems: list[tuple[int, int, str, str]] = field(default_factory=list)


@dataclass(slots=True)
class _Built:
    text_parts: list[str] = field(default_factory=list)
    src: list[int] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, src: list[int]) -> int:
        start = self.length
        if self.text_parts:
            self.text_parts.append("\n")
            self.src.append(src[0] if src else (self.src[-1] if self.src else 0))
            self.length += 1
            start += 1
        self.text_parts.append(text)
        self.src.extend(src if len(src) == len(text) else (src + [src[-1] if src else 0] * len(text))[: len(text)])
        self.length += len(text)
        return start


def assemble(
    *,
    path: str,
    sha256: str,
    pages: list[PageText],
    tables: list[Table] | None = None,
    page_count: int | None = None,
    scanned_pages: list[int] | None = None,
) -> Document:
    raw_starts: list[int] = []  # where each page begins in the concatenated raw text
    raw_pages: list[int | None] = []
    lines: list[CleanLine] = []
    boxes: list[BBox | None] = []
    base = 0
    for page in pages:
        raw_starts.append(base)
        raw_pages.append(page.number)
        lines.extend(clean_lines(page.text, base))
        boxes.extend(page.char_boxes if page.char_boxes is not None else [None] * (len(page.text) + 1))
        if page.char_boxes is not None:
            boxes.extend([None] * (len(page.text) + 1 - len(page.char_boxes)))
        base += len(page.text) + 1

    def raw_page(raw_offset: int) -> int | None:
        k = bisect.bisect_right(raw_starts, raw_offset) - 1
        return raw_pages[k] if k >= 0 else None

    given = {t.id: t for t in (tables or [])}
    units = _units(lines, given)
    built = _Built()
    doc = Document(path=path, sha256=sha256, text="", page_count=page_count, scanned_pages=list(scanned_pages or []))
    placed: list[tuple[int, _Unit]] = []
    for unit in units:
        start = built.add(unit.line.text, unit.line.src)
        placed.append((start, unit))
    doc.text = "".join(built.text_parts)
    src = built.src

    def page_of(offset: int) -> int | None:
        if not src or offset >= len(src):
            return raw_page(src[-1]) if src else None
        return raw_page(src[offset])

    if any(p is not None for p in raw_pages):
        last = None
        for off in range(len(src)):
            p = raw_page(src[off])
            if p is not None and p != last:
                doc.page_starts.extend([off] * (p - len(doc.page_starts)))
                last = p
        doc.page_starts = doc.page_starts[: max(p for p in raw_pages if p is not None)]

    title_lines = []
    for start, unit in placed:
        if unit.kind != "prose" or headings.heading_at(unit.line.text) or len(title_lines) == 2 or re.search(r"[:：]", unit.line.text):
            break
        title_lines.append(unit.line.text)
    doc.title = "".join(title_lines)[:80]
    doc.kind = metadata.detect_kind(doc.title, doc.text)
    doc.year = metadata.detect_year(doc.title, doc.text)
    doc.department = metadata.detect_department(doc.title, doc.text)

    marker_spans = _build_sections(doc, placed, page_of)
    section_starts = [(s.start, s.id) for s in doc.sections()]
    section_starts.sort()
    starts_only = [s for s, _ in section_starts]

    def section_at(offset: int) -> str:
        k = bisect.bisect_right(starts_only, offset) - 1
        return section_starts[k][1] if k >= 0 else ""

    # tables: ids in order, section by position
    table_counter = 0
    ordered_tables: list[Table] = []
    for start, unit in placed:
        if unit.kind in ("table", "marker") and unit.table is not None:
            table = unit.table
            if unit.kind == "table":
                table_counter += 1
                table.id = f"X{table_counter}" if given else f"T{table_counter}"
                table.start, table.end = start, start + len(unit.line.text)
                table.page = table.page if table.page is not None else page_of(start)
                if table.page is not None and not table.pages:
                    table.pages = [table.page]
            table.section_id = section_at(start)
            for a, b, zh, en in unit.problems:
                doc.issues.append(
                    ParseIssue("parse.table_row_unaligned", Severity.WARNING, zh, en, doc.text[start + a : start + b], table.section_id, table.page, start + a, start + b)
                )
            ordered_tables.append(table)
            sec = doc.section(table.section_id) if table.section_id else None
            (sec.table_ids if sec is not None else doc.root.table_ids).append(table.id)
            doc.blocks.append(Block("table", start, start + len(unit.line.text), table.section_id, table.page, table.id))
    ordered_tables += [t for t in given.values() if t not in ordered_tables]
    doc.tables = ordered_tables

    # prose blocks and figures
    money_units: list[str | None] = []
    prose = [(start, unit) for start, unit in placed if unit.kind == "prose"]
    raw_figures = []
    marker_spans.sort()
    span_starts = [a for a, _ in marker_spans]
    for start, unit in prose:
        text = unit.line.text
        lo = bisect.bisect_left(span_starts, start)
        hi = bisect.bisect_left(span_starts, start + len(text))
        spans = [(a - start, b - start) for a, b in marker_spans[lo:hi]]
        raw_figures.append((start, text, spans))
        for m in re.finditer(r"(\d)\s*(万元|亿元|元)", text):
            money_units.append(m.group(2))
    doc.unit = metadata.detect_unit(money_units)
    has_boxes = any(b is not None for b in boxes)
    for start, text, spans in raw_figures:
        sid = section_at(start)
        sec = doc.section(sid)
        result = extract_prose_figures(
            text,
            start,
            section_id=sid,
            section_subject=_section_subject(sec),
            doc_year=doc.year,
            doc_unit=doc.unit,
            department=doc.department,
            skip=spans,
            page_of=page_of,
            doc_kind=doc.kind,
        )
        for fig in result.figures:
            fig.section_id = section_at(fig.start)
            if fig.section_id != sid:
                fig.subject = fig.subject or _section_subject(doc.section(fig.section_id))
            if has_boxes:
                fig.bbox = _union([boxes[src[i]] for i in range(fig.start, fig.end) if src[i] < len(boxes)])
            raw = "".join(pages_text_at(pages, raw_starts, src[i]) for i in range(fig.start, fig.end))
            if raw and raw != fig.text:
                fig.raw = raw
        doc.figures.extend(result.figures)
        doc.issues.extend(result.issues)
        for kind, before, after, at in result.fixes:
            doc.normalisations.append(Normalisation(kind, before, after, at, page_of(at)))
        doc.issues.extend(missing_figures(text, start, sid, page_of))
    for issue in doc.issues:
        if issue.start is not None:
            issue.section_id = section_at(issue.start)
    for table in doc.tables:
        figs, issues, fixes = table_figures(table, doc.unit, doc.year)
        doc.figures.extend(figs)
        doc.issues.extend(issues)
        doc.normalisations.extend(fixes)
    if doc.scanned_pages:
        pages_list = "、".join(str(p) for p in doc.scanned_pages)
        doc.issues.append(
            ParseIssue(
                "parse.no_text_layer",
                Severity.WARNING,
                f"第 {pages_list} 页没有文字层（扫描件），这些页未被检查",
                f"page(s) {', '.join(str(p) for p in doc.scanned_pages)} have no text layer (scanned): not checked",
                "",
                page=doc.scanned_pages[0],
            )
        )
    doc.blocks.sort(key=lambda b: (b.start, b.kind != "heading"))
    identify_all(doc)
    return doc


def pages_text_at(pages: list[PageText], raw_starts: list[int], raw_offset: int) -> str:
    k = bisect.bisect_right(raw_starts, raw_offset) - 1
    if k < 0:
        return ""
    local = raw_offset - raw_starts[k]
    text = pages[k].text
    return text[local] if 0 <= local < len(text) else ""


def _union(boxes: list[BBox | None]) -> BBox | None:
    real = [b for b in boxes if b is not None]
    if not real:
        return None
    return (min(b[0] for b in real), min(b[1] for b in real), max(b[2] for b in real), max(b[3] for b in real))


def _section_subject(section: Section | None) -> str:
    """What a section is about, from its title: figures and 情况说明-style endings removed."""
    if section is None:
        return ""
    title = re.sub(r"[\d０-９.,，．OoＯ]+\s*(?:万元|亿元|元|%|％)", "", section.title)
    title = re.sub(r"(?:的)?(?:具体|总体|明细)?(?:情况)?(?:说明|分析|综述)?$", "", title)
    return canonical_subject(strip_role_words(title))


def _units(lines: list[CleanLine], given: dict[str, Table]) -> list[_Unit]:
    """Physical lines → logical units: text tables and TOC apart, broken prose lines joined."""
    text_tables = {t.first: t for t in detect_tables(lines)}
    toc = headings.find_toc([l.text for l in lines])
    wrap = _wrap_width(lines)
    units: list[_Unit] = []
    i = 0
    marker = re.compile(rf"^{TABLE_MARK_OPEN}(.+){TABLE_MARK_CLOSE}$")
    while i < len(lines):
        line = lines[i]
        m = marker.match(line.text.strip())
        if m:
            units.append(_Unit("marker", line, given.get(m.group(1)), m.group(1)))
            i += 1
            continue
        if toc is not None and i == toc.start:
            run = lines[toc.start : toc.stop]
            text = "\n".join(l.text for l in run)
            src = [s for l in run for s in l.src + [l.src[-1]]][: len(text)]
            units.append(_Unit("toc", CleanLine(text, src)))
            i = toc.stop
            continue
        if i in text_tables:
            tt = text_tables[i]
            printed = ["\t".join(r) for r in tt.printed_rows()]
            text = "\n".join(printed)
            first_src = lines[tt.first].src[0] if lines[tt.first].src else 0
            row_starts = [sum(len(r) + 1 for r in printed[:k]) for k in range(len(printed))]
            problems = [(row_starts[k], row_starts[k] + len(printed[k]), zh, en) for k, zh, en in tt.problems]
            units.append(_Unit("table", CleanLine(text, [first_src] * len(text)), tt.table, problems=problems))
            i = tt.last
            continue
        current = line
        last = line
        i += 1
        while i < len(lines) and _continues(last, lines[i], wrap) and i not in text_tables and not (toc and i == toc.start):
            if marker.match(lines[i].text.strip()):
                break
            current = join(current, lines[i])
            last = lines[i]
            i += 1
        units.append(_Unit("prose", drop_han_spaces(current)))
    return units


def _wrap_width(lines: list[CleanLine]) -> float:
    widths = [display_width(l.text) for l in lines if not l.has_tabs and display_width(l.text) >= 20]
    return statistics.median(widths) if widths else 80.0


def _continues(a: CleanLine, b: CleanLine, wrap: float) -> bool:
    """Is ``b`` the rest of ``a``'s sentence (a line broken by the page layout)?"""
    if ends_sentence(a.text) or a.has_tabs or b.has_tabs:
        return False
    if headings.is_title_line(a.text):
        return _title_runs_on(a, b, wrap)
    mb = headings.heading_at(b.text)
    if mb is not None:
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


def _build_sections(doc: Document, placed: list[tuple[int, _Unit]], page_of) -> list[tuple[int, int]]:
    """Headings (at line starts and inside run-on lines) → the section tree and heading blocks.

    Returns the spans of heading markers in Document.text (they hold no figures).
    """
    root = doc.root
    stack: list[Section] = [root]
    open_numbers: dict[int, int] = {}
    marker_spans: list[tuple[int, int]] = []
    counters: dict[str, int] = {}
    all_sections: list[Section] = []

    def open_section(offset: int, line: str, pos: int, marker: headings.Marker) -> None:
        while len(stack) > 1 and stack[-1].level >= marker.level:
            stack.pop()
        parent = stack[-1]
        counters[parent.id] = counters.get(parent.id, 0) + 1
        sid = f"{parent.id}.{counters[parent.id]}" if parent.id else str(counters[parent.id])
        tend = headings.title_span(line, marker.end - pos + pos)
        title = line[marker.end : tend].strip()
        sec = Section(sid, title, marker.text, marker.level, offset + pos, len(doc.text), page_of(offset + pos), parent.id)
        parent.children.append(sec)
        stack.append(sec)
        all_sections.append(sec)
        marker_spans.append((offset + marker.start, offset + marker.end))
        doc.blocks.append(Block("heading", offset + pos, offset + tend, sid, sec.page))
        open_numbers[marker.level] = marker.number
        for deeper in [lvl for lvl in open_numbers if lvl > marker.level]:
            del open_numbers[deeper]

    parts: dict[str, headings.Marker] = {}  # the 目录's 第X部分 entries by title
    for start, unit in placed:
        if unit.kind == "toc":
            doc.blocks.append(Block("toc", start, start + len(unit.line.text), stack[-1].id, page_of(start)))
            parts.update(headings.toc_parts(unit.line.text.split("\n")))
            continue
        if unit.kind != "prose":
            continue
        line = unit.line.text
        cuts: list[tuple[int, headings.Marker]] = []
        m0 = headings.heading_at(line) or _unmarked_part(line, parts, open_numbers)
        if m0 is not None:
            cuts.append((0, m0))
            open_section(start, line, 0, m0)
        deepest = stack[-1].level
        run_on = _run_on(line, open_numbers, deepest)
        for pos, marker in run_on:
            open_section(start, line, pos, marker)
        cuts += run_on
        # paragraph blocks between headings
        bounds = [p for p, _ in cuts] + [len(line)]
        if not cuts or cuts[0][0] > 0:
            bounds.insert(0, 0)
        for a, b in zip(bounds, bounds[1:]):
            heading_end = next((headings.title_span(line, mk.end) for p, mk in cuts if p == a), a)
            if b > heading_end:
                sid = _section_for(all_sections, start + heading_end) or ""
                doc.blocks.append(Block("paragraph", start + heading_end, start + b, sid, page_of(start + heading_end)))
    # section ends: the next section at the same or a higher level
    flat = all_sections
    for k, sec in enumerate(flat):
        for later in flat[k + 1 :]:
            if later.level <= sec.level:
                sec.end = later.start
                break
        else:
            sec.end = len(doc.text)
    return marker_spans


def _unmarked_part(line: str, parts: dict[str, headings.Marker], open_numbers: dict[int, int]) -> headings.Marker | None:
    """A 第X部分 heading printed without its marker (a part's cover page reads “…部门决算表”): the
    line is the title of the 目录's next part entry."""
    marker = parts.get(headings.toc_title_key(line))
    if marker is None or marker.number != open_numbers.get(1, 0) + 1:
        return None
    return headings.Marker(1, marker.number, 0, 0, marker.text)


def _run_on(line: str, open_numbers: dict[int, int], deepest: int) -> list[tuple[int, headings.Marker]]:
    """Mid-line headings; a new list (number 1) may start one level below the deepest open one."""
    found = headings.split_run_on(line, open_numbers)
    if found:
        return found
    for i in range(1, len(line)):
        if line[i - 1] not in headings.SENTENCE_END:
            continue
        marker = headings.heading_at(line, i)
        if marker is not None and marker.number == 1 and marker.level > deepest and marker.level >= 4:
            open_numbers[marker.level] = 1
            rest = headings.split_run_on(line[i:], open_numbers)
            return [(i, marker)] + [(i + p, mk) for p, mk in rest]
    return []


def _section_for(sections: list[Section], offset: int) -> str | None:
    """The last section (in document order) that starts at or before ``offset``."""
    k = bisect.bisect_right(sections, offset, key=lambda s: s.start)
    return sections[k - 1].id if k else None
