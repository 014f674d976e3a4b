"""Keep each page's content-check findings with the page and report them every build.

The checks run while a page is read and record what they find here, in the build
environment, instead of warning at once. ``on_env_updated`` then reports the
findings of every page on every build. So a page that failed a strict build keeps
failing on the next (incremental) build until it is fixed, although Sphinx does not
read an unchanged page again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .messages import WARNING_TYPE, Subtype
from .page_state import store

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Finding:
    subtype: Subtype
    line: int | None
    message: str


def _store(env: BuildEnvironment) -> dict[str, list[Finding]]:
    return store(env, "findings")


def add(env: BuildEnvironment, docname: str, subtype: Subtype, line: int | None, message: str) -> None:
    """Record a finding about ``docname``; it is reported on this build and later ones."""
    _store(env).setdefault(docname, []).append(Finding(subtype, line, message))


def warn(subtype: Subtype, message: str, location) -> None:
    """Warn now, with the type and subtype that ``suppress_warnings`` can name."""
    logger.warning(message, type=WARNING_TYPE, subtype=subtype.value, location=location)


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    store = _store(env)
    for docname in sorted(store):
        if docname not in env.found_docs:
            continue
        for finding in sorted(store[docname], key=lambda f: (f.line or 0, f.subtype.value)):
            warn(finding.subtype, finding.message, (docname, finding.line))


def setup(app: Sphinx) -> None:
    app.setup_extension("practice.page_state")
    app.connect("env-updated", on_env_updated)
