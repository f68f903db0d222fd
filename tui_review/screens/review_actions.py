"""The review actions of the review screen: status, note, the reviewer's own finding (add and
delete) and export. Each acts on what the navigator says the detail pane shows, names it in its
dialog, and saves through the store at once. Mixed into `MainScreen`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_review.i18n import get_lang, rule_title, status_label, tr
from textual import work

from tui_review.review.export import default_export_path, export_review, export_review_with_evidence, write_evidence
from tui_review.review.session import Entry, ReviewSession
from tui_review.review.store import StoreError
from tui_review.screens.annotate import AnnotateScreen
from tui_review.screens.confirm import ConfirmDialog
from tui_review.screens.error_dialog import ErrorDialog
from tui_review.screens.export_dialog import ExportChoice, ExportDialog, export_folder_in_background
from tui_review.screens.loading import LoadingMixin
from tui_review.screens.status_picker import StatusPicker

RETRY_SECONDS = 5.0  # a pending change is written again this often while the review file is busy

if TYPE_CHECKING:
    from textual.timer import Timer

    from tui_review.screens.navigation import Navigator, Step
    from tui_review.widgets.status_line import StatusLine
    from tui_review.widgets.finding_detail import FindingDetail


class ReviewActionsMixin(LoadingMixin):
    _retry_timer: Timer | None = None
    # after s, stay on the finding: a note typed next (a) must land on the finding whose status was
    # just set (n → s → a); `u` goes on to the next finding still 待核
    auto_advance = False

    if TYPE_CHECKING:  # given by the review screen

        @property
        def nav(self) -> Navigator: ...

        @property
        def detail(self) -> FindingDetail: ...

        @property
        def status_line(self) -> StatusLine: ...

        def _refresh_list(self) -> None: ...

        def _step(self, step: Step) -> None: ...

        def after_review_change(self) -> None: ...

    def _store_call(self, call, *args, **kwargs):
        """Run one store change. A write that fails (the file locked by another process, a full
        disc) leaves the change pending in memory: the banner counts it and it is retried; a
        change refused outright (a read-only review) is shown in a dialog."""
        try:
            return call(*args, **kwargs)
        except StoreError as exc:
            if self.review.store.has_pending:
                self.notify(exc.message(get_lang()), severity="error", timeout=10)
            else:
                self.app.push_screen(ErrorDialog(exc.message(get_lang())))
            return None
        finally:
            self.show_unsaved()
            self.after_review_change()

    def show_unsaved(self) -> None:
        """The persistent banner "N 条修改尚未保存" while changes are pending, retried every
        `RETRY_SECONDS` until they are written (then the banner goes)."""
        store = self.session.store if self.session is not None else None
        pending = store.pending_count if store is not None else 0
        self.status_line.set_banner(tr("unsaved.banner", count=pending) if pending else "")
        if pending and self._retry_timer is None:
            self._retry_timer = self.set_interval(RETRY_SECONDS, self.retry_unsaved)
        elif not pending and self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None

    def retry_unsaved(self) -> None:
        store = self.session.store if self.session is not None else None
        if store is not None and store.has_pending and store.retry():
            self.notify(tr("unsaved.written"))
        self.show_unsaved()

    def _target(self) -> Entry | None:
        entry = self.nav.target_entry()
        if entry is None:
            self.notify(tr("no.finding.here") if self.nav.detail_figure is not None else tr("nothing.selected"))
        return entry

    def action_annotate(self) -> None:
        entry = self._target()
        if entry is None:
            return

        def save(note: str | None) -> None:
            if note is None or note == entry.note:
                return
            if self._apply(entry, note=note) is not None:
                self.notify(tr("saved.note"))

        editor = AnnotateScreen(
            tr("annotate.title", target=target_label(entry)), entry.note, drafts=self.review.store, draft_key=f"note:{entry.key}"
        )
        self.app.push_screen(editor, save)

    def action_set_status(self) -> None:
        entry = self._target()
        if entry is None:
            return

        def save(status: str | None) -> None:
            if status is None:
                return
            if status != entry.status and self._apply(entry, status=status) is None:
                return
            self.notify(tr("saved.status", status=status_label(status)))
            if self.auto_advance and status != "open":
                step = self.nav.next_unreviewed()
                if step.selection is not None:
                    self._step(step)

        self.app.push_screen(StatusPicker(target_label(entry), entry.status), save)

    def _apply(self, entry: Entry, *, note: str | None = None, status: str | None = None):
        store = self.review.store
        if entry.members:  # a suspect group: its member findings
            results = [self._apply(member, note=note, status=status) for member in self.review.members(entry.key)]
            return results[-1] if results else None
        if entry.own is not None:
            return self._store_call(store.update_own, entry.own.own_id, note=note, status=status)
        if entry.finding is not None:
            if note is not None:
                return self._store_call(store.set_note, entry.finding, note)
            return self._store_call(store.set_status, entry.finding, status)
        return self._store_call(store.edit_review, entry.key, note=note, status=status)

    def action_mark(self) -> None:
        target = self.nav.mark_target()
        if target is None:
            self.notify(tr("nothing.selected"))
            return
        text = target.text or tr("tree.cover")

        def save(note: str | None) -> None:
            if note is None:
                return
            own = self._store_call(
                self.review.store.add_own,
                target.kind,
                target.target_id,
                text=text,
                section=self.review.label(target.section_id),
                section_id=target.section_id,
                page=target.page,
                location=target.location or text,
                note=note,
            )
            if own is not None:
                self.nav.entry_key = own.finding_id
                self._refresh_list()
                self.notify(tr("saved.own"))

        editor = AnnotateScreen(
            tr("annotate.mark_title", target=text), drafts=self.review.store, draft_key=f"mark:{target.kind}:{target.target_id}"
        )
        self.app.push_screen(editor, save)

    def action_delete_own(self) -> None:
        """Delete the reviewer's own finding the detail pane shows (after asking)."""
        entry = self.nav.target_entry()
        own = entry.own if entry is not None else None
        if entry is None or own is None:
            self.notify(tr("delete.not_own"))
            return

        def answered(answer: str | None) -> None:
            if answer == "delete" and self._store_call(self.review.store.delete_own, own.own_id) is not False:
                self.nav.show_detail(None, None)
                self.detail.clear()
                self.notify(tr("deleted.own"))

        answers = [("delete", tr("delete.yes")), ("keep", tr("delete.no"))]
        self.app.push_screen(ConfirmDialog(tr("delete.title"), target_label(entry), answers), answered)

    def action_export(self) -> None:
        session = self.review

        def write(choice: ExportChoice | None) -> None:
            if choice is None:
                return
            if choice.folder is not None:  # every document of the folder: in a worker
                export_folder_in_background(self, choice, self.options.config, self.options.password, get_lang())
                return
            if choice.evidence is not None:  # pictures take a while: in a worker
                self.notify(tr("export.pictures.started", folder=choice.evidence))
                self._export_with_pictures(session, choice, get_lang())
                return
            try:
                written = export_review(session, choice.path, force=choice.overwrite, lang=get_lang())
            except (OSError, ValueError) as exc:
                self.app.push_screen(ErrorDialog(f"{choice.path}: {exc}", tr("export.failed")))
                return
            self.notify(tr("export.done", path=written, rows=len(session.entries)), timeout=8)

        dialog = ExportDialog(default_export_path(session.doc.path), pictures=bool(session.doc.page_count),
                              folder=getattr(self.options.check, "folder", None))  # opened from a folder: offer its sheet
        self.app.push_screen(dialog, write)

    @work(thread=True, exit_on_error=False, group="export")
    def _export_with_pictures(self, session: ReviewSession, choice: ExportChoice, lang: str) -> None:
        """The sheet with a picture column and one PNG per finding (``export --evidence``)."""
        assert choice.evidence is not None
        try:
            pictures = write_evidence(session, choice.evidence, password=self.options.password, force=choice.overwrite)
            written = export_review_with_evidence(session, choice.path, pictures, force=choice.overwrite, lang=lang)
        except (OSError, ValueError) as exc:
            self.app.call_from_thread(self.app.push_screen, ErrorDialog(f"{choice.path}: {exc}", tr("export.failed")))
            return
        done = tr("export.pictures.done", path=written, rows=len(session.entries), count=len(pictures), folder=choice.evidence)
        self.app.call_from_thread(self.notify, done, timeout=10)


def target_label(entry: Entry) -> str:
    """Names a finding unambiguously: its rule, the figure as printed and its place."""
    location = "" if entry.location.startswith("@") else entry.location  # a text offset says nothing to a reader
    page = tr("place.page", page=entry.page) if entry.page is not None else ""
    place = " ".join(p for p in (page, entry.section.split(" › ")[-1], location) if p)
    return " · ".join(p for p in (rule_title(entry.rule), entry.stated, place) if p) or entry.key
