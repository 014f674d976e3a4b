"""Pagefind's run (site/search_job.py): the new index takes the old one's place only
when it is whole, a failure leaves the old index and is told, and in the live preview
(``practice_search_in_background``) the build does not wait for it and the next build
tells its failure."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import pytest

from practice.site import search, search_job, transfer

# A stand-in for Pagefind: writes a bundle into --output-subdir under --site.
FAKE_PAGEFIND = """
import sys
from pathlib import Path
args = sys.argv[1:]
bundle = Path(args[args.index("--site") + 1]) / args[args.index("--output-subdir") + 1]
bundle.mkdir()
(bundle / "pagefind.js").write_text("new index")
(bundle / "pagefind-ui.js").write_text("unused")
"""
FAILING_PAGEFIND = "import sys; print('Error: disk full'); sys.exit(1)"


def site_with_an_index(tmp_path: Path) -> tuple[Path, Path]:
    """A built site's folder with an earlier index in it, and its doctree folder."""
    site, state = tmp_path / "html", tmp_path / "doctrees"
    (site / "pagefind").mkdir(parents=True)
    (site / "pagefind" / "pagefind.js").write_text("old index")
    return site, state


def test_the_new_index_replaces_the_old_whole_without_unused_files(tmp_path):
    site, state = site_with_an_index(tmp_path)
    assert search_job.run(state, site, [sys.executable, "-c", FAKE_PAGEFIND]) == 0
    assert (site / "pagefind" / "pagefind.js").read_text() == "new index"
    assert sorted(path.name for path in site.iterdir()) == ["pagefind"]
    assert not (site / "pagefind" / "pagefind-ui.js").exists()
    assert not (state / search_job.FAILED).exists()


def test_a_failed_run_keeps_the_old_index_and_its_output(tmp_path):
    site, state = site_with_an_index(tmp_path)
    assert search_job.run(state, site, [sys.executable, "-c", FAILING_PAGEFIND]) == 1
    assert (site / "pagefind" / "pagefind.js").read_text() == "old index"
    assert "Error: disk full" in (state / search_job.FAILED).read_text()


@pytest.mark.sphinx(
    "html",
    testroot="embed",
    srcdir="search-in-background",
    confoverrides={"practice_search_in_background": True},
)
def test_in_the_live_preview_a_failed_index_is_told_at_the_next_build(app, make_app, monkeypatch):
    monkeypatch.setattr(search, "_pagefind", lambda: [sys.executable, "-c", FAILING_PAGEFIND])
    app.build()
    failed = Path(app.doctreedir) / search_job.FAILED
    deadline = time.monotonic() + 60
    while not failed.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert failed.exists(), "the run in the background never finished"
    warning = io.StringIO()
    overrides = {"practice_search_in_background": True}
    make_app("html", srcdir=app.srcdir, confoverrides=overrides, warning=warning).build()
    assert "Pagefind could not index the site, so search will not work:\nError: disk full" in (
        warning.getvalue()
    )


def test_the_page_checks_do_not_enter_the_index_folders_pagefind_swaps(tmp_path):
    """The page budget, the linked-files check and the assets step list pages while a
    Pagefind run swaps pagefind.next/ and pagefind.old/: they must not look inside."""
    site = tmp_path / "html"
    for folder in ("pagefind", "pagefind.next", "pagefind.old", "_static", "topics"):
        (site / folder).mkdir(parents=True)
        (site / folder / "page.html").write_text("<p>x</p>")
    (site / "index.html").write_text("<p>home</p>")
    assert [path.relative_to(site).as_posix() for path in transfer.built_pages(site)] == [
        "index.html",
        "topics/page.html",
    ]
