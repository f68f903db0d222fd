"""The help screen, generated from the live bindings (so it shows the keys of the user's keymap):
first the review screen's keys (n, a, s, …: what a reviewer looks for), then the app's, then the
focused pane's, then the other panes'."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable

from tui_review.i18n import tr
from tui_review.keymap import describe, scope_label
from tui_review.screens.dialog import Dialog


@dataclass(frozen=True, slots=True)
class HelpRow:
    keys: str
    description: str
    where: str


def help_rows(screen: Screen, panes: list[Widget], keymap: dict[str, str]) -> list[HelpRow]:
    """Rows for every binding reachable on ``screen``: the focus chain's live bindings (the screen's,
    the app's, then the focused pane's), then the bindings of ``panes`` outside the focus chain
    (their keys taken through ``keymap``)."""
    app = screen.app
    grouped: dict[tuple[int, str], tuple[Widget, list[str], str]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        ident = (id(active.node), binding.id or binding.action)
        node, keys, description = grouped.setdefault(
            ident, (active.node, [], describe(binding) or binding.action)
        )
        keys.append(app.get_key_display(Binding(key, binding.action)))
    ranked = []
    for node, keys, description in grouped.values():
        if node is app:
            rank, where = 1, scope_label("app")
        elif node is screen:
            rank, where = 0, scope_label("main")
        else:
            rank, where = 2, f"{tr('help.focused')}: {pane_name(node)}"
        ranked.append((rank, HelpRow(" ".join(dict.fromkeys(keys)), description, where)))
    rows = [row for _, row in sorted(ranked, key=lambda pair: pair[0])]  # stable: binding order kept
    chain = {id(n) for n, _, _ in grouped.values()}
    for pane in panes:
        if id(pane) in chain:
            continue
        for binding in pane.BINDINGS:
            keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
            shown = " ".join(app.get_key_display(Binding(k.strip(), binding.action)) for k in keys.split(","))
            rows.append(HelpRow(shown, describe(binding), f"{tr('help.other')}: {pane_name(pane)}"))
    return rows


def pane_name(node: Widget) -> str:
    """The pane's title as its border shows it (a pane inside another, such as the text inside the
    content switcher, goes by its container's title); never a class name."""
    for widget in (node, *node.ancestors_with_self):
        title = getattr(widget, "border_title", None)
        if title:
            return str(title)
    return tr("help.pane")


class HelpScreen(Dialog[None]):
    SIZE = "-wide -tall"

    def __init__(self, rows: list[HelpRow]) -> None:
        super().__init__(tr("help.title"), tr("help.hint"))
        self.rows = rows

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one("#help-table", DataTable)
        table.add_columns(tr("help.key"), tr("help.action"), tr("help.where"))
        for row in self.rows:
            table.add_row(row.keys, row.description, row.where)
        table.focus()

