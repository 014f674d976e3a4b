"""What search engines and link previews see: sharing tags from each page's own
description, a favicon, sitemap.xml, robots.txt naming it, and a helpful 404 page.
Checked in the built HTML of every page, and in a build made as Read the Docs makes it.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from browser import site_pages
from conftest import ROOT, SPANISH, build_site

LOCAL_SITE_URL = "http://127.0.0.1:8000/"
# (In the English site and in its Spanish one, es/.)
NOT_IN_SITEMAP = {"404.html", "search.html", f"{SPANISH}/404.html", f"{SPANISH}/search.html"}


def front_matter(html_name: str) -> dict:
    source = ROOT / (html_name.removesuffix(".html") + ".md")
    if not source.is_file():
        return {}
    match = re.match(r"---\n(.*?)\n---\n", source.read_text(encoding="utf-8"), re.S)
    return yaml.safe_load(match.group(1)) if match else {}


def content_pages(site: Path) -> list[str]:
    return [
        name
        for name in site_pages(site)
        if name not in NOT_IN_SITEMAP
        and 'http-equiv="refresh"' not in (site / name).read_text(encoding="utf-8")
    ]


def meta(soup: BeautifulSoup, key: str) -> list[str]:
    return [
        tag.get("content", "")
        for tag in soup.find_all("meta")
        if key in (tag.get("property"), tag.get("name"))
    ]


def test_every_page_has_sharing_tags_from_its_own_description(site, page):
    for name in content_pages(site):
        soup = page(name)
        assert meta(soup, "og:title") and meta(soup, "og:title")[0].strip(), name
        assert meta(soup, "og:url") == [LOCAL_SITE_URL + name], name
        assert meta(soup, "twitter:card") == ["summary"], name
        assert len(meta(soup, "description")) <= 1, f"{name}: more than one meta description"
        assert len(meta(soup, "viewport")) == 1, f"{name}: {len(meta(soup, 'viewport'))} viewport tags"
        description = front_matter(name).get("description")
        if description:
            assert meta(soup, "og:description") == [description.strip()], name


def test_every_page_has_the_favicon(site, page):
    for name in site_pages(site):
        icon = page(name).select_one("link[rel~=icon]")
        assert icon is not None, f"{name}: no favicon"
        if name not in ("404.html", f"{SPANISH}/404.html"):  # the 404 page links from the site root
            assert (site / name).parent.joinpath(icon["href"].split("?")[0]).resolve().is_file(), name


@pytest.mark.parametrize("folder", ["", f"{SPANISH}/"], ids=["English", "Spanish"])
def test_sitemap_lists_every_page_at_its_full_address(site, folder):
    tree = ET.parse(site / folder / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in tree.findall("s:url/s:loc", ns)}
    expected = {
        LOCAL_SITE_URL + name
        for name in content_pages(site)
        if name.startswith(f"{SPANISH}/") == bool(folder)
    }
    assert listed == expected, f"missing: {sorted(expected - listed)}; extra: {sorted(listed - expected)}"


def test_robots_txt_names_the_sitemap(site):
    robots = (site / "robots.txt").read_text()
    assert "User-agent: *" in robots
    assert re.search(r"(?m)^Sitemap: http://127\.0\.0\.1:8000/sitemap\.xml$", robots), robots


def test_404_page_helps_and_links_from_the_site_root(page):
    soup = page("404.html")
    text = soup.select_one("article").get_text(" ", strip=True)
    assert "can’t find that page" in text
    hrefs = [a["href"] for a in soup.select("article a[href]")]
    assert "tel:988" in hrefs and "/index.html" in hrefs, hrefs
    assert soup.select_one(".crisis-line a[href='tel:988']") is not None
    for tag in soup.select("link[href], script[src]"):
        url = tag.get("href") or tag.get("src")
        assert url.startswith(("/", "https://", "#")), f"404.html links {url} relatively"


def test_pages_read_as_a_practice_not_software_documentation(site, page):
    assert not (site / "genindex.html").exists()
    assert not [p for p in (site / "_sources").rglob("*") if p.is_file()], "page sources are published"
    for name in site_pages(site):
        footer = page(name).select_one("footer")
        if footer is None:
            continue
        assert "Made with" not in footer.get_text(), name


@pytest.fixture(scope="module")
def rtd_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("rtd")
    env = {
        **os.environ,
        "READTHEDOCS": "True",
        "READTHEDOCS_CANONICAL_URL": "https://example-practice.readthedocs.io/en/latest/",
    }
    result = build_site(out, "-T", "-D", "language=en", env=env)
    assert result.returncode == 0, result.stderr
    return out


def test_read_the_docs_build_uses_its_address_everywhere(rtd_site):
    base = "https://example-practice.readthedocs.io/en/latest/"
    soup = BeautifulSoup((rtd_site / "specialties/addiction.html").read_text(), "html.parser")
    assert meta(soup, "og:url") == [base + "specialties/addiction.html"]
    assert f"Sitemap: {base}sitemap.xml" in (rtd_site / "robots.txt").read_text()
    assert f"<loc>{base}index.html</loc>" in (rtd_site / "sitemap.xml").read_text()
    notfound = BeautifulSoup((rtd_site / "404.html").read_text(), "html.parser")
    assert notfound.select_one("article a[href='/en/latest/index.html']") is not None
