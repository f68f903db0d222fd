"""The command palette: Textual's, with its own words in the interface language (the prompt, and
the line shown when nothing matches, which Textual writes in English)."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from tui_review.i18n import tr


class ReviewPalette(CommandPalette):
    def __init__(self) -> None:
        super().__init__(id="--command-palette", placeholder=tr("palette.placeholder"))

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's countdown to its "No matches found" line, the line in the interface language."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                line = Option(Align.center(Text(tr("palette.no_matches"), style="not bold")), disabled=True, id=self._NO_MATCHES)
                self.query_one(CommandList).add_option(line)
            self._list_visible = bool(search_value)  # nothing to discover is no news

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
