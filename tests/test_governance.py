"""Content governance checks on small test projects (tests/testroots.py).

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
from docutils import nodes
from bs4 import BeautifulSoup

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def build(make_app, rootdir: Path, tmp_path: Path, case: str, **conf):
    """Copy the laid-out project test-<case> and build it; return the app and its warnings."""
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
    (
        "metadata-missing",
        "topic.md:1",
        r"this specialty page has not been signed off: it has no reviewed_by\. While it is being "
        r"written, add the line 'status: draft' .* sign it off: make sign-off PAGE=<page> "
        r"REVIEWER=<clinician id>",
    ),
    (
        "metadata-misspelled",
        "topic.md:8",
        r"'reviewd_by' is not a front-matter field we know \(did you mean 'reviewed_by'\?\)",
    ),
    (
        "metadata-kind",
        "topic.md:2",
        r"'kind' is 'speciality' \(did you mean 'specialty'\?\); expected one of: specialty, "
        r"approach, general\. For example: kind: specialty",
    ),
    (
        "metadata-audience",
        "topic.md:4",
        r"'audience' has 'familys', which is not one of clients, families, professionals "
        r"\(did you mean 'families'\?\)\. For example: audience: \[clients, families\]",
    ),
    (
        "metadata-description",
        "topic.md:3",
        r"'description' is 1[6-9]\d characters; keep it to 160 or fewer .* for example: description: ",
    ),
    (
        "metadata-date-format",
        "topic.md:6",
        r"'last_reviewed' is '28/11/2026'; expected the date of the last full review, written "
        r"year-month-day.* For example: last_reviewed: 2026-11-28",
    ),
    (
        "metadata-review-too-late",
        "topic.md:7",
        r"'next_review' \(2030-01-15\) is more than 3 years after 'last_reviewed' \(2026-11-28\)\. "
        r"Pick a date on or before 2029-11-28, for example: next_review: 2027-11-28",
    ),
    (
        "metadata-review-order",
        "topic.md:7",
        r"'next_review' \(2026-01-15\) must come after 'last_reviewed' \(2026-11-28\)",
    ),
    (
        "metadata-reviewer",
        "topic.md:5",
        r"'reviewed_by' is 'clinician-c', but practice.yaml has no clinician with that id "
        r"\(did you mean 'clinician-[ab]'\?\)\. Use one of: clinician-a, clinician-b\.",
    ),
    (
        "metadata-yaml",
        "topic.md:3",
        r"the front matter \(between the '---' lines\) is not valid YAML: .*put text containing "
        r"a colon in quotes",
    ),
    (
        "metadata-general-partial",
        "topic.md:5",
        r"this page has last_reviewed but not reviewed_by, next_review\. The review fields "
        r"\(reviewed_by, last_reviewed, next_review, review_fingerprint\) go together and are "
        r"written when a clinician signs the page off: make sign-off PAGE=<page> "
        r"REVIEWER=<clinician id>",
    ),
]


@pytest.mark.parametrize(
    ("case", "where", "message"), METADATA_CASES, ids=[case[0] for case in METADATA_CASES]
)
def test_bad_front_matter_is_reported_with_file_line_and_example(
    make_app, rootdir, tmp_path, case, where, message
):
    _, warnings = build(make_app, rootdir, tmp_path, case)
    found = warning_lines(warnings, "metadata")
    assert any(re.search(re.escape(where) + r": WARNING: " + message, line) for line in found), warnings


def test_related_page_that_does_not_exist_names_the_nearest(make_app, rootdir, tmp_path):
    _, warnings = build(make_app, rootdir, tmp_path, "related-unknown")
    (line,) = warning_lines(warnings, "related")
    assert (
        "topic.md:8: WARNING: 'related' names 'approaches/internal-family-system', but "
        "there is no such page (did you mean 'approaches/internal-family-systems'?)" in line
    )


def test_one_rule_can_be_silenced(make_app, rootdir, tmp_path):
    _, warnings = build(
        make_app, rootdir, tmp_path, "related-unknown", suppress_warnings=["practice.related"]
    )
    assert warnings == ""


def test_findings_are_reported_again_on_an_incremental_build(make_app, rootdir, tmp_path):
    """A page that failed a strict build keeps failing until it is fixed."""
    app, first = build(make_app, rootdir, tmp_path, "metadata-kind")
    assert warning_lines(first, "metadata")
    again = make_app("html", srcdir=app.srcdir, freshenv=False)
    again.build()
    assert warning_lines(ANSI.sub("", again._warning.getvalue()), "metadata")


# -- reading level ----------------------------------------------------------------


def test_hard_page_for_clients_reports_grade_target_and_hardest_sentences(make_app, rootdir, tmp_path):
    _, warnings = build(make_app, rootdir, tmp_path, "reading-level")
    found = [line for line in warning_lines(warnings, "reading-level") if "this page reads at" in line]
    assert len(found) == 1, warnings  # not the page for professionals, not the easy page
    (line,) = found
    match = re.search(
        r"hard\.md: WARNING: this page reads at Flesch-Kincaid grade (\d+\.\d); "
        r"pages for clients and families must be at grade 8 or below",
        line,
    )
    assert match and float(match[1]) > 8
    assert line.count("(line ") == 3
    assert "(line 13, grade" in line and "Internalized stigmatization" in line
    assert "(line 15, grade" in line and "(line 17, grade" in line
    assert "We can help" not in line


def test_hard_paragraphs_are_reported_with_their_line_and_grade(make_app, rootdir, tmp_path):
    _, warnings = build(make_app, rootdir, tmp_path, "reading-level")
    found = [line for line in warning_lines(warnings, "reading-level") if "this paragraph reads at" in line]
    # hard.md's four short paragraphs (under 30 words each) are graded together, at the
    # longest one; not the page for professionals, not the easy page (nor its citation)
    assert len(found) == 1, warnings
    match = re.search(
        r"hard\.md:(\d+): WARNING: this paragraph reads at Flesch-Kincaid grade "
        r"(\d+\.\d); on pages for clients and families every paragraph must be at "
        r"grade 12 or below.* this grade is for lines 13 to 19\)",
        found[0],
    )
    assert match and match[1] in {"13", "15", "17"} and float(match[2]) > 12, found[0]


def test_reading_level_target_is_a_setting(make_app, rootdir, tmp_path):
    _, warnings = build(
        make_app,
        rootdir,
        tmp_path,
        "reading-level",
        practice_reading_grade_max=40,
        practice_paragraph_grade_max=40,
    )
    assert warning_lines(warnings, "reading-level") == []
    _, warnings = build(
        make_app, rootdir, tmp_path / "paragraphs", "reading-level", practice_reading_grade_max=40
    )
    assert [line for line in warning_lines(warnings, "reading-level") if "this paragraph reads at" in line], (
        warnings
    )


def test_syllable_counts_are_sensible():
    from practice.checks.reading_level import measure, syllables

    counts = {
        word: syllables(word)
        for word in ["the", "water", "family", "idea", "recovery", "trauma-informed", "didn't"]
    }
    assert counts == {
        "the": 1,
        "water": 2,
        "family": 3,
        "idea": 3,
        "recovery": 4,
        "trauma-informed": 4,
        "didn't": 2,
    }
    easy = measure([("You are not alone. It is hard to ask for help. We are here.", 1)])
    assert easy is not None and easy.grade < 3 and easy.sentences == 3


# -- language and claims ----------------------------------------------------------


def test_labels_are_reported_with_line_word_and_better_wording(make_app, rootdir, tmp_path):
    _, warnings = build(make_app, rootdir, tmp_path, "language")
    found = warning_lines(warnings, "language")
    expected = [
        ("described.md:3", "addicts", '"person with an addiction"'),
        ("topic.md:13", "addict", '"person with an addiction"'),
        ("topic.md:15", "stayed clean", '"in recovery"'),
        ("topic.md:16", "dirty test", '"a negative test" or "a positive test"'),
        ("topic.md:18", "substance abuse", '"substance use"'),
    ]
    for where, word, suggestion in expected:
        assert any(
            f'{where}: WARNING: "{word}" is wording that labels people' in line and suggestion in line
            for line in found
        ), (where, warnings)
    # Quoted with {called}, and SAMHSA's name (lines 20 and 22), are allowed.
    assert len(found) == len(expected), warnings


def test_called_role_renders_the_word_in_quotes(make_app, rootdir, tmp_path):
    app, _ = build(make_app, rootdir, tmp_path, "language")
    soup = BeautifulSoup((app.outdir / "topic.html").read_text(), "html.parser")
    assert [span.get_text() for span in soup.select("span.called")] == ["“addict”", "“junkie”"]


def test_claims_are_reported_but_honest_denials_are_not(make_app, rootdir, tmp_path):
    _, warnings = build(make_app, rootdir, tmp_path, "claims")
    found = warning_lines(warnings, "claims")
    assert any('topic.md:13: WARNING: "cure" promises a cure.' in line for line in found)
    assert any('topic.md:13: WARNING: "guaranteed" promises a guaranteed result' in line for line in found)
    assert any(
        'topic.md:15: WARNING: "IFS is an evidence-based" calls IFS evidence-based' in line for line in found
    )
    assert len(found) == 3, warnings  # "there is no cure", "IFS is not yet ..." are fine


# One example per rule of each language's table, in the table's order: the rule must
# find it (a rule whose trigger words miss its own matches would be skipped silently).
LABEL_EXAMPLES = [
    "She is a former addict.",
    "He was called an Addict.",
    "No junkies here.",
    "Drug users are people.",
    "Two alcoholics met.",
    "Not a drunk.",
    "Years of substance abuse.",
    "A dirty urine screen.",
    "You are clean now.",
    "His drug habit grew.",
    "It is not a vice.",
    "Replacement therapy works.",
]
CLAIM_EXAMPLES = [
    "IFS is an evidence-based treatment.",
    "We cure you.",
    "We guarantee it.",
    "Results 100% of the time.",
    "It is clinically proven.",
    "A miracle awaits.",
]


SPANISH_LABEL_EXAMPLES = [
    "Muchos drogadictos piden ayuda.",
    "Le dijeron adicto.",
    "Es alcohólico desde joven.",
    "Hablamos del abuso de sustancias.",
    "La prueba salió sucia.",
    "Lleva dos años limpio.",
    "Dejar el vicio.",
]
SPANISH_CLAIM_EXAMPLES = [
    "IFS es una terapia basada en la evidencia.",
    "Le curamos la adicción.",
    "Resultados garantizados.",
    "Funciona el 100 % de las veces.",
    "Está científicamente probado.",
    "Es un milagro.",
]
RULE_EXAMPLES = {
    "en": {"labels": LABEL_EXAMPLES, "claims": CLAIM_EXAMPLES},
    "es": {"labels": SPANISH_LABEL_EXAMPLES, "claims": SPANISH_CLAIM_EXAMPLES},
}


@pytest.mark.parametrize("code", ["en", "es"])
def test_every_rule_of_each_language_finds_its_example(code):
    from practice.languages.tables import TABLES

    assert sorted(RULE_EXAMPLES) == sorted(TABLES), "each language table needs its examples here"
    table = TABLES[code]
    for kind in ("labels", "claims"):
        rules, examples = getattr(table, kind), RULE_EXAMPLES[code][kind]
        assert len(examples) == len(rules.rules), f"{code} {kind}: one example per rule, in order"
        for rule, sentence in zip(rules.rules, examples, strict=True):
            found = [found_rule for found_rule, *_rest in rules.find([(sentence, 1)])]
            assert found == [rule], f"{code} {kind}: {sentence!r} should be found by {rule.pattern!r}"


def test_the_english_checks_report_a_label_and_a_claim():
    from practice.checks import claims, person_first

    assert len(person_first.problems([("She is a former addict.", 1)])) == 1
    assert len(claims.problems([("We cure you.", 1)])) == 1
    assert claims.problems([("There is no cure, but there is help.", 1)]) == []


# -- overdue reviews --------------------------------------------------------------


def test_overdue_review_fails_by_default(make_app, rootdir, tmp_path):
    _, warnings = build(make_app, rootdir, tmp_path, "review-overdue")
    (line,) = warning_lines(warnings, "review-overdue")
    assert "topic.md:7: WARNING: this page was due for review on 2024-01-10 (1053 days ago)" in line
    assert 'practice_overdue_reviews = "publish"' in line


def test_overdue_review_can_publish_with_a_notice_even_with_W(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "review-overdue"
    shutil.copytree(rootdir / "test-review-overdue", srcdir)
    app = make_app(
        "html",
        srcdir=srcdir,
        freshenv=True,
        warningiserror=True,
        confoverrides={"practice_overdue_reviews": "publish"},
    )
    app.build()  # with -W, any warning would raise here
    assert app.statuscode == 0
    status = ANSI.sub("", app._status.getvalue())
    assert re.search(r"REVIEW OVERDUE: .*topic\.md: next review was due on 2024-01-10", status)
    assert app._warning.getvalue() == ""


def test_unknown_overdue_setting_is_a_warning_naming_the_setting(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "review-overdue"
    shutil.copytree(rootdir / "test-review-overdue", srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides={"practice_overdue_reviews": "warn"})
    assert re.search(
        r"The config value `practice_overdue_reviews` has to be a one of .*"
        r"'fail'.*, but `warn` is given",
        app.warning.getvalue(),
    )


# -- a good project: no warnings, and what the pages show -------------------------


@pytest.mark.sphinx("html", testroot="governance", freshenv=True)
def test_good_pages_build_without_warnings(app, warning):
    app.build()
    assert ANSI.sub("", warning.getvalue()) == ""


@pytest.fixture
def governance(make_app, rootdir, tmp_path):
    app, warnings = build(
        make_app, rootdir, tmp_path, "governance", html_baseurl="https://therapy.example.org/"
    )
    assert warnings == ""
    return lambda name: BeautifulSoup((app.outdir / name).read_text(), "html.parser")


def test_review_footer_names_reviewer_and_dates(governance):
    footer = governance("specialties/addiction.html").select_one(".review-footer")
    assert footer.get_text(" ", strip=True) == (
        "Reviewed by Alex Example , LCSW Page last reviewed: 28 November 2026 "
        "Next review due: 28 November 2027"
    )
    assert footer.a["href"] == "../about.html#clinician-clinician-a"
    assert governance("about.html").select_one("#clinician-clinician-a")
    # A general page with the review fields has a footer; one without has none.
    assert governance("get-help.html").select_one(".review-footer")
    assert governance("index.html").select_one(".review-footer") is None


def related_titles(soup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select("#related-topics .related-card a")]


def test_related_topics_work_both_ways(governance):
    # addiction lists IFS; IFS lists addiction back; IFS's link to trauma is a backlink.
    assert related_titles(governance("specialties/addiction.html")) == ["Internal Family Systems"]
    assert related_titles(governance("approaches/internal-family-systems.html")) == ["Addiction"]
    assert related_titles(governance("specialties/trauma.html")) == ["Internal Family Systems"]
    card = governance("specialties/addiction.html").select_one(".related-card")
    assert card.a["href"] == "../approaches/internal-family-systems.html"
    assert "How IFS sees the mind as parts and a calm Self." in card.get_text()
    assert (
        governance("specialties/addiction.html")
        .select_one("#related-topics h2")
        .get_text(strip=True)
        .startswith("Related topics")
    )


def json_ld(soup) -> dict:
    (tag,) = soup.select('script[type="application/ld+json"]')
    return json.loads(tag.string)


def test_json_ld_matches_the_footer(governance):
    soup = governance("specialties/addiction.html")
    data = json_ld(soup)
    assert data["@type"] == "MedicalWebPage"
    assert data["lastReviewed"] == "2026-11-28"
    assert data["reviewedBy"] == {
        "@type": "Person",
        "name": "Alex Example",
        "jobTitle": "Therapist and clinical director",
        "hasCredential": {"@type": "EducationalOccupationalCredential", "name": "LCSW"},
        "url": "https://therapy.example.org/about.html#clinician-clinician-a",
    }
    assert data["url"] == "https://therapy.example.org/specialties/addiction.html"
    assert data["description"] == "Kind help for addiction & the pain under it, without force."
    assert data["about"] == {"@type": "MedicalCondition", "name": "Addiction"}
    assert data["medicalAudience"] == [{"@type": "MedicalAudience", "audienceType": "Patient"}]
    (meta,) = soup.select('meta[name="description"]')
    assert meta["content"] == data["description"]
    assert "Physician" not in json.dumps(data)


def test_home_page_describes_the_practice(governance):
    graph = json_ld(governance("index.html"))["@graph"]
    clinic = next(item for item in graph if item["@type"] == "MedicalClinic")
    assert clinic["name"] == "Test Practice"
    assert clinic["telephone"] == "+15555550100"
    page = next(item for item in graph if item["@type"] == "WebPage")
    assert page["description"] == "A short and kind welcome to the test practice."


# -- make review-report -----------------------------------------------------------


def test_review_report_flags_overdue_and_due_soon(rootdir, capsys):
    from practice.checks.review_report import main

    main([str(rootdir / "test-governance"), "--today", "2027-10-15"])
    report = capsys.readouterr().out
    row = next(line for line in report.splitlines() if line.startswith("specialties/addiction"))
    assert re.search(
        r"Alex Example, LCSW\s+28 November 2026\s+28 November 2027\s+"
        r"DUE SOON: in 44 days",
        row,
    )
    pages = [line.split()[0] for line in report.splitlines() if "November" in line]
    assert sorted(pages) == [
        "approaches/internal-family-systems",
        "get-help",
        "specialties/addiction",
        "specialties/trauma",
    ]  # not unreviewed pages
    main([str(rootdir / "test-review-overdue"), "--today", "2026-11-28"])
    assert "OVERDUE by 1053 days" in capsys.readouterr().out


def test_cards_follow_a_changed_description_on_an_incremental_build(make_app, rootdir, tmp_path):
    app, _ = build(make_app, rootdir, tmp_path, "governance")
    ifs = app.srcdir / "approaches" / "internal-family-systems.md"
    ifs.write_text(
        ifs.read_text().replace(
            "How IFS sees the mind as parts and a calm Self.", "A new sentence about IFS."
        )
    )
    again = make_app("html", srcdir=app.srcdir, freshenv=False)
    again.build()
    card = BeautifulSoup(
        (again.outdir / "specialties" / "addiction.html").read_text(), "html.parser"
    ).select_one(".related-card")
    assert "A new sentence about IFS." in card.get_text()


def test_each_pages_crisis_block_is_its_own(make_app, rootdir, tmp_path):
    """The crisis block is parsed once and copied: each copy names its own page, so a
    message about it points at the page that has it."""
    srcdir = tmp_path / "governance"
    shutil.copytree(rootdir / "test-governance", srcdir)
    trauma = srcdir / "specialties" / "trauma.md"
    trauma.write_text(trauma.read_text() + "\n## If you need help now\n\n```{crisis-lines}\n```\n")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    for docname in ("specialties/addiction", "specialties/trauma"):
        block = next(
            node
            for node in app.env.get_doctree(docname).findall(nodes.container)
            if "crisis-lines" in node["classes"]
        )
        sources = {node.source for node in block.findall(nodes.paragraph)}
        assert sources == {str(srcdir / f"{docname}.md")}, (docname, sources)
