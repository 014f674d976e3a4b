"""What each built page costs a reader to load, heaviest first: the same figures the
build's page budget checks (``_ext/practice/site/transfer.py`` measures both).

    python bench/page_weight.py _build/html        # English, then the Spanish site in es/

For each page: its first view (a visit that starts there, nothing cached: the HTML and
every file it fetches, each once, compressed as the host sends them), its second view
(opened from another page of the same site, whose files are cached: the worst case
over every other page), the same after the home page, its size on disk uncompressed,
and how many files it loads. Then the limits and the least room any page has.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_ext"))

from practice.site import page_budget, transfer

KIB = 1024


def page_weight(site: Path, page: Path) -> transfer.PageLoad:
    """What one built page of ``site`` fetches: ``.raw`` on disk, ``.first_view`` sent."""
    return transfer.Site(site).load(page.relative_to(site).as_posix())


def language_sites(site: Path) -> list[tuple[str, Path, tuple[str, ...]]]:
    """(label, folder, folders to skip) for the site and each translation inside it."""
    inside = transfer.sites_inside(site)
    return [("", site, inside)] + [(folder, site / folder, ()) for folder in inside]


def main(argv: list[str]) -> int:
    site = Path(argv[1] if len(argv) > 1 else "_build/html")
    print(f"{'page':42} {'first KiB':>9} {'second':>7} {'after home':>10} {'raw KiB':>8} files")
    first_rooms: list[int] = []
    second_rooms: list[int] = []
    for label, folder, skip in language_sites(site):
        measured = transfer.Site(folder, skip=skip)
        loads = measured.load_all()
        seconds = transfer.second_views(loads)
        home = next((load for load in loads if load.page == "index.html"), None)
        for load in sorted(loads, key=lambda load: -load.first_view):
            after_home = load.after(home) if home and load is not home else load.first_view
            print(
                f"{label + load.page:42} {load.first_view / KIB:9.1f} "
                f"{seconds[load.page][0] / KIB:7.1f} {after_home / KIB:10.1f} "
                f"{load.raw / KIB:8.1f} {1 + len(load.files)}"
            )
            first_rooms.append(page_budget.FIRST_VIEW_KIB * KIB - load.first_view)
            second_rooms.append(page_budget.SECOND_VIEW_KIB * KIB - seconds[load.page][0])
    if first_rooms:
        print(
            f"\nLimits (the extension's defaults, compressed): first view "
            f"{page_budget.FIRST_VIEW_KIB} KiB, second view {page_budget.SECOND_VIEW_KIB} KiB. "
            f"Least room left: {min(first_rooms) / KIB:.1f} KiB (first view), "
            f"{min(second_rooms) / KIB:.1f} KiB (second view)."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
