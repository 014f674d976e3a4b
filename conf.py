"""Sphinx configuration for the practice's website.

The practice's own details (name, phone, clinicians, ...) are not here: they are in
practice.yaml, read by the site's extension in _ext/practice.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# -- Project -----------------------------------------------------------------
# `project` and `html_title` are set from practice.yaml by the practice extension.
project = "Practice website"
copyright = "the practice"
language = "en"

# -- General configuration ---------------------------------------------------
extensions = [
    # third-party
    "myst_parser",
    "sphinx_design",
    # ours
    "practice",
]

exclude_patterns = [
    "_build", ".venv", "_ext", "tests", "bench", ".ci", ".github",
    "README.md", "CONTRIBUTING.md", "node_modules",
    "tools", ".pytest_cache",
]

myst_enable_extensions = ["colon_fence", "deflist", "substitution", "attrs_inline"]
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

# Read the Docs sets this; it makes every page carry an absolute canonical link.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
