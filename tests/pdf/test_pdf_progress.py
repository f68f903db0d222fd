"""Long PDFs report progress, and hand the caller the first pages' sections before the rest."""

from __future__ import annotations

from pdf_fixtures import SAMPLES

from parsers.pdf import FIRST_BATCH, parse_pdf


def test_first_pages_reach_the_caller_before_the_whole_document():
    partial, steps = [], []
    doc = parse_pdf(SAMPLES / "demo_final_2024.pdf", progress=lambda done, total, stage: steps.append((done, total)), on_partial=partial.append)
    assert len(partial) == 1
    first = partial[0]
    assert first.page_count == doc.page_count == 20
    assert max(s.page or 0 for s in first.sections()) <= FIRST_BATCH
    assert [s.heading for s in first.sections()][:2] == [s.heading for s in doc.sections()][:2]
    assert [done for done, _ in steps] == list(range(1, 21)) and {total for _, total in steps} == {20}  # page by page


def test_figures_keep_their_page_and_box():
    doc = parse_pdf(SAMPLES / "demo_final_2024.pdf")
    prose = [f for f in doc.figures if f.start is not None]
    assert {f.page for f in prose} == {17, 18, 19}  # the 情况说明
    assert all(f.bbox is not None for f in prose)
    first = min(prose, key=lambda f: f.start)
    assert first.text == "2708.64" and 64 < first.bbox[0] < 595 - 64
    cells = [f for f in doc.figures if f.cell is not None]
    assert all(f.page is not None and f.bbox is not None for f in cells)
