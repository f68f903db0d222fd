"""The document model every layer shares: a parsed disclosure as plain, typed values.

A parser (text, PDF) turns a file into a `Document`:

- ``text``: the normalised text (markup, page-number lines and broken lines removed), the
  coordinate system for every offset below;
- ``sections``: the heading ladder as a tree (``root`` holds the top level);
- ``blocks``: headings, paragraphs, tables and table-of-contents runs, in reading order;
- ``tables``: raw cell strings plus a pandas view, title, unit and standard kind;
- ``figures``: every number, with its printed text, ``Decimal`` value, decimals printed,
  unit, subject, role and location (offsets into ``text`` or a table cell, page, bbox);
- ``issues``: what the parser itself found wrong (malformed or missing figures), and
  ``normalisations``: every change made to a figure's characters, as evidence.

Nothing here knows about checks or Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:  # pandas is imported lazily: the TUI's first paint must not wait for it
    import pandas as pd

    from parsers.identity import Identity


class DocKind(StrEnum):
    BUDGET = "budget"  # 预算
    FINAL = "final"  # 决算
    ANALYSIS = "analysis"  # 决算分析报告
    UNKNOWN = "unknown"


class Role(StrEnum):
    """What a figure is, as the words around it say."""

    AMOUNT = "amount"  # an amount of the document's own period, no further qualification
    PREVIOUS = "previous"  # the previous period's amount (上年 / 2022年)
    BUDGET = "budget"  # 年初预算 / 预算数 / 全年预算
    ACTUAL = "actual"  # 决算 / 支出决算 / 执行数
    CHANGE = "change"  # 增加 / 减少 (signed in Figure.sign)
    GROWTH = "growth"  # 增长 / 下降 x% (signed in Figure.sign)
    SHARE = "share"  # 占 x%
    COMPLETION = "completion"  # 完成…的 x% / 执行率
    COUNT = "count"  # 个, 人, 辆, 台(套), 次 …
    OTHER = "other"  # a number that is an amount but whose role the words do not fix


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class CellRef:
    """A cell of a table: row and column index into ``Table.rows``."""

    table_id: str
    row: int
    col: int

    def label(self) -> str:
        return f"{self.table_id}[r{self.row + 1},c{self.col + 1}]"


BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points


@dataclass(slots=True)
class Figure:
    """One number as printed in the document."""

    id: str  # stable within a parse: "P<offset>" for prose, "<table_id>.<row>.<col>" for cells
    text: str  # printed text: the slice of Document.text (prose) or the cell text (tables)
    value: Decimal  # in ``unit``; for percentages the percent number itself (14.81 for 14.81%)
    decimals: int  # decimals printed: drives the rounding interval
    unit: str | None  # 元, 万元, 亿元, %, 个, 人, 辆, 台(套), 次, 件 …; None when not stated
    subject: str = ""  # what it quantifies, canonical form (see parsers.subjects)
    role: Role = Role.OTHER
    sign: int = 1  # for CHANGE / GROWTH: +1 增加/增长, -1 减少/下降, 0 持平
    section_id: str = ""
    page: int | None = None
    start: int | None = None  # offsets into Document.text (prose figures)
    end: int | None = None
    cell: CellRef | None = None  # table figures
    bbox: BBox | None = None
    column: str = ""  # table figures: the flattened column path ("支出 › 基本支出 › 人员经费")
    code: str = ""  # 功能/经济分类 code the figure is attached to, when one is printed
    raw: str = ""  # the characters in the source file before normalisation, if they differ
    identity: Identity | None = None  # what quantity it is, resolved once after parsing (parsers.identity)
    # prose: the subject was taken from an earlier sentence's amount past a sentence stating none, its
    # own sentence naming nothing (“…原因是因公出国费用增加。2015年决算数 236.25 万元”): a weaker identity
    subject_from_before: bool = False
    # a nil amount printed “0” in a document that prints that unit with decimals: exactly nothing
    exact: bool = False

    @property
    def half_ulp(self) -> Decimal:
        """Half a unit in the last printed place: the rounding radius (none for an exact nil)."""
        return Decimal(0) if self.exact else Decimal(5).scaleb(-(self.decimals + 1))

    @property
    def signed_value(self) -> Decimal:
        return self.value * self.sign if self.role in (Role.CHANGE, Role.GROWTH) else self.value

    def where(self) -> str:
        """A short human location: page, cell or offset."""
        parts = []
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if self.cell is not None:
            parts.append(self.cell.label())
        elif self.start is not None:
            parts.append(f"@{self.start}")
        return " ".join(parts)


@dataclass(slots=True)
class Section:
    id: str  # ordinal path, e.g. "2.1.3" (stable for an unchanged heading ladder)
    title: str  # heading text without its marker
    marker: str  # 第二部分 / 一、 / （一） / 1. / （1）
    level: int  # 0 root, 1 第X部分, 2 一、, 3 （一）, 4 1., 5 （1）
    start: int  # offset of the heading in Document.text
    end: int  # end of the section's content (exclusive)
    page: int | None = None
    parent_id: str | None = None
    children: list[Section] = field(default_factory=list)
    table_ids: list[str] = field(default_factory=list)

    @property
    def heading(self) -> str:
        if not self.marker:
            return self.title
        return f"{self.marker} {self.title}" if self.level == 1 else f"{self.marker}{self.title}"

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(slots=True)
class Block:
    kind: str  # "heading" | "paragraph" | "table" | "toc"
    start: int
    end: int
    section_id: str
    page: int | None = None
    table_id: str | None = None


@dataclass(slots=True)
class Table:
    id: str  # "T1", "T2" … in document order
    rows: list[list[str]]  # raw cell strings, header rows excluded; "" is a blank cell
    columns: list[str]  # flattened column paths, one per column
    header_rows: list[list[str]] = field(default_factory=list)
    title: str = ""
    unit: str | None = None
    kind: str | None = None  # a standard table kind (see parsers.table_kinds), when recognised
    section_id: str = ""
    page: int | None = None  # first page
    pages: list[int] = field(default_factory=list)
    start: int | None = None  # offsets of the table's text in Document.text (text input)
    end: int | None = None
    notes: list[str] = field(default_factory=list)  # e.g. "本表无数据"
    cell_bboxes: dict[tuple[int, int], BBox] = field(default_factory=dict)
    cell_pages: dict[tuple[int, int], int] = field(default_factory=dict)

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.rows), len(self.columns))

    def frame(self) -> pd.DataFrame:
        """The table as a DataFrame of raw cell strings (columns = flattened paths)."""
        import pandas as pd

        names = _unique_names(self.columns)
        width = len(names)
        body = [list(r) + [""] * (width - len(r)) if len(r) < width else list(r[:width]) for r in self.rows]
        return pd.DataFrame(body, columns=names, dtype=object)

    def values(self) -> pd.DataFrame:
        """The table as a DataFrame of ``Decimal`` (``None`` for blank or non-numeric cells)."""
        from parsers.numbers import parse_cell_value

        frame = self.frame()
        return frame.map(lambda s: parse_cell_value(s))


def _unique_names(columns: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(columns):
        name = name or f"c{i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}#{seen[name]}"
        else:
            seen[name] = 1
        out.append(name)
    return out


@dataclass(slots=True)
class ParseIssue:
    """Something wrong with the document's form that the parser saw (a ``parse.*`` finding)."""

    code: str  # parse.malformed_number, parse.missing_figure, parse.letter_o, …
    severity: Severity
    message_zh: str
    message_en: str
    text: str  # the offending text as printed
    section_id: str = ""
    page: int | None = None
    start: int | None = None
    end: int | None = None
    cell: CellRef | None = None


@dataclass(slots=True)
class Normalisation:
    """One change the parser made to characters that belong to a figure (evidence, never silent)."""

    kind: str  # letter_o, fullwidth_digit, fullwidth_separator, split_digits, …
    before: str
    after: str
    start: int | None = None  # offsets in Document.text of the affected figure
    page: int | None = None
    cell: CellRef | None = None


@dataclass(frozen=True, slots=True)
class Series:
    """Numbers given in order for quantities named together (“收、支总计各是 A、B 万元，各增加 c1、c2
    万元，增长 r1%、r2%”): each number is its own quantity by position. The figures keep role
    OTHER (no finder binds them by name); ``role`` and ``sign`` are what the words before the
    series make every number of it."""

    figure_ids: tuple[str, ...]
    role: Role
    sign: int
    start: int  # offset of its first number in Document.text


@dataclass(slots=True)
class Document:
    path: str
    sha256: str
    text: str
    kind: DocKind = DocKind.UNKNOWN
    year: int | None = None
    department: str | None = None
    unit: str | None = None  # the document's main amount unit: 元 or 万元
    title: str = ""
    root: Section = field(default_factory=lambda: Section("", "", "", 0, 0, 0))
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    issues: list[ParseIssue] = field(default_factory=list)
    normalisations: list[Normalisation] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)  # prose numbers given in order (see Series)
    page_count: int | None = None
    page_starts: list[int] = field(default_factory=list)  # offset in text where each page begins
    scanned_pages: list[int] = field(default_factory=list)  # pages with no text layer

    _section_index: dict[str, Section] | None = field(default=None, repr=False, compare=False)

    def sections(self) -> list[Section]:
        """Every section except the root, in document order."""
        return [s for s in self.root.walk() if s is not self.root]

    def _sections_by_id(self, section_id: str) -> dict[str, Section]:
        index = self._section_index
        if index is None or section_id not in index:  # built lazily, rebuilt when the tree grew
            index = self._section_index = {s.id: s for s in self.root.walk()}
        return index

    def section(self, section_id: str) -> Section | None:
        return self._sections_by_id(section_id).get(section_id)

    def section_path(self, section_id: str) -> list[Section]:
        """The chain of sections from the top level down to ``section_id``."""
        index = self._sections_by_id(section_id)
        chain: list[Section] = []
        s = index.get(section_id)
        while s is not None and s is not self.root:
            chain.append(s)
            s = index.get(s.parent_id) if s.parent_id is not None else None
        return list(reversed(chain))

    def section_label(self, section_id: str) -> str:
        return " › ".join(s.heading for s in self.section_path(section_id))

    def table(self, table_id: str) -> Table | None:
        for t in self.tables:
            if t.id == table_id:
                return t
        return None

    def page_of(self, offset: int) -> int | None:
        if not self.page_starts:
            return None
        import bisect

        return bisect.bisect_right(self.page_starts, offset)  # pages are 1-based
