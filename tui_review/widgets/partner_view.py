"""The split view's second pane: the partner document's place of a cross finding, beside the extraction.

A cross finding (``cross.*``) compares a figure of the document under review with one of its
partner (the same year's 预算, last year's document, the tables file of a text file). ``c`` on
such a finding shows the partner here, in place of the document tree: the table holding the
partner's figure with that cell boxed and its row in view, or the prose around it with the figure
picked out. The title names the partner file, its page and table. Every text from the document
goes through `tui_review.terminal.printable`.
"""

from __future__ import annotations

from pathlib import PurePath

from rich.cells import cell_len
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from parsers.model import Document, Figure, Table
from tui_review.i18n import tr
from tui_review.terminal import printable

LABEL_CELLS = 18  # the row-name column, cut to this many cells
VALUE_CELLS = 12  # every other column
PROSE_CONTEXT = 240  # characters shown either side of a prose figure


class PartnerView(VerticalScroll, can_focus=True):
    SCOPED_CSS = False
    DEFAULT_CSS = """
    MainScreen #partner { display: none; padding: 0 1; }
    MainScreen.-partner #tree { display: none; }
    MainScreen.-partner #partner { display: block; }
    MainScreen.-partner.-wide #panes { grid-columns: 3fr 4fr 3fr; }
    MainScreen.-partner.-wide #partner { row-span: 2; column-span: 1; }
    MainScreen.-page #partner { display: none; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.figure: Figure | None = None
        self.partner: str = ""
        self.focus_line = 0  # the line of the figure, scrolled into view

    def compose(self):
        yield Static("", id="partner-body", markup=False)

    def show(self, doc: Document, figure_id: str) -> bool:
        """Show ``figure_id`` of ``doc``; False when the document has no such figure."""
        figure = next((f for f in doc.figures if f.id == figure_id), None)
        if figure is None:
            return False
        self.figure, self.partner = figure, PurePath(doc.path).name
        table = doc.table(figure.cell.table_id) if figure.cell is not None else None
        body, line, where = (_table_body(table, figure) if table is not None else _prose_body(doc, figure))
        page = tr("partner.page", page=figure.page) if figure.page is not None else ""
        self.border_title = printable(f"⇄ {self.partner} {page} {where}".rstrip(), one_line=True)
        self.border_subtitle = tr("partner.hint")
        self.query_one("#partner-body", Static).update(body)
        self.focus_line = line
        self.call_after_refresh(self._reveal)
        return True

    def _reveal(self) -> None:
        self.scroll_to(y=max(0, self.focus_line - self.size.height // 2), animate=False)


def _fit(text: str, cells: int) -> str:
    """``text`` cut (with …) or padded to exactly ``cells`` terminal cells."""
    text = printable(text, one_line=True)
    if cell_len(text) > cells:
        out = ""
        for ch in text:
            if cell_len(out + ch) > cells - 1:
                break
            out += ch
        text = out + "…"
    return text + " " * (cells - cell_len(text))


def _table_body(table: Table, figure: Figure) -> tuple[Text, int, str]:
    """Every row of the table, one line each, the figure's cell boxed; the line of its row."""
    assert figure.cell is not None
    row_at, col_at = figure.cell.row, figure.cell.col
    text = Text()
    header = [_fit(name.split(" › ")[-1], LABEL_CELLS if i == 0 else VALUE_CELLS) for i, name in enumerate(table.columns)]
    text.append(" ".join(header) + "\n", style="bold")
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            width = LABEL_CELLS if c == 0 else VALUE_CELLS
            here = (r, c) == (row_at, col_at)
            shown = _fit(f"[{cell}]" if here else cell, width)
            style = "bold reverse" if here else "bold" if r == row_at else ""
            text.append(shown, style=style)
            text.append(" ")
        text.append("\n")
    column = table.columns[col_at] if col_at < len(table.columns) else ""
    return text, row_at + 1, f"{table.title} · {column}".strip(" ·")


def _prose_body(doc: Document, figure: Figure) -> tuple[Text, int, str]:
    """The prose around the figure, the figure picked out; its line."""
    start, end = figure.start or 0, figure.end or (figure.start or 0) + len(figure.text)
    before = doc.text[max(0, start - PROSE_CONTEXT):start]
    after = doc.text[end:end + PROSE_CONTEXT]
    text = Text(printable(before))
    text.append(printable(doc.text[start:end]), style="bold reverse")
    text.append(printable(after))
    return text, before.count("\n"), doc.section_label(figure.section_id)
