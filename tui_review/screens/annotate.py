"""The note editor: a multi-line TextArea in a modal that returns the note (or None when cancelled).

Its keys are ordered (see `Dialog`): Ctrl+S right after a burst of typing saves all of it. Esc on
a changed note asks whether to save it, throw it away or go on editing.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import TextArea

from tui_review.i18n import tr
from tui_review.keymap import bindings
from tui_review.screens.confirm import ConfirmDialog
from tui_review.screens.dialog import Dialog


class AnnotateScreen(Dialog[str | None]):
    SIZE = "-wide"
    BINDINGS = bindings("annotate", "dialog", ordered=True)

    def __init__(self, title: str, note: str = "") -> None:
        super().__init__(title, tr("annotate.hint"))
        self.note = note

    def compose_body(self) -> ComposeResult:
        yield TextArea(self.note, id="note", soft_wrap=True, show_line_numbers=False)

    @property
    def editor(self) -> TextArea:
        return self.query_one("#note", TextArea)

    def on_mount(self) -> None:
        self.editor.focus()
        self.editor.move_cursor(self.editor.document.end)

    def action_save(self) -> None:
        self.dismiss(self.editor.text)

    def action_close(self) -> None:
        if self.editor.text == self.note:
            self.dismiss(None)
            return

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.action_save()
            elif answer == "discard":
                self.dismiss(None)

        answers = [("save", tr("annotate.ask.save")), ("discard", tr("annotate.ask.discard")), ("edit", tr("annotate.ask.edit"))]
        self.app.push_screen(ConfirmDialog(tr("annotate.ask.title"), tr("annotate.ask.question"), answers), answered)
