"""The export dialog: asks where to write the review sheet and returns the chosen path.

It never lets a file be overwritten silently: when the path exists, the first Enter only warns and a
second Enter on the same path confirms. The result is ``ExportChoice`` (path, overwrite) or None.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui_review.i18n import tr
from tui_review.keymap import bindings
from tui_review.terminal import printable


@dataclass(frozen=True, slots=True)
class ExportChoice:
    path: Path
    overwrite: bool


class ExportDialog(ModalScreen[ExportChoice | None]):
    BINDINGS = bindings("dialog")

    def __init__(self, default: Path) -> None:
        super().__init__()
        self.default = default
        self._confirmed_path: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            yield Label(tr("export.title"), classes="dialog-title", markup=False)
            yield Label(tr("export.path"), markup=False)
            yield Input(printable(str(self.default), one_line=True), id="export-path")
            yield Label("", id="export-warning", classes="dialog-warning", markup=False)
            yield Label(tr("export.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._confirmed_path = None
        self.query_one("#export-warning", Label).update("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        path = Path(text).expanduser()
        if path.exists() and self._confirmed_path != path:
            self._confirmed_path = path
            self.query_one("#export-warning", Label).update(printable(tr("export.exists", path=path), one_line=True))
            return
        self.dismiss(ExportChoice(path, overwrite=path.exists()))

    def action_close(self) -> None:
        self.dismiss(None)
