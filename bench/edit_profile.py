"""Where the time of a one-page edit goes, on the synthetic site of N pages (default 1000).

Builds the site clean, edits one page, and rebuilds it under cProfile, as the site
ships ("ours") and as stock Sphinx and Furo ("stock", bench/run.py's switches). For
each it prints, and writes to bench/results/edit-profile.md, the rebuild's parts:
Sphinx's own (starting Python and importing the packages, loading the pickled
environment, reading the changed page, pickling the environment, writing pages), each
event handler that took a noticeable time (the site's and other extensions'), and the
wait for Pagefind. Beside the profile, the edit is timed without the profiler (best of
three edits) as a new ``sphinx-build`` process and, for ours, in the live preview's warm
builder (tools/livehtml.py, as ``make livehtml`` runs it: the search index in the background).
The profiler slows Python code (not Pagefind) by a third or so: read its figures as shares.

    python bench/edit_profile.py               # N = 1000: about 3 minutes
    python bench/edit_profile.py --pages 300
    python bench/edit_profile.py --no-stock                  # ours only: stock takes minutes a build
    python bench/edit_profile.py --ext /path/to/older/_ext   # the same, with another extension
"""

from __future__ import annotations

import argparse
import datetime
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import ROOT, generate
from run import EDITED_PAGE, PYTHON, STOCK, build, edit, live_preview_edit

SHOWN = 0.05  # seconds: handlers that took less are summed as "other handlers"


def profiled_rebuild(src: Path, out: Path, extra: list[str], profile: Path) -> None:
    cmd = [PYTHON, "-m", "cProfile", "-o", str(profile), "-m", "sphinx", "-b", "html", "-nW"]
    cmd += ["--keep-going", "-q", "-d", str(out / ".doctrees"), *extra, str(src), str(out / "html")]
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build failed: {' '.join(cmd)}\n{result.stderr}")


def _find(stats: dict, path_end: str, name: str) -> tuple:
    for func, entry in stats.items():
        if func[0].endswith(path_end) and func[2] == name:
            return func, entry
    return None, None


def cumulative(stats: dict, path_end: str, name: str) -> float:
    _func, entry = _find(stats, path_end, name)
    return entry[3] if entry else 0.0


def handlers(stats: dict) -> list[tuple[str, float]]:
    """Time in each function Sphinx's event manager called (the event handlers)."""
    emit, _entry = _find(stats, "sphinx/events.py", "emit")
    found = []
    for func, entry in stats.items():
        callers = entry[4]
        if emit in callers:
            module = func[0].split("site-packages/")[-1].split("_ext/")[-1].removesuffix(".py")
            found.append((f"{module.replace('/', '.')}.{func[2]}", callers[emit][3]))
    return sorted(found, key=lambda item: -item[1])


def parts(profile: Path) -> list[tuple[str, float]]:
    stats = pstats.Stats(str(profile)).stats  # type: ignore[attr-defined]
    total = max(entry[3] for entry in stats.values())
    main = cumulative(stats, "sphinx/cmd/build.py", "build_main")
    setup = cumulative(stats, "sphinx/application.py", "__init__")
    env_load = cumulative(stats, "sphinx/application.py", "_load_existing_env")
    read = cumulative(stats, "sphinx/builders/__init__.py", "read")
    write = cumulative(stats, "sphinx/builders/__init__.py", "write")
    pickling = cumulative(stats, "~", "<built-in method _pickle.dump>")
    by_handler = handlers(stats)
    pagefind_wait = cumulative(stats, "subprocess.py", "communicate") + cumulative(
        stats, "subprocess.py", "wait"
    )
    rows = [
        ("Python's start and importing Sphinx", total - main),
        ("Sphinx's set-up: extensions, conf.py (without the environment)", setup - env_load),
        ("loading the pickled environment", env_load),
        ("reading the changed page (its handlers included)", read),
        ("pickling the environment and the page", pickling),
        ("writing the changed pages (their handlers included)", write),
    ]
    finished = [(name, seconds) for name, seconds in by_handler if "build_finished" in name]
    shown = [(f"build-finished: {name}", s) for name, s in finished if s >= SHOWN]
    rows += shown
    rows.append(("other build-finished handlers", sum(s for _n, s in finished if s < SHOWN)))
    rows.append(("of which: waiting for Pagefind", pagefind_wait))
    rows.append(("in all", total))
    return rows


def timed_edits(src: Path, out: Path, extra: list[str]) -> float:
    times = []
    for _ in range(3):
        edit(src, EDITED_PAGE)
        times.append(build(src, out, *extra)[0])
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--ext", help="an _ext folder to build with instead of the site's own")
    parser.add_argument("--no-stock", action="store_true", help="ours only (stock takes minutes a build)")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "edit-profile.md"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="practice-edit-"))
    lines = [
        f"Measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}: a one-page edit of the synthetic site of "
        f"{args.pages} pages (bench/edit_profile.py{' --ext ' + args.ext if args.ext else ''}).",
        "",
    ]
    try:
        src = work / "site"
        generate(args.pages, src)
        if args.ext:
            shutil.rmtree(src / "_ext")
            shutil.copytree(args.ext, src / "_ext")
        variants = [("ours", [])] + ([] if args.no_stock else [("stock", STOCK)])
        for label, extra in variants:
            out = work / label
            print(f"{label}: clean build", flush=True)
            build(src, out, *extra)
            seconds = timed_edits(src, out, extra)
            edit(src, EDITED_PAGE)
            profiled_rebuild(src, out, extra, work / f"{label}.prof")
            lines.append(f"{label}: one-page edit {seconds:.2f} s as a new sphinx-build process (best of 3)")
            if label == "ours":
                live = live_preview_edit(src, work / "live", src / EDITED_PAGE, *extra)
                lines[-1] += f", {live:.2f} s in make livehtml's warm builder"
            lines += ["", f"| {label}, under cProfile | seconds |", "|---|---|"]
            lines += [f"| {name} | {value:.2f} |" for name, value in parts(work / f"{label}.prof")]
            lines.append("")
            print("\n".join(lines), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report = "\n".join(lines) + "\n"
    print(report)
    Path(args.output).write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
