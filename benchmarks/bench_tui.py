"""Responsiveness of the review app on a large document: prints numbers, asserts nothing.

    python benchmarks/bench_tui.py [FILE] [--pages N]

Without FILE a ~300-page document is made by repeating the bundled sample (about 1,500 characters
a page) into a temporary folder (the bundled text sample). Measured headless with Textual's Pilot at 120×40:

- import: starting Python and importing the app (a fresh process);
- first paint: the app created → ``App.run_test`` hands over, i.e. the review screen is composed
  and its first frame drawn (the document is then read in a worker; the tree fills in when done);
- ready: document parsed, checked and its review opened, tree and findings shown;
- heap settle: the one full garbage collection (then `gc.freeze`) run once the review is shown,
  which keeps later full collections off the key path (see ``tui_review.heap``);
- key → screen: for moves in the tree (↓), in the findings list (j) and for next finding (n), the
  time from the key press to the first frame the screen draws (the cursor has moved: the response)
  and to the last frame it draws for that key (every pane updated, the detail pane included, which
  follows once the cursor rests); median, p95 and max. Frames are timed by wrapping the screen's
  refresh method (instrumentation only; headless Textual writes no bytes to time);
- CPU time per key: the process's CPU time from the key press to the end of its pause, which a
  busy machine inflates far less than the wall-clock figures (compare changes by it when the
  machine is shared);
- load average before and after: on a shared machine the p95 rises with the load, so compare
  runs made under the same load, or alternate the two versions run by run.

Floors (issue 5): first paint < 1 s, key response < 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHARS_PER_PAGE = 1500


def make_document(folder: Path, pages: int) -> Path:
    from tui_review.samples import sample_text

    text = sample_text().read_text(encoding="utf-8")
    copies = max(1, round(pages * CHARS_PER_PAGE / len(text)))
    path = folder / f"bench_{pages}_pages.txt"
    path.write_text("\n\n".join([text] * copies), encoding="utf-8")
    return path


def import_time() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import tui_review.app"], check=True)
    return time.perf_counter() - start


async def measure(path: Path, review: Path, presses: int) -> dict:
    from textual.widgets import Footer

    from tui_review.app import ReviewApp
    from tui_review.review.pipeline import LoadOptions

    from tui_review import heap

    results: dict = {}
    settle = heap.settle

    def timed_settle() -> None:
        t0 = time.perf_counter()
        settle()
        results["heap settle"] = time.perf_counter() - t0

    heap.settle = timed_settle
    start = time.perf_counter()
    app = ReviewApp(path, options=LoadOptions(review_path=review))
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one(Footer)  # the review screen is composed
        results["first paint"] = time.perf_counter() - start
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        results["ready"] = time.perf_counter() - start
        await pilot.pause(0.2)  # the heap settle runs after the loaded review's first frame
        session = app.main.session
        results["document"] = (
            f"{len(session.doc.text):,} chars, {len(session.doc.sections())} sections, "
            f"{len(session.doc.tables)} tables, {len(session.doc.figures)} figures, {len(session.entries)} entries"
        )
        app.clear_notifications()
        for label, focus, key in (("tree ↓", "1", "down"), ("findings j", "3", "j"), ("next finding n", "1", "n")):
            first, last, cpu = await _presses(pilot, focus, key, presses)
            results[f"key → first frame, {label}"] = first
            results[f"key → last frame, {label}"] = last
            results[f"CPU time per key, {label}"] = cpu
    return results


async def _presses(pilot, focus: str, key: str, count: int) -> tuple[list[float], list[float], list[float]]:
    from textual.screen import Screen

    frames: list[float] = []
    refresh = Screen._compositor_refresh

    def timed(screen) -> None:
        refresh(screen)
        frames.append(time.perf_counter())

    await pilot.press(focus)
    await pilot.pause(0.2)
    first, last, cpu = [], [], []
    Screen._compositor_refresh = timed
    try:
        for _ in range(count):
            frames.clear()
            t0, c0 = time.perf_counter(), time.process_time()
            await pilot.press(key)
            await pilot.pause(0.15)  # past the detail pane's settle delay
            cpu.append(time.process_time() - c0)
            if frames:
                first.append(frames[0] - t0)
                last.append(frames[-1] - t0)
    finally:
        Screen._compositor_refresh = refresh
    return first, last, cpu


def _load() -> str:
    try:
        return " ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:  # not available on this system
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--presses", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = args.file or make_document(folder, args.pages)
        print(f"document: {path.name}")
        print(f"load average before: {_load()}")
        print(f"import (fresh process): {import_time() * 1000:.0f} ms")
        results = asyncio.run(measure(path, folder / "bench.review.sqlite", args.presses))
    print(f"load average after: {_load()}")
    for name, value in results.items():
        if isinstance(value, list):
            ms = sorted(v * 1000 for v in value)
            p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
            print(f"{name}: median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms (n={len(ms)})")
        elif isinstance(value, float):
            print(f"{name}: {value * 1000:.0f} ms")
        else:
            print(f"{name}: {value}")


if __name__ == "__main__":
    main()
