"""A rendered region of a page with a finding's boxes drawn on it, and where each box landed.

Boxes are drawn at the picture's own resolution (never scaled after drawing), a little outside the
figure's bbox so the outline does not cover its digits: the suspect thick in the error colour over a
light tint, operands thin in a quieter colour. `Picture.boxes` keeps every drawn box in pixels, so
tests and the page view can say where the figures are without reading pixels back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image, ImageDraw

from parsers.model import BBox
from tui_review.render.marks import SUSPECT, Mark, region_of
from tui_review.render.pdf_pages import PdfPages, clamp

RGB = tuple[int, int, int]
PAD = 1.5  # points between a figure's bbox and its outline


@dataclass(frozen=True, slots=True)
class BoxStyle:
    suspect: RGB = (220, 38, 38)  # the error colour
    operand: RGB = (59, 110, 200)  # quieter: thinner and cooler
    suspect_width: float = 1.2  # outline widths in points (at least one pixel)
    operand_width: float = 0.6
    tint: int = 48  # alpha of the suspect's fill (0 = none)


PixelBox = tuple[int, int, int, int]  # x0, y0, x1, y1 inclusive pixel coordinates


@dataclass(slots=True)
class Picture:
    image: Image.Image
    page: int
    scale: float  # pixels per point
    region: BBox  # what the image shows, in the parser's frame
    boxes: list[tuple[Mark, PixelBox]] = field(default_factory=list)

    def to_pixels(self, bbox: BBox) -> PixelBox:
        """Where a bbox (parser's frame) lies in the image."""
        x0, top = self.region[0], self.region[1]
        s = self.scale
        return (
            int(round((bbox[0] - x0) * s)),
            int(round((bbox[1] - top) * s)),
            int(round((bbox[2] - x0) * s)) - 1,
            int(round((bbox[3] - top) * s)) - 1,
        )


def draw_marks(picture: Picture, marks: list[Mark], style: BoxStyle = BoxStyle()) -> None:
    """Draw the marks of ``picture.page`` that fall in its region, operands under suspects. Only
    the boxes' own pixels are touched (a tint is blended box by box, never over the whole page)."""
    image = picture.image
    pen = ImageDraw.Draw(image)
    on_page = [m for m in marks if m.page == picture.page and _overlaps(m.bbox, picture.region)]
    for mark in sorted(on_page, key=lambda m: m.kind == SUSPECT):
        padded = (mark.bbox[0] - PAD, mark.bbox[1] - PAD, mark.bbox[2] + PAD, mark.bbox[3] + PAD)
        box = picture.to_pixels(padded)
        box = (box[0], box[1], max(box[0], box[2]), max(box[1], box[3]))
        if mark.kind == SUSPECT:
            _tint(image, box, style.suspect, style.tint)
            width = max(1, round(style.suspect_width * picture.scale))
            pen.rectangle(box, outline=style.suspect, width=width)
        else:
            width = max(1, round(style.operand_width * picture.scale))
            pen.rectangle(box, outline=style.operand, width=width)
        picture.boxes.append((mark, box))


def _tint(image: Image.Image, box: PixelBox, colour: RGB, alpha: int) -> None:
    """Blend ``colour`` at ``alpha``/255 into the part of ``box`` inside the image."""
    x0, y0 = max(box[0], 0), max(box[1], 0)
    x1, y1 = min(box[2] + 1, image.width), min(box[3] + 1, image.height)
    if alpha <= 0 or x1 <= x0 or y1 <= y0:
        return
    area = image.crop((x0, y0, x1, y1))
    image.paste(Image.blend(area, Image.new("RGB", area.size, colour), alpha / 255), (x0, y0))


def _overlaps(a: BBox, b: BBox) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def render_picture(
    pages: PdfPages,
    page: int,
    marks: list[Mark],
    scale: float,
    *,
    region: BBox | None = None,
    crop: bool = False,
    style: BoxStyle = BoxStyle(),
) -> Picture:
    """Page ``page`` at ``scale`` with its marks: the whole page, the given ``region``, or with
    ``crop`` the marks' region (with a margin); a page without marks is shown whole."""
    box = pages.page_box(page)
    if region is None and crop:
        region = region_of(marks, page)
    shown = clamp(region, box) if region is not None else box.bbox
    picture = Picture(pages.render(page, scale, shown), page, scale, shown)
    draw_marks(picture, marks, style)
    return picture


def whole_cells(image: Image.Image, cell: tuple[int, int], background: RGB, most: tuple[int, int] | None = None) -> Image.Image:
    """``image`` padded right and below with ``background`` to whole terminal cells of ``cell``
    pixels, at most ``most`` (columns, rows; a pixel of rounding past the pane is cut): a graphics
    protocol then shows it at its own size, never stretched to the cells it takes (a page narrower
    than the pane). Pixel coordinates are unchanged."""
    cell_w, cell_h = cell
    columns, rows = -(-image.width // cell_w), -(-image.height // cell_h)
    if most is not None:
        columns, rows = max(1, min(columns, most[0])), max(1, min(rows, most[1]))
    width, height = columns * cell_w, rows * cell_h
    if (width, height) == image.size:
        return image
    padded = Image.new(image.mode, (width, height), background if image.mode == "RGB" else 255)
    padded.paste(image, (0, 0))
    return padded
