"""The page budget: every built page stays light for its reader, checked in every build.

Readers come on old phones and weak signal, so what a page makes the browser
download has a limit, in KiB as the host sends it (compressed; ``transfer`` measures):

- ``practice_page_budget_first_view``: a visit that starts on the page, nothing
  cached (its HTML, stylesheet, scripts, icons, images);
- ``practice_page_budget_second_view``: the page opened from any other page of the
  site, whose files the browser keeps (the worst case over those pages).

When the build has finished (after the assets step has written each page's final
HTML and stylesheet; while Pagefind indexes, which never changes a page), every page
of this build's output is measured (a page unchanged since the last build from what
``page_cache`` kept), and a page over
either limit is a warning (``practice.page-budget``, on the page's source file) that
fails the strict build: it says how much over, what is heaviest on the page (its own
content, the menu and page frame, and the largest files) and what to do. Pages of
another language's site in the output (the English build's ``es/``) are left to that
site's build. Not held to it: Sphinx's own search page (``practice_search = "sphinx"``),
which loads the whole search index because the reader asked to search, and every page
of a build with ``practice_lean_assets`` off (stock Furo's stylesheets, kept for
comparison in bench/ and in tests), whose weight the limits are not meant for. A limit
of 0 is no limit. editorial-policy.md gives the limits, and why, to staff.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder

from .. import priorities
from ..findings import warn
from ..messages import Subtype, render
from . import transfer
from .linked_files import other_language_sites
from .page_cache import PageCache, code_version

# The limits, in KiB (editorial-policy.md, "How long a page can be", explains them).
FIRST_VIEW_KIB = 28
SECOND_VIEW_KIB = 22
KINDS = {
    ".css": "the stylesheet",
    ".js": "the script",
    ".svg": "the image",
    ".png": "the image",
    ".jpg": "the image",
    ".jpeg": "the image",
    ".webp": "the image",
    ".gif": "the image",
    ".avif": "the image",
    ".woff2": "the font",
    ".woff": "the font",
}
PARTS_SHOWN = 4


def kib(size: float) -> str:
    return f"{size / 1024:.1f} KiB"


def heaviest_parts(site: transfer.Site, load: transfer.PageLoad) -> str:
    """The largest parts of what the page sends, in words, largest first."""
    html = (site.outdir / load.page).read_text(encoding="utf-8")
    content = transfer.main_content_size(html)
    parts = [
        (content, "its own text and content"),
        (load.html.sent - content, "the menu and page frame around it"),
    ]
    parts += [
        (file.sent, f"{KINDS.get(Path(file.path).suffix.lower(), 'the file')} {file.path}")
        for file in load.files
    ]
    parts = sorted((part for part in parts if part[0] > 0), key=lambda part: -part[0])
    return ", ".join(f"{name} {kib(size)}" for size, name in parts[:PARTS_SHOWN])


def overages(load: transfer.PageLoad, second_view: int, first_limit: int, second_limit: int) -> list[str]:
    """Each limit the page is over, in words (none: within budget)."""
    over = []
    if first_limit and load.first_view > first_limit:
        over.append(
            render(
                "page-budget-first",
                weight=kib(load.first_view),
                limit=kib(first_limit),
                over=kib(load.first_view - first_limit),
            )
        )
    if second_limit and second_view > second_limit:
        over.append(
            render(
                "page-budget-second",
                weight=kib(second_view),
                limit=kib(second_limit),
                over=kib(second_view - second_limit),
            )
        )
    return over


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    if not app.config.practice_lean_assets:
        return
    first_limit = round(app.config.practice_page_budget_first_view * 1024)
    second_limit = round(app.config.practice_page_budget_second_view * 1024)
    cache: PageCache[transfer.PageFacts] = PageCache(
        Path(app.doctreedir) / "practice-page-budget.pickle", code_version(transfer.__file__)
    )
    site = transfer.Site(Path(app.builder.outdir), skip=other_language_sites(app), cache=cache)
    loads = site.load_all()
    cache.save()
    second_views = transfer.second_views(loads)
    suffix = app.builder.out_suffix
    exempt = {f"search{suffix}"} if app.builder.search else set()
    for load in loads:
        if load.page in exempt:
            continue
        over = overages(load, second_views[load.page][0], first_limit, second_limit)
        if not over:
            continue
        docname = load.page.removesuffix(suffix)
        warn(
            Subtype.page_budget,
            render("page-budget", page=load.page, over="; ".join(over), parts=heaviest_parts(site, load)),
            docname if docname in app.env.found_docs else None,
        )


def setup(app: Sphinx) -> None:
    app.add_config_value("practice_page_budget_first_view", FIRST_VIEW_KIB, "html", types=[int, float])
    app.add_config_value("practice_page_budget_second_view", SECOND_VIEW_KIB, "html", types=[int, float])
    app.connect("build-finished", on_build_finished, priority=priorities.PAGE_BUDGET)
