"""Text-parser tests: helpers live in `seed_docs` (uniquely named, importable by the tests)."""
