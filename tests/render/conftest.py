"""Render tests: fixtures live in `render_fixtures` (uniquely named, importable by the tests)."""

from render_fixtures import own_cache, parsed  # noqa: F401
