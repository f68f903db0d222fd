"""Search text and figures: results update as you type (a number matches figures by value, so
``354.72`` finds ``354.72`` and ``3,547,200.00`` 元 only if printed so); returns the chosen hit.

The search runs in a thread worker a moment after the typing stops (`SEARCH_SETTLE`); each key
cancels the search still running for the previous query (the search polls its worker), so the
input never waits for a search and a 150×150 grid costs at most one search per pause.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.timer import Timer
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui_review.i18n import tr
from tui_review.messages import SearchDone
from tui_review.review.search import SearchCancelled, SearchHit
from tui_review.review.session import ReviewSession
from tui_review.screens.dialog import Dialog
from tui_review.terminal import printable

SEARCH_SETTLE = 0.15  # seconds after the last key before the search starts


class SearchScreen(Dialog[SearchHit | None]):
    SIZE = "-wide -tall"

    def __init__(self, session: ReviewSession, query: str = "") -> None:
        super().__init__(tr("search.title"), tr("search.hint"))
        self.session = session
        self.query_text = query
        self._hits: list[SearchHit] = []
        self._timer: Timer | None = None
        self.searched: str | None = None  # the query whose results are on show
        self._submitted = False  # Enter came before the search of what was typed had answered

    def compose_body(self) -> ComposeResult:
        yield Input(self.query_text, id="search-input")
        yield Label("", id="search-count", classes="dialog-hint", markup=False)
        yield OptionList(id="search-results")

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def results(self) -> OptionList:
        return self.query_one("#search-results", OptionList)

    def on_mount(self) -> None:
        self.input.focus()
        if self.query_text:
            self.start_search(self.query_text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.workers.cancel_group(self, "search")  # the previous query's search stops now
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SEARCH_SETTLE, lambda: self.start_search(event.value))

    def start_search(self, query: str) -> None:
        self._timer = None
        if not query.strip():
            self.post_message(SearchDone(query, []))
            return
        self._search(query)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _search(self, query: str) -> None:
        worker = get_current_worker()
        try:
            hits = self.session.search(query, cancelled=lambda: worker.is_cancelled)
        except SearchCancelled:
            return
        if not worker.is_cancelled:
            self.post_message(SearchDone(query, hits))

    def on_search_done(self, message: SearchDone) -> None:
        if message.query != self.input.value:  # an older query's answer, overtaken by typing
            return
        self.searched = message.query
        self._hits = message.hits
        self.results.set_options(
            Option(Text.assemble((printable(hit.snippet, one_line=True), ""), ("\n  " + printable(hit.label, one_line=True), "dim")), id=str(i))
            for i, hit in enumerate(self._hits)
        )
        if self._hits:
            self.results.highlighted = 0
        if self._submitted:
            self._choose()
            return
        query = message.query
        count = tr("search.count", count=len(self._hits)) if self._hits else (tr("search.none") if query.strip() else "")
        self.query_one("#search-count", Label).update(count)

    def on_key(self, event) -> None:
        if event.key in ("down", "up") and self.focused is self.input:
            results = self.results
            results.action_cursor_down() if event.key == "down" else results.action_cursor_up()
            event.stop()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.searched != event.value:  # answered when the search of what was typed is done
            self._submitted = True
            if self._timer is not None:
                self._timer.stop()
                self.start_search(event.value)
            return
        self._choose()

    def _choose(self) -> None:
        index = self.results.highlighted
        self.dismiss(self._hits[index] if self._hits and index is not None else None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._hits[int(event.option.id or 0)])
