"""The commands work on PDFs as on text, with page numbers; a bad PDF is one line and exit 2."""

from __future__ import annotations

import json

from pdf_fixtures import INPUTS, SAMPLES

from tui_review.cli import main


def test_check_exit_codes(capsys):
    assert main(["check", str(SAMPLES / "demo_final_2024.pdf")]) == 0
    assert main(["check", str(SAMPLES / "demo_final_2024_errors.pdf")]) == 1
    capsys.readouterr()
    assert main(["check", str(INPUTS / "encrypted.pdf")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--password" in err
    assert main(["check", str(INPUTS / "encrypted.pdf"), "--password", "secret"]) == 0


def test_check_json_cites_pages(capsys):
    main(["check", str(SAMPLES / "demo_final_2024_errors.pdf"), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    findings = out["findings"] if isinstance(out, dict) else out
    pages = {f["page"] for f in findings if f["rule"].startswith("table.")}
    assert {4, 7, 14} <= pages


def test_outline_and_figures_on_a_pdf(capsys):
    assert main(["outline", str(SAMPLES / "demo_final_2024.pdf")]) == 0
    outline = capsys.readouterr().out
    assert "第三部分" in outline and "收入支出决算总表" in outline
    assert main(["figures", str(SAMPLES / "demo_final_2024.pdf")]) == 0
    assert "2,696.29" in capsys.readouterr().out
