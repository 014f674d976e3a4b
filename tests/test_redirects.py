"""Old addresses keep working: every address in published-urls.txt resolves in the
built site, as a page or a redirect; redirects.yaml mistakes stop the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.errors import ConfigError

from browser import EDITOR

ROOT = Path(__file__).resolve().parent.parent
NOT_PAGES = {"genindex.html", "search.html", "404.html"}


def published_urls() -> list[tuple[int, str]]:
    lines = (ROOT / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    return [
        (number, line.strip())
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.startswith("#")
    ]


def redirect_target(html: Path) -> Path | None:
    """Where a redirect page sends the browser (None if it is an ordinary page)."""
    refresh = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find(
        "meta", attrs={"http-equiv": "refresh"}
    )
    if refresh is None:
        return None
    url = refresh["content"].split("url=", 1)[1].split("#")[0]
    return (html.parent / url).resolve()


def test_every_published_address_still_resolves(site):
    broken = []
    for number, url in published_urls():
        target = site / url
        if target.is_file() and (redirect_target(target) or target).is_file():
            continue
        broken.append(f"published-urls.txt:{number}: {url}")
    assert not broken, (
        "These published addresses no longer lead to a page. Add each to "
        "redirects.yaml with the page it moved to:\n" + "\n".join(broken)
    )


def test_every_page_is_in_the_published_list(site):
    listed = {url for _number, url in published_urls()}
    pages = {
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if not path.relative_to(site).parts[0].startswith("_")
        and path.relative_to(site).parts[0] not in {"es", EDITOR}  # es/: the same paths
        and path.name not in NOT_PAGES
        and redirect_target(path) is None
    }
    assert pages - listed == set(), (
        "Add these lines to published-urls.txt (make new-page does it for you):\n"
        + "\n".join(sorted(pages - listed))
    )


def test_redirect_pages_are_valid_html_with_a_visible_link(tmp_path, make_app):
    app = build_project(tmp_path, make_app, "redirects:\n  old/place: new\n")
    assert app.warning.getvalue() == ""
    page = tmp_path / "_build" / "html" / "old" / "place.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "en" and soup.title.get_text() == "This page has moved"
    assert soup.find("a")["href"] == "../new.html"
    assert redirect_target(page) == (tmp_path / "_build" / "html" / "new.html").resolve()


# -- redirects.yaml mistakes, each in a small project -------------------------

CONF = f"""\
import sys
sys.path.insert(0, {str(ROOT / "_ext")!r})
extensions = ["myst_parser", "practice.site.redirects"]
exclude_patterns = ["_build"]
"""


def build_project(tmp_path: Path, make_app, redirects: str):
    (tmp_path / "conf.py").write_text(CONF, encoding="utf-8")
    (tmp_path / "index.md").write_text("# Home\n\n```{toctree}\nnew\n```\n", encoding="utf-8")
    (tmp_path / "new.md").write_text("# New\n\nText.\n", encoding="utf-8")
    (tmp_path / "redirects.yaml").write_text(redirects, encoding="utf-8")
    app = make_app("html", srcdir=tmp_path, builddir=tmp_path / "_build")
    app.build()
    return app


@pytest.mark.parametrize(
    "yaml_text, line, message",
    [
        (
            "redirects:\n  old: nwe\n",
            2,
            "'old' redirects to 'nwe', which is not a page of the site. Did you mean 'new'?",
        ),
        (
            "redirects:\n  new: index\n",
            2,
            "'new' is still a page of the site, so it cannot redirect to 'index'.",
        ),
        (
            "redirects:\n  a: b\n  b: new\n",
            2,
            "'a' redirects to 'b', which is itself an old address. Point it straight to 'new'.",
        ),
        ("redirects:\n  old:\n", 2, "the old address 'old' has no new page after the colon"),
        ("redirects:\n  old: new\n  old.html: index\n", 3, "the old address 'old' is listed twice"),
        ("redirect:\n  old: new\n", 1, "expected a line 'redirects:' with the redirects under it."),
        ("redirects:\n  - old\n", 2, "under 'redirects:' each line must be 'old/address: new/page'."),
    ],
)
def test_mistakes_are_reported_with_file_and_line(tmp_path, make_app, yaml_text, line, message):
    app = build_project(tmp_path, make_app, yaml_text)
    warnings = app.warning.getvalue()
    assert f"redirects.yaml:{line}: WARNING: {message}" in warnings
    assert "[practice.redirect]" in warnings


def test_a_file_that_is_not_yaml_stops_the_build(tmp_path, make_app):
    with pytest.raises(ConfigError, match=re.escape("redirects.yaml:3: this file is not valid YAML")):
        build_project(tmp_path, make_app, "redirects:\n  old: new\n bad: [\n")
