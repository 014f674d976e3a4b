"""What search engines and link previews read, beyond what the extensions do alone.

- ``og:description`` (sphinxext-opengraph) is the page's ``description`` front matter,
  the same sentence as its meta description, not the first words of the page.
- The second ``<meta name="viewport">`` that docutils adds is dropped (Furo writes one).
- ``robots.txt`` (copied from ``_extra/``) names the sitemap by its full address,
  which only the build knows (``site_url`` in conf.py, from Read the Docs).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from .. import priorities

DOCUTILS_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if "metatags" in context:
        context["metatags"] = context["metatags"].replace(DOCUTILS_VIEWPORT, "")
    meta = context.get("meta") or {}
    description = meta.get("description")
    if isinstance(description, str) and description.strip() and "og:description" not in meta:
        context["meta"] = {**meta, "og:description": description.strip()}


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    robots = Path(app.outdir, "robots.txt")
    site_url = getattr(app.config, "site_url", None)
    if exception or app.builder.format != "html" or not site_url or not robots.is_file():
        return
    sitemap = site_url.rstrip("/") + "/" + getattr(app.config, "sitemap_filename", "sitemap.xml")
    text = robots.read_text(encoding="utf-8")
    robots.write_text(re.sub(r"(?m)^Sitemap:.*$", f"Sitemap: {sitemap}", text), encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", on_html_page_context, priority=priorities.SHARING_TAGS)
    app.connect("build-finished", on_build_finished)
