"""``make review-report``: when each reviewed page was reviewed and when it is due.

Reads the pages' front matter, practice.yaml and each language's translations.yaml
(no build needed) and prints one row per specialty and approach page, and per general
page that carries review dates: reviewer, last reviewed, next review due, and a flag
when the page is a draft, when its text changed after its sign-off, when the review is
due within 60 days or overdue, or when its sign-off is not a real one by the clinician
practice.yaml names (``data.sign_offs``). Then every page and translation waiting
for a real sign-off, with what to run (``waiting_for_sign_off``, which
``make launch-check`` lists too). Run from the site's folder::

    PYTHONPATH=_ext .venv/bin/python -m practice.checks.review_report [--today 2026-11-28] [--days 60]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from sphinx.errors import ConfigError

from ..data.front_matter import PageInfo, read_front_matter, text_fingerprint, validate
from ..data.practice_data import PracticeFile, load_practice_file, signature
from ..data.sign_offs import EXAMPLE_REVIEW, OTHER_PERSON, SignOff, sign_off_gap
from ..languages.i18n import long_date
from ..languages.translation import load_translations, site_languages_in, translations_path

SKIP_DIRS = {
    "_build",
    ".venv",
    "_ext",
    "tests",
    "bench",
    "node_modules",
    "tools",
    "_templates",
    "_static",
    "_extra",
}
SKIP_FILES = {"README.md", "CONTRIBUTING.md"}


def page_files(srcdir: Path) -> list[tuple[str, Path]]:
    """(docname, path) of each page; uses conf.py's exclude_patterns when it can."""
    try:
        from sphinx.config import Config
        from sphinx.util.matching import get_matching_files
        from sphinx.util.tags import Tags

        config = Config.read(srcdir, overrides={}, tags=Tags())
        names = get_matching_files(srcdir, ("**.md",), config.exclude_patterns)
        found = [(name.removesuffix(".md"), srcdir / name) for name in names]
    except ConfigError as exc:  # conf.py could not be read: say so, then a plain walk
        print(f"Could not read conf.py ({exc}); listing every .md file instead.", file=sys.stderr)
        found = [
            (str(path.relative_to(srcdir).with_suffix("")), path)
            for path in srcdir.rglob("*.md")
            if not SKIP_DIRS & set(path.relative_to(srcdir).parts[:-1])
            and not any(part.startswith(".") for part in path.relative_to(srcdir).parts)
            and path.name not in SKIP_FILES
        ]
    return sorted(found)


def clinicians(srcdir: Path, loaded: PracticeFile | None = None) -> dict[str, dict]:
    data = (loaded or load_practice_file(srcdir / "practice.yaml")).data
    return {str(c.get("id")): c for c in data.get("clinicians", []) if isinstance(c, dict)}


GAP_FLAGS = {
    OTHER_PERSON: "NOT SIGNED by the clinician practice.yaml names now",
    EXAMPLE_REVIEW: "EXAMPLE REVIEW: a real clinician signs it off",
}
UNSIGNED_FLAG = "NOT SIGNED: no signed_by line"


def gap_words(gap: str, what: str, signed: str | None, now: str | None) -> str:
    """One sign-off that does not count, in words."""
    if gap == OTHER_PERSON:
        return f"{what} was signed off by {signed}, not by {now}"
    if gap == EXAMPLE_REVIEW:
        return f"{what} has only an example review ({signed})"
    return f"{what} has a review that does not say who signed it"


def gap_of(sign_off: SignOff, people: dict[str, dict], loaded: PracticeFile) -> str | None:
    """How the public site sees this sign-off (``sign_offs.sign_off_gap``, public)."""
    signatures = {cid: signature(person) for cid, person in people.items()}
    return sign_off_gap(sign_off, signatures, loaded.is_example, public=True)


def page_infos(
    srcdir: Path, people: dict[str, dict], today: dt.date
) -> list[tuple[str, Path, PageInfo, list]]:
    found = []
    for docname, path in page_files(srcdir):
        text = path.read_text(encoding="utf-8")
        info, problems = validate(read_front_matter(text), list(people), today)
        info.fingerprint = text_fingerprint(text)
        found.append((docname, path, info, problems))
    return found


def waiting_for_sign_off(srcdir: Path, today: dt.date) -> list[tuple[str, int, str]]:
    """(file, line, what to do) for each page and translation the public site would not
    count as signed off by a clinician of the practice."""
    loaded = load_practice_file(srcdir / "practice.yaml")
    people = clinicians(srcdir, loaded)
    ids = ", ".join(people)
    found = []
    infos = page_infos(srcdir, people, today)
    for docname, path, info, _problems in infos:
        relative = path.relative_to(srcdir).as_posix()
        command = f"make sign-off PAGE={docname} REVIEWER=<clinician id: {ids}>"
        if info.is_draft:
            found.append(
                (
                    relative,
                    info.line("status") or 1,
                    f"{docname} is a draft: finish it, then a clinician reads it and runs {command}",
                )
            )
            continue
        if not info.has_review:
            if info.is_clinical:
                found.append((relative, 1, f"{docname} has no review: {command}"))
            continue
        gap = gap_of(SignOff(info.reviewed_by, info.signed_by, info.example_review), people, loaded)
        if info.changed_since_review:
            found.append(
                (
                    relative,
                    info.line("review_fingerprint") or info.line("reviewed_by") or 1,
                    f"{docname} changed after its sign-off: a clinician reads it and runs {command}",
                )
            )
        elif gap:
            now = signature(people[info.reviewed_by]) if info.reviewed_by in people else None
            found.append(
                (
                    relative,
                    info.line("signed_by") or info.line("reviewed_by") or 1,
                    f"{gap_words(gap, docname, info.signed_by, now)}: the clinician who "
                    f"reads it runs {command}",
                )
            )
    pages = {docname for docname, *_rest in infos}
    for language in site_languages_in(srcdir):
        listing = translations_path(srcdir, language)
        entries, _problems = load_translations(listing, pages, list(people), today)
        relative = listing.relative_to(srcdir).as_posix()
        for docname, entry in sorted(entries.items()):
            gap = gap_of(SignOff(entry.reviewed_by, entry.signed_by, entry.example_review), people, loaded)
            if gap:
                now = signature(people[entry.reviewed_by]) if entry.reviewed_by in people else None
                what = gap_words(gap, f"The {language} translation of {docname}", entry.signed_by, now)
                found.append(
                    (
                        relative,
                        entry.line_of("signed_by" if entry.signed_by else "reviewed_by"),
                        f"{what}: the clinician who reads it runs make sign-off-translation "
                        f"PAGE={docname} REVIEWER=<clinician id: {ids}>",
                    )
                )
    return found


def status(next_review: dt.date | None, today: dt.date, days: int) -> str:
    if next_review is None:
        return "CHECK: no valid next_review"
    left = (next_review - today).days
    if left < 0:
        return f"OVERDUE by {-left} days"
    if left <= days:
        return f"DUE SOON: in {left} days"
    return "ok"


def rows(srcdir: Path, today: dt.date, days: int) -> list[tuple[str, ...]]:
    loaded = load_practice_file(srcdir / "practice.yaml")
    people = clinicians(srcdir, loaded)
    result: list[tuple[str, ...]] = []
    for docname, _path, info, problems in page_infos(srcdir, people, today):
        if not (info.is_clinical or info.reviewed_by or info.last_reviewed):
            continue
        person = people.get(info.reviewed_by or "")
        who = f"{person['name']}, {person['credentials']}" if person else "CHECK: no valid reviewer"
        flag = status(info.next_review, today, days)
        if info.is_draft:
            who, flag = "-", "DRAFT: not signed off yet"
        elif info.changed_since_review and flag == "ok":
            flag = (
                "CHANGED since sign-off: a clinician reads it, then make sign-off"
                if info.review_fingerprint
                else "NO FINGERPRINT: sign off to record one"
            )
        elif flag == "ok":
            gap = gap_of(SignOff(info.reviewed_by, info.signed_by, info.example_review), people, loaded)
            flag = GAP_FLAGS.get(gap, UNSIGNED_FLAG) if gap else flag
        if problems and flag == "ok":
            flag = f"CHECK: {len(problems)} front-matter problem(s); run make html"
        result.append(
            (
                docname,
                who,
                long_date(info.last_reviewed) if info.last_reviewed else "-",
                long_date(info.next_review) if info.next_review else "-",
                flag,
            )
        )
    return result


def table(header: tuple[str, ...], body: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, tuple("-" * w for w in widths), *body]
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("srcdir", nargs="?", default=".", type=Path)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--days", type=int, default=60, help="flag reviews due within N days")
    args = parser.parse_args(argv)
    body = rows(args.srcdir.resolve(), args.today, args.days)
    print(f"Page reviews on {long_date(args.today)} (flagged: overdue, or due within {args.days} days)\n")
    print(table(("Page", "Reviewed by", "Last reviewed", "Next review due", "Status"), body))
    flagged = [row for row in body if row[-1] != "ok"]
    print(f"\n{len(body)} reviewed pages, {len(flagged)} flagged.")
    waiting = waiting_for_sign_off(args.srcdir.resolve(), args.today)
    if waiting:
        print(f"\nWaiting for a real sign-off ({len(waiting)}):")
        for path, line, what in waiting:
            print(f"  {path}:{line}: {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
