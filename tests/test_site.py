"""The real site: it builds strictly, reads as a practice's website, and the
addiction page carries what the practice's brief asks for."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from browser import site_page_paths
from conftest import ROOT, build_site

PRACTICE = yaml.safe_load((ROOT / "practice.yaml").read_text())


def test_site_builds_with_no_warnings(site_build):
    assert site_build.returncode == 0, site_build.stderr
    assert "WARNING" not in site_build.stderr, site_build.stderr


def all_pages(site: Path) -> list[Path]:
    return site_page_paths(site)


def test_no_page_looks_like_software_documentation(site, page):
    for path in all_pages(site):
        soup = page(str(path.relative_to(site)))
        title = soup.title.get_text() if soup.title else ""
        assert "documentation" not in title.lower(), f"{path.name}: title {title!r}"
        chrome = " ".join(el.get_text(" ") for el in soup.select("footer, .sidebar-brand, header"))
        assert not re.search(r"documentation|sphinx|furo", chrome, re.I), f"{path.name}: {chrome[:200]}"
        assert not soup.select("a[href*='_sources'], .view-this-page, .edit-this-page"), path.name


def test_addiction_page_opens_on_the_readers_pain(page):
    soup = page("specialties/addiction.html")
    article = soup.select_one("article")
    assert article.h1.get_text(strip=True).startswith("Addiction")
    first = article.h1.find_next("p").get_text(" ", strip=True)
    assert "tried to stop" in first


def test_addiction_page_has_its_sections_in_order(page):
    soup = page("specialties/addiction.html")
    headings = [h.find(string=True).strip() for h in soup.select("article h2")]
    expected = [
        "Staying safer, starting tonight",
        "Not a flaw, but a way of coping",
        "How we help",
        "Medication, and when you need more care",
        "What working with us is like",
        "Take the first step",
        "If you need help now",
        "Sources",
    ]
    found = [h for h in headings if h in expected]
    assert found == expected, headings


def test_addiction_page_carries_every_crisis_line(page):
    text = page("specialties/addiction.html").select_one("article").get_text(" ", strip=True)
    for number in ("988", "1-800-662-4357", "1-800-487-4889", "741741", "911"):
        assert number in text, number
    links = {a["href"] for a in page("specialties/addiction.html").select("article a[href]")}
    assert {"tel:988", "tel:911", "sms:741741", "tel:+18006624357"} <= links


def test_addiction_page_gives_one_clear_next_step(page):
    section = page("specialties/addiction.html").select_one("section#addiction-next-step")
    hrefs = [a["href"] for a in section.select("a[href]")]
    assert f"tel:{PRACTICE['phone_link']}" in hrefs
    assert PRACTICE["booking_url"] in hrefs
    assert PRACTICE["phone"] in section.get_text()


def test_addiction_page_links_to_every_approach_it_uses(page):
    hrefs = {a["href"].split("#")[0] for a in page("specialties/addiction.html").select("article a[href]")}
    for approach in (
        "internal-family-systems",
        "trauma-informed-care",
        "mindfulness",
        "support-networks",
        "without-force",
    ):
        assert f"../approaches/{approach}.html" in hrefs, approach


def test_addiction_page_folds_nothing_away(page):
    """Everything on the addiction page is in plain sight: no closed question can hide
    a safety fact (the page once hid its withdrawal warning inside one)."""
    assert page("specialties/addiction.html").select("article details") == []


def test_read_the_docs_build_gives_absolute_canonical_links(tmp_path):
    """The exact command Read the Docs runs, with its environment."""
    url = "https://example-practice.readthedocs.io/en/latest/"
    env = {**os.environ, "READTHEDOCS": "True", "READTHEDOCS_CANONICAL_URL": url}
    result = build_site(tmp_path, "-T", "-D", "language=en", env=env)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "specialties/addiction.html").read_text(), "html.parser")
    assert soup.select_one("link[rel=canonical]")["href"] == url + "specialties/addiction.html"
    # A readthedocs.io address is the Community plan, which shows ads: the log says so.
    assert "NOTICE: this build is for " + url in result.stdout, result.stdout
    assert "Read the Docs for Business" in result.stdout


def test_every_dependency_is_pinned_once_and_consistently():
    pins = {}
    for name in ("requirements.txt", "requirements-test.txt"):
        for line in (ROOT / name).read_text().splitlines():
            line = line.strip()
            if not line or line.startswith(("#", "-r")):
                continue
            assert re.fullmatch(r"[A-Za-z0-9._-]+==[A-Za-z0-9.+-]+", line), (
                f"{name}: {line!r} is not an exact pin"
            )
            package, version = line.split("==")
            assert package.lower() not in pins, f"{package} is pinned twice"
            pins[package.lower()] = version
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = project["dependencies"] + project["optional-dependencies"]["test"]
    for requirement in declared:
        package, version = requirement.split("==")
        assert pins.get(package.lower()) == version, (
            f"pyproject says {requirement}, the lock says {pins.get(package.lower())}"
        )


def test_the_dark_palette_is_the_same_when_chosen_and_when_the_system_is_dark():
    """site.css says the dark colours twice: for "dark" chosen with the theme button, and
    for a dark system with "auto". CSS cannot say both in one rule without light-dark(),
    which older phones do not understand; so the two copies must match."""
    import tinycss2

    rules = tinycss2.parse_stylesheet(
        (ROOT / "_static" / "site.css").read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True
    )

    def palette(rule) -> dict[str, str]:
        declarations = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
        return {d.name: tinycss2.serialize(d.value).strip() for d in declarations if d.type == "declaration"}

    chosen = next(
        palette(r)
        for r in rules
        if r.type == "qualified-rule" and tinycss2.serialize(r.prelude).strip() == 'body[data-theme="dark"]'
    )
    media = next(
        r
        for r in rules
        if r.type == "at-rule"
        and r.lower_at_keyword == "media"
        and "prefers-color-scheme: dark" in tinycss2.serialize(r.prelude)
    )
    system = next(
        palette(r)
        for r in tinycss2.parse_rule_list(media.content, skip_comments=True, skip_whitespace=True)
        if tinycss2.serialize(r.prelude).strip() == 'body:not([data-theme="light"])'
    )
    assert len(chosen) > 20
    assert system == chosen, {
        name: (chosen.get(name), system.get(name))
        for name in chosen.keys() | system.keys()
        if chosen.get(name) != system.get(name)
    }
