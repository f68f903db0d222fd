"""Search text and figures: results update as you type (a number matches figures by value, so
``354.72`` finds ``354.72`` and ``3,547,200.00`` 元 only if printed so); returns the chosen hit."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui_review.i18n import tr
from tui_review.keymap import bindings
from tui_review.review.session import ReviewSession, SearchHit


class SearchScreen(ModalScreen[SearchHit | None]):
    BINDINGS = bindings("dialog")

    def __init__(self, session: ReviewSession, query: str = "") -> None:
        super().__init__()
        self.session = session
        self.query_text = query
        self._hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide -tall"):
            yield Label(tr("search.title"), classes="dialog-title", markup=False)
            yield Input(self.query_text, id="search-input")
            yield Label("", id="search-count", classes="dialog-hint", markup=False)
            yield OptionList(id="search-results")
            yield Label(tr("search.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#search-input", Input).focus()
        if self.query_text:
            self._run(self.query_text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._run(event.value)

    def _run(self, query: str) -> None:
        self._hits = self.session.search(query)
        results = self.query_one("#search-results", OptionList)
        results.set_options(
            Option(Text.assemble((hit.snippet, ""), ("\n  " + hit.label, "dim")), id=str(i)) for i, hit in enumerate(self._hits)
        )
        if self._hits:
            results.highlighted = 0
        count = tr("search.count", count=len(self._hits)) if self._hits else (tr("search.none") if query.strip() else "")
        self.query_one("#search-count", Label).update(count)

    def on_key(self, event) -> None:
        if event.key in ("down", "up") and self.focused is self.query_one("#search-input", Input):
            results = self.query_one("#search-results", OptionList)
            results.action_cursor_down() if event.key == "down" else results.action_cursor_up()
            event.stop()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        index = self.query_one("#search-results", OptionList).highlighted
        self.dismiss(self._hits[index] if self._hits and index is not None else None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._hits[int(event.option.id)])

    def action_close(self) -> None:
        self.dismiss(None)
