"""What a disclosure is, for grouping: department, year, kind and what it holds (prose, tables).

`describe(doc)` reads these from a parsed `Document` only — its metadata, the ``部门：`` field of
a table header and, as a last resort, the file name — so grouping never needs a second parse.
`department_key` normalises a department's name so that the spellings one department uses across
its documents compare equal: 科左中旗 ≡ 科尔沁左翼中旗, ``（部门）`` ignored, 中共 / 中国共产党
dropped, 委员会 ≡ 委, and the 办公厅 / 办公室 of a 委 / 常委会 / 政协 / 政府 standing for the body
it serves (a body's disclosure is published under either name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from parsers.model import DocKind, Document
from parsers.numbers import MONEY_UNITS

# Official short forms of long banner (旗) and county names: long → short, applied to both sides.
SHORT_FORMS = (
    ("科尔沁左翼", "科左"),
    ("科尔沁右翼", "科右"),
    ("察哈尔右翼", "察右"),
    ("土默特左旗", "土左旗"),
    ("土默特右旗", "土右旗"),
    ("达尔罕茂明安联合旗", "达茂旗"),
)
BRACKETED_SCOPE = re.compile(r"[（(](?:部门|单位|本级|汇总|部门汇总)[）)]")
PARTY_PREFIX = re.compile(r"^(?:中国共产党|中共)")
SERVING_OFFICE = re.compile(r"(?<=委|会|协|府|大)(?:办公厅|办公室)$")
DEPT_FIELD = re.compile(r"(?:部门|单位)(?:名称)?\s*[:：]\s*([\u4e00-\u9fff（）()]{3,40})")
# what follows a name run together with it: a printer's credit (…印制), 目录, a unit
FIELD_TAIL = re.compile(r"(?:印制|目录|单位(?:[:：]|万?元|$)|金额|万元).*$")
LEADING_REGION = re.compile(r"^(?:中国共产党|中共)?([\u4e00-\u9fff]{2,3}?[省市])")
YEAR_IN_NAME = re.compile(r"((?:19|20)\d{2})\s*(?:年|度)")
SHORT_YEAR_IN_NAME = re.compile(r"(?<!\d)(\d{2})\s*年")
NAME_NOISE = re.compile(
    r"(?:19|20)?\d{2}\s*年?度?|部门|单位|综合|预算|决算|公开|文件|文档|报表|表格|表|说明|报告|[（(].*?[）)]|[-_\s.]"
)

PROSE_MIN = 20  # prose money figures for a document to "hold prose"
CELLS_MIN = 20  # table figures for a document to "hold tables"


@dataclass(frozen=True, slots=True)
class DocInfo:
    """A disclosure as grouping sees it: small, picklable, no model."""

    path: str
    name: str  # file name
    sha256: str
    department: str  # as found ("" when none)
    department_source: str  # document | table header | file name | ""
    key: str  # department_key(department)
    year: int | None
    kind: str  # a DocKind value
    prose_figures: int
    table_figures: int
    pages: int | None

    @property
    def holds(self) -> str:
        """``prose``, ``tables``, ``both`` or ``none``."""
        prose, tables = self.prose_figures >= PROSE_MIN, self.table_figures >= CELLS_MIN
        return "both" if prose and tables else "prose" if prose else "tables" if tables else "none"


def department_key(name: str) -> str:
    """A department's name reduced to what identifies it (see the module docstring)."""
    key = re.sub(r"\s+", "", name)
    key = BRACKETED_SCOPE.sub("", key)
    key = PARTY_PREFIX.sub("", key)
    key = key.replace("常务委员会", "常委会").replace("委员会", "委")
    for long, short in SHORT_FORMS:
        key = key.replace(long, short)
    key = SERVING_OFFICE.sub("", key)
    return key


def same_department(a: str, b: str) -> bool:
    """Equal keys, or one the other without its leading region (``省法院`` in ``江苏省法院``)."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and short[0] in "省市区县旗盟州" and long.endswith(short)


def _from_tables(doc: Document) -> str:
    """A ``部门：名称`` field in the opening text or in a table's header."""
    sources = [doc.text[:3000]]
    for table in doc.tables[:6]:
        sources += [table.title, *table.columns, *(" ".join(r) for r in table.header_rows)]
    for source in sources:
        m = DEPT_FIELD.search(source or "")
        if m:
            name = _first_entity(FIELD_TAIL.sub("", m.group(1)))
            if len(name) >= 3:
                return name
    return ""


def _first_entity(name: str) -> str:
    """``中共江苏省委办公厅江苏省财政厅`` → ``中共江苏省委办公厅``: a second name of the same region
    run into the first (a cover's 部门 line followed by its printer) is cut off."""
    m = LEADING_REGION.match(name)
    if m:
        again = name.find(m.group(1), m.end() + 2)
        if again > 0:
            return name[:again]
    return name


def file_name_department(path: str) -> str:
    """The department a file's name gives (``江苏省委办公厅2018年度部门预算公开表.pdf`` → 江苏省委办公厅), or ""."""
    stem = PurePath(path).stem
    name = NAME_NOISE.sub("", stem)
    return name if len(name) >= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", name) else ""


def _year(doc: Document) -> int | None:
    if doc.year is not None:
        return doc.year
    stem = PurePath(doc.path).stem
    m = YEAR_IN_NAME.search(stem)
    if m:
        return int(m.group(1))
    m = SHORT_YEAR_IN_NAME.search(stem)
    return 2000 + int(m.group(1)) if m else None


def _kind(doc: Document) -> str:
    if doc.kind != DocKind.UNKNOWN:
        return str(doc.kind)
    stem = PurePath(doc.path).stem
    titles = " ".join(t.title for t in doc.tables)
    for source in (stem, doc.text[:3000], titles):
        if "决算" in source:
            return str(DocKind.FINAL)
        if "预算" in source:
            return str(DocKind.BUDGET)
    return str(DocKind.UNKNOWN)


def describe(doc: Document) -> DocInfo:
    """Department, year, kind and contents of ``doc``, from its metadata only."""
    department, source = doc.department or "", "document" if doc.department else ""
    if not department:
        department = _from_tables(doc)
        source = "table header" if department else ""
    if not department:
        department = file_name_department(doc.path)
        source = "file name" if department else ""
    prose = sum(1 for f in doc.figures if f.start is not None and f.unit in MONEY_UNITS)
    cells = sum(1 for f in doc.figures if f.cell is not None)
    return DocInfo(
        path=doc.path,
        name=PurePath(doc.path).name,
        sha256=doc.sha256,
        department=department,
        department_source=source,
        key=department_key(department),
        year=_year(doc),
        kind=_kind(doc),
        prose_figures=prose,
        table_figures=cells,
        pages=doc.page_count,
    )
