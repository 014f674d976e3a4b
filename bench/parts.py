"""What each of the site's clever parts gains, measured one by one.

The parts that make the site faster or lighter than stock Furo, each against the
site without it (everything else as it ships):

- compact navigation (``navigation.py``, ``-D practice_compact_navigation=0`` to switch
  off): a clean build, a one-page edit and the HTML per page, with and without it.
- ``_static/furo-lite.js`` in place of Furo's ``furo.js``: the bytes each page fetches.
- the live preview's build server (``tools/livehtml.py``): a one-page edit of the real
  site rebuilt in the server and as a new ``sphinx-build`` process.

Prints a table and writes it to ``bench/results/parts.md``.

    python bench/parts.py                   # navigation at 300 pages: ~5 minutes
    python bench/parts.py --nav-sizes 100   # quicker
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import ROOT, generate
from run import EDITED_PAGE, build, built_pages, edit, live_preview_edit, save_report


def html_per_page(html: Path) -> float:
    pages = built_pages(html)
    return sum(p.stat().st_size for p in pages) / len(pages) / 1024


def sizes_of(data: bytes) -> tuple[int, int]:
    return len(data), len(gzip.compress(data, 9))


def navigation(work: Path, n: int) -> dict:
    src = work / f"site-{n}"
    generate(n, src)
    row = {"n": n}
    for label, extra in (("with", []), ("without", ["-D", "practice_compact_navigation=0"])):
        out = work / f"nav-{label}"
        row[label], _memory = build(src, out, *extra)
        row[f"html_{label}"] = html_per_page(out / "html")
        edit(src, EDITED_PAGE)
        row[f"edit_{label}"], _memory = build(src, out, *extra)
        shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(src, ignore_errors=True)
    return row


def scripts(work: Path) -> dict:
    """Furo's script against ours, as the built site serves them."""
    import furo

    furo_js = Path(furo.__file__).parent / "theme" / "furo" / "static" / "scripts" / "furo.js"
    src = work / "real"
    generate(0, src)
    out = work / "real-out"
    build(src, out)
    ours = next((out / "html" / "_static").rglob("furo-lite*.js"))
    row = {"furo": sizes_of(furo_js.read_bytes()), "ours": sizes_of(ours.read_bytes())}
    # The build server, against a new sphinx-build process, for the same one-page edit.
    page = src / "glossary.md"
    edits = []
    for _ in range(3):
        page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        edits.append(build(src, out)[0])
    row["new_process"] = min(edits)
    row["server"] = live_preview_edit(src, out, page)
    return row


def report(nav_rows: list[dict], real: dict) -> str:
    lines = [
        f"Measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores.",
        "",
        "| Part | Size | Without it | With it | Gain |",
        "|---|---|---|---|---|",
    ]
    for r in nav_rows:
        lines.append(
            f"| compact navigation | {r['n']} pages, clean build | {r['without']:.1f} s | "
            f"{r['with']:.1f} s | {r['without'] / r['with']:.1f}x |"
        )
        lines.append(
            f"| compact navigation | {r['n']} pages, one-page edit | {r['edit_without']:.1f} s "
            f"| {r['edit_with']:.1f} s | {r['edit_without'] - r['edit_with']:.1f} s |"
        )
        lines.append(
            f"| compact navigation | {r['n']} pages, HTML per page | "
            f"{r['html_without']:.1f} KiB | {r['html_with']:.1f} KiB | "
            f"{r['html_without'] - r['html_with']:.1f} KiB |"
        )
    (furo_raw, furo_gz), (ours_raw, ours_gz) = real["furo"], real["ours"]
    lines.append(
        f"| furo-lite.js | every page's script | {furo_raw / 1024:.1f} KiB ({furo_gz / 1024:.1f} "
        f"gzip) | {ours_raw / 1024:.1f} KiB ({ours_gz / 1024:.1f} gzip) | "
        f"{(furo_raw - ours_raw) / 1024:.1f} KiB ({(furo_gz - ours_gz) / 1024:.1f} gzip) |"
    )
    lines.append(
        f"| live preview's build server | real site, one-page edit | {real['new_process']:.2f} s "
        f"| {real['server']:.2f} s | {real['new_process'] - real['server']:.2f} s |"
    )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nav-sizes", default="300")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "parts.md"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="practice-parts-"))
    try:
        print("scripts and the live preview", flush=True)
        real = scripts(work)
        nav_rows = []
        for n in (int(x) for x in args.nav_sizes.split(",") if x):
            print(f"navigation, {n} pages", flush=True)
            nav_rows.append(navigation(work, n))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    save_report(report(nav_rows, real), Path(args.output))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
