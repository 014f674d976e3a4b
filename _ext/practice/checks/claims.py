"""Honest claims: no promise of a cure or a guaranteed result, and IFS is never
called evidence-based (clinical facts, section 6: no controlled trial of IFS for
substance use). A sentence that denies the claim ("there is no cure", "we cannot
guarantee", "IFS is not yet evidence-based") is fine. The description is checked too.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..messages import Subtype, render
from .wording import check_english_wording
from ..languages.english import TABLE as ENGLISH


def problems(blocks: list[tuple[str, int | None]]) -> list[tuple[int | None, str]]:
    found = []
    for rule, match, text, line in ENGLISH.claims.find(blocks):
        if ENGLISH.negation.denies(text, match):
            continue
        word = " ".join(match.group(0).split())
        found.append((line, render("claims", found=word, problem=rule.problem, suggestion=rule.suggestion)))
    return found


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    check_english_wording(app, doctree, Subtype.claims, problems)


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", on_doctree_read)
