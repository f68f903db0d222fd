"""A modal that shows one failure (unreadable file, store problem, export problem) in plain words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from tui_review.i18n import tr
from tui_review.keymap import bindings


class ErrorDialog(ModalScreen[None]):
    BINDINGS = bindings("dialog")

    def __init__(self, message: str, title: str | None = None) -> None:
        super().__init__()
        self.message = message
        self.title_text = title or tr("error.title")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -error"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.message, id="error-message", markup=False)
            yield Button(tr("error.ok"), id="ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
