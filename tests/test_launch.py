"""Going live: the example repository cannot be published as it is, and a practice can
make it its own (README, "Going live").

- A sign-off belongs to a person: renamed clinicians' pages and example reviews fail
  the production build, in English and Spanish, until the clinician signs them off.
- Production refuses example details, naming practice.yaml and each line; previews show
  the example notice at the top of every page.
- `make setup` (from an answers file, or asking), `make sign-off-translation` and
  `make launch-check`, with their refusals.
- A whole launch: a copy of the site, setup, sign-offs, then production passes in both
  languages and no page shows an example value.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from browser import site_page_paths
from conftest import ROOT, SPANISH, build_site, build_spanish
from launch import ANSWERS, launch, own_github_names, reviewed_pages, run_tool, sign_off_all

PRODUCTION = ("-D", "practice_build_for=production")
EXAMPLE_TEXT = re.compile(r"\(example\)|\(ejemplo\)|Example |555-01|example\.com|example\.org")


def production(site: Path, out: Path, builder: str = "html") -> tuple[subprocess.CompletedProcess, ...]:
    english = build_site(out, *PRODUCTION, "-b", builder, source=site)
    spanish = build_spanish(
        out / SPANISH, *PRODUCTION, "-b", builder, "-d", str(out / ".doctrees-es"), source=site
    )
    return english, spanish


def set_clinician(site: Path, old_name: str, name: str, credentials: str, example: bool) -> None:
    path = site / "practice.yaml"
    text = path.read_text(encoding="utf-8").replace(f"name: {old_name}", f"name: {name}")
    text = re.sub(rf"(name: {name}\n    credentials: )[^\n]+", rf"\g<1>{credentials}", text)
    if not example:
        text = text.replace("\nexample: true", "\nexample: false")
    path.write_text(text, encoding="utf-8")


# -- a sign-off belongs to a person ---------------------------------------------------------


def test_a_real_name_typed_over_an_example_clinician_claims_no_review(site_copy, tmp_path):
    """The issue's probe: a real name and credentials for clinician-a, example: false."""
    signed_by_a = [page for page, who in reviewed_pages(site_copy).items() if who == "clinician-a"]
    assert len(signed_by_a) >= 10
    set_clinician(site_copy, "Example Clinician A", "Dana Real", "LCSW", example=False)
    english, spanish = production(site_copy, tmp_path / "out", "dummy")
    assert english.returncode != 0 and spanish.returncode != 0
    for page in signed_by_a:
        assert re.search(
            rf"{re.escape(page)}\.md:\d+: WARNING: this page was signed off on .* by "
            r"'Example Clinician A, LCSW \(example\)', but practice.yaml now names its "
            r"reviewer \(clinician-a\) 'Dana Real, LCSW'\. .*Dana Real reads the page",
            english.stderr,
        ), page
    for page in ("specialties/addiction", "get-help", "staying-safer", "what-to-expect"):
        assert re.search(rf"{re.escape(page)}\.md:\d+: WARNING: this page was signed off", spanish.stderr), (
            page
        )
    # The practice's other details are still examples: production names each line.
    assert re.search(r"practice\.yaml:\d+: WARNING: 'phone' is still an example", english.stderr)

    # A preview does not say Dana reviewed anything.
    preview = build_site(tmp_path / "preview", source=site_copy)
    assert preview.returncode == 0, preview.stderr
    html = (tmp_path / "preview" / "specialties" / "addiction.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".review-footer") is None and "reviewedBy" not in html
    assert (
        "Signed off by Example Clinician A, LCSW (example), not by Dana Real"
        in soup.select_one(".not-ready").get_text()
    )


def test_pages_are_refused_until_the_renamed_clinician_signs_them_off(site_copy, tmp_path):
    """Launched, but clinician-a has not signed yet: production names each of their pages;
    after make sign-off by clinician-a it passes in both languages."""
    launch(site_copy, sign_offs_by={"clinician-b"})
    signed_by_a = [page for page, who in reviewed_pages(site_copy).items() if who == "clinician-a"]
    english, spanish = production(site_copy, tmp_path / "before", "dummy")
    assert english.returncode != 0 and spanish.returncode != 0
    for page in signed_by_a:
        assert f"{page}.md" in english.stderr, page
    assert "make sign-off PAGE=specialties/addiction REVIEWER=clinician-a" in english.stderr
    assert "[practice.example-details]" not in english.stderr  # the details are real now

    sign_off_all(site_copy, by={"clinician-a"})
    english, spanish = production(site_copy, tmp_path / "after", "dummy")
    assert english.returncode == 0, english.stderr
    assert spanish.returncode == 0, spanish.stderr


def test_a_translation_signed_as_an_example_fails_the_spanish_production_build(launched_copy, tmp_path):
    listing = launched_copy / "locales" / "es" / "translations.yaml"
    text = listing.read_text(encoding="utf-8")
    listing.write_text(
        text.replace('signed_by: "Sam Lee, LPC"', 'signed_by: "Example Clinician B, LPC (example)"', 1)
    )
    line = next(
        number
        for number, row in enumerate(listing.read_text().splitlines(), start=1)
        if "Example Clinician B" in row
    )
    spanish = build_spanish(tmp_path / "es", *PRODUCTION, "-b", "dummy", source=launched_copy)
    assert spanish.returncode != 0
    assert re.search(
        rf"translations\.yaml:{line}: WARNING: the translation of index was signed off by "
        r"'Example Clinician B, LPC \(example\)', but practice.yaml now names its reviewer "
        r"\(clinician-b\) 'Sam Lee, LPC'.*make sign-off-translation PAGE=index "
        r"REVIEWER=clinician-b",
        spanish.stderr,
    ), spanish.stderr


def test_sign_off_translation_writes_its_lines_and_refuses_plainly(site_copy):
    listing = site_copy / "locales" / "es" / "translations.yaml"
    before = listing.read_text(encoding="utf-8")
    done = run_tool(
        site_copy,
        "sign_off.py",
        "--language",
        "es",
        "--page",
        "contact",
        "--reviewer",
        "clinician-a",
        "--today",
        "2026-12-05",
    )
    assert done.returncode == 0, done.stderr
    entry = yaml.safe_load(listing.read_text(encoding="utf-8"))["contact"]
    assert entry["reviewed_by"] == "clinician-a"
    assert entry["signed_by"] == "Example Clinician A, LCSW (example)"
    assert str(entry["last_reviewed"]) == "2026-12-05" and entry["example_review"] is True
    assert entry["description"].startswith("Cómo pedir una primera llamada")
    changed = [row for row in listing.read_text().splitlines() if row not in before.splitlines()]
    assert changed == [
        "  reviewed_by: clinician-a",
        '  signed_by: "Example Clinician A, LCSW (example)"',
        "  last_reviewed: 2026-12-05",
    ]  # the other lines were already there

    listing.write_text(before)
    for args, message in [
        (
            ("--page", "about", "--reviewer", "clinician-a"),
            "about is not listed in locales/es/translations.yaml",
        ),
        (("--page", "contact", "--reviewer", "clinican-a"), "Did you mean 'clinician-a'?"),
    ]:
        refused = run_tool(site_copy, "sign_off.py", "--language", "es", *args)
        assert refused.returncode == 1 and message in refused.stderr, refused.stderr
        assert "nothing was changed" in refused.stderr
    catalogue = site_copy / "locales" / "es" / "LC_MESSAGES" / "contact.po"
    catalogue.write_text(catalogue.read_text().replace('msgstr "Contáctenos"', 'msgstr ""', 1))
    refused = run_tool(
        site_copy, "sign_off.py", "--language", "es", "--page", "contact", "--reviewer", "clinician-a"
    )
    assert refused.returncode == 1 and "1 entry not translated yet" in refused.stderr, refused.stderr
    assert listing.read_text() == before


# -- production refuses example details -------------------------------------------------------


def test_production_of_this_repository_fails_naming_each_example_line(tmp_path):
    english, spanish = production(ROOT, tmp_path / "out", "dummy")
    assert english.returncode != 0 and spanish.returncode != 0
    lines = (ROOT / "practice.yaml").read_text(encoding="utf-8").splitlines()
    for key in ("example", "name", "phone", "email", "booking_url", "fees.session"):
        name = key.rsplit(".", 1)[-1]
        number = next(i for i, row in enumerate(lines, start=1) if row.strip().startswith(f"{name}:"))
        assert f"practice.yaml:{number}: WARNING: " in english.stderr, key
    assert "practice.yaml says 'example: true'" in english.stderr
    assert "'es.fees.session' is still an example (it is marked '(ejemplo)')" in spanish.stderr
    assert "[practice.example-details]" in english.stderr


def test_a_preview_shows_the_example_notice_at_the_top_of_every_page(site):
    pages = site_page_paths(site)
    assert len(pages) > 25
    for path in pages:
        html = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        notice = soup.select_one("article .example-notice")
        assert notice is not None, path
        # Above the page's own words: before its title.
        assert "<h1" not in html or html.index('class="example-notice"') < html.index("<h1"), path
        spanish = path.relative_to(site).parts[0] == SPANISH
        assert ("todavía no son reales" if spanish else "not real yet") in notice.get_text(), path


# -- make setup ------------------------------------------------------------------------------


def test_setup_from_answers_keeps_comments_and_builds(site_copy, tmp_path):
    before = (site_copy / "practice.yaml").read_text(encoding="utf-8")
    done = run_tool(site_copy, "setup.py", "--answers", str(ANSWERS))
    assert done.returncode == 0, done.stderr
    after = (site_copy / "practice.yaml").read_text(encoding="utf-8")
    comments = [row for row in before.splitlines() if row.lstrip().startswith("#")]
    assert comments and all(row in after.splitlines() for row in comments)
    data = yaml.safe_load(after)
    assert data["example"] is False and data["phone_link"] == "+15031550142"
    assert data["clinicians"][0] == {
        "id": "clinician-a",
        "name": "Dana Rivera",
        "credentials": "LCSW",
        "role": "Therapist and clinical director",
        "about": "Dana trained in Internal Family Systems and has worked with people with "
        "addiction for twelve years.",
    }
    keys = [row.split(":")[0] for row in after.splitlines() if re.match(r"^\w", row)]
    assert keys == [row.split(":")[0] for row in before.splitlines() if re.match(r"^\w", row)]
    built = build_site(tmp_path / "out", "-b", "dummy", source=site_copy)
    assert built.returncode == 0, built.stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("phone: (503) 155-0142", "phone: 155-0142"),
            "'phone' is '155-0142', which is not a US phone number",
        ),
        (
            ("email: hello@riverside-counseling.test", "email: hello at riverside"),
            "'email' is 'hello at riverside', which is not an email address",
        ),
        (
            ("booking_url: https://", "bookng_url: https://"),
            "'bookng_url' is not a detail setup asks for (did you mean 'booking_url'?)",
        ),
        (
            ("name: Riverside Counseling", "name: Riverside Counseling\nphone_link: '+15031550142'"),
            "'phone_link' is not asked: the \"tap to call\" form is worked out from 'phone'",
        ),
        (
            ("  sees_minors: false", "  sees_minors: sometimes"),
            "'services.sees_minors' is 'sometimes'; answer yes or no.",
        ),
        (
            ("    name: Sam Lee", "    name: Sam Lee\n    pronouns: they"),
            "'pronouns' is not something setup records for a clinician",
        ),
        (
            ("    name: Sam Lee", "    name: Sam Lee\n    github: '@sam-lee'"),
            "Sam Lee: github '@sam-lee' is not a GitHub username",
        ),
        (
            (
                "    name: Sam Lee",
                "    name: Sam Lee\n    github: Dana-R\n  - id: clinician-a\n    github: dana-r",
            ),
            "github 'Dana-R' is also the GitHub username of 'clinician-a' (capitals do not count)",
        ),
    ],
)
def test_setup_refuses_a_bad_answer_from_a_file_and_changes_nothing(site_copy, tmp_path, change, message):
    answers = tmp_path / "answers.yaml"
    text = ANSWERS.read_text(encoding="utf-8")
    assert change[0] in text
    answers.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    before = (site_copy / "practice.yaml").read_text(encoding="utf-8")
    done = run_tool(site_copy, "setup.py", "--answers", str(answers))
    assert done.returncode == 1
    assert "setup: nothing was changed." in done.stderr and message in done.stderr, done.stderr
    assert (site_copy / "practice.yaml").read_text(encoding="utf-8") == before


def test_setup_asks_again_with_the_reason_and_shows_current_values(site_copy):
    data = yaml.safe_load((site_copy / "practice.yaml").read_text(encoding="utf-8"))
    english = [
        "Riverside Counseling",
        "",
        "555-0199",
        "(503) 155-0142",
        "not-an-email",
        "hello@riverside-counseling.test",
    ]
    answers = english + [""] * 200  # Enter keeps every other value
    done = run_tool(site_copy, "setup.py", stdin="\n".join(answers) + "\n")
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert f"[{data['name']}]" in out and f"[{data['tagline']}]" in out  # current values shown
    assert "'phone' is '555-0199', which is not a US phone number" in out
    assert "'email' is 'not-an-email', which is not an email address" in out
    saved = yaml.safe_load((site_copy / "practice.yaml").read_text(encoding="utf-8"))
    assert saved["name"] == "Riverside Counseling" and saved["phone_link"] == "+15031550142"
    assert saved["example"] is True  # other details are still examples
    assert "detail(s) are still examples" in out and "practice.yaml:" in out


def test_setup_asks_each_clinician_for_their_github_username_and_checks_it(site_copy):
    """Optional (Enter leaves it out); a username GitHub would not allow is asked again;
    the line goes under the clinician's id."""
    sys.path.insert(0, str(ROOT / "tools"))
    import setup  # run on the copy (its root), as make setup runs on the site

    said: list[str] = []
    github_answers = iter(["@dana-rivera", "dana-rivera", ""])  # A: bad, then good; B: Enter

    def read(prompt: str) -> str:
        said.append(prompt)
        return next(github_answers) if prompt.startswith(setup.GITHUB_QUESTION) else ""

    setup.setup(site_copy, None, setup.Asker(read=read, write=said.append))
    assert sum(prompt.startswith(setup.GITHUB_QUESTION) for prompt in said) == 3
    assert any("github '@dana-rivera' is not a GitHub username" in line for line in said)
    text = (site_copy / "practice.yaml").read_text(encoding="utf-8")
    assert "  - id: clinician-a\n    github: dana-rivera\n    name: Example Clinician A\n" in text
    clinicians = yaml.safe_load(text)["clinicians"]
    assert "github" not in clinicians[1]  # Enter, and none before: no line


# -- make launch-check ---------------------------------------------------------------------


def launch_check(site: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "tools/launch_check.py"],
        cwd=site,
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_ACTIONS": "", **env},
    )


def test_launch_check_lists_what_is_left_on_this_repository():
    done = launch_check(ROOT)
    assert done.returncode == 1
    out = done.stdout
    assert re.search(r"practice\.yaml:\d+: example: true", out)
    assert re.search(r"practice\.yaml:\d+: phone is still an example", out)
    assert re.search(r"practice\.yaml:\d+: privacy\.notice_url is empty", out)
    assert re.search(r"specialties/addiction\.md:\d+: specialties/addiction has only an example review", out)
    assert re.search(
        r"locales/es/translations\.yaml:\d+: The es translation of index has only an example review", out
    )
    assert re.search(r"\.github/CODEOWNERS:\d+: still names @example-practice", out)
    assert re.search(r"\.github/workflows/preview\.yml:\d+: project-slug is still example-practice", out)
    assert "[ ] Read the Docs, Settings > Addons: all switched off" in out
    annotated = launch_check(ROOT, GITHUB_ACTIONS="true")
    assert re.search(r"^::error file=practice\.yaml,line=\d+,title=Launch check::", annotated.stdout, re.M)


def test_launch_check_passes_on_a_launched_copy(launched_copy):
    done = launch_check(launched_copy)
    assert done.returncode == 0, done.stdout
    assert "Nothing left that a command can check" in done.stdout
    assert "[ ] GitHub: main is protected" in done.stdout  # the steps by hand are still listed


# -- a whole launch ----------------------------------------------------------------------------


def test_a_launched_copy_builds_for_production_in_both_languages_with_no_example_left(
    launched_copy, tmp_path
):
    out = tmp_path / "out"
    english, spanish = production(launched_copy, out)
    assert english.returncode == 0, english.stderr
    assert spanish.returncode == 0, spanish.stderr
    assert "WARNING" not in english.stderr + spanish.stderr
    pages = site_page_paths(out)
    assert len(pages) > 25 and any(SPANISH in p.parts for p in pages)
    for path in pages:
        text = path.read_text(encoding="utf-8")
        found = EXAMPLE_TEXT.search(text)
        assert found is None, f"{path.relative_to(out)}: {text[found.start() - 60 : found.end() + 20]!r}"
        assert "example-notice" not in text
    addiction = BeautifulSoup((out / "specialties" / "addiction.html").read_text(), "html.parser")
    assert "Reviewed by Dana Rivera, LCSW" in addiction.select_one(".review-footer").get_text()
    spanish_page = BeautifulSoup(
        (out / SPANISH / "specialties" / "addiction.html").read_text(), "html.parser"
    )
    assert "Sam Lee" in spanish_page.select_one(".review-footer-translation").get_text()


def test_the_workflow_says_why_it_skips_production_on_the_example(tmp_path, launched_copy):
    """checks.yml's production step: a notice on the example, make production once launched."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "checks.yml").read_text())
    step = next(
        s
        for job in workflow["jobs"].values()
        for s in job["steps"]
        if s.get("name", "").startswith("Production build")
    )
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "make").write_text('#!/bin/sh\necho "make $*"\n')
    (fake / "make").chmod(0o755)
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}"}
    for site, expected in (
        (ROOT, "::notice title=Production build not run::practice.yaml still holds example details"),
        (launched_copy, "make production"),
    ):
        venv = site / ".venv"
        if not venv.exists():
            venv.symlink_to(Path(sys.executable).parent.parent)
        done = subprocess.run(
            ["bash", "-e", "-c", step["run"]], cwd=site, capture_output=True, text=True, env=env
        )
        assert done.returncode == 0, done.stderr
        assert expected in done.stdout, done.stdout


def test_own_github_names_is_all_launch_check_wants_of_github(site_copy):
    own_github_names(site_copy)
    out = launch_check(site_copy).stdout
    assert "CODEOWNERS" not in out and "preview.yml" not in out
