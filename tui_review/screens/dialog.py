"""The frame every dialog shares (after Frogmouth's ``TextDialog``): a title, the dialog's own body,
a hint line, Esc to cancel. A subclass gives ``compose_body`` and, when it needs them, its own
bindings scopes (``SCOPES``) and size classes (``SIZE``: ``-wide``, ``-tall``, ``-error``).

``ORDERED`` dialogs take their keys in the order they were typed: their keys are not priority
bindings, so a save pressed right after a burst of typing (an IME committing a phrase, a paste
over SSH) runs after the text has reached the editor, not before it.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from tui_review.keymap import bindings
from tui_review.terminal import printable

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    SIZE: ClassVar[str] = ""
    BINDINGS = bindings("dialog")

    def __init__(self, title: str, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.hint_text = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes=f"dialog {self.SIZE}".strip()):
            yield Label(printable(self.title_text, one_line=True), classes="dialog-title", markup=False)
            yield from self.compose_body()
            if self.hint_text:
                yield Label(self.hint_text, classes="dialog-hint", markup=False)

    def compose_body(self) -> ComposeResult:
        yield from ()

    def action_close(self) -> None:
        self.dismiss(None)
