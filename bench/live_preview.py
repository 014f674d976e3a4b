"""How long `make livehtml` takes to show a saved edit, end to end, in each language.

Runs `make livehtml` (and `make livehtml LANGUAGE=es`) on a copy of the site, saves a
changed sentence four times (English: contact.md; Spanish: its catalogue, contact.po),
and times each save until sphinx-autobuild says it is serving the new pages; then
fetches the page and checks the change is there. This is what a member of staff
waits for; bench/run.py times only the rebuild inside it.

    python bench/live_preview.py        # about a minute
"""

from __future__ import annotations

import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import ROOT, generate

PORT = "8123"
# (language, file saved, its text to change, the text the page shows, page)
EDITS = [
    ("en", "contact.md", "Getting in touch is a big step", "Getting in touch is a big step", "contact.html"),
    (
        "es",
        "locales/es/LC_MESSAGES/contact.po",
        'msgstr "Formas de comunicarse con nosotros',
        "Formas de comunicarse con nosotros",
        "contact.html",
    ),
]


def time_saves(
    site: Path, language: str, file: str, old: str, shown: str, page: str, saves: int = 4
) -> list[float]:
    """Seconds from each save to sphinx-autobuild serving the rebuilt site."""
    proc = subprocess.Popen(
        ["make", "livehtml", f"LANGUAGE={language}", f"PORT={PORT}"],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
        start_new_session=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(
        target=lambda: [lines.put((time.perf_counter(), line)) for line in proc.stdout], daemon=True
    ).start()

    seen: list[str] = []

    def serving(timeout: float = 120) -> float:
        end = time.time() + timeout
        while time.time() < end:
            try:
                when, line = lines.get(timeout=1)
            except queue.Empty:
                continue
            seen.append(line)
            if "Serving on" in line:
                return when
            if re.search(r"WARNING:|ERROR:|make: \*\*\*", line):
                raise SystemExit("the preview failed:\n" + "".join(seen[-20:]))
        raise SystemExit("the preview did not serve in time")

    times = []
    try:
        serving()
        time.sleep(2)
        path = site / file
        for number in range(saves):
            text = path.read_text(encoding="utf-8")
            marker = f" ({number})"
            while not lines.empty():
                lines.get()
            start = time.perf_counter()
            path.write_text(text.replace(old, old + marker, 1), encoding="utf-8")
            times.append(serving() - start)
            html = urllib.request.urlopen(f"http://127.0.0.1:{PORT}/{page}").read().decode()
            if shown + marker not in html:
                raise SystemExit(f"the served {page} does not show the edit to {file}")
            old += marker
            shown += marker
            time.sleep(1.5)
    finally:
        subprocess.run(["kill", "--", f"-{proc.pid}"], check=False)
        proc.wait()
    return times


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="practice-live-"))
    try:
        site = work / "site"
        generate(0, site)
        (site / ".venv").symlink_to(ROOT / ".venv")  # make's own set of packages
        shutil.copytree(ROOT / "tools", site / "tools")  # make livehtml runs tools/livehtml.py
        for language, file, old, shown, page in EDITS:
            times = time_saves(site, language, file, old, shown, page)
            print(
                f"make livehtml{' LANGUAGE=' + language if language != 'en' else ''}: a save of "
                f"{file} shows in {min(times):.2f} to {max(times):.2f} s"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
