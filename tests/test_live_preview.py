"""The live preview (`make livehtml`) is right after every kind of edit.

sphinx-autobuild rebuilds into the same output and doctrees after each save, so
Sphinx writes only the pages it thinks changed (``site/live_preview.py`` and
``page_parts/related_topics.py`` add the pages that show something of an edited
one). Here each kind of edit that changes what other pages show is made to a copy
of the site, one after the other; after each, the incremental build (the same
``sphinx-build`` command into the same folders, as the preview's build server runs
it: tools/livehtml.py) must give every page exactly the HTML that a clean build of
the same sources gives. Nothing is normalised: the pages must be byte for byte the same.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def sphinx(site: Path, out: Path, doctrees: Path) -> None:
    """One build with the preview's options (`make livehtml`: -nW --keep-going, and the
    search index left to finish on its own)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-nW",
            "--keep-going",
            "-D",
            "practice_search_in_background=1",
            "-d",
            str(doctrees),
            str(site),
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=site,
    )
    assert result.returncode == 0, result.stderr


def pages(out: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(out)): path.read_bytes()
        for path in sorted(out.rglob("*.html"))
        if ".doctrees" not in path.parts
    }


def differences(live: Path, clean: Path) -> list[str]:
    """The pages whose HTML differs between the two builds (or that only one has)."""
    ours, theirs = pages(live), pages(clean)
    found = [
        f"{name}: only in the {'incremental' if name in ours else 'clean'} build"
        for name in sorted(set(ours) ^ set(theirs))
    ]
    found += [name for name in sorted(set(ours) & set(theirs)) if ours[name] != theirs[name]]
    return found


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def rename_caption(site: Path) -> None:
    replace(site / "index.md", ":caption: What we help with", ":caption: What we can help with")


def change_title(site: Path) -> None:
    replace(
        site / "approaches" / "mindfulness.md", "\n# Mindfulness\n", "\n# Mindfulness, a kind attention\n"
    )


def add_related_topic(site: Path) -> None:
    replace(
        site / "editorial-policy.md",
        "related: [about, privacy, accessibility]",
        "related: [about, privacy, accessibility, glossary]",
    )


def add_page(site: Path) -> None:
    made = subprocess.run(
        [sys.executable, "tools/new_page.py", "--kind", "approach", "--title", "Somatic therapy"],
        cwd=site,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr


def remove_page(site: Path) -> None:
    (site / "approaches" / "somatic-therapy.md").unlink()
    replace(site / "index.md", "approaches/somatic-therapy\n", "")
    replace(site / "published-urls.txt", "approaches/somatic-therapy.html\n", "")


EDITS = [rename_caption, change_title, add_related_topic, add_page, remove_page]
# What each edit must show on a page it did not touch (so the test sees the edit at all).
SHOWN = {
    "rename_caption": [("contact.html", "What we can help with")],
    "change_title": [
        ("specialties/addiction.html", "Mindfulness, a kind attention"),
        ("index.html", "Mindfulness, a kind attention"),
    ],  # its card
    "add_related_topic": [("glossary.html", "editorial-policy.html")],
    "add_page": [
        ("contact.html", "approaches/somatic-therapy.html"),
        ("index.html", '<span class="doc">Somatic therapy</span>'),
    ],
}


def test_incremental_preview_builds_equal_a_clean_build_after_each_edit(site_copy, tmp_path):
    live = site_copy / "_build" / "live"
    live_doctrees = live / ".doctrees"  # where make livehtml keeps them (sphinx-build's default)
    sphinx(site_copy, live, live_doctrees)
    wrong: dict[str, list[str]] = {}
    for edit in EDITS:
        edit(site_copy)
        sphinx(site_copy, live, live_doctrees)
        clean = tmp_path / f"clean-{edit.__name__}"
        sphinx(site_copy, clean, clean / ".doctrees")
        for page, shown in SHOWN.get(edit.__name__, []):
            assert shown in (clean / page).read_text(encoding="utf-8"), (edit.__name__, page)
        if edit.__name__ == "remove_page":
            for page in ("contact.html", "index.html"):
                assert "somatic-therapy" not in (clean / page).read_text(encoding="utf-8")
        if found := differences(live, clean):
            wrong[edit.__name__] = found
        shutil.rmtree(clean)
    assert not wrong, "pages of the incremental build that differ from a clean build:\n" + "\n".join(
        f"  after {edit}: {len(names)} pages, e.g. {', '.join(names[:5])}" for edit, names in wrong.items()
    )


def test_the_comparison_sees_a_stale_page(site_copy, tmp_path):
    """The check above can fail: a page left from an earlier build is a difference."""
    live, clean = tmp_path / "live", tmp_path / "clean"
    for out in (live, clean):
        (out / "a").mkdir(parents=True)
        (out / "a" / "page.html").write_text("<nav>What we help with</nav>")
    assert differences(live, clean) == []
    (live / "a" / "page.html").write_text("<nav>What we can help with</nav>")
    (live / "old.html").write_text("")
    assert differences(live, clean) == ["old.html: only in the incremental build", "a/page.html"]
