"""Evidence pictures: a finding's pages cut to its boxes, stacked in one PNG.

The home page (the suspect's) comes first; any other page holding one of the finding's figures
follows below a thin rule, labelled with its page number. Headless; `tui_review.review.export`
writes one per failing finding beside the review sheet.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image, ImageDraw

from tui_review.render.marks import Mark, pages_of
from tui_review.render.pdf_pages import PdfPages
from tui_review.render.picture import Picture, render_picture

EVIDENCE_SCALE = 2.0  # 144 dpi: digits crisp when the sheet's reader opens the picture
LABEL_HEIGHT = 14  # pixels above a following page's region, for its "p.N" label
RULE = (160, 160, 160)


def evidence_pictures(pages: PdfPages, marks: Sequence[Mark], scale: float = EVIDENCE_SCALE) -> list[Picture]:
    """One cropped picture per page holding a mark, the home page first."""
    return [render_picture(pages, page, list(marks), scale, crop=True) for page in pages_of(marks)]


def stack(pictures: Sequence[Picture]) -> Image.Image:
    """The pictures one under the other; each after the first below a rule and its page label."""
    width = max(p.image.width for p in pictures)
    height = sum(p.image.height for p in pictures) + LABEL_HEIGHT * (len(pictures) - 1)
    sheet = Image.new("RGB", (width, height), (255, 255, 255))
    pen = ImageDraw.Draw(sheet)
    y = 0
    for n, picture in enumerate(pictures):
        if n:
            pen.line([(0, y), (width, y)], fill=RULE)
            pen.text((4, y + 2), f"p.{picture.page}", fill=(0, 0, 0))
            y += LABEL_HEIGHT
        sheet.paste(picture.image, (0, y))
        y += picture.image.height
    return sheet


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
