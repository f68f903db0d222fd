"""Where something is printed: a typed `Place` (page, table cell or text offset), never an encoded
string that has to be parsed back.

A place carries the machine part (page, table id, 0-based row and column, offset in
``Document.text``) and the words a reviewer recognises (the table's title, the row's subject, the
column, the section's heading), filled once by the engine from the document. ``describe(lang)``
is the human form (``第5页 收入支出决算总表 第3行 基本支出``), ``code()`` the short technical form
the English sheet and the app have always shown (``T3[r2,c4]``, ``@923``).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from parsers.model import CellRef, Document, Figure

_NUMBERISH = re.compile(r"[\d\s.,，%％()（）+-]*")
_CELL_CODE = re.compile(r"^(?P<table>[^\[\s]+)\[r(?P<row>\d+),c(?P<col>\d+)\]$")


@dataclass(frozen=True, slots=True)
class Place:
    page: int | None = None
    table_id: str = ""
    row: int | None = None  # 0-based body row of ``table_id``
    column: int | None = None  # 0-based column of ``table_id``
    offset: int | None = None  # prose: offset in Document.text
    area: str = ""  # a named part of the document with no finer place (``目录``)
    table_title: str = ""
    row_label: str = ""  # the row's subject (基本支出)
    column_label: str = ""  # the column's last header (决算数)
    heading: str = ""  # prose: the heading of the section the text stands in

    @classmethod
    def of_figure(cls, fig: Figure, doc: Document | None = None) -> Place:
        """The place of a printed figure (its cell, or its offset in the text)."""
        if fig.cell is not None:
            table = doc.table(fig.cell.table_id) if doc is not None else None
            return cls(
                page=fig.page,
                table_id=fig.cell.table_id,
                row=fig.cell.row,
                column=fig.cell.col,
                table_title=table.title if table is not None else "",
                row_label=fig.subject,
                column_label=fig.column.split(" › ")[-1].strip() if fig.column else "",
            )
        return cls.in_text(fig.start, fig.page, doc, fig.section_id)

    @classmethod
    def of_cell(cls, cell: CellRef, doc: Document | None = None, page: int | None = None) -> Place:
        """The place of a table cell that holds no figure (a malformed number): its row is named by
        the row's first cell with words in it."""
        table = doc.table(cell.table_id) if doc is not None else None
        row_label = ""
        if table is not None and 0 <= cell.row < len(table.rows):
            row_label = next((c.strip() for c in table.rows[cell.row] if c.strip() and not _NUMBERISH.fullmatch(c.strip())), "")
        return cls(
            page=page,
            table_id=cell.table_id,
            row=cell.row,
            column=cell.col,
            table_title=table.title if table is not None else "",
            row_label=row_label,
        )

    @classmethod
    def in_text(cls, offset: int | None, page: int | None, doc: Document | None = None, section_id: str = "") -> Place:
        section = doc.section(section_id) if doc is not None and section_id else None
        return cls(page=page, offset=offset, heading=section.heading if section is not None else "")

    @classmethod
    def of_table(cls, table_id: str, doc: Document | None = None, page: int | None = None) -> Place:
        table = doc.table(table_id) if doc is not None else None
        if table is not None and page is None:
            page = table.page
        return cls(page=page, table_id=table_id, table_title=table.title if table is not None else "")

    @classmethod
    def from_code(cls, code: str, page: int | None = None) -> Place:
        """Read a place written by an older version as a code (``T3[r2,c4]``, ``@923``, ``T3``).
        Only review files made before places were typed need this."""
        code = code.strip()
        if (cell := _CELL_CODE.match(code)) is not None:
            return cls(page=page, table_id=cell["table"], row=int(cell["row"]) - 1, column=int(cell["col"]) - 1)
        if code.startswith("@") and code[1:].isdigit():
            return cls(page=page, offset=int(code[1:]))
        if re.fullmatch(r"T\d+", code):
            return cls(page=page, table_id=code)
        return cls(page=page, area=code)

    @property
    def is_cell(self) -> bool:
        return bool(self.table_id) and self.row is not None and self.column is not None

    def code(self) -> str:
        """The short technical form: ``T3[r2,c4]``, ``T3``, ``@923`` or the area's name."""
        if self.is_cell:
            return f"{self.table_id}[r{self.row + 1},c{self.column + 1}]"  # type: ignore[operator]
        if self.table_id:
            return self.table_id
        if self.offset is not None:
            return f"@{self.offset}"
        return self.area

    def describe(self, lang: str = "zh") -> str:
        """The human form: page, then table, row and column names, or the heading of the text."""
        en = lang == "en"
        parts = []
        if self.page is not None:
            parts.append(f"p.{self.page}" if en else f"第{self.page}页")
        if self.table_id:
            parts.append(self.table_title or self.table_id)
            if self.row is not None:
                parts.append(f"row {self.row + 1}" if en else f"第{self.row + 1}行")
            names = [n for n in (self.row_label, self.column_label) if n]
            if names:
                parts.append(" · ".join(names))
        elif self.area:
            parts.append(self.area)
        elif self.heading:
            parts.append(self.heading)
        return " ".join(parts)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
