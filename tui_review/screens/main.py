"""The review screen: tree | text or table | findings and detail, and every review action.

This is the view. Where the reviewer is (cursor, detail, history, filters, counterparts) lives in
`tui_review.screens.navigation.Navigator`, plain Python; this screen turns keys and pane messages
into navigator calls and draws the `Selection` each returns. Loading runs in a worker
(`tui_review.screens.loading`), the review actions (status, note, mark, export) are in
`tui_review.screens.review_actions`. It owns no domain logic: marks, badges, filters, search and
the review sheet come from ``tui_review.review``.

A new pane: compose it in ``compose``, give it a typed accessor below, and add it to ``_panes``.
"""

from __future__ import annotations

from pathlib import Path
from time import monotonic

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Label, ProgressBar

from tui_review.i18n import rule_title, severity_label, status_label, tr
from tui_review.keymap import bindings
from tui_review.messages import FigureHighlighted, FigureOpened
from tui_review.review.session import Entry, Filters, NodeRef
from tui_review.screens.navigation import Navigator, Selection, Step
from tui_review.screens.review_actions import ReviewActionsMixin
from tui_review.screens import split
from tui_review.screens.search import SearchScreen
from tui_review.widgets.document_tree import DocumentTree
from tui_review.widgets.finding_detail import FindingDetail
from tui_review.widgets.findings_list import FindingsList
from tui_review.widgets.footer import ReviewFooter
from tui_review.widgets.page_view import PageView
from tui_review.widgets.partner_view import PartnerView
from tui_review.widgets.section_view import SectionView
from tui_review.widgets.status_line import StatusLine
from tui_review.widgets.table_grid import TableGrid
from tui_review.terminal import printable

DETAIL_SETTLE = 0.04  # seconds: presses closer than this are a held key; the detail waits for the rest
PANES = ("tree", "content", "findings", "detail")


class MainScreen(ReviewActionsMixin):
    BINDINGS = bindings("main")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    def __init__(self, path=None, options=None) -> None:
        super().__init__(path, options)
        self._nav: Navigator | None = None
        self._detail_timer: Timer | None = None
        self._detail_shown_at = 0.0  # monotonic time the detail pane last changed
        self._tree_sync_pending = False
        self._list_sync_pending = False
        self._detail_pending = False  # a drawing of the detail is due after the next frame

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status-line")
        with Horizontal(id="loading"):
            yield Label("", id="loading-label", markup=False)
            yield ProgressBar(id="progress", show_eta=False)
            yield Label(tr("loading.cancel"), id="loading-cancel", markup=False)
        with Grid(id="panes"):
            yield DocumentTree(id="tree", on_move=self._node_moved)
            with ContentSwitcher(id="content", initial="section"):
                yield SectionView(id="section")
                yield TableGrid(id="table")
            yield PageView(id="page", graphics=_graphics_setting(self.options), password=self.options.password)
            yield PartnerView(id="partner")
            yield FindingsList(id="findings", on_move=self._entry_moved, on_focused=self._sync_list)
            yield FindingDetail(id="detail")
        yield ReviewFooter()

    # ── typed panes ──────────────────────────────────────────────────────────────────────────────

    @property
    def status_line(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def doc_tree(self) -> DocumentTree:
        return self.query_one(DocumentTree)

    @property
    def content(self) -> ContentSwitcher:
        return self.query_one(ContentSwitcher)

    @property
    def section_view(self) -> SectionView:
        return self.query_one(SectionView)

    @property
    def table_grid(self) -> TableGrid:
        return self.query_one(TableGrid)

    @property
    def findings(self) -> FindingsList:
        return self.query_one(FindingsList)

    @property
    def detail(self) -> FindingDetail:
        return self.query_one(FindingDetail)

    @property
    def page_view(self) -> PageView:
        return self.query_one(PageView)

    def _panes(self) -> list[Widget]:
        content = self.table_grid if self.content.current == "table" else self.section_view
        return [self.doc_tree, content, self.findings, self.detail]

    # ── the navigator's state, for the actions and the tests ────────────────────────────────────

    @property
    def nav(self) -> Navigator:
        """The open review's navigator (the review actions run only once a review is open)."""
        if self._nav is None:
            raise LookupError("no review is open")
        return self._nav

    @property
    def node(self) -> NodeRef | None:
        return self._nav.node if self._nav else None

    @property
    def entry_key(self) -> str | None:
        return self._nav.entry_key if self._nav else None

    @property
    def detail_key(self) -> str | None:
        return self._nav.detail_key if self._nav else None

    @property
    def filters(self) -> Filters | None:
        return self._nav.filters if self._nav else None

    def relabel(self) -> None:
        """Draw the panes' titles, the list, the detail and the heading again (the interface
        language changed)."""
        for pane, number, name in ((self.doc_tree, 1, "tree"), (self.content, 2, "content"), (self.findings, 3, "findings"), (self.detail, 4, "detail")):
            pane.border_title = f"{number} {tr('pane.' + name)}"
        self.query_one("#loading-cancel", Label).update(tr("loading.cancel"))
        if self._nav is not None:
            if self.node is not None:
                self._show_node(self.node, self.nav.figure_id)
            self._refresh_list()
            self._show_detail()
            self._update_heading()

    def on_mount(self) -> None:
        self.relabel()
        self.doc_tree.focus()
        self.watch(self.app, "theme", self._redraw_marks, init=False)
        for text, severity, timeout in self.app.early_notices:
            self.notify(text, severity=severity, timeout=timeout)
        self.app.early_notices.clear()
        self.start_loading()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_load":
            return self.is_loading
        if action in ("pane", "focus_pane"):
            return True
        if action == "page":
            return self.has_class("-page") and self.session is not None
        return self.session is not None or None

    def begin_review(self) -> None:
        """A review was opened (`LoadingMixin`): a fresh navigator, the first node on show."""
        session = self.review
        nav = self._nav = Navigator(session)
        self.doc_tree.load(session.doc, session.badges())
        first = nav.first_node()
        if first is not None:
            self._go(first)
        self._refresh_list()
        self.detail.clear()
        self._update_heading()

    # ── drawing what the navigator says ──────────────────────────────────────────────────────────

    def _show_node(self, ref: NodeRef, figure_id: str | None = None, highlight: tuple[int, int] | None = None) -> None:
        session = self.session
        scoped = self.nav.show_node(ref, figure_id)
        content = self.content
        if ref.kind == "table":
            content.current = "table"
            self.table_grid.show(session, ref.id, figure_id)
            table = session.doc.table(ref.id)
            _set_border(content, printable(f"2 ▦ {ref.id} {table.title if table else ''}".rstrip(), one_line=True),
                        printable("；".join(table.notes), one_line=True) if table else "")  # e.g. 本表无数据
        else:
            content.current = "section"
            self.section_view.show(session, ref.id, figure_id, highlight)
            _set_border(content, printable(f"2 {session.label(ref.id) or tr('tree.cover')}", one_line=True), "")
        if scoped:
            self._refresh_list()

    def _go(self, ref: NodeRef, figure_id: str | None = None, highlight: tuple[int, int] | None = None) -> None:
        """Show a node; the tree's cursor follows it once this frame is drawn (`_sync_tree_later`)."""
        self._show_node(ref, figure_id, highlight)
        self._sync_tree_later()

    def _sync_tree_later(self) -> None:
        """Put the tree's cursor on the node on show after the next frame. Moving it can open closed
        nodes and scroll the tree far away: every visible line of the tree is built and drawn again,
        and the frame then spans the whole screen (on a long document half of a key's cost). The
        key's first frame shows the response (list cursor, content, detail); the tree follows in the
        next. Keys in between coalesce into one sync to wherever the navigator is by then."""
        if not self._tree_sync_pending:
            self._tree_sync_pending = True
            self.call_after_refresh(self._sync_tree)

    def _sync_tree(self) -> None:
        self._tree_sync_pending = False
        node = self._nav.node if self._nav is not None else None
        if node is not None:
            self.doc_tree.select_ref(node)

    def _draw(self, selection: Selection | None) -> None:
        """Draw a navigator's `Selection`: the content pane's place, the list's row, the detail."""
        if selection is None:
            return
        if selection.node is not None:
            self._go(selection.node, selection.figure_id, selection.highlight)
            self.nav.figure_id = selection.figure_id
        if selection.entry is not None:
            self._show_in_list(selection.entry.key)
        self._show_detail()

    def _show_in_list(self, key: str) -> None:
        """Put the list's cursor on ``key``: at once when the list has focus (its cursor is the
        response), else after the key's first frame (`n` from the tree or the text: the content
        pane is the response, and a list that scrolls to follow repaints every row, a third of
        the frame). Keys in between coalesce into one move to the navigator's entry by then; the
        list taking focus moves it at once, so Enter opens the row the navigator is on."""
        if self.findings.has_focus:
            self._list_sync_pending = False
            self.findings.select_key(key)
        elif not self._list_sync_pending:
            self._list_sync_pending = True
            self.call_after_refresh(self._sync_list)

    def _sync_list(self) -> None:
        if self._list_sync_pending:
            self._list_sync_pending = False
            key = self._nav.entry_key if self._nav is not None else None
            if key is not None:
                self.findings.select_key(key)

    def _refresh_list(self) -> None:
        if self.session is None:
            return
        nav = self.nav
        shown = nav.shown()
        self.findings.show(shown, nav.entry_key)
        self.findings.border_title = f"3 {tr('filter.title', shown=len(shown), total=len(self.session.entries))}"
        any_ = tr("filter.any")
        self.findings.border_subtitle = tr(
            "filter.label",
            scope=tr("filter.scope.node") if nav.follow_scope else tr("filter.scope.document"),
            severity=severity_label(nav.filters.severity) if nav.filters.severity else any_,
            rule=rule_title(nav.filters.rule) if nav.filters.rule else any_,
            status=status_label(nav.filters.status) if nav.filters.status else any_,
        )

    def _update_heading(self) -> None:
        if self.session is None:
            return
        reviewed, total = self.session.progress()
        name = Path(self.session.doc.path).name
        read_only = f" · {tr('read_only')}" if self.session.store.read_only else ""
        self.status_line.set_heading(f"{name}{read_only} · {tr('progress', reviewed=reviewed, total=total)}")

    def _show_detail(self) -> None:
        """Show the navigator's detail (and the page view's and the partner document's place) once
        the key's first frame is drawn: rendering a finding's detail takes 3–30 ms of Rich layout,
        and the list cursor and the content pane are the response. Keys before that frame coalesce
        into one drawing of wherever the navigator is then. While a key is held (presses closer
        than ``DETAIL_SETTLE``) the detail follows once the cursor rests, so the cursors move at
        key speed. ``s``, ``a`` and ``m`` act on the navigator's detail entry, drawn or not."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        if monotonic() - self._detail_shown_at < DETAIL_SETTLE:
            self._detail_timer = self.set_timer(DETAIL_SETTLE, self._draw_detail)
        elif not self._detail_pending:
            self._detail_pending = True
            self.call_after_refresh(self._draw_detail)

    def _draw_detail(self) -> None:
        self._detail_timer = None
        self._detail_pending = False
        self._detail_shown_at = monotonic()
        session, nav = self.session, self._nav
        if session is None or nav is None:
            return
        entry = nav.target_entry()
        figure_id = nav.detail_figure
        if entry is not None:
            self.detail.show_entry(session, entry, figure_id)
        elif figure_id is not None:
            self.detail.show_figure(session, figure_id)
        self.page_view.follow(session, entry, figure_id)
        split.follow(self, entry, figure_id)

    def after_review_change(self) -> None:
        session = self.session
        session.refresh()
        self.doc_tree.set_badges(session.badges())
        self._refresh_list()
        entry = self.nav.target_entry()
        if entry is not None:
            self.detail.show_entry(session, entry, self.nav.detail_figure)
        self._redraw_content()
        self._update_heading()

    def _redraw_content(self) -> None:
        if self.content.current == "table":
            self.table_grid.redraw()
        else:
            self.section_view.redraw()

    def _redraw_marks(self) -> None:
        if self.session is not None:
            self.doc_tree.set_badges(self.session.badges())
            self._refresh_list()
            self._redraw_content()

    # ── pane messages ────────────────────────────────────────────────────────────────────────────

    def _node_moved(self, ref: NodeRef) -> None:
        """The reader moved the tree's cursor (called in the key's handler: same frame)."""
        if self.session is not None and ref != self.node:
            with self.app.batch_update():
                self._show_node(ref)

    def on_document_tree_node_opened(self, message: DocumentTree.NodeOpened) -> None:
        if self.session is not None:
            if message.ref != self.node:
                self._show_node(message.ref)
            self.action_focus_pane("content")

    def on_figure_highlighted(self, message: FigureHighlighted) -> None:
        if self.session is not None:
            with self.app.batch_update():
                self._draw(self.nav.figure_moved(message.figure_id))

    def on_figure_opened(self, message: FigureOpened) -> None:
        entry = self.nav.entry_of_figure(message.figure_id) if self.session else None
        if entry is not None:
            self._draw(self.nav.select_entry(entry, move_content=False, figure=message.figure_id))
            self.action_focus_pane("findings")

    def _entry_moved(self, key: str) -> None:
        """The reader moved the findings list's cursor (called in the key's handler: same frame)."""
        entry = self.session.entry(key) if self.session else None
        if entry is not None and key != self.entry_key:
            with self.app.batch_update():
                self._select_entry(entry)

    def on_findings_list_entry_opened(self, message: FindingsList.EntryOpened) -> None:
        entry = self.session.entry(message.key) if self.session else None
        if entry is not None and self.session.toggle_group(entry.key):  # a suspect group folds/unfolds
            self.nav.entry_key = entry.key
            self._refresh_list()
            return
        if entry is not None:
            self._select_entry(entry)
            if entry.node is not None:
                self.action_focus_pane("content")

    def _select_entry(self, entry: Entry) -> None:
        self._draw(self.nav.select_entry(entry))

    # ── navigation actions ───────────────────────────────────────────────────────────────────────

    def action_next_finding(self) -> None:
        self._step(self.nav.step(1))

    def action_previous_finding(self) -> None:
        self._step(self.nav.step(-1))

    def action_next_unreviewed(self) -> None:
        step = self.nav.next_unreviewed()
        if step.selection is None:
            self.notify(tr("all.reviewed"))
            return
        self._step(step)

    def _step(self, step: Step) -> None:
        if step.selection is None:
            self.notify(tr("empty.findings"))
            return
        with self.app.batch_update():
            self._draw(step.selection)
        if step.wrapped:
            self.notify(tr("walk.wrapped"), timeout=2)

    def action_counterpart(self) -> None:
        if split.jump_across(self):  # a cross finding: the partner document's place beside this one
            return
        current = self._content_figure() or self.nav.detail_figure
        if current is None:
            shown = self.nav.target_entry()  # a finding about no one figure (a missing table …)
            self.notify(tr("no.counterpart.finding") if shown is not None else tr("nothing.selected"))
            return
        target = self.nav.counterpart(current)
        if target is None:
            self.notify(tr("no.counterpart"))
            return
        self._draw(self.nav.jump_to_figure(target))

    def action_back(self) -> None:
        selection = self.nav.back()
        if selection is None:
            self.notify(tr("no.history"))
            return
        self._draw(selection)

    def _content_figure(self) -> str | None:
        return self.table_grid.figure_id if self.content.current == "table" else self.section_view.figure_id

    def action_search(self) -> None:
        def chosen(hit) -> None:
            if hit is None:
                return
            self.nav.figure_id = self._content_figure()
            self.nav.remember()
            highlight = (hit.offset, hit.offset + hit.length) if hit.figure_id is None and hit.offset is not None else None
            self._go(hit.node, hit.figure_id, highlight)
            if hit.figure_id is not None:
                self._draw(self.nav.jump_to_figure(hit.figure_id))
            self.action_focus_pane("content")

        self.app.push_screen(SearchScreen(self.session), chosen)

    def action_toggle_scope(self) -> None:
        self.nav.toggle_scope()
        self._refresh_list()

    def action_cycle_severity(self) -> None:
        self.nav.cycle_severity()
        self._refresh_list()

    def action_cycle_rule(self) -> None:
        self.nav.cycle_rule()
        self._refresh_list()

    def action_cycle_status(self) -> None:
        self.nav.cycle_status()
        self._refresh_list()

    def action_pane(self, step: int) -> None:
        panes = self._panes()
        focused = next((i for i, p in enumerate(panes) if self.focused is not None and (self.focused is p or p in self.focused.ancestors)), 0)
        panes[(focused + step) % len(panes)].focus()

    def action_focus_pane(self, name: str) -> None:
        self._panes()[PANES.index(name)].focus()

    def action_toggle_page(self) -> None:
        """Show or hide the printed page of the current finding beside the extraction."""
        if self._nav is None:  # nothing loaded yet
            return
        page = self.page_view
        shown = not self.has_class("-page")
        if shown and self.doc_tree.has_focus:
            self.action_focus_pane("content")  # the tree makes room for the page
        self.set_class(shown, "-page")
        page.display = shown
        if shown:
            nav = self.nav
            entry = nav.target_entry()
            page.follow(self.review, entry, None if entry is not None else nav.detail_figure)
            page.wake()
        self.refresh_bindings()

    def action_page(self, what: str) -> None:
        """Zoom or turn the page view: ``zoom_in``, ``zoom_out``, ``next_page``, ``previous_page``."""
        getattr(self.page_view, what)()


def _set_border(pane: Widget, title: str, subtitle: str) -> None:
    """Set a pane's border texts when they change: Textual redraws the whole pane for every set,
    a frame's worth of lines on each key that stays in one section."""
    shown = getattr(pane, "_shown_border", None)  # (what was set, what the pane then held)
    if shown is not None and shown == ((title, subtitle), (pane.border_title, pane.border_subtitle)):
        return  # unchanged, and nothing else (a language switch) set them meanwhile
    pane.border_title, pane.border_subtitle = title, subtitle
    pane._shown_border = ((title, subtitle), (pane.border_title, pane.border_subtitle))  # type: ignore[attr-defined]


def _graphics_setting(options) -> str:
    ui = getattr(options.config, "ui", None)
    return getattr(ui, "graphics", "auto")
