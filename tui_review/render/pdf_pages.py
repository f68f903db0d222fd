"""One PDF, open for rendering: page count, each page's displayed box, a region of a page as an image.

PDFium renders a page's crop box turned by its ``/Rotate``; the parser measures glyphs in the media
box turned the same way (`parsers.pdf_ruling.display_matrix`). `PageBox` records where the crop box
lies in the parser's frame, so a figure's bbox lands on the same ink in the picture.

PDFium is not thread-safe: every call into it here holds one module lock, so the app's render worker
and a command never overlap.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image

from parsers.errors import InputError
from parsers.model import BBox
from parsers.pdf_ruling import apply, display_matrix

PDFIUM_LOCK = threading.RLock()
MAX_PIXELS = 40_000_000  # a picture larger than this is refused (a bad scale would exhaust memory)


@dataclass(frozen=True, slots=True)
class PageBox:
    """A page as displayed, in the parser's frame: the visible (crop) box."""

    number: int  # 1-based
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


class PdfPages:
    """An open PDF for rendering; close it (or use it as a context manager) when done."""

    def __init__(self, path: str | os.PathLike, password: str | None = None) -> None:
        self.path = str(path)
        with PDFIUM_LOCK:
            try:
                self._pdf = pdfium.PdfDocument(self.path, password=password)
            except pdfium.PdfiumError:
                raise InputError(self.path, "PDF 无法打开以渲染页面", "the PDF cannot be opened to render its pages", "damaged") from None
            self.page_count = len(self._pdf)
        self._boxes: dict[int, PageBox] = {}

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with PDFIUM_LOCK:
            self._pdf.close()

    def _page(self, number: int):
        if not 1 <= number <= self.page_count:
            raise InputError(
                self.path, f"没有第 {number} 页（共 {self.page_count} 页）", f"there is no page {number} (the PDF has {self.page_count})", "page"
            )
        return self._pdf[number - 1]

    def page_box(self, number: int) -> PageBox:
        """Where page ``number``'s visible box lies in the parser's display frame."""
        if number not in self._boxes:
            with PDFIUM_LOCK:
                page = self._page(number)
                try:
                    display = display_matrix(page.get_mediabox(), page.get_rotation())
                    left, bottom, right, top = page.get_cropbox()
                finally:
                    page.close()
            (ax, ay), (bx, by) = apply(display, left, bottom), apply(display, right, top)
            self._boxes[number] = PageBox(number, min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
        return self._boxes[number]

    def render(self, number: int, scale: float, region: BBox | None = None) -> Image.Image:
        """Page ``number`` (or the ``region`` of it, in the parser's frame) at ``scale`` pixels per point, RGB."""
        box = self.page_box(number)
        x0, top, x1, bottom = clamp(region or box.bbox, box)
        if (x1 - x0) * (bottom - top) * scale * scale > MAX_PIXELS:
            raise ValueError(f"picture too large: {(x1 - x0) * scale:.0f}×{(bottom - top) * scale:.0f} px")
        crop = (x0 - box.x0, box.bottom - bottom, box.x1 - x1, top - box.top)  # left, bottom, right, top
        with PDFIUM_LOCK:
            page = self._page(number)
            try:
                bitmap = page.render(scale=scale, crop=crop)
                image = bitmap.to_pil()  # BGR pixels decoded into an RGB image of its own
                if image.mode != "RGB":
                    image = image.convert("RGB")
            finally:
                page.close()
        return image


def clamp(region: BBox, box: PageBox) -> BBox:
    """``region`` cut to the page (never empty: at least one point each way)."""
    x0 = min(max(region[0], box.x0), box.x1 - 1)
    top = min(max(region[1], box.top), box.bottom - 1)
    x1 = max(min(region[2], box.x1), x0 + 1)
    bottom = max(min(region[3], box.bottom), top + 1)
    return (x0, top, x1, bottom)
