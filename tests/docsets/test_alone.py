"""A document checked alone (`tui-review check FILE`) finds the partners of its set in its own folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tui_review.cli import main
from tui_review.docsets import describe
from tui_review.docsets.nearby import MAX_FILES, glance_folder, might_pair, neighbours

from test_folder_check import no_user_config  # noqa: F401 — the same isolation (autouse)

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
BUDGET = "000_c776e60c2084e5b6"  # seed 000: the 2023 预算 of 科左中旗政务服务局
FINAL = "001_17aaca51ade6ba7f"  # seed 001: its 2023 决算 (the department spelled 科尔沁左翼中旗)
OTHER = "002_bc077e1f6d303947"  # seed 002: 奈曼旗政务服务局's 2020 预算, a stranger
OPENING = "与年初预算354.72万元相比"


@pytest.fixture
def folder(tmp_path) -> Path:
    """The 预算, a copy of its 决算 with one 年初预算 figure changed, and a stranger, side by side."""
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SAMPLES / f"{BUDGET}.txt", folder)
    shutil.copy(SAMPLES / f"{OTHER}.txt", folder)
    final = (SAMPLES / f"{FINAL}.txt").read_text(encoding="utf-8")
    (folder / f"{FINAL}.txt").write_text(final.replace(OPENING, "与年初预算364.72万元相比"), encoding="utf-8")
    return folder


def findings_of(capsys, *argv: str) -> tuple[int, list[dict], str]:
    code = main(["check", *argv, "--format", "json", "--show-ok", "--lang", "en"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def cross(findings: list[dict]) -> list[dict]:
    return [f for f in findings if f["rule"].startswith("cross.")]


def test_the_final_accounts_checked_alone_are_checked_against_the_budget_beside_them(folder, capsys):
    code, findings, err = findings_of(capsys, str(folder / f"{FINAL}.txt"))
    checked = cross(findings)
    assert len(checked) == 9  # the nine 年初预算 relations of seed 000 ↔ 001, as for the folder
    failing = [f for f in checked if f["verdict"] not in ("holds", "rounding")]
    assert [(f["severity"], f["stated"]) for f in failing] == [("error", "364.72 万元")]
    assert f"{BUDGET}.txt" in failing[0]["document"] and f"{FINAL}.txt" in failing[0]["document"]
    assert code == 1 and err == ""
    assert main(["check", str(folder / f"{FINAL}.txt"), "--lang", "en"]) == 1
    title, partner, *_ = capsys.readouterr().out.splitlines()
    assert title == f"== {FINAL}.txt ==" and f"checked with {BUDGET}.txt beside it" in partner and OTHER not in partner


def test_no_cross_checks_the_file_only(folder, capsys):
    code, findings, err = findings_of(capsys, str(folder / f"{FINAL}.txt"), "--no-cross")
    assert cross(findings) == []
    main(["check", str(folder / f"{FINAL}.txt"), "--no-cross"])
    assert "一起核对" not in capsys.readouterr().out


def test_the_budget_alone_lists_none_and_says_where_they_are(folder, capsys):
    """Each cross finding is reviewed once, in the document whose words make the claim: the 决算."""
    code, findings, err = findings_of(capsys, str(folder / f"{BUDGET}.txt"))
    assert cross(findings) == []
    main(["check", str(folder / f"{BUDGET}.txt"), "--lang", "en"])
    assert f"the findings between them are listed in {FINAL}.txt" in capsys.readouterr().out


def test_one_disclosure_present_twice_is_one_partner_of_the_opened_files_type(folder, capsys):
    shutil.copy(SAMPLES / f"{BUDGET}.pdf", folder)  # the same 预算 as a PDF
    code, findings, err = findings_of(capsys, str(folder / f"{FINAL}.txt"))
    assert len(cross(findings)) == 9
    assert {f["document"] for f in cross(findings)} == {f"{BUDGET}.txt ↔ {FINAL}.txt"}


def test_a_pdf_beside_it_is_known_by_its_first_pages(tmp_path):
    for name in (f"{BUDGET}.pdf", f"{FINAL}.pdf"):
        shutil.copy(SAMPLES / name, tmp_path)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (glance,) = glance_folder(tmp_path / f"{BUDGET}.pdf")  # the broken one is left out, never a crash
    assert glance.path.name == f"{FINAL}.pdf"
    assert (glance.info.year, glance.info.kind, glance.info.key) == (2023, "final", "科左中旗政务服务局")


def test_the_folder_is_looked_at_within_bounds(tmp_path):
    for n in range(MAX_FILES + 20):
        (tmp_path / f"{n:03d}.txt").write_text("某某局2023年度部门预算\n", encoding="utf-8")
    for other in ("README.md", ".hidden.txt", "picture.png", "000.txt.review.sqlite"):
        (tmp_path / other).write_text("x", encoding="utf-8")
    found = neighbours(tmp_path / "000.txt")
    assert len(found) == MAX_FILES
    assert all(p.suffix == ".txt" and not p.name.startswith(".") and p.name != "000.txt" for p in found)


def test_only_documents_a_link_could_join_are_read_whole(folder):
    from parsers import load_document

    final = describe(load_document(folder / f"{FINAL}.txt"))
    seen = {g.path.name: might_pair(final, g.info) for g in glance_folder(folder / f"{FINAL}.txt")}
    assert seen == {f"{BUDGET}.txt": True, f"{OTHER}.txt": False}
