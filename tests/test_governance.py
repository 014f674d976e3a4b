"""Content governance checks on small test projects (tests/roots/test-*).

Each bad input has its own project; the test builds it and checks that the build
warns (so a strict build fails) with a message naming the file, the line where the
rule is about a line, what is wrong and how to fix it. A good project builds with no
warnings at all.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def build(make_app, rootdir: Path, tmp_path: Path, case: str, **conf):
    """Copy tests/roots/test-<case> and build it; return the app and its warnings."""
    srcdir = tmp_path / case
    shutil.copytree(rootdir / f"test-{case}", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides=conf)
    app.build()
    return app, ANSI.sub("", app._warning.getvalue())


def warning_lines(text: str, subtype: str) -> list[str]:
    return [line for line in text.splitlines() if line.endswith(f"[practice.{subtype}]")]


# -- front matter -----------------------------------------------------------------

METADATA_CASES = [
    ("metadata-none", "topic.md:1", r"this page has no front matter\. Start the file with"),
    ("metadata-missing", "topic.md:1",
     r"the front matter has no 'reviewed_by' \(needed on specialty pages\)\. Expected the id "
     r"of the clinician .* Add a line like: reviewed_by: clinician-a"),
    ("metadata-misspelled", "topic.md:8",
     r"'reviewd_by' is not a front-matter field we know \(did you mean 'reviewed_by'\?\)"),
    ("metadata-kind", "topic.md:2",
     r"'kind' is 'speciality' \(did you mean 'specialty'\?\); expected one of: specialty, "
     r"approach, general\. For example: kind: specialty"),
    ("metadata-audience", "topic.md:4",
     r"'audience' has 'familys', which is not one of clients, families, professionals "
     r"\(did you mean 'families'\?\)\. For example: audience: \[clients, families\]"),
    ("metadata-description", "topic.md:3",
     r"'description' is 1[6-9]\d characters; keep it to 160 or fewer .* for example: description: "),
    ("metadata-date-format", "topic.md:6",
     r"'last_reviewed' is '28/11/2026'; expected the date of the last full review, written "
     r"year-month-day.* For example: last_reviewed: 2026-11-28"),
    ("metadata-review-too-late", "topic.md:7",
     r"'next_review' \(2030-01-15\) is more than 3 years after 'last_reviewed' \(2026-11-28\)\. "
     r"Pick a date on or before 2029-11-28, for example: next_review: 2027-11-28"),
    ("metadata-review-order", "topic.md:7",
     r"'next_review' \(2026-01-15\) must come after 'last_reviewed' \(2026-11-28\)"),
    ("metadata-reviewer", "topic.md:5",
     r"'reviewed_by' is 'clinician-c', but practice.yaml has no clinician with that id "
     r"\(did you mean 'clinician-[ab]'\?\)\. Use one of: clinician-a, clinician-b\."),
    ("metadata-yaml", "topic.md:3",
     r"the front matter \(between the '---' lines\) is not valid YAML: .*put text containing "
     r"a colon in quotes"),
    ("metadata-general-partial", "topic.md:5",
     r"this general page has last_reviewed but not reviewed_by, next_review\. A general page "
     r"carries all three review fields"),
]


@pytest.mark.parametrize(("case", "where", "message"), METADATA_CASES,
                         ids=[case[0] for case in METADATA_CASES])
def test_bad_front_matter_is_reported_with_file_line_and_example(
        make_app, rootdir, tmp_path, case, where, message):
    _, warnings = build(make_app, rootdir, tmp_path, case)
    found = warning_lines(warnings, "metadata")
    assert any(re.search(re.escape(where) + r": WARNING: " + message, line) for line in found), \
        warnings


def test_related_page_that_does_not_exist_names_the_nearest(make_app, rootdir, tmp_path):
    _, warnings = build(make_app, rootdir, tmp_path, "related-unknown")
    (line,) = warning_lines(warnings, "related")
    assert "topic.md:8: WARNING: 'related' names 'approaches/internal-family-system', but " \
           "there is no such page (did you mean 'approaches/internal-family-systems'?)" in line


def test_one_rule_can_be_silenced(make_app, rootdir, tmp_path):
    _, warnings = build(make_app, rootdir, tmp_path, "related-unknown",
                        suppress_warnings=["practice.related"])
    assert warnings == ""


def test_findings_are_reported_again_on_an_incremental_build(make_app, rootdir, tmp_path):
    """A page that failed a strict build keeps failing until it is fixed."""
    app, first = build(make_app, rootdir, tmp_path, "metadata-kind")
    assert warning_lines(first, "metadata")
    again = make_app("html", srcdir=app.srcdir, freshenv=False)
    again.build()
    assert warning_lines(ANSI.sub("", again._warning.getvalue()), "metadata")


# -- reading level ----------------------------------------------------------------

def test_hard_page_for_clients_reports_grade_target_and_hardest_sentences(
        make_app, rootdir, tmp_path):
    _, warnings = build(make_app, rootdir, tmp_path, "reading-level")
    found = warning_lines(warnings, "reading-level")
    assert len(found) == 1, warnings  # not the page for professionals, not the easy page
    (line,) = found
    match = re.search(r"hard\.md: WARNING: this page reads at Flesch-Kincaid grade (\d+\.\d); "
                      r"pages for clients and families must be at grade 8 or below", line)
    assert match and float(match[1]) > 8
    assert line.count("(line ") == 3
    assert "(line 13, grade" in line and "Internalized stigmatization" in line
    assert "(line 15, grade" in line and "(line 17, grade" in line
    assert "We can help" not in line


def test_reading_level_target_is_a_setting(make_app, rootdir, tmp_path):
    _, warnings = build(make_app, rootdir, tmp_path, "reading-level",
                        practice_reading_grade_max=40)
    assert warning_lines(warnings, "reading-level") == []


def test_syllable_counts_are_sensible():
    from practice.reading_level import measure, syllables

    counts = {word: syllables(word) for word in
              ["the", "water", "family", "idea", "recovery", "trauma-informed", "didn't"]}
    assert counts == {"the": 1, "water": 2, "family": 3, "idea": 3, "recovery": 4,
                      "trauma-informed": 4, "didn't": 2}
    easy = measure([("You are not alone. It is hard to ask for help. We are here.", 1)])
    assert easy is not None and easy.grade < 3 and easy.sentences == 3
