"""The review screen's top line: what is open, how far the review is, and the app's messages.

It replaces Textual's toasts, which float over the panes: where a pane's edge runs under a toast,
Textual's compositor splits the toast's line at that column and a Chinese character standing across
it is dropped ("状态已设为：确认问"). Here the messages are part of the layout, so nothing cuts them.

Left: the document's name (and 只读 when the review is read-only) and the review counter; below
it the newest messages, each for its timeout; a persistent banner (unsaved changes) stays until
it is cleared.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count

from rich.text import Text
from textual.widgets import Static

from tui_review.widgets.wrap import wrap
from tui_review.terminal import printable

SHOWN = 2  # messages shown at once, newest last
_ids = count()


@dataclass(frozen=True, slots=True)
class Notice:
    id: int
    text: str
    severity: str  # information | warning | error


class StatusLine(Static):
    DEFAULT_CSS = """
    StatusLine {
        height: auto;
        max-height: 4;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.heading = ""
        self.banner = ""
        self.notices: list[Notice] = []

    def set_heading(self, heading: str) -> None:
        self.heading = heading
        self._redraw()

    def set_banner(self, banner: str) -> None:
        """A message that stays until it is replaced or cleared (``""``)."""
        self.banner = banner
        self._redraw()

    def post(self, text: str, severity: str = "information", timeout: float = 5.0) -> Notice:
        notice = Notice(next(_ids), text, severity)
        self.notices.append(notice)
        self.set_timer(timeout, lambda: self.expire(notice.id))
        self._redraw()
        return notice

    def expire(self, notice_id: int) -> None:
        kept = [n for n in self.notices if n.id != notice_id]
        if len(kept) != len(self.notices):  # a notice cleared before its time is up redraws nothing
            self.notices = kept
            self._redraw()

    def clear_notices(self) -> None:
        self.notices.clear()
        self._redraw()

    def texts(self) -> list[str]:
        """The messages on show, oldest first (for tests and the help screen)."""
        return [n.text for n in self.notices[-SHOWN:]]

    def _redraw(self) -> None:
        theme = self.app.current_theme
        colours = {"warning": theme.warning, "error": theme.error}
        lines = Text(printable(self.heading, one_line=True), style="bold")
        if self.banner:
            lines.append("  ").append(printable(self.banner, one_line=True), style=f"bold {theme.error or 'red'} reverse")
        width = max(10, self.content_region.width or self.app.size.width - 2)
        for notice in self.notices[-SHOWN:]:
            glyph = {"warning": "! ", "error": "✗ "}.get(notice.severity, "· ")
            lines.append("\n").append_text(wrap(Text(glyph + printable(notice.text), style=colours.get(notice.severity) or ""), width))
        self.update(lines)

    def on_resize(self) -> None:
        self._redraw()
