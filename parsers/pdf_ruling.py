"""Ruling lines and images of a page, read from PDFium's page objects; ruled tables found from them.

pdfplumber's table finder needs the page's edges; getting them through pdfplumber means
pdfminer parsing the whole page (tens of milliseconds), while PDFium hands over the drawn paths
directly. `page_drawing` walks the page objects (into Form XObjects, composing their matrices),
turns every horizontal or vertical stretch of a drawn path into an edge in pdfplumber's own edge
format, and measures how much of the page images cover (for scan detection). `ruled_tables` gives
those edges to pdfplumber's `TableFinder` as explicit lines: the same snapping, joining and
intersection logic as ``page.find_tables()``, without pdfminer.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

from parsers.model import BBox

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
AXIS_TOLERANCE = 0.5  # points: a segment this close to horizontal/vertical is a ruling
MAX_DEPTH = 8  # Form XObjects nested deeper than this are not followed
OPEN_ROW_TOLERANCE = 2.0  # points: rules this close start or end at one height / place


@dataclass(slots=True)
class Drawing:
    edges: list[dict] = field(default_factory=list)  # pdfplumber edge dicts, page coordinates
    image_cover: float = 0.0  # share of the page covered by images


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _matrix(obj) -> Matrix:
    fs = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, fs):
        return IDENTITY
    return (fs.a, fs.b, fs.c, fs.d, fs.e, fs.f)


def display_matrix(mediabox: tuple[float, float, float, float], rotation: int) -> Matrix:
    """PDF user space → the page as displayed: origin top left, y downwards, the page's
    ``/Rotate`` (clockwise, degrees) applied, so a landscape table set on a rotated portrait
    page reads left to right like any other."""
    left, bottom, right, top = mediabox
    return {
        90: (0.0, 1.0, 1.0, 0.0, -bottom, -left),
        180: (-1.0, 0.0, 0.0, 1.0, right, -bottom),
        270: (0.0, -1.0, -1.0, 0.0, top, right),
    }.get(rotation % 360, (1.0, 0.0, 0.0, -1.0, -left, top))


def _edge(p: tuple[float, float], q: tuple[float, float]) -> dict | None:
    """An edge between two points in display coordinates, when the segment is axis-aligned."""
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) <= AXIS_TOLERANCE:
        top = (y0 + y1) / 2
        lo, hi = sorted((x0, x1))
        return {"object_type": "line", "x0": lo, "x1": hi, "top": top, "bottom": top, "width": hi - lo, "height": 0.0}
    if abs(x0 - x1) <= AXIS_TOLERANCE:
        x = (x0 + x1) / 2
        lo, hi = sorted((y0, y1))
        return {"object_type": "line", "x0": x, "x1": x, "top": lo, "bottom": hi, "width": 0.0, "height": hi - lo}
    return None


def _path_edges(path, m: Matrix, out: list[dict]) -> None:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if pdfium_c.FPDFPath_GetDrawMode(path, ctypes.byref(fill), ctypes.byref(stroke)) and not fill.value and not stroke.value:
        return  # neither filled nor stroked: draws nothing
    x, y = ctypes.c_float(), ctypes.c_float()
    start = current = None
    for i in range(pdfium_c.FPDFPath_CountSegments(path)):
        seg = pdfium_c.FPDFPath_GetPathSegment(path, i)
        if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            continue
        point = apply(m, x.value, y.value)
        if pdfium_c.FPDFPathSegment_GetType(seg) == pdfium_c.FPDF_SEGMENT_MOVETO or current is None:
            start = current = point
            continue
        edge = _edge(current, point)
        if edge:
            out.append(edge)
        current = point
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            edge = _edge(current, start)
            if edge:
                out.append(edge)
            current = start


def _walk(container, count, get, outer: Matrix, depth: int, area: float, drawing: Drawing) -> None:
    for i in range(count(container)):
        obj = get(container, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            _path_edges(obj, _compose(_matrix(obj), outer), drawing.edges)
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            a, b, c, d, _, _ = _compose(_matrix(obj), outer)
            drawing.image_cover += abs(a * d - b * c) / area
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_DEPTH:
            m = _compose(_matrix(obj), outer)
            _walk(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, m, depth + 1, area, drawing)


def page_drawing(page, mediabox: tuple[float, float, float, float], display: Matrix) -> Drawing:
    """The page's rulings (in display coordinates, see `display_matrix`) and image cover."""
    left, bottom, right, top = mediabox
    drawing = Drawing()
    area = max((right - left) * (top - bottom), 1.0)
    _walk(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, display, 0, area, drawing)
    drawing.image_cover = min(drawing.image_cover, 1.0)
    return drawing


def _horizontal(x0: float, x1: float, y: float) -> dict:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0}


def _closing_edges(vertical: list[dict], horizontal: list[dict]) -> list[dict]:
    """The missing outer border of an open table: where the column rules of a row (at least
    three, at distinct places) all start — or all end — at one height, nothing is drawn across
    them there or beyond (above a top, below a bottom) and a ruling is drawn across them where
    they end on the other side, as on a page whose continued table opens with a row under no
    line; its first row would otherwise be read as a line of prose above the table."""
    added = []
    for key, other, beyond in (("top", "bottom", -1), ("bottom", "top", 1)):
        for group in _clusters(vertical, key):
            xs = sorted(e["x0"] for e in group)
            places = 1 + sum(1 for a, b in zip(xs, xs[1:]) if b - a > OPEN_ROW_TOLERANCE)
            if places < 3:
                continue
            y = sum(e[key] for e in group) / len(group)
            left, right = xs[0], xs[-1]
            half = (right - left) / 2
            beyond_y = [(h["x0"], h["x1"]) for h in horizontal if beyond * (h["top"] - y) >= -OPEN_ROW_TOLERANCE]
            far_end = sorted(e[other] for e in group)[len(group) // 2]
            at_far_end = [(h["x0"], h["x1"]) for h in horizontal if abs(h["top"] - far_end) <= OPEN_ROW_TOLERANCE]
            # open on this side, and ruled across where the rules end on the other (a table's row, not a chart's grid)
            if _covered(beyond_y, left, right) < half and _covered(at_far_end, left, right) >= half:
                added.append(_horizontal(left, right, y))
    return added


def _covered(spans: list[tuple[float, float]], left: float, right: float) -> float:
    """How much of [left, right] the spans cover together."""
    total, reach = 0.0, left
    for x0, x1 in sorted(spans):
        x0, x1 = max(x0, reach), min(x1, right)
        if x1 > x0:
            total += x1 - x0
            reach = x1
    return total


def _clusters(edges: list[dict], key: str) -> list[list[dict]]:
    """The edges grouped by ``key`` (top or bottom), each group within the tolerance of its neighbours."""
    groups: list[list[dict]] = []
    for e in sorted(edges, key=lambda e: e[key]):
        if groups and e[key] - groups[-1][-1][key] <= OPEN_ROW_TOLERANCE:
            groups[-1].append(e)
        else:
            groups.append([e])
    return groups


def ruled_tables(edges: list[dict]) -> list[list[BBox]]:
    """The cell rectangles of each ruled table the edges draw (pdfplumber's lines strategy)."""
    from pdfplumber.table import TableFinder

    vertical = [e for e in edges if e["width"] == 0.0 and e["height"] > 0.0]
    horizontal = [e for e in edges if e["height"] == 0.0 and e["width"] > 0.0]
    horizontal += _closing_edges(vertical, horizontal)
    if len(vertical) < 2 or len(horizontal) < 2:
        return []
    settings = {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": vertical,
        "explicit_horizontal_lines": horizontal,
    }
    finder = TableFinder(None, settings)  # type: ignore[arg-type]  # explicit lines only: no page is read
    return [list(table.cells) for table in finder.tables]
