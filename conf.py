"""Sphinx configuration for the practice's website.

The practice's own details (name, phone, clinicians, ...) are not here: they are in
practice.yaml, read by the site's extension in _ext/practice.
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# -- Project -----------------------------------------------------------------
# `project` and `html_title` are set from practice.yaml by the practice extension.
project = "Practice website"
language = "en"

# -- Languages ---------------------------------------------------------------
# English is the site's own language. The Spanish site (`-D language=es`, which
# `make html` builds into _build/html/es/) is made of the pages listed in
# locales/es/translations.yaml, translated in gettext catalogues under
# locales/es/LC_MESSAGES/ (one per page, as sphinx-intl writes them; `make
# translations` updates them after an English edit). The extension's own words are
# in locales/es/LC_MESSAGES/practice.po, the templates' in sphinx.po.
locale_dirs = ["locales"]
gettext_compact = False
gettext_uuid = False

# -- General configuration ---------------------------------------------------
extensions = [
    # third-party
    "myst_parser",
    "sphinx_design",
    "sphinxext.opengraph",
    "sphinx_sitemap",
    "notfound.extension",
    # ours
    "practice",
]

exclude_patterns = [
    "_build",
    ".venv",
    "_ext",
    "tests",
    "bench",
    ".ci",
    ".github",
    "README.md",
    "CONTRIBUTING.md",
    "node_modules",
    "tools",
    ".pytest_cache",
]

myst_enable_extensions = ["colon_fence", "deflist", "substitution", "attrs_inline", "smartquotes"]
# Curly quotes and apostrophes come from MyST's parser ("smartquotes" above), which
# does them as it reads; Sphinx's own pass walks every page again (about a tenth of
# the reading time) for the same result.
smartquotes = False
myst_heading_anchors = 3
myst_url_schemes = ["http", "https", "mailto", "tel", "sms"]

# Every cross-reference must resolve (the build runs with -n).
nitpicky = True

# -- Options for HTML output -------------------------------------------------
html_theme = "furo"
html_static_path = ["_static"]
html_show_sourcelink = False
html_copy_source = False
html_show_sphinx = False
html_theme_options = {
    "top_of_page_buttons": [],
}
# The practice's look, crisis line, "Exit this page" and footer (see _templates/).
templates_path = ["_templates"]
html_css_files = ["site.css"]
html_js_files = ["site.js"]
# No "¶" link beside each heading: readers here do not share links to sections (the
# "On this page" list still links to each), and it saves every page about 1.3 KB.
html_permalinks = False
html_logo = "_static/logo.svg"
html_favicon = "_static/logo.svg"
html_extra_path = ["_extra"]  # robots.txt
html_use_index = False
html_domain_indices = False

# Read the Docs sets this; it makes every page carry an absolute canonical link.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")

# -- Findability: sharing tags, sitemap, 404 page -----------------------------
# A local build has no public address; Read the Docs gives the real one above.
site_url = html_baseurl or "http://127.0.0.1:8000/"
sitemap_url_scheme = "{link}"  # the Read the Docs address already holds /en/latest/
sitemap_excludes = ["search.html", "404.html"]
# sphinx-sitemap would give every page an alternate in every language of locales/;
# the practice extension adds them itself, only to pages that have a translation.
sitemap_locales = [None]
ogp_site_url = site_url
ogp_enable_meta_description = False  # the practice extension writes it from front matter
ogp_social_cards = {"enable": False}
ogp_custom_meta_tags = ['<meta name="twitter:card" content="summary">']
notfound_template = "404.html"
notfound_urls_prefix = urlparse(site_url).path
