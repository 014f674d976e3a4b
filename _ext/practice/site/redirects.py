"""Old addresses keep working: the redirect map in ``redirects.yaml``.

When a page is moved or renamed, staff add one line to ``redirects.yaml``::

    redirects:
      approaches/somatic: approaches/somatic-therapy

(the old address and the page it moved to, both without ``.html`` or ``.md``).
This module reads the file when the configuration is ready and hands the map to
sphinx-reredirects, which writes a small page at each old address that sends the
browser on (``redirect.html`` beside this module). After the pages are read, it
checks every line: the new page must exist, the old address must no longer be a
page, and a line must not point to another old address. Each mistake is a warning
naming ``redirects.yaml`` and the line, so the strict build fails.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import yaml
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.errors import ConfigError
from sphinx.util import logging

from .. import findings
from ..build_state import build_state
from ..messages import Subtype, render
from ..suggestions import closest

logger = logging.getLogger(__name__)

TEMPLATE = Path(__file__).with_name("redirect.html")


def warn(message_id: str, where: str, **values: str) -> None:
    findings.warn(Subtype.redirect, render(message_id, **values), where)


def address(text: str) -> str:
    """'/approaches/somatic.html' -> 'approaches/somatic' (anchors are kept)."""
    page, hash_, anchor = text.strip().lstrip("/").partition("#")
    for suffix in (".html", ".md"):
        page = page.removesuffix(suffix)
    return page + hash_ + anchor


Problem = tuple[int, str, dict[str, str]]  # line, message id, values for the message


def load_redirects(path: Path) -> tuple[dict[str, tuple[str, int]], list[Problem]]:
    """Read ``path``: return {old address: (new page, line)} and the problems found."""
    if not path.exists():
        return {}, []
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{where}: " + render("redirects-bad-yaml", problem=problem)) from exc
    redirects: dict[str, tuple[str, int]] = {}
    problems: list[Problem] = []
    if root is None:
        return redirects, problems
    section = None
    if isinstance(root, yaml.MappingNode):
        section = next((value for key, value in root.value if key.value == "redirects"), None)
    if section is None or not isinstance(root, yaml.MappingNode):
        problems.append((1, "redirects-no-section", {}))
        return redirects, problems
    if isinstance(section, yaml.ScalarNode) and section.value in ("", "~", "null"):
        return redirects, problems  # no redirects yet
    if not isinstance(section, yaml.MappingNode):
        problems.append((section.start_mark.line + 1, "redirects-not-mapping", {}))
        return redirects, problems
    for key, value in section.value:
        line = key.start_mark.line + 1
        if not isinstance(value, yaml.ScalarNode) or not value.value.strip():
            problems.append((line, "redirect-no-target", {"old": key.value}))
            continue
        old = address(key.value)
        if old in redirects:
            problems.append((line, "redirect-twice", {"old": old}))
            continue
        redirects[old] = (address(value.value), line)
    return redirects, problems


def relative_uri(old: str, new: str) -> str:
    """The link from the old address's folder to the new page's HTML file."""
    page, hash_, anchor = new.partition("#")
    return posixpath.relpath(f"{page}.html", posixpath.dirname(old) or ".") + hash_ + anchor


def on_config_inited(app: Sphinx, config: Config) -> None:
    path = Path(app.confdir, config.practice_redirects_file)
    redirects, problems = load_redirects(path)
    for line, message_id, values in problems:
        warn(message_id, f"{path}:{line}", **values)
    state = build_state(app)
    state.redirects_file, state.redirects = path, redirects
    config.redirects = {old: relative_uri(old, new) for old, (new, _line) in redirects.items()}
    if not config.redirect_html_template_file:
        config.redirect_html_template_file = str(TEMPLATE)


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """Check each redirect against the pages as they are now."""
    state = build_state(app)
    path, redirects = state.redirects_file, state.redirects
    pages = sorted(env.found_docs)
    for old, (new, line) in redirects.items():
        where = f"{path}:{line}"
        page = new.partition("#")[0]
        if old in env.found_docs:
            warn("redirect-still-a-page", where, old=old, new=page, file=str(env.doc2path(old, False)))
        elif page in redirects:
            warn("redirect-chain", where, old=old, new=page, final=redirects[page][0])
        elif page not in env.found_docs:
            close = closest(page, pages)
            warn(
                "redirect-missing-page",
                where,
                old=old,
                new=page,
                hint=f" Did you mean '{close}'?" if close else "",
            )


def setup(app: Sphinx) -> None:
    app.setup_extension("sphinx_reredirects")
    app.add_config_value("practice_redirects_file", "redirects.yaml", "env", types=[str])
    app.connect("config-inited", on_config_inited)
    app.connect("env-updated", on_env_updated)
