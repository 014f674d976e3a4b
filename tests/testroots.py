"""The small Sphinx test projects (testroots), each made from one template.

The case ``NAME`` is laid out as the project ``test-NAME``: the files of
tests/roots/template/ (conf.py, practice.yaml, index.md), then the case's own, which
win over the template's: the files and folders it keeps in tests/roots/test-NAME/
(``kept``) and the short pages written here (``files``). ``conf`` changes single
settings of the template's conf.py; ``toc`` replaces the template home page's one
toctree entry, ``topic``. tests/conftest.py lays out every case for Sphinx's fixtures.

tests/roots/test-error-table is not a case: tests/test_error_table.py builds it with
the site's own conf.py and practice.yaml.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOTS = Path(__file__).resolve().parent / "roots"
TEMPLATE = ROOTS / "template"
NOT_CASES = ("template", "test-error-table")  # folders under tests/roots that are no case


@dataclass(frozen=True)
class Case:
    kept: tuple[str, ...] = ()  # files and folders in tests/roots/test-NAME/
    files: dict[str, str] = field(default_factory=dict)  # path -> text
    conf: dict[str, object] = field(default_factory=dict)  # setting -> value (None: left out)
    toc: tuple[str, ...] = ()  # the home page's toctree entries, instead of "topic"
    without: tuple[str, ...] = ()  # template files the case has not


GOOD = {
    "kind": "specialty",
    "description": "Help for the test topic, at your own pace.",
    "audience": "[clients, families]",
    "reviewed_by": "clinician-a",
    "last_reviewed": "2026-11-28",
    "next_review": "2027-11-28",
    "related": "[]",
}
CALM = "It can be hard to ask for help. You do not have to do it alone. We go at your pace.\n"


def topic(body: str = CALM, **fields: str | None) -> str:
    """A page with good front matter but for ``fields`` (None: left out; new names go last)."""
    front = {**GOOD, **fields}
    lines = "".join(f"{name}: {value}\n" for name, value in front.items() if value is not None)
    return f"---\n{lines}---\n\n# Test topic\n\n{body}"


CLAIMS = """\
We cure addiction. Results are guaranteed.

IFS is an evidence-based treatment for addiction.

There is no cure, and nobody can guarantee a result. IFS is not yet evidence-based
for addiction, so we combine it with established care.
"""

LABELS = """\
Some people call him an addict. That hurts.

She has stayed clean for a year now, and she
had a dirty test last spring.

We do not treat substance abuse as a moral failing.

You may have been called an {called}`addict` or a {called}`junkie`.

The Substance Abuse and Mental Health Services Administration runs a helpline.
"""

LONG = (
    "This description goes on and on about the practice and the many ways it can help you, "
    "your family and your friends, for much longer than any search result will ever show to a reader."
)
NO_SPHINX_DESIGN = ["myst_parser", "practice"]

CASES: dict[str, Case] = {
    "claims": Case(files={"topic.md": topic(CLAIMS)}),
    "editor": Case(files={"topic.md": topic()}),
    "embed": Case(kept=("index.md",), conf={"extensions": NO_SPHINX_DESIGN}),
    "governance": Case(
        kept=("about.md", "get-help.md", "specialties", "approaches"),
        toc=(
            "specialties/addiction",
            "specialties/trauma",
            "approaches/internal-family-systems",
            "about",
            "get-help",
        ),
    ),
    "language": Case(
        files={
            "topic.md": topic(LABELS),
            "described.md": topic(description="Help for addicts and their families."),
        },
        toc=("described", "topic"),
    ),
    "metadata-audience": Case(files={"topic.md": topic(audience="[clients, familys]")}),
    "metadata-date-format": Case(files={"topic.md": topic(last_reviewed="28/11/2026")}),
    "metadata-description": Case(files={"topic.md": topic(description=LONG)}),
    "metadata-general-partial": Case(
        files={
            "topic.md": topic(
                kind="general",
                description="A general page.",
                audience="[clients]",
                reviewed_by=None,
                next_review=None,
                related=None,
            )
        }
    ),
    "metadata-kind": Case(files={"topic.md": topic(kind="speciality")}),
    "metadata-missing": Case(files={"topic.md": topic(reviewed_by=None)}),
    "metadata-misspelled": Case(files={"topic.md": topic(reviewed_by=None, reviewd_by="clinician-a")}),
    "metadata-none": Case(files={"topic.md": "# Test topic\n\nA page with no front matter.\n"}),
    "metadata-review-order": Case(files={"topic.md": topic(next_review="2026-01-15")}),
    "metadata-review-too-late": Case(files={"topic.md": topic(next_review="2030-01-15")}),
    "metadata-reviewer": Case(files={"topic.md": topic(reviewed_by="clinician-c")}),
    "metadata-yaml": Case(
        files={
            "topic.md": topic(
                kind="general",
                description="Therapy for families: how we help.",
                audience="[clients]",
                reviewed_by=None,
                last_reviewed=None,
                next_review=None,
                related=None,
            )
        }
    ),
    "missing-file": Case(
        kept=("index.md", "_static", "section"),
        conf={"extensions": NO_SPHINX_DESIGN, "myst_url_schemes": None, "html_static_path": ["_static"]},
    ),
    "navigation": Case(
        kept=("conf.py", "index.rst", "first.rst", "second.rst", "other", "section"),
        without=("index.md",),
    ),
    "practice-data": Case(
        kept=(
            "index.md",
            "practice.yaml",
            "bad-phone-link.yaml",
            "bad-yaml.yaml",
            "duplicate-clinician.yaml",
            "missing-phone.yaml",
        ),
        conf={
            "extensions": NO_SPHINX_DESIGN,
            "exclude_patterns": ["_build", "*.yaml"],
            "practice_today": None,
        },
    ),
    "reading-level": Case(
        kept=("easy.md", "for-professionals.md", "hard.md"), toc=("easy", "for-professionals", "hard")
    ),
    "related-unknown": Case(
        files={
            "topic.md": topic(related="[approaches/internal-family-system]"),
            "approaches/internal-family-systems.md": topic(kind="approach"),
        },
        toc=("approaches/internal-family-systems", "topic"),
    ),
    "review-overdue": Case(files={"topic.md": topic(last_reviewed="2023-01-10", next_review="2024-01-10")}),
}


def with_settings(conf: str, settings: dict[str, object]) -> str:
    """conf.py with each setting's line replaced (or added at the end; None: removed)."""
    for name, value in settings.items():
        line = "" if value is None else f"{name} = {value!r}\n"
        conf, found = re.subn(rf"^{name} = .*\n", line, conf, flags=re.MULTILINE)
        if not found:
            conf += line
    return conf


def lay_out(name: str, dest: Path, case: Case | None = None) -> Path:
    """Write the case ``name`` into the folder ``dest``; return ``dest``."""
    case = CASES[name] if case is None else case
    own = ROOTS / f"test-{name}"
    shutil.copytree(TEMPLATE, dest, ignore=lambda folder, names: case.without)
    if case.conf:
        conf = dest / "conf.py"
        conf.write_text(with_settings(conf.read_text(encoding="utf-8"), case.conf), encoding="utf-8")
    if case.toc:
        index = dest / "index.md"
        entries = "".join(f"{entry}\n" for entry in case.toc)
        index.write_text(index.read_text(encoding="utf-8").replace("\ntopic\n", f"\n{entries}"), "utf-8")
    for path, text in case.files.items():
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        (dest / path).write_text(text, encoding="utf-8")
    for kept in case.kept:
        source = own / kept
        if not source.exists():
            where = source.relative_to(ROOTS.parent.parent)
            raise FileNotFoundError(
                f"the test case {name!r} in tests/testroots.py keeps {where}, "
                "which is not there: add it, or take it out of the case's kept files"
            )
        if source.is_dir():
            shutil.copytree(source, dest / kept)
        else:
            shutil.copy2(source, dest / kept)
    return dest


def lay_out_all(folder: Path) -> Path:
    """Write every case into ``folder`` as test-NAME, as Sphinx's ``rootdir``; return ``folder``."""
    for name in CASES:
        lay_out(name, folder / f"test-{name}")
    return folder
