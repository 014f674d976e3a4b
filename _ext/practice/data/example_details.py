"""Which of the practice's details in ``practice.yaml`` are still examples.

The repository ships as an example practice, and every example value is marked so a
person can see it: "(example)" or "(ejemplo)", a name that begins "Example", a
555-01xx phone number (the range kept for fiction), an ``example.com`` or
``example.org`` address. The public site must never show one, so:

- a production build (``practice_build_for = "production"``) fails on each, naming
  practice.yaml and its line, and on ``example: true`` (``on_config_inited``);
- a preview shows the example notice at the top of every page while any is left
  (``practice_is_example`` in the templates' ``practice``);
- ``make sign-off`` records a sign-off made while the details are examples as an
  example review, which the public site does not count (``sign_offs``);
- ``make setup`` sets ``example: false`` only when none is left, and
  ``make launch-check`` lists them.

Plain Python (no Sphinx) apart from the build's handler, so the tools use the same rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..yaml_source import scalar_lines

MARKED = re.compile(r"\((example|ejemplo)\)", re.IGNORECASE)
EXAMPLE_NAME = re.compile(r"\bExample\b|\b[Tt]exto de ejemplo\b")
FICTIONAL_PHONE = re.compile(r"555\D{0,3}01\d\d")
EXAMPLE_DOMAIN = re.compile(r"\bexample\.(com|org|net)\b", re.IGNORECASE)
# Values no page shows: the flag itself, and clinicians' ids (pages name reviewers by them).
NOT_SHOWN = re.compile(r"^example$|\.id$")


@dataclass(frozen=True)
class ExampleDetail:
    """One value in practice.yaml that is still an example."""

    key: str  # e.g. "fees.session", "clinicians[0].name", "es.fees.session"
    line: int
    value: str
    reason: str  # why it counts as an example, in plain words


def why_example(value: str) -> str | None:
    """Why ``value`` is an example value, or ``None`` if it is not one."""
    if marked := MARKED.search(value):
        return f"it is marked '{marked[0]}'"
    if FICTIONAL_PHONE.search(value):
        return "it is a 555-01xx phone number, a range kept for examples"
    if domain := EXAMPLE_DOMAIN.search(value):
        return f"it is an {domain[0].lower()} address, kept for examples"
    if name := EXAMPLE_NAME.search(value):
        return f"it says '{name[0]}'"
    return None


def example_details(root: yaml.Node | None) -> list[ExampleDetail]:
    """Every value under ``root`` (practice.yaml's node tree) that is still an example."""
    found = []
    for key, line, value in scalar_lines(root):
        reason = None if NOT_SHOWN.search(key) else why_example(value)
        if reason:
            found.append(ExampleDetail(key, line, value, reason))
    return found


def example_flag_line(root: yaml.Node | None) -> int:
    """The line of ``example:`` in practice.yaml (1 if it has none)."""
    return next((line for key, line, _value in scalar_lines(root) if key == "example"), 1)


def is_example(data: dict[str, Any], details: list[ExampleDetail]) -> bool:
    """The site is an example while practice.yaml says so or any example value is left."""
    return data.get("example") is not False or bool(details)


def read_example_details(path: Path) -> tuple[dict[str, Any], list[ExampleDetail]]:
    """practice.yaml's values and its example details (for the tools; the build has both)."""
    from .practice_data import load_practice_file

    loaded = load_practice_file(path)
    return loaded.data, loaded.examples
