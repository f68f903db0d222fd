"""Search in a review: figures by value (``354.72`` finds every figure worth it), then figures,
text and table cells containing the query. Headless; the app runs it in a worker.

The query is matched as printed: spaces in it match any run of white space in the text, or none
(``增长 13.95`` finds ``增长13.95%`` and ``增长\\n13.95``). The work is bounded: at most ``limit``
hits, and ``cancelled()`` is polled as it goes (the app's search stops when the next key comes).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from parsers.model import Figure
from tui_review.review.entry import NodeRef

if TYPE_CHECKING:
    from tui_review.review.session import ReviewSession

LIMIT = 200
POLL_EVERY = 512  # items scanned between two looks at ``cancelled()``


@dataclass(frozen=True, slots=True)
class SearchHit:
    node: NodeRef
    figure_id: str | None  # the figure hit (search by value), None for a text hit
    offset: int | None  # offset in Document.text of a text hit
    label: str  # where: section label or table title + cell
    snippet: str  # the matching text with a little context
    length: int = 0  # length of a text hit in Document.text


class SearchCancelled(Exception):
    """The search was given up (a newer query came)."""


_NUMBER_QUERY = re.compile(r"^[+-]?[\d,，]*\.?\d+\s*(万元|亿元|元|%|％)?$")


def parse_query_number(query: str) -> Decimal | None:
    """``354.72``, ``1,724.62``, ``14.81%`` → Decimal; anything else → None."""
    q = query.strip()
    if not q or not _NUMBER_QUERY.match(q):
        return None
    digits = re.sub(r"[,，\s]|万元|亿元|元|%|％", "", q)
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def query_pattern(query: str) -> re.Pattern[str]:
    """The query as printed: its words in order, any white space (or none) between them."""
    return re.compile(r"\s*".join(re.escape(word) for word in query.split()), re.IGNORECASE)


def search(session: ReviewSession, query: str, limit: int = LIMIT, cancelled: Callable[[], bool] | None = None) -> list[SearchHit]:
    """Figures equal to a number query, then figures, text and cells containing the query; raises
    `SearchCancelled` as soon as ``cancelled()`` says so."""
    query = query.strip()
    if not query:
        return []
    stop = _poller(cancelled)
    hits: list[SearchHit] = []
    for hit in _hits(session, query, stop):
        hits.append(hit)
        if len(hits) >= limit:
            break
    return hits


def _poller(cancelled: Callable[[], bool] | None) -> Callable[[int], None]:
    def stop(count: int) -> None:
        if cancelled is not None and count % POLL_EVERY == 0 and cancelled():
            raise SearchCancelled
    return stop


def _hits(session: ReviewSession, query: str, stop: Callable[[int], None]) -> Iterator[SearchHit]:
    doc = session.doc
    pattern = query_pattern(query)
    seen: set[str] = set()
    value = parse_query_number(query)
    if value is not None:
        for n, fig in enumerate(doc.figures):
            stop(n)
            if fig.value == value:
                seen.add(fig.id)
                yield _figure_hit(session, fig)
    for n, fig in enumerate(doc.figures):
        stop(n)
        if fig.id not in seen and pattern.search(fig.text):
            seen.add(fig.id)
            yield _figure_hit(session, fig)
    yield from _text_hits(session, pattern, seen, stop)
    yield from _cell_hits(session, pattern, seen, stop)


def _text_hits(session: ReviewSession, pattern: re.Pattern[str], seen: set[str], stop: Callable[[int], None]) -> Iterator[SearchHit]:
    doc = session.doc
    table_spans = [(t.start, t.end) for t in doc.tables if t.start is not None and t.end is not None]
    figure_spans = sorted(
        (f.start, f.end) for f in (session.figures.get(i) for i in seen) if f is not None and f.start is not None and f.end is not None
    )
    for n, match in enumerate(pattern.finditer(doc.text)):
        stop(n)
        pos = match.start()
        if any(s <= pos < e for s, e in table_spans) or any(s <= pos < e for s, e in figure_spans):
            continue
        section = session.section_at(pos)
        sid = section.id if section else ""
        length = match.end() - pos
        yield SearchHit(NodeRef("section", sid), None, pos, session.label(sid), _snippet(doc.text, pos, length), length)


def _cell_hits(session: ReviewSession, pattern: re.Pattern[str], seen: set[str], stop: Callable[[int], None]) -> Iterator[SearchHit]:
    taken = set()
    for fid in seen:
        fig = session.figures.get(fid)
        if fig is not None and fig.cell is not None:
            taken.add((fig.cell.table_id, fig.cell.row, fig.cell.col))
    n = 0
    for table in session.doc.tables:
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                n += 1
                stop(n)
                if (table.id, r, c) not in taken and pattern.search(cell):
                    yield SearchHit(NodeRef("table", table.id), None, None, f"{table.title} [r{r + 1},c{c + 1}]", cell)


def _figure_hit(session: ReviewSession, fig: Figure) -> SearchHit:
    node = session.node_of_figure(fig)
    if fig.cell is not None:
        table = session.doc.table(fig.cell.table_id)
        label = f"{table.title if table else fig.cell.table_id} {fig.cell.label()}"
        where = " · ".join(p for p in (fig.subject, fig.column) if p)  # the row's label, then the column
        snippet = f"{where} = {fig.text}" if where else fig.text
    else:
        label = session.label(fig.section_id)
        snippet = _snippet(session.doc.text, fig.start or 0, len(fig.text))
    return SearchHit(node, fig.id, fig.start, label, snippet)


def _snippet(text: str, pos: int, length: int, context: int = 16) -> str:
    start = max(0, pos - context)
    end = min(len(text), pos + length + context)
    return text[start:end].replace("\n", " ")
