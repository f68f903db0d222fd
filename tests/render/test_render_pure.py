"""The pure parts of rendering: which marks a finding gives, their region, the half-block cells, the LRU."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from PIL import Image

from parsers.model import Figure
from tui_review.render.halfblock import UPPER_HALF, Cell, fit_scale, halfblock_rows
from tui_review.render.lru import LruCache
from tui_review.render.marks import MIN_HEIGHT, MIN_WIDTH, OPERAND, SUSPECT, Mark, marks_of, pages_of, region_of


def fig(fid, page=1, bbox=(100.0, 200.0, 140.0, 211.0)):
    return Figure(fid, "1.00", Decimal("1.00"), 2, "万元", page=page, bbox=bbox)


def test_the_stated_figure_is_the_suspect_and_the_others_operands():
    figures = {f.id: f for f in (fig("a"), fig("b", bbox=(10, 20, 30, 31)), fig("c", page=2))}
    marks = marks_of(figures, ["b", "a", "c"], stated_ids={"a"})
    assert [(m.figure_id, m.kind, m.page) for m in marks] == [("a", SUSPECT, 1), ("b", OPERAND, 1), ("c", OPERAND, 2)]
    assert pages_of(marks) == [1, 2]


def test_a_single_figure_is_its_own_suspect_and_figures_without_place_give_no_mark():
    figures = {"a": fig("a"), "t": Figure("t", "1", Decimal(1), 0, None, start=4, end=5)}
    assert [m.kind for m in marks_of(figures, ["a"])] == [SUSPECT]
    assert marks_of(figures, ["t"]) == []
    assert [m.kind for m in marks_of(figures, ["a", "t"])] == [OPERAND]  # two figures, none stated
    assert marks_of(figures, ["missing"]) == []


def test_region_has_a_margin_and_a_minimum_size():
    marks = [Mark(1, (100, 200, 140, 211), SUSPECT), Mark(1, (300, 400, 340, 411), OPERAND), Mark(2, (0, 0, 5, 5), OPERAND)]
    assert region_of(marks, 1, margin=10) == (90, 190, 350, 421)
    small = region_of(marks[:1], 1, margin=10)
    assert small[2] - small[0] == MIN_WIDTH and small[3] - small[1] == MIN_HEIGHT
    assert (small[0] + small[2]) / 2 == 120 and (small[1] + small[3]) / 2 == 205.5
    assert region_of(marks, 3) is None


def test_halfblock_pairs_pixel_rows_into_cells():
    red, white, black = (255, 0, 0), (255, 255, 255), (0, 0, 0)
    image = Image.new("RGB", (2, 3), white)
    image.putpixel((0, 0), red)
    image.putpixel((1, 1), black)
    image.putpixel((1, 2), black)
    rows = halfblock_rows(image)
    assert rows == [
        [Cell(UPPER_HALF, red, white), Cell(UPPER_HALF, white, black)],
        [Cell(" ", white, white), Cell(UPPER_HALF, black, white)],  # odd last row: paired with paper
    ]


def test_fit_scale_fills_the_narrower_side():
    region = (0.0, 0.0, 200.0, 100.0)
    assert fit_scale(region, 100, 100) == 0.5  # width-bound: 100 px across 200 pt
    assert fit_scale(region, 1000, 10) == 0.2  # height-bound: 20 px down 100 pt


def test_lru_keeps_the_most_recently_used():
    cache: LruCache[str] = LruCache(2)
    cache.put(1, "a")
    cache.put(2, "b")
    assert cache.get(1) == "a"  # 1 is now the most recent
    cache.put(3, "c")
    assert 2 not in cache and cache.get(1) == "a" and cache.get(3) == "c" and len(cache) == 2
    with pytest.raises(ValueError):
        LruCache(0)


def test_render_package_is_headless():
    code = (
        "import sys\n"
        "import tui_review.render.pdf_pages, tui_review.render.picture, tui_review.render.halfblock\n"
        "import tui_review.render.marks, tui_review.render.lru\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def _finding(figure_ids, stated=(), suspect_ids=()):
    from tui_review.contracts.finding import Evidence, Finding, Suspect, SuspectFigure, Verdict
    from tui_review.contracts.place import Place

    evidence = [Evidence(fid, "1.00", Decimal(1), "万元", "", "amount", "", Place(page=1), 0 if fid in stated else 1,
                         "stated" if fid in stated else "term") for fid in figure_ids]
    suspect = None
    if suspect_ids:
        option = tuple(SuspectFigure(fid, "1.00", "", "", Place(page=1), "2.00", "[1.995, 2.005]") for fid in suspect_ids)
        suspect = Suspect("g1", (option,), 1, 0, "", "")
    return Finding("f1", "d.pdf", "sum", "error", Verdict.FAILS, "", "", Place(page=1), "", "", "", "",
                   evidence=evidence, figure_ids=tuple(figure_ids), suspect=suspect)


def test_finding_marks_box_the_groups_suspect_else_the_stated_figure():
    from tui_review.render.marks import finding_marks

    figures = {fid: fig(fid) for fid in ("total", "a", "b", "elsewhere")}
    by_stated = finding_marks(figures, ["total", "a", "b"], _finding(["total", "a", "b"], stated={"total"}))
    assert [(m.figure_id, m.kind) for m in by_stated] == [("total", SUSPECT), ("a", OPERAND), ("b", OPERAND)]
    by_group = finding_marks(figures, ["total", "a", "b"], _finding(["total", "a", "b"], stated={"total"}, suspect_ids=("b",)))
    assert [(m.figure_id, m.kind) for m in by_group] == [("b", SUSPECT), ("total", OPERAND), ("a", OPERAND)]
    outside = finding_marks(figures, ["total", "a"], _finding(["total", "a"], suspect_ids=("elsewhere",)))
    assert [(m.figure_id, m.kind) for m in outside] == [("elsewhere", SUSPECT), ("total", OPERAND), ("a", OPERAND)]
    assert [m.kind for m in finding_marks(figures, ["a"], None)] == [SUSPECT]  # an own finding's figure


def test_a_picture_for_a_graphics_protocol_is_padded_to_whole_cells_never_scaled():
    from tui_review.render.picture import whole_cells

    page = Image.new("RGB", (95, 41), (10, 20, 30))
    padded = whole_cells(page, (10, 20), (200, 200, 200))
    assert padded.size == (100, 60)
    assert padded.getpixel((94, 40)) == (10, 20, 30) and padded.getpixel((0, 0)) == (10, 20, 30)  # in place
    assert padded.getpixel((95, 0)) == (200, 200, 200) and padded.getpixel((0, 41)) == (200, 200, 200)
    exact = Image.new("RGB", (100, 60))
    assert whole_cells(exact, (10, 20), (0, 0, 0)) is exact
    # a pixel of rounding past the pane's cells is cut, never another row the pane has not
    assert whole_cells(Image.new("RGB", (100, 61)), (10, 20), (0, 0, 0), most=(10, 3)).size == (100, 60)
