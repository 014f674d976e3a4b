"""What the site assumes about Furo's internals, and why (see ``upstream/__init__.py``).

Furo has no settings for these, so the site matches its code and templates:

- ``TOCTREE_CALL``: the arguments Furo's ``_compute_navigation_tree`` passes to the
  page's ``toctree()`` for the sidebar. The site's navigation (``navigation.py``)
  replaces ``toctree`` around Furo's ``html-page-context`` handler, which runs at
  ``HANDLER_PRIORITY``, and answers exactly this call; any other call is refused.
- ``NAVIGATION_TREE``: the page-context key of the sidebar's markup, which Furo's
  ``sidebar/navigation.html`` (copied in ``_templates/``) prints.
- ``SCRIPT``: Furo's script (``scripts/furo.js``, most of it a scroll-spy library),
  which the assets step replaces with ``_static/furo-lite.js``.
- ``ICON_SPRITE``: the exact text of the hidden SVG sprite from Furo's
  ``partials/icons.html``, from which the assets step drops the unused icons.
- ``THEME_SCRIPT`` and ``ICON_STYLES``: where the inline script (Furo's
  ``base.html``) and inline styles (``partials/icons.html``) of every page come
  from, as (template, pattern): the Content-Security-Policy (``csp.py``) allows
  them by the hash of that text.
- ``MAIN_CONTENT``: the ``<article>`` in which Furo's ``page.html`` puts the page's own
  content; the page budget (``page_budget.py``) tells a writer how much of a page's
  weight is its content, and how much the menu and page frame around it.
"""

from __future__ import annotations

import re

TOCTREE_CALL = {"collapse": False, "titles_only": True, "maxdepth": -1, "includehidden": True}
HANDLER_PRIORITY = 500  # Furo connects its html-page-context handler without a priority
NAVIGATION_TREE = "furo_navigation_tree"
SCRIPT = "furo.js"
ICON_SPRITE = re.compile(
    r'<svg xmlns="http://www.w3.org/2000/svg" style="display: none;">'
    r"(?:\s*<symbol\b.*?</symbol>)*\s*</svg>\s*",
    re.DOTALL,
)
THEME_SCRIPT = ("!base.html", r"\{% block body %\}\s*<script>(.*?)</script>")
ICON_STYLES = ("!partials/icons.html", r'style="([^"]*)"')
MAIN_CONTENT = re.compile(r'(<article role="main" id="furo-main-content">)(.*?)(</article>)', re.DOTALL)
