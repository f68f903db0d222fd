"""Did the checks notice a slip? New failing findings of a mutant, and whether they touch the slip.

A finding counts when it fails with severity error or warning (an info finding, such as a
``binding`` note that a figure cannot belong to its relation, is reported apart) and is not
on the original document: findings are compared by rule, severity, verdict, stated and expected
text and the printed text and place of every operand, with offsets after the slip shifted back by
the length it changed — so a finding elsewhere that only moved is not new.

`Site` is where the slip stands in the parsed mutant, found by comparing the two parses: the first
offset where ``Document.text`` differs (prose), or the cell that differs (tables). A new finding is
*localised* when it names the slipped figure (its figure id, place or an operand's place), or,
for a deletion, stands within a few characters of it (prose) or in its row or column (a cell).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from parsers.model import Document, Figure, Severity, Table
from tui_review.checks import CheckReport
from tui_review.contracts.finding import Finding, Verdict
from tui_review.contracts.place import Place

COUNTED = (Severity.ERROR, Severity.WARNING)
WITH_INFO = (*COUNTED, Severity.INFO)
NEAR_DELETION = 12  # characters around a deleted prose number where a finding is its finding


@dataclass(frozen=True, slots=True)
class Site:
    """Where the slip stands: a prose offset, or a table cell, in the mutant's coordinates."""

    offset: int | None = None  # first differing offset of Document.text (prose)
    delta: int = 0  # len(mutant text) − len(original text)
    table_id: str = ""
    row: int = -1
    col: int = -1
    figure: Figure | None = None  # the original document's figure there (None: not read as a figure)
    mutant: Figure | None = None  # the mutant's figure there (None after a deletion)

    @property
    def in_cell(self) -> bool:
        return bool(self.table_id)

    def shifted(self, offset: int | None) -> int | None:
        """A mutant offset in the original's coordinates."""
        if offset is None or self.offset is None or offset <= self.offset:
            return offset
        return offset - self.delta


def first_difference(a: str, b: str) -> int | None:
    if a == b:
        return None
    n = min(len(a), len(b))
    lo, hi = 0, n  # binary search for the common prefix
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def locate(base: Document, mutant: Document, cell: tuple[str, int, int] | None = None) -> Site | None:
    """The slip's site, or None when the parsed document did not change at all (the number stood
    where the parser reads nothing: a page number line, a running header)."""
    delta = len(mutant.text) - len(base.text)
    if cell is not None:
        return _cell_site(base, mutant, *cell, delta=delta)
    offset = first_difference(base.text, mutant.text)
    if offset is None:
        return None
    for table in base.tables:
        if table.start is not None and table.end is not None and table.start <= offset < table.end:
            other = mutant.table(table.id)
            found = _first_cell_difference(table, other) if other is not None else None
            if found is not None:
                return _cell_site(base, mutant, table.id, *found, delta=delta, offset=offset)
            return Site(offset=offset, delta=delta)
    return Site(offset=offset, delta=delta, figure=_prose_figure(base, offset), mutant=_prose_figure(mutant, offset))


def _cell_site(base: Document, mutant: Document, table_id: str, row: int, col: int, *, delta: int, offset: int | None = None) -> Site:
    def at(doc: Document) -> Figure | None:
        return next((f for f in doc.figures if f.cell is not None and f.cell.table_id == table_id
                     and f.cell.row == row and f.cell.col == col), None)

    return Site(offset=offset, delta=delta, table_id=table_id, row=row, col=col, figure=at(base), mutant=at(mutant))


def _first_cell_difference(a: Table, b: Table) -> tuple[int, int] | None:
    for r, (ra, rb) in enumerate(zip(a.rows, b.rows)):
        for c in range(max(len(ra), len(rb))):
            if (ra[c] if c < len(ra) else "") != (rb[c] if c < len(rb) else ""):
                return r, c
    return None


def _prose_figure(doc: Document, offset: int) -> Figure | None:
    """The prose figure at ``offset``, or right after the blanks there (the parser drops the blank
    between a deleted number's neighbours: ``增加 46.78 万元`` → ``增加万元`` differs at the blank)."""
    while offset < len(doc.text) and doc.text[offset] in " \t\u3000":
        offset += 1
    for fig in doc.figures:
        if fig.cell is None and fig.start is not None and fig.end is not None and fig.start <= offset <= fig.end:
            return fig
    return None


def counted(finding: Finding, severities: tuple[Severity, ...] = COUNTED) -> bool:
    return finding.failed and finding.severity in severities and finding.verdict != Verdict.NOTE


def _place_key(place: Place, site: Site | None) -> str:
    if place.is_cell or place.table_id or site is None:
        return place.code()
    return f"@{site.shifted(place.offset)}" if place.offset is not None else place.code()


def finding_key(finding: Finding, site: Site | None = None) -> tuple:
    operands = tuple(sorted((e.text, _place_key(e.place, site)) for e in finding.evidence))
    return (finding.rule, str(finding.severity), str(finding.verdict), _place_key(finding.place, site),
            finding.stated, finding.expected, operands)


def new_findings(base: CheckReport, mutant: CheckReport, site: Site | None,
                 severities: tuple[Severity, ...] = COUNTED) -> list[Finding]:
    """The mutant's failing findings of ``severities`` that the original does not have (as many
    times as it has them)."""
    before = Counter(finding_key(f) for f in base.findings if counted(f, severities))
    out = []
    for finding in mutant.findings:
        if not counted(finding, severities):
            continue
        key = finding_key(finding, site)
        if before[key] > 0:
            before[key] -= 1
        else:
            out.append(finding)
    return out


def touches(finding: Finding, site: Site, deletion: bool) -> bool:
    """Does ``finding`` name the slipped figure (or, for a deletion, its place)?"""
    if site.mutant is not None and site.mutant.id in finding.figure_ids:
        return True
    places = [finding.place] + [e.place for e in finding.evidence]
    if site.in_cell:
        for place in places:
            if place.table_id != site.table_id:
                continue
            if place.row == site.row and place.column == site.col:
                return True
            if deletion and (place.row == site.row or place.column == site.col):
                return True
        return False
    if site.offset is None:
        return False
    if site.mutant is not None and site.mutant.start is not None and site.mutant.end is not None:
        lo, hi = site.mutant.start, site.mutant.end
    else:
        lo, hi = site.offset - NEAR_DELETION, site.offset + NEAR_DELETION
    return any(p.offset is not None and not p.table_id and lo <= p.offset <= hi for p in places)
