"""Build benchmark: our site against stock Furo, at growing sizes, in one run.

For each N (100, 300, 1000 synthetic pages on top of the real site, made by
bench/generate.py) it builds the same pages twice: as the site ships ("ours") and
with the site's navigation and asset changes switched off ("stock": stock Furo's
navigation, all of Sphinx's, Furo's and sphinx-design's CSS and JS, Sphinx's search).
Each is built clean and again after a one-page edit, serial and with -j 2. It prints,
and writes to bench/results/latest.md: seconds, peak memory, output size, HTML per
page, page weight (raw and gzip, a synthetic page) and search index size per page.
It also times the real site: a clean build and a rebuild after a one-page edit
(what `make livehtml` runs after each save).

    python bench/run.py            # N = 100, 300, 1000: 15 to 35 minutes
    python bench/run.py --quick    # N = 100 and 300, serial only: about 2 minutes
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import ROOT, generate
from page_weight import page_weight

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from livehtml import WarmBuilder

PYTHON = sys.executable
STOCK = [
    "-D",
    "practice_compact_navigation=0",
    "-D",
    "practice_lean_assets=0",
    "-D",
    "practice_search=sphinx",
]
EDITED_PAGE = "library/s01/p001.md"


def build(src: Path, out: Path, *extra: str, python: list[str] | None = None) -> tuple[float, float]:
    """Run one strict build; return (seconds, peak memory in MiB of the build's processes).
    ``python``: what runs Sphinx after the interpreter (default ``-m sphinx``)."""
    cmd = [
        PYTHON,
        *(python or ["-m", "sphinx"]),
        "-b",
        "html",
        "-nW",
        "--keep-going",
        "-q",
        "-d",
        str(out / ".doctrees"),
        *extra,
        str(src),
        str(out / "html"),
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed: {' '.join(cmd)}\n{stderr}")
    return seconds, usage.ru_maxrss / 1024


def edit(src: Path, page: str) -> None:
    path = src / page
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "\n## How we help", f"\nThis line was added at {time.time():.0f}.\n\n## How we help", 1
        ),
        encoding="utf-8",
    )


def built_pages(html: Path) -> list[Path]:
    """The site's pages in a build's output (not Pagefind's or the static files)."""
    return [p for p in html.rglob("*.html") if not {"_static", "pagefind"} & set(p.relative_to(html).parts)]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def search_index_size(html: Path) -> int:
    """The search index: Sphinx's searchindex.js, or Pagefind's index and fragments
    (not its fixed runtime: pagefind.js, the worker and the WebAssembly, about 160 KB)."""
    pagefind = html / "pagefind"
    if pagefind.is_dir():
        return (
            folder_size(pagefind / "index")
            + folder_size(pagefind / "fragment")
            + sum(p.stat().st_size for p in pagefind.glob("*.pf_meta"))
        )
    index = html / "searchindex.js"
    return index.stat().st_size if index.is_file() else 0


def measure(src: Path, work: Path, label: str, extra: list[str], jobs: list[str], pages: int) -> list[dict]:
    rows = []
    for j in jobs:
        out = work / f"{label}-j{j}"
        shutil.rmtree(out, ignore_errors=True)
        flags = [*extra, "-j", j] if j != "1" else list(extra)
        clean, memory = build(src, out, *flags)
        edit(src, EDITED_PAGE)
        rebuilt, _ = build(src, out, *flags)
        html = out / "html"
        library = sorted((html / "library").rglob("*.html"))
        sample = html / EDITED_PAGE.replace(".md", ".html")
        weight = page_weight(html, sample)
        rows.append(
            {
                "variant": label.split("-")[0],
                "jobs": j,
                "clean": clean,
                "edit": rebuilt,
                "memory": memory,
                "output": folder_size(html),
                "html_page": statistics.mean(p.stat().st_size for p in library),
                "raw": weight.raw,
                "gzip": weight.first_view,
                "search_page": search_index_size(html) / pages,
            }
        )
        print(
            f"  {label:7} -j {j}: clean {clean:6.1f} s, edit {rebuilt:5.1f} s, "
            f"peak {memory:5.0f} MiB, HTML/page {rows[-1]['html_page'] / 1024:5.1f} KiB",
            flush=True,
        )
        shutil.rmtree(out, ignore_errors=True)
    return rows


def live_preview_edit(src: Path, out: Path, page: Path, *extra: str) -> float:
    """Seconds to rebuild after a save, as make livehtml does (tools/livehtml.py): in a
    build server that has the packages imported already. The best of three saves."""
    builder = WarmBuilder(
        [
            "-b",
            "html",
            "-nW",
            "--keep-going",
            "-q",
            "-D",
            "practice_search_in_background=1",  # as make livehtml builds
            *extra,
            "-d",
            str(out / ".doctrees"),
            str(src),
            str(out / "html"),
        ],
        url_host="127.0.0.1:0",
        pre_build_commands=[],
        post_build_commands=[],
    )
    times = []
    try:
        if builder.build() != 0:
            raise SystemExit("the live preview's first build failed")
        for _ in range(3):
            page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
            start = time.perf_counter()
            if builder.build() != 0:
                raise SystemExit("the live preview's rebuild failed")
            times.append(time.perf_counter() - start)
    finally:
        builder.close()
    return min(times)


def real_site(work: Path) -> dict:
    """The real site: clean build, then a rebuild after editing one page."""
    src = work / "real"
    shutil.rmtree(src, ignore_errors=True)
    generate(0, src)
    out = work / "real-out"
    shutil.rmtree(out, ignore_errors=True)
    clean, memory = build(src, out)
    page = src / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    page.touch()
    edits = []
    for _ in range(3):
        page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        edits.append(build(src, out)[0])
    live_edit = live_preview_edit(src, out, page)
    # The Spanish site (make html's second build): clean, then after a one-page edit.
    spanish_out = work / "real-out-es"
    shutil.rmtree(spanish_out, ignore_errors=True)
    spanish_clean, _memory = build(src, spanish_out, "-D", "language=es")
    translated = src / "contact.md"
    spanish_edits = []
    for _ in range(3):
        translated.write_text(translated.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        spanish_edits.append(build(src, spanish_out, "-D", "language=es")[0])
    spanish_live_edit = live_preview_edit(
        src, work / "real-live-es", src / "locales" / "es" / "LC_MESSAGES" / "contact.po", "-D", "language=es"
    )
    spanish_pages = len(built_pages(spanish_out / "html"))
    weights = [page_weight(out / "html", p) for p in built_pages(out / "html")]
    pages = len(weights)
    return {
        "clean": clean,
        "edit": min(edits),
        "live_edit": live_edit,
        "memory": memory,
        "pages": pages,
        "es_clean": spanish_clean,
        "es_edit": min(spanish_edits),
        "es_live_edit": spanish_live_edit,
        "es_pages": spanish_pages,
        "max_raw": max(w.raw for w in weights),
        "max_gzip": max(w.first_view for w in weights),
        "search_page": search_index_size(out / "html") / pages,
    }


def save_report(report: str, output: Path) -> None:
    """Print the figures and save them (bench/results/)."""
    print()
    print(report)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report, encoding="utf-8")


def table(results: dict[int, list[dict]], real: dict, quick: bool) -> str:
    lines = [
        f"Measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on "
        f"{os.cpu_count()} cores{' (--quick)' if quick else ''}.",
        "",
        f"Real site ({real['pages']} pages): clean build {real['clean']:.1f} s; rebuild after "
        f"a one-page edit {real['live_edit']:.2f} s in make livehtml ({real['edit']:.2f} s as a "
        f"new sphinx-build process), peak {real['memory']:.0f} MiB; heaviest page "
        f"{real['max_raw'] / 1024:.1f} KiB ({real['max_gzip'] / 1024:.1f} KiB gzip); "
        f"search index {real['search_page'] / 1024:.1f} KiB per page.",
        f"Spanish site ({real['es_pages']} pages, -D language=es): clean build "
        f"{real['es_clean']:.1f} s; rebuild after a one-page edit (its catalogue) "
        f"{real['es_live_edit']:.2f} s in make livehtml LANGUAGE=es ({real['es_edit']:.2f} s "
        "as a new sphinx-build process).",
        "",
        "| N | build | -j | clean (s) | one-page edit (s) | peak MiB | output MiB "
        "| HTML per page KiB | page weight KiB (gzip) | search index per page KiB |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for n, rows in results.items():
        for r in rows:
            lines.append(
                f"| {n} | {r['variant']} | {r['jobs']} | {r['clean']:.1f} | {r['edit']:.1f} "
                f"| {r['memory']:.0f} | {r['output'] / 2**20:.1f} | {r['html_page'] / 1024:.1f} "
                f"| {r['raw'] / 1024:.1f} ({r['gzip'] / 1024:.1f}) "
                f"| {r['search_page'] / 1024:.1f} |"
            )
    lines.append("")
    for n, rows in results.items():
        ours = {r["jobs"]: r for r in rows if r["variant"] == "ours"}
        stock = {r["jobs"]: r for r in rows if r["variant"] == "stock"}
        for j in ours:
            if j in stock:
                lines.append(
                    f"- N={n}, -j {j}: ours is {stock[j]['clean'] / ours[j]['clean']:.1f}x "
                    f"faster than stock Furo (clean build)."
                )
    ns = sorted(results)
    if len(ns) >= 2:
        a, b = ns[-2], ns[-1]
        ra = next(r for r in results[a] if r["variant"] == "ours" and r["jobs"] == "1")
        rb = next(r for r in results[b] if r["variant"] == "ours" and r["jobs"] == "1")
        lines.append(
            f"- Growth, ours, serial, N={a} to N={b} ({b / a:.1f}x the pages): "
            f"{rb['clean'] / ra['clean']:.1f}x the time."
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="N = 100 and 300, serial only")
    parser.add_argument("--sizes", help="comma-separated page counts, e.g. 100,300")
    parser.add_argument("--no-stock", action="store_true", help="skip the stock Furo builds")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "latest.md"))
    args = parser.parse_args()
    sizes = (
        [int(n) for n in args.sizes.split(",")]
        if args.sizes
        else ([100, 300] if args.quick else [100, 300, 1000])
    )
    jobs = ["1"] if args.quick else ["1", "2"]
    work = Path(tempfile.mkdtemp(prefix="practice-bench-"))
    results: dict[int, list[dict]] = {}
    try:
        print("real site", flush=True)
        real = real_site(work)
        print(
            f"  clean {real['clean']:.1f} s, one-page edit {real['edit']:.2f} s "
            f"(make livehtml: {real['live_edit']:.2f} s); Spanish: clean {real['es_clean']:.1f} s, "
            f"edit {real['es_edit']:.2f} s (make livehtml: {real['es_live_edit']:.2f} s)",
            flush=True,
        )
        for n in sizes:
            print(f"N = {n}", flush=True)
            src = work / f"site-{n}"
            generate(n, src)
            results[n] = measure(src, work, "ours", [], jobs, n)
            if not args.no_stock:
                results[n] += measure(src, work, "stock", STOCK, jobs, n)
            shutil.rmtree(src, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    save_report(table(results, real, args.quick), Path(args.output))
    return 0


if __name__ == "__main__":
    sys.exit(main())
