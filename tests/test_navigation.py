"""The sidebar navigation: Furo's look, a cost per page that does not grow with the site.

The compact navigation must render exactly what Sphinx's own collapsed toctree
renders (same links, titles, captions, 'current' marks), only without resolving the
whole site for every page.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from furo.navigation import get_navigation_tree

from practice.site import navigation as practice_navigation
from practice.site.navigation import CompactNavigation
from upstream import furo as upstream_furo


def _normalise(fragment: str) -> str:
    soup = BeautifulSoup(fragment, "html.parser")
    for tag in soup.find_all(True):
        if "class" in tag.attrs:
            tag["class"] = sorted(tag["class"])
        tag.attrs = dict(sorted(tag.attrs.items()))
    return re.sub(r">\s+<", "><", str(soup)).strip()


def _sidebar(html_path) -> BeautifulSoup:
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    return soup.select_one(".sidebar-tree")


@pytest.mark.sphinx("html", testroot="navigation")
def test_matches_sphinx_collapsed_toctree_on_every_page(app):
    app.build()
    navigation = CompactNavigation(app)
    docnames = sorted(app.env.found_docs)
    assert len(docnames) == 12
    for docname in docnames:
        ours = navigation.render(docname)
        sphinx = app.builder._get_local_toctree(
            docname, collapse=True, titles_only=True, includehidden=True, maxdepth=-1
        )
        assert _normalise(ours) == _normalise(sphinx), docname
        # With Furo's expanders, as Furo would add them.
        assert _normalise(navigation.render(docname, furo=True)) == _normalise(get_navigation_tree(sphinx)), (
            docname
        )


@pytest.mark.sphinx("html", testroot="navigation")
def test_sidebar_shows_only_the_current_branch(app):
    app.build()
    tree = _sidebar(app.outdir / "section" / "deeper" / "leaf.html")
    links = [a.get_text() for a in tree.find_all("a")]
    # Top level, the current section's pages, the current sub-section's page:
    # not the pages of the "Other" section.
    assert links == [
        "First",
        "Second, with its own title",
        "Section",
        "Page one",
        "Page two",
        "Deeper",
        "Leaf",
        "Page three",
        "Other",
        "https://example.com/",
    ]
    assert tree.select_one("li.current-page > a").get_text() == "Leaf"
    # Furo's expander is there for the open branch, checked.
    assert tree.select("input.toctree-checkbox[checked]")


@pytest.mark.sphinx("html", testroot="navigation", confoverrides={"practice_compact_navigation": False})
def test_switch_restores_stock_furo(app):
    app.build()
    tree = _sidebar(app.outdir / "first.html")
    assert "Other A" in [a.get_text() for a in tree.find_all("a")]


def test_an_environment_saved_by_another_version_of_the_extension_is_read_again(
    make_app, rootdir, tmp_path, monkeypatch
):
    """What the extension keeps per page (page_state) is dropped with the saved
    environment when ``ENV_VERSION`` changes: every page is read again."""
    import shutil

    from practice import page_state

    srcdir = tmp_path / "navigation"
    shutil.copytree(rootdir / "test-navigation", srcdir)

    def pages_read() -> list[str]:
        app = make_app("html", srcdir=srcdir)
        read: list[str] = []
        app.connect("env-before-read-docs", lambda _app, _env, docs: read.extend(docs))
        app.build()
        return sorted(read)

    everything = pages_read()
    assert everything and pages_read() == []  # nothing changed: nothing read
    monkeypatch.setattr(page_state, "ENV_VERSION", page_state.ENV_VERSION + 1)
    assert pages_read() == everything


# -- The page's toctree(): what it draws, and what it refuses ---------------------------

SUPPORTED = {"collapse": True, "titles_only": True, "includehidden": True}


@pytest.mark.sphinx("html", testroot="navigation")
@pytest.mark.parametrize("maxdepth", [1, 2, "2", 0, -1])
def test_toctree_for_templates_honours_maxdepth_as_sphinx_does(app, warning, maxdepth):
    app.build()
    navigation = CompactNavigation(app)
    for docname in sorted(app.env.found_docs):
        toctree = practice_navigation.compact_toctree(app, navigation, docname)
        ours = toctree(**SUPPORTED, maxdepth=maxdepth)
        sphinx = app.builder._get_local_toctree(docname, **SUPPORTED, maxdepth=maxdepth)
        assert _normalise(ours) == _normalise(sphinx), (docname, maxdepth)
    assert "[practice.navigation]" not in warning.getvalue()


@pytest.mark.sphinx("html", testroot="navigation", srcdir="navigation-refused", freshenv=True)
@pytest.mark.parametrize(
    "call, problem",
    [
        ({**SUPPORTED, "collapse": False}, "collapse=False is not supported (only collapse=True)"),
        ({**SUPPORTED, "titles_only": False}, "titles_only=False is not supported"),
        ({**SUPPORTED, "numbered": True}, "numbered is not an argument it knows"),
        ({**SUPPORTED, "maxdepth": "deep"}, "maxdepth='deep' is not a number"),
        # Left out, they are Sphinx's defaults: not the tree the navigation draws.
        (
            {},
            "titles_only=False is not supported (only titles_only=True); "
            "includehidden=False is not supported (only includehidden=True)",
        ),
    ],
)
def test_toctree_for_templates_refuses_what_it_cannot_draw(app, warning, call, problem):
    app.build()
    warning.truncate(0)
    toctree = practice_navigation.compact_toctree(app, CompactNavigation(app), "first")
    toctree(**call)
    toctree(**call)  # the same call again: one message
    out = warning.getvalue()
    assert out.count("[practice.navigation]") == 1, out
    assert "first.rst: WARNING: A template asks for toctree(" in out, out
    assert problem in out, out
    assert "cannot draw" in out and "practice_compact_navigation = False" in out, out


@pytest.mark.sphinx("html", testroot="navigation", srcdir="navigation-furo-call", freshenv=True)
def test_furo_gets_nothing_for_its_own_call_and_a_warning_for_any_other(app, warning):
    app.build()
    warning.truncate(0)
    toctree = practice_navigation.furo_toctree(app, "first")
    assert toctree(**upstream_furo.TOCTREE_CALL) == ""
    assert warning.getvalue() == ""
    assert toctree(**{**upstream_furo.TOCTREE_CALL, "maxdepth": 2}) == ""
    out = warning.getvalue()
    assert "WARNING: Furo asks for toctree(collapse=False, titles_only=True, maxdepth=2, " in out
    assert "navigation.py was written for Furo's call" in out and "[practice.navigation]" in out
