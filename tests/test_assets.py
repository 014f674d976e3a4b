"""The assets step cannot leave a page broken without the build saying so.

After each build, every page must link stylesheets, scripts and images that exist in
the output: the one pruned stylesheet a page links is made after Sphinx writes the page,
so a page the step skipped would ship a link to a file that is not there.
"""

from __future__ import annotations

import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import build_site

REFERENCE = re.compile(r'<(?:link|script|img|source|a)\b[^>]*?\s(?:href|src)="([^"]*)"')
HOUR = 3600


def built_pages(out: Path) -> list[Path]:
    return [path for path in out.rglob("*.html")
            if not {"_static", "_sources", "pagefind", ".doctrees"} & set(path.relative_to(out).parts)]


def missing_files(out: Path) -> list[str]:
    """Every relative href/src of every built page that leads to no file, as 'page: ref'."""
    missing = []
    for page in built_pages(out):
        folder = posixpath.dirname(page.relative_to(out).as_posix())
        for ref in REFERENCE.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or ref.startswith(("#", "/")) or not parts.path:
                continue
            target = out / posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
            if not target.is_file():
                missing.append(f"{page.relative_to(out)}: {ref}")
    return missing


def build_with_clock_ahead(source: Path, out: Path, seconds: int):
    """Build as if the machine's clock were ``seconds`` ahead (Python's clock; the files'
    times still come from the file system, as with a coarse or skewed file clock)."""
    shifted = ("import sys, time\n"
               "real = time.time\n"
               f"time.time = lambda: real() + {seconds}\n"
               "from sphinx.cmd.build import main\n"
               "sys.exit(main(sys.argv[1:]))\n")
    import subprocess

    return subprocess.run(
        [sys.executable, "-c", shifted, "-b", "html", "-nW", "--keep-going",
         "-d", str(out / ".doctrees"), str(source), str(out)],
        capture_output=True, text=True, cwd=source)


def test_an_edit_after_a_build_with_the_clock_ahead_still_gets_its_stylesheet(site_copy, tmp_path):
    """The last build ran with the clock an hour ahead (a clock change, a restored cache):
    the page edited since must still link a stylesheet that exists."""
    out = tmp_path / "html"
    first = build_with_clock_ahead(site_copy, out, HOUR)
    assert first.returncode == 0, first.stderr
    contact = site_copy / "contact.md"
    contact.write_text(contact.read_text(encoding="utf-8") + "\nOne more plain sentence.\n",
                       encoding="utf-8")

    second = build_site(out, source=site_copy)

    assert second.returncode == 0, second.stderr
    assert "One more plain sentence." in (out / "contact.html").read_text(encoding="utf-8")
    assert [str(page.relative_to(out)) for page in built_pages(out)
            if "pending.css" in page.read_text(encoding="utf-8")] == []
    assert missing_files(out) == []
