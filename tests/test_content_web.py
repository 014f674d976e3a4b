"""The web of links on the built site: a reader who arrives anywhere finds their way.

- No link is broken: every link inside the site leads to a page that exists, and to
  a place on it that exists (``#part``).
- Every page is at most two clicks from the home page, and no page is orphaned (some
  other page links to it).
- Each specialty page links, in its own text (not only in "Related topics"), to
  every approach page, and each approach page links back to every specialty.
- The first time a page's prose uses a glossary term, it links to the glossary.
- Each clinical page cites its sources in one form: italic title, then a link.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser import site_pages
from conftest import SPANISH

HOME = "index.html"
# Pages people are sent to, not pages to find: the 404 page and search results (of the
# English site and of the Spanish one).
NOT_FOR_BROWSING = {"404.html", "search.html", f"{SPANISH}/404.html", f"{SPANISH}/search.html"}
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def links_from(site: Path, page: str, root=None) -> list[tuple[str, str]]:
    """The site's own links on ``page`` (or under ``root``): (target page, #part or '')."""
    tree = root if root is not None else _soup(site / page)
    found = []
    for anchor in tree.find_all("a", href=True):
        href = anchor["href"]
        if SCHEME.match(href) or href.startswith("//"):
            continue  # another site, or tel:, mailto:, sms:
        path, _, part = href.partition("#")
        if path.startswith("/"):  # from the site's root (the 404 page links this way)
            target = posixpath.normpath(path.lstrip("/"))
        elif path:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        else:
            target = page
        found.append((target, part))
    return found


def own_text(site: Path, page: str):
    """The page's article without the generated "Related topics" and review footer."""
    article = BeautifulSoup(str(_soup(site / page).select_one("article")), "html.parser")
    for generated in article.select(".related-topics, .review-footer"):
        generated.decompose()
    return article


@pytest.fixture(scope="module")
def pages(site) -> list[str]:
    return [
        name
        for name in site_pages(site)
        if 'http-equiv="refresh"' not in (site / name).read_text(encoding="utf-8")
    ]


def test_no_link_inside_the_site_is_broken(site, pages):
    broken = []
    for page in pages:
        for target, part in links_from(site, page):
            if target.endswith("/") or target == ".":
                target = posixpath.join(target, "index.html")
            file = site / target
            if not file.is_file():
                broken.append(f"{page}: links to {target}, which does not exist")
            elif part and file.suffix == ".html" and not _soup(file).find(id=part):
                broken.append(f"{page}: links to {target}#{part}, a part that is not there")
    assert not broken, "\n".join(broken)


def test_every_page_is_at_most_two_clicks_from_home_and_none_is_orphaned(site, pages):
    browsable = [page for page in pages if page not in NOT_FOR_BROWSING]
    clicks = {HOME: 0}
    frontier = [HOME]
    for depth in (1, 2):
        reached = []
        for page in frontier:
            for target, _part in links_from(site, page):
                if target in browsable and target not in clicks:
                    clicks[target] = depth
                    reached.append(target)
        frontier = reached
    far = sorted(set(browsable) - set(clicks))
    assert not far, f"more than two clicks from the home page: {far}"

    linked = {target for page in browsable for target, _part in links_from(site, page) if target != page}
    orphans = sorted(set(browsable) - linked - {HOME})
    assert not orphans, f"no other page links to: {orphans}"


def _kind_pages(pages: list[str], folder: str) -> list[str]:
    return sorted(page for page in pages if page.startswith(folder + "/"))


def test_specialties_and_approaches_link_each_other_in_their_own_text(site, pages):
    specialties = _kind_pages(pages, "specialties")
    approaches = _kind_pages(pages, "approaches")
    assert len(specialties) >= 4 and len(approaches) >= 5
    missing = []
    for page in specialties + approaches:
        others = approaches if page in specialties else specialties
        linked = {target for target, _part in links_from(site, page, own_text(site, page))}
        missing += [f"{page} does not link to {other} in its text" for other in others if other not in linked]
    assert not missing, "\n".join(missing)


def _glossary_terms(site: Path) -> dict[str, str]:
    """Each glossary term (lower case) and the id of its entry."""
    terms = {}
    for term in _soup(site / "glossary.html").select("dl.glossary dt[id]"):
        terms[term.get_text(" ", strip=True).lower()] = term["id"]
    return terms


def test_glossary_has_its_terms(site):
    terms = _glossary_terms(site)
    for expected in (
        "self",
        "exile",
        "manager",
        "firefighter",
        "burden",
        "unburdening",
        "trauma-informed",
        "harm reduction",
    ):
        assert any(term.startswith(expected) for term in terms), (expected, sorted(terms))


def _prose_blocks(site: Path, page: str) -> list:
    """The page's own paragraphs and list items, leaving out the sources (titles of
    works), the practice's details (its own words, from practice.yaml), cards that
    are links as a whole (a link cannot hold another) and the cards of other pages
    (their title and a line about them, in plain words)."""
    text = own_text(site, page)
    for heading in text.find_all(["h2", "h3"]):
        if heading.get_text(strip=True).lower() in ("sources", "references"):
            heading.find_parent("section").decompose()
    for skipped in text.select("[class*='practice-']"):
        skipped.decompose()
    for card in text.select(".sd-card"):
        if card.select_one("a.sd-stretched-link"):
            card.decompose()
    for cards in text.select(".related-cards"):
        cards.decompose()
    return [block for block in text.select("p, li") if not block.find(["p", "li"])]


def test_first_use_of_each_glossary_term_links_to_it(site, pages):
    """The first time a page uses a glossary term (or its plural), those words are a
    link: to the glossary, or to the page about it ("Mindfulness" to the mindfulness
    page). Later uses may be plain."""
    terms = _glossary_terms(site)
    unlinked = []
    for page in pages:
        if page in NOT_FOR_BROWSING or page == "glossary.html" or page.startswith(f"{SPANISH}/"):
            continue  # (the glossary is English; Spanish pages link its terms in their words)
        blocks = _prose_blocks(site, page)
        for term in terms:
            pattern = re.compile(rf"\b{re.escape(term)}(?:s|es)?\b", re.IGNORECASE)
            for block in blocks:
                words = block.get_text(" ")
                first_use = pattern.search(words)
                if first_use is None:
                    continue
                linked = any(
                    pattern.search(a.get_text(" ")) and words.find(a.get_text(" ")) <= first_use.start()
                    for a in block.find_all("a", href=True)
                )
                if not linked:
                    unlinked.append(
                        f'{page}: the first "{first_use[0]}" is not a link: '
                        f'"{block.get_text(" ", strip=True)[:90]}"'
                    )
                break
    assert not unlinked, "\n".join(unlinked)


def test_clinical_pages_cite_sources_in_one_linked_form(site, pages):
    """Each specialty and approach page ends with "Sources": each source with its title
    in italics and a link to where it can be read."""
    problems = []
    for page in _kind_pages(pages, "specialties") + _kind_pages(pages, "approaches"):
        heading = next(
            (h for h in _soup(site / page).select("article h2") if h.get_text(strip=True) == "Sources"), None
        )
        if heading is None:
            problems.append(f"{page}: no Sources section")
            continue
        items = heading.find_parent("section").select("li")
        if not items:
            problems.append(f"{page}: the Sources section lists nothing")
        for item in items:
            if not item.find("em") or not item.select("a[href^='https://']"):
                problems.append(
                    f'{page}: "{item.get_text(" ", strip=True)[:70]}" needs an italic title and a link'
                )
    assert not problems, "\n".join(problems)
