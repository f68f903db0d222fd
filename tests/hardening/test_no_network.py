"""No network: with every way to open a connection or resolve a name patched to raise (local Unix
sockets, which the PDF reader's fork server uses, excepted), each CLI command runs to completion
and the TUI module imports."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"

SCRIPT = r"""
import socket, sys

calls = []

def refuse(*args, **kwargs):
    calls.append(args[:2])
    raise OSError("network disabled by test_no_network")

local_connect = socket.socket.connect


def connect(self, address, *args):
    if self.family == getattr(socket, "AF_UNIX", None):  # a local socket (the PDF reader's fork server)
        return local_connect(self, address, *args)
    return refuse(self, address)


socket.socket.connect = connect
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

from tui_review.cli import main

runs = [
    ["check", "a.txt"],
    ["check", "a.pdf", "--format", "json", "-o", "out.json"],
    ["outline", "a.txt"],
    ["figures", "a.pdf"],
    ["export", "a.txt", "-o", "a.csv"],
    ["locate", "a.txt"],
    ["--version"],
]
for argv in runs:
    try:
        code = main(argv)
    except SystemExit as exit:
        code = exit.code
    print("RESULT", argv[0], code, flush=True)
    assert code in (0, 1), (argv, code)

import tui_review.app  # noqa: F401

assert not calls, calls
print("ALL OK")
"""


def test_every_command_runs_without_the_network(tmp_path):
    shutil.copy(SAMPLES / "001_17aaca51ade6ba7f.txt", tmp_path / "a.txt")
    shutil.copy(SAMPLES / "demo_final_2024.pdf", tmp_path / "a.pdf")
    env = dict(os.environ, HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert "ALL OK" in done.stdout
    assert [line.split()[1] for line in done.stdout.splitlines() if line.startswith("RESULT")] == ["check", "check", "outline", "figures", "export", "locate", "--version"]
    assert (tmp_path / "a.csv").exists() and (tmp_path / "out.json").exists()
