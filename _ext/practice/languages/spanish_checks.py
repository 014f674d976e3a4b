"""The content checks, in Spanish, on the pages of the Spanish site.

The English checks (``person_first``, ``claims``, ``reading_level``) skip a
translation; these take their place, with the same warning subtypes (so
``suppress_warnings`` silences both languages' rule at once) and messages that name
the page's catalogue, where the words are to be changed:

- **Person-first language** (NIDA's "Words Matter" terms in Spanish, clinical facts,
  section 13): "adicto", "drogadicto", "toxicómano", "alcohólico" as a label,
  "abuso de sustancias", "limpio" / "sucio" for people or tests, "vicio". Names of
  organisations are allowed (Alcohólicos Anónimos, Narcóticos Anónimos, the Instituto
  Nacional sobre el Abuso de Drogas), and so is "bebidas alcohólicas"; a marked
  quotation (``{called}`adicto```) too.
- **No promises**: a cure ("cura", "curar"), a guarantee ("garantizado"), "100 %",
  "científicamente probado", "milagro", success rates; IFS is never called "basada en
  la evidencia". A sentence that denies it ("no hay cura") is fine.
- **Reading ease**: Fernández-Huerta's formula for Spanish,
  206.84 - 0.60 P - 1.02 F (P: syllables per 100 words, F: words per sentence),
  at least ``practice_spanish_reading_ease_min`` (70: "fairly easy", about grade 7 to
  8) on pages for clients and families, with the three hardest sentences shown.
  Syllables come from pyphen's Spanish hyphenation (offline). Only translated
  paragraphs count (one left in English is reported by ``translation``). Each
  translated paragraph, wherever it is on the page (after "Fuentes" too), must also
  score ``practice_spanish_paragraph_ease_min`` (50, about grade 12) or more, graded
  as the English paragraphs are (``reading_level.passages``); the message names the
  line of the paragraph's entry in its catalogue.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from babel.messages.pofile import read_po
from sphinx.util.nodes import extract_messages

import pyphen
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from .. import findings
from .i18n import is_translation
from ..messages import Subtype, render
from ..data.page_metadata import pages
from ..checks.prose import find_all, graded_paragraph_nodes, line_of, prose_elements, text_blocks
from ..checks.reading_level import (
    READERS,
    Measure,
    Readability,
    _first_words,
    _quote,
    hard_passages,
    measure as measure_prose,
    passages,
)
from .translation import catalogue_file

logger = logging.getLogger(__name__)

LANGUAGE = "es"
A = "[a-záéíóúüñ]"  # a letter, in a pattern (the patterns are case-insensitive)

# (pattern, what to write instead); the first that matches a stretch of text wins.
LABELS: list[tuple[str, str]] = [
    (
        r"\b(?:ex[- ]?)?(?:drogadict|toxicóman)[oa]s?\b|\byonqui(?:s|es)?\b",
        '"persona que consume drogas" o "persona con adicción"',
    ),
    (
        r"\b(?:ex[- ]?)?adict[oa]s?\b",
        '"persona con adicción" o "persona con un trastorno por consumo de sustancias"',
    ),
    (
        r"(?<!bebida )(?<!bebidas )\balcohólic[oa]s?\b(?!\s+an[oó]nim[oa]s)",
        '"persona con un trastorno por consumo de alcohol"',
    ),
    (
        r"(?<!sobre el )\babuso\s+de\s+(?:sustancias|drogas|alcohol|opioides|opiáceos)\b",
        '"consumo de sustancias" o "trastorno por consumo de sustancias"',
    ),
    (
        r"\b(?:pruebas?|orinas?|análisis|resultados?|muestras?|exámen(?:es)?|examen)\s+"
        r"(?:(?:sali[óo]|salieron|dio|dieron|result[óo]|resultaron)\s+)?(?:limpi|suci)[oa]s?\b",
        '"una prueba negativa" o "una prueba positiva"',
    ),
    (
        r"\b(?:estar|estás?|están|estoy|estaba[ns]?|estuv" + A + r"*|estar[eé]" + A + r"*|sigue|sigues|"
        r"siguen|sigo|seguir|mantenerse|mantenerte|mantenerme|mantiene|mantengo|quedarse|"
        r"volverse|ponerse)\s+(?:limpi|suci)[oa]s?\b|\blimpi[oa]s?\s+y\s+sobri[oa]s?\b|"
        r"\b(?:días|semanas|meses|años)\s+limpi[oa]s?\b",
        '"en recuperación", "sin consumir" o "en abstinencia" (y "consumiendo" para "sucio")',
    ),
    (r"\bvicios?\b", '"adicción" o "trastorno por consumo de sustancias"'),
]
LABELS_PATTERN = re.compile("|".join(f"(?P<l{i}>{p})" for i, (p, _s) in enumerate(LABELS)), re.IGNORECASE)
# Every label above contains one of these (lower case): add the word with the label.
LABEL_TRIGGERS = ("adict", "drogad", "toxicóm", "yonqui", "alcohólic", "abuso", "limpi", "suci", "vicio")

HONEST = (
    'Diga lo que la terapia puede ofrecer, por ejemplo: "Muchas personas sienten que la '
    'terapia les ayuda a ..."'
)
CLAIMS: list[tuple[str, str, str]] = [
    (
        r"\b(?:IFS|Sistemas?\s+de\s+la\s+Familia\s+Interna)\b[^.!?]{0,60}?\b(?:basad[oa]s?|"
        r"fundamentad[oa]s?)\s+en\s+(?:la\s+)?evidencia",
        "calls IFS evidence-based; no controlled trial of IFS for addiction has been published",
        'Diga, por ejemplo: "IFS es un enfoque compasivo y en crecimiento, y lo combinamos con '
        'una atención establecida."',
    ),
    (
        r"\bcur(?:a|as|an|ar|ará|arán|aremos|amos|ación|aciones|ado|ada|ados|adas|e|en|o)\b",
        "promises a cure",
        HONEST,
    ),
    (r"\bgarant(?:iz" + A + r"*|ías?)\b", "promises a guaranteed result", HONEST),
    (r"\b100\s*(?:%|por\s*ciento\b)", "promises a certain result", HONEST),
    (
        r"\b(?:científica|clínica)mente\s+(?:probad|comprobad|demostrad)[oa]s?\b|"
        r"\b(?:está|están)\s+(?:probad|comprobad|demostrad)[oa]s?\s+que\b",
        "claims a proof the research does not give",
        'Describa la evidencia con honestidad, por ejemplo: "La investigación sobre esto todavía '
        'está creciendo."',
    ),
    (
        r"\bmilagr" + A + r"*|\brecuperación\s+(?:permanente|definitiva)\b|\btasas?\s+de\s+éxito\b",
        "promises a result no therapist can promise",
        HONEST,
    ),
]
CLAIMS_PATTERN = re.compile("|".join(f"(?P<c{i}>{p})" for i, (p, _w, _s) in enumerate(CLAIMS)), re.IGNORECASE)
CLAIM_TRIGGERS = (
    "evidencia",
    "cur",
    "garant",
    "100",
    "probad",
    "comprobad",
    "demostrad",
    "milagr",
    "permanente",
    "definitiva",
    "éxito",
)
NEGATION = re.compile(r"\b(no|nunca|jamás|ni|sin|nada|nadie|tampoco|ningún|ninguna|ninguno)\b", re.IGNORECASE)


def is_negated(text: str, match: re.Match, words_before: int = 5) -> bool:
    """True if the match is denied: "no hay cura", "nadie puede garantizar"."""
    start = max(text.rfind(mark, 0, match.start()) for mark in ".!?¿¡")
    before = text[start + 1 : match.start()].split()[-words_before:]
    return bool(NEGATION.search(" ".join(before)))


def language_problems(blocks, catalogue: str) -> list[tuple[int | None, str]]:
    found = []
    for match, _text, line in find_all(LABELS_PATTERN, blocks, LABEL_TRIGGERS):
        suggestion = LABELS[int(match.lastgroup[1:])][1]
        found.append(
            (
                line,
                render(
                    "language-es",
                    found=" ".join(match.group(0).split()),
                    suggestion=suggestion,
                    catalogue=catalogue,
                ),
            )
        )
    return found


def claim_problems(blocks, catalogue: str) -> list[tuple[int | None, str]]:
    found = []
    for match, text, line in find_all(CLAIMS_PATTERN, blocks, CLAIM_TRIGGERS):
        if is_negated(text, match):
            continue
        _pattern, problem, suggestion = CLAIMS[int(match.lastgroup[1:])]
        found.append(
            (
                line,
                render(
                    "claims-es",
                    found=" ".join(match.group(0).split()),
                    problem=problem,
                    suggestion=suggestion,
                    catalogue=catalogue,
                ),
            )
        )
    return found


# -- Reading ease (Fernández-Huerta) -------------------------------------------------------

WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")
ABBREVIATIONS = re.compile(r"\b(p\. ej|etc|Dr|Dra|Sr|Sra|EE\. UU|a\. m|p\. m)\.", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»)\]]*\s+")
VOWEL_GROUPS = re.compile(r"[aeiouáéíóúü]+", re.I)
STRONG = set("aeoáéíóú")


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="es")  # loaded when first needed: a build uses one language


def _vowel_syllables(word: str) -> int:
    """Syllables by vowel groups: a group is one syllable, but two strong vowels ("ea",
    "oe") and an accented weak vowel ("día", "país") are two."""
    count = 0
    for group in VOWEL_GROUPS.findall(word.lower()):
        count += 1
        for first, second in zip(group, group[1:], strict=False):
            if (first in STRONG and second in STRONG) or first in "íú" or second in "íú":
                count += 1
    return max(1, count)


@functools.lru_cache(maxsize=20000)
def syllables(word: str) -> int:
    """Spanish syllables: pyphen's hyphenation points, or the vowel rule where it finds more."""
    word = word.lower()
    if len(word) <= 3:
        return _vowel_syllables(word)
    return max(len(_hyphenator().positions(word)) + 1, _vowel_syllables(word))


def fernandez_huerta(words: int, sentence_count: int, syllable_count: int) -> float:
    """206.84 - 0.60 P - 1.02 F: P syllables per 100 words, F words per sentence (as
    textstat computes it; "sentences per 100 words", as the formula is sometimes quoted,
    would make longer sentences read easier)."""
    return 206.84 - 0.60 * (100 * syllable_count / words) - 1.02 * (words / sentence_count)


SPANISH = Readability(WORD, ABBREVIATIONS, SENTENCE_END, syllables, fernandez_huerta, lower_is_harder=True)


def measure(parts: list[tuple[str, int | None]]) -> Measure | None:
    """The Fernández-Huerta score of the prose ``parts`` (text, line), and its three
    hardest sentences; ``None`` with no words."""
    return measure_prose(parts, SPANISH)


def translated_paragraphs(doctree: nodes.document) -> list[tuple[str, int | None]]:
    """The page's prose paragraphs that are in Spanish (translated by the catalogue)."""
    return [
        (para.astext(), line_of(para))
        for para in prose_elements(doctree, (nodes.paragraph,))
        if para.get("translated")
    ]


@functools.lru_cache(maxsize=64)
def _catalogue_lines(path: str, modified: int) -> dict[str, int]:
    """{msgid: the line of its entry} in the catalogue at ``path`` (as of ``modified``)."""
    with open(path, "rb") as file:
        return {str(message.id): message.lineno for message in read_po(file) if message.id}


def catalogue_line(srcdir: str | Path, catalogue: str, message: str | None) -> int | None:
    """The line of ``message``'s entry (its msgid) in ``catalogue``, if it is there."""
    path = Path(srcdir, catalogue)
    if not message or not path.is_file():
        return None
    return _catalogue_lines(str(path), path.stat().st_mtime_ns).get(message)


def hard_paragraphs(app: Sphinx, doctree: nodes.document, catalogue: str) -> list[tuple[int | None, str]]:
    """Each translated paragraph (or short ones taken together, see ``reading_level.passages``)
    under ``practice_spanish_paragraph_ease_min``: (line, message), the message naming
    the catalogue and the line of the paragraph's entry in it."""
    originals = {id(node): message for node, message in extract_messages(doctree)}
    graded = [
        (node, text, line) for node, text, line in graded_paragraph_nodes(doctree) if node.get("translated")
    ]
    floor = app.config.practice_spanish_paragraph_ease_min
    min_words = app.config.practice_paragraph_min_words
    scored = passages([(text, line) for _node, text, line in graded], SPANISH, min_words)
    found = []
    for passage, joined in hard_passages(scored, SPANISH, floor, min_words):
        entry = catalogue_line(app.srcdir, catalogue, originals.get(id(graded[passage.main][0])))
        found.append(
            (
                passage.line,
                render(
                    "reading-level-paragraph-es",
                    catalogue=catalogue,
                    score=passage.score,
                    floor=floor,
                    catalogue_line=render("reading-level-catalogue-line", line=entry) if entry else "",
                    words=_first_words(passage.text),
                    joined=joined,
                ),
            )
        )
    return found


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    if not is_translation(app.config) or app.config.language != LANGUAGE:
        return
    env = app.env
    docname = env.docname
    catalogue = catalogue_file(app.config, docname)
    info = pages(env).get(docname)
    blocks = list(text_blocks(doctree))
    if info is not None and info.description:  # the Spanish one, from translations.yaml
        blocks.append((info.description, None))
    for line, message in language_problems(blocks, catalogue):
        findings.add(env, docname, Subtype.language, line, message)
    for line, message in claim_problems(blocks, catalogue):
        findings.add(env, docname, Subtype.claims, line, message)
    if info is None or not READERS & set(info.audience):
        return
    result = measure(translated_paragraphs(doctree))
    if result is None:
        return
    score, words, count, hardest = result.grade, result.words, result.sentences, result.hardest
    target = app.config.practice_spanish_reading_ease_min
    if app.config.practice_show_reading_grades:
        logger.info(
            f"reading ease (Fernández-Huerta): {docname}: {score:.0f} ({words} words, {count} sentences)"
        )
    if score < target:
        shown = " ".join(
            f'({"line " + str(line) if line else "page"}, {value:.0f}) "{_quote(text)}"'
            for value, line, text in hardest
        )
        findings.add(
            env,
            docname,
            Subtype.reading_level,
            None,
            render("reading-level-es", score=score, target=target, hardest=shown, catalogue=catalogue),
        )
    for line, message in hard_paragraphs(app, doctree, catalogue):
        findings.add(env, docname, Subtype.reading_level, line, message)


def setup(app: Sphinx) -> None:
    app.add_config_value("practice_spanish_reading_ease_min", 70, "env", types=[int, float])
    app.add_config_value("practice_spanish_paragraph_ease_min", 50, "env", types=[int, float])
    app.connect("doctree-read", on_doctree_read)
