"""Loading a document for the review screen: parse, check and open its review in a worker, with a
progress bar, a partial tree, Esc to cancel and failures in a dialog; the review on show stays
usable meanwhile. Mixed into `MainScreen`, which draws the review once it is ready
(``begin_review``)."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.screen import Screen
from textual.widgets import Label, ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker

from parsers.errors import Cancelled, InputError
from tui_review import heap
from tui_review.i18n import get_lang, tr
from tui_review.messages import DocumentPartial, LoadProgress, ReviewReady
from tui_review.review.pipeline import LoadOptions, open_review
from tui_review.review.session import ReviewSession
from tui_review.review.store import StoreError
from tui_review.screens.error_dialog import ErrorDialog
from tui_review.widgets.document_tree import DocumentTree
from tui_review.terminal import printable


class LoadingMixin(Screen):
    def __init__(self, path: Path | None = None, options: LoadOptions | None = None) -> None:
        super().__init__()
        self.initial_path = path
        self.options = options or LoadOptions()
        self.session: ReviewSession | None = None
        self.loading_path: Path | None = None

    def start_loading(self) -> None:
        if self.initial_path is not None:  # after the first paint: the worker competes for the GIL
            self.call_after_refresh(self.load, self.initial_path)
        else:  # nothing to read yet (``tui-review DIR``: a document is chosen from the folder list)
            self._show_loading(False)

    def on_unmount(self) -> None:
        """Release the review file (and its lock) when the app closes; every change is already saved."""
        if self.session is not None:
            self.session.store.close()

    @property
    def review(self) -> ReviewSession:
        """The open review (only asked for once one is open)."""
        if self.session is None:
            raise LookupError("no review is open")
        return self.session

    def begin_review(self) -> None:
        """Draw the review just opened (the screen's own)."""
        raise NotImplementedError

    @property
    def is_loading(self) -> bool:
        return bool(self.query_one("#loading").display)

    def _show_loading(self, shown: bool) -> None:
        self.query_one("#loading").display = shown

    def load(self, path: Path) -> None:
        """Parse, check and open the review of ``path`` in a worker; the current review stays usable."""
        self.loading_path = path
        self.query_one("#loading-label", Label).update(printable(tr("loading", name=path.name), one_line=True))
        self.query_one("#progress", ProgressBar).update(total=None, progress=0)
        self._show_loading(True)
        self._load(path)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def _load(self, path: Path) -> None:
        worker = get_current_worker()

        def progress(done: int, total: int, stage: str) -> None:
            if not worker.is_cancelled:
                self.post_message(LoadProgress(done, total, stage))

        def partial(doc) -> None:
            if not worker.is_cancelled:
                self.post_message(DocumentPartial(doc))

        try:
            session = open_review(path, self.options, progress=progress, on_partial=partial, cancelled=lambda: worker.is_cancelled)
        except Cancelled:  # Esc: the page-reading processes are gone
            return
        if worker.is_cancelled:
            session.store.close()
            return
        self.post_message(ReviewReady(session, path))

    def on_load_progress(self, message: LoadProgress) -> None:
        self.query_one("#progress", ProgressBar).update(total=message.total or None, progress=message.done)
        name = self.loading_path.name if self.loading_path else ""
        self.query_one("#loading-label", Label).update(printable(f"{tr('loading', name=name)} {tr('loading.stage.' + message.stage)}", one_line=True))

    def on_document_partial(self, message: DocumentPartial) -> None:
        if self.session is None:
            self.query_one(DocumentTree).load(message.document)

    def on_review_ready(self, message: ReviewReady) -> None:
        self._show_loading(False)
        if self.session is not None:
            self.session.store.close()
        session = self.session = message.session
        self.begin_review()
        self.refresh_bindings()
        counts = session.counts()
        self.notify(tr("loaded", name=message.path.name, **counts))
        for notice in session.store.notices:
            self.notify(notice.message(get_lang()), severity="warning", timeout=12)
        self.call_after_refresh(heap.settle)  # after the loaded review is on screen

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one error sink: a failed load shows a dialog, the app stays as it was."""
        if event.worker.group != "load":
            return
        if event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self._show_loading(False)
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, (InputError, StoreError)):
                text = error.message(get_lang())
            else:
                text = f"{self.loading_path}: {type(error).__name__}: {error}"
            self.app.push_screen(ErrorDialog(text))

    def action_cancel_load(self) -> None:
        self.workers.cancel_group(self, "load")
        self._show_loading(False)
        self.notify(tr("loading.cancelled"))
