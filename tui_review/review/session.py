"""A checked document under review, as the pure view the TUI and the export share.

`ReviewSession` joins a `Document`, its findings and the `ReviewStore` and answers everything the
screens ask without doing any arithmetic of its own: the mark of each figure (failing, warning,
verified, unchecked), badge counts per tree node, the review entries (findings, the reviewer's own
findings, notes kept from an earlier version) in document order with filters and scope, the
counterparts of a figure, next/previous finding, and search by text or by value. A row of the
list and of the sheet is an `Entry` (``entry``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Callable, Iterable

from parsers.model import Document, Figure, Section, Severity
from tui_review.contracts.finding import Finding, Judgement, ReviewStatus, Verdict
from tui_review.contracts.place import Place
from tui_review.review.entry import Entry, NodeRef
from tui_review.review.groups import GROUP_KIND, group_entry, groups_of, members_after_their_group
from tui_review.review.search import LIMIT, SearchHit, search
from tui_review.review.store import OWN_RULE, OwnFinding, Review, ReviewStore

# Figure marks, worst first. "" is a figure no relation checked. INVOLVED: an operand of a failing
# relation whose most likely wrong figure (its group's suspect) is another one.
ERROR, WARNING, INVOLVED, OK, UNCHECKED = "error", "warning", "involved", "ok", ""
_RANK = {ERROR: 4, WARNING: 3, INVOLVED: 2, OK: 1, UNCHECKED: 0}
OWN_SEVERITY = Severity.WARNING  # a reviewer's own finding is a human judgement, not an arithmetic proof


@dataclass(frozen=True, slots=True)
class Filters:
    severity: str = ""  # "" = any
    rule: str = ""
    status: str = ""
    scope: NodeRef | None = None  # None = the whole document


def tables_of(doc: Document, section_id: str, section: Section | None = None) -> list[str]:
    """Ids of the tables printed in a section (not its subsections), in document order."""
    section = section or doc.section(section_id)
    ids = list(section.table_ids) if section else []
    ids += [t.id for t in doc.tables if t.section_id == section_id and t.id not in ids]
    return ids


def has_cover(doc: Document) -> bool:
    """True when text comes before the first heading (title page, contents)."""
    first = doc.root.children[0].start if doc.root.children else len(doc.text)
    return bool(doc.text[:first].strip())


class ReviewSession:
    """See the module docstring. Call ``refresh()`` after the store changes."""

    def __init__(self, doc: Document, findings: Iterable[Finding], store: ReviewStore) -> None:
        self.doc = doc
        self.store = store
        self.findings = list(findings)
        self.figures: dict[str, Figure] = {f.id: f for f in doc.figures}
        self._sections = doc.sections()
        self._section_index = {sec.id: sec for sec in doc.root.walk()}
        self._labels: dict[str, str] = {}
        self._section_order = {s.id: i for i, s in enumerate(self._sections)}
        self._section_starts = [s.start for s in self._sections]
        self._by_start = {f.start: f.id for f in doc.figures if f.cell is None and f.start is not None}
        self._by_cell = {(f.cell.table_id, f.cell.row, f.cell.col): f.id for f in doc.figures if f.cell is not None}
        self._figure_ids_of = {f.finding_id: self._figure_ids(f) for f in self.findings}
        self._by_figure: dict[str, list[Finding]] = {}
        for finding in self.findings:
            for fid in self._figure_ids_of[finding.finding_id]:
                self._by_figure.setdefault(fid, []).append(finding)
        self._states = {fid: self._state_of(fid) for fid in self._by_figure}
        self._cells: dict[str, dict[tuple[int, int], Figure]] = {}
        self._prose: dict[str, list[Figure]] = {}
        for fig in doc.figures:
            if fig.cell is not None:
                self._cells.setdefault(fig.cell.table_id, {})[(fig.cell.row, fig.cell.col)] = fig
            elif fig.start is not None:
                self._prose.setdefault(fig.section_id, []).append(fig)
        for figs in self._prose.values():
            figs.sort(key=lambda f: f.start or 0)
        self._engine_order = {f.finding_id: i for i, f in enumerate(self.findings)}
        self._table_order = {t.id: i for i, t in enumerate(doc.tables)}
        self.entries: list[Entry] = []
        self.expanded: set[str] = set()  # group entries showing their members
        self.refresh()

    # ── figures ──────────────────────────────────────────────────────────────────────────────────

    def _figure_ids(self, finding: Finding) -> tuple[str, ...]:
        """The figures a finding touches; for a parser's finding, which names only its place (a
        cell or an offset in the text), the figure printed there."""
        if finding.figure_ids:
            return tuple(finding.figure_ids)
        place = finding.place
        located = None
        if place.table_id and place.row is not None and place.column is not None:
            located = self._by_cell.get((place.table_id, place.row, place.column))
        elif place.offset is not None and not place.table_id:
            located = self._by_start.get(place.offset)
        return (located,) if located else ()

    def _state_of(self, figure_id: str) -> str:
        state = UNCHECKED
        for finding in self._by_figure.get(figure_id, ()):
            if not finding.failed:
                mark = OK
            elif finding.severity in ("error", "warning") and _suspected_elsewhere(finding, figure_id):
                mark = INVOLVED
            elif finding.severity == "error":
                mark = ERROR
            elif finding.severity == "warning":
                mark = WARNING
            else:
                continue  # an engine's note (info) is no verdict on the figure
            if _RANK[mark] > _RANK[state]:
                state = mark
        return state

    def figure_state(self, figure_id: str) -> str:
        return self._states.get(figure_id, UNCHECKED)

    def findings_of_figure(self, figure_id: str) -> list[Finding]:
        """Findings that touch a figure, failing ones first."""
        found = self._by_figure.get(figure_id, [])
        return sorted(found, key=lambda f: (not f.failed, f.severity != "error"))

    def own_marked(self) -> set[str]:
        """Targets (figure, section and table ids) the reviewer marked."""
        return {o.target_id for o in self.store.own_findings() if o.attached}

    def counterparts(self, figure_id: str) -> list[Figure]:
        """Other figures the checks tied to ``figure_id``: the cell a prose figure reports, the other
        statements of a repeated figure, the parts of a total. Figures in failing findings first."""
        seen: dict[str, Figure] = {}
        for finding in self.findings_of_figure(figure_id):
            for fid in self._figure_ids_of.get(finding.finding_id, finding.figure_ids):
                if fid != figure_id and fid not in seen and fid in self.figures:
                    seen[fid] = self.figures[fid]
        return list(seen.values())

    def prose_figures(self, section_id: str) -> list[Figure]:
        """Prose figures printed in a section's own text, in reading order."""
        start, end = self.own_range(section_id)
        return [f for f in self._prose.get(section_id, []) if start <= (f.start or 0) < end]

    def cell_figures(self, table_id: str) -> dict[tuple[int, int], Figure]:
        return self._cells.get(table_id, {})

    def figure_place(self, figure: Figure) -> str:
        """Where a figure is printed: section (or table and cell, with its column) and page."""
        page = f"p.{figure.page} " if figure.page is not None else ""
        if figure.cell is not None:
            table = self.doc.table(figure.cell.table_id)
            title = table.title if table is not None and table.title else figure.cell.table_id
            column = f" {figure.column}" if figure.column else ""
            return f"{page}{title} {figure.cell.label()}{column}"
        return f"{page}{self.label(figure.section_id)} @{figure.start}"

    def node_of_figure(self, figure: Figure) -> NodeRef:
        if figure.cell is not None:
            return NodeRef("table", figure.cell.table_id)
        return NodeRef("section", figure.section_id)

    # ── sections ─────────────────────────────────────────────────────────────────────────────────

    def section(self, section_id: str) -> Section | None:
        return self._section_index.get(section_id)

    def label(self, section_id: str) -> str:
        """The section's path of headings (cached: the tree asks for it on every move)."""
        if section_id not in self._labels:
            self._labels[section_id] = self.doc.section_label(section_id)
        return self._labels[section_id]

    def own_range(self, section_id: str) -> tuple[int, int]:
        """The part of a section's text before its first subsection (its children show their own)."""
        section = self.section(section_id)
        if section is None:
            return (0, 0)
        end = section.children[0].start if section.children else section.end
        return (section.start, max(section.start, end))

    def section_at(self, offset: int) -> Section | None:
        i = bisect.bisect_right(self._section_starts, offset) - 1
        return self._sections[i] if i >= 0 else None

    # ── review entries ───────────────────────────────────────────────────────────────────────────

    def refresh(self) -> None:
        """Rebuild the entries from the findings and the store (after any review change); each
        suspect group is one entry, its member findings right after it."""
        entries = [self._finding_entry(f) for f in self.findings if f.failed]
        entries += [group_entry(self, members) for members in groups_of(entries).values()]
        entries += [self._own_entry(o) for o in self.store.own_findings()]
        entries.sort(key=lambda e: (e.severity == "info", self._position(e)))  # the engine's notes last
        entries = members_after_their_group(entries)
        current = {f.finding_id for f in self.findings}
        entries += [self._orphan_entry(r) for r in self.store.orphans() if r.finding_id not in current]
        self.entries = entries
        self._entry_index = {e.key: e for e in entries}

    def entry(self, key: str) -> Entry | None:
        return self._entry_index.get(key)

    def toggle_group(self, key: str) -> bool:
        """Show or hide a group entry's members in `filtered`; whether ``key`` is a group."""
        entry = self._entry_index.get(key)
        if entry is None or entry.kind != GROUP_KIND:
            return False
        self.expanded ^= {key}
        return True

    def members(self, key: str) -> list[Entry]:
        """A group entry's member entries (none for any other key)."""
        entry = self._entry_index.get(key)
        return [self._entry_index[m] for m in entry.members if m in self._entry_index] if entry else []

    def entry_for_finding(self, finding: Finding) -> Entry:
        return self._entry_index.get(finding.finding_id) or self._finding_entry(finding)

    def _finding_entry(self, f: Finding) -> Entry:
        review = self.store.review(f.finding_id)
        judgement = Judgement(review.status, review.note) if review else Judgement()
        return Entry(
            record=f,
            kind="finding",
            judgement=judgement,
            node=self._home(f),
            figure_ids=self._figure_ids_of.get(f.finding_id) or self._figure_ids(f),
            finding=f,
            review=review,
        )

    def _own_entry(self, own: OwnFinding) -> Entry:
        fig = self.figures.get(own.target_id) if own.kind == "figure" and own.attached else None
        if own.kind == "figure":
            node = self.node_of_figure(fig) if fig else None
            figure_ids: tuple[str, ...] = (own.target_id,) if fig else ()
        else:
            node = NodeRef(own.kind, own.target_id) if own.attached else None
            figure_ids = ()
        record = Finding(
            finding_id=own.finding_id,
            document=self.document_name,
            rule=OWN_RULE,
            severity=OWN_SEVERITY,
            verdict=Verdict.MARKED,
            section=own.section,
            section_id=own.section_id,
            place=self._own_place(own, fig),
            stated=own.text,
            expected="",
            message_zh="审核人员标记的问题",
            message_en="Marked by the reviewer",
        )
        return Entry(record, "own", Judgement(ReviewStatus(own.status), own.note), node, figure_ids, own=own)

    def _own_place(self, own: OwnFinding, fig: Figure | None) -> Place:
        if fig is not None:
            return Place.of_figure(fig, self.doc)
        if own.kind == "table" and own.attached:
            return Place.of_table(own.target_id, self.doc, own.page)
        if own.kind == "section" and own.attached:
            section = self.section(own.target_id)
            return Place(page=own.page, heading=section.heading if section else "")
        return Place(page=own.page, area=own.location)  # no longer in the document: as it was shown

    def _orphan_entry(self, review: Review) -> Entry:
        kept = review.snapshot
        record = replace(
            kept,
            document=self.document_name,
            message_zh=f"{kept.message_zh}（文档已更改，此批注未能重新关联）",
            message_en=f"{kept.message_en} (the document changed; this note could not be re-attached)",
        )
        return Entry(record, "orphan", Judgement(review.status, review.note), None, review=review)

    @property
    def document_name(self) -> str:
        return PurePath(self.doc.path).name

    def _primary_figure(self, f: Finding) -> Figure | None:
        stated = [e.figure_id for e in f.evidence if e.coeff == 0]
        for fid in stated + list(self._figure_ids_of.get(f.finding_id, f.figure_ids)):
            if fid in self.figures:
                return self.figures[fid]
        return None

    def _home(self, f: Finding) -> NodeRef:
        fig = self._primary_figure(f)
        if fig is not None:
            return self.node_of_figure(fig)
        table_id = f.place.table_id
        if table_id and self.doc.table(table_id) is not None:
            return NodeRef("table", table_id)
        return NodeRef("section", f.section_id)

    def _position(self, entry: Entry) -> tuple:
        """Where an entry stands in the document: page, offset (a table's own, or its section's
        when the parser gave none), table order, row, column; ties keep the engine's order."""
        figs = [self.figures[fid] for fid in entry.figure_ids if fid in self.figures]
        if entry.finding is not None:
            primary = self._primary_figure(entry.finding)
            figs = [primary] if primary is not None else figs
        order = (self._engine_order.get(entry.key, len(self._engine_order)), entry.key)
        if figs:
            fig = figs[0]
            if fig.cell is not None:
                return (fig.page or 0, *self._table_position(fig.cell.table_id, fig.section_id), fig.cell.row, fig.cell.col, *order)
            return (fig.page or 0, fig.start or 0, -1, 0, 0, *order)
        table_id = entry.location.split("[")[0]
        if self.doc.table(table_id) is not None:
            return (entry.page or 0, *self._table_position(table_id, entry.section_id), 0, 0, *order)
        return (entry.page or 0, self._section_start(entry.section_id), -1, 0, 0, *order)

    def _table_position(self, table_id: str, section_id: str) -> tuple[int, int]:
        table = self.doc.table(table_id)
        base = table.start if table is not None and table.start is not None else self._section_start(section_id)
        return (base, self._table_order.get(table_id, 0))

    def _section_start(self, section_id: str) -> int:
        section = self.section(section_id)
        return section.start if section else 0

    def text_span(self, entry: Entry) -> tuple[int, int] | None:
        """Where an entry without a figure points in the text (a malformed number at ``@offset``)."""
        place = entry.place
        if entry.figure_ids or place.offset is None or place.table_id:
            return None
        start = place.offset
        printed = entry.stated if self.doc.text.startswith(entry.stated, start) else ""
        return (start, start + max(1, len(printed)))

    def rules(self) -> list[str]:
        return sorted({e.rule for e in self.entries})

    def filtered(self, filters: Filters) -> list[Entry]:
        out = []
        scope_ids = self._scope_ids(filters.scope)
        for e in self.entries:
            if filters.severity and e.severity != filters.severity:
                continue
            if filters.rule and e.rule != filters.rule:
                continue
            if filters.status and e.status != filters.status:
                continue
            if scope_ids is not None and (e.node is None or e.node not in scope_ids):
                continue
            if e.group and e.kind != GROUP_KIND and e.group not in self.expanded and e.group in self._entry_index:
                continue  # a member of a folded group
            out.append(e)
        return out

    def _scope_ids(self, scope: NodeRef | None) -> set[NodeRef] | None:
        if scope is None:
            return None
        if scope.kind == "table":
            return {scope}
        section = self.section(scope.id)
        if section is None:
            return {scope}
        nodes = set()
        for s in section.walk():
            nodes.add(NodeRef("section", s.id))
            nodes.update(NodeRef("table", t) for t in s.table_ids)
        nodes.update(NodeRef("table", t.id) for t in self.doc.tables if t.section_id in {s.id for s in section.walk()})
        return nodes

    def step(self, entries: list[Entry], current: str | None, direction: int) -> Entry | None:
        """The entry after (direction 1) or before (−1) ``current`` in ``entries``, wrapping round."""
        if not entries:
            return None
        keys = [e.key for e in entries]
        if current not in keys:
            return entries[0] if direction > 0 else entries[-1]
        return entries[(keys.index(current) + direction) % len(entries)]

    def badges(self) -> dict[NodeRef, tuple[int, int]]:
        """Open problems per tree node, (errors, warnings), a section counting its whole subtree.

        Only entries still 待核 (open) count: a status of any kind (确认问题, 误报, 需补充说明) is
        the reviewer's decision, and the badge counts what is left to decide; a suspect group counts
        once, where its suspect stands, not once per member."""
        own: dict[NodeRef, list[int]] = {}
        for e in self.entries:
            if e.node is None or e.status != "open" or e.severity not in ("error", "warning"):
                continue
            if e.group and e.kind != GROUP_KIND:
                continue
            counts = own.setdefault(e.node, [0, 0])
            counts[0 if e.severity == "error" else 1] += 1
        totals: dict[NodeRef, tuple[int, int]] = {}

        def visit(section: Section) -> tuple[int, int]:
            errors, warnings = own.get(NodeRef("section", section.id), (0, 0))
            for table in self.tables_of(section.id):
                e, w = own.get(NodeRef("table", table), (0, 0))
                totals[NodeRef("table", table)] = (e, w)
                errors, warnings = errors + e, warnings + w
            for child in section.children:
                e, w = visit(child)
                errors, warnings = errors + e, warnings + w
            totals[NodeRef("section", section.id)] = (errors, warnings)
            return errors, warnings

        visit(self.doc.root)
        root = NodeRef("section", self.doc.root.id)
        errors, warnings = own.get(root, (0, 0))
        totals[root] = (errors, warnings)  # the root's node is the cover: its own text only
        return totals

    def counts(self) -> dict[str, int]:
        """Failing findings by severity and relations verified, as ``check`` counts them."""
        failing = [f for f in self.findings if f.failed]
        return {
            "errors": sum(f.severity == "error" for f in failing),
            "warnings": sum(f.severity == "warning" for f in failing),
            "notes": sum(f.severity == "info" for f in failing),
            "verified": sum(not f.failed for f in self.findings),
        }

    def progress(self) -> tuple[int, int]:
        """(reviewed, total): problems (errors, warnings, own findings) with a status other than 待核."""
        problems = [e for e in self.entries if e.severity != "info"]
        return sum(e.status != "open" for e in problems), len(problems)

    def tables_of(self, section_id: str) -> list[str]:
        return tables_of(self.doc, section_id, self.section(section_id))

    # ── search ───────────────────────────────────────────────────────────────────────────────────

    def search(self, query: str, limit: int = LIMIT, cancelled: Callable[[], bool] | None = None) -> list[SearchHit]:
        """See `tui_review.review.search.search`."""
        return search(self, query, limit, cancelled)


def _suspected_elsewhere(finding: Finding, figure_id: str) -> bool:
    """Whether ``finding``'s group names a suspect and ``figure_id`` is not it (nor a tie of it)."""
    suspect = finding.suspect
    if suspect is None or not suspect.options:
        return False
    return all(f.figure_id != figure_id for option in suspect.options for f in option)
