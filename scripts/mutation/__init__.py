"""The mutation harness (issue 11): how many slips in a document's printed numbers do the checks find?

For every printed number of a document (or a seeded sample), a copy with that number slipped — a
digit changed, two digits swapped, the point moved (×10) — and one with it deleted is checked by
the engine ``tui-review check`` uses; the slip is *detected* when a new error or warning appears
(``any``), and *localised* when that finding names the slipped figure. Numbers are classified by
the claim they make in the document's own words and tables (`classify`), never by the engine's
relations. ``scripts/mutate.py`` is the command; ``benchmarks/bench_mutation.py`` prints the table
for the seeds and the sample PDFs. A measuring tool: the engine never imports it.

Modules: ``source`` (the document as parser input, tokens, rebuilding a mutant), ``classify``
(claim kinds, numbers not counted), ``honesty`` (the kinds the document's words cannot decide
for a slip, set aside by rule), ``perturb`` (the slips), ``detect`` (new findings, where the
slip stands, localisation), ``harness`` (one document's run), ``report`` (tables, CSV).
"""
