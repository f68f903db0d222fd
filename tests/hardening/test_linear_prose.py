"""Prose scanning is linear: lines near the 50,000-character limit, with or without clause and
sentence punctuation, are checked within a fixed CPU budget (issue 13 S3: a back-scan per figure
made 4 such lines take minutes). CPU time, not wall time, so a busy machine does not fail it."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

CPU_SECONDS = 30
HEAD = "2023年度某某局部门预算\n第二部分 情况说明\n一、收支预算情况\n"


def _line(k: int, joiner: str, change: bool) -> str:
    items = (
        f"项目{i}支出{i % 97}.{i % 89:02d}万元" + (f"，比上年增加{i % 7}.00万元，增长{i % 5}.0%" if change else "")
        for i in range(k * 4000, k * 4000 + 4000)
    )
    return joiner.join(items)[:49_000]


CASES = {
    "no-punctuation": lambda: HEAD + "\n".join(_line(k, "", False) for k in range(4)) + "\n",
    "commas-only": lambda: HEAD + "\n".join(_line(k, "，", False) for k in range(8)) + "\n",
    "changes-and-rates": lambda: HEAD + _line(0, "，", True) + "\n",
}


def _limit_cpu() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


@pytest.mark.parametrize("case", list(CASES))
def test_long_prose_lines_are_checked_within_a_cpu_budget(case, tmp_path: Path):
    path = tmp_path / f"{case}.txt"
    path.write_text(CASES[case](), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "tui_review.cli", "check", str(path), "--format", "json", "-o", str(tmp_path / "out.json")],
        preexec_fn=_limit_cpu, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]  # a CPU-limit kill is SIGXCPU, not 0/1
