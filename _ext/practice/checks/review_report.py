"""``make review-report``: when each reviewed page was reviewed and when it is due.

Reads the pages' front matter and practice.yaml (no build needed) and prints one
row per specialty and approach page, and per general page that carries review
dates: reviewer, last reviewed, next review due, and a flag when the page is a
draft, when its text changed after its sign-off, or when the review is due within 60
days or overdue. Run from the site's folder::

    PYTHONPATH=_ext .venv/bin/python -m practice.checks.review_report [--today 2026-11-28] [--days 60]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from sphinx.errors import ConfigError

from ..data.front_matter import read_front_matter, text_fingerprint, validate
from ..languages.i18n import long_date
from ..data.practice_data import load_practice_data

SKIP_DIRS = {"_build", ".venv", "_ext", "tests", "bench", "node_modules", "tools", "_templates",
             "_static", "_extra"}
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
        found = [(str(path.relative_to(srcdir).with_suffix("")), path)
                 for path in srcdir.rglob("*.md")
                 if not SKIP_DIRS & set(path.relative_to(srcdir).parts[:-1])
                 and not any(part.startswith(".") for part in path.relative_to(srcdir).parts)
                 and path.name not in SKIP_FILES]
    return sorted(found)


def clinicians(srcdir: Path) -> dict[str, dict]:
    data, _problems = load_practice_data(srcdir / "practice.yaml")
    return {str(c.get("id")): c for c in data.get("clinicians", []) if isinstance(c, dict)}


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
    people = clinicians(srcdir)
    result = []
    for docname, path in page_files(srcdir):
        text = path.read_text(encoding="utf-8")
        info, problems = validate(read_front_matter(text), list(people), today)
        info.fingerprint = text_fingerprint(text)
        if not (info.is_clinical or info.reviewed_by or info.last_reviewed):
            continue
        person = people.get(info.reviewed_by or "")
        who = f"{person['name']}, {person['credentials']}" if person else "CHECK: no valid reviewer"
        flag = status(info.next_review, today, days)
        if info.is_draft:
            who, flag = "-", "DRAFT: not signed off yet"
        elif info.changed_since_review and flag == "ok":
            flag = ("CHANGED since sign-off: a clinician reads it, then make sign-off"
                    if info.review_fingerprint else "NO FINGERPRINT: sign off to record one")
        if problems and flag == "ok":
            flag = f"CHECK: {len(problems)} front-matter problem(s); run make html"
        result.append((docname, who,
                       long_date(info.last_reviewed) if info.last_reviewed else "-",
                       long_date(info.next_review) if info.next_review else "-", flag))
    return result


def table(header: tuple[str, ...], body: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip()
             for row in [header, tuple("-" * w for w in widths), *body]]
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
