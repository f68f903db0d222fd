"""Run ``tui-review`` as a subprocess with its own home, cache, config, data and log folders, under
the time and address-space limits the hardening promise names (30 s, 1 GiB)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

TIMEOUT = 30  # seconds of wall time per case
MEMORY = 1 << 30  # bytes of address space per case
CODE = "import sys; from tui_review.cli import main; sys.exit(main())"


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    return dict(
        os.environ,
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        HOME=str(home),
        **extra,
    )


def run_cli(args: list[str], cwd, home: Path, *, env: dict[str, str] | None = None, timeout: float = TIMEOUT,
            limit: bool = True, **kw) -> subprocess.CompletedProcess:
    kw.setdefault("capture_output", True)
    return subprocess.run(
        [sys.executable, "-c", CODE, *args], cwd=cwd, env=env or cli_env(home), text=True, timeout=timeout,
        preexec_fn=_limit if limit else None, **kw,
    )
