"""Property tests: a printed amount parses back to its Decimal; the text parser never raises and
its prose offsets point at each figure's printed text. (Interval arithmetic: tests/checks.)
``scripts/fuzz.py`` runs the same properties for longer."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis_props import amounts, check_amount, check_text, texts

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(amounts())
def test_printed_amounts_parse_back_to_the_same_decimal(case):
    check_amount(case)


@FAST
@given(texts)
def test_the_text_parser_never_raises_and_offsets_point_at_the_printed_text(text):
    check_text(text)
