"""A question with two or three answers (save / discard / go back), by button or first letter."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Static

from tui_review.screens.dialog import Dialog
from tui_review.terminal import printable


class ConfirmDialog(Dialog[str | None]):
    """Dismisses with the chosen answer's id, or None (Esc: the question is left unanswered)."""

    def __init__(self, title: str, question: str, answers: list[tuple[str, str]], hint: str = "") -> None:
        super().__init__(title, hint)
        self.question = question
        self.answers = answers  # (id, label), the first is the default

    def compose_body(self) -> ComposeResult:
        yield Static(printable(self.question), id="confirm-question", markup=False)
        with Horizontal(id="confirm-answers"):
            for i, (answer, label) in enumerate(self.answers):
                yield Button(label, id=f"answer-{answer}", variant="primary" if i == 0 else "default")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("answer-"))
