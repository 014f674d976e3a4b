"""`make sign-off`: record that a clinician has read a page as it is now.

    make sign-off PAGE=specialties/addiction REVIEWER=clinician-a
    make sign-off-translation PAGE=specialties/addiction REVIEWER=clinician-b  (LANGUAGE=es)

writes into the page's front matter who reviewed it (their id, and their name and
credentials as practice.yaml has them now: ``signed_by``), today's date, the date the
next review is due (a year from today) and the fingerprint of the page's text as
reviewed (``review_fingerprint``), and removes ``status: draft``. While practice.yaml
still holds example details it adds ``example_review: true``: the public site does not
count such a sign-off (_ext/practice/data/sign_offs.py). From then on, any change to
the page's words makes it "changed since review" until it is signed off again, and so
does a change to the reviewer's name or credentials (see checks/publishing.py). Only
the review lines change: the rest of the file is left exactly as it was.

``--language es`` signs off the page's translation instead: the same lines, without
the fingerprint and next review, under the page in locales/es/translations.yaml.

It refuses, with a plain message and a non-zero exit status, a page that does not
exist, a reviewer who is not in practice.yaml, a page whose front matter is broken,
a page that still has a "Write here:" prompt; and for a translation, a page that is
not listed in translations.yaml and a catalogue with paragraphs left to translate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

from practice.checks.review_report import SKIP_DIRS, SKIP_FILES
from practice.data.front_matter import (
    CLINICAL_KINDS,
    PROMPT,
    REVIEW_FIELDS,
    SIGNATURE_FIELDS,
    add_years,
    prompt_lines,
    read_front_matter,
    split_front_matter,
    text_fingerprint,
)
from practice.data.practice_data import PracticeFile, load_practice_file, signature
from practice.data.sign_offs import review_lines
from practice.languages.i18n import long_date
from practice.languages.translation import (
    SIGNATURE_FIELDS as TRANSLATION_SIGNATURE,
    translations_path,
)
from practice.suggestions import closest

# The lines sign-off writes (and replaces), in this order.
SIGN_OFF_FIELDS = (*REVIEW_FIELDS, *SIGNATURE_FIELDS)
TRANSLATION_FIELDS = ("reviewed_by", "last_reviewed", *TRANSLATION_SIGNATURE)
KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:")
EXAMPLE_NOTE = (
    "Note: practice.yaml still holds example details, so this is recorded as an "
    "example review (example_review: true), which the public site does not count. "
    "After make setup, the clinician signs off again."
)


class Refusal(Exception):
    """Something the person must fix; the message says what and how."""


def practice(root: Path) -> PracticeFile:
    return load_practice_file(root / "practice.yaml")


def clinicians(root: Path, loaded: PracticeFile | None = None) -> dict[str, dict]:
    loaded = loaded or practice(root)
    people = {
        str(c["id"]): c for c in loaded.data.get("clinicians", []) if isinstance(c, dict) and c.get("id")
    }
    if not people:
        detail = f" ({loaded.problems[0][1]})" if loaded.problems else ""
        raise Refusal(
            f"practice.yaml lists no clinicians{detail}, so no one can sign a "
            "page off. Add the clinicians there first."
        )
    return people


def the_reviewer(people: dict[str, dict], reviewer: str) -> dict:
    if reviewer not in people:
        close = closest(reviewer, people, cutoff=0.5)
        hint = f"Did you mean '{close}'? " if close else ""
        raise Refusal(
            f"There is no clinician '{reviewer}' in practice.yaml. {hint}Choose one of: {', '.join(people)}."
        )
    return people[reviewer]


def find_page(root: Path, page: str) -> tuple[str, Path]:
    """The page's name and file, from 'specialties/addiction' or 'specialties/addiction.md'."""
    docname = re.sub(r"\.md$", "", page.strip().lstrip("./"))
    path = root / f"{docname}.md"
    if docname and path.is_file():
        return docname, path
    names = sorted(
        str(p.relative_to(root).with_suffix(""))
        for p in root.rglob("*.md")
        if not {"_build", ".venv", "tests", "bench", "node_modules"} & set(p.relative_to(root).parts)
    )
    close = closest(docname, names, cutoff=0.5)
    hint = f" Did you mean '{close}'?" if close else ""
    raise Refusal(
        f"There is no page '{page}'.{hint} Give the page's path without .md, "
        "for example: PAGE=specialties/addiction"
    )


def takes_sign_off(root: Path, relative: str) -> str | None:
    """The page's name if the file ``relative`` (from the site's folder) is a page that a
    clinician signs off (the pages make review-report lists): a specialty or approach
    page, a draft, or a page with review lines; a page whose front matter is broken too
    (``sign_off`` then says why it cannot sign it). ``None`` for any other file.

    Sign-off by approval (tools/approval_sign_off.py) signs the changed files this names."""
    parts = Path(relative).parts
    path = root / relative
    if (
        not relative.endswith(".md")
        or SKIP_DIRS & set(parts[:-1])
        or any(part.startswith(".") for part in parts)
        or relative in SKIP_FILES
        or not path.is_file()
    ):
        return None
    front = read_front_matter(path.read_text(encoding="utf-8"))
    if front.problem:
        return relative.removesuffix(".md")
    data = front.data or {}
    if (
        data.get("kind") in CLINICAL_KINDS
        or data.get("status") == "draft"
        or set(data) & set(SIGN_OFF_FIELDS)
    ):
        return relative.removesuffix(".md")
    return None


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
    loaded = practice(root)
    person = the_reviewer(clinicians(root, loaded), reviewer)
    text = path.read_text(encoding="utf-8")
    front = read_front_matter(text)
    if front.problem or front.data is None:
        raise Refusal(
            f"{relative}: its front matter (between the '---' lines) has a problem. "
            "Run make check, fix what it says, then sign off."
        )
    left = prompt_lines(text)
    if left:
        raise Refusal(
            f'{relative} still has a "{PROMPT}" prompt on line'
            f"{'s' if len(left) > 1 else ''} {', '.join(map(str, left))}. "
            "Finish the page, then sign it off."
        )
    fingerprint = text_fingerprint(text)
    lines = review_lines(reviewer, signature(person), today, loaded.is_example, fingerprint)
    updated = new_text(text, lines)
    assert text_fingerprint(updated) == fingerprint, "sign-off changed the page's text"
    path.write_text(updated, encoding="utf-8")
    note = f"\n{EXAMPLE_NOTE}" if loaded.is_example else ""
    return (
        f"Signed off {relative}: reviewed by {signature(person)} on "
        f"{long_date(today)}; next review due {long_date(add_years(today, 1))}.\n"
        f"Commit this change together with the page.{note}"
    ), relative


def untranslated(catalogue: Path) -> int:
    """How many entries of a page's catalogue are empty or marked fuzzy."""
    from babel.messages.pofile import read_po

    with catalogue.open("rb") as file:
        entries = read_po(file)
    return sum(1 for message in entries if message.id and (message.fuzzy or not message.string))


def sign_off_translation(
    root: Path, page: str, reviewer: str, today: dt.date, language: str = "es"
) -> tuple[str, str]:
    """Record the review of ``page``'s translation under it in translations.yaml."""
    docname, _path = find_page(root, page)
    loaded = practice(root)
    person = the_reviewer(clinicians(root, loaded), reviewer)
    listing = translations_path(root, language)
    relative = listing.relative_to(root).as_posix()
    lines = listing.read_text(encoding="utf-8").split("\n") if listing.is_file() else []
    start = next((i for i, line in enumerate(lines) if re.match(rf"^{re.escape(docname)}\s*:", line)), None)
    if start is None:
        raise Refusal(
            f"{docname} is not listed in {relative}. Add it there first, with its "
            f'description in {language}:\n{docname}:\n  description: "..."\n'
            '(CONTRIBUTING.md, "Translate a page"), then sign it off.'
        )
    catalogue = root / "locales" / language / "LC_MESSAGES" / f"{docname}.po"
    if not catalogue.is_file():
        raise Refusal(
            f"{docname} has no catalogue yet ({catalogue.relative_to(root)}). Run "
            f"make translations PAGE={docname}, translate it, then sign it off."
        )
    left = untranslated(catalogue)
    if left:
        raise Refusal(
            f"{catalogue.relative_to(root)} has {left} entr{'ies' if left > 1 else 'y'} "
            "not translated yet or out of date (empty, or marked fuzzy). Translate "
            "them, have the translation read, then sign it off."
        )
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].strip() and not lines[i][:1].isspace()),
        len(lines),
    )
    entry = lines[start + 1 : end]
    kept: list[str] = []
    insert_at: int | None = None
    dropping = False
    for line in entry:
        key = KEY_LINE.match(line.strip()) if line[:1].isspace() else None
        if key and len(line) - len(line.lstrip()) == 2:
            dropping = key["key"] in TRANSLATION_FIELDS
            if dropping and insert_at is None:
                insert_at = len(kept)
        if not dropping:
            kept.append(line)
    if insert_at is None:
        insert_at = 0
    review = [f"  {line}" for line in review_lines(reviewer, signature(person), today, loaded.is_example)]
    kept[insert_at:insert_at] = review
    listing.write_text("\n".join([*lines[: start + 1], *kept, *lines[end:]]), encoding="utf-8")
    note = f"\n{EXAMPLE_NOTE}" if loaded.is_example else ""
    return (
        f"Signed off the {language} translation of {docname} in {relative}: reviewed by "
        f"{signature(person)} on {long_date(today)}.\n"
        f"Commit this change together with the catalogue.{note}"
    ), relative


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sign_off", description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", help="the page, e.g. specialties/addiction")
    parser.add_argument("--reviewer", help="the id of the clinician who read it (practice.yaml)")
    parser.add_argument(
        "--language",
        help="sign off the page's translation into this language "
        "(locales/<language>/translations.yaml), e.g. es",
    )
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    command = "sign-off-translation" if args.language else "sign-off"
    if not args.page or not args.reviewer:
        print(
            f"{command}: say which page and which clinician read it, for example:\n"
            f"  make {command} PAGE=specialties/addiction REVIEWER=clinician-a",
            file=sys.stderr,
        )
        return 1
    try:
        if args.language:
            said, _relative = sign_off_translation(
                args.root, args.page, args.reviewer, args.today or dt.date.today(), args.language
            )
        else:
            said, _relative = sign_off(args.root, args.page, args.reviewer, args.today or dt.date.today())
    except Refusal as refusal:
        print(f"{command}: nothing was changed. {refusal}", file=sys.stderr)
        return 1
    print(said)
    return 0


if __name__ == "__main__":
    sys.exit(main())
