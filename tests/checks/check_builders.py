"""Hand-made figures, documents and relations for the engine tests (no parser involved).

Figures are written the way the seeds print them (``284.32 万元``, ``6 万元``, ``减少 8.31 万元``,
``16.79 %``); each gets its own id and a growing offset, in a small two-level section tree:
``一、…`` (id "1") with a sub-section ``（一）…`` (id "1.1"), and ``二、…`` (id "2").
"""

from __future__ import annotations

import itertools
from decimal import Decimal

from parsers.model import CellRef, Document, Figure, Role, Section, Table
from tui_review.contracts.relation import Relation, RelationKind, Term

_ids = itertools.count(1)


def fig(
    text: str,
    subject: str = "",
    unit: str | None = "万元",
    role: Role = Role.AMOUNT,
    sign: int = 1,
    section: str = "1",
    cell: CellRef | None = None,
    page: int | None = None,
) -> Figure:
    n = next(_ids)
    plain = text.replace(",", "").strip()
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    value = Decimal(plain) if plain not in ("", "-", "—", "－") else Decimal(0)
    return Figure(
        id=f"{cell.table_id}.{cell.row}.{cell.col}" if cell else f"P{n * 10}",
        text=text,
        value=value,
        decimals=decimals,
        unit=unit,
        subject=subject,
        role=role,
        sign=sign,
        section_id=section,
        page=page,
        start=None if cell else n * 10,
        end=None if cell else n * 10 + len(text),
        cell=cell,
    )


def pct(text: str, subject: str = "", role: Role = Role.GROWTH, sign: int = 1, section: str = "1") -> Figure:
    return fig(text, subject, "%", role, sign, section)


def document(figures: list[Figure] = (), tables: list[Table] = (), path: str = "单位2023年度部门预算.txt") -> Document:
    s11 = Section("1.1", "人员经费", "（一）", 3, 100, 5000, parent_id="1")
    s1 = Section("1", "一般公共预算基本支出预算情况说明", "一、", 2, 0, 5000, parent_id="", children=[s11])
    s2 = Section("2", "机构运行经费支出预算情况说明", "二、", 2, 5000, 10000, parent_id="")
    root = Section("", "", "", 0, 0, 10000, children=[s1, s2])
    return Document(path=path, sha256="0" * 64, text=" " * 10000, root=root,
                    figures=list(figures), tables=list(tables), unit="万元")


def total(target: Figure, *parts: Figure | tuple[Figure, int], rule: str = "sum.parts", **kw) -> Relation:
    terms = [Term(*p) if isinstance(p, tuple) else Term(p) for p in parts]
    return Relation(rule, RelationKind.SUM, terms, target=target, section_id=target.section_id, **kw)


def ratio(target: Figure, num: list[Figure | tuple[Figure, int]], den: list[Figure | tuple[Figure, int]],
          rule: str = "growth", **kw) -> Relation:
    def terms(items):
        return [Term(*p) if isinstance(p, tuple) else Term(p) for p in items]

    return Relation(rule, RelationKind.RATIO, terms(num), target=target, denominator=terms(den),
                    section_id=target.section_id, **kw)


def direction(expected_sign: int, *terms: tuple[Figure, int], word: str = "") -> Relation:
    return Relation("direction", RelationKind.DIRECTION, [Term(*t) for t in terms], expected_sign=expected_sign,
                    word=word, section_id=terms[0][0].section_id)
