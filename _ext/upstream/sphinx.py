"""Sphinx's private names the site uses, and why (see ``upstream/__init__.py``).

- ``sphinx.builders.html._assets._CascadingStyleSheet`` and ``_JavaScript``: the
  objects a page's ``css_files`` and ``script_files`` hold. The assets step puts
  its placeholder stylesheet and ``furo-lite.js`` in their place; Sphinx has no
  public constructor for them (``app.add_css_file`` adds to every page).
- ``StandaloneHTMLBuilder._css_files`` and ``_orig_css_files``: the stylesheets
  linked to every page (the latter while a page is written, without that page's own
  additions). The assets step replaces exactly those with one pruned stylesheet, and
  reads them after the build to prune. Sphinx has no public list of them.
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
from sphinx.util.logging import NAMESPACE as LOGGING_NAMESPACE
from sphinx.util.logging import SphinxWarningLogRecord, WarningLogRecordTranslator, is_suppressed_warning

__all__ = [
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


def reading_docname(app: Sphinx) -> str:
    """The page being read now ('' outside reading)."""
    return app.env.current_document.docname
