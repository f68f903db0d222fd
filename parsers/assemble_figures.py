"""Tables and figures of an assembled document: where each table goes, every number it prints.

Once the section tree stands, `place_tables` numbers the tables in document order and files each
under its section (with a block and the rows a text table left out); `add_prose_figures` reads
the figures of every prose unit (the heading markers skipped), after the document's money unit is
detected from them; `add_cell_figures` reads every table's cells (``parsers.table_figures``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from parsers import metadata
from parsers.assemble_pages import SourceMap
from parsers.assemble_sections import PageOf
from parsers.assemble_units import Placed, Unit
from parsers.figure_gaps import missing_figures
from parsers.figures import extract_prose_figures
from parsers.model import Block, Document, Figure, Normalisation, ParseIssue, Section, Severity, Table
from parsers.subjects import canonical_subject, strip_role_words
from parsers.table_figures import table_figures

SectionAt = Callable[[int], str]
# a prose unit to read: its start in Document.text, its text, the heading-marker spans in it
ProseRun = tuple[int, str, list[tuple[int, int]]]
MONEY = re.compile(r"(\d)\s*(万元|亿元|元)")


def place_tables(doc: Document, placed: list[Placed], given: dict[str, Table], page_of: PageOf, section_at: SectionAt) -> None:
    """``doc.tables`` in document order (a PDF's tables that no marker placed last), each filed
    under the section it stands in. Text tables are numbered T1, T2 …; with tables given by a PDF
    reader, the text tables found besides them are X1, X2 …"""
    ordered: list[Table] = []
    number = 0
    for start, unit in placed:
        table = unit.table
        if unit.kind not in ("table", "marker") or table is None:
            continue
        if unit.kind == "table":
            number += 1
            _place_text_table(table, f"X{number}" if given else f"T{number}", start, unit, page_of)
        table.section_id = section_at(start)
        doc.issues.extend(_unaligned_rows(doc, start, unit, table))
        ordered.append(table)
        section = doc.section(table.section_id) if table.section_id else None
        (section.table_ids if section is not None else doc.root.table_ids).append(table.id)
        doc.blocks.append(Block("table", start, start + len(unit.line.text), table.section_id, table.page, table.id))
    doc.tables = ordered + [t for t in given.values() if t not in ordered]


def _place_text_table(table: Table, table_id: str, start: int, unit: Unit, page_of: PageOf) -> None:
    table.id = table_id
    table.start, table.end = start, start + len(unit.line.text)
    table.page = table.page if table.page is not None else page_of(start)
    if table.page is not None and not table.pages:
        table.pages = [table.page]


def _unaligned_rows(doc: Document, start: int, unit: Unit, table: Table) -> list[ParseIssue]:
    """A warning for each row of a text table that could not be aligned with its columns."""
    return [
        ParseIssue("parse.table_row_unaligned", Severity.WARNING, zh, en, doc.text[start + a : start + b], table.section_id, table.page, start + a, start + b)
        for a, b, zh, en in unit.problems
    ]


def add_prose_figures(doc: Document, placed: list[Placed], marker_spans: list[tuple[int, int]], where: SourceMap, section_at: SectionAt) -> None:
    """Every figure of the prose, with the parser's findings and normalisations; first the
    document's money unit, from the units its prose writes after numbers."""
    runs = _prose_runs(placed, marker_spans)
    doc.unit = metadata.detect_unit([m.group(2) for _, text, _ in runs for m in MONEY.finditer(text)])
    for run in runs:
        _read_prose_run(doc, run, where, section_at)


def _prose_runs(placed: list[Placed], marker_spans: list[tuple[int, int]]) -> list[ProseRun]:
    """Each prose unit with the heading-marker spans inside it, relative to its start."""
    marker_spans.sort()
    span_starts = [a for a, _ in marker_spans]
    runs: list[ProseRun] = []
    for start, unit in placed:
        if unit.kind != "prose":
            continue
        text = unit.line.text
        lo = bisect.bisect_left(span_starts, start)
        hi = bisect.bisect_left(span_starts, start + len(text))
        runs.append((start, text, [(a - start, b - start) for a, b in marker_spans[lo:hi]]))
    return runs


def _read_prose_run(doc: Document, run: ProseRun, where: SourceMap, section_at: SectionAt) -> None:
    start, text, spans = run
    sid = section_at(start)
    result = extract_prose_figures(
        text,
        start,
        section_id=sid,
        section_subject=section_subject(doc.section(sid)),
        doc_year=doc.year,
        doc_unit=doc.unit,
        department=doc.department,
        skip=spans,
        page_of=where.page_of,
        doc_kind=doc.kind,
    )
    for fig in result.figures:
        _locate_prose_figure(doc, fig, sid, where, section_at)
    doc.figures.extend(result.figures)
    doc.series.extend(result.series)
    doc.issues.extend(result.issues)
    doc.normalisations.extend(Normalisation(kind, before, after, at, where.page_of(at)) for kind, before, after, at in result.fixes)
    doc.issues.extend(missing_figures(text, start, sid, where.page_of))


def _locate_prose_figure(doc: Document, fig: Figure, sid: str, where: SourceMap, section_at: SectionAt) -> None:
    """The figure's own section (a run-on heading may open one mid-paragraph), its box and the
    characters as printed when normalisation changed them."""
    start, end = fig.start, fig.end
    if start is None or end is None:
        raise ValueError(f"prose figure {fig.id} has no offsets")
    fig.section_id = section_at(start)
    if fig.section_id != sid:
        fig.subject = fig.subject or section_subject(doc.section(fig.section_id))
    if where.raw.has_boxes:
        fig.bbox = where.bbox(start, end)
    raw = where.raw_text(start, end)
    if raw and raw != fig.text:
        fig.raw = raw


def section_subject(section: Section | None) -> str:
    """What a section is about, from its title: figures and 情况说明-style endings removed."""
    if section is None:
        return ""
    title = re.sub(r"[\d０-９.,，．OoＯ]+\s*(?:万元|亿元|元|%|％)", "", section.title)
    title = re.sub(r"(?:的)?(?:具体|总体|明细)?(?:情况)?(?:说明|分析|综述)?$", "", title)
    return canonical_subject(strip_role_words(title))


def add_cell_figures(doc: Document) -> None:
    """Every table's cell figures, with the parser's findings and normalisations."""
    for table in doc.tables:
        figures, issues, fixes = table_figures(table, doc.unit, doc.year)
        doc.figures.extend(figures)
        doc.issues.extend(issues)
        doc.normalisations.extend(fixes)
