"""What part of a page a pane shows: a centre and a scale, turned into a region that fills the pane.

Pure arithmetic over `PageBox`es, so the page view's zoom and page keys are testable without a
terminal. The first view of a finding fits its marks' region in the pane, but never below
``READABLE`` pixels per point (digits stay legible as half-blocks there), centred on the suspect.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from parsers.model import BBox
from tui_review.render.pdf_pages import PageBox

READABLE = 0.9  # pixels per point at which a 9-10 pt digit is still legible as half-blocks
ZOOM_STEP = 1.5
MIN_SCALE, MAX_SCALE = 0.05, 8.0


@dataclass(frozen=True, slots=True)
class Viewport:
    page: int
    centre: tuple[float, float]  # in the parser's frame
    scale: float  # pixels per point

    def region(self, box: PageBox, width_px: int, height_px: int) -> BBox:
        """The part of the page the pane shows: ``width_px`` × ``height_px`` pixels about the
        centre, slid back inside the page where it can be (a page smaller than the pane is whole)."""
        half_w = width_px / self.scale / 2
        half_h = height_px / self.scale / 2
        x0 = _slide(self.centre[0] - half_w, 2 * half_w, box.x0, box.x1)
        top = _slide(self.centre[1] - half_h, 2 * half_h, box.top, box.bottom)
        return (x0, top, min(x0 + 2 * half_w, box.x1), min(top + 2 * half_h, box.bottom))

    def zoomed(self, factor: float) -> Viewport:
        return replace(self, scale=min(max(self.scale * factor, MIN_SCALE), MAX_SCALE))

    def on_page(self, page: int, box: PageBox, fit_scale: float) -> Viewport:
        """Another page, whole page width in view from its top, at this zoom or the fitting one."""
        scale = self.scale if self.scale > fit_scale else fit_scale
        return Viewport(page, ((box.x0 + box.x1) / 2, box.top), scale)


def _slide(start: float, length: float, low: float, high: float) -> float:
    if length >= high - low:
        return low
    return min(max(start, low), high - length)


def first_view(page: int, region: BBox | None, focus: BBox | None, box: PageBox, width_px: int, height_px: int) -> Viewport:
    """The view a finding opens on: ``region`` (its marks with margin; the whole page without
    marks) fitted to the pane, zoomed to at least READABLE about ``focus`` (the suspect)."""
    shown = region or box.bbox
    fit = min(width_px / max(shown[2] - shown[0], 1.0), height_px / max(shown[3] - shown[1], 1.0))
    if region is None:
        return Viewport(page, ((box.x0 + box.x1) / 2, box.top), fit)
    centre_box = focus if fit < READABLE and focus is not None else shown
    return Viewport(page, ((centre_box[0] + centre_box[2]) / 2, (centre_box[1] + centre_box[3]) / 2), max(fit, READABLE))
