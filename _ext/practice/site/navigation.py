"""Site navigation whose cost per page does not grow with the size of the site.

Furo asks Sphinx for the whole site's navigation, fully expanded, on every page
(``toctree(collapse=False, maxdepth=-1, includehidden=True)``). Sphinx builds that by
resolving every toctree of the site for every page, so a site of N pages costs N x N
in build time, and every page carries the whole site's sidebar.

This module gives Furo's sidebar the same markup as Sphinx's *collapsed* toctree
(``collapse=True, titles_only=True``): the top-level captions and entries, and below them only
the branch that leads to the current page
(its ancestors' children, the current page's own children). It is built from a small
map of each document's toctree entries, kept in the environment (``page_state``,
parallel-safe), so one page costs the size of its branch
rather than the size of the site. Furo's expanders are added while rendering, so
Furo need not parse the tree again (it did so with BeautifulSoup, for every page).

The page's ``toctree()`` is replaced twice around Furo's handler: before it, by a
function that answers only the call Furo makes (``upstream.furo.TOCTREE_CALL``) with
nothing, as Furo's tree is replaced after its handler anyway; after it, by one that
draws the compact navigation for any template that asks. That one honours
``maxdepth`` and draws what Sphinx's toctree draws with ``collapse=True,
titles_only=True, includehidden=True``; any other argument, or a call Furo did not
use to make, fails the build (``practice.navigation``) instead of being ignored.

``practice_compact_navigation = False`` (e.g. ``-D practice_compact_navigation=0``)
restores stock Furo, for comparison in bench/.

What it saves (build time, HTML per page) is measured by ``bench/parts.py`` and
``make bench``; behaviour tests: ``tests/test_navigation.py``.
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.osutil import relative_uri
from upstream import furo as upstream_furo

from ..messages import WARNING_TYPE, Subtype, render as render_message

from ..build_state import build_state
from ..page_state import store

logger = logging.getLogger(__name__)

# Entry: (explicit title or None, target docname or URL)
Entry = tuple[str | None, str]
# A document's toctrees: [(caption or None, [entries])]
Toctrees = list[tuple[str | None, list[Entry]]]

URL_SCHEMES = ("http://", "https://", "mailto:", "tel:", "sms:")


def _nav_map(env: BuildEnvironment) -> dict[str, Toctrees]:
    return store(env, "navigation")


def page_menu(env: BuildEnvironment, docname: str) -> Toctrees | None:
    """The menu entries ``docname`` adds (its toctrees: captions and entries), if any."""
    return _nav_map(env).get(docname)


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Remember this document's toctrees: caption and (title, target) entries."""
    toctrees: Toctrees = [
        (node.get("caption"), [(title, ref) for title, ref in node["entries"]])
        for node in doctree.findall(addnodes.toctree)
    ]
    nav = _nav_map(app.env)
    if toctrees:
        nav[app.env.docname] = toctrees
    else:
        nav.pop(app.env.docname, None)


class CompactNavigation:
    """Renders the collapsed navigation for any page of one build.

    Created once per process and build (the parent map is O(pages) to make);
    each page then costs only its own branch.
    """

    def __init__(self, app: Sphinx) -> None:
        self.builder = app.builder
        self.env = app.env
        self.root = app.config.root_doc
        self.toctrees = dict(_nav_map(app.env))
        self.parent: dict[str, str] = {}
        for parent, trees in self.toctrees.items():
            for _caption, entries in trees:
                for _title, ref in entries:
                    self.parent.setdefault(ref, parent)
        self._uris: dict[str, str] = {}
        self._labels: dict[str, str] = {}

    def uri(self, from_page: str, ref: str) -> str:
        """``builder.get_relative_uri``, with each page's own address looked up once."""
        for name in (from_page, ref):
            if name not in self._uris:
                self._uris[name] = self.builder.get_target_uri(name)
        return relative_uri(self._uris[from_page], self._uris[ref])

    def label(self, ref: str) -> str:
        """A page's title as it appears in the navigation: text, HTML-escaped."""
        if ref not in self._labels:
            self._labels[ref] = html.escape(self.env.titles[ref].astext())
        return self._labels[ref]

    def ancestors(self, docname: str) -> set[str]:
        chain = set()
        while docname not in chain:
            chain.add(docname)
            if docname not in self.parent:
                break
            docname = self.parent[docname]
        return chain

    def render(self, pagename: str, furo: bool = False, maxdepth: int = 0) -> str:
        """The collapsed navigation HTML for ``pagename``, ``maxdepth`` levels deep
        (0: all).

        With ``furo``, the markup Furo's ``get_navigation_tree`` would make of it
        (an expander checkbox and label on each entry with children, "current-page"
        on the current entry), without parsing it again.
        """
        current = self.ancestors(pagename)
        render = _Render(self, pagename, current, furo, maxdepth)
        parts = []
        for caption, entries in self.toctrees.get(self.root, []):
            items = render.items(entries, 1, {self.root})
            if not items:
                continue
            if caption:
                parts.append(
                    f'<p class="caption" role="heading"><span class="caption-text">'
                    f"{html.escape(caption)}</span></p>\n"
                )
            parts.append(render.html_list(items, entries))
        return "".join(parts)


class _Render:
    """One page's navigation, rendered once."""

    def __init__(
        self, nav: CompactNavigation, pagename: str, current: set[str], furo: bool, maxdepth: int = 0
    ) -> None:
        self.nav = nav
        self.pagename = pagename
        self.current = current
        self.furo = furo
        self.maxdepth = maxdepth
        self.checkboxes = 0

    def html_list(self, items: list[str], entries: list[Entry]) -> str:
        has_current = any(ref in self.current and ref != self.nav.root for _t, ref in entries)
        opening = '<ul class="current">' if has_current else "<ul>"
        return opening + "\n" + "".join(items) + "</ul>\n"

    def items(self, entries: list[Entry], depth: int, seen: set[str]) -> list[str]:
        nav = self.nav
        items: list[str] = []
        if self.maxdepth and depth > self.maxdepth:
            return items
        for title, ref in entries:
            if ref.startswith(URL_SCHEMES):
                label = html.escape(title or ref)
                items.append(
                    f'<li class="toctree-l{depth}"><a class="reference external" '
                    f'href="{html.escape(ref)}">{label}</a></li>\n'
                )
                continue
            if ref in seen or ref not in nav.env.titles:
                continue  # a cycle, or a document that does not exist
            label = html.escape(title) if title else nav.label(ref)
            if ref == self.pagename:
                link = f'<a class="current reference internal" href="#">{label}</a>'
            else:
                uri = html.escape(nav.uri(self.pagename, ref))
                link = f'<a class="reference internal" href="{uri}">{label}</a>'
            is_current = ref in self.current
            classes = [f"toctree-l{depth}"] + (["current"] if is_current else [])
            if is_current and self.furo and ref == self.pagename:
                classes.append("current-page")
            children = ""
            if is_current:
                # Only the branch that leads to this page is expanded; Sphinx puts
                # all of a page's toctrees in one list.
                sub_entries = [entry for _caption, sub in nav.toctrees.get(ref, []) for entry in sub]
                number = self.checkboxes = self.checkboxes + 1 if self.furo else 0
                sub_items = self.items(sub_entries, depth + 1, seen | {ref})
                if sub_items:
                    children = "\n" + self.html_list(sub_items, sub_entries)
                    if self.furo:
                        classes.append("has-children")
                        link += _expander(number, label)
                elif self.furo:
                    self.checkboxes -= 1
            items.append(f'<li class="{" ".join(classes)}">{link}{children}</li>\n')
        return items


def _expander(number: int, label: str) -> str:
    """Furo's checkbox and label that open and close an entry's children (``label``:
    the entry's title, HTML-escaped)."""
    name = f"toctree-checkbox-{number}"
    return (
        f'<input aria-label="Toggle navigation of {label}" checked="" '
        f'class="toctree-checkbox" id="{name}" name="{name}" role="switch" '
        f'type="checkbox"/><label for="{name}"><span class="icon"><svg>'
        f'<use href="#svg-arrow-right"></use></svg></span></label>'
    )


def on_builder_inited(app: Sphinx) -> None:
    build_state(app).navigation = None


def _navigation(app: Sphinx) -> CompactNavigation:
    state = build_state(app)
    navigation = state.navigation
    if navigation is None or navigation.env is not app.env:
        navigation = state.navigation = CompactNavigation(app)
    return navigation


# -- The page's toctree() ----------------------------------------------------------------

# What the compact navigation draws, as Sphinx's toctree() arguments (maxdepth: any).
SUPPORTED = {"collapse": True, "titles_only": True, "includehidden": True}
# What Sphinx's toctree() does when a template leaves an argument out.
SPHINX_DEFAULTS = {"collapse": True, "titles_only": False, "includehidden": False, "maxdepth": 0}


def _call(kwargs: dict[str, Any]) -> str:
    return ", ".join(f"{name}={value!r}" for name, value in kwargs.items())


def _maxdepth(value: Any) -> int | None:
    """The depth a ``maxdepth`` argument asks for (0: all), or None if it is not one."""
    if value in (None, ""):
        return 0
    try:
        depth = int(value)
    except (TypeError, ValueError):
        return None
    return max(depth, 0)  # Sphinx: 0 or less means every level


def _refuse(app: Sphinx, pagename: str, caller: str, kwargs: dict[str, Any], problems: list[str]) -> None:
    """Warn once per build and process for each call the navigation cannot answer."""
    refused = app.builder.__dict__.setdefault("practice_refused_toctree", set())
    call = _call(kwargs)
    if (caller, call) in refused:
        return
    refused.add((caller, call))
    logger.warning(
        render_message("toctree-arguments", caller=caller, call=call, problems="; ".join(problems)),
        type=WARNING_TYPE,
        subtype=Subtype.navigation.value,
        location=pagename,
    )


def furo_toctree(app: Sphinx, pagename: str):
    """Before Furo's handler: the ``toctree`` it calls, answered with nothing (Furo
    would parse the whole tree; its result is replaced after its handler)."""

    def toctree(**kwargs: Any) -> str:
        if kwargs != upstream_furo.TOCTREE_CALL:
            _refuse(
                app,
                pagename,
                "Furo",
                kwargs,
                [
                    f"navigation.py was written for Furo's call toctree("
                    f"{_call(upstream_furo.TOCTREE_CALL)}); check what Furo's sidebar now expects "
                    "and update _ext/upstream/furo.py and navigation.py"
                ],
            )
        return ""

    return toctree


def compact_toctree(app: Sphinx, navigation: CompactNavigation, pagename: str):
    """After Furo's handler: ``toctree`` for templates, drawing the compact navigation."""

    def toctree(**kwargs: Any) -> str:
        asked = {**SPHINX_DEFAULTS, **kwargs}
        problems = [
            f"{name}={asked[name]!r} is not supported (only {name}={value!r})"
            for name, value in SUPPORTED.items()
            if asked[name] != value
        ]
        problems += [f"{name} is not an argument it knows" for name in kwargs if name not in SPHINX_DEFAULTS]
        depth = _maxdepth(asked["maxdepth"])
        if depth is None:
            problems.append(f"maxdepth={asked['maxdepth']!r} is not a number")
        if problems:
            _refuse(app, pagename, "A template", kwargs, problems)
        return navigation.render(pagename, maxdepth=depth or 0)

    return toctree


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Before Furo's handler: give it nothing to parse (it would parse the whole tree)."""
    if app.config.practice_compact_navigation and "toctree" in context:
        context["toctree"] = furo_toctree(app, pagename)


def on_html_page_context_after_furo(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """After Furo's handler: the compact navigation, in Furo's markup."""
    if not app.config.practice_compact_navigation or "toctree" not in context:
        return
    navigation = _navigation(app)
    context["toctree"] = compact_toctree(app, navigation, pagename)
    context[upstream_furo.NAVIGATION_TREE] = navigation.render(pagename, furo=True)


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    # The toctrees may have changed: rebuild the map for the writing phase.
    build_state(app).navigation = None


def setup(app: Sphinx) -> None:
    app.setup_extension("practice.page_state")
    app.add_config_value("practice_compact_navigation", True, "html", types=[bool])
    app.connect("doctree-read", on_doctree_read)
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-updated", on_env_updated)
    # Around Furo's own handler, which calls context["toctree"].
    app.connect("html-page-context", on_html_page_context, priority=upstream_furo.HANDLER_PRIORITY - 100)
    app.connect(
        "html-page-context", on_html_page_context_after_furo, priority=upstream_furo.HANDLER_PRIORITY + 100
    )
