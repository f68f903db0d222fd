"""The terminal itself: an ASCII-only terminal (``PYTHONIOENCODING=ascii``) and a closed stdout
never turn into a traceback."""

from __future__ import annotations

import os
import subprocess

from cli_runner import cli_env, run_cli

SAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "sample_docs", "001_17aaca51ade6ba7f.txt")


def test_an_ascii_terminal_gets_escapes_not_a_traceback(tmp_path):
    env = cli_env(tmp_path, PYTHONIOENCODING="ascii")
    for args in (["check", SAMPLE], ["outline", SAMPLE], ["check", str(tmp_path / "missing.pdf")], ["locate"]):
        done = run_cli(args, cwd=tmp_path, home=tmp_path, env=env)
        assert "Traceback" not in done.stderr, (args, done.stderr[-800:])
        assert done.returncode in (0, 1, 2), args
    assert "\\u" in run_cli(["outline", SAMPLE], cwd=tmp_path, home=tmp_path, env=env).stdout


def test_a_closed_stdout_is_not_a_crash(tmp_path):
    for args in (["check", SAMPLE], ["figures", SAMPLE], ["check", SAMPLE, "--format", "csv"]):
        shell = _shell(args, ">&-", tmp_path)  # file descriptor 1 really closed
        assert "Traceback" not in shell.stderr, shell.stderr[-800:]
        assert shell.returncode in (0, 1), (args, shell.returncode, shell.stderr)


def test_a_reader_that_goes_away_is_not_a_crash(tmp_path):
    shell = _shell(["figures", SAMPLE], "| head -c 10 >/dev/null", tmp_path)
    assert "Traceback" not in shell.stderr and "Exception ignored" not in shell.stderr, shell.stderr[-800:]


def _shell(args: list[str], redirect: str, cwd) -> subprocess.CompletedProcess:
    script = f'py=$1; code=$2; shift 2; "$py" -c "$code" "$@" {redirect}'
    return subprocess.run(["sh", "-c", script, "sh", *_python_args(args)], cwd=cwd, env=cli_env(cwd),
                          stderr=subprocess.PIPE, text=True, timeout=30)


def _python_args(args: list[str]) -> list[str]:
    import sys

    from cli_runner import CODE

    return [sys.executable, CODE, *args]
