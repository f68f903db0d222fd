"""Which boxes a finding puts on a page: its suspect figure apart from the other operands.

The suspect is the figure the engine blames for the finding's group (`Finding.suspect`, every
tied option included); a finding in no group falls back to its ``stated`` figure (the one a
relation is checked against), and a finding with a single figure (a malformed number, a reviewer's
own finding) boxes that figure. Every other figure of the finding is an operand, boxed more quietly.
Figures without a page or a bbox (text documents) give no mark.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from parsers.model import BBox, Figure
from tui_review.contracts.finding import Finding

SUSPECT, OPERAND = "suspect", "operand"
MARGIN = 36.0  # points of context around the boxes (half an inch)
MIN_WIDTH, MIN_HEIGHT = 240.0, 120.0  # a cropped region is never smaller than this (points)


@dataclass(frozen=True, slots=True)
class Mark:
    page: int
    bbox: BBox
    kind: str  # SUSPECT | OPERAND
    figure_id: str = ""


def suspect_ids(figure_ids: Sequence[str], stated_ids: Collection[str] = ()) -> set[str]:
    """The stated figures, or the one figure of a single-figure finding; else none."""
    stated = {fid for fid in figure_ids if fid in stated_ids}
    if stated:
        return stated
    return set(figure_ids) if len(set(figure_ids)) == 1 else set()


def marks_of(figures: Mapping[str, Figure], figure_ids: Sequence[str], stated_ids: Collection[str] = ()) -> list[Mark]:
    """A mark for each of ``figure_ids`` printed on a PDF page, suspects first."""
    suspects = suspect_ids(figure_ids, stated_ids)
    marks: list[Mark] = []
    seen: set[str] = set()
    for fid in figure_ids:
        fig = figures.get(fid)
        if fid in seen or fig is None or fig.page is None or fig.bbox is None:
            continue
        seen.add(fid)
        marks.append(Mark(fig.page, fig.bbox, SUSPECT if fid in suspects else OPERAND, fid))
    marks.sort(key=lambda m: m.kind != SUSPECT)
    return marks


def finding_marks(figures: Mapping[str, Figure], figure_ids: Sequence[str], finding: Finding | None) -> list[Mark]:
    """The marks of a finding (or of a reviewer's own finding: ``finding`` None): its group's
    suspect figures first (added when the finding itself does not name them), then its figures."""
    if finding is None:
        return marks_of(figures, figure_ids)
    blamed = [f.figure_id for option in finding.suspect.options for f in option] if finding.suspect else []
    if blamed:
        return marks_of(figures, [*blamed, *(fid for fid in figure_ids if fid not in blamed)], set(blamed))
    return marks_of(figures, figure_ids, {e.figure_id for e in finding.evidence if e.part == "stated"})


def home_page(marks: Sequence[Mark]) -> int | None:
    """The page to show first: the suspect's, else the first operand's."""
    return marks[0].page if marks else None


def pages_of(marks: Sequence[Mark]) -> list[int]:
    """Pages with a mark, the home page first, then in page order."""
    pages = sorted({m.page for m in marks})
    home = home_page(marks)
    return [home] + [p for p in pages if p != home] if home is not None else pages


def region_of(marks: Sequence[Mark], page: int, margin: float = MARGIN) -> BBox | None:
    """The marks of ``page`` with ``margin`` around them, grown to at least MIN_WIDTH × MIN_HEIGHT
    about their centre (a caller clamps it to the page). None when the page has no mark."""
    boxes = [m.bbox for m in marks if m.page == page]
    if not boxes:
        return None
    x0 = min(b[0] for b in boxes) - margin
    top = min(b[1] for b in boxes) - margin
    x1 = max(b[2] for b in boxes) + margin
    bottom = max(b[3] for b in boxes) + margin
    if x1 - x0 < MIN_WIDTH:
        centre = (x0 + x1) / 2
        x0, x1 = centre - MIN_WIDTH / 2, centre + MIN_WIDTH / 2
    if bottom - top < MIN_HEIGHT:
        centre = (top + bottom) / 2
        top, bottom = centre - MIN_HEIGHT / 2, centre + MIN_HEIGHT / 2
    return (x0, top, x1, bottom)
