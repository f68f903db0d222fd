"""The export dialog: asks where to write the review sheet and, for a PDF, whether to write the
evidence pictures too (one PNG per finding, its page cut to the boxed figures, as
``tui-review export --evidence DIR``); returns the choice. When the document was opened from a
folder (its set's `SetCheck` names the folder), it offers one sheet for the whole folder instead,
as ``tui-review export DIR`` writes it (`tui_review.review.folder_sheet`), pictures of every PDF
included; `export_folder_in_background` writes it in a worker.

It never lets a file be overwritten silently: when the sheet exists, the first Enter only warns and
a second Enter on the same path confirms. The result is ``ExportChoice`` or None.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Label

from tui_review.config import Config
from tui_review.i18n import tr
from tui_review.review.export import default_export_path
from tui_review.screens.dialog import Dialog
from tui_review.screens.error_dialog import ErrorDialog
from tui_review.terminal import printable


@dataclass(frozen=True, slots=True)
class ExportChoice:
    path: Path
    overwrite: bool
    evidence: Path | None = None  # the folder for the pictures, None: no pictures
    folder: Path | None = None  # one sheet for this folder's documents, None: the document's own


def evidence_folder(sheet: Path) -> Path:
    """``report.review.csv`` → ``report.review-evidence`` beside it."""
    return sheet.with_name(sheet.stem + "-evidence")


class ExportDialog(Dialog[ExportChoice | None]):
    SIZE = "-wide"

    def __init__(self, default: Path, *, pictures: bool = False, folder: Path | None = None) -> None:
        super().__init__(tr("export.title"), tr("export.hint"))
        self.default = default
        self.folder = folder  # the folder the document was opened from (None: opened alone)
        self.pictures = pictures or folder is not None  # a PDF, or a folder that may hold some
        self._confirmed_path: Path | None = None

    def compose_body(self) -> ComposeResult:
        if self.folder is not None:
            yield Checkbox(printable(tr("export.folder", folder=self.folder), one_line=True), False, id="export-folder")
        yield Label(tr("export.path"), markup=False)
        yield Input(printable(str(self.default), one_line=True), id="export-path")
        if self.pictures:
            yield Checkbox(tr("export.evidence"), False, id="export-evidence")
            yield Input(printable(str(evidence_folder(self.default)), one_line=True), id="evidence-dir", disabled=True)
        yield Label("", id="export-warning", classes="dialog-warning", markup=False)

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "export-folder":  # the sheet (and pictures) of the chosen scope
            sheet = default_export_path(self.folder) if event.value and self.folder is not None else self.default
            self.query_one("#export-path", Input).value = printable(str(sheet), one_line=True)
            self.query_one("#evidence-dir", Input).value = printable(str(evidence_folder(sheet)), one_line=True)
            return
        self.query_one("#evidence-dir", Input).disabled = not event.value

    def on_input_changed(self, event: Input.Changed) -> None:
        self._confirmed_path = None
        self.query_one("#export-warning", Label).update("")

    def _evidence(self) -> Path | None:
        if not self.pictures or not self.query_one("#export-evidence", Checkbox).value:
            return None
        text = self.query_one("#evidence-dir", Input).value.strip()
        return Path(text).expanduser() if text else None

    def _whole_folder(self) -> Path | None:
        if self.folder is None or not self.query_one("#export-folder", Checkbox).value:
            return None
        return self.folder

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
        self.dismiss(ExportChoice(path, overwrite=path.exists(), evidence=self._evidence(), folder=self._whole_folder()))


def export_folder_in_background(screen: Screen, choice: ExportChoice, config: Config | None, password: str | None,
                                lang: str) -> None:
    """Write the folder's sheet (and pictures) in a worker: it reads every document of the folder.
    The outcome goes to the status line; a failure to an error dialog."""
    from tui_review.review.folder_sheet import export_folder_sheet

    assert choice.folder is not None
    folder = choice.folder

    def write() -> None:
        try:
            done = export_folder_sheet(folder, choice.path, config=config or Config.default(), password=password,
                                       lang=lang, force=choice.overwrite, evidence=choice.evidence)
        except (OSError, ValueError) as exc:
            screen.app.call_from_thread(screen.app.push_screen, ErrorDialog(f"{choice.path}: {exc}", tr("export.failed")))
            return
        message = tr("export.folder.done", path=done.written, rows=done.rows, count=done.pictures,
                     unreadable=len(done.unreadable))
        screen.app.call_from_thread(screen.notify, message, timeout=10)

    screen.notify(tr("export.folder.started", folder=folder))
    screen.run_worker(write, thread=True, exit_on_error=False, group="export")
