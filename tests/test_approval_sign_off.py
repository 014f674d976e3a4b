"""Sign-off by approval (tools/approval_sign_off.py, run by
.github/workflows/sign-off-on-approval.yml): a listed clinician's approval of a pull
request writes exactly what `make sign-off` writes for them; anyone else's writes nothing.

Each test works on a copy of the site made a git repository: ``main`` with the base
practice.yaml (clinician-a's GitHub username is ``dana-rivera``), and a pull request's
branch with its changes, so the script finds the changed files with ``git diff
main...HEAD`` and the clinicians with ``git show main:practice.yaml``, as in the
workflow. It is given the events of tests/data/github-events/, GitHub's
``pull_request_review`` payloads in GitHub's shape, trimmed to the parts that identify
the review, the pull request and the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

EVENTS = Path(__file__).resolve().parent / "data" / "github-events"
SCRIPT = ROOT / "tools" / "approval_sign_off.py"
TODAY = "2026-12-08"
PAGE = "specialties/addiction"
CATALOGUE = f"locales/es/LC_MESSAGES/{PAGE}.po"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]


def git(site: Path, *args: str) -> str:
    done = subprocess.run([*GIT, *args], cwd=site, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def give_github(site: Path, cid: str, login: str) -> None:
    edit(site / "practice.yaml", f"  - id: {cid}\n", f"  - id: {cid}\n    github: {login}\n")


def change_page(site: Path) -> None:
    """A change to the addiction page's words and to its Spanish catalogue."""
    edit(site / f"{PAGE}.md", "Maybe you have tried to stop.", "Maybe you have tried to stop before.")
    with (site / CATALOGUE).open("a", encoding="utf-8") as file:
        file.write("\n")


def pull_request(site: Path, change=change_page) -> Path:
    """``site`` as a git repository: main (clinician-a is dana-rivera on GitHub), and the
    pull request's branch, checked out, with ``change`` committed."""
    give_github(site, "clinician-a", "dana-rivera")
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "The base branch")
    git(site, "checkout", "-q", "-b", "addiction-first-paragraph")
    change(site)
    git(site, "commit", "-q", "-a", "-m", "The pull request")
    return site


@pytest.fixture
def pr_site(site_copy) -> Path:
    return pull_request(site_copy)


def approve(site: Path, event: str, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run the script as the workflow does: the tools of one tree on the pull request's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env["GITHUB_STEP_SUMMARY"] = str(tmp_path / "summary.md")
    return subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            str(EVENTS / event),
            "--root",
            str(site),
            "--base",
            "main",
            "--today",
            TODAY,
            "--message-file",
            str(tmp_path / "message.txt"),
            *extra,
        ],
        capture_output=True,
        text=True,
        env=env,
    )


def files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and ".git" not in path.relative_to(site).parts
    }


def unchanged(site: Path) -> bool:
    return git(site, "status", "--porcelain") == ""


def make_sign_off(site: Path, page: str, reviewer: str, *language: str) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "tools/sign_off.py",
            *language,
            "--page",
            page,
            "--reviewer",
            reviewer,
            "--today",
            TODAY,
        ],
        cwd=site,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("event", ["approved-by-clinician.json", "approved-by-clinician-other-capitals.json"])
def test_a_listed_clinicians_approval_writes_what_make_sign_off_writes(pr_site, tmp_path, event):
    by_hand = tmp_path / "by-hand"
    shutil.copytree(pr_site, by_hand, ignore=shutil.ignore_patterns(".git"))
    make_sign_off(by_hand, PAGE, "clinician-a")
    make_sign_off(by_hand, PAGE, "clinician-a", "--language", "es")

    done = approve(pr_site, event, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert files(pr_site) == files(by_hand)  # byte for byte, every file
    changed = git(pr_site, "status", "--porcelain").split("\n")
    assert sorted(line[3:] for line in changed if line) == ["locales/es/translations.yaml", f"{PAGE}.md"]
    assert "last_reviewed: 2026-12-08" in (pr_site / f"{PAGE}.md").read_text(encoding="utf-8")

    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary == done.stdout
    assert (
        "**Example Clinician A, LCSW (example)**" in summary and "`clinician-a` in practice.yaml" in summary
    )
    assert "Signed off in their name (2):" in summary
    assert f"- {PAGE}.md: reviewed by Example Clinician A, LCSW (example) on 8 December 2026" in summary
    assert "- the es translation of specialties/addiction in locales/es/translations.yaml" in summary
    message = (tmp_path / "message.txt").read_text(encoding="utf-8")
    assert message.startswith("Sign-off by approval: Example Clinician A, LCSW (example)\n")
    assert "approved pull request #42 at 6f1c0de5a1b2" in message
    assert f"- {PAGE}.md\n- the es translation of {PAGE}\n" in message


def test_a_second_approval_the_same_day_finds_nothing_new_to_sign(pr_site, tmp_path):
    """As when branch protection dismisses the approval after the sign-off commit, and the
    clinician approves again: the same lines, so nothing to commit."""
    assert approve(pr_site, "approved-by-clinician.json", tmp_path).returncode == 0
    git(pr_site, "commit", "-q", "-a", "-m", "Sign-off by approval")
    (tmp_path / "message.txt").unlink()
    again = approve(pr_site, "approved-by-clinician.json", tmp_path)
    assert again.returncode == 0, again.stderr
    assert unchanged(pr_site)
    assert "Already signed off by them today, as it is now (2):" in again.stdout
    assert "Nothing was signed." in again.stdout and not (tmp_path / "message.txt").exists()


def test_anyone_elses_approval_writes_nothing_and_says_so(pr_site, tmp_path):
    before = files(pr_site)
    done = approve(pr_site, "approved-by-someone-else.json", tmp_path)
    assert done.returncode == 0, done.stderr
    assert unchanged(pr_site) and files(pr_site) == before
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "`web-team-alex` is not a clinician listed in practice.yaml: nothing was signed." in summary
    assert not (tmp_path / "message.txt").exists()


@pytest.mark.parametrize(
    ("event", "said"),
    [
        ("commented-by-clinician.json", "The review by `dana-rivera` is 'commented', not an approval"),
        ("changes-requested-by-clinician.json", "is 'changes requested', not an approval"),
    ],
)
def test_a_review_that_is_not_an_approval_writes_nothing(pr_site, tmp_path, event, said):
    done = approve(pr_site, event, tmp_path)
    assert done.returncode == 0, done.stderr
    assert unchanged(pr_site)
    assert said in done.stdout and "nothing was signed" in done.stdout


def test_a_pull_request_cannot_make_its_own_clinician(site_copy, tmp_path):
    """The clinicians come from the base branch: a pull request that gives someone's
    GitHub username to a clinician in its own practice.yaml signs nothing for them."""

    def change(site: Path) -> None:
        change_page(site)
        give_github(site, "clinician-b", "web-team-alex")

    site = pull_request(site_copy, change)
    done = approve(site, "approved-by-someone-else.json", tmp_path)
    assert done.returncode == 0, done.stderr
    assert unchanged(site)
    assert "`web-team-alex` is not a clinician listed in practice.yaml" in done.stdout


def test_a_page_make_sign_off_refuses_is_left_with_the_reason(site_copy, tmp_path):
    """A page with a "Write here:" prompt left is not signed (make sign-off refuses it);
    the other changed pages are."""

    def change(site: Path) -> None:
        change_page(site)
        edit(site / "specialties/trauma.md", "\n## ", "\nWrite here: one more thing.\n\n## ")

    site = pull_request(site_copy, change)
    trauma = (site / "specialties/trauma.md").read_bytes()
    done = approve(site, "approved-by-clinician.json", tmp_path)
    assert done.returncode == 0, done.stderr
    assert (site / "specialties/trauma.md").read_bytes() == trauma
    assert "Not signed, as `make sign-off` would not sign them (1):" in done.stdout
    assert '- specialties/trauma.md: specialties/trauma.md still has a "Write here:" prompt' in done.stdout
    assert "Signed off in their name (2):" in done.stdout


def test_a_draft_is_signed_off_as_make_sign_off_signs_it(site_copy, tmp_path):
    def change(site: Path) -> None:
        edit(site / "specialties/trauma.md", "kind: specialty\n", "kind: specialty\nstatus: draft\n")

    site = pull_request(site_copy, change)
    by_hand = tmp_path / "by-hand"
    shutil.copytree(site, by_hand, ignore=shutil.ignore_patterns(".git"))
    make_sign_off(by_hand, "specialties/trauma", "clinician-a")
    done = approve(site, "approved-by-clinician.json", tmp_path)
    assert done.returncode == 0, done.stderr
    assert files(site) == files(by_hand)
    assert "status: draft" not in (site / "specialties/trauma.md").read_text(encoding="utf-8")


def test_changes_to_no_page_that_takes_a_sign_off_sign_nothing(site_copy, tmp_path):
    def change(site: Path) -> None:
        with (site / "about.md").open("a", encoding="utf-8") as file:
            file.write("\nOne more line.\n")  # a general page without review lines
        with (site / "locales/es/LC_MESSAGES/sphinx.po").open("a", encoding="utf-8") as file:
            file.write("\n")  # the site's own words, not a page's translation

    site = pull_request(site_copy, change)
    done = approve(site, "approved-by-clinician.json", tmp_path)
    assert done.returncode == 0, done.stderr
    assert unchanged(site)
    assert (
        "changes no page or translation that takes a clinician's sign-off: nothing was signed" in done.stdout
    )
    assert not (tmp_path / "message.txt").exists()


def test_a_new_entry_in_translations_yaml_is_a_translation_to_sign(site_copy, tmp_path):
    """A translation whose entry in translations.yaml changed (here its description) is
    signed off like one whose catalogue changed."""

    def change(site: Path) -> None:
        edit(
            site / "locales/es/translations.yaml", "con compasión y sin presión", "con compasión, sin presión"
        )

    site = pull_request(site_copy, change)
    by_hand = tmp_path / "by-hand"
    shutil.copytree(site, by_hand, ignore=shutil.ignore_patterns(".git"))
    make_sign_off(by_hand, PAGE, "clinician-a", "--language", "es")
    done = approve(site, "approved-by-clinician.json", tmp_path)
    assert done.returncode == 0, done.stderr
    assert files(site) == files(by_hand)
    assert "Signed off in their name (1):" in done.stdout


def test_notices_for_github_and_real_errors(pr_site, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env["GITHUB_ACTIONS"] = "true"
    env["GITHUB_EVENT_PATH"] = str(EVENTS / "approved-by-someone-else.json")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(pr_site), "--base", "main"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "::notice title=Sign-off by approval::web-team-alex is not a clinician" in done.stdout

    missing = approve(pr_site, "no-such-event.json", tmp_path)
    assert missing.returncode == 1 and "cannot read the event file" in missing.stderr
    no_base = approve(pr_site, "approved-by-clinician.json", tmp_path, "--base", "origin/main")
    assert no_base.returncode == 1 and "git show origin/main:practice.yaml failed" in no_base.stderr
    assert unchanged(pr_site)
