"""Completeness: the standard tables a disclosure must carry, and the note an empty one needs.

`findings(doc, config)` gives `Finding`s directly (there is no arithmetic to evaluate):

- ``completeness.table_missing``: a standard table the document's own 目录 lists, or — when the
  document has no 目录 but does carry standard tables — one its kind's template requires
  (`parsers.table_kinds.STANDARD_KINDS`: the nine tables every 决算 and 预算 disclosure carries),
  is nowhere in the document: neither a table of that kind nor a title line naming it. Listed in
  the 目录 and absent is an error (the document contradicts itself); required by the template and
  absent a warning — only where the document carries two standard tables or more (a page publishing
  its “三公” table alone is no disclosure missing eight others). When the 目录 lists several tables and none of them is there, that is one
  warning naming them all: the text of a disclosure published apart from its tables.
- ``completeness.empty_note``: a 政府性基金 / 国有资本经营 / “三公” table printed with no figures at
  all and without the note the templates require (“本表无数据”, “本表为空表”, “没有…收入和支出”).
"""

from __future__ import annotations

import re

from parsers.model import DocKind, Document, Severity, Table
from parsers.table_kinds import STANDARD_KINDS, kind_name, kind_of_title
from tui_review.contracts.finding import Finding
from tui_review.contracts.place import Place
from tui_review.checks.notice import notice
from tui_review.config import Config

EMPTY_NOTE = re.compile(r"本表无数据|无数据|空表|没有[^。]{0,40}(?:收入|支出)|无[^。]{0,40}(?:收入|支出)|不涉及")
NEEDS_NOTE = ("gov_fund", "state_capital", "three_public")
MAX_TITLE_LINE = 40
NOTE_WINDOW = 200  # characters after a table where a note printed as prose may sit


def _toc_lines(doc: Document) -> list[tuple[str, int | None, str]]:
    """(line, page, section id) of every 目录 entry."""
    out = []
    for block in doc.blocks:
        if block.kind != "toc":
            continue
        offset = block.start
        for line in doc.text[block.start : block.end].split("\n"):
            out.append((line.strip(), doc.page_of(offset), block.section_id))
            offset += len(line) + 1
    return out


def _titled_outside_toc(doc: Document) -> set[str]:
    """Kinds named by a short title line of the text (a text table's title, a heading)."""
    toc = [(b.start, b.end) for b in doc.blocks if b.kind == "toc"]
    kinds = set()
    offset = 0
    for line in doc.text.split("\n"):
        inside = any(a <= offset < b for a, b in toc)
        if not inside and len(line.strip()) <= MAX_TITLE_LINE:
            kind = kind_of_title(line.strip())
            if kind:
                kinds.add(kind)
        offset += len(line) + 1
    return kinds


def _present(doc: Document) -> set[str]:
    kinds = {t.kind for t in doc.tables if t.kind}
    return kinds | _titled_outside_toc(doc)


def _finding(doc: Document, config: Config, rule_id: str, severity: Severity, key: str, place: Place,
             section_id: str, stated: str, zh: str, en: str) -> Finding | None:
    return notice(doc, config, rule_id, severity, key, place, stated, zh, en, section_id)


def _missing(doc: Document, config: Config) -> list[Finding | None]:
    present = _present(doc)
    promised: dict[str, tuple[str, int | None, str]] = {}
    for line, page, section_id in _toc_lines(doc):
        kind = kind_of_title(line)
        if kind and kind not in promised:
            promised[kind] = (line, page, section_id)
    out = []
    absent = [kind for kind in promised if kind not in present]
    if len(absent) > 1 and len(absent) == len(promised):
        return [_none_present(doc, config, [promised[kind] for kind in absent])]
    for kind, (line, page, section_id) in promised.items():
        if kind not in present:
            out.append(_finding(
                doc, config, "completeness.table_missing", Severity.ERROR, kind, Place(page=page, area="目录"), section_id, line,
                f"目录列出的“{line}”在文档中没有找到",
                f"the 目录 lists “{line}” ({kind_name(kind)}) but the document does not contain it",
            ))
    if promised or doc.kind not in (DocKind.FINAL, DocKind.BUDGET) or len(present & set(STANDARD_KINDS)) < 2:
        return out  # no 目录, and not a disclosure's tables: a page that publishes one table (三公) on its own
    for kind in STANDARD_KINDS:
        if kind not in present:
            out.append(_finding(
                doc, config, "completeness.table_missing", Severity.WARNING, kind, Place(), "", kind_name(kind),
                f"部门{'预算' if doc.kind == DocKind.BUDGET else '决算'}公开应包含“{kind_name(kind)}”，文档中没有找到",
                f"a department {'budget' if doc.kind == DocKind.BUDGET else 'final-account'} disclosure must carry "
                f"“{kind_name(kind)}”; the document does not contain it",
            ))
    return out


def _none_present(doc: Document, config: Config, listed: list[tuple[str, int | None, str]]) -> Finding | None:
    """The 目录 lists tables and the document carries none of them: one warning (the tables are
    often published as a file of their own), not one error per table."""
    _, page, section_id = listed[0]
    names = "、".join(f"“{line}”" for line, _, _ in listed)
    return _finding(
        doc, config, "completeness.table_missing", Severity.WARNING, "all-listed", Place(page=page, area="目录"), section_id,
        listed[0][0],
        f"目录列出的 {len(listed)} 张表在文档中都没有找到（表格可能另行公开，请与表格文件一起检查）：{names}",
        f"none of the {len(listed)} tables the 目录 lists is in the document (they may be published as a file of "
        f"their own: check it together with this one): {names}",
    )


def _is_empty(doc: Document, table: Table) -> bool:
    return not any(f.cell is not None and f.cell.table_id == table.id for f in doc.figures)


def _has_note(doc: Document, table: Table) -> bool:
    after = doc.text[table.end : table.end + NOTE_WINDOW] if table.end is not None else ""
    return any(EMPTY_NOTE.search(n) for n in table.notes) or bool(EMPTY_NOTE.search(after.split("\n\n")[0]))


def _empty_notes(doc: Document, config: Config) -> list[Finding | None]:
    out = []
    for table in doc.tables:
        if table.kind in NEEDS_NOTE and _is_empty(doc, table) and not _has_note(doc, table):
            title = table.title or kind_name(table.kind)
            out.append(_finding(
                doc, config, "completeness.empty_note", Severity.WARNING, title, Place.of_table(table.id, doc), table.section_id,
                title,
                f"“{title}”没有任何数据，却没有“本表无数据”之类的说明",
                f"“{title}” holds no figures but carries no 'no data' (本表无数据) note",
            ))
    return out


def findings(doc: Document, config: Config | None = None) -> list[Finding]:
    config = config or Config.default()
    return [f for f in _missing(doc, config) + _empty_notes(doc, config) if f is not None]
