"""`make check` (tools/check.py): finds the problems a strict build finds, keeps
showing them on incremental runs until they are fixed, and says so in a summary."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path


def check(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(site / "tools" / "check.py")], capture_output=True, text=True, cwd=site
    )


def summary(result: subprocess.CompletedProcess) -> tuple[int, int]:
    match = re.search(
        r"Checked (\d+) pages(?: and \d+ pages in Spanish)? in [\d.]+ s: (\d+) "
        r"problems? found",
        result.stdout,
    )
    assert match, result.stdout + result.stderr
    return int(match[1]), int(match[2])


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_clean_site_passes_with_a_short_summary(site_copy):
    result = check(site_copy)
    not_pages = {"tests", "_ext", "tools", "bench", ".ci", ".github", "node_modules"}
    pages = len(
        [
            p
            for p in site_copy.rglob("*.md")
            if p.name not in {"README.md", "CONTRIBUTING.md"}
            and not not_pages & set(p.relative_to(site_copy).parts)
        ]
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert summary(result) == (pages, 0)
    assert "All checks passed." in result.stdout
    translated = len(
        re.findall(
            r"(?m)^[\w/-]+:$", (site_copy / "locales/es/translations.yaml").read_text(encoding="utf-8")
        )
    )
    assert f" and {translated} pages in Spanish in " in result.stdout  # the Spanish site too


def test_problems_are_listed_and_stay_listed_until_fixed(site_copy):
    contact = site_copy / "contact.md"
    original = contact.read_text(encoding="utf-8")
    append(contact, "\n```{no-such-block}\n```\n\nSee [the old page](no-such-page.md).\n")
    (site_copy / "stray.md").write_text("# Stray\n\nA page in no menu.\n", encoding="utf-8")

    first = check(site_copy)
    assert first.returncode == 1
    expected = [
        "contact.md:",
        "Unknown directive type: 'no-such-block'",  # found while reading
        "'no-such-page.md'",
        "[myst.xref_missing]",  # found resolving links
        "stray.md: document isn't included in any toctree",  # whole-site check
        "stray.md:1: this page has no front matter",  # content check
        "the page stray.md is not listed. Add the line 'stray.html'",  # published addresses
    ]
    for text in expected:
        assert text in first.stdout
    assert "All checks passed" not in first.stdout

    second = check(site_copy)  # nothing changed: incremental, same problems
    assert second.stdout.split("\n\nChecked")[0] == first.stdout.split("\n\nChecked")[0]
    assert summary(second)[1] == summary(first)[1]

    append(site_copy / "about.md", "\nOne more plain sentence.\n")  # an unrelated edit
    assert summary(check(site_copy))[1] == summary(first)[1]

    contact.write_text(original, encoding="utf-8")
    (site_copy / "stray.md").unlink()
    fixed = check(site_copy)
    assert fixed.returncode == 0, fixed.stdout
    assert "All checks passed." in fixed.stdout


def test_a_renamed_page_needs_a_redirect(site_copy):
    made = subprocess.run(
        [sys.executable, "tools/new_page.py", "--kind", "approach", "--title", "Scaffold trial"],
        cwd=site_copy,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    assert summary(check(site_copy))[1] == 0  # a draft: not ready to publish, no problem

    (site_copy / "approaches" / "scaffold-trial.md").rename(
        site_copy / "approaches" / "scaffold-trial-renamed.md"
    )
    index = site_copy / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace(
            "approaches/scaffold-trial\n", "approaches/scaffold-trial-renamed\n"
        ),
        encoding="utf-8",
    )
    append(site_copy / "published-urls.txt", "approaches/scaffold-trial-renamed.html\n")
    moved = check(site_copy)
    assert moved.returncode == 1
    assert "the address approaches/scaffold-trial.html no longer leads to a page" in moved.stdout

    append(site_copy / "redirects.yaml", "  approaches/scaffold-trial: approaches/scaffold-trial-renamed\n")
    redirected = check(site_copy)
    assert summary(redirected)[1] == 0, redirected.stdout


def test_a_new_page_is_listed_as_not_ready_to_publish(site_copy):
    made = subprocess.run(
        [sys.executable, "tools/new_page.py", "--kind", "specialty", "--title", "Scaffold trial"],
        cwd=site_copy,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    result = check(site_copy)
    assert result.returncode == 1, result.stdout
    assert summary(result)[1] == 0  # no problems: only unfinished
    listed = result.stdout.split("Not ready to publish:")[1]
    assert re.search(
        r"specialties/scaffold-trial\.md:3: \d+ \"Write here:\" prompts from make "
        r"new-page still to replace \(lines 3, ",
        listed,
    )
    assert re.search(r"specialties/scaffold-trial\.md:5: this page is a draft", listed)
    assert "make sign-off PAGE=specialties/scaffold-trial" in listed
    assert "1 not ready to publish" not in result.stdout and "2 not ready to publish" in result.stdout


def test_github_annotations_point_at_the_line(site_copy):
    """In a pull request's checks, each problem shows on the line it is about."""
    append(site_copy / "specialties" / "families.md", "\nSome people called him an addict.\n")
    lines = len((site_copy / "specialties" / "families.md").read_text().splitlines())
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    result = subprocess.run(
        [sys.executable, str(site_copy / "tools" / "check.py")],
        capture_output=True,
        text=True,
        cwd=site_copy,
        env=env,
    )
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert any(
        line.startswith(
            f"::error file=specialties/families.md,line={lines},"
            'title=Person-first language::"addict" is wording'
        )
        for line in annotations
    ), result.stdout
    # The page changed after its sign-off: that shows too, on its review lines.
    assert any(
        line.startswith("::error file=specialties/families.md,line=")
        and "title=Not ready to publish::this page changed after its review on" in line
        and "%0A    review_fingerprint: " in line
        for line in annotations
    ), result.stdout
    without = check(site_copy)  # outside GitHub: no annotation lines
    assert "::error" not in without.stdout


def test_a_broken_practice_file_is_reported_plainly(site_copy):
    (site_copy / "practice.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    result = check(site_copy)
    assert result.returncode == 1
    assert "The check could not finish: practice.yaml:" in result.stderr
    assert "not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_sources_section_is_not_a_loophole(site_copy):
    """Only the citations under "Sources" may carry other works' own words: a sentence
    typed after the last one (joining it), or a paragraph there, is checked."""
    addiction = site_copy / "specialties" / "addiction.md"
    original = addiction.read_text(encoding="utf-8")
    last_line = len(original.splitlines()) + 1
    append(addiction, "Every addict deserves a second chance.\n")
    joined = check(site_copy)
    assert f'specialties/addiction.md:{last_line}: "addict" is wording that labels people' in joined.stdout, (
        joined.stdout
    )

    addiction.write_text(original + "\nWe cure every client.\n", encoding="utf-8")
    paragraph = check(site_copy)
    assert f'specialties/addiction.md:{last_line + 1}: "cure" promises a cure' in paragraph.stdout, (
        paragraph.stdout
    )
    assert '"addict"' not in paragraph.stdout

    addiction.write_text(original, encoding="utf-8")  # the citations themselves pass
    assert summary(check(site_copy))[1] == 0
