"""`make translations`: bring the Spanish catalogues up to date with the English pages.

1. Sphinx's gettext builder writes the English words of every page, and the
   templates' words, as message templates (.pot) into _build/gettext.
2. sphinx-intl updates, from them, the catalogues (.po) of the pages listed in
   locales/es/translations.yaml (and of the page named with PAGE=..., to start its
   translation), and sphinx.po (the templates' words). An entry whose English changed
   is marked "fuzzy" (its old translation kept as a start); a new paragraph gets an
   empty entry; an English paragraph that is gone is kept at the end, commented out.
3. It prints, for each catalogue, how many entries are translated, fuzzy or empty:
   translate those, have the translation reviewed, and record the review in
   translations.yaml (CONTRIBUTING.md, "Translate a page").

practice.po (the extension's own words) is kept by hand: the tests say when it lacks one.

    python tools/translations.py [--language es] [--page approaches/mindfulness]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import yaml
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
KEPT_BY_HAND = ("practice",)


def listed_pages(root: Path, language: str) -> list[str]:
    path = root / "locales" / language / "translations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    return sorted(data) if isinstance(data, dict) else []


def catalogue_counts(path: Path) -> tuple[int, int, int]:
    """(translated, fuzzy, empty) entries of a .po file."""
    with path.open("rb") as file:
        catalog = read_po(file)
    translated = fuzzy = empty = 0
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            fuzzy += 1
        elif message.string:
            translated += 1
        else:
            empty += 1
    return translated, fuzzy, empty


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="translations", description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", default="es")
    parser.add_argument(
        "--page",
        action="append",
        default=[],
        help="also start or update this page's catalogue (path without .md)",
    )
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    pot_dir = root / "_build" / "gettext"
    built = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "-E", ".", str(pot_dir)], cwd=root
    )
    if built.returncode != 0:
        print("The English pages could not be read (see above); fix that first.", file=sys.stderr)
        return built.returncode
    wanted = {*listed_pages(root, args.language), *(p.removesuffix(".md") for p in args.page), "sphinx"}
    for pot in pot_dir.rglob("*.pot"):
        if pot.relative_to(pot_dir).with_suffix("").as_posix() not in wanted:
            pot.unlink()  # a page that is not (yet) translated gets no catalogue
    updated = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx_intl",
            "update",
            "-p",
            str(pot_dir),
            "-l",
            args.language,
            "-d",
            "locales",
        ],
        cwd=root,
        capture_output=True,
        text=True,
    )
    if updated.returncode != 0:
        print(updated.stdout + updated.stderr, file=sys.stderr)
        return updated.returncode
    folder = root / "locales" / args.language / "LC_MESSAGES"
    print(f"Catalogues in {folder.relative_to(root)} (translated / fuzzy / empty):")
    waiting = 0
    for po in sorted(folder.rglob("*.po")):
        name = po.relative_to(folder).with_suffix("").as_posix()
        if name in KEPT_BY_HAND:
            continue
        translated, fuzzy, empty = catalogue_counts(po)
        waiting += fuzzy + empty
        flag = "" if not fuzzy + empty else "   <- to translate"
        print(f"  {name}.po: {translated} / {fuzzy} / {empty}{flag}")
    if waiting:
        print(
            f"\n{waiting} entries to translate: those marked '#, fuzzy' (the English changed; "
            "check the old translation, update it, and delete the '#, fuzzy' line) and those "
            'with an empty msgstr "". Then have the translation reviewed and update its line '
            "in translations.yaml."
        )
    else:
        print("\nEvery entry is translated.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
