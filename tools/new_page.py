"""Create a new topic page, ready to fill in, that builds at once.

Staff run ``make new-page`` (it asks two questions) or, with the answers given::

    .venv/bin/python tools/new_page.py --kind approach --title "Somatic therapy"

The page goes in the folder for its kind (specialties/, approaches/, or the site's
root for a general page) under a file name made from the title. It gets complete
front matter marked ``status: draft`` (no review fields: a clinician's sign-off,
``make sign-off``, writes them once the page is written), the headings that kind
of page has, each with a short "Write here:" line saying what belongs there, and a
place in the site's menu (the hidden toctree in index.md with the kind's caption).
Its address is added to published-urls.txt, the list of addresses that must keep
working (see redirects.yaml).

Nothing is written unless everything can be: the tool refuses, with a plain
message and a non-zero exit status, to overwrite a page or to use an address that
redirects.yaml sends elsewhere.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

# The marker every prompt starts with: a page that has one is not ready to publish.
from practice.data.front_matter import PROMPT, read_front_matter_file
from practice.data.page_kinds import KINDS, render_page, slugify
from practice.data.menu_source import menu_lists
from practice.site.redirects import load_redirects
from sphinx.errors import ConfigError


class Refusal(Exception):
    """Something the person must fix; the message says what and how."""


def redirected_addresses(root: Path) -> dict[str, str]:
    """{old address: new page} from redirects.yaml, read as the build reads it (a broken
    file is left for the build to report, with its line)."""
    try:
        found, _problems = load_redirects(root / "redirects.yaml")
    except ConfigError:
        return {}
    return {old: new for old, (new, _line) in found.items()}


def add_to_toctree(index_text: str, caption: str, docname: str) -> str:
    """Return index.md's text with ``docname`` added at the end of the toctree
    whose caption is ``caption``."""
    lines = index_text.splitlines(keepends=True)
    for block in menu_lists(index_text):
        if block.end is None:
            raise Refusal(
                f"index.md: the menu list that starts on line {block.start + 1} is "
                f"not closed. Add a line with {block.fence} after its last page."
            )
        if block.caption != caption:
            continue
        if any(entry == docname for _line, entry in block.entries):
            raise Refusal(f"index.md already lists '{docname}' in the menu.")
        if block.entries:
            insert_at = block.entries[-1][0] + 1
            new_lines = [f"{docname}\n"]
        else:
            insert_at = block.end
            new_lines = ["\n", f"{docname}\n"]
        if not lines[insert_at - 1].endswith("\n"):
            lines[insert_at - 1] += "\n"
        return "".join(lines[:insert_at] + new_lines + lines[insert_at:])
    raise Refusal(
        f"index.md has no menu list with the caption '{caption}', so the page "
        "would not appear in the menu. Ask the web team to add it."
    )


def add_published_url(root: Path, url: str) -> None:
    path = root / "published-urls.txt"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if url in text.split():
        return
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(text + url + "\n", encoding="utf-8")


def create_page(root: Path, kind: str, title: str) -> Path:
    """Create the page and add it to the menu; return the page's path."""
    if kind not in KINDS:
        raise Refusal(f"'{kind}' is not a kind of page. Choose one of: {', '.join(KINDS)}.")
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        raise Refusal("The title needs at least one letter or digit.")

    folder = KINDS[kind].folder
    docname = f"{folder}/{slug}" if folder else slug
    path = root / f"{docname}.md"
    if path.exists():
        raise Refusal(
            f"{path.relative_to(root)} already exists. To change that page, "
            "open it and edit it. For a new page, choose a different title."
        )
    redirects = redirected_addresses(root)
    if docname in redirects:
        raise Refusal(
            f"The address {docname}.html is an old address: redirects.yaml "
            f"sends it to {redirects[docname]}. Choose a different title."
        )

    index = root / "index.md"
    new_index = add_to_toctree(index.read_text(encoding="utf-8"), KINDS[kind].caption, docname)

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_page(kind, title), encoding="utf-8")
    index.write_text(new_index, encoding="utf-8")
    add_published_url(root, f"{docname}.html")
    return path


def menu_pages(index_text: str) -> set[str]:
    return {entry for block in menu_lists(index_text) for _line, entry in block.entries}


def adopt_page(root: Path, path: Path) -> str:
    """Give a draft made in the browser editor what ``make new-page`` gives a page: its
    place in the menu for its kind and its line in published-urls.txt. Returns its
    docname. The editor wrote the file with the same template and file name rules."""
    relative = path.resolve().relative_to(root.resolve())
    docname = relative.with_suffix("").as_posix()
    kind = read_front_matter_file(path).data or {}
    kind_name = kind.get("kind") if isinstance(kind, dict) else None
    if kind_name not in KINDS:
        raise Refusal(f"{relative} has no kind: in its front matter (one of: {', '.join(KINDS)}).")
    folder = KINDS[kind_name].folder
    if relative.parent.as_posix() != (folder or "."):
        raise Refusal(f"{relative} is a {kind_name} page, so it belongs in {folder or 'the top folder'}/.")
    if slugify(relative.stem) != relative.stem:
        raise Refusal(
            f"{relative}: a page's file name is made of lower-case letters, digits and dashes "
            f"({slugify(relative.stem)}.md). Rename the file, or make the page again with make new-page."
        )
    redirects = redirected_addresses(root)
    if docname in redirects:
        raise Refusal(
            f"The address {docname}.html is an old address: redirects.yaml sends it to "
            f"{redirects[docname]}. Give the page a different title."
        )
    index = root / "index.md"
    text = index.read_text(encoding="utf-8")
    if docname not in menu_pages(text):
        index.write_text(add_to_toctree(text, KINDS[kind_name].caption, docname), encoding="utf-8")
    add_published_url(root, f"{docname}.html")
    return docname


def new_drafts(root: Path) -> list[Path]:
    """Drafts of a known kind, in their kind's folder, that no menu list has yet."""
    listed = menu_pages((root / "index.md").read_text(encoding="utf-8"))
    found = []
    for spec in KINDS.values():
        for path in sorted((root / spec.folder).glob("*.md")):
            docname = path.relative_to(root).with_suffix("").as_posix()
            data = read_front_matter_file(path).data
            if (
                docname not in listed
                and isinstance(data, dict)
                and data.get("status") == "draft"
                and KINDS.get(str(data.get("kind"))) is spec
            ):
                found.append(path)
    return found


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
            raise Refusal(
                "No answer given. Run it again, or give the answers as --kind and --title."
            ) from None
        if choices and answer.isdigit() and 1 <= int(answer) <= len(choices):
            return choices[int(answer) - 1]
        if answer:
            return answer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="new_page", description="Create a new page for the website. Any answer you leave out is asked."
    )
    parser.add_argument("--kind", help="specialty, approach or general")
    parser.add_argument("--title", help='the page title, e.g. "Somatic therapy"')
    parser.add_argument(
        "--adopt", metavar="PAGE", help="give a page made in the editor its menu entry (specialties/grief.md)"
    )
    parser.add_argument(
        "--adopt-new", action="store_true", help="the same for every new draft that is not in the menu yet"
    )
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.adopt or args.adopt_new:
        try:
            paths = [args.root / args.adopt] if args.adopt else new_drafts(args.root)
            for path in paths:
                docname = adopt_page(args.root, path)
                print(f"Added {docname} to the menu and to published-urls.txt.")
        except Refusal as refusal:
            print(f"new-page: {refusal}", file=sys.stderr)
            return 1
        return 0

    try:
        kind = args.kind or ask("What kind of page is it?", list(KINDS))
        title = args.title or ask("What is the page's title?")
        path = create_page(args.root, kind, title)
    except Refusal as refusal:
        print(f"new-page: nothing was created. {refusal}", file=sys.stderr)
        return 1

    relative = path.relative_to(args.root).as_posix()
    print(
        f"Created {relative}, a draft, and added it to the menu under "
        f'"{KINDS[kind].caption}".\n'
        "A draft shows in previews with a banner and is never published.\n"
        "Next:\n"
        f'  1. Open {relative}. Replace each "{PROMPT}" line with your own words,\n'
        "     and the description at the top.\n"
        "  2. Preview it: make livehtml, then open\n"
        f"     http://127.0.0.1:8000/{relative[:-3]}.html\n"
        "  3. Check it: make check\n"
        "  4. When a clinician has read all of it, they sign it off:\n"
        f"     make sign-off PAGE={relative[:-3]} REVIEWER=<their id>\n"
        "CONTRIBUTING.md explains each step."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
