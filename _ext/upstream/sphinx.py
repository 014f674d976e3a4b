"""Sphinx's private names the site uses, and why (see ``upstream/__init__.py``).

- ``sphinx.builders.html._assets._CascadingStyleSheet`` and ``_JavaScript``: the
  objects a page's ``css_files`` and ``script_files`` hold. The assets step puts
  its placeholder stylesheet and ``furo-lite.js`` in their place; Sphinx has no
  public constructor for them (``app.add_css_file`` adds to every page).
- ``StandaloneHTMLBuilder._css_files`` and ``_orig_css_files``: the stylesheets
  linked to every page (the latter while a page is written, without that page's own
  additions). The assets step replaces exactly those with one pruned stylesheet, and
  reads them after the build to prune. Sphinx has no public list of them.
- ``sphinx.util.nodes._make_id``: the id Sphinx's glossary gives a term
  (``term-parts``); the Spanish site's link index (``languages/translation.py``) links
  to a term's entry on an English page without building that page.
- ``sphinx.locale.translators``: the message catalogues Sphinx keeps loaded for the
  whole process. A process that builds a second language (``make check``, the live
  preview, the tests) drops the first one's words, which Sphinx never does itself.
- ``BuildEnvironment._app``: a directive's application (``env.app`` is deprecated in
  Sphinx 9 and goes in 11; a directive has no other way to its builder or to the
  build's state).
- ``sphinx.util.logging``'s ``NAMESPACE``, ``WarningLogRecordTranslator`` and
  ``is_suppressed_warning``, and ``env.current_document``: ``make check``
  (``tools/check.py``) collects the build's warnings with a logging handler of its
  own, words them as Sphinx would, honours ``suppress_warnings``, and files each
  under the page being read.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript
import sphinx.locale
from sphinx.environment import BuildEnvironment
from sphinx.util.logging import NAMESPACE as LOGGING_NAMESPACE
from sphinx.util.nodes import _make_id
from sphinx.util.logging import SphinxWarningLogRecord, WarningLogRecordTranslator, is_suppressed_warning

__all__ = [
    "application",
    "forget_translations",
    "glossary_term_id",
    "LOGGING_NAMESPACE",
    "SphinxWarningLogRecord",
    "WarningLogRecordTranslator",
    "is_suppressed_warning",
    "stylesheet",
    "script",
    "site_stylesheets",
    "stylesheets_before_page",
    "reading_docname",
]


def stylesheet(filename: str, priority: int) -> Any:
    """A stylesheet entry for a page's ``css_files``."""
    return _CascadingStyleSheet(filename, priority=priority)


def script(filename: str, priority: int) -> Any:
    """A script entry for a page's ``script_files``."""
    return _JavaScript(filename, priority=priority)


def site_stylesheets(builder: StandaloneHTMLBuilder) -> list[Any]:
    """The stylesheets linked to every page (each has ``filename``, ``priority`` and
    ``attributes``)."""
    return builder._css_files


def stylesheets_before_page(builder: StandaloneHTMLBuilder) -> list[Any]:
    """While a page is written: the stylesheets linked to every page, not those the
    page's own handlers added."""
    return getattr(builder, "_orig_css_files", builder._css_files)


def glossary_term_id(term: str) -> str:
    """The id of ``term``'s entry in a glossary, as Sphinx makes it: ``term-parts``."""
    return _make_id(f"term-{term}")


def forget_translations(catalog: str | None = None) -> None:
    """Drop the loaded messages of ``catalog`` (of every catalogue if ``None``), so the
    next build in this process loads its own language's."""
    if catalog is None:
        sphinx.locale.translators.clear()
    else:
        sphinx.locale.translators.pop(("general", catalog), None)


def application(env: BuildEnvironment) -> Sphinx:
    """The application building ``env`` (for a directive, which is given only ``env``)."""
    return env._app


def reading_docname(app: Sphinx) -> str:
    """The page being read now ('' outside reading)."""
    return app.env.current_document.docname
