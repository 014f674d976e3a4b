"""`make check`: every content check, quickly, with a short summary.

Runs the site's build with every check on (the strict options: missing links are
errors), but without writing the HTML (Sphinx's ``dummy`` builder), into
_build/check; then the same for the Spanish site (``-D language=es``, into
_build/check-es: its Spanish checks, translations.yaml, practice.yaml's Spanish
details, and under "Not ready to publish" each paragraph whose translation is
missing or out of date). Runs after the first are incremental: only changed pages are read
again. Then it checks that every address in published-urls.txt still leads to a
page or a redirect, and that every page is listed there.

It prints how many pages were checked and either "All checks passed" or each
problem as ``file:line: message``. Then, under "Not ready to publish", each page the
public site would refuse: a draft, a "Write here:" prompt, a page changed since its
sign-off (a preview builds them with a banner; see _ext/practice/checks/publishing.py).
Exit status 0 means no problems and every page ready to publish.

With ``GITHUB_ACTIONS=true`` (GitHub's workflows set it) each problem is also
printed as a GitHub annotation (``::error file=...,line=...,title=...::message``),
so a pull request shows it on the line it is about.

Sphinx shows a warning found while reading a page only on the build that read
the page; an incremental build does not read unchanged pages. So this tool keeps
those warnings per page (``_build/check/read-warnings.json``) and shows them again
until the page is changed and read without them. When the extension's code changes,
every page is read again.
"""

from __future__ import annotations

from typing import cast

import argparse
import contextlib
import copy
import hashlib
import io
import json
import logging
import os
import re
import sys
import time
import traceback
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.build_phase import BuildPhase
from sphinx.util.console import nocolor
from sphinx.util.docutils import docutils_namespace, patch_docutils

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))
# Sphinx's logging internals (see _ext/upstream/sphinx.py).
from upstream.sphinx import LOGGING_NAMESPACE as NAMESPACE
from upstream.sphinx import (
    SphinxWarningLogRecord,
    WarningLogRecordTranslator,
    forget_translations,
    is_suppressed_warning,
    reading_docname,
)
from practice.languages.tables import language_name

INIT_WARNING = re.compile(r"^(?:\S.*?: )?(?:WARNING|ERROR|CRITICAL): ")


class Recorder(logging.Handler):
    """Collects the build's warnings, each with the page being read if any."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__(logging.WARNING)
        self.app = app
        self.translator = WarningLogRecordTranslator(app)
        self.read: dict[str, list[str]] = {}  # page -> warnings found reading it
        self.consistency: list[str] = []  # the whole-site checks after reading
        self.other: list[str] = []  # found on every build
        self.consistency_checked = False
        self.pages_read: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if is_suppressed_warning(
            getattr(record, "type", ""), getattr(record, "subtype", ""), self.app.config.suppress_warnings
        ):
            return
        record = copy.copy(record)
        self.translator.filter(cast(SphinxWarningLogRecord, record))
        text = relative(record.getMessage(), Path(self.app.srcdir))
        phase = self.app.phase
        docname = reading_docname(self.app) if phase == BuildPhase.READING else ""
        if docname:
            self.read.setdefault(docname, []).append(text)
        elif phase == BuildPhase.CONSISTENCY_CHECK:
            self.consistency.append(text)
        else:
            self.other.append(text)


def relative(message: str, root: Path) -> str:
    """Show file names from the site's folder, and no 'WARNING:' (all are problems)."""
    message = message.replace(f"{root}/", "")
    return re.sub(r"^(\S[^\n]*?: )?(?:WARNING|ERROR|CRITICAL): ", r"\1", message)


def where(problem: str) -> tuple[str, int]:
    """Sort key: the file, then the line."""
    match = re.match(r"^([^\s:]+)(?::(\d+))?:", problem)
    return (match[1], int(match[2] or 0)) if match else ("", 0)


def published_url_problems(root: Path, pages: set[str], redirects: dict[str, str]) -> list[str]:
    path = root / "published-urls.txt"
    if not path.exists():
        return []
    problems = []
    listed = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        listed.add(url)
        docname = url.removesuffix(".html")
        if docname not in pages and docname not in redirects:
            problems.append(
                f"published-urls.txt:{number}: the address {url} no longer leads to a page. "
                "If the page moved, add a line to redirects.yaml: "
                f"'  {docname}: new/page' (see CONTRIBUTING.md)."
            )
    for docname in sorted(pages - {url.removesuffix(".html") for url in listed}):
        problems.append(
            f"published-urls.txt: the page {docname}.md is not listed. "
            f"Add the line '{docname}.html' (make new-page does this for you)."
        )
    return problems


def checks_version(root: Path) -> str:
    """A fingerprint of the site's extension: Sphinx does not notice when its code changes.

    page_state.ENV_VERSION covers the stores' shape when someone raises it; this makes
    `make check` read every page again after any change to a check, raised or not."""
    digest = hashlib.sha256()
    for path in sorted((root / "_ext").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def not_ready_to_publish(app: Sphinx) -> list[str]:
    """Each reason a page would stop the public site's build, as 'file:line: message'
    (in the Spanish site's check, also each paragraph not translated or out of date)."""
    from practice.checks.publishing import pages_not_ready  # importable once conf.py has run
    from practice.languages.translation import stale_messages

    found = [
        f"{app.env.doc2path(docname, False)}:{reason.line or 1}: {reason.message}"
        for docname, reasons in pages_not_ready(app).items()
        for reason in reasons
    ]
    found += [
        f"{app.env.doc2path(docname, False)}:{line or 1}: {message}"
        for docname, messages in stale_messages(app).items()
        for line, message in messages
    ]
    return found


def translation_languages(root: Path) -> list[str]:
    """The languages the site is translated into (locales/<language>/translations.yaml)."""
    return sorted(path.parent.name for path in (root / "locales").glob("*/translations.yaml"))


# The title of a GitHub annotation, from the warning's [type.subtype].
TITLES = {
    "practice.metadata": "Front matter",
    "practice.related": "Related pages",
    "practice.review-overdue": "Review overdue",
    "practice.language": "Person-first language",
    "practice.reading-level": "Reading level",
    "practice.claims": "Honest claims",
    "practice.not-ready": "Not ready to publish",
    "practice.embed": "Embedded content",
    "practice.translation": "Spanish site",
}


def annotation(problem: str, title: str | None = None) -> str:
    """``problem`` ('file:line: message [type.subtype]') as a GitHub annotation line."""
    match = re.match(r"^(?P<file>[^\s:]+\.\w+)(?::(?P<line>\d+))?: (?P<message>.*)$", problem, re.DOTALL)
    message = match["message"] if match else problem
    kind = re.search(r" \[([\w.-]+)\]$", message)
    if title is None:
        title = TITLES.get(kind[1], "Build problem") if kind else "Problem"
    properties = []
    if match:
        properties.append(f"file={_escape_property(match['file'])}")
        if match["line"]:
            properties.append(f"line={match['line']}")
    properties.append(f"title={_escape_property(title)}")
    return f"::error {','.join(properties)}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def run_check(root: Path, out: Path, language: str = "en") -> tuple[int, list[str], list[str]]:
    """Check the site in ``root`` (or its translation into ``language``); return (pages
    checked, problems, not ready to publish)."""
    cache_file = out / "read-warnings.json"
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = None
    if cache is not None and cache.get("checks") != checks_version(root):
        cache = None  # the checks themselves changed: read every page again
    cache_file.unlink(missing_ok=True)  # written again only if this run completes

    init_warnings = io.StringIO()
    nocolor()
    forget_translations()  # not the words of the language checked before
    with patch_docutils(root), docutils_namespace(), contextlib.redirect_stdout(io.StringIO()):
        app = Sphinx(
            str(root),
            str(root),
            str(out / "dummy"),
            str(out / "doctrees"),
            "dummy",
            confoverrides={"nitpicky": True, "practice_build_for": "preview", "language": language},
            status=None,
            warning=init_warnings,
            freshenv=cache is None,
        )
        at_init = init_warnings.getvalue()
        recorder = Recorder(app)
        logging.getLogger(NAMESPACE).addHandler(recorder)
        app.connect(
            "env-check-consistency", lambda _app, _env: setattr(recorder, "consistency_checked", True)
        )
        app.connect("env-before-read-docs", lambda _app, _env, docnames: recorder.pages_read.update(docnames))
        try:
            app.build()
        finally:
            logging.getLogger(NAMESPACE).removeHandler(recorder)

    pages = set(app.env.found_docs)
    read = {name: warnings for name, warnings in (cache or {}).get("read", {}).items() if name in pages}
    for name in recorder.pages_read | set(recorder.read):
        read[name] = recorder.read.get(name, [])
    consistency = (
        recorder.consistency
        if recorder.consistency_checked or cache is None
        else cache.get("consistency", [])
    )
    out.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(
        json.dumps({"checks": checks_version(root), "read": read, "consistency": consistency}),
        encoding="utf-8",
    )

    at_start: list[str] = []
    for line in at_init.splitlines():
        if INIT_WARNING.match(line):
            at_start.append(relative(line, root))
        elif at_start and line.strip():
            at_start[-1] += "\n" + line
    problems = sorted(
        dict.fromkeys(at_start + [w for name in read for w in read[name]] + consistency + recorder.other),
        key=where,
    )
    if language == "en":
        problems += published_url_problems(root, pages, app.config.redirects)
    return len(pages), problems, sorted(not_ready_to_publish(app), key=where)


def check_all(root: Path, out: Path) -> tuple[str, list[str], list[str]]:
    """The English site, then each translation: (what was checked, problems, not ready)."""
    count, problems, waiting = run_check(root, out / "check")
    checked = [f"{count} pages"]
    for language in translation_languages(root):
        more, their_problems, their_waiting = run_check(root, out / f"check-{language}", language)
        checked.append(f"{more} pages in {language_name(language)}")
        problems = sorted(dict.fromkeys(problems + their_problems), key=where)
        waiting = sorted(dict.fromkeys(waiting + their_waiting), key=where)
    return " and ".join(checked), problems, waiting


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    started = time.perf_counter()
    try:
        count, problems, waiting = check_all(root, root / "_build")
    except SphinxError as exc:  # a mistake that stops the build, e.g. broken YAML
        print(f"The check could not finish: {relative(str(exc), root)}", file=sys.stderr)
        return 1
    except Exception:  # a fault in the site's code, not in a page
        traceback.print_exc()
        print(
            "\nThe check could not finish because of a fault in the site's code, not in "
            "your pages. Please send the lines above to the web team.",
            file=sys.stderr,
        )
        return 2
    seconds = time.perf_counter() - started
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            print(annotation(problem))
        for reason in waiting:
            print(annotation(reason, "Not ready to publish"))
    if problems:
        print("\n".join(problems))
        print(
            f"\n{len(problems)} problem{'s' if len(problems) != 1 else ''} found (listed "
            "above). Each message says what to change. CONTRIBUTING.md has a table of every "
            "message and how to fix it.\n"
        )
    if waiting:
        print("Not ready to publish:\n" + "\n".join("  " + line.replace("\n", "\n    ") for line in waiting))
        print(
            f"\n{len(waiting)} thing{'s' if len(waiting) != 1 else ''} to finish before "
            "publishing (listed above). A preview shows these pages with a banner; the "
            "public site's build stops on them.\n"
        )
    if problems or waiting:
        print(
            f"Checked {count} in {seconds:.1f} s: {len(problems)} problem"
            f"{'s' if len(problems) != 1 else ''} found, {len(waiting)} not ready to publish."
        )
        return 1
    print(f"Checked {count} in {seconds:.1f} s: 0 problems found. All checks passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
