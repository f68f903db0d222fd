"""`tui-review outline FILE`: the section tree, with per section the count of figures and tables."""

from __future__ import annotations

import sys
from collections import Counter

from parsers import load_document
from tui_review.samples import bundled_sample
from tui_review.terminal import printable


def add_arguments(parser) -> None:
    parser.add_argument("file", nargs="?", help="文档路径 / document path (default: the bundled sample)")
    parser.add_argument("--password", help="PDF 密码 / PDF password")


def render_outline(doc) -> list[str]:
    figures = Counter(f.section_id for f in doc.figures)
    lines = [
        f"{doc.title or doc.path}",
        f"  类型 kind={doc.kind} 年度 year={doc.year} 部门 department={doc.department} 单位 unit={doc.unit}"
        + (f" 页数 pages={doc.page_count}" if doc.page_count else ""),
    ]
    preamble = figures.get("", 0)
    if preamble or doc.root.table_ids:
        lines.append(f"(封面/前言 preamble)  [数字 {preamble} · 表 {len(doc.root.table_ids)}]")
    for sec in doc.sections():
        depth = sec.id.count(".")
        page = f" p.{sec.page}" if sec.page is not None else ""
        lines.append(f"{'  ' * depth}{sec.heading}{page}  [数字 {figures.get(sec.id, 0)} · 表 {len(sec.table_ids)}]")
        for tid in sec.table_ids:
            t = doc.table(tid)
            lines.append(f"{'  ' * (depth + 1)}▦ {tid} {t.title or '(无标题)'} {t.shape[0]}×{t.shape[1]}" + (f" 单位:{t.unit}" if t.unit else ""))
    return lines


def run(args) -> int:
    doc = load_document(args.file or bundled_sample(), password=args.password)
    sys.stdout.write(printable("\n".join(render_outline(doc)) + "\n"))
    return 0
