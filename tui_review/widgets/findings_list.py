"""The findings list for the current scope: one two-line row per entry (severity glyph, review status,
message; then place and a ✎ when there is a note), filters and counts shown in the border. A suspect
group is one row (▸ folded, ▾ unfolded: Enter toggles) — the suspect, its place, the value it would
need and the relations it breaks — with its member findings indented under it when unfolded.

A move by the reader is reported to ``on_move`` (the review screen) at once, in the key's own
handler, so the detail and content panes change in the frame that moves the cursor; reported as
a message it reached the screen two hops later, after a frame of its own (cursor, then detail)."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_review.i18n import get_lang, status_label, tr
from tui_review.keymap import bindings
from tui_review.review.session import GROUP_KIND, Entry
from tui_review.widgets.marks import OWN_GLYPH, SEVERITY_GLYPHS, severity_style
from tui_review.terminal import printable


class FindingsList(OptionList):
    BINDINGS = bindings("findings")

    class EntryHighlighted(Message):
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class EntryOpened(Message):
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(
        self,
        *,
        id: str | None = None,
        on_move: Callable[[str], None] | None = None,
        on_focused: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(id=id)
        self._on_move = on_move  # called with the entry's key; without it, `EntryHighlighted` is posted
        self._on_focused = on_focused  # called first when the list takes focus (a cursor move still due)
        self._quiet = False
        self._entries: list[Entry] = []
        self._shown_width = 0
        self._keys: list[str] = []

    @property
    def key(self) -> str | None:
        if self.highlighted is None or self.highlighted >= len(self._keys):
            return None
        return self._keys[self.highlighted]

    def show(self, entries: list[Entry], selected: str | None = None) -> None:
        """Replace the rows, keeping ``selected`` highlighted when it is among them."""
        self._entries = entries
        self._shown_width = self._width()
        self._keys = [e.key for e in entries]
        if entries:
            self.set_options(Option(self._prompt(e), id=e.key) for e in entries)
        else:
            self.set_options([Option(Text(tr("empty.findings"), style="dim"), disabled=True)])
        if selected in self._keys:
            self.select_key(selected)

    def select_key(self, key: str) -> None:
        """Highlight ``key``'s row. Unlike a move by the reader this posts no `EntryHighlighted`:
        reported late (after the next key) it would send the screen back to an entry it has left."""
        if key in self._keys:
            self._quiet = True
            try:
                with self.prevent(OptionList.OptionHighlighted):
                    self.highlighted = self._keys.index(key)
            finally:
                self._quiet = False

    def _prompt(self, entry: Entry) -> Text:
        """Two lines cut to the list's width (the detail pane shows everything)."""
        if entry.kind == GROUP_KIND:
            return self._group_prompt(entry)
        width = self._shown_width
        style = severity_style(self.app, entry.severity)
        glyph = OWN_GLYPH if entry.kind == "own" else SEVERITY_GLYPHS.get(entry.severity, "·")
        first = Text("  └ " if entry.group else "")
        first.append(f"{glyph} ", style=style)
        first.append(f"[{status_label(entry.status)}] ", style="bold" if entry.status == "open" else "")
        first.append(printable(entry.message(get_lang()), one_line=True))
        second = Text("      " if entry.group else "  ")
        if entry.note:
            second.append("✎ ", style="bold")
        if entry.kind != "finding":
            second.append(f"{tr('kind.' + entry.kind)} · ", style="italic")
        place = " ".join(p for p in (entry.stated, entry.location, entry.section.split(" › ")[-1]) if p)
        second.append(printable(place, one_line=True), style="dim")
        for line in (first, second):
            line.truncate(width, overflow="ellipsis")
        return Text("\n").join((first, second))

    def _group_prompt(self, entry: Entry) -> Text:
        """``✗ ▸ [待核] 349.51 → 339.51 · 3 项关系`` then the suspect's place and the group message."""
        unfolded = any(e.key in entry.members for e in self._entries)
        style = severity_style(self.app, entry.severity)
        first = Text()
        first.append(f"{SEVERITY_GLYPHS.get(entry.severity, '·')} {'▾' if unfolded else '▸'} ", style=style)
        first.append(f"[{status_label(entry.status)}] ", style="bold" if entry.status == "open" else "")
        if entry.stated:
            first.append(printable(f"{entry.stated} → {entry.expected}", one_line=True), style="bold")
            first.append(f" · {tr('group.relations', n=len(entry.members))}")
        else:
            first.append(tr("group.no_culprit", n=len(entry.members)))
        place = " ".join(p for p in (entry.location, entry.section.split(" › ")[-1]) if p)
        second = Text("  ")
        second.append(printable(place, one_line=True), style="dim")
        for line in (first, second):
            line.truncate(self._shown_width, overflow="ellipsis")
        return Text("\n").join((first, second))

    def on_focus(self) -> None:
        """Focused with no row highlighted (right after loading): the first row is, and the detail
        follows it as after a ``j``, so Enter opens the row the reader sees."""
        if self._on_focused is not None:
            self._on_focused()
        if self.highlighted is None and self._entries:
            self.highlighted = 0

    def on_resize(self) -> None:
        if self._entries and self._width() != self._shown_width:
            self.show(self._entries, self.key)

    def _width(self) -> int:
        return max(10, self.scrollable_content_region.width - 1)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)  # scrolls to the row (and posts OptionList's message)
        if highlighted is None or self._quiet or highlighted >= len(self._keys):
            return
        key = self._keys[highlighted]
        if self._on_move is not None:
            self._on_move(key)
        else:
            self.post_message(self.EntryHighlighted(key))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()  # reported by `watch_highlighted`, in the same frame

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.EntryOpened(event.option.id))
