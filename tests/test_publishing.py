"""Nothing unreviewed reaches the public site.

A new page is a draft: it builds in previews with a banner, noindex, no review claim,
out of the sitemap and the search index; Read the Docs' production build refuses it.
A reviewed page whose text changes after its sign-off is refused by production until
a clinician signs it off again, with `make sign-off` or by pasting the lines the
error message prints.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from practice.data.front_matter import text_fingerprint
from practice.languages.i18n import long_date


def read_the_docs_build(site: Path, version_type: str, *extra: str) -> subprocess.CompletedProcess:
    """Read the Docs' own build command, with its environment (engineering notes)."""
    env = {
        **os.environ,
        "READTHEDOCS": "True",
        "READTHEDOCS_VERSION_TYPE": version_type,
        "READTHEDOCS_CANONICAL_URL": "https://www.example-practice.org/en/latest/",
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-T",
            "-W",
            "--keep-going",
            "-b",
            "html",
            "-d",
            "_build/doctrees",
            "-D",
            "language=en",
            *extra,
            ".",
            "_build/rtd/html",
        ],
        capture_output=True,
        text=True,
        cwd=site,
        env=env,
    )


def new_draft(site: Path, title: str = "Gambling") -> Path:
    made = subprocess.run(
        [sys.executable, "tools/new_page.py", "--kind", "specialty", "--title", title],
        cwd=site,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    return site / "specialties" / "gambling.md"


def sign_off(site: Path, page: str, reviewer: str = "clinician-b") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "tools/sign_off.py", "--page", page, "--reviewer", reviewer],
        cwd=site,
        capture_output=True,
        text=True,
    )


def indexed_urls(out: Path) -> set[str]:
    """The pages in Pagefind's search index (each fragment is gzip'd JSON with its url)."""
    urls = set()
    for fragment in (out / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        urls.add(json.loads(data)["url"])
    return urls


def json_ld(soup: BeautifulSoup) -> dict:
    return json.loads(soup.find("script", type="application/ld+json").string)


def test_a_new_page_is_a_draft_in_previews_and_refused_in_production(site_copy):
    new_draft(site_copy)

    preview = read_the_docs_build(site_copy, "external")  # a pull request's preview
    assert preview.returncode == 0, preview.stderr
    out = site_copy / "_build" / "rtd" / "html"
    html = (out / "specialties" / "gambling.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    banner = soup.select_one("article .not-ready")
    assert banner is not None and "Draft: not yet reviewed, do not share." in banner.get_text()
    assert "Write here:" in banner.get_text()  # its prompts are still there
    assert soup.find("meta", attrs={"name": "robots", "content": "noindex"})
    assert not re.search(r"reviewed by|last reviewed|lastReviewed|reviewedBy", html, re.I)
    assert json_ld(soup)["@type"] == "WebPage"
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "specialties/addiction.html" in sitemap and "gambling" not in sitemap
    indexed = indexed_urls(out)
    assert "/specialties/addiction.html" in indexed
    assert not any("gambling" in url for url in indexed)
    # A page that is ready has no banner and stays indexable.
    addiction = BeautifulSoup((out / "specialties" / "addiction.html").read_text(), "html.parser")
    assert addiction.select_one(".not-ready") is None
    assert addiction.find("meta", attrs={"name": "robots"}) is None

    production = read_the_docs_build(site_copy, "branch")
    assert production.returncode != 0
    assert re.search(
        r"specialties/gambling\.md:5: WARNING: this page is a draft \('status: "
        r"draft'\), so it cannot be published\..*make sign-off PAGE=specialties/"
        r"gambling",
        production.stderr,
    )
    assert re.search(r"specialties/gambling\.md:3: WARNING: \d+ \"Write here:\" prompts", production.stderr)
    assert "[practice.not-ready]" in production.stderr


def test_a_change_after_sign_off_stops_production_until_signed_off_again(launched_copy):
    site_copy = launched_copy
    page = site_copy / "specialties" / "trauma.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nWe added this sentence after the review.\n", encoding="utf-8"
    )
    production = read_the_docs_build(site_copy, "tag")
    assert production.returncode != 0
    match = re.search(
        r"specialties/trauma\.md:(\d+): WARNING: this page changed after its "
        r"review on (\d+ \w+ \d{4}) by Dana Rivera\. Any change, even a "
        r"typo fix, is read by a clinician",
        production.stderr,
    )
    assert match, production.stderr
    assert page.read_text().splitlines()[int(match[1]) - 1].startswith("review_fingerprint:")

    signed = sign_off(site_copy, "specialties/trauma", "clinician-b")
    assert signed.returncode == 0, signed.stderr
    today = dt.date.today()
    assert f"reviewed by Sam Lee, LPC on {long_date(today)}" in signed.stdout
    production = read_the_docs_build(site_copy, "tag")
    assert production.returncode == 0, production.stderr

    soup = BeautifulSoup(
        (site_copy / "_build" / "rtd" / "html" / "specialties" / "trauma.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    footer = soup.select_one(".review-footer").get_text(" ", strip=True)
    assert "Sam Lee" in footer and f"Page last reviewed: {long_date(today)}" in footer
    assert json_ld(soup)["lastReviewed"] == today.isoformat()
    assert json_ld(soup)["reviewedBy"]["name"] == "Sam Lee"


def test_without_a_terminal_the_lines_the_error_prints_sign_the_page_off(launched_copy):
    site_copy = launched_copy
    page = site_copy / "get-help.md"
    text = page.read_text(encoding="utf-8").replace("right now", "right away", 1)
    assert text != page.read_text(encoding="utf-8")
    page.write_text(text, encoding="utf-8")
    production = read_the_docs_build(site_copy, "branch", "-b", "dummy")
    assert production.returncode != 0
    pasted = re.findall(
        r"^    ((?:reviewed_by|signed_by|last_reviewed|next_review|review_fingerprint"
        r"|example_review): .+)$",
        production.stderr,
        re.M,
    )
    assert [line.split(":")[0] for line in pasted] == [
        "reviewed_by",
        "signed_by",
        "last_reviewed",
        "next_review",
        "review_fingerprint",
    ], production.stderr
    # What a clinician does on GitHub: replace the review lines with the printed ones.
    head, body = text.split("\n---\n", 1)
    head = "\n".join(
        line
        for line in head.splitlines()
        if not line.startswith(
            ("reviewed_by:", "signed_by:", "last_reviewed:", "next_review:", "review_fingerprint:")
        )
    )
    page.write_text(head + "\n" + "\n".join(pasted) + "\n---\n" + body, encoding="utf-8")
    production = read_the_docs_build(site_copy, "branch", "-b", "dummy")
    assert production.returncode == 0, production.stderr


def test_sign_off_writes_the_review_lines_and_nothing_else(site_copy):
    page = site_copy / "specialties" / "gambling.md"
    new_draft(site_copy)
    refused = sign_off(site_copy, "specialties/gambling")
    assert refused.returncode == 1
    assert 'still has a "Write here:" prompt on lines 3, ' in refused.stderr
    assert "nothing was changed" in refused.stderr

    page.write_text(
        page.read_text()
        .replace(
            page.read_text().split("\n---\n", 1)[1],
            "\n# Gambling\n\nWhen betting has taken over, you are not alone.\n",
        )
        .replace(
            'description: "Write here: one short sentence for search results, saying who this page '
            'is for and how we help."',
            "description: Help when betting has taken over.",
        )
    )
    before = page.read_text()
    signed = sign_off(site_copy, "specialties/gambling.md", "clinician-a")
    assert signed.returncode == 0, signed.stderr
    after = page.read_text()
    today = dt.date.today()
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == [
        "reviewed_by: clinician-a",
        'signed_by: "Example Clinician A, LCSW (example)"',
        f"last_reviewed: {today.isoformat()}",
        f"next_review: {today.replace(year=today.year + 1).isoformat()}",
        f"review_fingerprint: {text_fingerprint(before)}",
        "example_review: true",
    ]  # practice.yaml holds example details
    assert "recorded as an example review" in signed.stdout
    removed = [line for line in before.splitlines() if line not in after.splitlines()]
    assert removed == ["status: draft"]
    assert text_fingerprint(after) == text_fingerprint(before)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--page", "specialties/adiction", "--reviewer", "clinician-a"),
            "There is no page 'specialties/adiction'. Did you mean 'specialties/addiction'?",
        ),
        (
            ("--page", "specialties/addiction", "--reviewer", "clinican-a"),
            "There is no clinician 'clinican-a' in practice.yaml. Did you mean 'clinician-a'?",
        ),
        (("--page", "specialties/addiction"), "say which page and which clinician read it"),
    ],
)
def test_sign_off_refuses_plainly_and_changes_nothing(site_copy, args, message):
    page = site_copy / "specialties" / "addiction.md"
    before = page.read_text()
    result = subprocess.run(
        [sys.executable, "tools/sign_off.py", *args], cwd=site_copy, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert message in result.stderr
    assert page.read_text() == before


def test_fingerprint_sees_any_word_but_not_line_endings():
    text = "---\nkind: general\ndescription: A page.\n---\n\n# Title\n\nOne line.\n"
    assert text_fingerprint(text) == text_fingerprint(text.replace("\n", "\r\n"))
    assert text_fingerprint(text) == text_fingerprint(text.replace("One line.", "One line.  "))
    assert text_fingerprint(text) == text_fingerprint(
        text.replace("kind: general\n", "kind: general\nreviewed_by: clinician-a\n")
    )
    assert text_fingerprint(text) != text_fingerprint(text.replace("One line", "One lines"))
    assert text_fingerprint(text) != text_fingerprint(text.replace("A page.", "A new page."))


def test_review_report_flags_drafts_and_pages_changed_since_sign_off(site_copy, capsys):
    from practice.checks.review_report import main

    new_draft(site_copy)
    trauma = site_copy / "specialties" / "trauma.md"
    trauma.write_text(trauma.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    main([str(site_copy)])
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines() if line}
    assert "DRAFT: not signed off yet" in rows["specialties/gambling"]
    assert "CHANGED since sign-off" in rows["specialties/trauma"]
    assert rows["specialties/addiction"].endswith("EXAMPLE REVIEW: a real clinician signs it off")
