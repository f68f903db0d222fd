"""The review layer: what a reviewer decided about a document, kept safe and exported.

Headless (never imports Textual): ``store`` keeps statuses, notes and the reviewer's own findings
in SQLite beside the document; ``session`` is the pure view of a checked document that the TUI and
the export share (figure states, badges, navigation, search); ``export`` writes the review sheet;
``paths`` says where review files live.
"""
