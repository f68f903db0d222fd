"""A table as a grid: the raw cells, each figure cell marked by colour and glyph like prose figures,
with a cell cursor that tells the screen which figure is under it. A multi-row header shows its
group names over their columns, and the code and name columns stay put when scrolling sideways."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from tui_review.keymap import bindings
from tui_review.messages import FigureHighlighted, FigureOpened
from tui_review.review.session import ReviewSession
from tui_review.widgets.marks import marked
from tui_review.terminal import printable


MAX_FIXED = 3  # at most this many leading columns are frozen
SEPARATOR = " › "  # between the levels of a column's header (group › … › leaf)


def header_rows(names: list[str]) -> list[list[str]]:
    """The header as rows, group names over their leaves: a multi-row header
    (``三公经费合计 › 预算数``, ``三公经费合计 › 决算数``) shows its group once, over its first
    column; a column with fewer levels has its name on the last row."""
    levels = [name.split(SEPARATOR) if name else [""] for name in names]
    depth = max((len(parts) for parts in levels), default=1)
    padded = [[""] * (depth - len(parts)) + parts for parts in levels]
    rows = []
    for level in range(depth):
        row = []
        for i, parts in enumerate(padded):
            same_group = level < depth - 1 and i > 0 and padded[i - 1][: level + 1] == parts[: level + 1]
            row.append("" if same_group else parts[level])
        rows.append(row)
    return rows


class TableGrid(DataTable):
    BINDINGS = bindings("table")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True)
        self._session: ReviewSession | None = None
        self._table_id: str | None = None
        self._cells: dict[tuple[int, int], str] = {}  # (row, col) → figure id
        self._drawn: tuple | None = None  # what the rows were filled from (`_drawing`)

    @property
    def table_id(self) -> str | None:
        return self._table_id

    @property
    def figure_id(self) -> str | None:
        if self._table_id is None or not self.row_count:
            return None
        return self._cells.get(tuple(self.cursor_coordinate))

    def show(self, session: ReviewSession, table_id: str, figure_id: str | None = None) -> None:
        """Show a table; put the cursor on the cell of ``figure_id`` when given (else on the first
        cell). The table shown already, with the same marks, is not filled again: filling measures
        and draws every cell and lays the screen out (tens of milliseconds for a large table, on
        each ``j``/``n`` between findings of one table). The highlights of the cells the cursor
        passes on the way are not reported: the first cell's, reported, made the screen leave the
        figure, and the figure's then opened its first finding, not the one chosen."""
        self._session = session
        self._table_id = table_id
        with self.prevent(DataTable.CellHighlighted):  # the screen chose the figure: no echo of it
            if self._drawing() != self._drawn:
                self._fill()  # its first row highlights the first cell on the way
            cell = next((rc for rc, fid in self._cells.items() if fid == figure_id), None)
            if cell is not None:
                self.move_cursor(row=cell[0], column=cell[1], animate=False, scroll=True)
            elif self.row_count:
                self.move_cursor(row=0, column=0, animate=False)
                self.scroll_home(animate=False)
        if self.figure_id != figure_id:  # the cursor rests on another figure (the first cell's): say so
            self.post_message(FigureHighlighted(self.figure_id))

    def redraw(self) -> None:
        """Draw again after the marks changed, keeping the cursor. The cells it passes on the way
        are not reported (the first cell's highlight made the screen leave the figure, and the
        figure's then opened its first finding: after ``s`` on a table finding the detail, where
        ``a`` acts next, showed another finding of that figure)."""
        if self._session is not None and self._table_id is not None:
            where, before = self.cursor_coordinate, self.figure_id
            with self.prevent(DataTable.CellHighlighted):
                self._fill()
                if self.row_count:
                    self.move_cursor(row=min(where.row, self.row_count - 1), column=where.column, animate=False)
            if self.figure_id != before:
                self.post_message(FigureHighlighted(self.figure_id))

    def _fill(self) -> None:
        session = self._session
        table = session.doc.table(self._table_id or "")
        self.clear(columns=True)
        self._cells = {}
        self._drawn = self._drawing()
        if table is None:
            return
        width = max([len(table.columns)] + [len(r) for r in table.rows])
        names = list(table.columns) + [""] * (width - len(table.columns))
        headers = header_rows(names)
        self.header_height = len(headers)
        for i in range(width):
            label = "\n".join(row[i] for row in headers)
            self.add_column(Text(printable(label) or f"c{i + 1}", style="bold"), key=str(i))
        figures = session.cell_figures(table.id)
        own = session.own_marked()
        for r, row in enumerate(table.rows):
            cells = []
            for c in range(width):
                raw = printable(row[c] if c < len(row) else "")
                fig = figures.get((r, c))
                if fig is None:
                    cells.append(Text(raw))
                    continue
                self._cells[(r, c)] = fig.id
                cells.append(marked(self.app, raw, session.figure_state(fig.id), fig.id in own))
            self.add_row(*cells, key=str(r))
        # the code and name columns (those before the first figure) stay when scrolling sideways
        first_figure = min((c for _, c in self._cells), default=0)
        self.fixed_columns = first_figure if first_figure <= MAX_FIXED else 0

    def _drawing(self) -> tuple:
        """What the cells' text and marks depend on: the review, the table, the theme and the
        reviewer's own marks (a figure's state is fixed for a review)."""
        session = self._session
        own = frozenset(session.own_marked()) if session is not None else frozenset()
        return (session, self._table_id, self.app.theme, own)

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        event.stop()
        self.post_message(FigureHighlighted(self._cells.get(tuple(event.coordinate))))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        fid = self._cells.get(tuple(event.coordinate))
        if fid is not None:
            self.post_message(FigureOpened(fid))
