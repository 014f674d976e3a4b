"""What the extension keeps about each page between builds, purged and merged in one place.

Sphinx keeps the build environment between builds and, with ``-j``, reads pages in
several processes. Each module that remembers something per page keeps it in a named
store here (``store(env, "findings")``: a dict from docname to that module's value).
One ``EnvironmentCollector`` (Sphinx's idiom for per-page state) forgets a page's
entries when the page is read again or removed, and merges what parallel readers
found. A store saved by another version of the extension is dropped by Sphinx itself,
with the whole saved environment, when ``ENV_VERSION`` differs (``env_version``).
Modules that keep a store load this one with ``app.setup_extension``.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector

# Raise it when what a store holds changes shape, or when a check changes what it finds
# on an unchanged page: Sphinx then reads every page again.
ENV_VERSION = 6

# Every store, by name: front matter (page_metadata), content-check findings
# (findings), each page's own menu entries (navigation), a translated page's paragraphs
# left in English (translation).
STORES = ("pages", "findings", "navigation", "stale_translations")


def store(env: BuildEnvironment, name: str) -> dict[str, Any]:
    """The store ``name``: {docname: value}, kept in the environment."""
    assert name in STORES, f"add {name!r} to page_state.STORES so it is purged and merged"
    stores = env.__dict__.setdefault("practice_page_state", {})
    return stores.setdefault(name, {})


class PageStateCollector(EnvironmentCollector):
    """Purges and merges every store in ``STORES``; the modules fill them while reading."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        for name in STORES:
            store(env, name).pop(docname, None)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: AbstractSet[str], other: BuildEnvironment
    ) -> None:
        for name in STORES:
            theirs = store(other, name)
            store(env, name).update({doc: theirs[doc] for doc in docnames if doc in theirs})

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        """Nothing: each module records its own values while the page is read."""


def setup(app: Sphinx) -> dict:
    app.add_env_collector(PageStateCollector)
    return {"env_version": ENV_VERSION, "parallel_read_safe": True, "parallel_write_safe": True}
