"""``python -m tui_review`` runs the same command line as the ``tui-review`` script."""

from tui_review.cli import main

raise SystemExit(main())
