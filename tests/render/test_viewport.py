"""The page view's geometry: the first view of a finding, zoom, page changes (pure arithmetic)."""

from __future__ import annotations

from tui_review.render.pdf_pages import PageBox
from tui_review.render.viewport import MAX_SCALE, READABLE, Viewport, first_view

A4 = PageBox(1, 0.0, 0.0, 595.0, 842.0)


def test_a_small_region_fits_the_pane():
    region = (100.0, 100.0, 200.0, 150.0)
    view = first_view(1, region, region, A4, 200, 100)
    assert view.scale == 2.0 and view.centre == (150.0, 125.0)
    assert view.region(A4, 200, 100) == region


def test_a_wide_region_is_shown_readable_about_the_suspect():
    region = (50.0, 100.0, 550.0, 160.0)
    suspect = (400.0, 120.0, 440.0, 131.0)
    view = first_view(1, region, suspect, A4, 100, 60)
    assert view.scale == READABLE and view.centre == (420.0, 125.5)
    x0, top, x1, bottom = view.region(A4, 100, 60)
    assert x0 <= suspect[0] and suspect[2] <= x1 and top <= suspect[1] and suspect[3] <= bottom


def test_the_region_slides_inside_the_page_and_a_small_page_is_whole():
    view = Viewport(1, (590.0, 5.0), 1.0)
    assert view.region(A4, 100, 50) == (495.0, 0.0, 595.0, 50.0)
    assert Viewport(1, (300.0, 400.0), 0.1).region(A4, 100, 100) == (0.0, 0.0, 595.0, 842.0)


def test_zoom_is_bounded_and_another_page_opens_at_its_top():
    view = Viewport(1, (300.0, 400.0), 1.0)
    assert view.zoomed(1.5).scale == 1.5
    assert view.zoomed(100).scale == MAX_SCALE
    other = PageBox(2, 0.0, 0.0, 842.0, 595.0)
    moved = view.on_page(2, other, fit_scale=0.2)
    assert moved.page == 2 and moved.scale == 1.0
    assert moved.region(other, 100, 50)[:2] == (371.0, 0.0)
    assert view.on_page(2, other, fit_scale=3.0).scale == 3.0


def test_without_marks_the_whole_page_width_fits():
    view = first_view(1, None, None, A4, 119, 200)
    assert view.scale == 0.2 and view.region(A4, 119, 200) == (0.0, 0.0, 595.0, 842.0)
