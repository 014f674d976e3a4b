"""Every paragraph is graded: a hard paragraph cannot hide behind easy ones.

The page average (``practice_reading_grade_max``) stays; each prose paragraph of a
page for clients and families, wherever it is (after "Sources" too), must also be at
Flesch-Kincaid grade ``practice_paragraph_grade_max`` (12) or below, and each Spanish
paragraph at Fernández-Huerta ``practice_spanish_paragraph_ease_min`` (50) or more.
A citation (a Sources entry, up to the work it cites) is the one exception. Short
paragraphs are graded with the ones after them (``reading_level.passages``).

The real addiction page, in a copy of the site launched as a practice's own
(tests/launch.py: production refuses example details), takes a paragraph of about grade 25
at its top, in its middle and after its Sources, in English and in its Spanish catalogue: each time the
production build fails, naming the line and the grade.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from conftest import ROOT, build_site, build_spanish

sys.path.insert(0, str(ROOT / "tools"))

from practice.checks.reading_level import ENGLISH, measure
from practice.languages.spanish import SPANISH_READABILITY as SPANISH

import sign_off

ANSI = re.compile(r"\x1b\[[0-9;]*m")
PAGE = "specialties/addiction"

# About grade 25 (Flesch-Kincaid), six sentences: it passes no ceiling worth the name.
HARD = (
    "Psychotherapeutic interventions for people who are living with this condition generally "
    "require individualized and developmentally appropriate formulations of their biological "
    "vulnerability and of the trauma that runs through the generations of their families. "
    "Consequently, the interdisciplinary collaboration between psychiatric, psychological and "
    "occupational professionals in the community facilitates the identification of the "
    "co-occurring presentations that can complicate the course of the treatment that is offered. "
    "Pharmacological support, when it is given carefully alongside the psychotherapeutic "
    "modalities, can greatly ease the physiological disturbance that accompanies the "
    "discontinuation of the habitual consumption of a substance. "
    "Furthermore, the organizational mechanisms of accountability, which include credentialing, "
    "supervision and documentation requirements, establish a methodological consistency "
    "throughout the therapeutic relationships that we offer to the people who come to us. "
    "Epidemiological studies of large groups of people regularly underestimate the prevalence of "
    "unrecognized comorbidity in the population, particularly among the individuals who are "
    "experiencing economic disadvantage and discrimination in the places where they live and work. "
    "Accordingly, the evaluative methods that emphasize longitudinal observation, "
    "multidimensional assessment and interdisciplinary deliberation remain indispensable "
    "considerations for the responsible practitioners of this discipline and for those who "
    "train them."
)
# Its Spanish: Fernández-Huerta about -20 (70 is the page's minimum, 50 a paragraph's).
HARD_ES = (
    "La elaboración psicoterapéutica del sufrimiento de las personas que viven con esta condición "
    "requiere habitualmente una intervención especializada, individualizada y metodológicamente "
    "fundamentada en conceptualizaciones neurobiológicas. Consecuentemente, la colaboración "
    "interprofesional entre los especialistas psiquiátricos, psicológicos y ocupacionales de la "
    "comunidad facilita la identificación sistemática de las presentaciones psicopatológicas "
    "concurrentes. La potenciación farmacológica, cuando se administra concienzudamente junto con "
    "las modalidades psicoterapéuticas, mejora considerablemente la desregulación fisiológica que "
    "acompaña la interrupción del consumo habitual. Asimismo, los mecanismos organizacionales de "
    "responsabilidad, que comprenden la acreditación, la supervisión y la documentación, "
    "institucionalizan una coherencia metodológica en las relaciones terapéuticas que ofrecemos. "
    "Las investigaciones epidemiológicas característicamente subestiman la prevalencia de la "
    "comorbilidad inadvertida en la población, particularmente entre los individuos que "
    "experimentan desventajas socioeconómicas. Por consiguiente, las metodologías evaluativas que "
    "enfatizan la observación longitudinal, la valoración multidimensional y la deliberación "
    "interdisciplinaria resultan imprescindibles para los profesionales responsables."
)

LAST_SOURCE = "[988lifeline.org](https://988lifeline.org/)\n"
# Where the paragraph goes: (the text it goes before or after, what goes in there)
PLACES = {
    "top": ("Maybe you have tried to stop.", "before"),
    "middle": ("(addiction-how-we-help)=", "before"),
    # typed on the line after the last Sources entry: Markdown makes it part of that entry
    "after-sources": (LAST_SOURCE, "next line"),
    # after the Sources list (the end of the page), as a paragraph of its own
    "after-sources-paragraph": (LAST_SOURCE, "after a blank line"),
}


def test_the_hard_paragraph_is_about_grade_25_and_its_spanish_as_hard():
    english = measure([(HARD, 1)])
    spanish = measure([(HARD_ES, 1)], SPANISH)
    assert english is not None and 24 <= english.grade <= 28 and english.sentences == 6
    assert spanish is not None and spanish.grade < 0 and spanish.sentences == 6


def test_short_paragraphs_are_graded_with_their_neighbours():
    from practice.checks.reading_level import passages

    parts = [
        ("Call us.", 10),  # 2 words
        ("We are here for you, and we will listen. " * 4, 12),  # 36
        ("Psychotherapeutic interventions necessitate individualized conceptualizations.", 14),
        ("It is hard. You are not alone. We can help. Ask us anything. " * 2, 16),  # 26
        ("Comprehensive multidisciplinary psychotherapeutic conceptualizations. " * 8, 18),
    ]  # 32
    found = passages(parts, ENGLISH, min_words=30)
    # (where a finding points: the longest paragraph; the lines it covers; how many)
    assert [(p.line, p.first_line, p.last_line, p.paragraphs) for p in found] == [
        (12, 10, 12, 2),
        (16, 14, 16, 2),
        (18, 18, 18, 1),
    ]
    assert found[0].score < 5 and found[2].score > 25
    # each paragraph on its own (a minimum of 1 word): the 5 words are grade 30 or so
    alone = passages(parts, ENGLISH, min_words=1)
    assert len(alone) == 5 and alone[2].score > 25
    # nothing is left ungraded: short ones at the end join the passage before them, and a
    # page of short paragraphs is one passage
    assert [p.paragraphs for p in passages(parts + parts[:1], ENGLISH, min_words=30)] == [2, 2, 2]
    assert len(passages(parts[:1] + parts[3:4], ENGLISH, min_words=40)) == 1


def place(text: str, where: str, paragraph: str) -> tuple[str, int]:
    """``text`` with ``paragraph`` put at ``where`` (PLACES), and the paragraph's line."""
    anchor, how = PLACES[where]
    assert text.count(anchor) == 1, anchor
    index = text.index(anchor) + (0 if how == "before" else len(anchor))
    inserted = {
        "before": paragraph + "\n\n",
        "next line": paragraph + "\n",
        "after a blank line": "\n" + paragraph + "\n",
    }[how]
    line = text[:index].count("\n") + 1 + (how == "after a blank line")
    return text[:index] + inserted + text[index:], line


def add_hard_paragraph(site: Path, where: str) -> int:
    """Put HARD into the copy's addiction page, sign the page off again (so only the
    reading level stands in the way of production) and return the paragraph's line."""
    path = site / f"{PAGE}.md"
    text, line = place(path.read_text(encoding="utf-8"), where, HARD)
    path.write_text(text, encoding="utf-8")
    sign_off.sign_off(site, PAGE, "clinician-a", dt.date.today())
    return line + len(path.read_text(encoding="utf-8").splitlines()) - len(text.splitlines())


def translate_hard_paragraph(site: Path, where: str) -> None:
    """Give HARD its Spanish (HARD_ES) in the page's catalogue, as `make translations`
    and a translator would: for a Sources entry it joined, the entry's own message."""
    catalogue = site / "locales" / "es" / "LC_MESSAGES" / f"{PAGE}.po"
    with catalogue.open("rb") as file:
        entries = read_po(file)
    if where == "after-sources":
        (last,) = [m for m in entries if m.id and str(m.id).endswith(LAST_SOURCE.strip())]
        old_id, old_str = str(last.id), str(last.string)
        del entries[old_id]
        entries.add(old_id + " " + HARD, old_str + " " + HARD_ES)
    else:
        entries.add(HARD, HARD_ES)
    with catalogue.open("wb") as file:
        write_po(file, entries)


def reading_warnings(result) -> list[str]:
    text = ANSI.sub("", result.stderr)
    return [line for line in text.splitlines() if "WARNING" in line]


@pytest.mark.parametrize("where", sorted(PLACES))
def test_a_hard_paragraph_anywhere_fails_production_naming_its_line(launched_copy, where):
    site_copy = launched_copy  # the practice's own details: only the reading level fails
    line = add_hard_paragraph(site_copy, where)
    result = build_site(
        site_copy / "_build" / "prod", "-b", "dummy", "-D", "practice_build_for=production", source=site_copy
    )
    assert result.returncode != 0
    warnings = reading_warnings(result)
    assert warnings and all(w.endswith("[practice.reading-level]") for w in warnings), warnings
    expected = f"{PAGE}.md:{line}: WARNING: this paragraph reads at Flesch-Kincaid grade 2"
    found = [w for w in warnings if expected in w]
    assert len(found) == 1, (expected, warnings)
    assert "must be at grade 12 or below" in found[0] and 'It begins: "Psychotherapeutic' in found[0], found[
        0
    ]


@pytest.mark.parametrize("where", ["top", "middle", "after-sources", "after-sources-paragraph"])
def test_a_hard_spanish_paragraph_anywhere_fails_production_naming_its_lines(launched_copy, where):
    site_copy = launched_copy
    line = add_hard_paragraph(site_copy, where)
    if where == "after-sources":
        line -= 1  # the entry it joined: a Spanish paragraph's line is its English one's
    translate_hard_paragraph(site_copy, where)
    result = build_spanish(
        site_copy / "_build" / "prod-es",
        "-b",
        "dummy",
        "-D",
        "practice_build_for=production",
        source=site_copy,
    )
    assert result.returncode != 0
    warnings = reading_warnings(result)
    assert warnings and all(w.endswith("[practice.reading-level]") for w in warnings), warnings
    catalogue = f"locales/es/LC_MESSAGES/{PAGE}.po"
    found = [
        w
        for w in warnings
        if f"{PAGE}.md:{line}: WARNING: this paragraph of the Spanish translation ({catalogue}, line " in w
    ]
    assert len(found) == 1, (line, warnings)
    entry_line = int(re.search(r"\.po, line (\d+)\)", found[0])[1])
    entry = (site_copy / catalogue).read_text(encoding="utf-8").splitlines()[entry_line - 1]
    assert entry.startswith("msgid"), entry
    score = float(re.search(r"scores (-?\d+) on the Fernández-Huerta", found[0])[1])
    assert score < 0 and "must score 50 or more" in found[0], found[0]
    assert 'It begins: "La elaboración psicoterapéutica' in found[0], found[0]
