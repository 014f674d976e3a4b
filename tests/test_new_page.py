"""`make new-page` (tools/new_page.py): a new draft page that builds at once, sits in the
menu, links both ways through related topics, claims no review, and refusals that
change nothing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import new_page


def run_new_page(site: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run the copy's tools/new_page.py the way staff do."""
    return subprocess.run(
        [sys.executable, str(site / "tools" / "new_page.py"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=site,
    )


def build(site: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            *options,
            "-d",
            str(site / "_build" / "doctrees"),
            str(site),
            str(site / "_build" / "html"),
        ],
        capture_output=True,
        text=True,
        cwd=site,
    )


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def add_related(page: Path, docname: str) -> None:
    """Add a line to the page's `related:` list, as staff do (either list style)."""
    text = page.read_text(encoding="utf-8")
    new, count = re.subn(
        r"^related: \[(.*)\]$",
        lambda m: f"related: [{m[1] + ', ' if m[1] else ''}{docname}]",
        text,
        count=1,
        flags=re.M,
    )
    if not count:
        new, count = re.subn(r"^(related:\n(?:  - .*\n)*)", rf"\1  - {docname}\n", text, count=1, flags=re.M)
    assert count == 1, f"{page.name} has no related: list"
    page.write_text(new, encoding="utf-8")
    assert docname in front_matter(page)["related"]


def related_links(html: Path) -> set[str]:
    """The pages linked from the page's generated "Related topics" section."""
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    section = soup.find(id="related-topics")
    assert section is not None, f"{html.name} has no Related topics"
    return {a["href"] for a in section.find_all("a", href=True) if not a["href"].startswith("#")}


def menu_links(html: Path) -> dict[str, str]:
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    tree = soup.select_one(".sidebar-tree")
    assert tree is not None, f"{html.name} has no menu"
    return {a["href"]: a.get_text(strip=True) for a in tree.find_all("a", href=True)}


def test_new_approach_page_builds_strict_is_in_menu_and_related_both_ways(site_copy):
    made = run_new_page(site_copy, "--kind", "approach", "--title", "Scaffold trial")
    assert made.returncode == 0, made.stderr
    assert "make sign-off PAGE=approaches/scaffold-trial" in made.stdout
    page = site_copy / "approaches" / "scaffold-trial.md"
    meta = front_matter(page)
    assert meta["kind"] == "approach" and meta["status"] == "draft"
    # Review lines are written at sign-off, never before.
    assert not {"reviewed_by", "last_reviewed", "next_review", "review_fingerprint"} & set(meta)
    assert meta["related"] == [] and meta["audience"] == ["clients", "families"]
    assert 0 < len(meta["description"]) <= 160
    assert "approaches/scaffold-trial.html" in (site_copy / "published-urls.txt").read_text().split()

    add_related(site_copy / "specialties" / "addiction.md", "approaches/scaffold-trial")
    result = build(site_copy, "-nW", "--keep-going")
    assert result.returncode == 0, result.stderr

    out = site_copy / "_build" / "html"
    assert menu_links(out / "contact.html")["approaches/scaffold-trial.html"] == "Scaffold trial"
    assert "../specialties/addiction.html" in related_links(out / "approaches" / "scaffold-trial.html")
    assert "../approaches/scaffold-trial.html" in related_links(out / "specialties" / "addiction.html")


@pytest.mark.parametrize(
    "kind, folder, caption",
    [
        ("specialty", "specialties/", "What we help with"),
        ("approach", "approaches/", "How we work"),
        ("general", "", "About us"),
    ],
)
def test_each_kind_goes_in_its_folder_and_menu(site_copy, kind, folder, caption):
    path = new_page.create_page(site_copy, kind, "Scaffold trial two")
    assert path == site_copy / f"{folder}scaffold-trial-two.md"
    index = (site_copy / "index.md").read_text(encoding="utf-8")
    block = re.search(r"```\{toctree\}\n:caption: " + re.escape(caption) + r"\n(.*?)```", index, re.S)
    assert block and block[1].strip().splitlines()[-1] == f"{folder}scaffold-trial-two"
    assert index.count(f"{folder}scaffold-trial-two") == 1


def test_asks_when_answers_are_missing(site_copy):
    made = run_new_page(site_copy, stdin="2\nScaffold trial\n")
    assert made.returncode == 0, made.stderr
    assert "specialty" in made.stdout and "general" in made.stdout  # the choices shown
    assert front_matter(site_copy / "approaches" / "scaffold-trial.md")["kind"] == "approach"


def test_refuses_to_overwrite_a_page(site_copy):
    addiction = site_copy / "specialties" / "addiction.md"
    before = addiction.read_text(encoding="utf-8")
    index_before = (site_copy / "index.md").read_text(encoding="utf-8")
    made = run_new_page(site_copy, "--kind", "specialty", "--title", "Addiction")
    assert made.returncode == 1
    assert "specialties/addiction.md already exists" in made.stderr
    assert addiction.read_text(encoding="utf-8") == before
    assert (site_copy / "index.md").read_text(encoding="utf-8") == index_before


def test_refuses_an_unknown_kind(site_copy):
    made = run_new_page(site_copy, "--kind", "blog", "--title", "News")
    assert made.returncode == 1
    assert "'blog' is not a kind of page" in made.stderr


def test_refuses_an_address_that_redirects_elsewhere(site_copy):
    (site_copy / "redirects.yaml").write_text(
        "redirects:\n  approaches/scaffold-trial: approaches/mindfulness\n", encoding="utf-8"
    )
    made = run_new_page(site_copy, "--kind", "approach", "--title", "Scaffold trial")
    assert made.returncode == 1
    assert "old address" in made.stderr
    assert not (site_copy / "approaches" / "scaffold-trial.md").exists()


def test_file_names():
    assert new_page.slugify("Eye movement (EMDR) & trauma") == "eye-movement-emdr-trauma"
    assert new_page.slugify("Café évening") == "cafe-evening"


# -- A page the browser editor made (tools/edit.py, and on a pull request) ---------------


def editor_page(site: Path, relative: str, kind: str = "specialty", title: str = "Grief and loss") -> Path:
    """A page as the editor writes it: the kind's template, no menu entry yet."""
    from practice.data.page_kinds import render_page

    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_page(kind, title), encoding="utf-8")
    return path


def test_adopt_gives_an_editor_page_its_menu_place_and_address(site_copy):
    editor_page(site_copy, "specialties/grief-and-loss.md")
    made = run_new_page(site_copy, "--adopt", "specialties/grief-and-loss.md")
    assert made.returncode == 0, made.stderr
    assert "Added specialties/grief-and-loss to the menu and to published-urls.txt." in made.stdout
    index = (site_copy / "index.md").read_text(encoding="utf-8")
    assert index.count("specialties/grief-and-loss") == 1
    assert "specialties/grief-and-loss.html" in (site_copy / "published-urls.txt").read_text().split()
    again = run_new_page(site_copy, "--adopt", "specialties/grief-and-loss.md")  # nothing twice
    assert again.returncode == 0 and (site_copy / "index.md").read_text(encoding="utf-8") == index
    assert build(site_copy, "-nW", "--keep-going").returncode == 0


def test_adopt_new_finds_every_new_draft_and_only_those(site_copy):
    editor_page(site_copy, "specialties/grief-and-loss.md")
    editor_page(site_copy, "approaches/somatic-therapy.md", kind="approach", title="Somatic therapy")
    made = run_new_page(site_copy, "--adopt-new")
    assert made.returncode == 0, made.stderr
    assert made.stdout.count("Added ") == 2, made.stdout
    assert run_new_page(site_copy, "--adopt-new").stdout == ""  # nothing left to add


@pytest.mark.parametrize(
    "relative, kind, message",
    [
        ("approaches/grief-and-loss.md", "specialty", "is a specialty page, so it belongs in specialties/"),
        ("specialties/Grief_Loss.md", "specialty", "lower-case letters, digits and dashes (grief-loss.md)"),
    ],
)
def test_adopt_refuses_a_page_out_of_place_and_changes_nothing(site_copy, relative, kind, message):
    editor_page(site_copy, relative, kind=kind)
    index = (site_copy / "index.md").read_text(encoding="utf-8")
    made = run_new_page(site_copy, "--adopt", relative)
    assert made.returncode == 1 and message in made.stderr, made.stderr
    assert (site_copy / "index.md").read_text(encoding="utf-8") == index


def test_adopt_refuses_a_page_with_no_kind_and_an_old_address(site_copy):
    (site_copy / "specialties" / "loose.md").write_text("# Loose\n\nNo front matter.\n", encoding="utf-8")
    made = run_new_page(site_copy, "--adopt", "specialties/loose.md")
    assert made.returncode == 1 and "has no kind: in its front matter" in made.stderr

    (site_copy / "redirects.yaml").write_text(
        "redirects:\n  specialties/grief-and-loss: specialties/trauma\n", encoding="utf-8"
    )
    editor_page(site_copy, "specialties/grief-and-loss.md")
    made = run_new_page(site_copy, "--adopt", "specialties/grief-and-loss.md")
    assert made.returncode == 1 and "is an old address" in made.stderr, made.stderr
