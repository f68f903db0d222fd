"""The note editor: a multi-line TextArea in a modal that returns the note (or None when cancelled).

Its keys are ordered (see `Dialog`): Ctrl+S right after a burst of typing saves all of it. Esc on
a changed note asks whether to save it, throw it away or go on editing.

What is typed is kept as a *draft* (`Drafts`: the review store's draft table) a moment after the
typing stops and when the editor closes any other way (the app quits, the terminal is closed); the
next time the same note is opened the draft is put back. Saving or discarding the note drops it.
"""

from __future__ import annotations

from typing import Protocol

from textual.app import ComposeResult
from textual.timer import Timer
from textual.widgets import Label, TextArea

from tui_review.i18n import tr
from tui_review.keymap import bindings
from tui_review.screens.confirm import ConfirmDialog
from tui_review.screens.dialog import Dialog

DRAFT_SETTLE = 0.4  # seconds after the last key before the draft is written


class Drafts(Protocol):
    def save_draft(self, key: str, text: str) -> None: ...

    def load_draft(self, key: str) -> str | None: ...

    def clear_draft(self, key: str) -> None: ...


class AnnotateScreen(Dialog[str | None]):
    SIZE = "-wide"
    BINDINGS = bindings("annotate", "dialog", ordered=True)

    def __init__(self, title: str, note: str = "", *, drafts: Drafts | None = None, draft_key: str = "") -> None:
        super().__init__(title, tr("annotate.hint"))
        self.note = note
        self.drafts = drafts if draft_key else None
        self.draft_key = draft_key
        self._draft_timer: Timer | None = None
        self._draft_written = True  # nothing typed yet
        draft = self.drafts.load_draft(draft_key) if self.drafts is not None else None
        self.restored = draft is not None and draft != note
        self.initial = draft if draft is not None and self.restored else note
        self._typed = self.initial

    def compose_body(self) -> ComposeResult:
        if self.restored:
            yield Label(tr("annotate.restored"), id="note-restored", classes="dialog-warning", markup=False)
        yield TextArea(self.initial, id="note", soft_wrap=True, show_line_numbers=False)

    @property
    def editor(self) -> TextArea:
        return self.query_one("#note", TextArea)

    def on_mount(self) -> None:
        self.editor.focus()
        self.editor.move_cursor(self.editor.document.end)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.drafts is None:
            return
        self._draft_written = False
        self._typed = event.text_area.text  # the editor is gone by the time the screen unmounts
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_SETTLE, self.write_draft)

    def write_draft(self) -> None:
        """Keep what is typed (a draft the same as the saved note is no draft)."""
        self._draft_timer = None
        if self.drafts is None or self._draft_written:
            return
        self._draft_written = True
        text = self._typed
        if text == self.note:
            self.drafts.clear_draft(self.draft_key)
        else:
            self.drafts.save_draft(self.draft_key, text)

    def on_unmount(self) -> None:
        if self._draft_timer is not None:  # closed while the draft was waiting: write it now
            self._draft_timer.stop()
            self.write_draft()

    def _finish(self, note: str | None) -> None:
        """Close the editor: the note is saved (``note``) or dropped (None); its draft goes."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if self.drafts is not None:
            self.drafts.clear_draft(self.draft_key)
        self._draft_written = True
        self.dismiss(note)

    def action_save(self) -> None:
        self._finish(self.editor.text)

    def action_close(self) -> None:
        if self.editor.text == self.note:
            self._finish(None)
            return

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.action_save()
            elif answer == "discard":
                self._finish(None)

        answers = [("save", tr("annotate.ask.save")), ("discard", tr("annotate.ask.discard")), ("edit", tr("annotate.ask.edit"))]
        self.app.push_screen(ConfirmDialog(tr("annotate.ask.title"), tr("annotate.ask.question"), answers), answered)
