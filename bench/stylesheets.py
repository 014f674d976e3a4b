"""Per-page pruned stylesheets against one cached site stylesheet, measured on a built site.

    python bench/stylesheets.py _build/html

The site links each page to a stylesheet cut down to the rules that page can use
(``_ext/practice/site/assets.py``). The other way would be one stylesheet for the whole
site, cut down to the rules any of its pages can use, which the browser fetches once
and then keeps. This prints, for both, the heaviest page's first view (nothing cached)
and the heaviest second view (opened after another page of the site), compressed as
the host sends them (``transfer``), and the same for a visit of three pages (the
home page, then the two heaviest pages). The site stylesheet here is made from the
same source stylesheets and the same pruning as the build's, from every page's names.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_ext"))

from practice.site import transfer
from practice.site.assets import CSS_DIR, Scripts
from practice.site.css_pruning import Stylesheets, UsedNames

KIB = 1024
# The stylesheets Sphinx, Furo, sphinx-design and the site link, in the order a stock
# build links them (what the build's pruning starts from).
SOURCES = (
    "_static/pygments.css",
    "_static/styles/furo.css",
    "_static/sphinx-design.min.css",
    "_static/styles/furo-extensions.css",
    "_static/site.css",
)


def site_stylesheet(site: Path, pages: list[str]) -> str:
    sheets = Stylesheets([((site / name).read_text(encoding="utf-8"), None) for name in SOURCES])
    used, scripts = UsedNames(), Scripts()
    for page in pages:
        text = (site / page).read_text(encoding="utf-8")
        used.add_html(text)
        used.update(scripts.for_page(site / page, text))
    return sheets.for_page(used)


def main(argv: list[str]) -> int:
    site = Path(argv[1] if len(argv) > 1 else "_build/html").resolve()
    measured = transfer.Site(site, skip=transfer.sites_inside(site))
    loads = {load.page: load for load in measured.load_all()}
    sheet = transfer.compressed_size(site_stylesheet(site, list(loads)).encode("utf-8"))
    per_page_seconds = transfer.second_views(list(loads.values()))

    def is_page_sheet(file: transfer.File) -> bool:
        return file.path.startswith(CSS_DIR + "/")

    def site_first(load: transfer.PageLoad) -> int:
        return load.html.sent + sheet + sum(f.sent for f in load.files if not is_page_sheet(f))

    heaviest = sorted(loads.values(), key=lambda load: -load.first_view)
    home = loads["index.html"]
    visit = [home, heaviest[0], heaviest[1]]
    per_page_visit = visit[0].first_view + visit[1].after(visit[0]) + visit[2].after(visit[1])
    site_visit = site_first(visit[0]) + visit[1].html.sent + visit[2].html.sent
    sheets = {f.path: f.sent for load in loads.values() for f in load.files if is_page_sheet(f)}
    print(
        f"{len(loads)} pages; {len(sheets)} per-page stylesheets of "
        f"{min(sheets.values()) / KIB:.1f} to {max(sheets.values()) / KIB:.1f} KiB; "
        f"one site stylesheet would be {sheet / KIB:.1f} KiB (compressed)"
    )
    print(f"{'':28} {'first view':>10} {'second view':>12} {'3-page visit':>13}")
    print(
        f"{'per-page stylesheets':28} {max(load.first_view for load in loads.values()) / KIB:9.1f}K "
        f"{max(v for v, _ in per_page_seconds.values()) / KIB:11.1f}K {per_page_visit / KIB:12.1f}K"
    )
    print(
        f"{'one site stylesheet':28} {max(site_first(load) for load in loads.values()) / KIB:9.1f}K "
        f"{max(load.html.sent for load in loads.values()) / KIB:11.1f}K {site_visit / KIB:12.1f}K"
    )
    print(f"(the visit: {', '.join(load.page for load in visit)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
