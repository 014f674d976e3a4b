"""Every page is light for its reader, and writers have room.

The build itself holds each page to the page budget (``site/page_budget.py``: what a
reader's browser downloads, compressed, on a first visit and on a second page), so
``make html``, ``make check``, previews and CI all say when a page is over. Here:

- the real site, built once per session, is within the limits with at least 3 KiB of
  compressed room (about 1,500 words) on every page, in both languages;
- in a copy of the site, 3 KiB of compressed plain prose added to each specialty page
  still builds; 40 KB added to one fails, naming the page and its weight in words;
- the savings come from shipping less, not from losing the look: the rules a page needs
  are still there (the pruning itself: tests/test_css_pruning.py).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from conftest import ROOT, build_site

sys.path.insert(0, str(ROOT / "_ext"))

from practice.site import transfer
from practice.site.assets import lean_markup
from practice.site.page_budget import FIRST_VIEW_KIB, SECOND_VIEW_KIB

ROOM = 3 * 1024  # what every page must have left, compressed (editorial-policy.md)
SPECIALTIES = sorted(path.stem for path in (ROOT / "specialties").glob("*.md"))
ANSI = re.compile(r"\x1b\[[0-9;]*m")
WORDS = (
    "you can talk with us about what is hard right now and we will listen to you "
    "at your own pace there is no rush and no test to pass your parts may want "
    "different things and that is fine we go slow we ask what helps you feel safe "
    "a friend a walk some rest a call a plan for the night ahead when the day is long "
    "some days feel heavy other days feel lighter each small step counts for a lot"
).split()


def plain_prose(compressed: int, seed: int) -> str:
    """Short, easy sentences of common words, at least ``compressed`` bytes gzip-compressed."""
    pick = random.Random(seed)
    paragraphs: list[str] = []
    while transfer.compressed_size("\n\n".join(paragraphs).encode()) < compressed:
        sentences = [
            " ".join(pick.choice(WORDS) for _ in range(pick.randint(5, 9))).capitalize() + "."
            for _ in range(4)
        ]
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def add_before_sources(page: Path, text: str) -> None:
    source = page.read_text(encoding="utf-8")
    assert "\n## Sources" in source, page
    page.write_text(source.replace("\n## Sources", f"\n## More\n\n{text}\n\n## Sources", 1), encoding="utf-8")


def weights(site: Path) -> dict[str, tuple[int, int]]:
    """{page: (first view, second view)} in bytes, as the build's page budget measures."""
    loads = transfer.Site(site, skip=transfer.sites_inside(site)).load_all()
    seconds = transfer.second_views(loads)
    return {load.page: (load.first_view, seconds[load.page][0]) for load in loads}


def test_every_page_has_room_to_write(site):
    """At least 3 KiB (compressed) under both limits, English and Spanish."""
    tight = []
    for folder, prefix in ((site, ""), (site / "es", "es/")):
        for page, (first, second) in weights(folder).items():
            room = min(FIRST_VIEW_KIB * 1024 - first, SECOND_VIEW_KIB * 1024 - second)
            if room < ROOM:
                tight.append(
                    f"{prefix}{page}: first view {first / 1024:.1f} KiB, second view "
                    f"{second / 1024:.1f} KiB, room {room / 1024:.1f} KiB"
                )
    assert len(weights(site)) >= 10, "the site should have its pages"
    assert not tight, (
        "pages with less than 3 KiB of room under the page budget (raise the "
        "limits in page_budget.py and editorial-policy.md together, or make the "
        "frame lighter):\n" + "\n".join(tight)
    )


def test_3_kib_of_prose_on_each_specialty_page_builds_and_40_kb_fails(site_copy, tmp_path):
    before = weights_of_build(site_copy, tmp_path / "before")
    for seed, name in enumerate(SPECIALTIES):
        add_before_sources(site_copy / "specialties" / f"{name}.md", plain_prose(ROOM, seed))
    result = build_site(tmp_path / "roomy", source=site_copy)
    assert result.returncode == 0, ANSI.sub("", result.stderr)[-3000:]
    after = weights(tmp_path / "roomy")
    for name in SPECIALTIES:
        page = f"specialties/{name}.html"
        assert after[page][0] - before[page][0] >= ROOM - 256, (page, before[page], after[page])

    # Into the same folders: the page budget's cache (page_cache) knows every page as
    # it was, and must see that this one changed.
    add_before_sources(site_copy / "specialties" / "trauma.md", plain_prose(40_000 // 3, 99))
    result = build_site(tmp_path / "roomy", source=site_copy)
    assert result.returncode != 0
    log = ANSI.sub("", result.stderr)
    over = [line for line in log.splitlines() if "[practice.page-budget]" in line]
    assert len(over) == 1, log[-3000:]
    assert re.search(
        r"specialties/trauma\.md: WARNING: the built page specialties/trauma\.html is "
        r"over the page budget \(what a reader's browser downloads, compressed\): a "
        r"first visit downloads \d+\.\d KiB, \d+\.\d KiB over the limit of 28\.0 KiB",
        over[0],
    ), over[0]
    assert "The heaviest parts: its own text and content" in over[0], over[0]
    assert 'editorial-policy.md, "How long a page can be"' in over[0]


def weights_of_build(site_copy: Path, out: Path) -> dict[str, tuple[int, int]]:
    result = build_site(out, source=site_copy)
    assert result.returncode == 0, ANSI.sub("", result.stderr)[-3000:]
    return weights(out)


def test_no_page_loads_anything_from_another_site(site):
    loads = transfer.Site(site).load_all()
    assert len(loads) >= 20
    for load in loads:
        assert load.external == () and load.missing == (), load.page


def test_pages_link_one_pruned_stylesheet_and_no_code_highlighting(site, page):
    soup = page("specialties/addiction.html")
    sheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert len(sheets) == 1 and "/_static/css/" in "/" + sheets[0], sheets
    css = (site / "specialties" / sheets[0]).read_text(encoding="utf-8")
    # What the page shows keeps its style: Furo's layout, dark mode, the mobile
    # layout, the site's own crisis bar; what it never shows is gone.
    for needed in (
        ".sidebar-drawer",
        "body[data-theme=dark]",
        "@media (max-width:",
        ".safety-bar",
        ".toc-tree",
    ):
        assert needed in css, needed
    for unused in (".highlight", ".sig-name", ".sd-tab-set", ".sd-badge"):
        assert unused not in css, unused
    scripts = [s.get("src", "") for s in soup.find_all("script")]
    assert not any("doctools" in s or "sphinx_highlight" in s for s in scripts), scripts


def test_markup_keeps_preformatted_text_and_used_icons():
    page = (
        '<body>\n    <svg xmlns="http://www.w3.org/2000/svg" style="display: none;">\n'
        '  <symbol id="svg-a"><path/></symbol>\n  <symbol id="svg-b"><path/></symbol>\n'
        "</svg>\n    <p>text</p>\n<pre>\n    indented\n</pre>"
        '<svg><use href="#svg-a"></use></svg>'
    )
    lean = lean_markup(page)
    assert 'id="svg-a"' in lean and 'id="svg-b"' not in lean
    assert "<pre>\n    indented\n</pre>" in lean
    assert "\n<p>text</p>" in lean
