"""A Content-Security-Policy in every page: the visitor's browser loads nothing from
anywhere but this site, whatever a host or a pasted embed adds.

``privacy.md`` promises that opening a page sends nothing to any other company. The
site's own files keep that promise; this policy makes the browser keep it too, if a
web host injects a script (Read the Docs adds its Addons script and ads on some plans)
or someone pastes an embed into a page. It is a ``<meta http-equiv>`` tag (Read the
Docs sets no custom headers), placed first in ``<head>`` through the page's
``metatags``, so it governs everything after it.

- Scripts, styles, images, fonts, frames, connections, workers: this site only
  (``default-src 'self'``), plus ``data:`` images (icons inside the stylesheets) and
  ``'wasm-unsafe-eval'`` (Pagefind's search runs as WebAssembly).
- No ``'unsafe-inline'``: the few inline scripts and styles the theme and the search
  page need are allowed by their SHA-256 hashes, taken at build time from the
  templates they come from (Furo's ``base.html`` and ``partials/icons.html``, the
  search page's ``practice-search.html``; its script is a file, ``static/practice-search.js``).
  If an upgrade moves them, the build stops and says what
  to re-check; the site tests check every inline script and style of every built
  page against its policy.
- Forms may only be sent to this site (``form-action``); ``<base>`` and plugins are
  refused.

A page whose source embeds HTML that the policy would block (a ``<script>``,
``<iframe>``, inline ``style`` or event handler, or anything loaded from another
site) fails the build with a warning (``practice.embed``) naming the file and line:
it would be blocked silently in the browser otherwise.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

from docutils import nodes
from jinja2 import TemplateNotFound
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging
from ..findings import warn
from ..build_state import build_state
from ..messages import Subtype, render
from upstream import furo as upstream_furo

logger = logging.getLogger(__name__)

SEARCH_PAGE = "search"
# (The redirect pages, redirect.html, carry a stricter policy of their own, written
# out with the hash of their one script: they load nothing at all.)
BASE_POLICY = {
    "default-src": ("'self'",),
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    "style-src": ("'self'", "'unsafe-hashes'"),
    "img-src": ("'self'", "data:"),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}

# Where each inline script or style comes from: (template, pattern of its text).
THEME_SCRIPT = upstream_furo.THEME_SCRIPT
ICON_STYLES = upstream_furo.ICON_STYLES
SEARCH_STYLE = ("practice-search.html", r"<style>(.*?)</style>")

EMBED = re.compile(
    r"<\s*(script|iframe|object|embed|frame)\b"  # scripts and frames
    r"|\son[a-z]+\s*="  # event handlers
    r"|\sstyle\s*="  # inline styles
    r"|\s(?:src|href|srcset|action|data)\s*=\s*[\"']?\s*(?:https?:)?//",  # other sites
    re.IGNORECASE,
)


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_texts(app: Sphinx, source: tuple[str, str]) -> list[str]:
    """The inline texts ``source`` names, read from its template as Jinja loads it (none
    if the theme has no such template, as in the tests' small projects; an error if the
    template is there but the text has moved)."""
    template, pattern = source
    loader = app.builder.templates
    try:
        text, _, _ = loader.get_source(loader.environment, template)
    except TemplateNotFound:
        return []  # another theme (the tests' small projects): it has no such template
    found = re.findall(pattern, text, re.S)
    if not found:
        raise ExtensionError(
            f"csp.py: found no inline script or style in the template {template!r} with the "
            f"pattern {pattern!r}. A theme or template upgrade has moved it: check where the "
            "page's inline scripts and styles now come from, and update csp.py so that the "
            "Content-Security-Policy allows exactly them."
        )
    return found


def policy(directives: dict[str, tuple[str, ...]]) -> str:
    return ";".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def on_builder_inited(app: Sphinx) -> None:
    if app.builder.format != "html" or not hasattr(app.builder, "templates"):
        return
    theme = [sha256(text) for text in inline_texts(app, THEME_SCRIPT)]
    icons = sorted({sha256(text) for text in inline_texts(app, ICON_STYLES)})
    every_page = {
        **BASE_POLICY,
        "script-src": (*BASE_POLICY["script-src"], *theme),
        "style-src": (*BASE_POLICY["style-src"], *icons),
    }
    search_page = {
        **every_page,
        "style-src": (*every_page["style-src"], *map(sha256, inline_texts(app, SEARCH_STYLE))),
    }
    build_state(app).csp = {"page": policy(every_page), SEARCH_PAGE: policy(search_page)}


def meta_tag(content: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    policies = build_state(app).csp
    if not policies:
        return
    tag = meta_tag(policies.get(pagename, policies["page"]))
    context["metatags"] = "\n" + tag + context.get("metatags", "")


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Warn about embedded HTML the policy would block in the visitor's browser."""
    for raw in doctree.findall(nodes.raw):
        if "html" not in raw.get("format", "").split():
            continue
        found = EMBED.search(raw.astext())
        if found:
            warn(Subtype.embed, render("embed", found=found.group(0).strip()), raw)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", on_builder_inited)
    app.connect("html-page-context", on_html_page_context)
    app.connect("doctree-read", on_doctree_read)
