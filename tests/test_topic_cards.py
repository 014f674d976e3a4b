"""The home page's cards come from the menu: a new page gets its card by itself.

``{topic-cards} FOLDER`` (page_parts/topic_cards.py) shows a card for each page the
menu lists in that folder. Tested on a copy of the small governance project (Sphinx's
fixtures) and, for a whole "add a topic", on a copy of the real site.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import build_site

ANSI = re.compile(r"\x1b\[[0-9;]*m")
CARDS = "\n## What we help with\n\n```{topic-cards} specialties\n```\n"


def project(rootdir: Path, tmp_path: Path) -> Path:
    """The governance project with the specialties' cards on its home page."""
    srcdir = tmp_path / "governance"
    shutil.copytree(rootdir / "test-governance", srcdir)
    index = srcdir / "index.md"
    index.write_text(index.read_text().replace("\n```{toctree}", CARDS + "\n```{toctree}", 1))
    return srcdir


def build(make_app, srcdir: Path, fresh: bool = True):
    app = make_app("html", srcdir=srcdir, freshenv=fresh)
    app.build()
    return app, ANSI.sub("", app._warning.getvalue())


def cards(app) -> list[tuple[str, str, str]]:
    """The home page's cards: (link, title, line under it)."""
    soup = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    return [
        (
            card.a["href"],
            card.a.get_text(strip=True),
            card.select_one(".related-card-description").get_text(strip=True),
        )
        for card in soup.select(".topic-cards .related-card")
    ]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new))


def test_a_card_for_each_menu_page_of_the_folder_in_the_menus_order(make_app, rootdir, tmp_path):
    srcdir = project(rootdir, tmp_path)
    replace(
        srcdir / "index.md",
        "specialties/addiction\nspecialties/trauma\n",
        "specialties/trauma\nspecialties/addiction\n",
    )
    replace(
        srcdir / "specialties" / "trauma.md",
        "description: Help after trauma, at your pace.\n",
        "description: Help after trauma, at your pace.\n"
        "card: When what happened still shapes how safe you feel.\n",
    )
    app, warnings = build(make_app, srcdir)
    assert warnings == ""
    assert cards(app) == [
        ("specialties/trauma.html", "Trauma", "When what happened still shapes how safe you feel."),
        (
            "specialties/addiction.html",
            "Addiction",
            "Kind help for addiction & the pain under it, without force.",
        ),
    ], "the card line where the page has one, else its description"
    # Approaches and general pages in the same menu are not specialties' cards.
    assert not any("approaches/" in link or "about" in link for link, _, _ in cards(app))


def test_cards_follow_the_pages_on_an_incremental_build(make_app, rootdir, tmp_path):
    """What `make livehtml` rebuilds: a title or card line changed on the page itself
    shows on the home page without touching it."""
    srcdir = project(rootdir, tmp_path)
    build(make_app, srcdir)
    replace(srcdir / "specialties" / "trauma.md", "\n# Trauma\n", "\n# Trauma and PTSD\n")
    replace(
        srcdir / "specialties" / "addiction.md",
        "related:",
        "card: When drinking or drugs have become the way you cope.\nrelated:",
    )
    again, _ = build(make_app, srcdir, fresh=False)
    assert [(title, line) for _, title, line in cards(again)] == [
        ("Addiction", "When drinking or drugs have become the way you cope."),
        ("Trauma and PTSD", "Help after trauma, at your pace."),
    ]


def test_a_card_line_follows_the_descriptions_rules(make_app, rootdir, tmp_path):
    srcdir = project(rootdir, tmp_path)
    trauma = srcdir / "specialties" / "trauma.md"
    replace(trauma, "related:", "card: You are safe here. We go at your pace.\nrelated:")
    _, warnings = build(make_app, srcdir)
    assert (
        "specialties/trauma.md:10: WARNING: 'card' has more than one sentence; write a single "
        "sentence of at most 160 characters"
    ) in warnings, warnings
    replace(trauma, "card: You are safe here. We go at your pace.", "card: " + "very " * 40 + "kind.")
    _, warnings = build(make_app, srcdir)
    assert "specialties/trauma.md:10: WARNING: 'card' is 205 characters; keep it to 160" in warnings, warnings


def test_a_card_line_is_part_of_what_the_clinician_signed(rootdir):
    """Readers see it, so adding or changing it after the sign-off is a change to the
    page (its fingerprint); the related list, which is not the page's words, is not."""
    from practice.data.front_matter import text_fingerprint

    before = (rootdir / "test-governance" / "specialties" / "trauma.md").read_text()
    after = before.replace("related:", "card: A new line.\nrelated:")
    assert text_fingerprint(before) != text_fingerprint(after)
    assert text_fingerprint(before) == text_fingerprint(before.replace("related: []", "related: [about]"))


def test_adding_a_topic_changes_no_reviewed_page(site_copy, tmp_path):
    """make new-page adds a specialty: only the new page, the menu line in index.md
    (which no clinician signs) and published-urls.txt change. The English home page
    gets its card; every other page's sign-off still holds; the Spanish home page
    leaves the card out, saying so, until its catalogue has the card's Spanish."""
    before = {path: path.read_bytes() for path in site_copy.rglob("*") if path.is_file()}
    made = subprocess.run(
        [sys.executable, "tools/new_page.py", "--kind", "specialty", "--title", "Gambling"],
        cwd=site_copy,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    after = {path: path.read_bytes() for path in site_copy.rglob("*") if path.is_file()}
    changed = sorted(
        str(path.relative_to(site_copy))
        for path in set(before) | set(after)
        if before.get(path) != after.get(path)
    )
    assert changed == ["index.md", "published-urls.txt", "specialties/gambling.md"]

    english = build_site(tmp_path / "en", source=site_copy)
    assert english.returncode == 0, english.stderr
    home = BeautifulSoup((tmp_path / "en" / "index.html").read_text(), "html.parser")
    specialties = home.select_one(".topic-cards")  # the first: "What we help with"
    titles = [a.get_text(strip=True) for a in specialties.select(".related-card a")]
    assert titles == [
        "Addiction",
        "Trauma and PTSD",
        "Anxiety and depression",
        "Support for families and loved ones",
        "Gambling",
    ], titles
    not_ready = re.findall(r"NOT READY TO PUBLISH: (\S+?):", ANSI.sub("", english.stdout))
    assert set(not_ready) == {"specialties/gambling.md"}, not_ready  # a draft, with prompts

    spanish = build_site(tmp_path / "es", "-D", "language=es", source=site_copy)
    assert spanish.returncode == 0, spanish.stderr
    log = ANSI.sub("", spanish.stdout)
    assert (
        "index.md:50: the card of specialties/gambling is left out here until "
        "locales/es/LC_MESSAGES/index.po has its title and its description translated" in log
    )
    home = (tmp_path / "es" / "index.html").read_text()
    assert "gambling" not in home and "Trauma y TEPT" in home
