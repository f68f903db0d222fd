"""Names and identity: what the document says it is, checked against itself (warnings, no arithmetic).

- ``names.placeholder``: template placeholders left in the text or the tables (``XX局``, ``××``,
  ``某某``, ``（单位名称）``): one warning per section or table, listing them;
- ``names.year``: a heading or a table title naming a 预算/决算 of another year than the
  document's (from its title; a 预算 may report the year before's 决算), or a “截至…年12月31日” date of the wrong year (a 决算 states its own
  year's end; a 预算, prepared before its year begins, one of the two years before);
- ``names.department``: a department named as the disclosure's own (``…（部门）``, ``2024年度
  …部门预算``, a table title) that is not the department of the title or cover (an abbreviated
  region is the same department: the names must share their last ``SAME_TAIL`` characters);
- ``names.subject``: a 功能分类 科目 named in the prose with its level (``住房保障支出（款）``) that
  the document's own tables do not carry at that level, while the code the prose prints is there
  under another name, or the name is in no table at all — only when the document has coded tables.

Each finding names both places: where the text says it and what it disagrees with.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

from parsers.metadata import DEPT_AFTER_YEAR, DEPT_BEFORE_YEAR, DEPT_PROSE
from parsers.model import DocKind, Document, Severity
from tui_review.checks.notice import notice
from tui_review.config import Config
from tui_review.contracts.finding import Finding
from tui_review.contracts.place import Place
from tui_review.relations.table_index import name_key, views

PLACEHOLDER = re.compile(
    r"(?:(?<![A-Za-z])[XＸ×]{2,}(?![A-Za-z])|某某)(?:局|委员会|委|办公室|办|部门|中心|单位|区|县|市|镇|街道|乡)?|[（(](?:单位|部门|项目)名称[）)]"
)
DISCLOSURE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?[\u4e00-\u9fff“”\"]{0,24}?(?:预算|决算)")
COMPARISON = re.compile(r"比|对比|与|较|上年|同期|执行|《")
QUOTED = re.compile(r"《[^》]*》")
YEAR_END = re.compile(r"截[至止]\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日")
SAME_TAIL = 4
LEVEL_MARK = re.compile(r"[（(]\s*(\d{0,3})\s*(类|款|项)\s*[）)]")
NAME_BOUNDARY = re.compile(r"[，。；：、,;:“”\"《》（）()\t|｜]|[0-9０-９]+\s*[、．.]|[一二三四五六七八九十]+、")
LEADING_VERB = re.compile(r"^(?:主要用于|主要是|用于|其中|包括|安排|为)")
LEVEL_DIGITS = {"类": 3, "款": 5, "项": 7}
LEVELS = {3: "类", 5: "款", 7: "项"}
MAX_NAME = 20


def _finding(doc: Document, config: Config, rule: str, key: str, place: Place, stated: str, zh: str, en: str,
             section_id: str = "") -> Finding | None:
    return notice(doc, config, rule, Severity.WARNING, key, place, stated, zh, en, section_id)


class _Sections:
    """Which section a text offset stands in (from the document's blocks)."""

    def __init__(self, doc: Document) -> None:
        blocks = sorted(doc.blocks, key=lambda b: b.start)
        self.starts = [b.start for b in blocks]
        self.ids = [b.section_id for b in blocks]

    def at(self, offset: int) -> str:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.ids[i] if i >= 0 else ""


def _cover(doc: Document) -> str:
    return f"标题“{doc.title}”" if doc.title else "封面"


# --- placeholders -----------------------------------------------------------------------------


def _placeholders(doc: Document, config: Config) -> list[Finding | None]:
    sections = _Sections(doc)
    by_place: dict[str, list[tuple[str, Place, str]]] = defaultdict(list)
    for m in PLACEHOLDER.finditer(doc.text):
        section_id = sections.at(m.start())
        by_place[f"S:{section_id}"].append((m.group(0), Place.in_text(m.start(), doc.page_of(m.start()), doc, section_id), section_id))
    for table in doc.tables:
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                for m in PLACEHOLDER.finditer(cell):
                    place = Place(page=table.cell_pages.get((r, c), table.page), table_id=table.id, row=r, column=c, table_title=table.title)
                    by_place[f"T:{table.id}"].append((m.group(0), place, table.section_id))
    out = []
    for key, hits in by_place.items():
        words = list(dict.fromkeys(text for text, _, _ in hits))
        listed = "、".join(f"“{w}”" for w in words[:6]) + ("等" if len(words) > 6 else "")
        listed_en = ", ".join(words[:6]) + (" …" if len(words) > 6 else "")
        first_text, place, section_id = hits[0]
        out.append(_finding(
            doc, config, "names.placeholder", f"{key}|{'|'.join(words)}", place, first_text,
            f"此处有 {len(hits)} 个未替换的模板占位符：{listed}",
            f"{len(hits)} template placeholder(s) left unreplaced here: {listed_en}",
            section_id,
        ))
    return out


# --- years ------------------------------------------------------------------------------------


def _heading_years(doc: Document, config: Config) -> list[Finding | None]:
    assert doc.year is not None
    # a report of one year's execution and the next year's budget names both in its title
    own_years = {doc.year} | {int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", doc.title or "")}
    titled: list[tuple[str, str, Place, str]] = [
        (s.heading, f"H:{s.id}", Place.in_text(s.start, s.page, doc, s.id), s.id) for s in doc.sections()]
    titled += [(t.title, f"T:{t.id}", Place.of_table(t.id, doc), t.section_id) for t in doc.tables if t.title]
    out = []
    for title, key, place, section_id in titled:
        plain = QUOTED.sub("", title)
        if COMPARISON.search(plain):
            continue
        for m in DISCLOSURE_YEAR.finditer(plain):
            year = int(m.group(1))
            if doc.kind == DocKind.BUDGET and year == doc.year - 1 and m.group(0).endswith("决算"):
                continue  # a budget reports last year's outturn (二、2021年“三公”经费决算情况)
            if year not in own_years:
                out.append(_finding(
                    doc, config, "names.year", f"{key}|{year}", place, m.group(0),
                    f"“{title}”写的是 {year} 年，而文档（{_cover(doc)}）是 {doc.year} 年的",
                    f"“{title}” names the year {year}, while the document ({doc.title or 'cover'}) is of {doc.year}",
                    section_id,
                ))
                break
    return out


def _year_ends(doc: Document, config: Config) -> list[Finding | None]:
    assert doc.year is not None
    budget = doc.kind == DocKind.BUDGET
    allowed = {doc.year - 1, doc.year - 2} if budget else {doc.year}
    sections = _Sections(doc)
    out = []
    for m in YEAR_END.finditer(doc.text):
        year = int(m.group(1))
        if year in allowed:
            continue
        section_id = sections.at(m.start())
        expect = f"{doc.year - 2} 或 {doc.year - 1} 年" if budget else f"{doc.year} 年"
        expect_en = f"{doc.year - 2} or {doc.year - 1}" if budget else str(doc.year)
        out.append(_finding(
            doc, config, "names.year", f"D:{m.start()}|{year}", Place.in_text(m.start(), doc.page_of(m.start()), doc, section_id),
            m.group(0),
            f"“{m.group(0)}”：{doc.year} 年{'预算' if budget else '决算'}（{_cover(doc)}）应截至 {expect}12月31日",
            f"“{m.group(0)}”: a {doc.year} {'budget' if budget else 'final account'} ({doc.title or 'cover'}) "
            f"states the position at 31 December {expect_en}",
            section_id,
        ))
    return out


# --- department -------------------------------------------------------------------------------


def _normal_department(name: str) -> str:
    name = re.sub(r"\s+", "", name)
    name = re.sub(r"^.*?(?:19|20)\d{2}年度?", "", name)
    return re.sub(r"[（(](?:部门|单位)[）)]$", "", name)


def same_department(a: str, b: str) -> bool:
    """Two spellings of one department: one ends the other, or they share their last characters
    (科左中旗政务服务局 and 科尔沁左翼中旗政务服务局)."""
    if a.endswith(b) or b.endswith(a):
        return True
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return tail >= SAME_TAIL


def _department_mentions(doc: Document) -> list[tuple[str, Place, str]]:
    sections = _Sections(doc)
    mentions = []
    for pattern in (DEPT_PROSE, DEPT_AFTER_YEAR):
        for m in pattern.finditer(doc.text):
            section_id = sections.at(m.start())
            mentions.append((_normal_department(m.group(1)), Place.in_text(m.start(), doc.page_of(m.start()), doc, section_id), section_id))
    for table in doc.tables:
        for pattern in (DEPT_AFTER_YEAR, DEPT_BEFORE_YEAR):
            for m in pattern.finditer(table.title):
                mentions.append((_normal_department(m.group(1)), Place.of_table(table.id, doc), table.section_id))
    return mentions


def _departments(doc: Document, config: Config) -> list[Finding | None]:
    own = _normal_department(doc.department or "")
    if len(own) < 3 or PLACEHOLDER.search(own):
        return []
    seen: set[str] = set()
    out = []
    for name, place, section_id in _department_mentions(doc):
        if len(name) < 3 or name.startswith("本") or PLACEHOLDER.search(name) or name in seen or same_department(name, own):
            continue
        seen.add(name)
        out.append(_finding(
            doc, config, "names.department", name, place, name,
            f"此处的部门名称“{name}”与{_cover(doc)}中的“{own}”不一致",
            f"the department named here, “{name}”, differs from “{own}” in the document's title or cover",
            section_id,
        ))
    return out


# --- 科目 names in the prose ------------------------------------------------------------------


@dataclass(slots=True)
class _Catalogue:
    """The document's own coded 功能分类 rows: names by level, names by code, codes by name."""

    by_level: dict[str, set[str]]
    by_code: dict[str, str]

    def has(self, name: str, level: str) -> bool:
        known = self.by_level.get(level, set())
        return name in known or (level == "类" and (f"{name}支出" in known or name.removesuffix("支出") in known))

    def levels_of(self, name: str) -> list[str]:
        return [level for level in ("类", "款", "项") if self.has(name, level)]

    def children(self, code: str, level: str) -> list[str]:
        return [n for c, n in self.by_code.items() if len(c) == LEVEL_DIGITS[level] and c.startswith(code)]


def _catalogue(doc: Document) -> _Catalogue:
    by_level: dict[str, set[str]] = defaultdict(set)
    by_code: dict[str, str] = {}
    for view in views(doc):
        for panel in view.panels:
            for row in view.rows(panel):
                if row.code.startswith("2") and len(row.code) in LEVELS and row.key:
                    by_level[LEVELS[len(row.code)]].add(row.key)
                    by_code.setdefault(row.code, row.key)
    return _Catalogue(dict(by_level), by_code)


@dataclass(slots=True)
class _Named:
    name: str
    level: str
    digits: str  # the code digits printed in the marker (210 of “（210类）”, 11 of “（11款）”)
    start: int


def _chains(text: str) -> list[list[_Named]]:
    """Runs of level-marked names (``A（类）B（款）C（项）``) in the text, with clean name boundaries."""
    chains: list[list[_Named]] = []
    current: list[_Named] = []
    last_end = -1
    for m in LEVEL_MARK.finditer(text):
        chained = current and m.start() - last_end <= MAX_NAME and not NAME_BOUNDARY.search(text[last_end:m.start()])
        if not chained:
            if current:
                chains.append(current)
            current = []
            before = text[max(0, m.start() - MAX_NAME * 2) : m.start()]
            cut = [b.end() for b in NAME_BOUNDARY.finditer(before)]
            if not cut:
                last_end = m.end()
                continue  # no clean start within reach: the name cannot be told
            segment = before[cut[-1]:]
        else:
            segment = text[last_end : m.start()]
        name = LEADING_VERB.sub("", name_key(segment))
        last_end = m.end()
        if 2 <= len(name) <= MAX_NAME and not PLACEHOLDER.search(name):
            current.append(_Named(name, m.group(2), m.group(1), m.start() - len(segment)))
        elif current:
            chains.append(current)
            current = []
    if current:
        chains.append(current)
    return chains


def _code_of(chain: list[_Named], i: int) -> str:
    """The code the printed digits give the chain's ``i``-th name (``""`` when not all are printed)."""
    code = ""
    for named in chain[: i + 1]:
        want = LEVEL_DIGITS[named.level] - len(code)
        if not named.digits or len(named.digits) != want:
            return ""
        code += named.digits
    return code


def _mismatch(chain: list[_Named], i: int, catalogue: _Catalogue) -> tuple[str, str] | None:
    """Why the ``i``-th name of the chain is not the document's own (zh, en), or None."""
    named = chain[i]
    if catalogue.has(named.name, named.level):
        return None
    code = _code_of(chain, i)
    printed = f"{named.name}（{named.digits}{named.level}）"
    if code and code in catalogue.by_code:
        table_name = catalogue.by_code[code]
        return (f"“{printed}”在表格中编码 {code} 的名称是“{table_name}”",
                f"“{printed}”: the tables name code {code} “{table_name}”")
    elsewhere = catalogue.levels_of(named.name)
    if elsewhere:
        return (f"“{printed}”在表格中是{'、'.join(elsewhere)}级科目，不是{named.level}",
                f"“{printed}” is a {'/'.join(elsewhere)} (not a {named.level}) in the tables")
    return (f"“{printed}”在本文档的表格中没有出现", f"“{printed}” appears in none of the document's tables")


def _subjects(doc: Document, config: Config) -> list[Finding | None]:
    catalogue = _catalogue(doc)
    if not catalogue.by_code:
        return []
    sections = _Sections(doc)
    out = []
    for chain in _chains(doc.text):
        reasons = [r for i in range(len(chain)) if (r := _mismatch(chain, i, catalogue)) is not None]
        if not reasons:
            continue
        start = chain[0].start
        section_id = sections.at(start)
        printed = "".join(f"{n.name}（{n.digits}{n.level}）" for n in chain)
        out.append(_finding(
            doc, config, "names.subject", f"{section_id}|{printed}", Place.in_text(start, doc.page_of(start), doc, section_id),
            printed,
            f"说明中的科目“{printed}”与本文档表格中的科目名称不符：{'；'.join(r[0] for r in reasons)}",
            f"the 科目 “{printed}” in the prose does not match the document's tables: {'; '.join(r[1] for r in reasons)}",
            section_id,
        ))
    return out


def findings(doc: Document, config: Config | None = None) -> list[Finding]:
    config = config or Config.default()
    found = _placeholders(doc, config) + _departments(doc, config) + _subjects(doc, config)
    if doc.year is not None:
        found += _heading_years(doc, config) + _year_ends(doc, config)
    return [f for f in found if f is not None]
