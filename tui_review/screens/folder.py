"""The folder dialog: every disclosure under a folder with its counts and review progress; Enter opens one.

Opened by ``tui-review DIR`` or by ``o`` on a folder. The list shows each document's file name
at once; a worker thread then reads the folder in two passes, filling the rows as it goes:
first what each document is (department, year, kind: `tui_review.docsets.describe`), so the
set is known; then each document's check together with its set (`tui_review.setcheck.SetCheck`:
its own findings plus the cross findings it is home to), its errors and warnings, and its review
progress — reviewed X / Y as the review screen counts it, from the document's saved review, read
only. A model lives only while its row is filled. Enter opens the chosen document with the set,
so its cross findings are there and ``c`` opens the partner beside it. Esc closes the list; the
worker stops between documents when the dialog goes away.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.widgets import DataTable
from textual.worker import get_current_worker

from tui_review.config import Config
from tui_review.docsets import discover
from tui_review.docsets.grouping import KIND_ZH
from tui_review.i18n import get_lang, tr
from tui_review.review.session import ReviewSession
from tui_review.review.store import ReviewStore
from tui_review.screens.dialog import Dialog
from tui_review.setcheck import Described, SetCheck, describe_file
from tui_review.terminal import printable

# the counts first: with long file names the later columns scroll out of a narrow dialog
COLUMNS = ("folder.col.document", "folder.col.errors", "folder.col.warnings", "folder.col.progress",
           "folder.col.department", "folder.col.year", "folder.col.kind")


@dataclass(frozen=True, slots=True)
class Reviewed:
    """One document's check with its set and its review progress."""

    path: Path
    errors: int
    warnings: int
    reviewed: int
    total: int


def review_file(path: Path, check: SetCheck, config: Config) -> Reviewed:
    """The document checked with its set; progress from its saved review, read only (no lock)."""
    from parsers import load_document

    doc = load_document(path, password=check.password, limits=config.pdf)
    report = check(doc, config)
    store = ReviewStore.open(path, read_only=True)
    try:
        store.sync(doc, report.findings)
        reviewed, total = ReviewSession(doc, report.findings, store).progress()
    finally:
        store.close()
    failing = [f for f in report.findings if f.failed]
    return Reviewed(path, sum(f.severity == "error" for f in failing), sum(f.severity == "warning" for f in failing),
                    reviewed, total)


class FolderScreen(Dialog[Path | None]):
    SIZE = "-wide -tall"

    def __init__(self, folder: Path, config: object | None = None, password: str | None = None) -> None:
        super().__init__(tr("folder.title", folder=printable(str(folder), one_line=True)), tr("folder.hint"))
        self.folder = folder
        self.config = config if isinstance(config, Config) else Config.default()
        self.password = password
        self.paths = discover(folder)
        self.described: dict[str, Described] = {}
        self.reviewed: dict[str, Reviewed] = {}

    def set_check(self) -> SetCheck:
        """The check a document chosen here is opened with: its own, and across the set found so far."""
        infos = [d.info for d in self.described.values() if d.info is not None]
        return SetCheck(infos, password=self.password, beside=True, folder=self.folder)

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="folder-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in COLUMNS:
            table.add_column(tr(key), key=key)
        for path in self.paths:
            name = printable(str(path.relative_to(self.folder)), one_line=True)
            table.add_row(name, "…", "…", "…", "", "", "", key=str(path))
        table.focus()
        if self.paths:
            self.check_all()

    @work(thread=True, exclusive=True, exit_on_error=False, group="folder")
    def check_all(self) -> None:
        worker = get_current_worker()
        for path in self.paths:
            if worker.is_cancelled:
                return
            self.app.call_from_thread(self.show_described, describe_file(path, self.config, self.password))
        check = self.set_check()
        for path in self.paths:
            if worker.is_cancelled:
                return
            if self.described[str(path)].info is None:
                continue
            try:
                reviewed = review_file(path, check, self.config)
            except Exception as exc:  # noqa: BLE001 — one document's failure must not end the list
                self.app.call_from_thread(self.show_failed, path, type(exc).__name__)
                continue
            self.app.call_from_thread(self.show_reviewed, reviewed)

    def show_described(self, described: Described) -> None:
        """Fill what a document is (called on the UI thread as each is read)."""
        key = str(described.path)
        self.described[key] = described
        table = self.query_one(DataTable)
        info = described.info
        if info is None:
            table.update_cell(key, "folder.col.errors", tr("folder.unreadable"), update_width=True)
            table.update_cell(key, "folder.col.warnings", "", update_width=True)
            table.update_cell(key, "folder.col.progress", "", update_width=True)
            return
        kind = info.kind if get_lang() == "en" else KIND_ZH.get(info.kind, info.kind)
        table.update_cell(key, "folder.col.department", printable(info.department, one_line=True) or "—", update_width=True)
        table.update_cell(key, "folder.col.year", str(info.year or "—"), update_width=True)
        table.update_cell(key, "folder.col.kind", kind, update_width=True)

    def show_reviewed(self, reviewed: Reviewed) -> None:
        """Fill a document's counts and review progress."""
        key = str(reviewed.path)
        self.reviewed[key] = reviewed
        table = self.query_one(DataTable)
        table.update_cell(key, "folder.col.errors", str(reviewed.errors), update_width=True)
        table.update_cell(key, "folder.col.warnings", str(reviewed.warnings), update_width=True)
        table.update_cell(key, "folder.col.progress", f"{reviewed.reviewed}/{reviewed.total}", update_width=True)

    def show_failed(self, path: Path, error: str) -> None:
        table = self.query_one(DataTable)
        table.update_cell(str(path), "folder.col.errors", tr("folder.failed", error=error), update_width=True)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.dismiss(Path(str(event.row_key.value)))

    def on_unmount(self) -> None:
        self.workers.cancel_group(self, "folder")
