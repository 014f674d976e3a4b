"""Every page is light: at most 64 KiB to load, 24 KiB gzip-compressed.

A page's weight is its HTML plus every local file it makes the browser fetch
(stylesheets, scripts, images, icons, and what the stylesheets point to), each
counted once; measured by bench/page_weight.py on the real site, built once per
session. The other tests here check that the savings come from shipping less,
not from losing the look: the rules a page needs are still there (the pruning
itself: tests/test_css_pruning.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))

from page_weight import page_weight, site_pages  # noqa: E402

from practice.site.assets import lean_markup  # noqa: E402

RAW_BUDGET = 64 * 1024
GZIP_BUDGET = 24 * 1024


def _describe(site, page, weight) -> str:
    files = ", ".join(f"{p.relative_to(site.resolve())} {n}"
                      for p, n in sorted(weight.files.items(), key=lambda x: -x[1]))
    return (f"{page.relative_to(site)}: {weight.raw} bytes, {weight.gzipped} gzipped "
            f"({files})")


def test_every_page_is_within_budget(site):
    pages = site_pages(site)
    assert len(pages) >= 10, "the site should have its pages"
    over = []
    for page in pages:
        weight = page_weight(site, page)
        if weight.raw > RAW_BUDGET or weight.gzipped > GZIP_BUDGET:
            over.append(_describe(site, page, weight))
    assert not over, (
        "pages over budget (64 KiB, 24 KiB gzipped). The longest clinical pages are near "
        "it: shorten the page, or split it into two pages that link to each other:\n"
        + "\n".join(over))


def test_no_page_loads_anything_from_another_site(site):
    for page in site_pages(site):
        assert page_weight(site, page).external == [], page


def test_pages_link_one_pruned_stylesheet_and_no_code_highlighting(site, page):
    soup = page("specialties/addiction.html")
    sheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert len(sheets) == 1 and "/_static/css/" in "/" + sheets[0], sheets
    css = (site / "specialties" / sheets[0]).read_text(encoding="utf-8")
    # What the page shows keeps its style: Furo's layout, dark mode, the mobile
    # layout, the site's own crisis bar; what it never shows is gone.
    for needed in (".sidebar-drawer", "body[data-theme=dark]", "@media (max-width:",
                   ".safety-bar", ".toc-tree"):
        assert needed in css, needed
    for unused in (".highlight", ".sig-name", ".sd-tab-set", ".sd-badge"):
        assert unused not in css, unused
    scripts = [s.get("src", "") for s in soup.find_all("script")]
    assert not any("doctools" in s or "sphinx_highlight" in s for s in scripts), scripts


def test_markup_keeps_preformatted_text_and_used_icons():
    page = ('<body>\n    <svg xmlns="http://www.w3.org/2000/svg" style="display: none;">\n'
            '  <symbol id="svg-a"><path/></symbol>\n  <symbol id="svg-b"><path/></symbol>\n'
            '</svg>\n    <p>text</p>\n<pre>\n    indented\n</pre>'
            '<svg><use href="#svg-a"></use></svg>')
    lean = lean_markup(page)
    assert 'id="svg-a"' in lean and 'id="svg-b"' not in lean
    assert "<pre>\n    indented\n</pre>" in lean
    assert "\n<p>text</p>" in lean
