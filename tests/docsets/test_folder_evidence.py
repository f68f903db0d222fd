"""`tui-review export DIR --evidence OUT`: one sheet for the folder, one picture per finding of each PDF."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from PIL import Image

from tui_review.cli import main

from test_folder_check import no_user_config  # noqa: F401 — the same isolation (autouse)

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
ERRORS = "demo_final_2024_errors.pdf"  # the demo 决算 with planted errors
BUDGET = "demo_budget_2025.pdf"
SEED = "000_c776e60c2084e5b6.txt"  # a text document: findings, but no page to picture


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "docs"
    (root / "pdf").mkdir(parents=True)
    shutil.copy(SAMPLES / ERRORS, root / "pdf" / ERRORS)
    shutil.copy(SAMPLES / BUDGET, root / BUDGET)
    shutil.copy(SAMPLES / SEED, root / SEED)
    return root


def rows_of(sheet: Path) -> list[dict[str, str]]:
    with sheet.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_folder_exports_its_sheet_with_a_picture_per_finding_of_every_pdf(folder, tmp_path, capsys):
    sheet, evidence = tmp_path / "out" / "sheet.csv", tmp_path / "out" / "pictures"
    assert main(["export", str(folder), "-o", str(sheet), "--evidence", str(evidence), "--lang", "en"]) == 0
    rows = rows_of(sheet)
    assert {r["document"] for r in rows} >= {ERRORS, SEED}
    pictured = [r for r in rows if r["picture"]]
    assert pictured and all(r["document"] == ERRORS or r["document"] == BUDGET for r in pictured)
    assert all((sheet.parent / r["picture"]).is_file() for r in pictured)
    assert {r["picture"].split("/")[1] for r in pictured if r["document"] == ERRORS} == {f"pdf__{ERRORS}"}
    assert not [r for r in rows if r["document"] == SEED and r["picture"]]  # a text has no page
    on_disk = sorted(p.relative_to(sheet.parent).as_posix() for p in evidence.rglob("*.png"))
    assert on_disk == sorted(r["picture"] for r in pictured)  # one file per row that names one, nothing else
    width, height = Image.open(sheet.parent / pictured[0]["picture"]).size
    assert 20 < width and 20 < height
    out = capsys.readouterr().out
    assert f"({len(pictured)} PNG)" in out


def test_existing_pictures_are_refused_before_anything_is_written(folder, tmp_path, capsys):
    sheet, evidence = tmp_path / "sheet.csv", tmp_path / "pictures"
    evidence.mkdir()
    (evidence / "keep.png").write_bytes(b"keep")
    assert main(["export", str(folder), "-o", str(sheet), "--evidence", str(evidence)]) == 2
    assert not sheet.exists() and [p.name for p in evidence.iterdir()] == ["keep.png"]
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert main(["export", str(folder), "-o", str(sheet), "--evidence", str(evidence), "--force"]) == 0
    assert sheet.is_file() and len(list(evidence.rglob("*.png"))) > 1
