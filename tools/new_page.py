"""Create a new topic page, ready to fill in, that builds at once.

Staff run ``make new-page`` (it asks three questions) or, with the answers given::

    .venv/bin/python tools/new_page.py --kind approach --title "Somatic therapy" \
        --reviewer clinician-a

The page goes in the folder for its kind (specialties/, approaches/, or the site's
root for a general page) under a file name made from the title. It gets complete
front matter (review dates: today and one year from today), the headings that kind
of page has, each with a short "Write here:" line saying what belongs there, and a
place in the site's menu (the hidden toctree in index.md with the kind's caption).
Its address is added to published-urls.txt, the list of addresses that must keep
working (see redirects.yaml).

Nothing is written unless everything can be: the tool refuses, with a plain
message and a non-zero exit status, to overwrite a page, to use a reviewer who is
not in practice.yaml, or to use an address that redirects.yaml sends elsewhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

# The marker every prompt starts with; `make check` lists pages that still have one.
PROMPT = "Write here:"


@dataclass(frozen=True)
class Kind:
    folder: str      # where the page goes, relative to the site's root
    caption: str     # caption of the hidden toctree in index.md that lists it
    sections: str    # the page's body below its title


SPECIALTY = f"""\
{PROMPT} two or three short sentences that speak to the reader. Name the pain they
may feel. Let them know they are not alone.

## How it can feel

{PROMPT} what this is like from the inside. Talk to the reader as "you". Keep each
sentence short.

## Another way to see it

{PROMPT} a kinder way to look at it. Say what the habit or the pain may be doing
for the person.

## How we help

{PROMPT} how we work with this. Link to one or two of the pages on how we work.

## Your first step

{PROMPT} one clear next step. For example: call us at {{practice}}`phone`.

## If you need help now

```{{crisis-lines}}
```

## Sources

{PROMPT} a list of the places your facts come from. Put each one on its own line
that starts with a dash.
"""

APPROACH = f"""\
{PROMPT} two or three short sentences. Say what this way of working is, in plain
words.

## What it is

{PROMPT} the main idea. If you use a word from the glossary, link it.

## What a session is like

{PROMPT} what the reader will do and feel in a session. Say that they can stop or
slow down at any time.

## What we know so far

{PROMPT} what studies show, and what they do not show yet. Be honest. Do not
promise results.

## Your first step

{PROMPT} one clear next step. For example: call us at {{practice}}`phone`.

## Sources

{PROMPT} a list of the places your facts come from. Put each one on its own line
that starts with a dash.
"""

GENERAL = f"""\
{PROMPT} two or three short sentences. Say who this page is for and what it will
help them do.

## What you need to know

{PROMPT} the main facts, in short sentences. Use a list if there are steps.

## Your next step

{PROMPT} one clear next step. For example: call us at {{practice}}`phone`.
"""

KINDS = {
    "specialty": Kind("specialties", "What we help with", SPECIALTY),
    "approach": Kind("approaches", "How we work", APPROACH),
    "general": Kind("", "About us", GENERAL),
}

DESCRIPTION = ("Write one short sentence here, for search results, that says who this page "
               "is for and how we help.")

TOCTREE_START = re.compile(r"^(?P<fence>`{3,}|:{3,})\{toctree\}\s*$")
ENTRY_TARGET = re.compile(r"<([^<>]+)>\s*$")


class Refusal(Exception):
    """Something the person must fix; the message says what and how."""


def slugify(title: str) -> str:
    """'Somatic therapy' -> 'somatic-therapy' (plain letters, digits and dashes)."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def one_year_later(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def reviewer_ids(root: Path) -> list[str]:
    path = root / "practice.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise Refusal(f"Cannot read the clinicians from {path.name}: {exc}. "
                      "Fix that file first (`make check` says what is wrong).") from exc
    clinicians = data.get("clinicians") if isinstance(data, dict) else None
    ids = [str(c["id"]) for c in clinicians or [] if isinstance(c, dict) and c.get("id")]
    if not ids:
        raise Refusal(f"{path.name} lists no clinicians, so no one can review the page. "
                      "Add the clinicians there first.")
    return ids


def check_reviewer(reviewer: str, ids: list[str]) -> None:
    if reviewer in ids:
        return
    close = difflib.get_close_matches(reviewer, ids, n=1, cutoff=0.5)
    hint = f"Did you mean '{close[0]}'? " if close else ""
    raise Refusal(f"There is no reviewer '{reviewer}' in practice.yaml. {hint}"
                  f"Choose one of: {', '.join(ids)}.")


def redirected_addresses(root: Path) -> dict[str, str]:
    path = root / "redirects.yaml"
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError:
        return {}  # the build reports a broken redirects.yaml with its line
    redirects = data.get("redirects") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in (redirects or {}).items()}


def render_page(kind: str, title: str, reviewer: str, today: dt.date) -> str:
    front_matter = (
        "---\n"
        f"kind: {kind}\n"
        f"description: {DESCRIPTION}\n"
        "audience: [clients, families]\n"
        f"reviewed_by: {reviewer}\n"
        f"last_reviewed: {today.isoformat()}\n"
        f"next_review: {one_year_later(today).isoformat()}\n"
        "related: []\n"
        "---\n"
    )
    return f"{front_matter}\n# {title}\n\n{KINDS[kind].sections}"


def add_to_toctree(index_text: str, caption: str, docname: str) -> str:
    """Return index.md's text with ``docname`` added at the end of the toctree
    whose caption is ``caption``."""
    lines = index_text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        start = TOCTREE_START.match(lines[i].rstrip("\n"))
        if not start:
            i += 1
            continue
        fence = start["fence"]
        end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == fence), None)
        if end is None:
            raise Refusal(f"index.md: the menu list that starts on line {i + 1} is not "
                          f"closed. Add a line with {fence} after its last page.")
        body = lines[i + 1:end]
        options = [line for line in body if line.startswith(":")]
        if any(line.strip() == f":caption: {caption}" for line in options):
            entries = [(j, line.strip()) for j, line in enumerate(body, start=i + 1)
                       if line.strip() and not line.startswith(":")]
            for _j, entry in entries:
                target = ENTRY_TARGET.search(entry)
                if (target[1] if target else entry) == docname:
                    raise Refusal(f"index.md already lists '{docname}' in the menu.")
            if entries:
                insert_at = entries[-1][0] + 1
                new_lines = [f"{docname}\n"]
            else:
                insert_at = end
                new_lines = ["\n", f"{docname}\n"]
            if not lines[insert_at - 1].endswith("\n"):
                lines[insert_at - 1] += "\n"
            return "".join(lines[:insert_at] + new_lines + lines[insert_at:])
        i = end + 1
    raise Refusal(f"index.md has no menu list with the caption '{caption}', so the page "
                  "would not appear in the menu. Ask the web team to add it.")


def add_published_url(root: Path, url: str) -> None:
    path = root / "published-urls.txt"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if url in text.split():
        return
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(text + url + "\n", encoding="utf-8")


def create_page(root: Path, kind: str, title: str, reviewer: str,
                today: dt.date) -> Path:
    """Create the page and add it to the menu; return the page's path."""
    if kind not in KINDS:
        raise Refusal(f"'{kind}' is not a kind of page. Choose one of: {', '.join(KINDS)}.")
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        raise Refusal("The title needs at least one letter or digit.")
    check_reviewer(reviewer, reviewer_ids(root))

    folder = KINDS[kind].folder
    docname = f"{folder}/{slug}" if folder else slug
    path = root / f"{docname}.md"
    if path.exists():
        raise Refusal(f"{path.relative_to(root)} already exists. To change that page, "
                      "open it and edit it. For a new page, choose a different title.")
    redirects = redirected_addresses(root)
    if docname in redirects:
        raise Refusal(f"The address {docname}.html is an old address: redirects.yaml "
                      f"sends it to {redirects[docname]}. Choose a different title.")

    index = root / "index.md"
    new_index = add_to_toctree(index.read_text(encoding="utf-8"), KINDS[kind].caption,
                               docname)

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_page(kind, title, reviewer, today), encoding="utf-8")
    index.write_text(new_index, encoding="utf-8")
    add_published_url(root, f"{docname}.html")
    return path


def ask(question: str, choices: list[str] | None = None) -> str:
    """Ask on the terminal; with choices, accept a number or the name."""
    if choices:
        print(question)
        for number, choice in enumerate(choices, start=1):
            print(f"  {number}. {choice}")
    while True:
        try:
            answer = input("> " if choices else f"{question} ").strip()
        except EOFError:
            raise Refusal("No answer given. Run it again, or give the answers as "
                          "--kind, --title and --reviewer.") from None
        if choices and answer.isdigit() and 1 <= int(answer) <= len(choices):
            return choices[int(answer) - 1]
        if answer:
            return answer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="new_page",
        description="Create a new page for the website. Any answer you leave out is asked.")
    parser.add_argument("--kind", help="specialty, approach or general")
    parser.add_argument("--title", help='the page title, e.g. "Somatic therapy"')
    parser.add_argument("--reviewer", help="the id of the clinician who reviews the page "
                                           "(from practice.yaml)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    try:
        kind = args.kind or ask("What kind of page is it?", list(KINDS))
        title = args.title or ask("What is the page's title?")
        reviewer = args.reviewer or ask("Which clinician reviews it?",
                                        reviewer_ids(args.root))
        path = create_page(args.root, kind, title, reviewer, args.today or dt.date.today())
    except Refusal as refusal:
        print(f"new-page: nothing was created. {refusal}", file=sys.stderr)
        return 1

    relative = path.relative_to(args.root).as_posix()
    print(f"Created {relative} and added it to the menu under \"{KINDS[kind].caption}\".\n"
          "Next:\n"
          f"  1. Open {relative}. Replace each \"{PROMPT}\" line with your own words,\n"
          "     and the description at the top.\n"
          "  2. Preview it: make livehtml, then open\n"
          f"     http://127.0.0.1:8000/{relative[:-3]}.html\n"
          "  3. Check it: make check\n"
          "CONTRIBUTING.md explains each step.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
