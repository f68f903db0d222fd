"""Dev-only drawing kit for the sample PDFs (reportlab, built-in CID font STSong-Light, no font file).

`Writer` lays out a disclosure the way published ones look: A4 pages, portrait for prose and
landscape where a table needs the width, a running header and a page-number footer, headings and
justified-looking prose paragraphs with a two-character first-line indent, and ruled tables with
multi-row headers (cells spanning rows and columns), wrapped cells, numbers right-aligned, and
pagination (a table that does not fit continues on the next page, repeating its header or not).
`TableSpec.ruled = False` draws the same table from aligned text only, without any ruling.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

BODY = 11.0
LEADING = 1.6  # line height in font sizes
MARGIN_X = 64.0
TOP = 70.0  # first text line below the page top
BOTTOM = 64.0  # no text below this height from the page bottom


def width_of(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def wrap(text: str, size: float, width: float, indent: float = 0.0) -> list[str]:
    """Break CJK text into lines that fit ``width`` (the first line ``indent`` narrower)."""
    lines, current = [], ""
    limit = width - indent
    for ch in text:
        if current and width_of(current + ch, size) > limit:
            lines.append(current)
            current, limit = "", width
        current += ch
    if current or not lines:
        lines.append(current)
    return lines


@dataclass(frozen=True)
class Layout:
    """How prose is set: line height (in font sizes), side margin (so the text width) and the
    first-line indent (in characters). Typesetting-invariance tests render one disclosure under
    several layouts and expect the same findings."""

    leading: float = LEADING
    margin_x: float = MARGIN_X
    indent: float = 2.0


@dataclass
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class TableSpec:
    title: str
    header: list[list[Cell]]  # rows of cells, placed left to right around cells spanning from above
    rows: list[list[str]]
    widths: list[float]
    unit: str = "单位：万元"
    tag: str = ""  # 公开01表
    notes: list[str] = field(default_factory=list)
    repeat_header: bool = False
    ruled: bool = True
    font: float = 9.5


def _placed(header: list[list[Cell]], ncols: int) -> list[tuple[int, int, Cell]]:
    """(row, col, cell) for every header cell, HTML-style."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, cells in enumerate(header):
        c = 0
        for cell in cells:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
        if c > ncols:
            raise ValueError(f"header row {r} is wider than {ncols} columns")
    return out


def _is_number(text: str) -> bool:
    return bool(text) and text.replace(",", "").replace(".", "").replace("-", "").replace("%", "").isdigit()


class _SpacedCanvas(canvas.Canvas):
    """A canvas that ends every one-character string with a space.

    PDFium extracts nothing from a one-character string set in a non-embedded CJK font on a
    predefined CMap (what ``STSong-Light`` is); fonts in published PDFs are embedded, where it
    reads them fine. The parser falls back to pdfminer for such pages (see ``parsers.pdf_page``);
    with this canvas a generated PDF takes the fast path a published one takes.
    """

    def drawString(self, x, y, text, *args, **kwargs):  # noqa: N802 (reportlab's name)
        super().drawString(x, y, text + " " if len(text) == 1 else text, *args, **kwargs)

    def drawCentredString(self, x, y, text, *args, **kwargs):  # noqa: N802
        super().drawCentredString(x, y, text + " " if len(text) == 1 else text, *args, **kwargs)

    def drawRightString(self, x, y, text, *args, **kwargs):  # noqa: N802
        super().drawRightString(x, y, text + " " if len(text) == 1 else text, *args, **kwargs)


class Writer:
    def __init__(self, path: str, running_title: str, *, footer: bool = True, spaced: bool = False, layout: Layout = Layout()) -> None:
        make = _SpacedCanvas if spaced else canvas.Canvas
        self.layout = layout
        self.c = make(path, pagesize=A4, pageCompression=1, invariant=1)  # same bytes every run
        self.c.setTitle(running_title)
        self.running_title = running_title
        self.footer = footer
        self.page = 0
        self.size = A4
        self.y = 0.0
        self.started = False

    # --- pages -------------------------------------------------------------------------------

    def new_page(self, landscape_page: bool = False, furniture: bool = True) -> None:
        if self.started:
            self.c.showPage()
        self.started = True
        self.page += 1
        self.size = landscape(A4) if landscape_page else A4
        self.c.setPageSize(self.size)
        if furniture:
            w, h = self.size
            self.c.setFont(FONT, 8.5)
            self.c.drawCentredString(w / 2, h - 34, self.running_title)
            if self.footer:
                self.c.drawCentredString(w / 2, 28, f"- {self.page} -")
        self.y = self.size[1] - TOP

    @property
    def text_width(self) -> float:
        return self.size[0] - 2 * self.layout.margin_x

    def ensure(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.new_page()

    def save(self) -> None:
        self.c.showPage()
        self.c.save()

    # --- prose -------------------------------------------------------------------------------

    def centred(self, text: str, size: float, gap: float = 1.8) -> None:
        self.ensure(size * gap)
        self.c.setFont(FONT, size)
        for line in wrap(text, size, self.text_width):
            self.c.drawCentredString(self.size[0] / 2, self.y - size, line)
            self.y -= size * gap

    def heading(self, text: str, size: float = 13.0) -> None:
        self.ensure(size * 2.5)
        self.c.setFont(FONT, size)
        for line in wrap(text, size, self.text_width):
            self.c.drawString(self.layout.margin_x, self.y - size, line)
            self.y -= size * self.layout.leading
        self.y -= size * 0.3

    def paragraph(self, text: str, size: float = BODY, indent: bool = True) -> None:
        first = self.layout.indent * size if indent else 0.0
        for i, line in enumerate(wrap(text, size, self.text_width, first)):
            self.ensure(size * self.layout.leading)
            self.c.setFont(FONT, size)
            self.c.drawString(self.layout.margin_x + (first if i == 0 else 0.0), self.y - size, line)
            self.y -= size * self.layout.leading
        self.y -= size * 0.2

    def aligned(self, rows: list[list[str]], size: float = 9.5) -> None:
        """Rows of cells on shared tab stops, without ruling (a tab-separated text table), set
        small enough to fit the page width."""
        ncols = max(len(r) for r in rows)

        def widths(at: float) -> list[float]:
            return [max(width_of(r[c], at) if c < len(r) else 0.0 for r in rows) + 1.5 * at for c in range(ncols)]

        size = min(size, size * self.text_width / sum(widths(size)))
        stops = widths(size)
        for row in rows:
            self.ensure(size * self.layout.leading)
            self.c.setFont(FONT, size)
            x = self.layout.margin_x
            for c, text in enumerate(row):
                self.c.drawString(x, self.y - size, text)
                x += stops[c]
            self.y -= size * self.layout.leading

    def lines(self, texts: list[str], size: float = BODY) -> None:
        for text in texts:
            self.paragraph(text, size, indent=False)

    # --- tables ------------------------------------------------------------------------------

    def table(self, spec: TableSpec, landscape_page: bool = False, new_page: bool = True) -> None:
        if new_page:
            self.new_page(landscape_page)
        size = spec.font
        pad = 3.0
        left = (self.size[0] - sum(spec.widths)) / 2
        xs = [left]
        for w in spec.widths:
            xs.append(xs[-1] + w)
        self._table_title(spec, left, xs[-1])
        placed = _placed(spec.header, len(spec.widths))
        n_head = len(spec.header)

        def cell_lines(text: str, width: float) -> list[str]:
            return wrap(text, size, width - 2 * pad) if text else [""]

        head_heights = [size * self.layout.leading + 2 * pad] * n_head
        for r, c, cell in placed:
            need = len(cell_lines(cell.text, sum(spec.widths[c : c + cell.colspan]))) * size * 1.3 + 2 * pad
            have = sum(head_heights[r : r + cell.rowspan])
            if need > have:
                head_heights[r + cell.rowspan - 1] += need - have

        def draw_header() -> None:
            tops = [self.y]
            for h in head_heights:
                tops.append(tops[-1] - h)
            for r, c, cell in placed:
                x0, x1 = xs[c], xs[c + cell.colspan]
                top, bottom = tops[r], tops[r + cell.rowspan]
                if spec.ruled:
                    self.c.rect(x0, bottom, x1 - x0, top - bottom)
                lines = cell_lines(cell.text, x1 - x0)
                block = len(lines) * size * 1.3
                y = (top + bottom) / 2 + block / 2 - size
                for line in lines:
                    self.c.drawCentredString((x0 + x1) / 2, y, line)
                    y -= size * 1.3
            self.y = tops[-1]

        self.c.setFont(FONT, size)
        self.c.setLineWidth(0.6)
        draw_header()
        for row in spec.rows:
            wrapped = [cell_lines(text, spec.widths[c]) if not _is_number(text) else [text] for c, text in enumerate(row)]
            height = max(len(w) for w in wrapped) * size * 1.3 + 2 * pad
            if self.y - height < BOTTOM:
                self.new_page(landscape_page)
                self.c.setFont(FONT, size)
                self.c.setLineWidth(0.6)
                if spec.repeat_header:
                    draw_header()
            self._table_row(spec, xs, wrapped, height, size, pad)
            self.y -= height
        self.y -= 10
        self._table_notes(spec, xs)

    def _table_title(self, spec: TableSpec, left: float, right: float) -> None:
        self.c.setFont(FONT, 15)
        if spec.tag:
            self.c.setFont(FONT, 10)
            self.c.drawString(left, self.y - 10, spec.tag)
            self.y -= 18
            self.c.setFont(FONT, 15)
        self.c.drawCentredString(self.size[0] / 2, self.y - 15, spec.title)
        self.y -= 30
        if spec.unit:
            self.c.setFont(FONT, 10)
            self.c.drawRightString(right, self.y - 10, spec.unit)
            self.y -= 18

    def _table_row(self, spec: TableSpec, xs: list[float], wrapped: list[list[str]], height: float, size: float,
                   pad: float) -> None:
        for c, lines in enumerate(wrapped):
            x0, x1 = xs[c], xs[c + 1]
            if spec.ruled:
                self.c.rect(x0, self.y - height, x1 - x0, height)
            y = self.y - pad - size
            for line in lines:
                if _is_number(line):
                    self.c.drawRightString(x1 - pad, y, line)
                else:
                    self.c.drawString(x0 + pad, y, line)
                y -= size * 1.3

    def _table_notes(self, spec: TableSpec, xs: list[float]) -> None:
        for note in spec.notes:
            self.c.setFont(FONT, 10)
            for line in wrap(note, 10, xs[-1] - xs[0]):
                self.c.drawString(xs[0], self.y - 10, line)
                self.y -= 16
