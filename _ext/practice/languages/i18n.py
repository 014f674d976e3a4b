"""The extension's own words in the page's language.

The words the extension writes into pages (the review footer, "Related topics", the
crisis-lines block, banners, dates) are English in the code, wrapped in ``_()``.
Their Spanish is in ``locales/es/LC_MESSAGES/practice.po``, the site's other gettext
catalogues' neighbour; the build compiles it (``practice.mo``, not committed) when
it is newer than its compiled copy, as Sphinx does for the page catalogues, and
registers it with ``app.add_message_catalog``. In an English build ``_()`` gives the
English back.

- ``_`` translates a message when it is used (call it while building, not when a
  module is imported).
- ``N_`` marks a message to translate later (``_(CONSTANT)``), so that the message
  extractor (``make translations``) finds it.
- ``long_date`` writes a date in the build's language: "28 November 2026" in English
  (the NHS pattern the site uses), "28 de noviembre de 2026" in Spanish.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.locale import get_translation
from sphinx.util.i18n import CatalogRepository
from upstream import sphinx as upstream_sphinx

from .. import priorities

CATALOG = "practice"
ENGLISH = "en"

_ = get_translation(CATALOG)


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for it)
    """Mark ``message`` for translation; translate it where it is used, with ``_()``."""
    return message


def long_date(day: dt.date, language: str | None = None) -> str:
    """``day`` written out in ``language`` (its table's words): 28 November 2026,
    28 de noviembre de 2026."""
    from .tables import table_for  # the tables use this module's neighbours: import late

    return table_for(language).long_date(day)


def is_translation(config: Config) -> bool:
    """True when this build is a translation of the site (``-D language=es``)."""
    return bool(config.language) and config.language != ENGLISH


def on_config_inited(app: Sphinx, config: Config) -> None:
    # A process that built another language before (make check, the tests) must not
    # keep that language's words.
    upstream_sphinx.forget_translations(CATALOG)
    if is_translation(config):
        repo = CatalogRepository(app.srcdir, config.locale_dirs, config.language, config.source_encoding)
        for catalog in repo.catalogs:
            if catalog.domain == CATALOG and catalog.is_outdated():
                catalog.write_mo(config.language, config.gettext_allow_fuzzy_translations)
        for locale_dir in repo.locale_dirs:
            app.add_message_catalog(CATALOG, Path(locale_dir))
    else:
        app.add_message_catalog(CATALOG, Path(app.srcdir, "locales"))


def setup(app: Sphinx) -> None:
    # Before the other modules' handlers, which write the translated words.
    app.connect("config-inited", on_config_inited, priority=priorities.MESSAGES_LANGUAGE)
