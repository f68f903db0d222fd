"""The selected section's own text, every figure marked by colour and glyph, with a figure cursor.

A `StripView`: the section is wrapped once per width into strips and only the visible lines are
drawn, so long sections scroll without cost. ``j``/``k`` move the cursor from figure to figure (the
screen shows the figure's finding and counterparts); Enter opens the figure's finding.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.events import Click, Resize
from textual.strip import Strip

from tui_review.i18n import tr
from tui_review.keymap import bindings
from tui_review.messages import FigureHighlighted, FigureOpened
from tui_review.review.session import ERROR, WARNING, ReviewSession
from tui_review.widgets.marks import marked
from tui_review.widgets.strip_view import StripView
from tui_review.terminal import printable, runs
from tui_review.widgets.wrap import break_offsets


FLAG_STATES = {"error": ERROR, "warning": WARNING}  # a flagged span's mark by its finding's severity


@dataclass(slots=True)
class _Para:
    """One block of the section as drawn: its text and how its positions map back to the document."""

    text: Text
    pieces: list[tuple[int, int, int]] = field(default_factory=list)  # (text pos, doc offset, length)
    figures: list[tuple[str, int, int]] = field(default_factory=list)  # (figure id, start, end incl. glyphs)

    def doc_offset(self, pos: int) -> int | None:
        for tpos, doc, length in self.pieces:
            if tpos <= pos < tpos + length:
                return doc + pos - tpos
            if pos < tpos:
                return doc
        return None

    def text_pos(self, offset: int) -> int | None:
        for tpos, doc, length in self.pieces:
            if doc <= offset < doc + length:
                return tpos + offset - doc
        return None


class SectionView(StripView):
    BINDINGS = bindings("content")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, placeholder=Text(tr("empty.content"), style="dim"))
        self._session: ReviewSession | None = None
        self._section_id: str | None = None
        self._paras: list[_Para] = []
        self._figure_ids: list[str] = []
        self._cursor: int | None = None
        self._highlight: tuple[int, int] | None = None
        self._line_starts: list[int] = []  # document offset at the start of each drawn line
        self._figure_spans: dict[str, tuple[int, int, int]] = {}  # figure id → (line, x0, x1)
        self._blocks_of: tuple | None = None  # (document, block starts, blocks by start)
        self._flagged_of: list | None = None  # the session's entries the flagged spans were read from
        self._flagged: list[tuple[int, int, str, str]] = []  # (start, end, state, "") in document order

    # ── public ───────────────────────────────────────────────────────────────────────────────────

    @property
    def section_id(self) -> str | None:
        return self._section_id

    @property
    def figure_id(self) -> str | None:
        return self._figure_ids[self._cursor] if self._cursor is not None else None

    def show(
        self,
        session: ReviewSession,
        section_id: str,
        figure_id: str | None = None,
        highlight: tuple[int, int] | None = None,
    ) -> None:
        """Show a section; put the cursor on ``figure_id`` or mark the text span ``highlight``."""
        self._session = session
        self._section_id = section_id
        self._highlight = highlight
        self._paras = self._paragraphs()
        self._figure_ids = [fid for para in self._paras for fid, _, _ in para.figures]
        self._cursor = self._figure_ids.index(figure_id) if figure_id in self._figure_ids else None
        self._rebuild()
        if self._cursor is not None:
            self._scroll_to_line(self._figure_spans[self.figure_id][0])
        elif highlight is not None:
            self._scroll_to_line(max(0, bisect.bisect_right(self._line_starts, highlight[0]) - 1))
        else:
            self.scroll_to(y=0, animate=False)

    def redraw(self) -> None:
        """Draw again after the marks changed (a review change, a theme change)."""
        if self._session is not None and self._section_id is not None:
            self._paras = self._paragraphs()
            self._rebuild()

    def action_next_figure(self) -> None:
        self._move(1)

    def action_previous_figure(self) -> None:
        self._move(-1)

    def action_open_figure(self) -> None:
        if self.figure_id is not None:
            self.post_message(FigureOpened(self.figure_id))

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    # ── building ─────────────────────────────────────────────────────────────────────────────────

    def _paragraphs(self) -> list[_Para]:
        session, sid = self._session, self._section_id
        assert session is not None and sid is not None
        doc = session.doc
        start, end = session.own_range(sid)
        paras: list[_Para] = []
        figures = [(f.start, f.end, session.figure_state(f.id), f.id) for f in session.prose_figures(sid) if f.start is not None and f.end is not None]
        issues = self._flagged_text(start, end)
        own = session.own_marked()
        blocks = self._blocks_between(start, end)
        spans = [(b.start, b.end, b.kind, b.table_id) for b in blocks] or _lines(doc.text, start, end)
        for b_start, b_end, kind, table_id in spans:
            if kind == "table":
                table = doc.table(table_id or "")
                title = table.title if table is not None else ""
                paras.append(_Para(Text(printable(tr("table.placeholder", id=table_id or "", title=title), one_line=True), style="italic")))
                continue
            para = _Para(Text(style="bold" if kind == "heading" else ""))
            pos = b_start
            for mark_start, mark_end, state, figure_id in _marks_in(figures, issues, b_start, b_end):
                if mark_start < pos:
                    continue  # a flagged span inside a figure: the figure's mark says it
                self._append(para, pos, mark_start)
                t0 = len(para.text)
                para.pieces.append((t0, mark_start, mark_end - mark_start))
                para.text.append_text(marked(self.app, doc.text[mark_start:mark_end], state, figure_id in own))
                if figure_id:
                    para.figures.append((figure_id, t0, len(para.text)))
                pos = mark_end
            self._append(para, pos, b_end)
            paras.append(para)
        return paras

    def _blocks_between(self, start: int, end: int) -> list:
        """The document's blocks starting in ``start``–``end``, found by bisection: a long document
        has thousands, and every key that shows a section asks."""
        assert self._session is not None
        doc = self._session.doc
        if self._blocks_of is None or self._blocks_of[0] is not doc:
            ordered = sorted(doc.blocks, key=lambda b: b.start)
            self._blocks_of = (doc, [b.start for b in ordered], ordered)
        _, starts, ordered = self._blocks_of
        return ordered[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def _flagged_text(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        """Flagged text that is no figure, between ``start`` and ``end``: a number the parser could
        not read (``78 91.5``, split by a space; misplaced separators), marked as a figure of its
        finding's severity would be."""
        session = self._session
        assert session is not None
        if self._flagged_of is not session.entries:
            self._flagged_of, self._flagged = session.entries, sorted(
                (span[0], span[1], FLAG_STATES[e.severity], "")
                for e in session.entries
                if e.severity in FLAG_STATES and (span := session.text_span(e)) is not None
            )
        i = bisect.bisect_left(self._flagged, (start,))
        j = bisect.bisect_left(self._flagged, (end,))
        return self._flagged[i:j]

    def _append(self, para: _Para, start: int, end: int) -> None:
        """The document's text from ``start`` to ``end``; a control character is drawn as its visible
        escape (``\\x1b``), which maps to no offset of the document."""
        text = self._session.doc.text
        for run_start, run_end, safe in runs(text, start, end):
            if safe:
                para.pieces.append((len(para.text), run_start, run_end - run_start))
                para.text.append(text[run_start:run_end].replace("\n", " "))
            else:
                para.text.append(printable(text[run_start:run_end], one_line=True))

    def _rebuild(self) -> None:
        width = self.content_width()
        console = self.app.console
        cursor_id = self.figure_id
        strips: list[Strip] = []
        line_starts: list[int] = []
        spans: dict[str, tuple[int, int, int]] = {}
        last_offset = 0
        for para in self._paras:
            text = para.text.copy()
            for fid, t0, t1 in para.figures:
                if fid == cursor_id:
                    text.stylize(Style(reverse=True), t0, t1)
            if self._highlight is not None:
                h0, h1 = (para.text_pos(o) for o in self._highlight)
                if h0 is not None:
                    text.stylize(Style(reverse=True, italic=True), h0, h1 if h1 is not None else len(text))
            lines = text.divide(break_offsets(text.plain, width))
            pos = 0
            first_line = len(strips)
            line_text_starts = []
            for line in lines:
                line_text_starts.append(pos)
                offset = para.doc_offset(pos)
                last_offset = offset if offset is not None else last_offset
                line_starts.append(last_offset)
                strips.append(Strip(list(line.render(console))))
                pos += len(line.plain)
            for fid, t0, t1 in para.figures:
                i = max(0, bisect.bisect_right(line_text_starts, t0) - 1)
                plain = lines[i].plain if lines else ""
                x0 = cell_len(plain[: t0 - line_text_starts[i]])
                spans[fid] = (first_line + i, x0, x0 + cell_len(para.text.plain[t0:t1]))
            strips.append(Strip.blank(0))
            line_starts.append(last_offset)
        self._line_starts, self._figure_spans = line_starts, spans
        self.set_strips(strips, width)

    # ── drawing and input ────────────────────────────────────────────────────────────────────────

    def on_resize(self, event: Resize) -> None:
        if self._paras and self.content_width() != self._width:
            self._rebuild()

    def on_click(self, event: Click) -> None:
        line = event.y + self.scroll_offset.y
        x = event.x + self.scroll_offset.x
        on_line = [(fid, x0, x1) for fid, (ln, x0, x1) in self._figure_spans.items() if ln == line]
        if not on_line:
            return
        fid = min(on_line, key=lambda s: 0 if s[1] <= x < s[2] else min(abs(x - s[1]), abs(x - s[2])))[0]
        self._cursor = self._figure_ids.index(fid)
        self._rebuild()
        self.post_message(FigureHighlighted(fid))

    def _move(self, step: int) -> None:
        if not self._figure_ids:
            self.scroll_relative(y=step, animate=False)
            return
        if self._cursor is None:
            self._cursor = self._first_visible() if step > 0 else self._last_visible()
        else:
            self._cursor = max(0, min(len(self._figure_ids) - 1, self._cursor + step))
        self._highlight = None
        self._rebuild()
        self._scroll_to_line(self._figure_spans[self.figure_id][0])
        self.post_message(FigureHighlighted(self.figure_id))

    def _first_visible(self) -> int:
        top = self.scroll_offset.y
        for i, fid in enumerate(self._figure_ids):
            if self._figure_spans[fid][0] >= top:
                return i
        return len(self._figure_ids) - 1

    def _last_visible(self) -> int:
        bottom = self.scroll_offset.y + self.size.height
        for i in range(len(self._figure_ids) - 1, -1, -1):
            if self._figure_spans[self._figure_ids[i]][0] < bottom:
                return i
        return 0

    def _scroll_to_line(self, line: int) -> None:
        top, height = self.scroll_offset.y, max(1, self.size.height)
        if line < top or line >= top + height:
            self.scroll_to(y=max(0, line - height // 3), animate=False)


def _marks_in(figures: list[tuple[int, int, str, str]], flagged: list[tuple[int, int, str, str]], start: int, end: int) -> list[tuple[int, int, str, str]]:
    """Figures and flagged spans starting in a block, in reading order: (start, end, state, figure id or "")."""
    return sorted(m for m in (*figures, *flagged) if start <= m[0] < end)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int, str, str | None]]:
    """Blocks for a document without block structure: one per non-blank line."""
    out = []
    pos = start
    for line in text[start:end].split("\n"):
        if line.strip():
            out.append((pos, pos + len(line), "paragraph", None))
        pos += len(line) + 1
    return out
