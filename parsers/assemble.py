"""Assemble a `Document` from page texts and tables: the one path text and PDF input share.

Readers (``parsers.text`` for .txt/.md, ``parsers.pdf`` for PDF) produce `PageText`s — the prose
of each page, with the position of each extracted table marked by a `table_marker` line — and the
`Table`s themselves. `assemble` runs the steps in order:

1. `RawPages.read` (``parsers.assemble_pages``): the pages laid end to end, cleaned into physical
   lines (with evidence);
2. `logical_units` / `lay_out` (``parsers.assemble_units``): prose lines joined, text tables and
   the 目录 set apart, written into ``Document.text`` with a map back to the raw characters;
3. the title, then the document's kind, year and department (``parsers.metadata``);
4. `build_sections` (``parsers.assemble_sections``): the section tree and the heading blocks;
5. ``parsers.assemble_figures``: tables numbered and placed under their sections, every figure
   extracted (prose, then cells) with the parser's own findings;
6. a warning for scanned pages, and each figure's identity (``parsers.identity``).
"""

from __future__ import annotations

from collections import Counter

import re

from parsers import headings, metadata
from parsers.assemble_figures import add_cell_figures, add_prose_figures, place_tables
from parsers.assemble_pages import PageText, RawPages, SourceMap, pages_text_at
from parsers.assemble_sections import SectionIndex, build_sections
from parsers.assemble_units import TABLE_MARK_CLOSE, TABLE_MARK_OPEN, Placed, lay_out, logical_units, table_marker
from parsers.identity import identify_all
from parsers.model import Document, ParseIssue, Severity, Table
from parsers.numbers import MONEY_UNITS

__all__ = ["TABLE_MARK_CLOSE", "TABLE_MARK_OPEN", "PageText", "assemble", "pages_text_at", "table_marker"]


def assemble(
    *,
    path: str,
    sha256: str,
    pages: list[PageText],
    tables: list[Table] | None = None,
    page_count: int | None = None,
    scanned_pages: list[int] | None = None,
) -> Document:
    raw = RawPages.read(pages)
    given = {t.id: t for t in (tables or [])}
    text, src, placed = lay_out(logical_units(raw.lines, given))
    where = SourceMap(raw, src)
    doc = Document(path=path, sha256=sha256, text=text, page_count=page_count, scanned_pages=list(scanned_pages or []))
    if raw.numbered:
        doc.page_starts = where.page_starts()
    _describe(doc, placed)
    marker_spans = build_sections(doc, placed, where.page_of)
    section_at = SectionIndex(doc).at
    place_tables(doc, placed, given, where.page_of, section_at)
    add_prose_figures(doc, placed, marker_spans, where, section_at)
    for issue in doc.issues:
        if issue.start is not None:
            issue.section_id = section_at(issue.start)
    add_cell_figures(doc)
    _nil_amounts_exact(doc)
    if doc.scanned_pages:
        doc.issues.append(_scanned_pages_issue(doc.scanned_pages))
    doc.blocks.sort(key=lambda b: (b.start, b.kind != "heading"))
    identify_all(doc)
    return doc


def _describe(doc: Document, placed: list[Placed]) -> None:
    """The title (the first prose lines, at most two, before any heading or field), then the
    document's kind, year and department."""
    title_lines: list[str] = []
    for _, unit in placed:
        text = unit.line.text
        if unit.kind != "prose" or headings.heading_at(text) or len(title_lines) == 2 or re.search(r"[:：]", text):
            break
        title_lines.append(text)
    doc.title = "".join(title_lines)[:80]
    doc.kind = metadata.detect_kind(doc.title, doc.text)
    doc.year = metadata.detect_year(doc.title, doc.text)
    doc.department = metadata.detect_department(doc.title, doc.text)


def _nil_amounts_exact(doc: Document) -> None:
    """A nil amount printed “0” in a document that prints its amounts of that unit with decimals
    is exactly nothing (a 0.30 would be printed 0.30), not any value rounding to 0."""
    decimals: dict[str | None, Counter[int]] = {}
    for f in doc.figures:
        if f.unit in MONEY_UNITS and f.value != 0:
            decimals.setdefault(f.unit, Counter())[f.decimals] += 1
    for f in doc.figures:
        if f.unit in MONEY_UNITS and f.value == 0 and f.decimals == 0 and (seen := decimals.get(f.unit)):
            places, count = seen.most_common(1)[0]
            f.exact = places > 0 and count * 2 > sum(seen.values())


def _scanned_pages_issue(scanned: list[int]) -> ParseIssue:
    return ParseIssue(
        "parse.no_text_layer",
        Severity.WARNING,
        f"第 {'、'.join(str(p) for p in scanned)} 页没有文字层（扫描件），这些页未被检查",
        f"page(s) {', '.join(str(p) for p in scanned)} have no text layer (scanned): not checked",
        "",
        page=scanned[0],
    )
