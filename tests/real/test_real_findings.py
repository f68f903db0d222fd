"""Every real disclosure in ``../shared/real`` against its hand-verified expected findings.

An error finding that is neither a verified genuine error nor a recorded known false alarm fails;
so does a genuine error that is no longer found, and a known false alarm that is no longer raised
(delete it from the file: the list only shrinks). The documents that belong together are checked
across as well (``expected/_cross.toml``). Each PDF is parsed once per session, through a parse
cache kept in pytest's cache folder (cold on a fresh clone, as in CI).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from real_expected import (
    CROSS,
    KNOWN_FALSE,
    REAL,
    Comparison,
    Entry,
    Expected,
    compare,
    describe,
    expected_files,
    load,
    printable,
    real_pdfs,
    sha256_16,
)

from tui_review.config import Config
from tui_review.contracts.finding import Evidence, Finding, Verdict
from tui_review.contracts.place import Place
from tui_review.engine import check_document

needs_real = pytest.mark.skipif(
    not REAL.is_dir(), reason=f"the real documents are not here ({REAL}): they sit beside the repository in shared/real"
)


@pytest.fixture(scope="session")
def parse_cache(request, tmp_path_factory) -> Path:
    """The parse cache of these tests: pytest's cache folder (kept between runs, cold on a fresh clone)."""
    try:
        return request.config.cache.mkdir("tui-review-parse-cache")
    except AttributeError:  # pytest's cache plugin disabled
        return tmp_path_factory.mktemp("parse-cache")


@pytest.fixture(scope="session")
def error_findings(parse_cache):
    """``error_findings(pdf) -> [Finding]``: the failing error findings of one real PDF, parsed once."""
    from parsers.pdf import parse_pdf

    done: dict[Path, list[Finding]] = {}

    def errors(pdf: Path) -> list[Finding]:
        if pdf not in done:
            with pytest.MonkeyPatch.context() as mp:
                mp.setenv("XDG_CACHE_HOME", str(parse_cache))
                doc = parse_pdf(pdf)
            report = check_document(doc, Config.default())
            done[pdf] = [f for f in report.failing() if f.severity == "error"]
        return done[pdf]

    return errors


@needs_real
def test_every_real_pdf_has_an_expected_file():
    documents = {load(path).document for path in expected_files()}
    pdfs = {pdf.relative_to(REAL).as_posix() for pdf in real_pdfs()}
    assert sorted(pdfs - documents) == [], "real PDFs without tests/real/expected/<stem>.toml"
    assert sorted(documents - pdfs) == [], "expected files naming no PDF under shared/real"


@needs_real
@pytest.mark.parametrize("expected_path", expected_files(), ids=lambda p: p.stem)
def test_real_document_errors_are_the_verified_ones(expected_path, error_findings, request):
    expected = load(expected_path)
    pdf = REAL / expected.document
    assert sha256_16(pdf) == expected.sha256, f"{expected.document} changed since it was verified: verify it again"
    result = compare(error_findings(pdf), expected)
    request.config.stash.setdefault(KNOWN_FALSE, {})[expected.document] = [
        printable(entry.label()) for entry in result.known_false_seen
    ]
    if not result.ok:
        pytest.fail(report(expected, result), pytrace=False)


@needs_real
def test_cross_document_errors_are_the_verified_ones(parse_cache, request):
    """The documents that belong together (consecutive years, a text and its tables) checked across."""
    from parsers import load_document
    from tui_review.crosscheck import cross_findings
    from tui_review.docsets import describe

    expected = load(CROSS)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(parse_cache))
        infos = [describe(load_document(pdf)) for pdf in real_pdfs()]
        findings = cross_findings(infos, Config.default())
    assert len(findings) >= 20, "the real documents' sets state cross-document relations (116 on 30 Nov 2026)"
    errors = [f for f in findings if f.failed and f.severity == "error"]
    result = compare(errors, expected)
    request.config.stash.setdefault(KNOWN_FALSE, {})["across documents"] = [
        printable(entry.label()) for entry in result.known_false_seen
    ]
    if not result.ok:
        pytest.fail(report(expected, result), pytrace=False)


def report(expected: Expected, result: Comparison) -> str:
    parts = [f"{expected.document} ({expected.path.name}):"]
    if result.unexpected:
        parts.append(f"{len(result.unexpected)} error finding(s) verified by nobody — read each against the printed "
                     "page and add it as [[genuine]] (with `why`) or [[known_false]] (with `cause`, `reading`):")
        parts += [describe(f) for f in result.unexpected]
    if result.lost:
        parts.append(f"{len(result.lost)} genuine error(s) no longer found:")
        parts += [f"  {printable(e.label())}: {printable(e.note)}" for e in result.lost]
    if result.fixed:
        parts.append(f"{len(result.fixed)} known false error(s) no longer raised — delete them from the file:")
        parts += [f"  {printable(e.label())}" for e in result.fixed]
    if result.now_found:
        parts.append(f"{len(result.now_found)} [[missed]] genuine error(s) now found — move each to [[genuine]] "
                     "with the finding's rule (and a counterpart):")
        parts += [describe(f) for f in result.now_found]
    return "\n".join(parts)


# --- the harness itself, on hand-made findings -------------------------------------------------


def _finding(rule: str, page: int, stated: str, other: str, severity: str = "error") -> Finding:
    def evidence(text: str, part: str) -> Evidence:
        return Evidence("F", text, Decimal(text.replace(",", "")), "万元", "s", "amount", "§", Place(page=page, offset=0), 1, part)

    return Finding("id", "doc.pdf", rule, severity, Verdict.FAILS, "§", "s1", Place(page=page, offset=0), stated, "", "m", "m",
                   evidence=[evidence(stated, "stated"), evidence(other, "term")])


def _expected(genuine=(), known_false=(), missed=()) -> Expected:
    return Expected(Path("x.toml"), "doc.pdf", "0" * 16, tuple(genuine), tuple(known_false), tuple(missed))


GENUINE = Entry("genuine", "share", 21, "71.73", "2106.66", "2106.66 ÷ 2940.05 = 71.65%")
FALSE = Entry("known_false", "table.columns", 11, "1,471.70", "508.20", "header misread — …")


def test_a_matching_error_passes_and_counts_known_false():
    result = compare([_finding("share", 21, "71.73", "2106.66"), _finding("table.columns", 11, "1,471.70", "508.20")],
                     _expected([GENUINE], [FALSE]))
    assert result.ok and result.known_false_seen == [FALSE]


def test_an_unverified_error_fails():
    stray = _finding("share", 22, "71.73", "2106.66")  # another page: not the verified finding
    result = compare([_finding("share", 21, "71.73", "2106.66"), stray], _expected([GENUINE]))
    assert not result.ok and result.unexpected == [stray]
    assert "page = 22" in describe(stray)


def test_the_counterpart_tells_findings_apart():
    result = compare([_finding("share", 21, "71.73", "326.72")], _expected([GENUINE]))
    assert not result.ok and result.lost == [GENUINE] and len(result.unexpected) == 1


def test_a_lost_genuine_error_fails():
    result = compare([], _expected([GENUINE]))
    assert not result.ok and result.lost == [GENUINE]


def test_a_known_false_error_no_longer_raised_fails_until_deleted():
    result = compare([], _expected(known_false=[FALSE]))
    assert not result.ok and result.fixed == [FALSE]


def test_a_missed_error_once_found_must_become_genuine():
    missed = Entry("missed", "", 19, "12323.46", None, "tables print 12,323.48")
    result = compare([_finding("prose.table", 19, "12323.46", "12,323.48")], _expected(missed=[missed]))
    assert not result.ok and len(result.now_found) == 1 and result.unexpected == []
    assert compare([], _expected(missed=[missed])).ok  # not found yet: nothing to do


def test_expected_files_are_well_formed():
    for path in expected_files():
        expected = load(path)  # raises on a missing why / reading or an unknown cause
        assert path.stem == Path(expected.document).stem
        assert all(entry.note for entry in expected.genuine + expected.known_false + expected.missed)
    assert load(CROSS).document == "*"
