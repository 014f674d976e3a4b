"""Person-first language: labels that stigmatise are build errors, with a better wording.

The terms come from NIDA's "Words Matter" (clinical facts, section 2). Only wordings
that are labels in every context are matched: "user" alone, "abuse" alone
(trauma pages speak of abuse), "relapse", "clean" and "dirty" alone are too common
to judge, so the check looks for phrases ("drug user", "substance abuse",
"stay clean", "dirty test"). Names of organisations are allowed (SAMHSA,
the National Institute on Drug Abuse, Alcoholics Anonymous), and so is a marked
quotation: ``{called}`addict``` renders the word in quotes (class ``called``) and
the check leaves it alone. The front-matter description is checked too.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxRole

from ..messages import Subtype, render
from ..data.page_metadata import check_english_wording
from .prose import CALLED_CLASS, find_all

# (pattern, what to write instead); the first pattern that matches a stretch of text wins.
LABELS: list[tuple[str, str]] = [
    (
        r"\b(?:former|reformed|recovering|ex-)\s*addicts?\b",
        '"person in recovery" or "person in long-term recovery"',
    ),
    (r"\baddicts?\b", '"person with an addiction" or "person with a substance use disorder"'),
    (r"\bjunkies?\b|\bdruggies?\b", '"person who uses drugs"'),
    (
        r"\b(?:drug|substance|alcohol|opioid|opiate|heroin|cocaine|crack|meth|needle|IV|"
        r"injecting|injection)\s+(?:users?|abusers?)\b",
        '"person who uses drugs"',
    ),
    (r"\balcoholics?\b(?!\s+(?:anonymous|drinks?|beverages?))", '"person with an alcohol use disorder"'),
    (r"\b(?:a|the|old)\s+drunk\b|\bdrunks\b", '"person with an alcohol use disorder"'),
    (
        r"(?<!institute on )\b(?:substance|drug|alcohol|opioid|opiate)\s+abuse\b"
        r"(?!\s+and\s+mental\s+health)",
        '"substance use", "substance misuse" or "substance use disorder"',
    ),
    (
        r"\b(?:clean|dirty)\s+(?:drug\s+)?(?:tests?|urines?|screens?|samples?|results?|UAs?)\b",
        '"a negative test" or "a positive test"',
    ),
    (
        r"\b(?:stay|stays|staying|stayed|get|gets|getting|got|gotten|been|being|keep|keeps|"
        r"keeping|kept)\s+(?:clean|dirty)\b|\bclean\s+(?:and|&)\s+sober\b|\bclean\s+time\b|"
        r"\b(?:days?|weeks?|months?|years?)\s+clean\b|"
        r"\b(?:you|they|he|she|we|I)(?:'re|’re|'m|’m|\s+are|\s+were|\s+was|\s+am|\s+is)\s+"
        r"(?:clean|dirty)\b",
        '"in recovery", "not using" or "abstinent" (and "actively using" for "dirty")',
    ),
    (
        r"\b(?:drug|drugs|alcohol|heroin|cocaine|opioid|drinking|substance)\s+habits?\b",
        '"substance use disorder" or "addiction"',
    ),
    (
        r"\bvices?\b(?![- ](?:versa|president|presidents|chair|principal))",
        '"substance use disorder" or "addiction"',
    ),
    (
        r"(?<!nicotine )(?<!hormone )\b(?:replacement|substitution|substitute)\s+"
        r"(?:therapy|therapies|treatment|treatments)\b",
        '"medication for opioid use disorder" (MOUD)',
    ),
]
PATTERN = re.compile("|".join(f"(?P<l{i}>{p})" for i, (p, _s) in enumerate(LABELS)), re.IGNORECASE)
# Every label above contains one of these: add the word when you add a label.
# (tests/test_governance.py has one example per label, so a missing word fails it.)
TRIGGERS = (
    "addict",
    "junk",
    "drugg",
    "user",
    "abuse",
    "alcoholic",
    "drunk",
    "clean",
    "dirty",
    "habit",
    "vice",
    "replacement",
    "substitut",
)


def suggestion(match: re.Match) -> str:
    return LABELS[int(match.lastgroup[1:])][1]


def problems(blocks) -> list[tuple[int | None, str]]:
    found = []
    for match, _text, line in find_all(PATTERN, blocks, TRIGGERS):
        word = " ".join(match.group(0).split())
        found.append((line, render("language", found=word, suggestion=suggestion(match))))
    return found


class CalledRole(SphinxRole):
    """``{called}`addict```: a quoted label that a reader may have been called."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        return [nodes.inline(self.rawtext, f"“{self.text}”", classes=[CALLED_CLASS])], []


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    check_english_wording(app, doctree, Subtype.language, problems)


def setup(app: Sphinx) -> None:
    app.add_role("called", CalledRole())
    app.connect("doctree-read", on_doctree_read)
