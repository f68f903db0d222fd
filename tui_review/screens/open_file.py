"""The open-file dialog: a path field and a folder tree below it; returns the chosen file or None."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Label

from tui_review.i18n import tr
from tui_review.keymap import bindings


class OpenFileScreen(ModalScreen[Path | None]):
    BINDINGS = bindings("dialog")

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide -tall"):
            yield Label(tr("open.title"), classes="dialog-title", markup=False)
            yield Input(str(self.folder) + "/", id="open-path")
            yield DirectoryTree(self.folder, id="open-tree")
            yield Label(tr("open.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#open-path", Input).focus()

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(event.path)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            self.dismiss(Path(text).expanduser())

    def action_close(self) -> None:
        self.dismiss(None)
