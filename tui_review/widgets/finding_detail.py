"""The detail of the selected finding or figure: the arithmetic (stated vs expected), each evidence
figure with its place, the counterparts to jump to, and the reviewer's note.

A `StripView`: the detail is rendered to lines once per selection and width, so following the
findings cursor costs one layout.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from tui_review.i18n import get_lang, rule_title, severity_label, status_label, tr
from tui_review.review.session import Entry, ReviewSession
from tui_review.terminal import printable
from tui_review.widgets.marks import OWN_GLYPH, SEVERITY_GLYPHS, marked, severity_style
from tui_review.widgets.strip_view import StripView
from tui_review.widgets.wrap import wrap


class FindingDetail(StripView):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, placeholder=_empty())
        self._shown: tuple | None = None  # the last show_* call, redone when the width changes

    def clear(self) -> None:
        self._shown = None
        self.set_strips([], self.content_width(), _empty())
        self.scroll_home(animate=False)

    def show_entry(self, session: ReviewSession, entry: Entry, figure_id: str | None = None) -> None:
        """A finding (or the reviewer's own finding, or a kept note); ``figure_id`` picks the counterparts."""
        self._shown = (self.show_entry, session, entry, figure_id)
        lang = get_lang()
        # what a reviewer decides on comes first (a short pane, 80×24, shows it all): the
        # arithmetic, the stated and expected values and the note; then the rule and the place
        parts: list[RenderableType] = [self._title(entry), wrap(Text(printable(entry.message(lang))), self.content_width())]
        values = _grid()
        if entry.stated:
            values.add_row(tr("detail.stated"), printable(entry.stated))
        if entry.expected:
            values.add_row(tr("detail.expected"), printable(entry.expected))
        parts.append(values)
        parts += self._note(entry.note)
        facts = _grid()
        facts.add_row(tr("detail.rule"), rule_title(entry.rule))
        facts.add_row(tr("detail.where"), printable(" ".join(p for p in (entry.section, entry.location) if p)))
        parts.append(facts)
        if entry.finding is not None and entry.finding.evidence:
            parts += [Text(tr("detail.evidence"), style="bold"), self._evidence(session, entry)]
        if entry.kind == "orphan":
            parts.append(Text(tr("detail.kept"), style="italic"))
        if members := session.members(entry.key):  # a suspect group: the relations it explains
            parts.append(Text(tr("detail.group.members"), style="bold"))
            parts += [wrap(Text(printable(f"{SEVERITY_GLYPHS.get(m.severity, '·')} {rule_title(m.rule)}：{m.message(lang)}")),
                           self.content_width()) for m in members]
        focus = figure_id or next(iter(entry.figure_ids), None)
        if focus is not None and focus in session.figures:
            parts += self._counterparts(session, focus)
        self._update(parts)

    def show_figure(self, session: ReviewSession, figure_id: str) -> None:
        """A figure no failing finding covers: what it is, which relations checked it, its counterparts."""
        self._shown = (self.show_figure, session, figure_id)
        fig = session.figures[figure_id]
        state = session.figure_state(figure_id)
        title = Text(tr("detail.figure", text="")).append_text(marked(self.app, fig.text, state))
        facts = _grid()
        facts.add_row(tr("detail.where"), printable(session.figure_place(fig)))
        facts.add_row(tr("detail.evidence.subject"), printable(" ".join(p for p in (fig.subject, fig.unit or "") if p)))
        parts: list[RenderableType] = [title, facts]
        checked = session.findings_of_figure(figure_id)
        if not checked:
            parts.append(Text(tr("detail.figure.unchecked"), style="dim"))
        for finding in checked:
            glyph = SEVERITY_GLYPHS.get(finding.severity, "·") if finding.failed else "✓"
            parts.append(Text(printable(f"{glyph} {rule_title(finding.rule)}：{finding.message(get_lang())}")))
        parts += self._counterparts(session, figure_id)
        self._update(parts)

    def _title(self, entry: Entry) -> Text:
        glyph = OWN_GLYPH if entry.kind == "own" else SEVERITY_GLYPHS.get(entry.severity, "·")
        title = Text(f"{glyph} {severity_label(entry.severity)}", style=severity_style(self.app, entry.severity))
        title.append(f"  {tr('detail.status')}: {status_label(entry.status)}", style="bold")
        if entry.kind != "finding":
            title.append(f"  ({tr('kind.' + entry.kind)})", style="italic")
        return title

    def _evidence(self, session: ReviewSession, entry: Entry) -> Table:
        table = Table(box=None, padding=(0, 1), show_edge=False, expand=True)
        for key in ("detail.evidence.sign", "detail.evidence.figure", "detail.evidence.subject", "detail.evidence.place"):
            table.add_column(tr(key), overflow="fold")
        for ev in entry.finding.evidence:
            sign = "=" if ev.coeff == 0 else ("+" if ev.coeff > 0 else "−")
            fig = session.figures.get(ev.figure_id)
            shown = marked(self.app, ev.text, session.figure_state(ev.figure_id)) if fig else Text(ev.text)
            place = session.figure_place(fig) if fig else " ".join(p for p in (ev.section, ev.location) if p)
            table.add_row(sign, shown, printable(" ".join(p for p in (ev.subject, ev.unit or "") if p)), printable(place))
        return table

    def _counterparts(self, session: ReviewSession, figure_id: str) -> list[RenderableType]:
        others = session.counterparts(figure_id)
        if not others:
            return []
        lines = Text()
        for fig in others:
            lines.append("→ ").append_text(marked(self.app, fig.text, session.figure_state(fig.id)))
            lines.append(f"  {printable(session.figure_place(fig), one_line=True)}\n", style="dim")
        lines.rstrip()
        return [Text(tr("detail.counterparts"), style="bold"), lines]

    def _note(self, note: str) -> list[RenderableType]:
        if not note:
            return [Text.assemble((tr("detail.note"), "bold"), " ", (tr("detail.no_note"), "dim"))]
        return [Text(tr("detail.note"), style="bold"), wrap(Text(printable(note)), self.content_width())]

    def on_resize(self) -> None:
        if self._shown is not None and self.content_width() != self._width:
            method, *args = self._shown
            method(*args)

    def _update(self, parts: list[RenderableType]) -> None:
        width = self.content_width()
        self.set_strips(self.render_strips(Group(*parts), width), width)
        self.scroll_home(animate=False)


def _empty() -> Text:
    return Text(tr("empty.detail"), style="dim")


def _grid() -> Table:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    return grid
