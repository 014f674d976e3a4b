"""Flesch-Kincaid grade of each page for clients or families, measured offline.

grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59, on the
page's prose (see ``prose``). Syllables come from pyphen's English hyphenation,
which misses some (it never splits "idea" or "area"), so each word takes the larger
of pyphen's count and a vowel-group count. A page above
``practice_reading_grade_max`` (default 8) is a ``reading-level`` finding that
shows the grade, the target and the three hardest sentences. With
``practice_show_reading_grades = True`` the build prints every page's grade.

Each paragraph is graded too, wherever it is on the page (after "Sources" too; of a
citation entry, only words added after the work it cites): one above
``practice_paragraph_grade_max`` (default 12) is a ``reading-level`` finding at its
line, so a hard paragraph cannot hide behind easy ones. A paragraph of fewer than
``practice_paragraph_min_words`` (30) words is graded with the ones after it (see
``passages``). The editorial policy states both limits.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import pyphen
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from .. import findings
from ..messages import Subtype, render
from ..data.page_metadata import pages
from ..languages.i18n import is_translation
from .prose import graded_paragraphs, paragraphs

logger = logging.getLogger(__name__)

READERS = {"clients", "families"}

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*(?:-[A-Za-z]+(?:['’][A-Za-z]+)*)*")
ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|etc|Dr|Mr|Mrs|Ms|St|vs|a\.m|p\.m|U\.S)\.", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"”’)\]])\s+")
EXTRA_SYLLABLE = re.compile(r"(?<![tscg])ia|iet|iu|(?<![tscgx])io|ua|uo|ea$")


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")  # loaded when first needed: a build uses one language


def _vowel_groups(word: str) -> int:
    count = len(re.findall(r"[aeiouy]+", word))
    if count > 1 and word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1
    elif count > 1 and word.endswith("ed") and not word.endswith(("ted", "ded")):
        count -= 1
    elif count > 1 and word.endswith("es") and not re.search(r"(s|z|c|g|sh|ch|x)es$", word):
        count -= 1
    count += len(EXTRA_SYLLABLE.findall(word))
    return max(1, count)


@functools.lru_cache(maxsize=20000)
def syllables(word: str) -> int:
    total = 0
    for part in word.lower().replace("’", "'").split("-"):
        part, _, ending = part.partition("'")
        if not part:
            continue
        if ending == "t" and part.endswith("n") and part[-2:-1] not in "aeiou":
            total += 1  # didn't, couldn't: the n't is a syllable of its own
            part = part[:-1]
        if len(part) <= 3:
            total += 1
            continue
        by_dictionary = len(_hyphenator().positions(part)) + 1
        total += max(by_dictionary, _vowel_groups(part.replace("'", "")))
    return max(1, total)


@dataclass(frozen=True)
class Readability:
    """How one language's prose is scored: its words, sentences and syllables, and a
    formula of (words, sentences, syllables)."""

    word: re.Pattern[str]
    abbreviations: re.Pattern[str]
    sentence_end: re.Pattern[str]
    syllables: Callable[[str], int]
    formula: Callable[[int, int, int], float]
    lower_is_harder: bool  # a reading-ease score, not a grade

    def sentences(self, text: str) -> list[str]:
        text = " ".join(text.split())
        protected = self.abbreviations.sub(lambda m: m.group(0).replace(".", "\x00"), text)
        return [s.replace("\x00", ".") for s in self.sentence_end.split(protected) if self.word.search(s)]


def grade(words: int, sentence_count: int, syllable_count: int) -> float:
    return 0.39 * words / sentence_count + 11.8 * syllable_count / words - 15.59


@dataclass
class Measure:
    grade: float  # the formula's score: a grade in English, a reading ease in Spanish
    words: int
    sentences: int
    hardest: list[tuple[float, int | None, str]]


def measure(parts: list[tuple[str, int | None]], language: Readability | None = None) -> Measure | None:
    """Score the prose ``parts`` (text, line) with ``language`` (default English, by
    Flesch-Kincaid grade), and its three hardest sentences; ``None`` with no words."""
    language = language or ENGLISH
    total_words = total_sentences = total_syllables = 0
    scored = []
    for text, line in parts:
        for sentence in language.sentences(text):
            words = language.word.findall(sentence)
            count = sum(language.syllables(word) for word in words)
            total_words += len(words)
            total_sentences += 1
            total_syllables += count
            scored.append((language.formula(len(words), 1, count), line, sentence))
    if not total_words:
        return None
    scored.sort(key=lambda item: item[0] if language.lower_is_harder else -item[0])
    return Measure(
        language.formula(total_words, total_sentences, total_syllables),
        total_words,
        total_sentences,
        scored[:3],
    )


@dataclass(frozen=True)
class Passage:
    """One graded stretch of prose: a paragraph, or short paragraphs graded together."""

    score: float  # the formula's score, as in ``Measure``
    line: int | None  # the line of its longest paragraph (where a finding points)
    first_line: int | None  # the lines of its first and last paragraphs
    last_line: int | None
    paragraphs: int
    words: int
    text: str  # the text of its longest paragraph
    main: int  # the index in ``parts`` of its longest paragraph


def passages(
    parts: list[tuple[str, int | None]], language: Readability | None = None, min_words: int = 30
) -> list[Passage]:
    """Score the paragraphs ``parts`` (text, line) one by one, in page order.

    A paragraph of ``min_words`` words or more is graded on its own. Shorter ones give
    noisy grades (one long word makes "Call 988." read like a textbook), so consecutive
    short paragraphs are graded together, as soon as they reach ``min_words``; a run of
    short ones that does not (before a long paragraph, or at the end) joins the passage
    before it, or the one after it if there is none before. No words are left ungraded,
    so a short hard paragraph still counts.
    """
    language = language or ENGLISH
    Counted = tuple[str, int | None, int, int, int, int]  # text, line, sentences, words, syllables, index
    counted: list[Counted] = []
    for index, (text, line) in enumerate(parts):
        sentences = language.sentences(text)
        words = [word for sentence in sentences for word in language.word.findall(sentence)]
        if words:
            counted.append(
                (
                    text,
                    line,
                    len(sentences),
                    len(words),
                    sum(language.syllables(word) for word in words),
                    index,
                )
            )
    groups: list[list[Counted]] = []
    short: list[Counted] = []

    def settle_short() -> None:
        if short and groups:
            groups[-1].extend(short)
        elif short:
            groups.append(list(short))
        short.clear()

    for item in counted:
        if item[3] >= min_words:
            if short and groups:
                settle_short()
                groups.append([item])
            else:  # short ones before the page's first long paragraph join it
                groups.append([*short, item])
                short.clear()
        else:
            short.append(item)
            if sum(entry[3] for entry in short) >= min_words:
                groups.append(list(short))
                short.clear()
    settle_short()
    found = []
    for group in groups:
        group.sort(key=lambda entry: entry[5])
        sentence_total = sum(entry[2] for entry in group)
        word_total = sum(entry[3] for entry in group)
        syllable_total = sum(entry[4] for entry in group)
        longest = max(group, key=lambda entry: entry[3])
        found.append(
            Passage(
                language.formula(word_total, sentence_total, syllable_total),
                longest[1],
                group[0][1],
                group[-1][1],
                len(group),
                word_total,
                longest[0],
                longest[5],
            )
        )
    return found


ENGLISH = Readability(WORD, ABBREVIATIONS, SENTENCE_END, syllables, grade, lower_is_harder=False)


def _quote(sentence: str, limit: int = 160) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def _first_words(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def hard_passages(
    graded: list[Passage], language: Readability, limit: float, min_words: int
) -> list[tuple[Passage, str]]:
    """The passages of ``graded`` past ``limit`` (above a grade, below a reading ease),
    each with the words that say which paragraphs it covers (empty for one paragraph)."""
    found = []
    for passage in graded:
        if (passage.score < limit) if language.lower_is_harder else (passage.score > limit):
            joined = (
                render(
                    "reading-level-joined",
                    min_words=min_words,
                    first=passage.first_line,
                    last=passage.last_line,
                )
                if passage.paragraphs > 1 and passage.first_line
                else ""
            )
            found.append((passage, joined))
    return found


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    if is_translation(app.config):
        return  # languages/translation_checks.py checks it
    docname = app.env.docname
    info = pages(app.env).get(docname)
    if info is None or not READERS & set(info.audience):
        return
    result = measure(list(paragraphs(doctree)))
    if result is None:
        return
    target = app.config.practice_reading_grade_max
    graded = passages(graded_paragraphs(doctree), ENGLISH, app.config.practice_paragraph_min_words)
    if app.config.practice_show_reading_grades:
        hardest_passage = max(graded, key=lambda passage: passage.score)
        logger.info(
            f"reading level: {docname}: grade {result.grade:.1f} "
            f"({result.words} words, {result.sentences} sentences); hardest paragraph: "
            f"grade {hardest_passage.score:.1f} (line {hardest_passage.line})"
        )
    if result.grade > target:
        hardest = " ".join(
            f'({"line " + str(line) if line else "page"}, grade {score:.0f}) "{_quote(text)}"'
            for score, line, text in result.hardest
        )
        findings.add(
            app.env,
            docname,
            Subtype.reading_level,
            None,
            render("reading-level", grade=result.grade, target=target, hardest=hardest),
        )
    ceiling = app.config.practice_paragraph_grade_max
    for passage, joined in hard_passages(graded, ENGLISH, ceiling, app.config.practice_paragraph_min_words):
        findings.add(
            app.env,
            docname,
            Subtype.reading_level,
            passage.line,
            render(
                "reading-level-paragraph",
                grade=passage.score,
                ceiling=ceiling,
                words=_first_words(passage.text),
                joined=joined,
            ),
        )


def setup(app: Sphinx) -> None:
    app.add_config_value("practice_paragraph_min_words", 30, "env", types=[int])
    app.add_config_value("practice_show_reading_grades", False, "", types=[bool])
    app.connect("doctree-read", on_doctree_read)
