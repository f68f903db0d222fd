"""The folder dialog: every disclosure under a folder with its counts; Enter opens one.

Opened by ``tui-review DIR``. The list shows each document's file name at once; a worker thread
then checks the documents one after another (`tui_review.batch.check_one`: the model is
released after each) and fills in department, year, kind, errors and warnings as they arrive.
Esc closes the list; the worker stops between documents when the dialog goes away.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.widgets import DataTable
from textual.worker import get_current_worker

from tui_review.batch import DocResult, Job, check_one
from tui_review.config import Config
from tui_review.docsets import discover
from tui_review.docsets.grouping import KIND_ZH
from tui_review.i18n import get_lang, tr
from tui_review.screens.dialog import Dialog
from tui_review.terminal import printable

COLUMNS = ("folder.col.document", "folder.col.department", "folder.col.year", "folder.col.kind",
           "folder.col.errors", "folder.col.warnings")


class FolderScreen(Dialog[Path | None]):
    SIZE = "-wide -tall"

    def __init__(self, folder: Path, config: object | None = None) -> None:
        super().__init__(tr("folder.title", folder=printable(str(folder), one_line=True)), tr("folder.hint"))
        self.folder = folder
        self.config = config if isinstance(config, Config) else Config.default()
        self.paths = discover(folder)
        self.results: dict[str, DocResult] = {}

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="folder-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in COLUMNS:
            table.add_column(tr(key), key=key)
        for path in self.paths:
            name = printable(str(path.relative_to(self.folder)), one_line=True)
            table.add_row(name, "", "", "", "…", "…", key=str(path))
        table.focus()
        if self.paths:
            self.check_all()

    @work(thread=True, exclusive=True, exit_on_error=False, group="folder")
    def check_all(self) -> None:
        worker = get_current_worker()
        for path in self.paths:
            if worker.is_cancelled:
                return
            result = check_one(Job(path, self.config))
            self.app.call_from_thread(self.show, result)

    def show(self, result: DocResult) -> None:
        """Fill one document's row (called on the UI thread as each check arrives)."""
        self.results[str(result.path)] = result
        table = self.query_one(DataTable)
        key = str(result.path)
        info = result.info
        if info is not None:
            kind = info.kind if get_lang() == "en" else KIND_ZH.get(info.kind, info.kind)
            table.update_cell(key, "folder.col.department", printable(info.department, one_line=True) or "—", update_width=True)
            table.update_cell(key, "folder.col.year", str(info.year or "—"), update_width=True)
            table.update_cell(key, "folder.col.kind", kind, update_width=True)
        if result.report is not None:
            counts = result.report.severity_counts()
            table.update_cell(key, "folder.col.errors", str(counts["error"]), update_width=True)
            table.update_cell(key, "folder.col.warnings", str(counts["warning"]), update_width=True)
        else:
            table.update_cell(key, "folder.col.errors", tr("folder.unreadable"), update_width=True)
            table.update_cell(key, "folder.col.warnings", "", update_width=True)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.dismiss(Path(str(event.row_key.value)))

    def on_unmount(self) -> None:
        self.workers.cancel_group(self, "folder")
