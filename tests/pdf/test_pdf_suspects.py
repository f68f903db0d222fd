"""The suspect search on the sample with planted errors: each planted slip is one group whose
suspect is the planted figure, and there are as many groups (plus figure-less findings) as slips."""

from __future__ import annotations

import re

from pdf_fixtures import SAMPLES

from tui_review.engine import check_document


def planted_figures() -> dict[int, tuple[int, str, str | None]]:
    """Key row → (page, printed text of the planted figure, the value it should have if the key
    says so) for the rows that plant a wrong figure."""
    key = (SAMPLES / "demo_final_2024_errors.key.md").read_text(encoding="utf-8")
    out = {}
    for n, place, wrong in re.findall(r"^\| (\d) \| ([^|]+) \| ([^|]+) \|", key, re.M):
        page = re.search(r"\(p\.(\d+)\)", place)
        printed = re.search(r"(\d[\d,]*\.\d+) printed for (\d[\d,]*\.\d+)", wrong)
        stated = re.search(r"stated as (\d[\d,]*\.\d+)", wrong)
        if page and (printed or stated):
            text = printed.group(1) if printed else stated.group(1)
            out[int(n)] = (int(page.group(1)), text, printed.group(2) if printed else None)
    return out


def test_each_planted_slip_is_one_group_naming_it(parsed):
    report = check_document(parsed(SAMPLES / "demo_final_2024_errors.pdf"))
    slips = planted_figures()
    assert sorted(slips) == [1, 2, 3, 4, 5, 6]
    groups = report.groups
    assert len(groups) == len(slips)
    for n, (page, text, should) in slips.items():
        named = [g for g in groups if len(g.suspect.options) == 1
                 and any(f.text.replace(",", "") == text and page - 1 <= (f.page or 0) <= page + 1
                         for f in g.suspect.options[0])]
        assert len(named) == 1, f"planted slip {n} ({text} on p.{page}) is not one group's suspect"
        if should is not None:
            assert {f.needed for f in named[0].suspect.options[0]} == {should}
    grouped = {f.finding_id for g in groups for f in g.members}
    others = [f for f in report.failing() if f.finding_id not in grouped and f.severity != "info"]
    assert sorted(f.rule for f in others) == ["completeness.empty_note", "completeness.table_missing"]
