"""Benchmark: parse and check 10-, 100- and 300-page PDF disclosures; print the figures.

    python benchmarks/bench_parse.py [--pages 10,100,300] [--keep DIR]

Needs the dev extra (reportlab) to generate the documents (into a temporary folder): the invented
audit bureau's 部门决算 with as many projects as it takes to reach each page count — a 项目支出决算表
and a paragraph per project, on top of the nine standard tables.

Every measurement runs in its own subprocess, so imports, caches and memory start cold:

- ``baseline``: bare pdfplumber reading the same file — ``extract_text`` + ``extract_tables`` on
  every page, each page closed — the yardstick of issue 4;
- ``parse``: ``parsers.pdf.parse_pdf`` (no document cache);
- ``checks``: ``check_document`` plus the completeness findings on the parsed document;
- ``cli``: ``tui-review check FILE`` as a user runs it, start-up included (parse + all checks);
- ``first``: from the call to ``parse_pdf`` to its ``on_partial`` handing over the first pages;
- ``reopen``: ``parse_pdf`` on the same file again, served from the SHA-256 keyed cache.

Wall time is per document and per page; memory is the largest resident set of any process
(``ru_maxrss``; the parse's worker processes included). ``--heap`` adds the Python heap's peak,
from a second run of each measurement under tracemalloc (which slows the run it watches, so it
never times one).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"


# --- the documents ------------------------------------------------------------------------------


def _projects(n: int) -> list[tuple[str, int, int]]:
    out = []
    for i in range(1, n + 1):
        budget = 100_000 + (i * 7_919) % 900_000
        out.append((f"审计项目{i:04d}（专项审计调查与整改跟踪）", budget, budget - (i * 131) % 20_000))
    return out


def _render(path: Path, projects: int) -> int:
    sys.path.insert(0, str(SCRIPTS))
    from make_sample_pdfs import audit_bureau
    from sample_disclosures import FinalRenderer

    FinalRenderer(audit_bureau(_projects(projects)), spaced=True).render(str(path))
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def make_document(folder: Path, pages: int) -> tuple[Path, int]:
    """A disclosure of about ``pages`` pages: its projects scaled to fit; below the 20 pages of
    the bare document, its first ``pages`` pages (cover, 目录, 概况 and the first tables)."""
    path = folder / f"disclosure_{pages}p.pdf"
    projects = 0
    got = _render(path, projects)
    if pages < got:
        import pypdfium2 as pdfium

        whole, part = pdfium.PdfDocument(str(path)), pdfium.PdfDocument.new()
        part.import_pages(whole, list(range(pages)))
        part.save(str(path))
        return path, pages
    for _ in range(4):
        if abs(got - pages) <= max(1, pages // 50):
            break
        per_page = max((got - 20) / projects, 0.01) if projects else 0.12
        projects = max(0, projects + round((pages - got) / per_page))
        got = _render(path, projects)
    return path, got


# --- one measurement, in a child process ----------------------------------------------------------


def _peak_rss_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def child(kind: str, path: str, heap: bool) -> dict:
    import tracemalloc

    if heap:
        tracemalloc.start()
    out: dict = {}
    started = time.perf_counter()
    if kind == "baseline":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.extract_tables()
                page.close()
    elif kind in ("parse", "reopen"):
        from parsers.pdf import parse_pdf

        started = time.perf_counter()
        parse_pdf(path)
    elif kind == "first":
        from parsers.pdf import parse_pdf

        seen: list[float] = []
        started = time.perf_counter()
        parse_pdf(path, on_partial=lambda doc: seen.append(time.perf_counter()))
        out["first"] = seen[0] - started if seen else None
    elif kind == "checks":
        from parsers.pdf import parse_pdf
        from tui_review.engine import check_document
        from tui_review.checks import completeness

        doc = parse_pdf(path)
        started = time.perf_counter()
        report = check_document(doc)
        completeness.findings(doc)
        out["relations"] = report.relations
    out["wall"] = time.perf_counter() - started
    out["heap_mib"] = tracemalloc.get_traced_memory()[1] / 2**20 if heap else None
    out["rss_mib"] = _peak_rss_mib()
    return out


def measure(kind: str, path: Path, cache: Path, heap: bool = False) -> dict:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    if kind == "cli":
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "tui_review", "check", str(path), "--format", "json"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"tui-review check {path} failed with {os.waitstatus_to_exitcode(status)}")
        return {"wall": wall, "rss_mib": usage.ru_maxrss / 1024, "heap_mib": None}
    flags = ["--heap"] if heap else []
    proc = subprocess.run([sys.executable, __file__, "--child", kind, str(path), *flags], env=env, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"{kind} failed: {proc.stderr[-800:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- the report ---------------------------------------------------------------------------------


def run(pages_list: list[int], keep: Path | None, heap: bool) -> None:
    folder = keep or Path(tempfile.mkdtemp(prefix="tui-review-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'pages':>5}  {'measure':<9} {'wall s':>8} {'ms/page':>8} {'× base':>7} {'RSS MiB':>8} {'heap MiB':>9}  note")
    for target in pages_list:
        path, pages = make_document(folder, target)
        rows: dict[str, dict] = {}
        for kind in ("baseline", "parse", "checks", "cli", "first"):
            cache = Path(tempfile.mkdtemp(prefix="cache-", dir=folder))  # cold: nothing cached
            rows[kind] = measure(kind, path, cache)
            if heap and kind != "cli":
                rows[kind]["heap_mib"] = measure(kind, path, Path(tempfile.mkdtemp(prefix="cache-", dir=folder)), heap=True)["heap_mib"]
        warm = Path(tempfile.mkdtemp(prefix="cache-", dir=folder))
        measure("parse", path, warm)
        rows["reopen"] = measure("reopen", path, warm)
        base = rows["baseline"]["wall"]
        for kind, r in rows.items():
            note = {
                "cli": "parse + all checks, start-up included",
                "first": f"first pages' sections after {r.get('first') or 0:.3f} s",
                "checks": f"{r.get('relations', 0)} relations",
                "reopen": "from the SHA-256 keyed cache",
            }.get(kind, "")
            wall = r["first"] if kind == "first" and r.get("first") is not None else r["wall"]
            heap_mib = f"{r['heap_mib']:.1f}" if r.get("heap_mib") is not None else "-"
            print(f"{pages:>5}  {kind:<9} {wall:>8.3f} {1000 * wall / pages:>8.1f} {wall / base:>7.2f} {r['rss_mib']:>8.0f} {heap_mib:>9}  {note}")
        print()
    if keep is None:
        print(f"(documents were generated in {folder})")


def main() -> None:
    if len(sys.argv) >= 4 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], sys.argv[3], "--heap" in sys.argv[4:])))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", default="10,100,300", help="page counts, comma-separated")
    parser.add_argument("--keep", type=Path, help="generate the documents into this folder and keep them")
    parser.add_argument("--heap", action="store_true", help="also measure the Python heap's peak (tracemalloc)")
    args = parser.parse_args()
    run([int(p) for p in args.pages.split(",")], args.keep, args.heap)


if __name__ == "__main__":
    main()
