"""Launch a copy of the site as a practice would (README, "Going live").

``launch(site)`` runs ``make setup`` from tests/data/launch-answers.yaml, has each page
signed off by the clinician who reviewed it (``make sign-off``) and each translation
by its reviewer (``make sign-off-translation``), and puts the practice's own names in
CODEOWNERS and preview.yml. ``sign_offs`` can leave some clinicians' pages unsigned.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import yaml

ANSWERS = Path(__file__).resolve().parent / "data" / "launch-answers.yaml"


def run_tool(site: Path, tool: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, f"tools/{tool}", *args], cwd=site, capture_output=True, text=True, input=stdin
    )


def reviewed_pages(site: Path) -> dict[str, str]:
    """{page: the id of its reviewer} for every page with review lines."""
    sys.path.insert(0, str(site / "_ext"))
    from practice.checks.review_report import page_files
    from practice.data.front_matter import read_front_matter

    found = {}
    for docname, path in page_files(site):
        data = read_front_matter(path.read_text(encoding="utf-8")).data or {}
        if data.get("reviewed_by"):
            found[docname] = str(data["reviewed_by"])
    return found


def translated_pages(site: Path, language: str = "es") -> dict[str, str]:
    data = yaml.safe_load((site / "locales" / language / "translations.yaml").read_text(encoding="utf-8"))
    return {page: entry["reviewed_by"] for page, entry in data.items()}


def sign_off_all(site: Path, by: set[str] | None = None, today: dt.date | None = None) -> None:
    """Every page and translation signed off by its reviewer (only those in ``by``, if given)."""
    day = ["--today", today.isoformat()] if today else []
    for page, reviewer in reviewed_pages(site).items():
        if by is None or reviewer in by:
            done = run_tool(site, "sign_off.py", "--page", page, "--reviewer", reviewer, *day)
            assert done.returncode == 0, done.stderr
    for page, reviewer in translated_pages(site).items():
        if by is None or reviewer in by:
            done = run_tool(
                site, "sign_off.py", "--language", "es", "--page", page, "--reviewer", reviewer, *day
            )
            assert done.returncode == 0, done.stderr


def own_github_names(site: Path) -> None:
    owners = site / ".github" / "CODEOWNERS"
    owners.write_text(
        owners.read_text(encoding="utf-8").replace("@example-practice/", "@riverside-counseling/")
    )
    preview = site / ".github" / "workflows" / "preview.yml"
    preview.write_text(
        preview.read_text(encoding="utf-8").replace(
            'project-slug: "example-practice"', 'project-slug: "riverside-counseling"'
        )
    )


def launch(site: Path, sign_offs_by: set[str] | None = None) -> Path:
    done = run_tool(site, "setup.py", "--answers", str(ANSWERS))
    assert done.returncode == 0, done.stderr
    assert "example: false" in done.stdout, done.stdout
    sign_off_all(site, sign_offs_by)
    own_github_names(site)
    return site
