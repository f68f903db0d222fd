"""Where the reviewer is in a review, as plain Python: the review screen's navigation model.

It holds the cursor (the node on show, the figure under the content cursor, the entry selected),
what the detail pane shows (the entry every review action applies to), the history that ``b``
goes back through, the list filters and scope, and the cycling through a figure's counterparts.
Each move returns what the view must show (a `Selection`); `MainScreen` draws it. Nothing here
imports Textual, so navigation is unit-tested without an app (``tests/tui/test_navigation.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from tui_review.review.session import Entry, Filters, NodeRef, ReviewSession, has_cover
from tui_review.review.store import STATUSES

SEVERITIES = ("", "error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Place:
    """A position to come back to: the node, the figure under the cursor and the entry shown."""

    node: NodeRef
    figure_id: str | None
    entry_key: str | None


@dataclass(frozen=True, slots=True)
class Selection:
    """What the view must show after a move. ``node`` None: the content pane stays where it is."""

    entry: Entry | None
    figure_id: str | None
    node: NodeRef | None = None
    highlight: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Step:
    """The result of ``n``/``N``: the entry reached, and whether the walk wrapped round to get there."""

    selection: Selection | None
    wrapped: bool = False


@dataclass(frozen=True, slots=True)
class MarkTarget:
    """What ``m`` marks: a figure, a table or a section, with the words and place a sheet shows."""

    kind: str  # figure | table | section
    target_id: str
    text: str
    section_id: str
    page: int | None
    location: str


@dataclass
class Navigator:
    session: ReviewSession
    node: NodeRef | None = None
    figure_id: str | None = None  # the figure under the content cursor
    entry_key: str | None = None  # the entry selected in the list
    detail_key: str | None = None  # the entry the detail pane shows: what s, a and m act on
    detail_figure: str | None = None  # the figure the detail pane shows (alone when detail_key is None)
    filters: Filters = field(default_factory=Filters)
    follow_scope: bool = False  # False: the whole document; True: the selected tree node
    history: list[Place] = field(default_factory=list)
    counterpart_cycle: tuple[str, int] | None = None  # (origin figure, index of the last jump)

    # ── the start ────────────────────────────────────────────────────────────────────────────────

    def first_node(self) -> NodeRef | None:
        """The cover when text comes before the first heading, else the first section."""
        doc = self.session.doc
        if has_cover(doc):
            return NodeRef("section", doc.root.id)
        return NodeRef("section", doc.root.children[0].id) if doc.root.children else None

    # ── moves ────────────────────────────────────────────────────────────────────────────────────

    def show_node(self, ref: NodeRef, figure_id: str | None = None) -> bool:
        """The content pane shows ``ref``; True when the list's scope followed it."""
        self.node = ref
        self.figure_id = figure_id
        if self.follow_scope:
            self.filters = replace(self.filters, scope=ref)
            return True
        return False

    def stated_figure(self, entry: Entry) -> str | None:
        """The figure an entry is about: the one its finding states, else its first figure."""
        figures = self.session.figures
        if entry.finding is not None:
            for ev in entry.finding.evidence:
                if ev.coeff == 0 and ev.figure_id in figures:
                    return ev.figure_id
        return next((f for f in entry.figure_ids if f in figures), None)

    def select_entry(self, entry: Entry, *, move_content: bool = True, figure: str | None = None) -> Selection:
        """Select ``entry``; ``figure``: the figure of it under the content cursor (default: the
        figure it states). ``move_content``: the content pane goes to the entry's place."""
        figure = figure if figure is not None else self.stated_figure(entry)
        self.entry_key = entry.key
        self.figure_id = figure
        self.show_detail(entry, figure)
        if move_content and entry.node is not None:
            return Selection(entry, figure, entry.node, self.session.text_span(entry))
        return Selection(entry, figure)

    def show_detail(self, entry: Entry | None, figure_id: str | None) -> None:
        self.detail_key = entry.key if entry is not None else None
        self.detail_figure = figure_id

    def entry_of_figure(self, figure_id: str) -> Entry | None:
        """The entry a figure opens: its first failing finding, else the reviewer's mark on it."""
        session = self.session
        for finding in session.findings_of_figure(figure_id):
            entry = session.entry(finding.finding_id) if finding.failed else None
            if entry is not None:
                return entry
        return next((e for e in session.entries if e.kind == "own" and figure_id in e.figure_ids), None)

    def figure_moved(self, figure_id: str | None) -> Selection | None:
        """The content cursor moved onto ``figure_id``: its entry, or the figure alone. None: no change."""
        if figure_id == self.figure_id:
            return None
        self.figure_id = figure_id
        if figure_id is None:
            return None
        entry = self.entry_of_figure(figure_id)
        if entry is not None:
            return self.select_entry(entry, move_content=False, figure=figure_id)
        self.show_detail(None, figure_id)
        return Selection(None, figure_id)

    def walk(self) -> list[Entry]:
        """The entries ``n``/``N`` go through: the list's filters over the whole document, the
        engine's notes (提示) only when the list is filtered to them."""
        everywhere = replace(self.filters, scope=None)
        entries = [e for e in self.session.filtered(everywhere) if e.node is not None]
        if self.filters.severity != "info":
            entries = [e for e in entries if e.severity != "info"]
        return entries

    def step(self, direction: int, entries: list[Entry] | None = None) -> Step:
        """The next (1) or previous (−1) entry of the walk after the selected one, wrapping round."""
        entries = self.walk() if entries is None else entries
        if not entries:
            return Step(None)
        keys = [e.key for e in entries]
        if self.entry_key not in keys:
            entry = entries[0] if direction > 0 else entries[-1]
            return Step(self.select_entry(entry))
        index = keys.index(self.entry_key) + direction
        return Step(self.select_entry(entries[index % len(entries)]), wrapped=not 0 <= index < len(entries))

    def next_unreviewed(self) -> Step:
        """The next entry of the walk still 待核 (open), after the selected one."""
        entries = [e for e in self.walk() if e.status == "open" or e.key == self.entry_key]
        if not any(e.status == "open" for e in entries):
            return Step(None)
        step = self.step(1, entries)
        if step.selection is not None and step.selection.entry is not None and step.selection.entry.status != "open":
            return self.step(1, [e for e in entries if e.status == "open"])
        return step

    # ── counterparts and history ─────────────────────────────────────────────────────────────────

    def here(self) -> Place | None:
        return Place(self.node, self.figure_id, self.detail_key) if self.node is not None else None

    def remember(self) -> None:
        place = self.here()
        if place is not None:
            self.history.append(place)

    def counterpart(self, current: str | None) -> str | None:
        """The figure ``c`` jumps to from ``current``; each further ``c`` goes to the next one of
        the same origin. None: ``current`` has no counterpart."""
        if current is None:
            return None
        if self.counterpart_cycle is not None:
            origin, index = self.counterpart_cycle
            others = self.session.counterparts(origin)
            if others and 0 <= index < len(others) and others[index].id == current:
                index = (index + 1) % len(others)
                self.counterpart_cycle = (origin, index)
                return others[index].id
        others = self.session.counterparts(current)
        if not others:
            return None
        self.remember()
        self.counterpart_cycle = (current, 0)
        return others[0].id

    def jump_to_figure(self, figure_id: str) -> Selection:
        """Go to a figure's place; the detail shows its entry (or the figure)."""
        figure = self.session.figures[figure_id]
        node = self.session.node_of_figure(figure)
        self.node = node
        self.figure_id = None
        selection = self.figure_moved(figure_id) or Selection(None, figure_id)
        return replace(selection, node=node)

    def back(self) -> Selection | None:
        """Return to the last remembered place with the entry that was shown there."""
        if not self.history:
            return None
        place = self.history.pop()
        self.counterpart_cycle = None
        self.node = place.node
        entry = self.session.entry(place.entry_key) if place.entry_key else None
        if entry is not None:
            return replace(self.select_entry(entry, move_content=False, figure=place.figure_id), node=place.node)
        self.figure_id = None
        selection = self.figure_moved(place.figure_id) if place.figure_id else None
        return replace(selection or Selection(None, place.figure_id), node=place.node)

    # ── what the review actions apply to ─────────────────────────────────────────────────────────

    def target_entry(self) -> Entry | None:
        """The entry ``s`` and ``a`` act on: always the one the detail pane shows."""
        return self.session.entry(self.detail_key) if self.detail_key else None

    def mark_target(self) -> MarkTarget | None:
        """What ``m`` marks: the figure the detail pane shows, else the node on show."""
        session = self.session
        figure = session.figures.get(self.detail_figure or "")
        if figure is not None:
            return MarkTarget("figure", figure.id, figure.text, figure.section_id, figure.page, figure.where())
        if self.node is None:
            return None
        if self.node.kind == "table":
            table = session.doc.table(self.node.id)
            if table is None:
                return MarkTarget("table", self.node.id, self.node.id, "", None, self.node.id)
            return MarkTarget("table", self.node.id, table.title, table.section_id, table.page, f"{self.node.id} {table.title}")
        section = session.section(self.node.id)
        heading = section.heading if section is not None and section.heading else ""
        return MarkTarget("section", self.node.id, heading, self.node.id, section.page if section else None, heading)

    # ── filters ──────────────────────────────────────────────────────────────────────────────────

    def toggle_scope(self) -> None:
        self.follow_scope = not self.follow_scope
        self.filters = replace(self.filters, scope=self.node if self.follow_scope else None)

    def cycle_severity(self) -> None:
        self.filters = replace(self.filters, severity=_next(SEVERITIES, self.filters.severity))

    def cycle_rule(self) -> None:
        self.filters = replace(self.filters, rule=_next(("", *self.session.rules()), self.filters.rule))

    def cycle_status(self) -> None:
        self.filters = replace(self.filters, status=_next(("", *STATUSES), self.filters.status))

    def shown(self) -> list[Entry]:
        return self.session.filtered(self.filters)


def _next(values: tuple[str, ...], current: str) -> str:
    return values[(values.index(current) + 1) % len(values)] if current in values else values[0]
