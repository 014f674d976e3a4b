"""The GitHub workflows: they pass actionlint (pinned in requirements-test.txt, with
shellcheck for their `run:` scripts), run the content checks and the strict build on
every pull request, add Read the Docs' preview link, and CODEOWNERS asks a clinician
to approve clinical pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "actionlint"), "-no-color", "-shellcheck", str(BIN / "shellcheck"), *map(str, files)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_every_workflow_passes_actionlint():
    assert WORKFLOWS, "no workflow files"
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: pull_request\njobs:\n  check:\n    runs-on: ubuntu-24.04\n"
        "    steps:\n      - run: echo ${{ github.event.pull_request.title }\n"
    )
    result = actionlint(broken)
    assert result.returncode != 0
    assert "broken.yml:6" in result.stdout, result.stdout


def _steps(workflow: str) -> list[dict]:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / workflow).read_text())
    return [step for job in data["jobs"].values() for step in job["steps"]]


def test_pull_requests_run_the_checks_and_the_strict_build():
    data = yaml.safe_load((ROOT / ".github" / "workflows" / "checks.yml").read_text())
    assert "pull_request" in data[True]  # YAML reads the key `on` as true
    runs = [step.get("run", "") for step in _steps("checks.yml")]
    assert "make check" in runs and "make html" in runs


def test_pull_requests_get_the_read_the_docs_preview_link():
    uses = [step.get("uses", "") for step in _steps("preview.yml")]
    assert any(u.startswith("readthedocs/actions/preview@") for u in uses), uses


def test_codeowners_asks_clinicians_to_approve_clinical_pages():
    owners = dict(
        line.split(None, 1)
        for line in (ROOT / ".github" / "CODEOWNERS").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    )
    for path in ("/specialties/", "/approaches/", "/staying-safer.md"):
        assert "clinicians" in owners.get(path, ""), path
    # The tools (make sign-off, sign-off by approval) are the web team's, like the extension.
    assert owners.get("/tools/") == owners.get("/_ext/")


def test_an_approval_runs_the_sign_off_with_the_base_branchs_tools_and_pushes_it():
    data = yaml.safe_load((ROOT / ".github" / "workflows" / "sign-off-on-approval.yml").read_text())
    assert data[True] == {"pull_request_review": {"types": ["submitted"]}}
    assert data["permissions"] == {"contents": "write", "pull-requests": "read"}
    (job,) = data["jobs"].values()
    assert job["if"] == "github.event.review.state == 'approved'"
    checkouts = {
        step["with"]["path"]: step["with"] for step in job["steps"] if "checkout" in step.get("uses", "")
    }
    assert checkouts["base"]["ref"] == "${{ github.event.pull_request.base.ref }}"
    assert checkouts["pr"]["ref"] == "${{ github.event.review.commit_id }}"  # what was approved
    assert checkouts["pr"]["fetch-depth"] == 0
    assert "secrets.SIGN_OFF_TOKEN" in checkouts["pr"]["token"]
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "python base/tools/approval_sign_off.py --root pr" in runs
    assert "-r base/requirements.txt" in runs
    assert (
        'git config user.name "github-actions[bot]"' in runs
        and 'git push origin "HEAD:refs/heads/$HEAD_REF"' in runs
    )
    assert "FROM_FORK" in runs


def test_a_new_page_from_the_editor_gets_its_menu_place_on_its_pull_request():
    """The editor commits only the page; this adds it to the menu with make new-page's code."""
    data = yaml.safe_load((ROOT / ".github" / "workflows" / "new-pages.yml").read_text())
    assert "pull_request" in data[True] and data["permissions"] == {"contents": "write"}
    (job,) = data["jobs"].values()
    assert job["if"] == "github.event.pull_request.head.repo.full_name == github.repository"  # no forks
    (checkout,) = [step for step in job["steps"] if "checkout" in step.get("uses", "")]
    assert checkout["with"]["ref"] == "${{ github.event.pull_request.head.ref }}"
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "python tools/new_page.py --adopt-new" in runs
    assert 'git push origin "HEAD:refs/heads/$HEAD_REF"' in runs


def test_every_action_is_pinned_to_a_version():
    for workflow in WORKFLOWS:
        data = yaml.safe_load(workflow.read_text())
        for job in data["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    assert "@" in step["uses"], f"{workflow.name}: {step['uses']} is not pinned"
