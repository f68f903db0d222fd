"""The review screen: tree | text or table | findings and detail, and every review action.

It loads a document in a worker (progress bar, partial tree, Esc to cancel, failures in a dialog),
keeps the panes in step (a tree node shows its text; a figure shows its finding and counterparts;
a finding shows its figure), and turns keys into calls on the `ReviewSession` and its store. It owns
no domain logic: marks, badges, filters, search and the review sheet come from ``tui_review.review``.
"""

from __future__ import annotations

from pathlib import Path
from time import monotonic

from textual import work
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Label, ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker

from parsers.errors import InputError
from tui_review import heap
from tui_review.i18n import get_lang, rule_title, status_label, tr
from tui_review.keymap import bindings
from tui_review.messages import DocumentPartial, FigureHighlighted, FigureOpened, LoadProgress, ReviewReady
from tui_review.review.export import default_export_path, export_review
from tui_review.review.pipeline import LoadOptions, open_review
from tui_review.review.session import Entry, Filters, NodeRef, ReviewSession, has_cover
from tui_review.review.store import STATUSES, StoreError
from tui_review.screens.annotate import AnnotateScreen
from tui_review.screens.error_dialog import ErrorDialog
from tui_review.screens.export_dialog import ExportChoice, ExportDialog
from tui_review.screens.search import SearchScreen
from tui_review.screens.status_picker import StatusPicker
from tui_review.widgets.document_tree import DocumentTree
from tui_review.widgets.finding_detail import FindingDetail
from tui_review.widgets.findings_list import FindingsList
from tui_review.widgets.page_view import PageView
from tui_review.widgets.section_view import SectionView
from tui_review.widgets.status_line import StatusLine
from tui_review.widgets.table_grid import TableGrid

SEVERITIES = ("", "error", "warning", "info")
DETAIL_SETTLE = 0.04  # seconds: presses closer than this are a held key; the detail waits for the rest
PANES = ("tree", "content", "findings", "detail")


class MainScreen(Screen):
    BINDINGS = bindings("main")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    def __init__(self, path: Path | None = None, options: LoadOptions = LoadOptions()) -> None:
        super().__init__()
        self.initial_path = path
        self.options = options
        self.session: ReviewSession | None = None
        self.loading_path: Path | None = None
        self.node: NodeRef | None = None
        self.figure_id: str | None = None
        self.entry_key: str | None = None
        self.filters = Filters()
        self.follow_scope = False  # False: the whole document; True: the selected tree node
        self.history: list[tuple[NodeRef, str | None, str | None]] = []  # (node, figure, entry key)
        self.detail_key: str | None = None  # the entry the detail pane shows: what s, a and m act on
        self.detail_figure: str | None = None  # the figure it shows (a lone figure: detail_key is None)
        self._counterpart: tuple[str, int] | None = None  # (origin figure, index of the last jump)
        self._detail_timer: Timer | None = None
        self._detail_shown_at = 0.0  # monotonic time the detail pane last changed

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status-line")
        with Horizontal(id="loading"):
            yield Label("", id="loading-label", markup=False)
            yield ProgressBar(id="progress", show_eta=False)
            yield Label(tr("loading.cancel"), id="loading-cancel", markup=False)
        with Grid(id="panes"):
            yield DocumentTree(id="tree")
            with ContentSwitcher(id="content", initial="section"):
                yield SectionView(id="section")
                yield TableGrid(id="table")
            yield PageView(id="page", graphics=_graphics_setting(self.options), password=self.options.password)
            yield FindingsList(id="findings")
            yield FindingDetail(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#tree").border_title = f"1 {tr('pane.tree')}"
        self.query_one("#content").border_title = f"2 {tr('pane.content')}"
        self.query_one("#findings").border_title = f"3 {tr('pane.findings')}"
        self.query_one("#detail").border_title = f"4 {tr('pane.detail')}"
        self.query_one("#tree").focus()
        self.watch(self.app, "theme", self._redraw_marks, init=False)
        for text, severity, timeout in self.app.early_notices:
            self.notify(text, severity=severity, timeout=timeout)
        self.app.early_notices.clear()
        if self.initial_path is not None:  # after the first paint: the worker competes for the GIL
            self.call_after_refresh(self.load, self.initial_path)
        else:  # nothing to read yet (``tui-review DIR``: a document is chosen from the folder list)
            self.query_one("#loading").display = False

    @property
    def status_line(self) -> StatusLine:
        return self.query_one(StatusLine)

    def on_unmount(self) -> None:
        """Release the review file (and its lock) when the app closes; every change is already saved."""
        if self.session is not None:
            self.session.store.close()

    # ── loading ──────────────────────────────────────────────────────────────────────────────────

    def load(self, path: Path) -> None:
        """Parse, check and open the review of ``path`` in a worker; the current review stays usable."""
        self.loading_path = path
        self.query_one("#loading-label", Label).update(tr("loading", name=path.name))
        self.query_one("#progress", ProgressBar).update(total=None, progress=0)
        self.query_one("#loading").display = True
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

        session = open_review(path, self.options, progress=progress, on_partial=partial)
        if worker.is_cancelled:
            session.store.close()
            return
        self.post_message(ReviewReady(session, path))

    def on_load_progress(self, message: LoadProgress) -> None:
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=message.total or None, progress=message.done)
        name = self.loading_path.name if self.loading_path else ""
        self.query_one("#loading-label", Label).update(f"{tr('loading', name=name)} {tr('loading.stage.' + message.stage)}")

    def on_document_partial(self, message: DocumentPartial) -> None:
        if self.session is None:
            self.query_one(DocumentTree).load(message.document)

    def on_review_ready(self, message: ReviewReady) -> None:
        self.query_one("#loading").display = False
        if self.session is not None:
            self.session.store.close()
        session = self.session = message.session
        self.node = self.figure_id = self.entry_key = self.detail_key = self.detail_figure = None
        self.filters = Filters()
        self.history.clear()
        self._counterpart = None
        self.app.path = message.path
        self.status_line.set_heading(message.path.name + (" · 只读 read-only" if session.store.read_only else ""))
        tree = self.query_one(DocumentTree)
        tree.load(session.doc, session.badges())
        doc = session.doc
        first = NodeRef("section", doc.root.id) if has_cover(doc) else None
        if first is None and doc.root.children:
            first = NodeRef("section", doc.root.children[0].id)
        if first is not None:
            self._show_node(first)
            tree.select_ref(first)
        self._refresh_list()
        self.query_one(FindingDetail).clear()
        self.refresh_bindings()
        failing = [f for f in session.findings if f.failed]
        self.notify(
            tr(
                "loaded",
                name=message.path.name,
                errors=sum(f.severity == "error" for f in failing),
                warnings=sum(f.severity != "error" for f in failing),
                verified=sum(not f.failed for f in session.findings),
            )
        )
        for notice in session.store.notices:
            self.notify(notice.message(get_lang()), severity="warning", timeout=12)
        self.call_after_refresh(heap.settle)  # after the loaded review is on screen

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one error sink: a failed load shows a dialog, the app stays as it was."""
        if event.worker.group != "load":
            return
        if event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self.query_one("#loading").display = False
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, (InputError, StoreError)):
                text = error.message(get_lang())
            else:
                text = f"{self.loading_path}: {type(error).__name__}: {error}"
            self.app.push_screen(ErrorDialog(text))

    def action_cancel_load(self) -> None:
        self.workers.cancel_group(self, "load")
        self.query_one("#loading").display = False
        self.notify(tr("loading.cancelled"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_load":
            return bool(self.query_one("#loading").display)
        if action in ("pane", "focus_pane"):
            return True
        if action == "page":
            return self.has_class("-page") and self.session is not None
        return self.session is not None or None

    # ── keeping the panes in step ────────────────────────────────────────────────────────────────

    def _show_node(self, ref: NodeRef, figure_id: str | None = None, highlight: tuple[int, int] | None = None) -> None:
        session = self.session
        self.node = ref
        switcher = self.query_one(ContentSwitcher)
        content = self.query_one("#content")
        if ref.kind == "table":
            switcher.current = "table"
            self.query_one(TableGrid).show(session, ref.id, figure_id)
            table = session.doc.table(ref.id)
            content.border_title = f"2 ▦ {ref.id} {table.title if table else ''}".rstrip()
            content.border_subtitle = "；".join(table.notes) if table else ""  # e.g. 本表无数据
        else:
            switcher.current = "section"
            self.query_one(SectionView).show(session, ref.id, figure_id, highlight)
            content.border_title = f"2 {session.label(ref.id) or tr('tree.cover')}"
            content.border_subtitle = ""
        self.figure_id = figure_id
        if self.follow_scope:
            self.filters = Filters(self.filters.severity, self.filters.rule, self.filters.status, ref)
            self._refresh_list()

    def _go(self, ref: NodeRef, figure_id: str | None = None, highlight: tuple[int, int] | None = None) -> None:
        """Show a node and put the tree's cursor on it."""
        self._show_node(ref, figure_id, highlight)
        self.query_one(DocumentTree).select_ref(ref)

    def _refresh_list(self) -> None:
        if self.session is None:
            return
        shown = self.session.filtered(self.filters)
        findings = self.query_one(FindingsList)
        findings.show(shown, self.entry_key)
        findings.border_title = f"3 {tr('filter.title', shown=len(shown), total=len(self.session.entries))}"
        any_ = tr("filter.any")
        findings.border_subtitle = tr(
            "filter.label",
            scope=tr("filter.scope.node") if self.follow_scope else tr("filter.scope.document"),
            severity=tr(f"severity.{self.filters.severity}") if self.filters.severity else any_,
            rule=self.filters.rule or any_,
            status=status_label(self.filters.status) if self.filters.status else any_,
        )

    def _select_entry(self, entry: Entry, *, move_content: bool = True, figure: str | None = None) -> None:
        """Select an entry in every pane; ``figure``: the figure of it under the content cursor
        (default: the figure it states)."""
        self.entry_key = entry.key
        if figure is not None:
            pass
        elif entry.finding is None:
            figure = next((f for f in entry.figure_ids if f in self.session.figures), None)
        else:
            stated = [e.figure_id for e in entry.finding.evidence if e.coeff == 0 and e.figure_id in self.session.figures]
            figure = stated[0] if stated else next((f for f in entry.figure_ids if f in self.session.figures), None)
        if move_content and entry.node is not None:
            self._go(entry.node, figure, self.session.text_span(entry))
        self.figure_id = figure
        self.query_one(FindingsList).select_key(entry.key)
        self._show_detail(entry, figure)

    def _show_figure(self, figure_id: str | None) -> None:
        if self.session is None or figure_id == self.figure_id:
            return
        self.figure_id = figure_id
        if figure_id is None:
            return
        entry = self._entry_of_figure(figure_id)
        if entry is not None:
            self._select_entry(entry, move_content=False, figure=figure_id)
        else:
            self._show_detail(None, figure_id)

    def _show_detail(self, entry: Entry | None, figure_id: str | None) -> None:
        """Show an entry (or a lone figure) in the detail pane. A single key press shows it in the same
        frame as the cursor; while a key is held (presses closer than ``DETAIL_SETTLE``) the detail
        follows once the cursor rests, so the cursors move at key speed."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        session = self.session
        self.detail_key = entry.key if entry is not None else None
        self.detail_figure = figure_id

        def show() -> None:
            self._detail_timer = None
            self._detail_shown_at = monotonic()
            detail = self.query_one(FindingDetail)
            if entry is not None:
                detail.show_entry(session, entry, figure_id)
            elif figure_id is not None:
                detail.show_figure(session, figure_id)
            self.query_one(PageView).follow(session, entry, figure_id)

        if monotonic() - self._detail_shown_at >= DETAIL_SETTLE:
            show()
        else:
            self._detail_timer = self.set_timer(DETAIL_SETTLE, show)

    def _entry_of_figure(self, figure_id: str) -> Entry | None:
        own = [e for e in self.session.entries if e.kind == "own" and figure_id in e.figure_ids]
        failing = [self.session.entry(f.finding_id) for f in self.session.findings_of_figure(figure_id) if f.failed]
        found = [e for e in failing + own if e is not None]
        return found[0] if found else None

    def _after_review_change(self) -> None:
        session = self.session
        session.refresh()
        self.query_one(DocumentTree).set_badges(session.badges())
        self._refresh_list()
        entry = session.entry(self.entry_key) if self.entry_key else None
        if entry is not None:
            self.query_one(FindingDetail).show_entry(session, entry, self.figure_id)
        self._redraw_content()

    def _redraw_content(self) -> None:
        if self.query_one(ContentSwitcher).current == "table":
            self.query_one(TableGrid).redraw()
        else:
            self.query_one(SectionView).redraw()

    def _redraw_marks(self) -> None:
        if self.session is not None:
            self.query_one(DocumentTree).set_badges(self.session.badges())
            self._refresh_list()
            self._redraw_content()

    def on_document_tree_node_chosen(self, message: DocumentTree.NodeChosen) -> None:
        if self.session is not None and message.ref != self.node:
            with self.app.batch_update():
                self._show_node(message.ref)

    def on_document_tree_node_opened(self, message: DocumentTree.NodeOpened) -> None:
        if self.session is not None:
            if message.ref != self.node:
                self._show_node(message.ref)
            self.action_focus_pane("content")

    def on_figure_highlighted(self, message: FigureHighlighted) -> None:
        with self.app.batch_update():
            self._show_figure(message.figure_id)

    def on_figure_opened(self, message: FigureOpened) -> None:
        entry = self._entry_of_figure(message.figure_id)
        if entry is not None:
            self._select_entry(entry, move_content=False)
            self.action_focus_pane("findings")

    def on_findings_list_entry_highlighted(self, message: FindingsList.EntryHighlighted) -> None:
        entry = self.session.entry(message.key) if self.session else None
        if entry is not None and message.key != self.entry_key:
            with self.app.batch_update():
                self._select_entry(entry)

    def on_findings_list_entry_opened(self, message: FindingsList.EntryOpened) -> None:
        entry = self.session.entry(message.key) if self.session else None
        if entry is not None and self.session.toggle_group(entry.key):  # a suspect group folds/unfolds
            self.entry_key = entry.key
            self._refresh_list()
            return
        if entry is not None:
            self._select_entry(entry)
            if entry.node is not None:
                self.action_focus_pane("content")

    # ── navigation actions ───────────────────────────────────────────────────────────────────────

    def action_next_finding(self) -> None:
        self._step_finding(1)

    def action_previous_finding(self) -> None:
        self._step_finding(-1)

    def _step_finding(self, direction: int) -> None:
        everywhere = Filters(self.filters.severity, self.filters.rule, self.filters.status, None)
        entries = [e for e in self.session.filtered(everywhere) if e.node is not None]
        if self.filters.severity != "info":  # n/N walk the problems; the engine's notes stay in the list
            entries = [e for e in entries if e.severity != "info"]
        entry = self.session.step(entries, self.entry_key, direction)
        if entry is None:
            self.notify(tr("empty.findings"))
            return
        with self.app.batch_update():
            self._select_entry(entry)

    def action_counterpart(self) -> None:
        current = self._content_figure() or self.figure_id
        if current is None:
            self.notify(tr("nothing.selected"))
            return
        if self._counterpart is not None:
            origin, index = self._counterpart
            others = self.session.counterparts(origin)
            if others and 0 <= index < len(others) and others[index].id == current:
                index = (index + 1) % len(others)
                self._jump_to_figure(others[index].id)
                self._counterpart = (origin, index)
                return
        others = self.session.counterparts(current)
        if not others:
            self.notify(tr("no.counterpart"))
            return
        self.history.append((self.node, current, self.detail_key))
        self._jump_to_figure(others[0].id)
        self._counterpart = (current, 0)

    def _jump_to_figure(self, figure_id: str) -> None:
        figure = self.session.figures[figure_id]
        self._go(self.session.node_of_figure(figure), figure_id)
        self.figure_id = None
        self._show_figure(figure_id)

    def action_back(self) -> None:
        if not self.history:
            self.notify(tr("no.history"))
            return
        node, figure_id, entry_key = self.history.pop()
        self._counterpart = None
        self._go(node, figure_id)
        entry = self.session.entry(entry_key) if entry_key else None
        if entry is not None:  # the finding that was shown, not the first one of its figure
            self.entry_key = entry.key
            self.figure_id = figure_id
            self.query_one(FindingsList).select_key(entry.key)
            self._show_detail(entry, figure_id)
        elif figure_id is not None:
            self.figure_id = None
            self._show_figure(figure_id)

    def _content_figure(self) -> str | None:
        if self.query_one(ContentSwitcher).current == "table":
            return self.query_one(TableGrid).figure_id
        return self.query_one(SectionView).figure_id

    def action_search(self) -> None:
        def chosen(hit) -> None:
            if hit is None:
                return
            if self.node is not None:
                self.history.append((self.node, self._content_figure(), self.detail_key))
            highlight = (hit.offset, hit.offset + hit.length) if hit.figure_id is None and hit.offset is not None else None
            self._go(hit.node, hit.figure_id, highlight)
            if hit.figure_id is not None:
                self.figure_id = None
                self._show_figure(hit.figure_id)
            self.action_focus_pane("content")

        self.app.push_screen(SearchScreen(self.session), chosen)

    def action_toggle_scope(self) -> None:
        self.follow_scope = not self.follow_scope
        scope = self.node if self.follow_scope else None
        self.filters = Filters(self.filters.severity, self.filters.rule, self.filters.status, scope)
        self._refresh_list()

    def action_cycle_severity(self) -> None:
        f = self.filters
        self.filters = Filters(_next(SEVERITIES, f.severity), f.rule, f.status, f.scope)
        self._refresh_list()

    def action_cycle_rule(self) -> None:
        f = self.filters
        self.filters = Filters(f.severity, _next(("", *self.session.rules()), f.rule), f.status, f.scope)
        self._refresh_list()

    def action_cycle_status(self) -> None:
        f = self.filters
        self.filters = Filters(f.severity, f.rule, _next(("", *STATUSES), f.status), f.scope)
        self._refresh_list()

    def _panes(self) -> list[Widget]:
        content = self.query_one(TableGrid) if self.query_one(ContentSwitcher).current == "table" else self.query_one(SectionView)
        return [self.query_one(DocumentTree), content, self.query_one(FindingsList), self.query_one(FindingDetail)]

    def action_pane(self, step: int) -> None:
        panes = self._panes()
        focused = next((i for i, p in enumerate(panes) if self.focused is not None and (self.focused is p or p in self.focused.ancestors)), 0)
        panes[(focused + step) % len(panes)].focus()

    def action_focus_pane(self, name: str) -> None:
        self._panes()[PANES.index(name)].focus()

    def action_toggle_page(self) -> None:
        """Show or hide the printed page of the current finding beside the extraction."""
        if self.session is None:
            return
        page = self.query_one(PageView)
        shown = not self.has_class("-page")
        if shown and self.query_one(DocumentTree).has_focus:
            self.action_focus_pane("content")  # the tree makes room for the page
        self.set_class(shown, "-page")
        page.display = shown
        if shown:
            entry = self.session.entry(self.entry_key) if self.entry_key else None
            page.follow(self.session, entry, None if entry is not None else self.figure_id)
            page.wake()
        self.refresh_bindings()

    def action_page(self, what: str) -> None:
        """Zoom or turn the page view: ``zoom_in``, ``zoom_out``, ``next_page``, ``previous_page``."""
        getattr(self.query_one(PageView), what)()

    # ── review actions ───────────────────────────────────────────────────────────────────────────

    def _target_entry(self) -> Entry | None:
        """The entry a review action applies to: always the one the detail pane shows."""
        return self.session.entry(self.detail_key) if self.detail_key else None

    def _no_target(self) -> None:
        self.notify(tr("no.finding.here") if self.detail_figure is not None else tr("nothing.selected"))

    def _store_call(self, call, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except StoreError as exc:
            self.app.push_screen(ErrorDialog(exc.message(get_lang())))
            return None
        finally:
            self._after_review_change()

    def action_annotate(self) -> None:
        entry = self._target_entry()
        if entry is None:
            self._no_target()
            return

        def save(note: str | None) -> None:
            if note is None or note == entry.note:
                return
            if self._apply(entry, note=note) is not None:
                self.notify(tr("saved.note"))

        self.app.push_screen(AnnotateScreen(tr("annotate.title", target=_target_label(entry)), entry.note), save)

    def action_set_status(self) -> None:
        entry = self._target_entry()
        if entry is None:
            self._no_target()
            return

        def save(status: str | None) -> None:
            if status is None or status == entry.status:
                return
            if self._apply(entry, status=status) is not None:
                self.notify(tr("saved.status", status=status_label(status)))

        self.app.push_screen(StatusPicker(_target_label(entry), entry.status), save)

    def _apply(self, entry: Entry, *, note: str | None = None, status: str | None = None):
        self.entry_key = entry.key
        store = self.session.store
        if entry.members:  # a suspect group: its member findings
            results = [self._apply(member, note=note, status=status) for member in self.session.members(entry.key)]
            self.entry_key = entry.key
            return results[-1] if results else None
        if entry.own is not None:
            return self._store_call(store.update_own, entry.own.own_id, note=note, status=status)
        if entry.finding is not None:
            if note is not None:
                return self._store_call(store.set_note, entry.finding, note)
            return self._store_call(store.set_status, entry.finding, status)
        return self._store_call(store.edit_review, entry.key, note=note, status=status)

    def action_mark(self) -> None:
        target = self._mark_target()
        if target is None:
            self.notify(tr("nothing.selected"))
            return
        kind, target_id, text, section_id, page, location = target

        def save(note: str | None) -> None:
            if note is None:
                return
            own = self._store_call(
                self.session.store.add_own,
                kind,
                target_id,
                text=text,
                section=self.session.label(section_id),
                section_id=section_id,
                page=page,
                location=location,
                note=note,
            )
            if own is not None:
                self.entry_key = own.finding_id
                self._refresh_list()
                self.notify(tr("saved.own"))

        self.app.push_screen(AnnotateScreen(tr("annotate.mark_title", target=text)), save)

    def _mark_target(self) -> tuple[str, str, str, str, int | None, str] | None:
        session = self.session
        figure_id = self.detail_figure  # the figure the detail pane shows, as for s and a
        if figure_id is not None and figure_id in session.figures:
            fig = session.figures[figure_id]
            return ("figure", fig.id, fig.text, fig.section_id, fig.page, fig.where())
        if self.node is None:
            return None
        if self.node.kind == "table":
            table = session.doc.table(self.node.id)
            title = f"{self.node.id} {table.title}" if table else self.node.id
            return ("table", self.node.id, table.title if table else self.node.id, table.section_id if table else "", table.page if table else None, title)
        section = session.section(self.node.id)
        heading = section.heading if section and section.heading else tr("tree.cover")
        return ("section", self.node.id, heading, self.node.id, section.page if section else None, heading)

    def action_export(self) -> None:
        session = self.session

        def write(choice: ExportChoice | None) -> None:
            if choice is None:
                return
            try:
                written = export_review(session, choice.path, force=choice.overwrite, lang=get_lang())
            except (OSError, ValueError) as exc:
                self.app.push_screen(ErrorDialog(f"{choice.path}: {exc}", tr("export.failed")))
                return
            self.notify(tr("export.done", path=written, rows=len(session.entries)), timeout=8)

        self.app.push_screen(ExportDialog(default_export_path(session.doc.path)), write)


def _graphics_setting(options: LoadOptions) -> str:
    ui = getattr(options.config, "ui", None)
    return getattr(ui, "graphics", "auto")


def _next(values: tuple[str, ...], current: str) -> str:
    return values[(values.index(current) + 1) % len(values)] if current in values else values[0]


def _target_label(entry: Entry) -> str:
    """Names a finding unambiguously: its rule, the figure as printed and its place."""
    location = "" if entry.location.startswith("@") else entry.location  # a text offset says nothing to a reader
    place = " ".join(p for p in (tr("place.page", page=entry.page) if entry.page is not None else "", entry.section.split(" › ")[-1], location) if p)
    return " · ".join(p for p in (rule_title(entry.rule), entry.stated, place) if p) or entry.key
