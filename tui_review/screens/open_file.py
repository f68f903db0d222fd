"""The open-file dialog: a path field and a folder tree below it; returns the chosen file or None.

The tree lists folders and the documents the app reads (.pdf, .txt, .md), not the review files
beside them. A typed name is read relative to the folder on show, a folder re-roots the tree, and
a path that does not exist is reported in the dialog, which stays open.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.text import Text, TextType
from textual.app import ComposeResult
from textual.widgets import DirectoryTree, Input, Label

from tui_review.i18n import tr
from tui_review.screens.dialog import Dialog
from tui_review.terminal import printable

DOCUMENT_SUFFIXES = (".pdf", ".txt", ".md")


def existing_folder(path: Path | None) -> Path:
    """The folder to start in: ``path``'s own folder, or its nearest ancestor that exists, or the
    working directory (a document given on the command line need not exist)."""
    if path is not None:
        for folder in (path if path.is_dir() else path.parent, *path.parents):
            if folder.is_dir():
                return folder
    return Path.cwd()


class DocumentTree(DirectoryTree):
    """Folders and readable documents only; hidden entries are left out."""

    def process_label(self, label: TextType) -> Text:
        """A file name shown through `printable` (a name can hold any character but ``/``)."""
        if isinstance(label, str):
            return super().process_label(Text(printable(label, one_line=True)))
        return super().process_label(Text(printable(label.plain, one_line=True), style=label.style))

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [p for p in paths if not p.name.startswith(".") and (p.is_dir() or p.suffix.lower() in DOCUMENT_SUFFIXES)]


class OpenFileScreen(Dialog[Path | None]):
    SIZE = "-wide -tall"

    def __init__(self, folder: Path) -> None:
        super().__init__(tr("open.title"), tr("open.hint"))
        self.folder = folder

    def compose_body(self) -> ComposeResult:
        yield Input(printable(str(self.folder), one_line=True) + "/", id="open-path")
        yield Label("", id="open-warning", classes="dialog-warning", markup=False)
        yield DocumentTree(self.folder, id="open-tree")

    def on_mount(self) -> None:
        self.query_one("#open-path", Input).focus()

    @property
    def warning(self) -> Label:
        return self.query_one("#open-warning", Label)

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(event.path)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        if path.is_dir() and path.resolve() == self.folder.resolve():
            self.dismiss(path)  # Enter on the folder already shown: its document list
        elif path.is_dir():
            self.folder = path
            self.query_one(DocumentTree).path = path
            self.query_one("#open-path", Input).value = printable(str(path), one_line=True) + "/"
            self.warning.update("")
        elif path.exists():
            self.dismiss(path)
        else:
            self.warning.update(printable(tr("open.missing", path=str(path)), one_line=True))
