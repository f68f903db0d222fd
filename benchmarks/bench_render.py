"""Benchmark: how long a printed page takes to become a picture; print the figures.

    python benchmarks/bench_render.py [FILE.pdf ...] [--pages N] [--keys [--presses N] [--graphics MODE [--ui-encoding]]]

For each PDF (default: the sample PDFs and the published 普陀区 决算 in ``sample_docs/``), on its
first N pages (default 10), in milliseconds per page (median and worst):

- ``open``: opening the file with PDFium (once per file);
- ``page@2``: the whole page at 2 pixels per point (144 dpi, what ``render`` and a Kitty/Sixel
  terminal get), boxes drawn;
- ``crop@2``: the region of one box with its margin at 2 px/pt (an evidence picture);
- ``half``: the half-block view of a 120×40 pane (page region fitted at 0.9 px/pt, contrast,
  cells): what the page view renders in its worker on ``v`` in a terminal without graphics.

``--protocol`` measures a graphics-protocol terminal's path instead (textual-image installed): the
page pane of a 120×40 terminal (about 50×37 cells) at 10×20 pixels a cell, fitted to the marks,
rendered in the worker (``picture``), then the encoding textual-image does when the widget draws,
on the UI thread: ``kitty`` (the picture as base64 PNG) and ``sixel`` (the picture as Sixel bands).

``--keys`` measures the app instead (Textual's Pilot at 120×40, on the first FILE or the published
PDF), the page view shown: for ↓ in the content, j in the findings list, n, the page view's ``]`` /
``[`` (next / previous page) and ``+`` / ``-`` (zoom), key → first frame (the response) and key →
last frame (every pane updated; a frame drawing a page the worker finished ends the count, except
for the page keys, whose response is that page), each pressed with no render in flight and while
one is: the current page is rendered again from PDFium (page cache emptied) and the key sent right
after, while the worker is inside PDFium or building the half-block strips. Keys are sent as the
terminal sends them, never waiting for the render (Pilot's ``press`` waits until the process is
idle, i.e. until the render is done). Then the worker's time per page view render (page region from
the LRU or PDFium, boxes, half-block strips, or the protocol's encoding). ``--graphics kitty`` /
``sixel`` draws the page view with textual-image's widget instead (headless: its terminal writes
are swallowed) and times that widget's drawing on the UI thread (CPU time per page picture);
``--ui-encoding`` encodes there as the library does, for the figures before the encoding moved
into the worker.

Each timing is taken on a page not rendered before in the run (PDFium keeps no page cache here, so
every page is cold); the page view additionally caches what it rendered (LRU) for the session.
"""

from __future__ import annotations

import argparse
import asyncio
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


PROTOCOL_PANE = (50, 37)  # cells of the page pane in a 120×40 terminal
CELL_PX = (10, 20)  # textual-image's assumed cell when the terminal does not say


def bench_protocol(path: Path, pages: int) -> None:
    from textual_image._pixeldata import PixelData  # the encoders only: importing these asks the terminal nothing
    from textual_image._sixel import image_to_sixels

    pdf = PdfPages(path)
    width, height = PROTOCOL_PANE[0] * CELL_PX[0], PROTOCOL_PANE[1] * CELL_PX[1]
    picture_s, kitty_s, sixel_s = [], [], []
    for number in range(1, min(pages, pdf.page_count) + 1):
        box = pdf.page_box(number)
        cx, cy = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
        marks = [Mark(number, (cx - 30, cy - 6, cx + 30, cy + 6), SUSPECT)]
        t = time.perf_counter()
        view = Viewport(number, (cx, cy), min(width / (box.x1 - box.x0), height / (box.bottom - box.top)))
        image = render_picture(pdf, number, marks, view.scale, region=view.region(box, width, height)).image
        picture_s.append(time.perf_counter() - t)
        t = time.perf_counter()
        PixelData(image).scaled(image.width, image.height).to_base64()
        kitty_s.append(time.perf_counter() - t)
        t = time.perf_counter()
        image_to_sixels(image)
        sixel_s.append(time.perf_counter() - t)
    pdf.close()
    print(f"{path.name[:40]:40} {len(picture_s):5}   {_ms(picture_s)}   {_ms(kitty_s)}   {_ms(sixel_s)}")


def _headless_protocol(mode: str, in_worker: bool) -> dict[int, float]:
    """Let the page view draw with ``mode``'s textual-image widget under Pilot: the library loaded,
    its terminal writes swallowed (headless: no terminal), and every draw of the image widget on the
    UI thread timed, in CPU time, per picture drawn (the dict returned). ``in_worker=False`` takes the encoding back to the UI
    thread, as textual-image does it (the "before" of moving it into the worker)."""
    import importlib

    from tui_review.widgets import page_image

    module = importlib.import_module("textual_image.widget")
    importlib.import_module("textual_image.renderable.tgp")._send_tgp_message = lambda **_: None
    page_image._loaded.update(module=module, choice=page_image.Choice(mode, "benchmark"))
    if not in_worker:
        page_image.encoder = lambda _mode: None  # type: ignore[assignment]
    widget = page_image.protocol_widget(mode)
    assert widget is not None
    per_picture: dict[int, float] = {}
    timed_class = widget
    if mode == "sixel":
        timed_class = importlib.import_module("textual_image.widget.sixel")._ImageSixelImpl
    render_lines = timed_class.render_lines

    def timed(self, crop):  # type: ignore[no-untyped-def]
        t0 = time.thread_time()  # the UI thread's CPU time: a loaded machine inflates it little
        try:
            return render_lines(self, crop)
        finally:
            key = id(self.image)
            per_picture[key] = per_picture.get(key, 0.0) + time.thread_time() - t0

    timed_class.render_lines = timed
    return per_picture  # type: ignore[return-value]


# (label, the keys pressed in turn as (key, character), the pane focused first): moves in the content
# (↓ and ↑ in turn, so the cursor never sticks at the end) and the findings list (j), next finding
# (n), the page view's next / previous page and zoom
PAGE_KEYS = (("↓↑", (("down", None), ("up", None)), "2"), ("j", (("j", "j"),), "3"), ("n", (("n", "n"),), "3"),
             ("]", (("right_square_bracket", "]"),), None), ("[", (("left_square_bracket", "["),), None),
             ("+", (("plus", "+"),), None), ("-", (("minus", "-"),), None))
WINDOW = 0.3  # seconds a key's frames are collected for: longer than a page render


async def key_response(path: Path, presses: int, graphics: str = "halfblock", in_worker: bool = True) -> None:
    import tempfile

    from tui_review.app import ReviewApp
    from tui_review.review.pipeline import LoadOptions
    from tui_review.widgets.page_view import PageView

    draws = _headless_protocol(graphics, in_worker) if graphics != "halfblock" else {}
    renders: list[float] = []
    render_job = PageView._render_job

    def timed_job(self, request):  # the worker's whole job: page region, boxes, strips or encoding
        t0 = time.perf_counter()
        try:
            return render_job(self, request)
        finally:
            renders.append(time.perf_counter() - t0)

    PageView._render_job = timed_job  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as tmp:
        app = ReviewApp(path, options=LoadOptions(review_path=Path(tmp) / "bench.review.sqlite"))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause(0.3)
            app.clear_notifications()
            encoded = "" if graphics == "halfblock" else (", encoded in the worker" if in_worker else ", encoded on the UI thread")
            print(f"document: {path.name}, {len(app.main.session.entries)} entries; page view drawn as {graphics}{encoded}")
            await pilot.press("n", "v")
            await app.workers.wait_for_complete()
            await pilot.pause(0.3)
            renders.clear()
            view = app.screen.query_one(PageView)
            meter = _FrameMeter(app, view)
            results: dict[str, list[float]] = {}
            for name, keys, focus in PAGE_KEYS:
                for in_flight in (False, True):
                    if focus is not None:
                        await pilot.press(focus)
                    for i in range(presses):
                        key, char = keys[i % len(keys)]
                        await _quiet(pilot)
                        if in_flight:
                            _start_cold_render(view)
                            await asyncio.sleep(0)  # the worker starts; the key comes while it renders
                            if not view.busy:
                                continue  # landed already: not a key during a render
                        first, last = await meter.press(key, char)
                        label = f"{'render in flight' if in_flight else 'no render'}"
                        if first is not None:
                            results.setdefault(f"key {name} → first frame, {label}", []).append(first)
                        if last is not None:
                            results.setdefault(f"key {name} → last frame, {label}", []).append(last)
            await app.workers.wait_for_complete()
    for label, values in results.items():
        _print(label, values)
    if renders:
        _print("page view render (worker: page region, boxes, strips)", renders)
    if draws:
        _print(f"{graphics} image widget, UI-thread CPU time per page picture drawn", list(draws.values()))


async def _quiet(pilot) -> None:
    """No render in flight and the screen idle: the state before each timed key."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.05)


def _start_cold_render(view) -> None:
    """Render the view's current page again, from PDFium (its page cache emptied), in the worker."""
    from tui_review.render.lru import LruCache
    from tui_review.widgets.page_view import CACHE_PAGES

    view._cache = LruCache(CACHE_PAGES)
    shown = view.shown
    view._update(view=shown.view if shown is not None else None)


class _FrameMeter:
    """Sends a key to the app the way the terminal does (Pilot's press waits until the process is
    idle, i.e. until a render in flight is done) and times, from the moment it is sent, the first
    and the last frame drawn once the key's action ran: the response, then every pane updated. A
    frame that draws a page the worker finished after that is not the key's and ends its last-frame
    count, unless no other frame came (the page keys, whose response is that page). Frames are timed
    by wrapping the screen's refresh, as ``benchmarks/bench_tui.py`` does."""

    def __init__(self, app, view) -> None:
        from textual.app import App
        from textual.screen import Screen

        self.app, self.frames, self.handled, self.landed = app, [], [], []
        refresh, dispatch, rendered = Screen._compositor_refresh, App._dispatch_action, type(view).on_page_view_rendered
        frames, handled, landed = self.frames, self.handled, self.landed

        def timed_refresh(screen) -> None:
            refresh(screen)
            frames.append(time.perf_counter())

        async def timed_dispatch(app, *args, **kwargs):
            try:
                return await dispatch(app, *args, **kwargs)
            finally:
                handled.append(time.perf_counter())

        def timed_rendered(page, message) -> None:
            drawn = message.token == page._token  # a stale render is dropped: it draws nothing
            rendered(page, message)
            if drawn:
                landed.append(time.perf_counter())

        Screen._compositor_refresh, App._dispatch_action = timed_refresh, timed_dispatch  # type: ignore[method-assign]
        type(view).on_page_view_rendered = timed_rendered

    async def press(self, key: str, char: str | None) -> tuple[float | None, float | None]:
        from textual import events

        for log in (self.frames, self.handled, self.landed):
            log.clear()
        event = events.Key(key, char)
        event.set_sender(self.app)
        t0 = time.perf_counter()
        self.app._driver.send_message(event)
        await asyncio.sleep(WINDOW)
        if not self.handled:
            return None, None
        start = self.handled[0]
        drawn = [t for t in self.frames if start <= t]
        if not drawn:
            return None, None
        end = min((t for t in self.landed if t >= start), default=float("inf"))
        before_page = [t for t in drawn if t < end]
        return drawn[0] - t0, (before_page or drawn[:1])[-1] - t0


def _print(label: str, seconds: list[float]) -> None:
    ms = sorted(1000 * v for v in seconds)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    print(f"{label}: median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms (n={len(ms)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--keys", action="store_true", help="key response in the app with the page view shown")
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument("--protocol", action="store_true", help="the Kitty / Sixel path: picture, then encoding")
    parser.add_argument("--graphics", choices=("halfblock", "kitty", "sixel"), default="halfblock",
                        help="with --keys: how the page view draws (kitty/sixel: textual-image's widget, headless)")
    parser.add_argument("--ui-encoding", action="store_true",
                        help="with --keys and a protocol: encode on the UI thread as textual-image does (before)")
    args = parser.parse_args()
    if args.keys:
        default = ROOT / "sample_docs" / "real" / "上海市普陀区财政局2024年度部门决算.pdf"
        asyncio.run(key_response(args.files[0] if args.files else default, args.presses, args.graphics, not args.ui_encoding))
        return
    files = args.files or sorted((ROOT / "sample_docs").glob("*.pdf")) + sorted((ROOT / "sample_docs" / "real").glob("*.pdf"))
    if args.protocol:
        print(f"{'file':40} {'pages':>5}   {'picture med/max ms':>15}   {'kitty med/max':>15}   {'sixel med/max':>15}")
        for path in files:
            bench_protocol(path, args.pages)
        return
    print(f"{'file':40} {'pages':>5} {'open':>7}   {'page@2 med/max ms':>15}   {'crop@2 med/max':>15}   {'half 120x40':>15}")
    for path in files:
        bench(path, args.pages)


if __name__ == "__main__":
    main()
