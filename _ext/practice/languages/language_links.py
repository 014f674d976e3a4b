"""Between a page and its translation: the web's conventions for languages.

- ``<link rel="alternate" hreflang="...">`` in the head of every page that has a
  translation, for each language and ``x-default`` (the English page), with absolute
  addresses when the build knows its own (Read the Docs), relative ones locally.
- A visible link to the other language, written in that language with its ``lang``
  ("En español" on the English page, "In English" on the Spanish one): a plain link
  under "Exit this page" in the safety bar (``partials/safety-bar.html``), no script.
- The sitemap: each page with a translation lists both addresses
  (``xhtml:link rel="alternate"``, as search engines ask); the English robots.txt
  names the translation's sitemap too. (sphinx-sitemap's own ``sitemap_locales``
  would give every page an alternate in every language, translated or not, and
  cannot build Read the Docs' addresses: conf.py switches it off.)
- Pagefind: the English build does not index the translation's folder (_build/html/es,
  which `make html` builds beside it); the translation has its own index in es/pagefind.

Which pages have a translation: ``locales/<language>/translations.yaml`` (``translation``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .. import priorities
from .i18n import ENGLISH
from .tables import table_for
from .translation import page_in_language, root_from_base, site_languages, translations

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def languages_of(app: Sphinx, docname: str) -> list[str]:
    """The languages ``docname`` exists in (English first), if it has a translation."""
    current = app.config.language or ENGLISH
    if current != ENGLISH:
        return [ENGLISH, current] if docname in translations(app, current) else []
    found = [lang for lang in site_languages(app) if docname in translations(app, lang)]
    return [ENGLISH, *found] if found else []


def absolute_root(app: Sphinx, language: str) -> str | None:
    """``language``'s site address, absolute (for the sitemap), or None if unknown."""
    base = app.config.html_baseurl or getattr(app.config, "site_url", None)
    if not base:
        return None
    return root_from_base(base, app.config.language or ENGLISH, language)


def alternates(app: Sphinx, docname: str) -> dict[str, str]:
    """{hreflang: address} of ``docname`` in each language, and x-default (English)."""
    languages = languages_of(app, docname)
    if not languages:
        return {}
    found = {lang: page_in_language(app.config, docname, docname, lang) for lang in languages}
    found["x-default"] = found[ENGLISH]
    return found


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    context["practice_language_link"] = None
    if doctree is None:
        return
    links = alternates(app, pagename)
    if not links:
        return
    context["metatags"] = context.get("metatags", "") + "".join(
        f'<link rel="alternate" hreflang="{lang}" href="{escape(url)}">\n' for lang, url in links.items()
    )
    current = app.config.language or ENGLISH
    other = next(lang for lang in links if lang not in (current, "x-default"))
    context["practice_language_link"] = {
        "href": links[other],
        "lang": other,
        "label": table_for(other).link_label,  # in the language it links to
    }


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    _sitemap_alternates(app)
    _robots_names_translations(app)


def _sitemap_alternates(app: Sphinx) -> None:
    path = Path(app.outdir, getattr(app.config, "sitemap_filename", "sitemap.xml"))
    current = app.config.language or ENGLISH
    own = absolute_root(app, current)
    if not path.is_file() or own is None:
        return
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    tree = ET.parse(path)
    for url in tree.getroot().findall(f"{{{SITEMAP_NS}}}url"):
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc") or ""
        if not loc.startswith(own):
            continue
        docname = loc[len(own) :].removesuffix(".html")
        languages = languages_of(app, docname)
        for lang in [*languages, "x-default"] if languages else []:
            root = absolute_root(app, ENGLISH if lang == "x-default" else lang)
            ET.SubElement(
                url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=lang, href=f"{root}{docname}.html"
            )
    tree.write(path, xml_declaration=True, encoding="utf-8", method="xml")


def _robots_names_translations(app: Sphinx) -> None:
    robots = Path(app.outdir, "robots.txt")
    if (app.config.language or ENGLISH) != ENGLISH or not robots.is_file():
        return
    lines = robots.read_text(encoding="utf-8").rstrip("\n").split("\n")
    name = getattr(app.config, "sitemap_filename", "sitemap.xml")
    for lang in site_languages(app):
        root = absolute_root(app, lang)
        line = f"Sitemap: {root}{name}"
        if root and translations(app, lang) and line not in lines:
            lines.append(line)
    robots.write_text("\n".join(lines) + "\n", encoding="utf-8")


def pagefind_glob(app: Sphinx) -> str | None:
    """The English build's pages for Pagefind, leaving out the translations' folders."""
    if (app.config.language or ENGLISH) != ENGLISH or not site_languages(app):
        return None
    env: BuildEnvironment = app.env
    folders = sorted(
        {doc.split("/", 1)[0] for doc in env.found_docs if "/" in doc} - set(site_languages(app))
    )
    return "{" + ",".join(["*.html", *(f"{folder}/**/*.html" for folder in folders)]) + "}"


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", on_html_page_context)
    # After sphinx-sitemap writes the sitemap and sharing.py the robots.txt (500).
    app.connect("build-finished", on_build_finished, priority=priorities.SITEMAP_ALTERNATES)
