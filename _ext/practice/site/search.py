"""Site search with Pagefind: a small download per query, whatever the size of the site.

Sphinx's own search makes every visitor of the search page download the whole
index (``searchindex.js``, growing with every page) and its scripts.
Pagefind (``pagefind[extended]`` from PyPI, offline) splits its index into chunks
and loads only those a query needs, from a search page that weighs no more than any
other page.

- Sphinx's indexer is switched off (it is also the slowest step of a build: its
  stemmer runs in pure Python over every word of every page).
- The search page (``search.html``, where the sidebar's search box sends people)
  comes from ``templates/practice-search.html``; the search box itself from
  ``templates/sidebar/search.html`` (Furo's, without Sphinx's unused hidden fields).
- The content of each document page is marked ``data-pagefind-body``, so menus,
  footers and the search and 404 pages are not indexed.
- When the build has finished, Pagefind indexes the output into ``pagefind/``
  (``search_job``: the new index replaces the old one only when it is whole). It
  starts before the assets step (``assets``) and runs beside it and the page budget
  and linked-files checks, on the other core:
  that step changes only stylesheet links, icons and indentation, never the words
  Pagefind reads, and it replaces each page whole, so Pagefind never reads half a page.

``practice_search = "sphinx"`` (``-D practice_search=sphinx``) restores Sphinx's
search, for comparison in bench/.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any
from collections.abc import Iterator

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.config import ENUM, Config
from sphinx.util import logging

from ..findings import warn
from ..build_state import build_state
from ..messages import Subtype, render
from ..checks.publishing import is_draft
from .. import priorities
from . import search_job

logger = logging.getLogger(__name__)

STATIC = Path(__file__).with_name("static")  # practice-search.js
TEMPLATES = Path(__file__).parent / "templates"
CHOICES = ("pagefind", "sphinx")


def _uses_pagefind(app: Sphinx) -> bool:
    return (
        app.config.practice_search == "pagefind"
        and isinstance(app.builder, StandaloneHTMLBuilder)
        and app.builder.format == "html"
    )


def on_config_inited(app: Sphinx, config: Config) -> None:
    config.templates_path = [*config.templates_path, str(TEMPLATES)]
    config.html_static_path = [*config.html_static_path, str(STATIC)]


def on_builder_inited(app: Sphinx) -> None:
    if _uses_pagefind(app) and isinstance(app.builder, StandaloneHTMLBuilder):
        app.builder.search = False  # no searchindex.js, no Sphinx search page


def on_html_collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    if _uses_pagefind(app):
        yield "search", {"title": "Search"}, "practice-search.html"


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    # Pagefind indexes only pages marked so: a draft is not marked.
    if doctree is not None and _uses_pagefind(app) and "body" in context and not is_draft(app.env, pagename):
        context["body"] = context["body"].replace("<section", "<section data-pagefind-body", 1)


def _pagefind() -> list[str]:
    """Pagefind's program; run directly, it starts in a tenth of the time."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        return [sys.executable, "-m", "pagefind"]
    return [str(get_executable())]


JOB = Path(__file__).with_name("search_job.py")


def _report_failure(app: Sphinx) -> None:
    """Say so when a Pagefind run failed (``search_job`` keeps its output)."""
    failed = Path(app.doctreedir) / search_job.FAILED
    if failed.is_file():
        output = failed.read_text(encoding="utf-8")
        failed.unlink()
        warn(Subtype.search, render("search-index-failed", output=output), None)


def on_build_finished_start(app: Sphinx, exception: Exception | None) -> None:
    """Start Pagefind (it reads only the pages' text, which the assets step keeps)."""
    state = build_state(app)
    state.pagefind = None
    if exception is not None or not _uses_pagefind(app):
        return
    background = app.config.practice_search_in_background
    if background:
        _report_failure(app)  # of the run the last build left to finish on its own
    outdir = Path(app.builder.outdir)
    from ..languages.language_links import pagefind_glob

    glob = pagefind_glob(app)  # not the translation's folder (es/), which has its own index
    state.pagefind = subprocess.Popen(
        [
            sys.executable,
            str(JOB),
            str(app.doctreedir),
            str(outdir),
            "--",
            *_pagefind(),
            "--keep-index-url",
            "--silent",
            *(["--glob", glob] if glob else []),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=background,  # goes on when the build's process has ended
    )


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """Wait for Pagefind and report a failure; in the live preview, let it finish on its own."""
    state = build_state(app)
    process, state.pagefind = state.pagefind, None
    if process is None or app.config.practice_search_in_background:
        return
    process.wait()
    if exception is None:
        _report_failure(app)


def setup(app: Sphinx) -> None:
    app.add_config_value("practice_search", "pagefind", "html", types=ENUM(*CHOICES))
    # make livehtml: the page shows without waiting for the search index (a second or
    # two on a big site); the index follows, and a failure is told at the next save.
    app.add_config_value("practice_search_in_background", False, "", types=[bool])
    app.connect("config-inited", on_config_inited)
    app.connect("builder-inited", on_builder_inited)
    app.connect("html-collect-pages", on_html_collect_pages)
    app.connect("html-page-context", on_html_page_context)
    # Around the assets step: Pagefind runs while it does.
    app.connect("build-finished", on_build_finished_start, priority=priorities.SEARCH_INDEX_START)
    app.connect("build-finished", on_build_finished, priority=priorities.SEARCH_INDEX_WAIT)
