"""PDF pages rendered with their figures boxed: the boxes land on the figures' ink, on plain,
rotated and cropped pages; a cropped picture shows the boxes' region; boxes carry their colours."""

from __future__ import annotations

import pytest
from render_fixtures import ERRORS, REAL, ROTATED

from parsers.errors import InputError
from tui_review.render.marks import OPERAND, SUSPECT, Mark, marks_of, region_of
from tui_review.render.pdf_pages import PdfPages
from tui_review.render.picture import BoxStyle, render_picture

INK = 140  # a pixel darker than this (luminance) is ink, not paper


def inset(bbox, by=2.5):
    return (bbox[0] + by, bbox[1] + by, bbox[2] - by, bbox[3] - by)


def has_ink(pages, page, bbox, scale=3.0) -> bool:
    """Is anything printed inside ``bbox`` (parser's frame) of the page as PDFium draws it?"""
    image = pages.render(page, scale, bbox).convert("L")
    return image.getextrema()[0] < INK


def figures_on_page(doc, pages):
    """Figures whose bbox lies inside their page (a cell's ruling excluded by an inset)."""
    out = []
    for fig in doc.figures:
        if fig.bbox is None or fig.page is None:
            continue
        box = pages.page_box(fig.page)
        x0, top, x1, bottom = fig.bbox
        if box.x0 <= x0 and x1 <= box.x1 and box.top <= top and bottom <= box.bottom:
            out.append(fig)
    return out


@pytest.mark.parametrize("path", [REAL, ERRORS, ROTATED], ids=["real", "sample", "rotated"])
def test_every_figure_box_holds_the_figures_ink(parsed, path):
    doc = parsed(path)
    with PdfPages(path) as pages:
        figures = figures_on_page(doc, pages)
        assert len(figures) >= 10
        blank = [f.id for f in figures if not has_ink(pages, f.page, inset(f.bbox) if f.cell else f.bbox)]
    assert blank == []


def test_page_boxes_follow_rotation():
    with PdfPages(ROTATED) as pages:
        assert pages.page_count == 4
        for number in (1, 2, 3, 4):  # every page of this file displays as A4 portrait
            box = pages.page_box(number)
            assert (round(box.width), round(box.height)) == (595, 842)
            assert (box.x0, box.top) == (0, 0)


def test_a_crop_box_offsets_the_picture_not_the_boxes(parsed, tmp_path):
    """A page whose visible (crop) box is smaller than its media box: figures keep their ink."""
    import pypdfium2 as pdfium

    doc = parsed(REAL)
    cell = next(f for f in doc.figures if f.cell is not None and f.page == 10)
    pdf = pdfium.PdfDocument(str(REAL))
    page = pdf[9]
    left, bottom, right, top = page.get_mediabox()
    page.set_cropbox(left + 40, bottom + 30, right - 20, top - 50)
    page.close()
    cropped = tmp_path / "cropped.pdf"
    pdf.save(str(cropped))
    pdf.close()
    with PdfPages(cropped) as pages:
        box = pages.page_box(10)
        assert (round(box.x0), round(box.top)) == (40, 50)
        assert has_ink(pages, 10, inset(cell.bbox))
        picture = render_picture(pages, 10, [Mark(10, cell.bbox, SUSPECT, cell.id)], 2.0)
        assert abs(picture.image.width - box.width * 2) <= 1 and abs(picture.image.height - box.height * 2) <= 1
        x0, y0, _, _ = picture.boxes[0][1]
        assert (x0, y0) == (round((cell.bbox[0] - 1.5 - 40) * 2), round((cell.bbox[1] - 1.5 - 50) * 2))


def failing_table_entry(session):
    return next(e for e in session.entries if e.finding and len(e.figure_ids) >= 3 and all(f.startswith("T") for f in e.figure_ids))


def test_boxes_are_drawn_where_the_figures_are_in_their_colours(parsed):
    doc = parsed(ERRORS)
    figures = {f.id: f for f in doc.figures}
    total = next(f for f in doc.figures if f.cell is not None and f.page == 14 and f.text == "14.22")
    part = next(f for f in doc.figures if f.cell is not None and f.page == 14 and f.text == "12.35")
    marks = marks_of(figures, [total.id, part.id], {total.id})
    style = BoxStyle()
    with PdfPages(ERRORS) as pages:
        picture = render_picture(pages, 14, marks, 2.0, style=style)
        box = pages.page_box(14)
    assert abs(picture.image.width - box.width * 2) <= 1 and abs(picture.image.height - box.height * 2) <= 1
    drawn = {mark.figure_id: (mark.kind, pixels) for mark, pixels in picture.boxes}
    assert drawn[total.id][0] == SUSPECT and drawn[part.id][0] == OPERAND
    for fig in (total, part):
        kind, (x0, y0, x1, y1) = drawn[fig.id]
        assert (x0, y0) == (round((fig.bbox[0] - 1.5) * 2), round((fig.bbox[1] - 1.5) * 2))
        assert (x1, y1) == (round((fig.bbox[2] + 1.5) * 2) - 1, round((fig.bbox[3] + 1.5) * 2) - 1)
        colour = style.suspect if kind == SUSPECT else style.operand
        mid_y, mid_x = (y0 + y1) // 2, (x0 + x1) // 2
        for point in ((x0, mid_y), (x1, mid_y), (mid_x, y0), (mid_x, y1)):
            assert picture.image.getpixel(point) == colour
    # the suspect is tinted inside, an operand is not; paper outside both stays white
    sx0, sy0, sx1, sy1 = drawn[total.id][1]
    tinted = picture.image.getpixel((sx0 + 6, sy0 + 6))
    assert tinted[0] > tinted[1] + 20
    ox0, oy0, _, _ = drawn[part.id][1]
    assert picture.image.getpixel((ox0 + 8, oy0 + 8)) == (255, 255, 255)
    assert picture.image.getpixel((sx0 - 6, sy0 - 30)) == (255, 255, 255)


def test_a_cropped_picture_shows_the_region_of_its_boxes(parsed):
    doc = parsed(ERRORS)
    figures = {f.id: f for f in doc.figures}
    ids = [f.id for f in doc.figures if f.cell is not None and f.page == 14][:3]
    marks = marks_of(figures, ids, {ids[0]})
    region = region_of(marks, 14)
    with PdfPages(ERRORS) as pages:
        picture = render_picture(pages, 14, marks, 2.0, crop=True)
        box = pages.page_box(14)
    assert picture.region == (max(region[0], box.x0), max(region[1], box.top), min(region[2], box.x1), min(region[3], box.bottom))
    width = picture.region[2] - picture.region[0]
    height = picture.region[3] - picture.region[1]
    assert abs(picture.image.width - width * 2) <= 1 and abs(picture.image.height - height * 2) <= 1
    assert picture.image.width < box.width * 2
    assert len(picture.boxes) == 3
    for _mark, (x0, y0, x1, y1) in picture.boxes:
        assert 0 <= x0 < x1 < picture.image.width and 0 <= y0 < y1 < picture.image.height


def test_page_out_of_range_and_bad_file_are_input_errors(tmp_path):
    with PdfPages(ERRORS) as pages:
        with pytest.raises(InputError):
            pages.page_box(pages.page_count + 1)
        with pytest.raises(InputError):
            pages.render(0, 1.0)
        with pytest.raises(ValueError):
            pages.render(1, 100.0)  # 60,000 × 84,000 px: refused, not allocated
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\nnot really")
    with pytest.raises(InputError):
        PdfPages(bad)
