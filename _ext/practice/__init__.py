"""The practice website's own Sphinx extension.

Each concern lives in its own module with its own ``setup()``; this package only
registers them, so ``extensions = ["practice"]`` in conf.py brings in all of them.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import (assets, crisis, csp, garbage_collection, hosting, linked_files, live_preview, navigation,
               page_state, practice_data, practice_markup, redirects, search, sharing)
from . import i18n, language_links, spanish_checks, translated_data, translation  # Spanish site
from . import (claims, findings, page_metadata, person_first, reading_level,  # governance
               publishing, related_topics, review_footer, review_overdue, structured_data)

__version__ = "1.0"

_MODULES = (practice_data, practice_markup, crisis, csp, hosting, navigation, live_preview, assets, sharing,
            redirects, search, garbage_collection, linked_files)
# Content governance: front matter, reviews, language and reading level.
_MODULES += (findings, page_metadata, reading_level, person_first, claims, review_overdue,
             publishing, related_topics, review_footer, structured_data)
_MODULES += (i18n, translation, translated_data, language_links, spanish_checks)  # the Spanish site


def setup(app: Sphinx) -> dict:
    app.setup_extension(page_state.__name__)  # per-page state, and its env_version
    for module in _MODULES:
        module.setup(app)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
