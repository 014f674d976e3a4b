"""Site search (Pagefind): the search page is light, the index covers the content pages
and leaves out menus, footers, the search page and the 404 page."""

from __future__ import annotations

import json
import re


def test_search_page_loads_no_index_until_someone_searches(site, page):
    soup = page("search.html")
    scripts = [s.get("src", "") for s in soup.find_all("script")]
    assert not any(
        name in src for src in scripts for name in ("searchindex.js", "searchtools.js", "doctools.js")
    ), scripts
    module = soup.find("script", type="module")
    assert module["src"].startswith("_static/practice-search.js")
    code = (site / "_static" / "practice-search.js").read_text()
    assert "import(" in code and "form.dataset.pagefind" in code  # loaded when someone searches
    form = soup.select_one("form.practice-search")
    assert form["data-pagefind"] == "pagefind/pagefind.js"
    assert form.find("input", attrs={"name": "q"}) is not None
    assert soup.find("meta", attrs={"name": "robots", "content": "noindex"}) is not None


def test_the_sidebar_search_box_leads_to_the_search_page(page):
    form = page("specialties/addiction.html").select_one("form.sidebar-search-container")
    assert form["action"].endswith("search.html")


def test_content_pages_are_indexed_and_chrome_is_not(site, page):
    article = page("specialties/addiction.html").select_one("article")
    bodies = article.select("[data-pagefind-body]")
    assert len(bodies) == 1 and bodies[0].find("h1") is not None
    assert not page("search.html").select("[data-pagefind-body]")
    assert page("search.html").select("[data-pagefind-ignore]")
    assert not (site / "searchindex.js").exists()
    pagefind = site / "pagefind"
    assert (pagefind / "pagefind.js").is_file()
    assert list((pagefind / "fragment").glob("*.pf_fragment"))
    # Each language's site has its own index, of its own pages only.
    for index, folder in ((pagefind, site), (site / "es" / "pagefind", site / "es")):
        entry = json.loads((index / "pagefind-entry.json").read_text())
        indexed = sum(language["page_count"] for language in entry["languages"].values())
        pages = [
            p
            for p in folder.rglob("*.html")
            if "data-pagefind-body" in p.read_text()
            and (folder != site or p.relative_to(site).parts[0] != "es")
        ]
        assert indexed == len(pages) >= 5, index
    # Pagefind's ready-made interfaces are not shipped: the search page has its own.
    assert not list(pagefind.glob("pagefind-*ui*"))


def test_switch_restores_sphinx_search(tmp_path):
    from conftest import build_site

    result = build_site(tmp_path, "-D", "practice_search=sphinx")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "searchindex.js").is_file()
    assert not (tmp_path / "pagefind").exists()
    search = (tmp_path / "search.html").read_text()
    assert re.search(r'src="[^"]*searchtools\.js', search)
