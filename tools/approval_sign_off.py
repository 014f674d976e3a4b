"""Sign-off by approval: a clinician's approval of a pull request on GitHub is their sign-off.

    python tools/approval_sign_off.py [EVENT.json] [--root PR-FOLDER] [--base REF]

The workflow .github/workflows/sign-off-on-approval.yml runs it when a review is
submitted. It reads GitHub's ``pull_request_review`` event (the file named by
``GITHUB_EVENT_PATH``, or the argument) and acts only on an approval
(``review.state`` "approved"):

1. **Who approved.** The reviewer's GitHub login (``review.user.login``, signed in to
   GitHub) is looked up, capitals aside, among the clinicians' ``github:`` usernames in
   the **base branch's** practice.yaml (``git show <base>:practice.yaml``): a pull request
   cannot make its own author, or anyone else, a clinician. Anyone else's approval signs
   nothing, and the summary says so.
2. **What changed.** The files the pull request changes (``git diff --name-only
   <base>...HEAD``): each page that takes a sign-off (``sign_off.takes_sign_off``:
   specialty and approach pages, drafts, pages with review lines), and each translation
   whose catalogue (``locales/<language>/LC_MESSAGES/<page>.po``) or entry in
   ``translations.yaml`` changed.
3. **The sign-off.** Each is signed off in that clinician's name by the very functions of
   ``make sign-off`` and ``make sign-off-translation`` (``sign_off.sign_off``,
   ``sign_off.sign_off_translation``): the same lines, or the same refusal. A page
   ``make sign-off`` refuses (a "Write here:" prompt left, broken front matter; a
   catalogue with entries left to translate) is left as it is, with the reason in the
   summary. A draft with no prompt left is signed off, which ends the draft, as
   ``make sign-off`` does. One they already signed off today, as it is now (a second
   approval), comes out the same, and is listed as such.

It writes a Markdown summary (to ``GITHUB_STEP_SUMMARY`` when set, and prints it), with
GitHub notices under ``GITHUB_ACTIONS=true``, and, when it signed anything, the commit
message to ``--message-file``. The workflow commits and pushes what it wrote.

Exit status 0 when it signed what it could, or when there was nothing to do (not an
approval, not a clinician, no page that takes a sign-off); 1 on a real error (no event,
a git command that fails, a base practice.yaml that cannot be read, the clinician no
longer in the pull request's practice.yaml).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))
sys.path.insert(0, str(ROOT / "tools"))

from sphinx.errors import ConfigError

from practice.data.practice_data import PracticeFile, clinician_for_login, load_practice_file, signature
from practice.languages.translation import site_languages_in, translations_path

import sign_off

TITLE = "## Sign-off by approval"
CATALOGUE = re.compile(r"^locales/(?P<language>[^/]+)/LC_MESSAGES/(?P<page>.+)\.po$")


class Failure(Exception):
    """A real error: the sign-off could not be attempted."""


@dataclass
class Outcome:
    """What one run did: its summary's lines, and what it signed."""

    lines: list[str] = field(default_factory=list)
    who: str = ""  # the clinician, "Name, credentials"
    signed: list[str] = field(default_factory=list)  # what was signed off, in words
    files: list[str] = field(default_factory=list)  # the files it wrote
    notices: list[str] = field(default_factory=list)  # one line each, for GitHub's annotations

    def summary(self) -> str:
        return "\n".join([TITLE, "", *self.lines]).rstrip() + "\n"


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if done.returncode != 0:
        raise Failure(f"git {' '.join(args)} failed: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def read_event(path: Path) -> dict[str, Any]:
    try:
        event = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise Failure(f"cannot read the event file {path} ({exc}).") from exc
    if not isinstance(event, dict) or not isinstance(event.get("review"), dict):
        raise Failure(f"{path} is not a pull_request_review event: it has no 'review'.")
    return event


def base_practice(root: Path, base: str, path: Path | None) -> PracticeFile:
    """practice.yaml as the base branch has it (or as the file ``path`` has it)."""
    try:
        if path is not None:
            return load_practice_file(path)
        text = git(root, "show", f"{base}:practice.yaml")
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder, "practice.yaml")
            copy.write_text(text, encoding="utf-8")
            return load_practice_file(copy)
    except ConfigError as exc:
        raise Failure(f"the base branch's practice.yaml cannot be read: {exc}") from exc


def changed_files(root: Path, base: str) -> list[str]:
    """The files the pull request adds or changes (not those it deletes), from the root."""
    out = git(root, "diff", "--name-only", "--diff-filter=d", "-z", f"{base}...HEAD")
    return [name for name in out.split("\0") if name]


def translation_entries(text: str | None) -> dict[str, Any]:
    """translations.yaml's entries, without the lines a sign-off writes."""
    try:
        data = yaml.safe_load(text or "") or {}
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        str(page): {k: v for k, v in entry.items() if k not in sign_off.TRANSLATION_FIELDS}
        if isinstance(entry, dict)
        else entry
        for page, entry in data.items()
    }


def changed_translations(root: Path, base: str, changed: list[str]) -> list[tuple[str, str]]:
    """(language, page) of each translation the changes touch: its catalogue, or its entry
    in translations.yaml (a new entry, or a new description). Catalogues that are not a
    page's (sphinx.po, practice.po: the site's own words) are not translations to sign."""
    found: set[tuple[str, str]] = set()
    languages = site_languages_in(root)
    for name in changed:
        match = CATALOGUE.match(name)
        if match and match["language"] in languages and (root / f"{match['page']}.md").is_file():
            found.add((match["language"], match["page"]))
    for language in languages:
        listing = translations_path(root, language).relative_to(root).as_posix()
        if listing not in changed:
            continue
        shown = subprocess.run(["git", "show", f"{base}:{listing}"], cwd=root, capture_output=True, text=True)
        before = translation_entries(shown.stdout if shown.returncode == 0 else None)
        after = translation_entries((root / listing).read_text(encoding="utf-8"))
        found |= {(language, page) for page, entry in after.items() if before.get(page) != entry}
    return sorted(found, key=lambda item: (item[1], item[0]))


def one_line(text: str) -> str:
    """A message as one line (a summary's list item, a GitHub annotation)."""
    return " ".join(text.split())


def approve(
    event: dict[str, Any],
    root: Path,
    base: str | None,
    practice_path: Path | None,
    changed: list[str] | None,
    today: dt.date,
) -> Outcome:
    """Sign off what the approval in ``event`` covers, in ``root`` (the pull request)."""
    out = Outcome()
    review = event["review"]
    login = str((review.get("user") or {}).get("login") or "")
    state = str(review.get("state") or "").lower()
    number = (event.get("pull_request") or {}).get("number")
    pull = f"pull request #{number}" if number else "this pull request"
    if state != "approved":
        out.lines.append(
            f"The review by `{login}` is {state.replace('_', ' ') or 'not an approval'!r}, not an "
            "approval: nothing was signed."
        )
        return out
    if base is None:
        ref = ((event.get("pull_request") or {}).get("base") or {}).get("ref")
        if not ref:
            raise Failure("the event names no base branch (pull_request.base.ref); give --base.")
        base = f"origin/{ref}"
    clinician = clinician_for_login(base_practice(root, base, practice_path).data, login)
    if clinician is None:
        said = f"`{login}` is not a clinician listed in practice.yaml: nothing was signed."
        out.lines += [
            said,
            "",
            "Only the approval of a clinician whose GitHub username the base branch's "
            "practice.yaml gives (`github:`) signs pages off. A clinician who has not given "
            "theirs signs off with `make sign-off` (CONTRIBUTING.md, Sign-off).",
        ]
        out.notices.append(said.replace("`", ""))
        return out
    cid = str(clinician["id"])
    try:
        person = sign_off.the_reviewer(sign_off.clinicians(root), cid)
    except sign_off.Refusal as refusal:
        raise Failure(
            f"{login} is clinician {cid} in the base branch's practice.yaml, but this pull "
            f"request's practice.yaml does not list them: {refusal}"
        ) from refusal
    out.who = who = signature(person)
    commit = str(review.get("commit_id") or "")[:12]
    at = f" at `{commit}`" if commit else ""
    out.lines.append(f"**{who}** (`{login}` on GitHub, `{cid}` in practice.yaml) approved {pull}{at}.")
    out.lines.append("")
    files = changed if changed is not None else changed_files(root, base)
    pages = [page for name in files if (page := sign_off.takes_sign_off(root, name))]
    translations = changed_translations(root, base, files)
    if not pages and not translations:
        out.lines.append(
            "It changes no page or translation that takes a clinician's sign-off: nothing was signed."
        )
        return out
    jobs: list[tuple[str, str, Callable[[], tuple[str, str]]]] = [
        (f"{page}.md", f"{page}.md", partial(sign_off.sign_off, root, page, cid, today)) for page in pages
    ]
    jobs += [
        (
            translations_path(root, language).relative_to(root).as_posix(),
            f"the {language} translation of {page}",
            partial(sign_off.sign_off_translation, root, page, cid, today, language),
        )
        for language, page in translations
    ]
    refused: list[str] = []
    already: list[str] = []
    example = False
    for target, what, sign in jobs:
        before = (root / target).read_bytes() if (root / target).is_file() else None
        try:
            said, relative = sign()
        except sign_off.Refusal as refusal:
            refused.append(f"- {what}: {one_line(str(refusal))}")
            continue
        example = example or sign_off.EXAMPLE_NOTE in said
        if (root / relative).read_bytes() == before:
            already.append(f"- {what}")  # signed off by them today already: the same lines
            continue
        out.signed.append(what)
        out.files.append(relative)
        out.lines.append(f"- {said.splitlines()[0].removeprefix('Signed off ')}")
    if out.signed:
        out.lines.insert(2, f"Signed off in their name ({len(out.signed)}):")
    else:
        out.lines.append("Nothing was signed.")
    if already:
        out.lines += ["", f"Already signed off by them today, as it is now ({len(already)}):", *already]
    if refused:
        out.lines += ["", f"Not signed, as `make sign-off` would not sign them ({len(refused)}):", *refused]
        out.notices += [f"Not signed: {line.removeprefix('- ').replace('`', '')}" for line in refused]
    if example:
        out.lines += ["", sign_off.EXAMPLE_NOTE]
    return out


def commit_message(out: Outcome, event: dict[str, Any]) -> str:
    review = event["review"]
    number = (event.get("pull_request") or {}).get("number")
    who = out.who
    login = review["user"]["login"]
    commit = str(review.get("commit_id") or "")[:12]
    listing = "\n".join(f"- {item}" for item in out.signed)
    return (
        f"Sign-off by approval: {who}\n\n"
        f"{who} ({login} on GitHub) approved pull request #{number}"
        f"{f' at {commit}' if commit else ''}; this records their sign-off of:\n{listing}\n\n"
        "Written by tools/approval_sign_off.py with the code of make sign-off.\n"
    )


def annotation(text: str) -> str:
    """``text`` as GitHub's workflow commands want it (no line breaks, ``%`` escaped)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="approval_sign_off", description=__doc__.split("\n\n")[0])
    parser.add_argument("event", nargs="?", type=Path, help="the event file (default: GITHUB_EVENT_PATH)")
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="the pull request's files (a git work tree)"
    )
    parser.add_argument(
        "--base", help="the base branch as git names it (default: origin/<pull_request.base.ref>)"
    )
    parser.add_argument("--base-practice", type=Path, help="the base branch's practice.yaml, as a file")
    parser.add_argument("--changed", nargs="*", help="the changed files (default: git diff <base>...HEAD)")
    parser.add_argument("--message-file", type=Path, help="where to write the commit message")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    event_path = args.event or (
        Path(os.environ["GITHUB_EVENT_PATH"]) if os.environ.get("GITHUB_EVENT_PATH") else None
    )
    on_github = os.environ.get("GITHUB_ACTIONS") == "true"
    try:
        if event_path is None:
            raise Failure("give the event file, or set GITHUB_EVENT_PATH.")
        event = read_event(event_path)
        out = approve(
            event,
            args.root.resolve(),
            args.base,
            args.base_practice,
            args.changed,
            args.today or dt.date.today(),
        )
    except Failure as failure:
        print(f"approval_sign_off: {failure}", file=sys.stderr)
        if on_github:
            print(f"::error title=Sign-off by approval::{annotation(str(failure))}")
        return 1
    summary = out.summary()
    print(summary, end="")
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as file:
            file.write(summary)
    if on_github:
        for notice in out.notices:
            print(f"::notice title=Sign-off by approval::{annotation(notice)}")
    if out.signed and args.message_file:
        args.message_file.write_text(commit_message(out, event), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
