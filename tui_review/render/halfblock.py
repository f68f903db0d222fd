"""An image as terminal cells: each cell ``▀`` shows two stacked pixels (foreground = upper,
background = lower), for terminals without a graphics protocol.

`halfblock_rows` is pure: it takes an RGB image already at the cell grid's resolution (one pixel per
column, two per row) and returns rows of `Cell` (character, foreground, background); the page view
turns them into styled segments. `fit_scale` says at what scale to render a region so it fills a
pane of a given size, which keeps text readable (PDFium's antialiasing at the target size reads
better than shrinking a sharper picture).
"""

from __future__ import annotations

from typing import NamedTuple

from PIL import Image

from parsers.model import BBox

UPPER_HALF = "▀"
RGB = tuple[int, int, int]


class Cell(NamedTuple):
    char: str
    fg: RGB
    bg: RGB


def halfblock_rows(image: Image.Image, paper: RGB = (255, 255, 255)) -> list[list[Cell]]:
    """One row of cells per two pixel rows of ``image`` (an odd last row is paired with ``paper``).
    A cell whose two pixels agree is a blank with that background."""
    rgb = image.convert("RGB")
    width, height = rgb.size
    data = rgb.tobytes()
    pixels: list[RGB] = list(zip(data[0::3], data[1::3], data[2::3], strict=True))
    rows: list[list[Cell]] = []
    for y in range(0, height, 2):
        upper_row = pixels[y * width : (y + 1) * width]
        lower_row = pixels[(y + 1) * width : (y + 2) * width] if y + 1 < height else [paper] * width
        rows.append([Cell(" ", up, up) if up == low else Cell(UPPER_HALF, up, low) for up, low in zip(upper_row, lower_row, strict=True)])
    return rows


def fit_scale(region: BBox, columns: int, rows: int) -> float:
    """Pixels per point that fit ``region`` in ``columns`` × ``rows`` cells (two pixels per row)."""
    width = max(region[2] - region[0], 1.0)
    height = max(region[3] - region[1], 1.0)
    return max(min(columns / width, 2 * rows / height), 1e-3)


def crisp(image: Image.Image, contrast: float = 1.6) -> Image.Image:
    """More contrast, so antialiased digits a few pixels tall stay legible as half-blocks."""
    from PIL import ImageEnhance

    return ImageEnhance.Contrast(image).enhance(contrast)
