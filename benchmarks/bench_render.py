"""Benchmark: how long a printed page takes to become a picture; print the figures.

    python benchmarks/bench_render.py [FILE.pdf ...] [--pages N]

For each PDF (default: the sample PDFs and the published 普陀区 决算 in ``sample_docs/``), on its
first N pages (default 10), in milliseconds per page (median and worst):

- ``open``: opening the file with PDFium (once per file);
- ``page@2``: the whole page at 2 pixels per point (144 dpi, what ``render`` and a Kitty/Sixel
  terminal get), boxes drawn;
- ``crop@2``: the region of one box with its margin at 2 px/pt (an evidence picture);
- ``half``: the half-block view of a 120×40 pane (page region fitted at 0.9 px/pt, contrast,
  cells): what the page view renders in its worker on ``v`` in a terminal without graphics.

Each timing is taken on a page not rendered before in the run (PDFium keeps no page cache here, so
every page is cold); the page view additionally caches what it rendered (LRU) for the session.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui_review.render.halfblock import crisp, halfblock_rows  # noqa: E402
from tui_review.render.marks import OPERAND, SUSPECT, Mark  # noqa: E402
from tui_review.render.pdf_pages import PdfPages  # noqa: E402
from tui_review.render.picture import render_picture  # noqa: E402
from tui_review.render.viewport import READABLE, Viewport  # noqa: E402

PANE = (120, 40)  # columns × rows of the half-block view


def _ms(seconds: list[float]) -> str:
    return f"{1000 * statistics.median(seconds):7.1f} {1000 * max(seconds):7.1f}"


def bench(path: Path, pages: int) -> None:
    started = time.perf_counter()
    pdf = PdfPages(path)
    opened = time.perf_counter() - started
    count = min(pages, pdf.page_count)
    full, crop, half = [], [], []
    for number in range(1, count + 1):
        box = pdf.page_box(number)
        cx, cy = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
        marks = [Mark(number, (cx - 30, cy - 6, cx + 30, cy + 6), SUSPECT), Mark(number, (cx - 120, cy - 6, cx - 60, cy + 6), OPERAND)]
        t = time.perf_counter()
        render_picture(pdf, number, marks, 2.0)
        full.append(time.perf_counter() - t)
        t = time.perf_counter()
        render_picture(pdf, number, marks, 2.0, crop=True)
        crop.append(time.perf_counter() - t)
        t = time.perf_counter()
        view = Viewport(number, (cx, cy), READABLE)
        region = view.region(box, PANE[0], 2 * PANE[1])
        picture = render_picture(pdf, number, marks, READABLE, region=region)
        halfblock_rows(crisp(picture.image))
        half.append(time.perf_counter() - t)
    pdf.close()
    print(f"{path.name[:40]:40} {count:5} {1000 * opened:7.1f}   {_ms(full)}   {_ms(crop)}   {_ms(half)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--pages", type=int, default=10)
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "sample_docs").glob("*.pdf")) + sorted((ROOT / "sample_docs" / "real").glob("*.pdf"))
    print(f"{'file':40} {'pages':>5} {'open':>7}   {'page@2 med/max ms':>15}   {'crop@2 med/max':>15}   {'half 120x40':>15}")
    for path in files:
        bench(path, args.pages)


if __name__ == "__main__":
    main()
