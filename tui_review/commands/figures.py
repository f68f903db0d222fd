"""`tui-review figures FILE`: every extracted figure, for auditing the extraction.

Text output is made terminal-safe; JSON keeps the text exact; CSV keeps it exact too, except that
a cell a spreadsheet would execute (``=``, ``+``, ``@`` …) is neutralised as in the review sheet.
"""

from __future__ import annotations

import json
import sys

from parsers import load_document
from tui_review.samples import bundled_sample
from tui_review.sheet import csv_text
from tui_review.terminal import printable

COLUMNS = ("figure_id", "section", "page", "location", "text", "value", "decimals", "unit", "role", "sign", "subject", "code", "column")


def add_arguments(parser) -> None:
    parser.add_argument("file", nargs="?", help="文档路径 / document path (default: the bundled sample)")
    parser.add_argument("--format", choices=("text", "json", "csv"), default="text")
    parser.add_argument("--password", help="PDF 密码 / PDF password")


def figure_rows(doc) -> list[dict]:
    labels: dict[str, str] = {}
    rows = []
    for f in doc.figures:
        if f.section_id not in labels:
            labels[f.section_id] = doc.section_label(f.section_id)
        rows.append(
            {
                "figure_id": f.id,
                "section": labels[f.section_id],
                "page": f.page,
                "location": f.cell.label() if f.cell else f"{f.start}-{f.end}",
                "text": f.text,
                "value": str(f.value),
                "decimals": f.decimals,
                "unit": f.unit or "",
                "role": str(f.role),
                "sign": f.sign,
                "subject": f.subject,
                "code": f.code,
                "column": f.column,
            }
        )
    return rows


def run(args) -> int:
    doc = load_document(args.file or bundled_sample(), password=args.password)
    rows = figure_rows(doc)
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif args.format == "csv":
        sys.stdout.write(csv_text(rows, COLUMNS))  # cells neutralised like the review sheet's
    else:
        for r in rows:
            page = f"p.{r['page']} " if r["page"] is not None else ""
            sign = {1: "+", -1: "−", 0: "±"}[r["sign"]] if r["role"] in ("change", "growth") else ""
            print(printable(f"{page}{r['location']:>12}  {sign}{r['text']}{r['unit']:<4} {r['role']:<10} {r['subject']}" + (f" [{r['code']}]" if r["code"] else "") + (f" ‹{r['column']}›" if r["column"] else "")))
        print(f"# {len(rows)} figures / 个数字")
    return 0
