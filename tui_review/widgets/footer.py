"""The review screen's footer: Textual's, each key described in the language of the moment (the
language can be switched while the app runs), with the help key first, so a narrow terminal (80
columns), which cuts the row at its right end, always keeps ``?``.

Textual's own footer also docks the palette key over the row's right end; where a key of the row
runs under it, the compositor cuts the docked key's line at that edge and drops the Chinese
character standing across it ("命令  板"). The palette key is left out here (Ctrl+P still opens
the palette, and the help screen and the palette list it).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tui_review.keymap import describe

FIRST = ("help",)  # actions shown before the others


class ReviewFooter(Footer):
    def __init__(self) -> None:
        super().__init__(show_command_palette=False)

    def compose(self) -> ComposeResult:
        live = {key: describe(active.binding) for key, active in self.screen.active_bindings.items()}
        widgets = list(super().compose())
        for widget in widgets:  # described in the language of the moment (it can change at run time)
            if isinstance(widget, FooterKey) and widget.description and widget.key in live:
                widget.description = live[widget.key]
        widgets.sort(key=lambda w: not (isinstance(w, FooterKey) and w.action in FIRST))  # stable
        yield from widgets
