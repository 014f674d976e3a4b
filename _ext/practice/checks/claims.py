"""Honest claims: no promise of a cure or a guaranteed result, and IFS is never
called evidence-based (clinical facts, section 6: no controlled trial of IFS for
substance use). A sentence that denies the claim ("there is no cure", "we cannot
guarantee", "IFS is not yet evidence-based") is fine. The description is checked too.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx

from ..messages import Subtype, render
from ..data.page_metadata import check_english_wording
from .prose import find_all, is_negated

HONEST = 'Say what therapy can offer, for example: "Many people find that therapy helps them ..."'
# (pattern, what is wrong, how to say it instead)
CLAIMS: list[tuple[str, str, str]] = [
    (
        r"\b(?:IFS|Internal\s+Family\s+Systems)\b[^.!?]{0,60}?\b(?:is|are|as|an?)\b[^.!?]{0,30}?"
        r"\bevidence[- ]based\b|\bevidence[- ]based\s+(?:IFS|Internal\s+Family\s+Systems)\b",
        "calls IFS evidence-based; no controlled trial of IFS for addiction has been published",
        'Say, for example: "IFS is a growing, compassion-focused approach, and we combine it '
        'with established care."',
    ),
    (r"\bcur(?:e|es|ed|ing)\b", "promises a cure", HONEST),
    (r"\bguarantee(?:s|d)?\b", "promises a guaranteed result", HONEST),
    (r"\b100\s*(?:%|percent\b|per\s+cent\b)", "promises a certain result", HONEST),
    (
        r"\b(?:clinically|scientifically)\s+proven\b|\bproven\s+to\b|\bproven\s+(?:method|"
        r"treatment|cure|way)\b",
        "claims a proof the research does not give",
        'Describe the evidence honestly, for example: "Research on this is still growing."',
    ),
    (
        r"\bmiracle\b|\bpermanent(?:ly)?\s+(?:recovery|fix|solution)\b|\bsuccess\s+rates?\b",
        "promises a result no therapist can promise",
        HONEST,
    ),
]
PATTERN = re.compile("|".join(f"(?P<c{i}>{p})" for i, (p, _w, _s) in enumerate(CLAIMS)), re.IGNORECASE)
# Every claim above contains one of these: add the word when you add a claim.
# (tests/test_governance.py has one example per claim, so a missing word fails it.)
TRIGGERS = ("evidence", "cur", "guarantee", "100", "proven", "miracle", "permanent", "success")


def problems(blocks) -> list[tuple[int | None, str]]:
    found = []
    for match, text, line in find_all(PATTERN, blocks, TRIGGERS):
        if is_negated(text, match):
            continue
        _pattern, problem, suggestion = CLAIMS[int(match.lastgroup[1:])]
        word = " ".join(match.group(0).split())
        found.append((line, render("claims", found=word, problem=problem, suggestion=suggestion)))
    return found


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    check_english_wording(app, doctree, Subtype.claims, problems)


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", on_doctree_read)
