"""One run of Pagefind over a built site, as a program of its own.

    python search_job.py STATE_FOLDER SITE_FOLDER -- PAGEFIND_COMMAND...

Pagefind writes its new index beside the site's ``pagefind/`` (``pagefind.next/``),
and only when it has finished does the new index take the old one's place, so a reader
of the site never meets half an index; the bundle files the site does not use are
removed. Runs over one site take turns (a lock file in STATE_FOLDER, the build's
doctree folder): a run started by the next save waits for this one. When Pagefind
fails, its output is written to ``STATE_FOLDER/practice-search-failed.txt``, which the
build reports (``search``): the build that waited for the run, or, when the live
preview did not wait (``practice_search_in_background``), the next build. Plain
Python, no Sphinx: the build that started it may have ended before it does.
"""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"
FAILED = "practice-search-failed.txt"
LOCK = "practice-search.lock"
# The search page has its own few lines of UI: Pagefind's ready-made ones are unused.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.*",
    "pagefind-component-ui.*",
    "pagefind-modular-ui.*",
    "pagefind-highlight.js",
)


def run(state: Path, site: Path, pagefind: list[str]) -> int:
    state.mkdir(parents=True, exist_ok=True)
    with open(state / LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        new, old, bundle = site / f"{BUNDLE}.next", site / f"{BUNDLE}.old", site / BUNDLE
        shutil.rmtree(new, ignore_errors=True)
        result = subprocess.run(
            [*pagefind, "--site", str(site), "--output-subdir", new.name],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            (state / FAILED).write_text(f"{result.stdout}{result.stderr}", encoding="utf-8")
            shutil.rmtree(new, ignore_errors=True)
            return result.returncode
        for unused in UNUSED_BUNDLE_FILES:
            for path in new.glob(unused):
                path.unlink()
        shutil.rmtree(old, ignore_errors=True)
        if bundle.exists():
            bundle.rename(old)
        new.rename(bundle)
        shutil.rmtree(old, ignore_errors=True)
        (state / FAILED).unlink(missing_ok=True)
        return 0


if __name__ == "__main__":
    state_folder, site_folder, separator, *command = sys.argv[1:]
    if separator != "--" or not command:
        sys.exit(__doc__)
    sys.exit(run(Path(state_folder), Path(site_folder), command))
