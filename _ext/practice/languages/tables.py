"""The language tables the site has, and the stop for a build in a language without one.

A build in a language the site has no table for would publish pages that none of the
wording or reading-level checks read. So it stops at once, saying what to add.
"""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from .. import priorities
from ..messages import render
from . import english, spanish
from .table import LanguageTable

ENGLISH = english.TABLE
TABLES: dict[str, LanguageTable] = {table.code: table for table in (english.TABLE, spanish.TABLE)}


def table_for(language: str | None) -> LanguageTable:
    """The table of ``language`` (a build's ``config.language``; English if unset)."""
    return TABLES[language or ENGLISH.code]


def language_name(code: str) -> str:
    """The language's name in English, for a message: "French" for fr."""
    try:
        return Locale.parse(code.replace("-", "_")).english_name or code
    except (ValueError, UnknownLocaleError):
        return code


def on_config_inited(app: Sphinx, config: Config) -> None:
    language = config.language or ENGLISH.code
    if language not in TABLES:
        raise ConfigError(
            render(
                "language-no-table",
                code=language,
                name=language_name(language),
                known=", ".join(sorted(TABLES)),
            )
        )


def setup(app: Sphinx) -> None:
    for table in TABLES.values():
        for limit in (table.page_limit, table.paragraph_limit):
            app.add_config_value(limit.config, limit.default, "env", types=[int, float])
    # First of all: nothing else should start on a language the checks cannot read.
    app.connect("config-inited", on_config_inited, priority=priorities.LANGUAGE_TABLE)
