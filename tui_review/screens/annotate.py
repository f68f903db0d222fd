"""The note editor: a multi-line TextArea in a modal that returns the note (or None when cancelled)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from tui_review.i18n import tr
from tui_review.keymap import bindings


class AnnotateScreen(ModalScreen[str | None]):
    BINDINGS = bindings("annotate", "dialog")

    def __init__(self, title: str, note: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield TextArea(self.note, id="note", soft_wrap=True, show_line_numbers=False)
            yield Label(tr("annotate.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        area = self.query_one("#note", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one("#note", TextArea).text)

    def action_close(self) -> None:
        self.dismiss(None)
