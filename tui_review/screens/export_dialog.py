"""The export dialog: asks where to write the review sheet and, for a PDF, whether to write the
evidence pictures too (one PNG per finding, its page cut to the boxed figures, as
``tui-review export --evidence DIR``); returns the choice.

It never lets a file be overwritten silently: when the sheet exists, the first Enter only warns and
a second Enter on the same path confirms. The result is ``ExportChoice`` or None.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Label

from tui_review.i18n import tr
from tui_review.screens.dialog import Dialog
from tui_review.terminal import printable


@dataclass(frozen=True, slots=True)
class ExportChoice:
    path: Path
    overwrite: bool
    evidence: Path | None = None  # the folder for the pictures, None: no pictures


def evidence_folder(sheet: Path) -> Path:
    """``report.review.csv`` → ``report.review-evidence`` beside it."""
    return sheet.with_name(sheet.stem + "-evidence")


class ExportDialog(Dialog[ExportChoice | None]):
    SIZE = "-wide"

    def __init__(self, default: Path, *, pictures: bool = False) -> None:
        super().__init__(tr("export.title"), tr("export.hint"))
        self.default = default
        self.pictures = pictures  # the document has pages to picture (a PDF)
        self._confirmed_path: Path | None = None

    def compose_body(self) -> ComposeResult:
        yield Label(tr("export.path"), markup=False)
        yield Input(printable(str(self.default), one_line=True), id="export-path")
        if self.pictures:
            yield Checkbox(tr("export.evidence"), False, id="export-evidence")
            yield Input(printable(str(evidence_folder(self.default)), one_line=True), id="evidence-dir", disabled=True)
        yield Label("", id="export-warning", classes="dialog-warning", markup=False)

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.query_one("#evidence-dir", Input).disabled = not event.value

    def on_input_changed(self, event: Input.Changed) -> None:
        self._confirmed_path = None
        self.query_one("#export-warning", Label).update("")

    def _evidence(self) -> Path | None:
        if not self.pictures or not self.query_one("#export-evidence", Checkbox).value:
            return None
        text = self.query_one("#evidence-dir", Input).value.strip()
        return Path(text).expanduser() if text else None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            return
        path = Path(text).expanduser()
        if path.exists() and self._confirmed_path != path:
            self._confirmed_path = path
            self.query_one("#export-warning", Label).update(printable(tr("export.exists", path=path), one_line=True))
            return
        self.dismiss(ExportChoice(path, overwrite=path.exists(), evidence=self._evidence()))
