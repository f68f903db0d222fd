"""Real-document tests: helpers live in `real_expected`; the closing summary of known false errors."""

from __future__ import annotations

import pytest
from real_expected import KNOWN_FALSE


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    seen = config.stash.get(KNOWN_FALSE, None)
    if seen is None:  # the real-document tests did not run
        return
    total = sum(len(labels) for labels in seen.values())
    documents = sum(1 for labels in seen.values() if labels)
    headline = f"real documents: {total} known false error(s) remain in {documents} of {len(seen)} checked"
    terminalreporter.write_sep("-", headline)
    for document, labels in sorted(seen.items()):
        if labels:
            terminalreporter.write_line(f"  {document}: {len(labels)} — " + "; ".join(labels))
