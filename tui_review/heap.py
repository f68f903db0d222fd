"""Keeps the garbage collector's full passes off the key path.

An opened review holds hundreds of thousands of long-lived objects (the document model, findings,
rendered strips). CPython's full (generation 2) collection walks all of them, a 60–80 ms pause on a
300-page document, and it fires during ordinary key handling. Once a review is open those objects
live until the next document replaces them, so they are moved to the permanent generation
(`gc.freeze`); collections then only walk what the interface allocates. Opening another document
unfreezes first, so the previous review is freed.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect what the previous review left, then freeze everything alive now."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
