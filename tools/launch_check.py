"""`make launch-check`: everything between this repository and a real public site.

First what it can check itself, each with its file, line and what to do:

- practice.yaml: ``example: true``, each value that is still an example
  (``example_details``), and an empty ``privacy.notice_url``;
- each page and translation without a real sign-off by a clinician of the practice
  (a draft, a change since sign-off, an example review, a reviewer renamed since:
  ``review_report.waiting_for_sign_off``);
- ``.github/CODEOWNERS`` still naming ``@example-practice``, and
  ``.github/workflows/preview.yml``'s ``project-slug`` still ``example-practice``.

Then the steps no command can check (Read the Docs and GitHub settings), as a short
checklist. It exits with status 1 while any automatic finding is left, 0 when none is.
With ``GITHUB_ACTIONS=true`` each finding is also a GitHub annotation.

``--still-example`` only answers whether the details are still examples (exit 0 if
they are, 1 if not): the "Checks" workflow uses it to say plainly why it does not
run the production build on the example repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))
sys.path.insert(0, str(ROOT / "tools"))

from sphinx.errors import ConfigError

from check import annotation
from practice.checks.review_report import waiting_for_sign_off
from practice.data.example_details import example_flag_line
from practice.data.practice_data import group, load_practice_file
from practice.yaml_source import scalar_lines

EXAMPLE_OWNER = "@example-practice"
EXAMPLE_SLUG = re.compile(r"""^\s*project-slug:\s*["']?example-practice["']?\s*$""")

# What no command can see: the Read the Docs and GitHub settings (README, "Publishing").
MANUAL_STEPS = (
    "Read the Docs: the project is on a plan without ads (Read the Docs for Business, or "
    'Gold), so no visitor sees an ad (README, "Which plan, and why").',
    "Read the Docs, Settings > Addons: all switched off (flyout, search, notifications, analytics).",
    "Read the Docs, Settings > Pull request builds: on (each pull request gets a preview).",
    "Read the Docs: the practice's own domain added, with HTTPS; a published page loads "
    'nothing from other sites (README, "After the first build, check a published page").',
    'GitHub: main is protected: the "Checks" workflow must pass and a code owner must '
    "approve (clinicians for clinical pages).",
    "Read the Docs: the Spanish site is a second project, language Spanish, added under "
    "the English project's Settings > Translations, with the same settings.",
)


def practice_findings(root: Path) -> list[tuple[str, int, str]]:
    path = root / "practice.yaml"
    try:
        loaded = load_practice_file(path)
    except ConfigError as exc:
        return [("practice.yaml", 1, str(exc))]
    found = [
        ("practice.yaml", line, f"{problem} (the build refuses it)") for line, problem in loaded.problems
    ]
    if loaded.data.get("example") is not False:
        found.append(
            (
                "practice.yaml",
                example_flag_line(loaded.root),
                "example: true: the details are still examples. Run make setup; it sets "
                "example: false when no example value is left.",
            )
        )
    for detail in loaded.examples:
        found.append(
            (
                "practice.yaml",
                detail.line,
                f"{detail.key} is still an example ({detail.reason}): {detail.value!r}. "
                "Run make setup, or put the practice's own value here.",
            )
        )
    privacy = group(loaded.data, "privacy")
    if not str(privacy.get("notice_url") or "").strip():
        line = next(
            (line for key, line, _value in scalar_lines(loaded.root) if key == "privacy.notice_url"), 1
        )
        found.append(
            (
                "practice.yaml",
                line,
                "privacy.notice_url is empty: a practice that bills insurance electronically "
                "must post its Notice of Privacy Practices on its website (45 CFR 164.520). "
                "Give its address (make setup asks for it).",
            )
        )
    return found


def github_findings(root: Path) -> list[tuple[str, int, str]]:
    found = []
    owners = root / ".github" / "CODEOWNERS"
    if owners.is_file():
        for number, line in enumerate(owners.read_text(encoding="utf-8").splitlines(), start=1):
            if EXAMPLE_OWNER in line and not line.lstrip().startswith("#"):
                found.append(
                    (
                        ".github/CODEOWNERS",
                        number,
                        f"still names {EXAMPLE_OWNER}: put the practice's own GitHub "
                        "users or teams (clinicians, practice manager, web team).",
                    )
                )
    preview = root / ".github" / "workflows" / "preview.yml"
    if preview.is_file():
        for number, line in enumerate(preview.read_text(encoding="utf-8").splitlines(), start=1):
            if EXAMPLE_SLUG.match(line):
                found.append(
                    (
                        ".github/workflows/preview.yml",
                        number,
                        "project-slug is still example-practice: put the project's name "
                        'on Read the Docs (its "slug"), so pull requests link to their preview.',
                    )
                )
    return found


def findings(root: Path, today: dt.date) -> list[tuple[str, int, str]]:
    return [*practice_findings(root), *waiting_for_sign_off(root, today), *github_findings(root)]


def report(root: Path, today: dt.date, annotate: bool) -> tuple[str, int]:
    found = findings(root, today)
    lines = []
    if found:
        lines.append(f"Before this site goes live ({len(found)} to do):")
        lines += [f"  {path}:{line}: {what}" for path, line, what in found]
    else:
        lines.append(
            "Nothing left that a command can check: the details are the practice's "
            "own and every page and translation is signed off by its clinicians."
        )
    lines.append("\nThen check these by hand (no command can see them):")
    lines += [f"  [ ] {step}" for step in MANUAL_STEPS]
    if annotate:
        lines += [annotation(f"{path}:{line}: {what}", "Launch check") for path, line, what in found]
    return "\n".join(lines), 1 if found else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="launch-check", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    parser.add_argument(
        "--still-example",
        action="store_true",
        help="exit 0 if practice.yaml still holds example details, 1 if not",
    )
    args = parser.parse_args(argv)
    if args.still_example:
        loaded = load_practice_file(args.root / "practice.yaml")
        print("example" if loaded.is_example else "real")
        return 0 if loaded.is_example else 1
    text, status = report(
        args.root, args.today or dt.date.today(), os.environ.get("GITHUB_ACTIONS") == "true"
    )
    print(text)
    return status


if __name__ == "__main__":
    sys.exit(main())
