"""Typesetting invariance: one disclosure set with different line spacing, margins (page width) and
indents — and 类/款/项 headings wrapped at every character — must give the same findings.

The documents are rendered here with the dev drawing kit (``scripts/pdf_render.py``, reportlab),
so what changes between renderings is only how the page is set, never what it says.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

import reportlab  # noqa: F401,E402 (test extra: the documents are drawn here)

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
sys.path.insert(0, str(SCRIPTS))

from make_sample_pdfs import PLANTED, audit_bureau  # noqa: E402
from pdf_render import Layout, Writer  # noqa: E402
from sample_disclosures import FinalRenderer  # noqa: E402

from parsers import load_document  # noqa: E402
from tui_review.engine import check_document  # noqa: E402

LAYOUTS = {
    "single": Layout(leading=1.0),
    "one-and-half": Layout(leading=1.5),
    "double": Layout(leading=2.0),
    "wide-no-indent": Layout(leading=1.6, margin_x=40.0, indent=0.0),
    "narrow-deep-indent": Layout(leading=1.6, margin_x=110.0, indent=4.0),
}


def verdicts(path: Path) -> Counter:
    """What a reviewer sees of a document's checks, without places (pages move with the layout)."""
    report = check_document(load_document(path))
    return Counter((f.rule, str(f.severity), f.stated, str(f.verdict)) for f in report.findings)


@pytest.fixture(scope="module")
def planted_renderings(tmp_path_factory) -> dict[str, Counter]:
    out = tmp_path_factory.mktemp("typeset")
    found = {}
    for name, layout in LAYOUTS.items():
        path = out / f"{name}.pdf"
        FinalRenderer(audit_bureau(), PLANTED).render(str(path), layout)
        found[name] = verdicts(path)
    return found


@pytest.mark.parametrize("name", [n for n in LAYOUTS if n != "single"])
def test_line_spacing_margins_and_indents_do_not_change_findings(planted_renderings, name):
    assert planted_renderings[name] == planted_renderings["single"]


def test_the_renderings_carry_the_planted_errors(planted_renderings):
    errors = {rule for (rule, severity, _, verdict) in planted_renderings["single"] if severity == "error" and verdict != "holds"}
    assert {"table.hierarchy", "table.total", "prose.table"} <= errors


HEADING = "（一）社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）"
SENTENCE = "年初预算为12.34万元，支出决算为12.34万元，完成年初预算的100%。"


def chain_document(path: Path, margin: float) -> None:
    w = Writer(str(path), "某某局2023年度部门决算", layout=Layout(leading=2.0, margin_x=margin))
    w.new_page()
    w.heading("第三部分 某某局2023年度部门决算情况说明", 15)
    w.heading("五、一般公共预算财政拨款支出决算情况说明", 13)
    for n in range(1, 3):
        w.paragraph(HEADING.replace("（一）", f"（{'一二'[n - 1]}）").replace("基本养老保险缴费支出", "基本养老保险缴费支出" if n == 1 else "职业年金缴费支出"), indent=False)
        w.paragraph(SENTENCE.replace("12.34", "12.34" if n == 1 else "5.67"))
    w.save()


def subjects(path: Path) -> list[tuple[str, str]]:
    doc = load_document(path)
    return [(f.text, f.subject) for f in doc.figures if f.unit == "万元"]


def test_a_classification_chain_wrapped_at_any_character_keeps_its_subject(tmp_path):
    # text widths from 475 to 155 points (A4, margins 60 to 220) in steps of about half a character
    # move the line breaks through every character of the heading
    results = {}
    for margin in range(60, 221, 3):
        path = tmp_path / f"chain-{margin}.pdf"
        chain_document(path, float(margin))
        results[margin] = subjects(path)
    reference = results[60]
    assert all("职业年金缴费支出（项）" in s or "基本养老保险缴费支出（项）" in s for _, s in reference), reference
    different = {m: r for m, r in results.items() if r != reference}
    assert not different, different
