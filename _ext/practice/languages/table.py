"""What the site's checks and pages need of a language, as one table per language.

A ``LanguageTable`` holds everything language-specific that the build uses: how its
prose is scored for reading level and the limits, the labels and the claims the
wording checks flag, how a claim is denied, its crisis-lines block, its words for
dates and for the link to it from another language. ``english.py`` and ``spanish.py``
are the tables; ``tables.py`` lists them and stops a build in a language without one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..checks.prose import Negation, WordRules
from ..checks.reading_level import Readability


@dataclass(frozen=True)
class Limit:
    """A reading-level limit: the config value that holds it, its default, and what it
    means in plain words (for the messages)."""

    config: str
    default: float
    means: str


@dataclass(frozen=True)
class LanguageTable:
    code: str  # as in -D language=es
    name: str  # in English, as the messages say it: "Spanish"
    link_label: str  # the link to this language from a page in another: "En español"
    readability: Readability  # words, sentences, syllables and the formula
    scale: str  # the formula's name, as the messages say it
    page_limit: Limit  # the whole page of a page for clients and families
    paragraph_limit: Limit  # each paragraph of it
    sources_titles: tuple[str, ...]  # headings of a list of citations, lower case
    labels: WordRules  # person-first language: labels, and what to write instead
    claims: WordRules  # promises and overclaims, and what to say instead
    negation: Negation  # a sentence that denies a claim is fine
    crisis_block: str  # Markdown; {lifeline_number} etc. come from crisis.CRISIS_LINES
    long_date: Callable[[dt.date], str]  # 28 November 2026; 28 de noviembre de 2026
