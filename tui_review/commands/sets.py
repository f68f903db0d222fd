"""`tui-review sets DIR|FILE...`: print how the given disclosures group into sets, and why.

Each set is one department's documents (year, kind, whether it holds prose, tables or both, and
where the department's name was found), then its links (预算 ↔ 决算, consecutive years, text ↔
tables) with the reason, so a wrong pairing is visible before any cross check relies on it.
``--no-cross`` lists every document alone. Parsed documents come from the parse cache when the
file is unchanged. Exit status: 0, or 2 when an input could not be read.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tui_review.docsets import DocInfo, DocSet, describe, expand, group
from tui_review.docsets.grouping import HOLDS_ZH, KIND_ZH
from tui_review.terminal import printable

_SOURCE_ZH = {"document": "文档", "table header": "表头", "file name": "文件名", "": "未找到"}
_LINK_ZH = {"budget_final": "预算 ↔ 决算", "consecutive": "相邻年度", "text_tables": "文字 ↔ 表格"}
_LINK_EN = {"budget_final": "budget ↔ final", "consecutive": "consecutive years", "text_tables": "text ↔ tables"}


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="DIR|FILE", help="文件夹或文件 / folders or files")
    parser.add_argument("--no-cross", action="store_true", help="不分组 / do not group documents")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="语言 / language")
    parser.add_argument("--password", metavar="PW", help="加密 PDF 的密码 / password of an encrypted PDF")


def safe(text: str) -> str:
    """Document or file-name text made harmless for a terminal, on one line."""
    return printable(text, one_line=True)


def read_infos(paths: list[Path], password: str | None = None) -> tuple[list[DocInfo], list[str]]:
    """A `DocInfo` per readable file (each model released at once); one-line messages for the rest."""
    from parsers import InputError, load_document

    infos, unreadable = [], []
    for path in paths:
        try:
            infos.append(describe(load_document(path, password=password)))
        except InputError as exc:
            unreadable.append(exc.line())
    return infos, unreadable


def render(sets: list[DocSet], lang: str = "zh") -> str:
    en = lang == "en"
    lines = []
    for n, docset in enumerate(sets, 1):
        name = docset.department or ("(department not found)" if en else "（未识别部门）")
        count = len(docset.members)
        lines.append(f"[{n}] {safe(name)}  ({count} document{'s' if count != 1 else ''})" if en
                     else f"[{n}] {safe(name)}（{count} 份）")
        for m in docset.members:
            lines.append("    " + _member(m, en))
        for link in docset.links:
            kind = (_LINK_EN if en else _LINK_ZH)[link.kind]
            lines.append(f"    ↔ {kind}: {safe(link.first.name)} ↔ {safe(link.second.name)}")
            lines.append(f"        {safe(link.why_en if en else link.why_zh)}")
    links = sum(len(s.links) for s in sets)
    docs = sum(len(s.members) for s in sets)
    lines.append(f"{docs} documents, {len(sets)} sets, {links} links" if en
                 else f"共 {docs} 份文档，{len(sets)} 组，{links} 个关联")
    return "\n".join(lines) + "\n"


def _member(m: DocInfo, en: bool) -> str:
    year = str(m.year) if m.year else "????"
    if en:
        return (f"{year} {m.kind:<8} {m.holds:<6} {safe(m.name)}  "
                f"[department from {m.department_source or 'nowhere'}: {safe(m.department) or '—'}]")
    return (f"{year} {KIND_ZH.get(m.kind, m.kind)} {HOLDS_ZH[m.holds]}  {safe(m.name)}  "
            f"［部门名称来自{_SOURCE_ZH[m.department_source]}：{safe(m.department) or '—'}］")


def run(args) -> int:
    paths = expand([Path(p) for p in args.paths])
    infos, unreadable = read_infos(paths, args.password)
    for line in unreadable:
        print(safe(line), file=sys.stderr)
    sys.stdout.write(render(group(infos, cross=not args.no_cross), args.lang))
    return 2 if unreadable else 0
