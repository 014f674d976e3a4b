"""The practice website's own Sphinx extension.

Each concern lives in its own module with its own ``setup()``, grouped by what it is
about (README, "Architecture"):

- ``data/``: what staff write (practice.yaml, each page's front matter), read once;
- ``checks/``: the checks of the pages' words and reviews, and what may be published;
- ``page_parts/``: what the build adds to each page;
- ``site/``: site-wide output and speed (assets, menu, search, redirects, linked files);
- ``languages/``: the Spanish site;
- here: what all of them share (``messages``, ``findings``, ``page_state``,
  ``build_state``, ``priorities``, ``suggestions``, ``yaml_source``).

This package only registers the modules, so ``extensions = ["practice"]`` in conf.py
brings in all of them.
"""

from __future__ import annotations

from types import ModuleType

from sphinx.application import Sphinx
from upstream import myst as upstream_myst

from . import build_state, findings, page_state
from .checks import claims, person_first, publishing, reading_level, review_overdue
from .data import page_metadata, practice_data
from .languages import (
    i18n,
    language_links,
    tables,
    translated_data,
    translation,
    translation_checks,
)
from .page_parts import (
    crisis,
    csp,
    practice_markup,
    related_topics,
    review_footer,
    sharing,
    structured_data,
    topic_cards,
)
from .site import (
    assets,
    editor,
    hosting,
    linked_files,
    live_preview,
    navigation,
    page_budget,
    redirects,
    search,
)

__version__ = "1.0"

# The order of setup() is the order of handlers that share an event and a priority.
_MODULES: tuple[ModuleType, ...] = (
    practice_data,
    practice_markup,
    crisis,
    csp,
    hosting,
    navigation,
    live_preview,
    assets,
    sharing,
    redirects,
    search,
    page_budget,
    linked_files,
    editor,
)
# Content governance: front matter, reviews, language and reading level.
_MODULES += (
    findings,
    page_metadata,
    reading_level,
    person_first,
    claims,
    review_overdue,
    publishing,
    related_topics,
    topic_cards,
    review_footer,
    structured_data,
)
# The languages: their tables first, then the translated site.
_MODULES += (tables, i18n, translation, translated_data, language_links, translation_checks)


def setup(app: Sphinx) -> dict:
    upstream_myst.quiet_config_dump()  # the build log shows the site's own messages
    app.setup_extension(page_state.__name__)  # per-page state, and its env_version
    app.setup_extension(build_state.__name__)  # what events hand each other, and saved state
    for module in _MODULES:
        module.setup(app)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
