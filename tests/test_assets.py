"""The assets step cannot leave a page broken without the build saying so.

After each build, every page must link stylesheets, scripts and images that exist in
the output: the one pruned stylesheet a page links is made after Sphinx writes the page,
so a page the step skipped would ship a link to a file that is not there.
"""

from __future__ import annotations

import io
import posixpath
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import build_site
from practice.site import assets
from practice.site import linked_files

REFERENCE = re.compile(r'<(?:link|script|img|source|a)\b[^>]*?\s(?:href|src)="([^"]*)"')
HOUR = 3600


def built_pages(out: Path) -> list[Path]:
    return [
        path
        for path in out.rglob("*.html")
        if not {"_static", "_sources", "pagefind", ".doctrees"} & set(path.relative_to(out).parts)
    ]


def missing_files(out: Path) -> list[str]:
    """Every relative href/src of every built English page that leads to no file, as
    'page: ref' (links to the Spanish site, built by its own build, aside)."""
    missing = []
    for page in built_pages(out):
        folder = posixpath.dirname(page.relative_to(out).as_posix())
        for ref in REFERENCE.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or ref.startswith(("#", "/")) or not parts.path:
                continue
            relative = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
            if relative.startswith("es/"):
                continue  # the Spanish site, which its own build (not done here) writes
            target = out / relative
            if not target.is_file():
                missing.append(f"{page.relative_to(out)}: {ref}")
    return missing


def build_with_clock_ahead(source: Path, out: Path, seconds: int):
    """Build as if the machine's clock were ``seconds`` ahead (Python's clock; the files'
    times still come from the file system, as with a coarse or skewed file clock)."""
    shifted = (
        "import sys, time\n"
        "real = time.time\n"
        f"time.time = lambda: real() + {seconds}\n"
        "from sphinx.cmd.build import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    return subprocess.run(
        [
            sys.executable,
            "-c",
            shifted,
            "-b",
            "html",
            "-nW",
            "--keep-going",
            "-d",
            str(out / ".doctrees"),
            str(source),
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=source,
    )


def test_an_edit_after_a_build_with_the_clock_ahead_still_gets_its_stylesheet(site_copy, tmp_path):
    """The last build ran with the clock an hour ahead (a clock change, a restored cache):
    the page edited since must still link a stylesheet that exists."""
    out = tmp_path / "html"
    first = build_with_clock_ahead(site_copy, out, HOUR)
    assert first.returncode == 0, first.stderr
    contact = site_copy / "contact.md"
    contact.write_text(contact.read_text(encoding="utf-8") + "\nOne more plain sentence.\n", encoding="utf-8")

    second = build_site(out, source=site_copy)

    assert second.returncode == 0, second.stderr
    assert "One more plain sentence." in (out / "contact.html").read_text(encoding="utf-8")
    assert [
        str(page.relative_to(out))
        for page in built_pages(out)
        if "pending.css" in page.read_text(encoding="utf-8")
    ] == []
    assert missing_files(out) == []


@pytest.mark.sphinx("html", testroot="missing-file")
def test_a_page_linking_a_file_not_in_the_output_fails_with_page_and_file(app, warning):
    app.build()
    out = warning.getvalue()
    lines = [line for line in out.splitlines() if "[practice.missing-file]" in line]
    assert len(lines) == 1, out  # only team.jpg: the logo is there, from either folder
    assert re.search(
        r"index\.md: WARNING: the built page index\.html links to team\.jpg, "
        r"which is not in the built site\. .*fix the name or add the file.*"
        r"run `make clean html`",
        lines[0],
    ), lines[0]


@pytest.mark.sphinx("html", testroot="missing-file", srcdir="missing-file-counted")
def test_every_page_that_links_a_missing_file_is_counted(app, warning):
    """A file many pages link (a stylesheet) gives one message, not one per page."""
    app.build()
    (app.outdir / "_static" / "logo.svg").unlink()
    warning.truncate(0)
    linked_files.on_build_finished(app, None)
    lines = [line for line in warning.getvalue().splitlines() if "_static/logo.svg" in line]
    assert len(lines) == 1, warning.getvalue()
    assert "the built page index.html (and 1 other page) links to _static/logo.svg" in lines[0]


@pytest.mark.sphinx("html", testroot="missing-file", srcdir="missing-file-edited")
def test_a_page_edited_to_link_a_missing_file_fails_the_next_build(app, make_app):
    """The check keeps what it found on each page (site/page_cache.py): an edited page is read again."""
    app.build()
    index = Path(app.srcdir) / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace('src="team.jpg"', 'src="staff.jpg"'), encoding="utf-8"
    )
    warning = io.StringIO()
    make_app("html", srcdir=app.srcdir, warning=warning).build()
    lines = [line for line in warning.getvalue().splitlines() if "[practice.missing-file]" in line]
    assert len(lines) == 1 and "links to staff.jpg" in lines[0], warning.getvalue()


@pytest.mark.sphinx("html", testroot="missing-file", srcdir="missing-file-undone")
def test_a_page_the_assets_step_left_undone_fails_the_build(app, warning, monkeypatch):
    """Were the assets step ever to skip a page, the page's placeholder link is caught."""
    monkeypatch.setattr(assets, "_html_files", lambda outdir: [])
    app.build()
    assert re.search(
        r"WARNING: the built page \S+\.html \(and \d+ other pages\) "
        r"links to _static/css/pending\.css, which is not in the built site",
        warning.getvalue(),
    ), warning.getvalue()


def test_addresses_from_the_sites_root_are_looked_up_under_its_prefix(tmp_path):
    """The 404 page links /en/latest/_static/... (it is served at any address)."""
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "site.css").write_text("", encoding="utf-8")
    output = linked_files.Output(tmp_path, "/en/latest/")
    found = linked_files.local_references(
        '<link href="/en/latest/_static/site.css"><link href="/en/latest/_static/gone.css">'
        '<a href="/other-project/">x</a><a href="tel:988">call</a><a href="#top">top</a>'
        '<img data-src="lazy.png" src="../up.png"><a href="https://example.com/x.css">x</a>'
    )
    assert found == {
        "/en/latest/_static/site.css",
        "/en/latest/_static/gone.css",
        "/other-project/",
        "../up.png",
    }
    assert output.target("", "/en/latest/_static/site.css") == "_static/site.css"
    assert output.exists("_static/site.css") and not output.exists("_static/gone.css")
    assert output.target("", "/other-project/") is None  # not this site's address
    assert not output.exists(output.target("", "../up.png"))  # above the site's top


@pytest.mark.sphinx("html", testroot="editor", srcdir="assets-pages-not-read-again")
def test_the_assets_step_does_not_read_a_page_it_did_and_nobody_wrote_since(app, monkeypatch):
    """On a big site an edit rewrites a few pages: the step reads only those (size and time)."""
    app.build()
    reads: list[str] = []
    read_text = Path.read_text

    def counted(self: Path, *args, **kwargs) -> str:
        if self.suffix == ".html":
            reads.append(self.name)
        return read_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", counted)
    app.build()  # nothing changed: Sphinx writes the topic page again only if it changed
    assert "topic.html" not in reads, reads
    source = Path(app.srcdir, "topic.md")
    source.write_text(read_text(source) + "\nOne more sentence.\n", encoding="utf-8")
    reads.clear()
    app.build()
    assert "topic.html" in reads
