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
        [sys.executable, "-m", "sphinx", "-b", "html", "-n", "-d",
         str(site / "_build" / "doctrees"), str(site), str(site / "_build" / "live")],
        capture_output=True, text=True, cwd=site)
    assert result.returncode == 0, result.stderr
    return result


def menu(site: Path, page: str) -> dict[str, str]:
    html = (site / "_build" / "live" / page).read_text(encoding="utf-8")
    tree = BeautifulSoup(html, "html.parser").select_one(".sidebar-tree")
    return {a["href"]: a.get_text(strip=True) for a in tree.find_all("a", href=True)}


def test_menus_follow_added_and_renamed_pages_and_edits_stay_incremental(site_copy):
    build(site_copy)
    assert "approaches/scaffold-trial.html" not in menu(site_copy, "contact.html")

    made = subprocess.run([sys.executable, "tools/new_page.py", "--kind", "approach",
                           "--title", "Scaffold trial"],
                          cwd=site_copy, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    build(site_copy)
    assert menu(site_copy, "contact.html")["approaches/scaffold-trial.html"] == "Scaffold trial"
    assert menu(site_copy, "specialties/addiction.html")[
        "../approaches/scaffold-trial.html"] == "Scaffold trial"

    page = site_copy / "approaches" / "scaffold-trial.md"
    page.write_text(page.read_text().replace("# Scaffold trial", "# Scaffold trial renamed"))
    build(site_copy)
    assert menu(site_copy, "contact.html")["approaches/scaffold-trial.html"] == \
        "Scaffold trial renamed"

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


@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="make livehtml uses its build server on Linux only")
def test_warm_preview_builder_shows_each_save_and_reports_a_failed_build(site_copy):
    """`make livehtml` builds in a server that has Sphinx imported already
    (tools/livehtml.py); each save still gives a full, fresh build of what changed."""
    sys.path.insert(0, str(site_copy / "tools"))
    try:
        from livehtml import WarmBuilder
    finally:
        sys.path.pop(0)
    out = site_copy / "_build" / "live"
    builder = WarmBuilder(["-b", "html", "-q", "-nW", "--keep-going", str(site_copy), str(out)],
                          url_host="127.0.0.1:0", pre_build_commands=[], post_build_commands=[])
    try:
        assert builder.build() == 0
        page = site_copy / "specialties" / "trauma.md"
        page.write_text(page.read_text() + "\nA sentence added while the preview runs.\n")
        assert builder.build() == 0
        assert "A sentence added while the preview runs." in (
            out / "specialties" / "trauma.html").read_text(encoding="utf-8")

        page.write_text(page.read_text().replace("kind: specialty", "kind: specialtyy"))
        assert builder.build() != 0  # an unknown kind fails the build, as in make html
    finally:
        builder.close()
    assert builder.server.returncode is not None
