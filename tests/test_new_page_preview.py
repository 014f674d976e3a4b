"""Live preview (`make livehtml`) stays right in incremental builds: adding or
renaming a page updates every page's menu; an ordinary edit rebuilds one page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup


def build(site: Path) -> subprocess.CompletedProcess:
    """An incremental build, like sphinx-autobuild's (warnings do not matter here)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-n",
            "-d",
            str(site / "_build" / "doctrees"),
            str(site),
            str(site / "_build" / "live"),
        ],
        capture_output=True,
        text=True,
        cwd=site,
    )
    assert result.returncode == 0, result.stderr
    return result


def menu(site: Path, page: str) -> dict[str, str]:
    html = (site / "_build" / "live" / page).read_text(encoding="utf-8")
    tree = BeautifulSoup(html, "html.parser").select_one(".sidebar-tree")
    return {a["href"]: a.get_text(strip=True) for a in tree.find_all("a", href=True)}


def test_menus_follow_added_and_renamed_pages_and_edits_stay_incremental(site_copy):
    build(site_copy)
    assert "approaches/scaffold-trial.html" not in menu(site_copy, "contact.html")

    made = subprocess.run(
        [sys.executable, "tools/new_page.py", "--kind", "approach", "--title", "Scaffold trial"],
        cwd=site_copy,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    build(site_copy)
    assert menu(site_copy, "contact.html")["approaches/scaffold-trial.html"] == "Scaffold trial"
    assert (
        menu(site_copy, "specialties/addiction.html")["../approaches/scaffold-trial.html"] == "Scaffold trial"
    )

    page = site_copy / "approaches" / "scaffold-trial.md"
    page.write_text(page.read_text().replace("# Scaffold trial", "# Scaffold trial renamed"))
    build(site_copy)
    assert menu(site_copy, "contact.html")["approaches/scaffold-trial.html"] == "Scaffold trial renamed"

    contact = site_copy / "_build" / "live" / "contact.html"
    written = contact.stat().st_mtime_ns
    page.write_text(page.read_text() + "\nOne more short line.\n")
    result = build(site_copy)
    assert contact.stat().st_mtime_ns == written, "an ordinary edit rewrote other pages"
    assert "scaffold-trial" in result.stdout

    page.unlink()
    index = site_copy / "index.md"
    index.write_text(index.read_text().replace("approaches/scaffold-trial\n", ""))
    build(site_copy)
    assert "approaches/scaffold-trial.html" not in menu(site_copy, "contact.html")


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="make livehtml uses its build server on Linux only"
)
def test_warm_preview_builder_shows_each_save_and_reports_a_failed_build(site_copy):
    """`make livehtml` builds in a server that has Sphinx imported already
    (tools/livehtml.py); each save still gives a full, fresh build of what changed."""
    sys.path.insert(0, str(site_copy / "tools"))
    try:
        from livehtml import WarmBuilder
    finally:
        sys.path.pop(0)
    out = site_copy / "_build" / "live"
    builder = WarmBuilder(
        ["-b", "html", "-q", "-nW", "--keep-going", str(site_copy), str(out)],
        url_host="127.0.0.1:0",
        pre_build_commands=[],
        post_build_commands=[],
    )
    try:
        assert builder.build() == 0
        page = site_copy / "specialties" / "trauma.md"
        page.write_text(page.read_text() + "\nA sentence added while the preview runs.\n")
        assert builder.build() == 0
        assert "A sentence added while the preview runs." in (out / "specialties" / "trauma.html").read_text(
            encoding="utf-8"
        )

        page.write_text(page.read_text().replace("kind: specialty", "kind: specialtyy"))
        assert builder.build() != 0  # an unknown kind fails the build, as in make html
    finally:
        builder.close()
    assert builder.server.returncode is not None


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="make livehtml uses its build server on Linux only"
)
def test_spanish_preview_shows_a_catalogue_edit_and_a_stale_paragraph(site_copy):
    """`make livehtml LANGUAGE=es`: a saved .po file shows at the next rebuild, and an
    English edit that leaves a paragraph untranslated shows the Spanish notice and
    marks the paragraph (production fails instead: test_spanish_site)."""
    sys.path.insert(0, str(site_copy / "tools"))
    try:
        from livehtml import WarmBuilder
    finally:
        sys.path.pop(0)
    out = site_copy / "_build" / "live-es"
    builder = WarmBuilder(
        [
            "-b",
            "html",
            "-q",
            "-nW",
            "--keep-going",
            "-D",
            "language=es",
            "-d",
            str(out / ".doctrees"),
            str(site_copy),
            str(out),
        ],
        url_host="127.0.0.1:0",
        pre_build_commands=[],
        post_build_commands=[],
    )
    contact = out / "contact.html"
    try:
        assert builder.build() == 0
        assert "Formas de comunicarse con nosotros" in contact.read_text(encoding="utf-8")
        catalogue = site_copy / "locales" / "es" / "LC_MESSAGES" / "contact.po"
        catalogue.write_text(
            catalogue.read_text(encoding="utf-8").replace(
                'msgstr "Formas de comunicarse con nosotros"', 'msgstr "Cómo comunicarse con nosotros"'
            ),
            encoding="utf-8",
        )
        assert builder.build() == 0
        assert "Cómo comunicarse con nosotros" in contact.read_text(encoding="utf-8")

        page = site_copy / "contact.md"
        page.write_text(
            page.read_text(encoding="utf-8") + "\nA sentence not yet in Spanish.\n", encoding="utf-8"
        )
        assert builder.build() == 0  # a preview: a notice, not a failure
        soup = BeautifulSoup(contact.read_text(encoding="utf-8"), "html.parser")
        assert "marcados con una línea discontinua" in soup.select_one("article .not-ready").get_text()
        # The paragraph still in English says so, to screen readers and to the eye.
        marked = soup.select("article [lang=en].untranslated")
        assert [tag.get_text() for tag in marked] == ["A sentence not yet in Spanish."]
    finally:
        builder.close()
