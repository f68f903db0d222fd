"""Checking many disclosures (the engine over a list of files, for `check` and the folder dialog): one document at a time per core, streamed, never stopped by one file.

`check_many` runs `check_one` for every path — in a process pool when there are several files
and more than one job — and yields each `DocResult` in input order as soon as it (and every one
before it) is done. A worker returns only what the outputs need (the report, its text rendering
and a `DocInfo`), so the parsed model is released in the worker before its next document and the
caller can write each document's findings before the next arrives (issue 13, S13).

A file that cannot be read, or whose check fails unexpectedly, is one `DocResult` with a reason;
a worker process that dies (a crash inside a PDF library) costs only the document it was on: the
documents still pending are re-run one per fresh process. `Progress` draws documents done / total,
elapsed time and rate on stderr when stderr is a terminal.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from parsers.model import Document
from tui_review.config import Config
from tui_review.contracts.finding import Finding, Judgement
from tui_review.docsets import DocInfo, describe
from tui_review.engine import CheckReport

# renders one document's report for the chosen output (runs in the worker, beside the model)
Render = Callable[[Document, CheckReport], str]


@dataclass(slots=True)
class DocResult:
    path: Path
    info: DocInfo | None = None
    report: CheckReport | None = None
    rendered: str = ""  # the document's report as the output format wants it
    unreadable: str = ""  # the one-line bilingual reason, when the file could not be checked
    judgements: dict[str, Judgement] = field(default_factory=dict)  # by finding id, from the saved review

    @property
    def ok(self) -> bool:
        return self.report is not None

    def judgement(self, finding: Finding) -> Judgement:
        return self.judgements.get(finding.finding_id, Judgement())


# the saved review's status and note of each finding, by finding id (it needs the model, so it runs
# beside it, in the worker)
Annotate = Callable[[Path, Document, list[Finding]], dict[str, Judgement]]


@dataclass(frozen=True, slots=True)
class Job:
    path: Path
    config: Config
    password: str | None = None
    render: Render | None = None  # must pickle (a module function or a partial of one) for the pool
    annotate: Annotate | None = None
    check: Callable[..., CheckReport] | None = None  # default: the engine's own check of the document


def check_one(job: Job) -> DocResult:
    """Parse, check and describe one file; the model goes out of scope on return."""
    from parsers import InputError, load_document
    from tui_review.engine import check_document

    try:
        doc = load_document(job.path, password=job.password, limits=job.config.pdf)
    except InputError as exc:
        return DocResult(job.path, unreadable=exc.line())
    except MemoryError:
        return DocResult(job.path, unreadable=f"{job.path}: 内存不足，未能读完 / out of memory while reading")
    try:
        report = (job.check or check_document)(doc, job.config)
        judgements = job.annotate(job.path, doc, report.findings) if job.annotate is not None else {}
        rendered = job.render(doc, report) if job.render is not None else ""
        return DocResult(job.path, describe(doc), report, rendered, judgements=judgements)
    except Exception as exc:  # noqa: BLE001 — a bug must cost one document, not the run
        name = type(exc).__name__
        return DocResult(job.path, describe(doc),
                         unreadable=f"{job.path}: 检查时出现内部错误（{name}） / internal error while checking ({name})")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def check_many(jobs: list[Job], workers: int) -> Iterator[DocResult]:
    """Every job's result, in order; several processes when ``workers > 1`` and there is work for them."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield check_one(job)
        return
    yield from _pooled(jobs, workers)


def _pooled(jobs: list[Job], workers: int) -> Iterator[DocResult]:
    done: dict[int, DocResult] = {}
    next_out = 0
    retry: list[int] = []
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        futures: list[Future[DocResult]] = [pool.submit(check_one, job) for job in jobs]
        for i, future in enumerate(futures):
            try:
                done[i] = future.result()
            except BrokenProcessPool:
                retry.append(i)
            except Exception as exc:  # noqa: BLE001 — an unpicklable result or the like: one document lost
                done[i] = _failed(jobs[i], type(exc).__name__)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            if retry:
                break
    if retry:  # a worker died: the rest run one per process, so a crash stays with its document
        for i in range(retry[0], len(jobs)):
            if i not in done:
                done[i] = _isolated(jobs[i])
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1


def _isolated(job: Job) -> DocResult:
    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(check_one, job).result()
        except BrokenProcessPool:
            return DocResult(job.path, unreadable=f"{job.path}: 读取时进程异常退出 / the process reading it died")
        except Exception as exc:  # noqa: BLE001 — as above
            return _failed(job, type(exc).__name__)


def _failed(job: Job, name: str) -> DocResult:
    return DocResult(job.path, unreadable=f"{job.path}: 检查时出现内部错误（{name}） / internal error while checking ({name})")


class Progress:
    """``检查 12/28 · 00:41 · 17.6 份/分钟`` redrawn in place on a terminal; silent otherwise."""

    def __init__(self, total: int, stream: TextIO | None = None, lang: str = "zh") -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.done = 0
        self.lang = lang
        self.started = time.monotonic()
        self.active = total > 1 and self.stream.isatty()

    def step(self) -> None:
        self.done += 1
        if self.active:
            self.stream.write("\r" + self.line() + "\x1b[K")
            self.stream.flush()

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed * 60 if elapsed > 0 else 0.0
        width = 24
        filled = width * self.done // self.total if self.total else width
        bar = "█" * filled + "░" * (width - filled)
        clock = f"{int(elapsed) // 60:02d}:{int(elapsed) % 60:02d}"
        if self.lang == "en":
            return f"checking {bar} {self.done}/{self.total} · {clock} · {rate:.1f} docs/min"
        return f"检查 {bar} {self.done}/{self.total} · {clock} · {rate:.1f} 份/分钟"

    def close(self) -> None:
        if self.active:
            self.stream.write("\n")
            self.stream.flush()
            self.active = False
