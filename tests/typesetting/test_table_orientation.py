"""Typesetting invariance, table orientation (issue 10): each standard period table drawn with its
periods as columns and as rows, with compound period labels in words (上年决算数, 全年预算数,
年初预算数, 调整预算数) and in years (2023年决算数, 2024年全年预算数), must give the same findings.

The document is `orientation_render`'s. The 一般公共预算财政拨款支出决算表 printed with its periods as
rows carries its 类 as columns under a two-row header of codes over names (`parsers.table_codes`).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

import reportlab  # noqa: F401 (test extra: the documents are drawn here)

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "scripts"))
sys.path.insert(0, str(HERE))

from orientation_render import render  # noqa: E402

from parsers import load_document  # noqa: E402
from tui_review.engine import check_document  # noqa: E402

REFERENCE = ("columns", "words")
RENDERINGS = [("columns", "words"), ("columns", "years"), ("rows", "words"), ("rows", "years")]


def verdicts(path: Path) -> Counter:
    """What a reviewer sees of a document's checks, without places (cells move with the orientation)."""
    report = check_document(load_document(path))
    return Counter((f.rule, str(f.severity), f.stated, str(f.verdict)) for f in report.findings)


@pytest.fixture(scope="module")
def renderings(tmp_path_factory) -> dict[tuple[str, str], Counter]:
    out = tmp_path_factory.mktemp("orientation")
    found = {}
    for orientation, labels in RENDERINGS:
        path = out / f"{orientation}-{labels}.pdf"
        render(str(path), orientation, labels)
        found[(orientation, labels)] = verdicts(path)
    return found


def _failing_errors(found: Counter) -> set[tuple[str, str]]:
    return {(rule, stated) for (rule, severity, stated, verdict) in found if severity == "error" and verdict == "fails"}


@pytest.mark.parametrize("rendering", RENDERINGS, ids="-".join)
def test_the_planted_three_public_slip_is_found_in_every_rendering(renderings, rendering):
    # 公务接待费 2.40 in the prose, 2.10 in the table; its parts then add up to 21.70, not 21.40
    assert {("prose.table", "2.40 万元"), ("sum.parts", "21.40 万元")} <= _failing_errors(renderings[rendering])


@pytest.mark.parametrize("rendering", RENDERINGS, ids="-".join)
def test_the_three_public_table_adds_up_in_every_rendering(renderings, rendering):
    columns = {k: n for k, n in renderings[rendering].items() if k[0] == "table.columns"}
    assert columns == {k: n for k, n in renderings[REFERENCE].items() if k[0] == "table.columns"}
    assert len(columns) == 6 and all(verdict == "holds" for (_, _, _, verdict) in columns)


def _differences(renderings, rendering) -> tuple[list, list]:
    base, other = renderings[REFERENCE], renderings[rendering]
    return sorted((base - other).items()), sorted((other - base).items())


def test_year_labelled_period_columns_give_the_same_findings(renderings):
    assert _differences(renderings, ("columns", "years")) == ([], [])


@pytest.mark.parametrize("labels", ["words", "years"])
def test_period_rows_give_the_same_findings(renderings, labels):
    assert _differences(renderings, ("rows", labels)) == ([], [])


@pytest.mark.parametrize("rendering", RENDERINGS, ids="-".join)
def test_a_class_actual_that_differs_from_its_table_is_found(renderings, rendering):
    assert ("prose.table", "87.00 万元") in _failing_errors(renderings[rendering])
