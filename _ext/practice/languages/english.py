"""The English table: what the checks and pages need of English (see ``table``).

- Person-first language: the labels NIDA's "Words Matter" and the clinical facts
  (section 13) advise against, each with the words to use instead. A marked quotation
  (``{called}`addict```) is allowed, and so are names such as Alcoholics Anonymous.
- Honest claims: no promise of a cure or a guaranteed result, and IFS is never called
  evidence-based (clinical facts, section 6: no controlled trial of IFS for substance
  use). A sentence that denies the claim ("there is no cure") is fine.
- Reading level: Flesch-Kincaid grade (``checks.reading_level``).
- Dates: "28 November 2026", the NHS pattern the site uses.

Each rule names the plain words of which every match contains one (its triggers):
tests/test_governance.py has an example of each rule, so a wrong trigger fails it.
"""

from __future__ import annotations

import datetime as dt
import re

from ..checks.prose import Negation, WordRules, claim, label
from ..checks.reading_level import ENGLISH as ENGLISH_READABILITY
from .table import LanguageTable, Limit

LABELS = WordRules(
    [
        label(
            ("addict",),
            r"\b(?:former|reformed|recovering|ex-)\s*addicts?\b",
            '"person in recovery" or "person in long-term recovery"',
        ),
        label(
            ("addict",),
            r"\baddicts?\b",
            '"person with an addiction" or "person with a substance use disorder"',
        ),
        label(("junk", "drugg"), r"\bjunkies?\b|\bdruggies?\b", '"person who uses drugs"'),
        label(
            ("user",),
            r"\b(?:drug|substance|alcohol|opioid|opiate|heroin|cocaine|crack|meth|needle|IV|"
            r"injecting|injection)\s+(?:users?|abusers?)\b",
            '"person who uses drugs"',
        ),
        label(
            ("alcoholic",),
            r"\balcoholics?\b(?!\s+(?:anonymous|drinks?|beverages?))",
            '"person with an alcohol use disorder"',
        ),
        label(("drunk",), r"\b(?:a|the|old)\s+drunk\b|\bdrunks\b", '"person with an alcohol use disorder"'),
        label(
            ("abuse",),
            r"(?<!institute on )\b(?:substance|drug|alcohol|opioid|opiate)\s+abuse\b"
            r"(?!\s+and\s+mental\s+health)",
            '"substance use", "substance misuse" or "substance use disorder"',
        ),
        label(
            ("clean", "dirty"),
            r"\b(?:clean|dirty)\s+(?:drug\s+)?(?:tests?|urines?|screens?|samples?|results?|UAs?)\b",
            '"a negative test" or "a positive test"',
        ),
        label(
            ("clean", "dirty"),
            r"\b(?:stay|stays|staying|stayed|get|gets|getting|got|gotten|been|being|keep|keeps|"
            r"keeping|kept)\s+(?:clean|dirty)\b|\bclean\s+(?:and|&)\s+sober\b|\bclean\s+time\b|"
            r"\b(?:days?|weeks?|months?|years?)\s+clean\b|"
            r"\b(?:you|they|he|she|we|I)(?:'re|’re|'m|’m|\s+are|\s+were|\s+was|\s+am|\s+is)\s+"
            r"(?:clean|dirty)\b",
            '"in recovery", "not using" or "abstinent" (and "actively using" for "dirty")',
        ),
        label(
            ("habit",),
            r"\b(?:drug|drugs|alcohol|heroin|cocaine|opioid|drinking|substance)\s+habits?\b",
            '"substance use disorder" or "addiction"',
        ),
        label(
            ("vice",),
            r"\bvices?\b(?![- ](?:versa|president|presidents|chair|principal))",
            '"substance use disorder" or "addiction"',
        ),
        label(
            ("replacement", "substitut"),
            r"(?<!nicotine )(?<!hormone )\b(?:replacement|substitution|substitute)\s+"
            r"(?:therapy|therapies|treatment|treatments)\b",
            '"medication for opioid use disorder" (MOUD)',
        ),
    ]
)

HONEST = 'Say what therapy can offer, for example: "Many people find that therapy helps them ..."'
CLAIMS = WordRules(
    [
        claim(
            ("evidence",),
            r"\b(?:IFS|Internal\s+Family\s+Systems)\b[^.!?]{0,60}?\b(?:is|are|as|an?)\b[^.!?]{0,30}?"
            r"\bevidence[- ]based\b|\bevidence[- ]based\s+(?:IFS|Internal\s+Family\s+Systems)\b",
            "calls IFS evidence-based; no controlled trial of IFS for addiction has been published",
            'Say, for example: "IFS is a growing, compassion-focused approach, and we combine it '
            'with established care."',
        ),
        claim(("cur",), r"\bcur(?:e|es|ed|ing)\b", "promises a cure", HONEST),
        claim(("guarantee",), r"\bguarantee(?:s|d)?\b", "promises a guaranteed result", HONEST),
        claim(("100",), r"\b100\s*(?:%|percent\b|per\s+cent\b)", "promises a certain result", HONEST),
        claim(
            ("proven",),
            r"\b(?:clinically|scientifically)\s+proven\b|\bproven\s+to\b|\bproven\s+(?:method|"
            r"treatment|cure|way)\b",
            "claims a proof the research does not give",
            'Describe the evidence honestly, for example: "Research on this is still growing."',
        ),
        claim(
            ("miracle", "permanent", "success"),
            r"\bmiracle\b|\bpermanent(?:ly)?\s+(?:recovery|fix|solution)\b|\bsuccess\s+rates?\b",
            "promises a result no therapist can promise",
            HONEST,
        ),
    ]
)

NEGATION = Negation(
    re.compile(
        r"\b(no|not|never|cannot|can't|can’t|don't|don’t|won't|won’t|nothing|"
        r"nobody|without|isn't|isn’t|aren't|aren’t)\b",
        re.IGNORECASE,
    )
)

CRISIS_BLOCK = """\
**If you are in danger or this is an emergency, call [911](tel:911).**

- **988 Suicide & Crisis Lifeline.** Call or text [{lifeline_number}]({lifeline_tel}), or chat at
  [988lifeline.org]({lifeline_chat}). Press 1 for Veterans, press 2 for
  Spanish. Free, any time, day or night.
- **SAMHSA National Helpline.** Call [1-800-662-4357](tel:+18006624357) (1-800-662-HELP),
  TTY [1-800-487-4889](tel:+18004874889). Free and private, any time, in English and
  Spanish. They help you find treatment and support near you; they do not give
  counseling. You can also text your ZIP code to 435748 (HELP4U).
- **Crisis Text Line.** Text HOME to [741741](sms:741741). Free, any time.
"""

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: dt.date) -> str:
    """28 November 2026 (the NHS pattern, whatever the locale)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


TABLE = LanguageTable(
    code="en",
    name="English",
    link_label="In English",
    readability=ENGLISH_READABILITY,
    scale="Flesch-Kincaid grade",
    page_limit=Limit("practice_reading_grade_max", 8, "grade 8 or below"),
    paragraph_limit=Limit("practice_paragraph_grade_max", 12, "grade 12 or below"),
    sources_titles=("sources", "references"),
    labels=LABELS,
    claims=CLAIMS,
    negation=NEGATION,
    crisis_block=CRISIS_BLOCK,
    long_date=long_date,
)
