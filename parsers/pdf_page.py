"""Read PDF pages with pypdfium2: glyphs, ruled and unruled table grids, image cover.

`read_pages` is the unit of work (run in-process or in a worker process). For each page it takes
every glyph with its box from PDFium's text layer, and the page's drawn rulings (see
`parsers.pdf_ruling`); where there are enough rulings for a table, pdfplumber's table finder
turns them into cell grids. Glyphs inside a ruled table fill its cells; the rest become the page's
lines, where unruled tables are looked for as a fallback. Every page is closed once read.

PDFium loses text it cannot map: with a non-embedded CJK font on a predefined CMap (the classic
iText / reportlab ``STSong-Light`` + ``UniGB-UCS2-H`` setup) a one-character string comes out
empty. A page with a text object that yields no text is therefore read with pdfminer (through
pdfplumber) instead: slower, but nothing is dropped.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Callable
from typing import Any
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers.pdf_grid import RawTable, fill, grid_from_cells, inside
from parsers.pdf_ruling import Matrix, apply, display_matrix, page_drawing, ruled_tables
from parsers.pdf_text import Glyph, Line, merge_lines, spell_rows, split_vertical
from parsers.pdf_unruled import find_unruled

RULING_EDGES = 4  # a page with fewer ruling edges than this has no ruled table


@dataclass(slots=True)
class PageRead:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)  # text outside tables, top to bottom
    tables: list[RawTable] = field(default_factory=list)
    glyph_count: int = 0
    image_cover: float = 0.0  # share of the page area covered by images


SKIPPED_CODES = frozenset((0xA0, 0x3000, 0xFEFF, 0xFFFE, 0xFFFF))


def _page_text(textpage, count: int) -> str | None:
    """All the page's characters in one call (None when a character outside the BMP makes the
    UTF-16 text longer than the character count, so indices would not line up)."""
    buffer = (ctypes.c_ushort * (count + 1))()
    pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(buffer)[: 2 * count].decode("utf-16-le", errors="replace")
    return text if len(text) == count else None


def _glyphs(textpage, display: Matrix, upright_page: bool = True) -> list[Glyph]:
    """The page's glyphs in display coordinates. Where the page keeps its axes (0° or 180°) the
    box's height is set from the baseline and font size (PDFium's boxes hug each glyph's ink, so
    一 and 。 would sit off the line); on a page turned a quarter the glyph's box is turned with it."""
    axes_kept = display[1] == display[2] == 0.0
    count = textpage.count_chars()
    text = _page_text(textpage, count)
    x, y = ctypes.c_double(), ctypes.c_double()
    rect = pdfium_c.FS_RECTF()
    raw = textpage.raw
    out: list[Glyph] = []
    for i in range(count):
        ch = text[i] if text is not None else chr(pdfium_c.FPDFText_GetUnicode(raw, i))
        if ch <= " " or ord(ch) in SKIPPED_CODES:
            continue  # spaces and line breaks: the layout's gaps say where they are
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, i, rect):
            continue
        l, b, r, t = rect.left, rect.bottom, rect.right, rect.top
        (x0, y0), (x1, y1) = apply(display, l, b), apply(display, r, t)
        x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        direction = _direction(pdfium_c.FPDFText_GetCharAngle(raw, i)) if upright_page else 0
        if axes_kept and not direction:
            size = pdfium_c.FPDFText_GetFontSize(raw, i)
            if not 0.5 * (t - b) <= size <= 2 * (t - b):
                size = t - b
            pdfium_c.FPDFText_GetCharOrigin(raw, i, ctypes.byref(x), ctypes.byref(y))
            baseline = apply(display, x.value, y.value)[1]
            y0, y1 = baseline - 0.86 * size, baseline + 0.14 * size
        out.append(Glyph(ch, x0, y0, x1, y1, direction))
    return out


def _direction(angle: float) -> int:
    """PDFium's character angle (radians, clockwise) as a reading direction on an unrotated page:
    a quarter turn clockwise runs down the page (+1), counter-clockwise up (-1)."""
    quarter = math.pi / 2
    if abs(angle - quarter) < 0.2:
        return 1
    if abs(angle - 3 * quarter) < 0.2 or abs(angle + quarter) < 0.2:
        return -1
    return 0


def _loses_text(page, textpage) -> bool:
    """Does PDFium extract nothing from one of the page's text objects?"""
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
        if pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0) <= 2:  # just the terminator
            return True
    return False


def _plumber_glyphs(plumber_page) -> list[Glyph]:
    return [
        Glyph(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], _plumber_direction(c))
        for c in plumber_page.chars
        if c["text"].strip() and ord(c["text"][0]) not in SKIPPED_CODES
    ]


def _plumber_direction(char: dict) -> int:
    """+1 for a glyph turned to run down the page, -1 up, 0 upright (from its text matrix)."""
    if char.get("upright", True):
        return 0
    matrix = char.get("matrix") or (1, 0, 0, 1, 0, 0)
    a, b = matrix[0], matrix[1]
    if abs(b) <= abs(a):
        return 0
    return -1 if b > 0 else 1  # PDF space runs up: a text advancing up (b > 0) reads bottom to top


def read_page(pdf: pdfium.PdfDocument, index: int, plumber: Callable[[], Any]) -> PageRead:
    page = pdf[index]
    try:
        mediabox = page.get_mediabox()
        rotation = page.get_rotation()
        display = display_matrix(mediabox, rotation)
        textpage = page.get_textpage()
        try:
            lossy = _loses_text(page, textpage)
            glyphs = [] if lossy else _glyphs(textpage, display, rotation % 360 == 0)
        finally:
            textpage.close()
        drawing = page_drawing(page, mediabox, display)
    finally:
        page.close()
    if lossy:
        plumber_page = plumber().pages[index]
        try:
            glyphs = _plumber_glyphs(plumber_page)
        finally:
            plumber_page.close()
    number = index + 1
    width, height = mediabox[2] - mediabox[0], mediabox[3] - mediabox[1]
    if rotation % 180:
        width, height = height, width
    read = PageRead(number, width, height, glyph_count=len(glyphs), image_cover=drawing.image_cover)
    rest = glyphs
    if glyphs and len(drawing.edges) >= RULING_EDGES:
        for cells in ruled_tables(drawing.edges):
            table = grid_from_cells(number, cells)
            if table.n_cols < 2:
                continue
            fill(table, [g for g in rest if inside(g, table.bbox)])
            rest = [g for g in rest if not inside(g, table.bbox)]
            read.tables.append(table)
    vertical, rest = split_vertical(rest)  # before unruled tables: a vertical title is no column
    for table, used in find_unruled(number, rest):
        fill(table, used)
        read.tables.append(table)
        taken = set(map(id, used))
        rest = [g for g in rest if id(g) not in taken]
    read.tables.sort(key=lambda t: t.bbox[1])
    read.lines = merge_lines(spell_rows(rest), vertical)
    return read


def read_pages(path: str, password: str | None, indices: list[int]) -> list[PageRead]:
    """Read the pages at ``indices`` (0-based); opens its own handles, so it runs in any process."""
    pdf = pdfium.PdfDocument(path, password=password)
    opened: list[Any] = []  # the pdfplumber document, opened on first use

    def plumber() -> Any:
        if not opened:
            import pdfplumber

            opened.append(pdfplumber.open(path, password=password or ""))
        return opened[0]

    try:
        return [read_page(pdf, i, plumber) for i in indices]
    finally:
        for handle in opened:
            handle.close()
        pdf.close()
