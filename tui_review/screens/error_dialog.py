"""A modal that shows one failure (unreadable file, store problem, export problem) in plain words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Button, Static

from tui_review.i18n import tr
from tui_review.screens.dialog import Dialog
from tui_review.terminal import printable


class ErrorDialog(Dialog[None]):
    SIZE = "-error"

    def __init__(self, message: str, title: str | None = None) -> None:
        super().__init__(title or tr("error.title"))
        self.message = message

    def compose_body(self) -> ComposeResult:
        yield Static(printable(self.message), id="error-message", markup=False)
        yield Button(tr("error.ok"), id="ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)
