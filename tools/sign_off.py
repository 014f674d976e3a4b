"""`make sign-off`: record that a clinician has read a page as it is now.

    make sign-off PAGE=specialties/addiction REVIEWER=clinician-a

writes into the page's front matter who reviewed it, today's date, the date the
next review is due (a year from today) and the fingerprint of the page's text as
reviewed (``review_fingerprint``), and removes ``status: draft``. From then on,
any change to the page's words makes it "changed since review" until it is signed
off again (see _ext/practice/checks/publishing.py). Only the review lines change: the
rest of the file is left exactly as it was.

It refuses, with a plain message and a non-zero exit status, a page that does not
exist, a reviewer who is not in practice.yaml, a page whose front matter is broken,
and a page that still has a "Write here:" prompt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

from practice.data.front_matter import (PROMPT, REVIEW_FIELDS, add_years,  # noqa: E402
                                   prompt_lines, read_front_matter, split_front_matter,
                                   text_fingerprint)
from practice.languages.i18n import long_date  # noqa: E402
from practice.data.practice_data import load_practice_data  # noqa: E402
from practice.suggestions import closest  # noqa: E402

# The lines sign-off writes (and replaces), in this order.
SIGN_OFF_FIELDS = (*REVIEW_FIELDS, "review_fingerprint")
KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:")


class Refusal(Exception):
    """Something the person must fix; the message says what and how."""


def clinicians(root: Path) -> dict[str, dict]:
    data, problems = load_practice_data(root / "practice.yaml")
    people = {str(c["id"]): c for c in data.get("clinicians", []) if isinstance(c, dict)
              and c.get("id")}
    if not people:
        detail = f" ({problems[0][1]})" if problems else ""
        raise Refusal(f"practice.yaml lists no clinicians{detail}, so no one can sign a "
                      "page off. Add the clinicians there first.")
    return people


def find_page(root: Path, page: str) -> tuple[str, Path]:
    """The page's name and file, from 'specialties/addiction' or 'specialties/addiction.md'."""
    docname = re.sub(r"\.md$", "", page.strip().lstrip("./"))
    path = root / f"{docname}.md"
    if docname and path.is_file():
        return docname, path
    names = sorted(str(p.relative_to(root).with_suffix("")) for p in root.rglob("*.md")
                   if not {"_build", ".venv", "tests", "bench", "node_modules"}
                   & set(p.relative_to(root).parts))
    close = closest(docname, names, cutoff=0.5)
    hint = f" Did you mean '{close}'?" if close else ""
    raise Refusal(f"There is no page '{page}'.{hint} Give the page's path without .md, "
                  "for example: PAGE=specialties/addiction")


def new_text(text: str, review_lines: list[str]) -> str:
    """``text`` with its review lines (and 'status: draft') replaced by ``review_lines``."""
    head, body = split_front_matter(text)
    kept: list[str] = []
    insert_at = None
    dropping = False
    for line in head[1:-1]:
        key = KEY_LINE.match(line)
        if key:
            dropping = key["key"] in (*SIGN_OFF_FIELDS, "status")
            if dropping and insert_at is None:
                insert_at = len(kept)
        elif not line[:1].isspace() and line.strip():
            dropping = False
        if not dropping:
            kept.append(line)
    if insert_at is None:  # no review lines yet: before 'related', or at the end
        related = [i for i, line in enumerate(kept) if line.startswith("related:")]
        insert_at = related[0] if related else len(kept)
    kept[insert_at:insert_at] = review_lines
    return "\n".join([head[0], *kept, head[-1], *body])


def sign_off(root: Path, page: str, reviewer: str, today: dt.date) -> tuple[str, str]:
    """Sign ``page`` off; return (a line saying what was recorded, the page's file name)."""
    docname, path = find_page(root, page)
    relative = path.relative_to(root).as_posix()
    people = clinicians(root)
    if reviewer not in people:
        close = closest(reviewer, people, cutoff=0.5)
        hint = f"Did you mean '{close}'? " if close else ""
        raise Refusal(f"There is no clinician '{reviewer}' in practice.yaml. {hint}"
                      f"Choose one of: {', '.join(people)}.")
    text = path.read_text(encoding="utf-8")
    front = read_front_matter(text)
    if front.problem or front.data is None:
        raise Refusal(f"{relative}: its front matter (between the '---' lines) has a problem. "
                      "Run make check, fix what it says, then sign off.")
    left = prompt_lines(text)
    if left:
        raise Refusal(f"{relative} still has a \"{PROMPT}\" prompt on line"
                      f"{'s' if len(left) > 1 else ''} {', '.join(map(str, left))}. "
                      "Finish the page, then sign it off.")
    fingerprint = text_fingerprint(text)
    lines = [f"reviewed_by: {reviewer}", f"last_reviewed: {today.isoformat()}",
             f"next_review: {add_years(today, 1).isoformat()}",
             f"review_fingerprint: {fingerprint}"]
    updated = new_text(text, lines)
    assert text_fingerprint(updated) == fingerprint, "sign-off changed the page's text"
    path.write_text(updated, encoding="utf-8")
    person = people[reviewer]
    return (f"Signed off {relative}: reviewed by {person.get('name', reviewer)} on "
            f"{long_date(today)}; next review due {long_date(add_years(today, 1))}.\n"
            "Commit this change together with the page."), relative


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sign_off", description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", help="the page, e.g. specialties/addiction")
    parser.add_argument("--reviewer", help="the id of the clinician who read it (practice.yaml)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.page or not args.reviewer:
        print("sign-off: say which page and which clinician read it, for example:\n"
              "  make sign-off PAGE=specialties/addiction REVIEWER=clinician-a", file=sys.stderr)
        return 1
    try:
        said, _relative = sign_off(args.root, args.page, args.reviewer,
                                   args.today or dt.date.today())
    except Refusal as refusal:
        print(f"sign-off: nothing was changed. {refusal}", file=sys.stderr)
        return 1
    print(said)
    return 0


if __name__ == "__main__":
    sys.exit(main())
