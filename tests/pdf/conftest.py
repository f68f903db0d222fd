"""PDF tests: fixtures live in `pdf_fixtures` (uniquely named, importable by the tests)."""

from pdf_fixtures import own_cache, parsed  # noqa: F401
