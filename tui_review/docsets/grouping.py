"""Grouping disclosures into sets: one department's documents, and the links between them.

Documents of one department (`identity.same_department`) form a `DocSet`. Inside a set three
kinds of `Link` are made, each with the reason in words so a wrong pairing is visible:

- ``budget_final``: the 预算 and the 决算 of one year (the 决算's 年初预算 restates the 预算);
- ``consecutive``: two documents of one kind in consecutive years (this year's 上年 figures are
  last year's document's), prose with prose and tables with tables when a year is split in two;
- ``text_tables``: one disclosure published as two files of one year and kind, one holding the
  prose and the other the tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from parsers.model import DocKind
from tui_review.docsets.identity import DocInfo, same_department

KIND_ZH = {"budget": "预算", "final": "决算", "analysis": "决算分析", "unknown": "类型不明"}
HOLDS_ZH = {"prose": "文字", "tables": "表格", "both": "文字+表格", "none": "无数据"}


class LinkKind(StrEnum):
    BUDGET_FINAL = "budget_final"
    CONSECUTIVE = "consecutive"
    TEXT_TABLES = "text_tables"


@dataclass(frozen=True, slots=True)
class Link:
    kind: LinkKind
    first: DocInfo  # the 预算 / the earlier year / the prose file
    second: DocInfo  # the 决算 / the later year / the tables file
    why_zh: str
    why_en: str


@dataclass(slots=True)
class DocSet:
    department: str  # the longest name its documents give
    members: list[DocInfo] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def _sort_key(info: DocInfo) -> tuple:
    return (info.year or 0, info.kind, info.name)


def _departments(infos: list[DocInfo]) -> list[list[DocInfo]]:
    """Documents partitioned by department (transitively: A ≡ B and B ≡ C put A, B, C together)."""
    parent = list(range(len(infos)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(infos):
        for j in range(i + 1, len(infos)):
            if same_department(a.key, infos[j].key):
                parent[root(j)] = root(i)
    groups: dict[int, list[DocInfo]] = {}
    for i, info in enumerate(infos):
        groups.setdefault(root(i), []).append(info)
    return [sorted(g, key=_sort_key) for g in groups.values()]


def _names(a: DocInfo, b: DocInfo) -> tuple[str, str]:
    if a.department == b.department:
        return a.department, a.department
    return f"{a.department} ≡ {b.department}", f"{a.department} ≡ {b.department}"


def _link(a: DocInfo, b: DocInfo) -> Link | None:
    """The link between two documents of one department, if any (``a`` sorts before ``b``)."""
    if a.year is None or b.year is None:
        return None
    dept_zh, dept_en = _names(a, b)
    kinds = {a.kind, b.kind}
    if a.year == b.year and kinds == {DocKind.BUDGET, DocKind.FINAL}:
        budget, final = (a, b) if a.kind == DocKind.BUDGET else (b, a)
        return Link(LinkKind.BUDGET_FINAL, budget, final,
                    f"同一部门（{dept_zh}），{a.year} 年的预算与决算",
                    f"same department ({dept_en}): the {a.year} budget and final accounts")
    if a.year == b.year and a.kind == b.kind and {a.holds, b.holds} == {"prose", "tables"}:
        text, tables = (a, b) if a.holds == "prose" else (b, a)
        return Link(LinkKind.TEXT_TABLES, text, tables,
                    f"同一部门（{dept_zh}）、同一年（{a.year}）、同为{KIND_ZH.get(a.kind, a.kind)}："
                    f"一个只有文字，一个只有表格，是同一份公开的两个文件",
                    f"same department ({dept_en}), year {a.year} and kind ({a.kind}): one file holds only "
                    "prose, the other only tables — one disclosure in two files")
    comparable = a.holds == b.holds or "both" in (a.holds, b.holds)  # prose with prose, tables with tables
    if a.kind == b.kind and a.kind in (DocKind.BUDGET, DocKind.FINAL) and abs(a.year - b.year) == 1 and comparable:
        early, late = (a, b) if a.year < b.year else (b, a)
        return Link(LinkKind.CONSECUTIVE, early, late,
                    f"同一部门（{dept_zh}）相邻两年（{early.year}、{late.year}）的{KIND_ZH[a.kind]}",
                    f"same department ({dept_en}), consecutive years {early.year} and {late.year} ({a.kind})")
    return None


def group(infos: list[DocInfo], cross: bool = True) -> list[DocSet]:
    """Sets of documents by department, with their links; ``cross=False``: every document alone.

    Documents whose department could not be found stay alone: a guess would pair strangers.
    """
    if not cross:
        return [DocSet(i.department, [i]) for i in sorted(infos, key=_sort_key)]
    known = [i for i in infos if i.key]
    sets = []
    for members in _departments(known):
        links = [link for n, a in enumerate(members) for b in members[n + 1 :] if (link := _link(a, b))]
        sets.append(DocSet(max((m.department for m in members), key=len), members, links))
    sets += [DocSet("", [i]) for i in infos if not i.key]
    return sorted(sets, key=lambda s: (not s.links, s.department))
