"""kill -9 of the running app right after an annotation loses nothing (the store commits per change)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tui_review.review.store import ReviewStore

SCRIPT = textwrap.dedent(
    """
    import asyncio, sys, time
    from pathlib import Path
    from textual.widgets import TextArea
    from tui_review.app import ReviewApp

    async def main(path):
        app = ReviewApp(Path(path))
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("exclamation_mark", "n")
            annotated = app.main.entry_key  # s moves on to the next finding still open
            await pilot.press("a")
            app.screen.query_one(TextArea).insert("kill -9 之前写下的批注")
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("s", "3")
            await pilot.pause()
            entry = app.main.session.entry(annotated)
            print((entry.members or (entry.key,))[0], flush=True)  # a suspect group notes its members
            time.sleep(120)  # killed here, inside the running app

    asyncio.run(main(sys.argv[1]))
    """
)


def test_kill_9_right_after_an_annotation(doc_copy: Path):
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(doc_copy)], stdout=subprocess.PIPE, text=True)
    try:
        finding_id = proc.stdout.readline().strip()
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert finding_id, "the app did not get as far as the annotation"
    store = ReviewStore.open(doc_copy)
    assert not store.read_only  # the dead process's lock went with it
    assert store.note_of(finding_id) == "kill -9 之前写下的批注"
    assert store.status_of(finding_id) == "dismissed"
    store.close()
