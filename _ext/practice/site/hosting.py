"""Say so in the build log when the site is built where Read the Docs shows ads.

``privacy.md`` promises no ads and nothing sent to other companies. Read the Docs'
free Community plan (addresses on ``readthedocs.io``, previews on
``org.readthedocs.build``) shows EthicalAds on every page and is meant for open-source
documentation; removing ads for every visitor needs Read the Docs for Business
(``readthedocs-hosted.com``, previews on ``com.readthedocs.build``) or Gold. The
Content-Security-Policy (``csp.py``) stops the ad network's files from loading, but
a practice's site should not rely on blocking the host's own ads: the README's
"Publishing" section says which plan to use.

The build can tell the plan only from the address Read the Docs gives it
(``READTHEDOCS_CANONICAL_URL``). On a Community address it prints a highlighted notice
(not a warning: the build still passes); on a custom domain it cannot tell, and says
what to check instead.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.console import bold, red

from ..messages import render

logger = logging.getLogger(__name__)

COMMUNITY_HOSTS = (".readthedocs.io", ".org.readthedocs.build")
BUSINESS_HOSTS = (".readthedocs-hosted.com", ".com.readthedocs.build")


def read_the_docs_plan(environ: dict[str, str]) -> str | None:
    """'community', 'business', 'custom-domain', or None when not built on Read the Docs."""
    if environ.get("READTHEDOCS") != "True":
        return None
    host = urlsplit(environ.get("READTHEDOCS_CANONICAL_URL", "")).hostname or ""
    if host.endswith(COMMUNITY_HOSTS):
        return "community"
    if host.endswith(BUSINESS_HOSTS):
        return "business"
    return "custom-domain"


def on_config_inited(app: Sphinx, config: Config) -> None:
    plan = read_the_docs_plan(dict(os.environ))
    if plan == "community":
        url = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
        logger.info(bold(red(render("hosting-ads-notice", url=url))))
    elif plan == "custom-domain":
        logger.info(bold(render("hosting-check-notice")))


def setup(app: Sphinx) -> None:
    app.connect("config-inited", on_config_inited)
