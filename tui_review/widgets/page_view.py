"""The printed page beside the extraction: the current finding's page with its figures boxed.

`PageView.follow` is told the finding (or lone figure) the reviewer is on; while the pane is shown
it renders that page in a thread worker (exclusive: moving on cancels the render in flight, whose
result is dropped), so no key ever waits for PDFium. The first view fits the finding's boxes in the
pane, zoomed at least to where digits stay legible; ``+``/``-`` zoom, ``[``/``]`` turn pages.

The page is drawn with half-blocks (``▀``, two pixels a cell), readable at table-cell level once
zoomed. Whole pages are kept per scale in an LRU for the session, so going back to a finding, or
panning, renders nothing again. A text document has no printed page: the pane shows the lines of
the text around the figures instead, the figures marked.

In a terminal with a graphics protocol (Kitty, Sixel: detected by `tui_review.render.terminal`,
``[ui] graphics`` overrides it) the page is a real image: the same picture, at the terminal's
pixel size, handed to textual-image's widget (`tui_review.widgets.page_image`, loaded at start-up
only when a protocol is chosen); everywhere else, and whenever that cannot be loaded, half-blocks.
The caption names the way it is drawn.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from typing import Any

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.worker import get_current_worker

from tui_review.i18n import get_lang
from tui_review.render.halfblock import Cell, crisp, fit_scale, halfblock_rows
from tui_review.render.lru import LruCache
from tui_review.render.marks import SUSPECT, Mark, marks_of, region_of
from tui_review.render.pdf_pages import PdfPages
from tui_review.render.picture import BoxStyle, Picture, draw_marks, whole_cells
from tui_review.widgets import page_image
from tui_review.render.viewport import ZOOM_STEP, Viewport, first_view
from tui_review.review.export import entry_marks

CACHE_PAGES = 24  # whole pages kept (per page and scale); a 0.9 px/pt A4 page is about 1.2 MB
MAX_CACHED_PIXELS = 4_000_000  # above this a page is rendered region by region, not kept whole
TEXT_CONTEXT = 3  # lines of text shown above and below a text document's figures

_WORDS = {
    "title": ("5 原貌", "5 Page"),
    "hint": ("在问题上按 v 查看其所在页的原貌", "press v on a finding to see its printed page"),
    "no_page": ("该问题没有可定位的页面", "this finding has no page to show"),
    "rendering": ("正在绘制第 {page} 页…", "rendering page {page}…"),
    "caption": ("第 {page}/{count} 页 · {zoom} px/pt · {mode} · +/- 缩放 [ ] 翻页", "p.{page}/{count} · {zoom} px/pt · {mode} · +/- zoom [ ] page"),
    "text_caption": ("正文第 {first}–{last} 行（文本文档没有版面）", "text lines {first}–{last} (a text document has no printed page)"),
    "failed": ("页面无法绘制：{error}", "cannot draw the page: {error}"),
}


def _say(key: str, **values: object) -> str:
    zh, en = _WORDS[key]
    return (en if get_lang() == "en" else zh).format(**values)


def _page_after(page: int, steps: tuple[tuple[str, float], ...]) -> int:
    """The page ``steps`` turn to from ``page`` (the worker keeps it within the document)."""
    return page + int(sum(amount for kind, amount in steps if kind == "turn"))


def _printable(text: str) -> str:
    """Document text made safe for the terminal: control and format characters become spaces."""
    return "".join(ch if ch.isprintable() else " " for ch in text)


@dataclass(frozen=True, slots=True)
class _Request:
    token: int
    path: str
    password: str | None
    marks: tuple[Mark, ...]
    page: int  # the page to show when ``view`` is None (first view)
    view: Viewport | None
    steps: tuple[tuple[str, float], ...]  # ("zoom", factor) / ("turn", ±1), applied to ``view`` in order
    columns: int
    rows: int
    style: BoxStyle
    cell: tuple[int, int] = (1, 2)  # picture pixels per cell: half-blocks, or the terminal's cell in pixels
    background: tuple[int, int, int] = (255, 255, 255)  # the pane's, where a picture is padded to whole cells


@dataclass(slots=True)
class Shown:
    """What the pane shows: the page, the view, and where each box landed (in cells of the picture)."""

    page: int
    page_count: int
    view: Viewport
    picture: Picture
    cell_boxes: list[tuple[Mark, tuple[int, int, int, int]]] = field(default_factory=list)  # col0, row0, col1, row1


class PageView(Widget, can_focus=True):
    DEFAULT_CSS = """
    PageView {
        height: 1fr;
        background: $surface;
    }
    """

    class Rendered(Message):
        """A render finished (posted from the worker; stale tokens are dropped)."""

        def __init__(self, token: int, shown: Shown | None, strips: list[Strip], error: str = "",
                     encoded: page_image.EncodedPicture | None = None) -> None:
            super().__init__()
            self.token = token
            self.shown = shown
            self.strips = strips
            self.error = error
            self.encoded = encoded  # the picture encoded for the terminal's protocol, off the UI thread

    def __init__(self, *, graphics: str = "auto", password: str | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        choice = page_image.current() or page_image.choose(graphics, os.environ, tty=False, available=False)
        self.mode, self.mode_reason = choice.mode, choice.reason
        self._image_class = page_image.protocol_widget(self.mode)  # None: half-blocks
        self._encoder = page_image.encoder(self.mode) if self._image_class is not None else None
        self._image: Any = None  # textual-image's widget (untyped), mounted on first use
        self.password = password
        self.shown: Shown | None = None
        self._strips: list[Strip] = []
        self._message = _say("hint")
        self._session = None
        self._subject: tuple | None = None
        self._marks: tuple[Mark, ...] = ()
        self._page: int | None = None
        self._figure_ids: tuple[str, ...] = ()
        self._stale = False
        self._first_pending = False
        self._steps: tuple[tuple[str, float], ...] = ()  # zoom / page keys since ``_steps_base`` was drawn
        self._steps_base: Viewport | None = None
        self._token = 0
        self._drawn_token = 0
        self._lock = threading.Lock()
        self._pages: PdfPages | None = None
        self._cache: LruCache = LruCache(CACHE_PAGES)
        self._styles: dict[tuple, Style] = {}

    def on_mount(self) -> None:
        self.border_title = _say("title")

    def on_unmount(self) -> None:
        self._close_pages()

    # ── what to show ─────────────────────────────────────────────────────────────────────────────

    def follow(self, session, entry=None, figure_id: str | None = None) -> None:
        """Show the page of ``entry`` (a review entry) or of a lone ``figure_id`` from now on."""
        if session is not self._session:
            self._close_pages()
            self._session, self._cache = session, LruCache(CACHE_PAGES)
        if entry is not None:
            marks = tuple(entry_marks(session, entry))
            ids = tuple(dict.fromkeys([*entry.figure_ids, *(m.figure_id for m in marks)]))
            page = marks[0].page if marks else entry.page
        elif figure_id is not None and figure_id in session.figures:
            ids, marks = (figure_id,), tuple(marks_of(session.figures, [figure_id]))
            page = session.figures[figure_id].page
        else:
            return
        subject = (ids, marks, page)
        if subject == self._subject:
            return
        self._subject, self._figure_ids, self._marks, self._page = subject, ids, marks, page
        if self.display:
            self._update()
        else:
            self._stale = True

    def wake(self) -> None:
        """The pane was just shown: draw what it was told to follow while hidden, once laid out."""
        if self._stale:
            self.call_after_refresh(self._update)

    def on_resize(self) -> None:
        if self.display and self._session is not None:
            self._update(view=self._settled().view if self._settled() else None)

    @property
    def busy(self) -> bool:
        """Is a render wanted or in flight (the pane will change once it lands)?"""
        return self.display and (self._stale or self._drawn_token != self._token)

    def _settled(self) -> Shown | None:
        """What is shown, unless a new finding's first view is still being drawn (keys wait for it)."""
        return None if self._first_pending else self.shown

    def zoom_in(self) -> None:
        self._step("zoom", ZOOM_STEP)

    def zoom_out(self) -> None:
        self._step("zoom", 1 / ZOOM_STEP)

    def next_page(self) -> None:
        self._step("turn", 1)

    def previous_page(self) -> None:
        self._step("turn", -1)

    def _step(self, kind: str, amount: float) -> None:
        """Zoom or turn from what the keys before asked for: while the render of a zoom or page key
        is in flight, the next key adds to it (two quick ``+`` zoom twice, two ``]`` turn two pages),
        rendered as one request from the view last drawn."""
        shown = self._settled()
        if shown is None:
            return
        if not self._steps or self._drawn_token == self._token:  # no key's render in flight: from what is shown
            self._steps_base, self._steps = shown.view, ()
        base = self._steps_base or shown.view
        if kind == "turn" and not 1 <= _page_after(base.page, self._steps) + amount <= shown.page_count:
            return
        self._update(view=base, steps=(*self._steps, (kind, amount)))

    # ── rendering ────────────────────────────────────────────────────────────────────────────────

    def _update(self, view: Viewport | None = None, steps: tuple[tuple[str, float], ...] = ()) -> None:
        self._stale = False
        self._steps = steps
        session = self._session
        if session is None:
            return
        if not session.doc.page_count:
            self._show_text(session)
            return
        page = view.page if view is not None else self._page
        if page is None:
            self._set(None, [], _say("no_page"))
            return
        columns, rows = self._picture_size()
        self._token += 1
        self._first_pending = view is None
        if self.shown is None:  # otherwise the old picture stays until the new one is ready
            self._set(None, [], _say("rendering", page=_page_after(page, steps)))
        theme = self.app.current_theme
        suspect = Color.parse(theme.error).get_truecolor() if theme.error else BoxStyle().suspect
        cell = page_image.cell_pixels() if self._image_class is not None else (1, 2)
        request = _Request(self._token, session.doc.path, self.password, self._marks, page, view, steps, columns, rows,
                           BoxStyle(suspect=tuple(suspect)), cell, self.styles.background.rgb)
        self.run_worker(lambda: self._render_job(request), thread=True, exclusive=True, group="page-view", exit_on_error=False)

    def _picture_size(self) -> tuple[int, int]:
        """Cells for the picture: the pane less its caption line."""
        region = self.content_region
        return max(region.width, 8), max(region.height - 1, 4)

    def _render_job(self, request: _Request) -> None:
        """Worker (thread): the view, the page region, the boxes, the half-block strips."""
        worker = get_current_worker()
        try:
            shown = self._draw(request)
            if worker.is_cancelled:
                return
            strips = [] if request.cell != (1, 2) else self._strips_of(halfblock_rows(shown.picture.image))
            encoded = None
            if request.cell != (1, 2):
                most = (request.columns, request.rows)
                shown.picture.image = whole_cells(shown.picture.image, request.cell, request.background, most)
                if self._encoder is not None:
                    encoded = page_image.EncodedPicture(shown.picture.image, self._encoder(shown.picture.image))
        except Exception as exc:  # a damaged page: say so in the pane, never end the app
            if not worker.is_cancelled:
                self.post_message(self.Rendered(request.token, None, [], _say("failed", error=f"{type(exc).__name__}: {exc}")))
            return
        if not worker.is_cancelled:
            self.post_message(self.Rendered(request.token, shown, strips, encoded=encoded))

    def _draw(self, request: _Request) -> Shown:
        pages = self._open(request.path, request.password)
        (cell_w, cell_h), halfblock = request.cell, request.cell == (1, 2)
        width_px, height_px = request.columns * cell_w, request.rows * cell_h
        view = request.view
        if view is None:
            box = pages.page_box(request.page)
            region = region_of(request.marks, request.page)
            focus = next((m.bbox for m in request.marks if m.page == request.page and m.kind == SUSPECT), None)
            view = first_view(request.page, region, focus, box, width_px, height_px)
        for kind, amount in request.steps:
            if kind == "zoom":
                view = view.zoomed(amount)
                continue
            page = min(max(view.page + int(amount), 1), pages.page_count)
            box = pages.page_box(page)
            view = view.on_page(page, box, fit_scale(box.bbox, width_px, height_px // 2))
        box = pages.page_box(view.page)
        region = view.region(box, width_px, height_px)
        image = self._page_region(pages, view, region)
        picture = Picture(crisp(image) if halfblock else image, view.page, view.scale, region)  # boxes keep their colours
        draw_marks(picture, list(request.marks), request.style)
        cells = [(mark, (x0 // cell_w, y0 // cell_h, x1 // cell_w, y1 // cell_h)) for mark, (x0, y0, x1, y1) in picture.boxes]
        return Shown(view.page, pages.page_count, view, picture, cells)

    def _page_region(self, pages: PdfPages, view: Viewport, region):
        """The region at the view's scale: cut from the whole page kept in the LRU (rendered once)."""
        box = pages.page_box(view.page)
        scale = round(view.scale, 4)
        if box.width * box.height * scale * scale > MAX_CACHED_PIXELS:
            return pages.render(view.page, scale, region)
        key = (view.page, scale)
        with self._lock:
            whole = self._cache.get(key)
        if whole is None:
            whole = pages.render(view.page, scale)
            with self._lock:
                self._cache.put(key, whole)
        left = round((region[0] - box.x0) * scale)
        top = round((region[1] - box.top) * scale)
        right = min(left + max(1, round((region[2] - region[0]) * scale)), whole.width)
        bottom = min(top + max(1, round((region[3] - region[1]) * scale)), whole.height)
        return whole.crop((left, top, right, bottom))

    def _open(self, path: str, password: str | None) -> PdfPages:
        with self._lock:
            if self._pages is None or self._pages.path != path:
                if self._pages is not None:
                    self._pages.close()
                self._pages = PdfPages(path, password)
            return self._pages

    def _close_pages(self) -> None:
        with self._lock:
            if self._pages is not None:
                self._pages.close()
                self._pages = None

    def _strips_of(self, rows: list[list[Cell]]) -> list[Strip]:
        """Half-block cells as strips: runs of one style joined into one segment."""
        strips = []
        for row in rows:
            segments: list[Segment] = []
            run: list[str] = []
            run_style: Style | None = None
            for cell in row:
                style = self._style(cell)
                if style is not run_style and run:
                    segments.append(Segment("".join(run), run_style))
                    run = []
                run_style = style
                run.append(cell.char)
            if run:
                segments.append(Segment("".join(run), run_style))
            strips.append(Strip(segments, len(row)))
        return strips

    def _style(self, cell: Cell) -> Style:
        key = (cell.fg, cell.bg) if cell.char != " " else (None, cell.bg)
        style = self._styles.get(key)
        if style is None:
            fg = Color.from_rgb(*cell.fg) if cell.char != " " else None
            style = self._styles[key] = Style(color=fg, bgcolor=Color.from_rgb(*cell.bg))
        return style

    def on_page_view_rendered(self, message: Rendered) -> None:
        if message.token != self._token:
            return  # the reviewer moved on meanwhile
        self._first_pending = False
        self._drawn_token = message.token
        if message.shown is None:
            self._set(None, [], message.error)
            return
        shown = message.shown
        drawn = "▀" if self._image_class is None else self.mode.capitalize()
        caption = _say("caption", page=shown.page, count=shown.page_count, zoom=f"{shown.view.scale:.2f}", mode=drawn)
        self._set(shown, message.strips, caption)
        if self._image_class is not None:
            self._show_image(shown, message.encoded)

    def _show_image(self, shown: Shown, encoded: page_image.EncodedPicture | None = None) -> None:
        """The picture through the terminal's graphics protocol, below the caption line."""
        image_class = self._image_class
        if image_class is None:
            return
        if self._image is None:
            self._image = image_class()
            self._image.styles.margin = (1, 0, 0, 0)
            self.mount(self._image)
        cell_w, cell_h = page_image.cell_pixels()
        picture = shown.picture.image  # whole cells (the worker padded it): the library never scales it
        self._image.styles.width, self._image.styles.height = max(1, picture.width // cell_w), max(1, picture.height // cell_h)
        self._image.pre_encoded = encoded  # drawn as it is when the widget draws this very picture
        self._image.image = shown.picture.image  # textual-image's widget takes a PIL image
        self._image.display = True

    @property
    def image_widget(self) -> Widget | None:
        """The protocol's image widget while it shows a page (None under half-blocks)."""
        return self._image if self._image is not None and self._image.display else None

    def _set(self, shown: Shown | None, strips: list[Strip], message: str) -> None:
        self.shown, self._strips, self._message = shown, strips, message
        if self._image is not None and shown is None:
            self._image.display = False  # a message or a text document's lines: no picture
        self.refresh()

    # ── text documents ───────────────────────────────────────────────────────────────────────────

    def _show_text(self, session) -> None:
        """The lines of the text around the figures, the suspect in the error style, others underlined."""
        figures = [session.figures[f] for f in self._figure_ids if f in session.figures and session.figures[f].start is not None]
        if not figures:
            self._set(None, [], _say("no_page"))
            return
        text = session.doc.text
        starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        import bisect

        first = max(bisect.bisect_right(starts, min(f.start for f in figures)) - 1 - TEXT_CONTEXT, 0)
        last = min(bisect.bisect_right(starts, max(f.start for f in figures)) - 1 + TEXT_CONTEXT, len(starts) - 1)
        theme = self.app.current_theme
        suspects = {m.figure_id for m in self._marks if m.kind == SUSPECT} or {figures[0].id}
        width = max(self.content_region.width, 8)
        strips: list[Strip] = []
        for n in range(first, last + 1):
            end = starts[n + 1] - 1 if n + 1 < len(starts) else len(text)
            line = Text(f"{n + 1:>5} ", style="dim")
            body = Text(_printable(text[starts[n] : end]))
            for fig in figures:
                if starts[n] <= fig.start < end:
                    style = Style(color=theme.error, bold=True, reverse=True) if fig.id in suspects else Style(underline=True, bold=True)
                    body.stylize(style, fig.start - starts[n], (fig.end or fig.start + 1) - starts[n])
            line.append_text(body)
            strips.extend(Strip(s) for s in self.app.console.render_lines(line, self.app.console.options.update_width(width), pad=False))
        self._set(None, strips, _say("text_caption", first=first + 1, last=last + 1))

    # ── drawing ──────────────────────────────────────────────────────────────────────────────────

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y == 0:
            caption = Strip([Segment(_printable(self._message), base + Style(dim=True))])
            return caption.crop(0, width).extend_cell_length(width, base)
        index = y - 1
        if index < len(self._strips):
            return self._strips[index].crop(0, width).extend_cell_length(width, base)
        return Strip.blank(width, base)
