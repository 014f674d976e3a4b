"""Keep every page's menu right in incremental builds (``make livehtml``).

Sphinx rebuilds only the pages whose source changed. But every page shows the
site's menu and links to related topics, so adding, removing or renaming a page,
or changing the menu in index.md, changes pages that were not edited; stock
Sphinx leaves them stale (sphinx-doc/sphinx#5506) and the live preview shows old
menus and broken links.

- When pages were added or removed since the last build, or an edited page's
  title, menu entries or related topics changed, every page is written again
  (``env-updated``), so every menu, link and related-topics section is up to date.
  They are not read again: what they show of other pages is decided when they are
  written, and the checks that look at other pages (related pages, links) run on
  every build. (Writing them is much cheaper than reading them again: the figures are
  in bench/ and the README's benchmarks.)
- A removed page's HTML is deleted from the output, as a clean build would not have
  it (a redirect that redirects.yaml gives its address is written after this).
- Any other edit stays incremental: only the edited page is rebuilt.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..build_state import build_state
from .navigation import page_menu

logger = logging.getLogger(__name__)


def _shape(env: BuildEnvironment, docname: str) -> tuple[Any, ...]:
    """What other pages show of this page: its title, menu entries, related topics."""
    title = env.titles.get(docname)
    return (
        title.astext() if title is not None else None,
        tuple(env.toctree_includes.get(docname, ())),
        repr(page_menu(env, docname)),
        env.metadata.get(docname, {}).get("related"),
    )


def on_env_get_outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Remember, before the changed pages are read, what other pages show of them."""
    state = build_state(app)
    state.pages_added_or_removed = bool(added or removed)
    state.pages_removed = set(removed)
    state.shapes_before = {name: _shape(env, name) for name in changed}
    return []


def _delete_removed_pages(app: Sphinx, env: BuildEnvironment, removed: set[str]) -> None:
    """Delete the HTML of pages removed since the last build (Sphinx leaves it there)."""
    if not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    for docname in sorted(removed - env.found_docs):
        Path(app.builder.get_outfilename(docname)).unlink(missing_ok=True)


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Write every page again if what pages show of each other has changed."""
    state = build_state(app)
    before, state.shapes_before = state.shapes_before, {}
    _delete_removed_pages(app, env, state.pages_removed)
    if state.pages_added_or_removed:
        logger.info("pages were added or removed: writing every page again")
        return sorted(env.found_docs)
    if any(_shape(env, name) != shape for name, shape in before.items()):
        logger.info("a page's title, menu or related topics changed: writing every page again")
        return sorted(env.found_docs)
    return []


def setup(app: Sphinx) -> None:
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-updated", on_env_updated)
