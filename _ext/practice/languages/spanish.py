"""The Spanish table: what the checks and pages need of Spanish (see ``table``),
written for Spanish speakers in the United States.

- Person-first language (NIDA's "Words Matter" terms in Spanish, clinical facts,
  section 13): "adicto", "drogadicto", "toxicómano", "alcohólico" as a label,
  "abuso de sustancias", "limpio" / "sucio" for people or tests, "vicio". Names of
  organisations are allowed (Alcohólicos Anónimos, Narcóticos Anónimos, the Instituto
  Nacional sobre el Abuso de Drogas), and so is "bebidas alcohólicas"; a marked
  quotation (``{called}`adicto```) too.
- No promises: a cure ("cura", "curar"), a guarantee ("garantizado"), "100 %",
  "científicamente probado", "milagro", success rates; IFS is never called "basada en
  la evidencia". A sentence that denies it ("no hay cura") is fine.
- Reading ease: Fernández-Huerta's formula, 206.84 - 0.60 P - 1.02 F (P: syllables
  per 100 words, F: words per sentence), with syllables from pyphen's Spanish
  hyphenation (offline).
- The crisis lines with the verified Spanish-language help (clinical facts, section 13).
- Dates: "28 de noviembre de 2026" (Babel's long format).

Each rule names the plain words of which every match contains one (its triggers).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import pyphen
from babel.dates import format_date

from ..checks.prose import Negation, WordRules, claim, label
from ..checks.reading_level import Readability
from .table import LanguageTable, Limit

A = "[a-záéíóúüñ]"  # a letter, in a pattern (the patterns are case-insensitive)

LABELS = WordRules(
    [
        label(
            ("drogad", "toxicóm", "yonqui"),
            r"\b(?:ex[- ]?)?(?:drogadict|toxicóman)[oa]s?\b|\byonqui(?:s|es)?\b",
            '"persona que consume drogas" o "persona con adicción"',
        ),
        label(
            ("adict",),
            r"\b(?:ex[- ]?)?adict[oa]s?\b",
            '"persona con adicción" o "persona con un trastorno por consumo de sustancias"',
        ),
        label(
            ("alcohólic",),
            r"(?<!bebida )(?<!bebidas )\balcohólic[oa]s?\b(?!\s+an[oó]nim[oa]s)",
            '"persona con un trastorno por consumo de alcohol"',
        ),
        label(
            ("abuso",),
            r"(?<!sobre el )\babuso\s+de\s+(?:sustancias|drogas|alcohol|opioides|opiáceos)\b",
            '"consumo de sustancias" o "trastorno por consumo de sustancias"',
        ),
        label(
            ("limpi", "suci"),
            r"\b(?:pruebas?|orinas?|análisis|resultados?|muestras?|exámen(?:es)?|examen)\s+"
            r"(?:(?:sali[óo]|salieron|dio|dieron|result[óo]|resultaron)\s+)?(?:limpi|suci)[oa]s?\b",
            '"una prueba negativa" o "una prueba positiva"',
        ),
        label(
            ("limpi", "suci"),
            r"\b(?:estar|estás?|están|estoy|estaba[ns]?|estuv" + A + r"*|estar[eé]" + A + r"*|sigue|sigues|"
            r"siguen|sigo|seguir|mantenerse|mantenerte|mantenerme|mantiene|mantengo|quedarse|"
            r"volverse|ponerse)\s+(?:limpi|suci)[oa]s?\b|\blimpi[oa]s?\s+y\s+sobri[oa]s?\b|"
            r"\b(?:días|semanas|meses|años)\s+limpi[oa]s?\b",
            '"en recuperación", "sin consumir" o "en abstinencia" (y "consumiendo" para "sucio")',
        ),
        label(("vicio",), r"\bvicios?\b", '"adicción" o "trastorno por consumo de sustancias"'),
    ]
)

HONEST = (
    'Diga lo que la terapia puede ofrecer, por ejemplo: "Muchas personas sienten que la '
    'terapia les ayuda a ..."'
)
CLAIMS = WordRules(
    [
        claim(
            ("evidencia",),
            r"\b(?:IFS|Sistemas?\s+de\s+la\s+Familia\s+Interna)\b[^.!?]{0,60}?\b(?:basad[oa]s?|"
            r"fundamentad[oa]s?)\s+en\s+(?:la\s+)?evidencia",
            "calls IFS evidence-based; no controlled trial of IFS for addiction has been published",
            'Diga, por ejemplo: "IFS es un enfoque compasivo y en crecimiento, y lo combinamos con '
            'una atención establecida."',
        ),
        claim(
            ("cur",),
            r"\bcur(?:a|as|an|ar|ará|arán|aremos|amos|ación|aciones|ado|ada|ados|adas|e|en|o)\b",
            "promises a cure",
            HONEST,
        ),
        claim(("garant",), r"\bgarant(?:iz" + A + r"*|ías?)\b", "promises a guaranteed result", HONEST),
        claim(("100",), r"\b100\s*(?:%|por\s*ciento\b)", "promises a certain result", HONEST),
        claim(
            ("probad", "demostrad"),
            r"\b(?:científica|clínica)mente\s+(?:probad|comprobad|demostrad)[oa]s?\b|"
            r"\b(?:está|están)\s+(?:probad|comprobad|demostrad)[oa]s?\s+que\b",
            "claims a proof the research does not give",
            'Describa la evidencia con honestidad, por ejemplo: "La investigación sobre esto todavía '
            'está creciendo."',
        ),
        claim(
            ("milagr", "permanente", "definitiva", "éxito"),
            r"\bmilagr" + A + r"*|\brecuperación\s+(?:permanente|definitiva)\b|\btasas?\s+de\s+éxito\b",
            "promises a result no therapist can promise",
            HONEST,
        ),
    ]
)

NEGATION = Negation(
    re.compile(r"\b(no|nunca|jamás|ni|sin|nada|nadie|tampoco|ningún|ninguna|ninguno)\b", re.IGNORECASE),
    sentence_marks=".!?¿¡",
)

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


SPANISH_READABILITY = Readability(
    WORD, ABBREVIATIONS, SENTENCE_END, syllables, fernandez_huerta, lower_is_harder=True
)

CRISIS_BLOCK = """\
**Si está en peligro o es una emergencia, llame al [911](tel:911).**

- **Línea 988 de Prevención del Suicidio y Crisis (988 Suicide & Crisis Lifeline).**
  En español: llame al [{lifeline_number}]({lifeline_tel}) y oprima 2, envíe AYUDA por mensaje de texto al
  [{lifeline_number}]({lifeline_sms}), o chatee en español en [988lifeline.org]({lifeline_chat}).
  Para veteranos, oprima 1. Es gratis, a cualquier hora, de día o de noche.
- **Línea Nacional de Ayuda de SAMHSA (SAMHSA National Helpline).** Llame al
  [1-800-662-4357](tel:+18006624357) (1-800-662-HELP), TTY [1-800-487-4889](tel:+18004874889).
  Es gratis y confidencial, a cualquier hora, en español y en inglés. Le ayudan a encontrar
  tratamiento y apoyo cerca de usted; no dan consejería. También puede enviar su código
  postal (ZIP) por mensaje de texto al 435748 (HELP4U).
- **Crisis Text Line** (en inglés). Envíe HOME por mensaje de texto al
  [741741](sms:741741). Es gratis, a cualquier hora.
"""


def long_date(day: dt.date) -> str:
    """28 de noviembre de 2026."""
    return format_date(day, format="long", locale="es")


TABLE = LanguageTable(
    code="es",
    name="Spanish",
    link_label="En español",
    readability=SPANISH_READABILITY,
    scale="Fernández-Huerta reading ease scale",
    page_limit=Limit("practice_spanish_reading_ease_min", 70, "about grade 7 to 8"),
    paragraph_limit=Limit("practice_spanish_paragraph_ease_min", 50, "about grade 12 or below"),
    sources_titles=("fuentes", "referencias"),
    labels=LABELS,
    claims=CLAIMS,
    negation=NEGATION,
    crisis_block=CRISIS_BLOCK,
    long_date=long_date,
)
