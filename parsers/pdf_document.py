"""Pages read → the reader's contract: `PageText`s with table markers, and the `Table`s.

`compose` runs the document-level steps over the `PageRead`s: running headers and footers out,
each page laid out into prose and table fragments, fragments joined into tables (ids T1, T2 … in
document order), and each page's prose rebuilt into paragraphs with a `table_marker` line where
each table begins. Per-character boxes travel with the text so figures keep their bounding box.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsers.assemble import PageText, table_marker
from parsers.model import BBox, Table
from parsers.pdf_layout import Fragment, PageLayout, furniture, lay_out
from parsers.pdf_page import PageRead
from parsers.pdf_tables import build_table, group_fragments
from parsers.pdf_titles import split_titled
from parsers.pdf_text import Line, paragraphs

SCAN_COVER = 0.3  # a page this much covered by images …
SCAN_MAX_GLYPHS = 20  # … with fewer glyphs than this is a scan


@dataclass(slots=True)
class Composed:
    pages: list[PageText]
    tables: list[Table]
    scanned: list[int]


def is_scanned(page: PageRead) -> bool:
    return page.glyph_count < SCAN_MAX_GLYPHS and page.image_cover >= SCAN_COVER


def _page_text(layout: PageLayout, starts: dict[int, str]) -> PageText:
    parts: list[str] = []
    boxes: list[BBox | None] = []

    def emit(text: str, text_boxes: list[BBox | None]) -> None:
        if parts:
            parts.append("\n")
            boxes.append(None)
        parts.append(text)
        boxes.extend(text_boxes)

    run: list[Line] = []

    def flush() -> None:
        for para in paragraphs(run, layout.left, layout.right):
            emit(para.text, para.boxes)
        run.clear()

    for item in layout.items:
        if isinstance(item, Fragment):
            flush()
            table_id = starts.get(id(item))
            if table_id:
                marker = table_marker(table_id)
                emit(marker, [None] * len(marker))
        else:
            run.append(item)
    flush()
    return PageText(layout.number, "".join(parts), boxes)


def compose(reads: list[PageRead]) -> Composed:
    dropped = furniture(reads)
    layouts = [lay_out(read, dropped) for read in reads]
    fragments = [part for layout in layouts for item in layout.items if isinstance(item, Fragment) for part in split_titled(item)]
    tables: list[Table] = []
    starts: dict[int, str] = {}
    for group in group_fragments(fragments):
        table = build_table(f"T{len(tables) + 1}", group)
        if not table.rows and not table.columns:
            continue
        tables.append(table)
        starts[id(group[0])] = table.id
    pages = [_page_text(layout, starts) for layout in layouts]
    return Composed(pages, tables, [r.number for r in reads if is_scanned(r)])
