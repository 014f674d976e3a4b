"""CONTRIBUTING.md's error table and the real messages stay in step.

Each row of the table ("When the build says no") has a code, an example message, what
it means and how to fix it. Here each code has its bad input: a small change to a tiny
site (tests/roots/test-error-table/, built with the site's own conf.py and extension).
The tests check that

- each row's example is a message that its bad input really produces (``…`` in an
  example stands for any text);
- every warning subtype the extension defines, and every message in its catalogs
  (messages.py), has a row.

``python tests/test_error_table.py CODE...`` prints what each bad input produces, for
writing a row.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sphinx.locale
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.console import nocolor
from sphinx.util.docutils import docutils_namespace, patch_docutils

ROOT = Path(__file__).resolve().parent.parent
BASE = Path(__file__).resolve().parent / "roots" / "test-error-table"
sys.path.insert(0, str(ROOT / "_ext"))
sys.path.insert(0, str(ROOT / "tools"))

from practice import messages, search

import check

LINKED = ("_ext", "_static", "_templates", "_extra")  # the site's own, shared
COPIED = ("conf.py", "practice.yaml")  # the site's own, changed by some cases
TODAY = "2026-11-28"  # review dates are judged on this day
NIMH_SOURCE = "National Institute of Mental Health. *Grief and loss*. 2024. [NIMH](https://www.nimh.nih.gov/)"
GRIEF = "specialties/grief.md"


@dataclass
class Bad:
    """A bad input: text replacements in the tiny site's files, and new files."""

    replace: list[tuple[str, str, str]] = field(default_factory=list)  # file, old, new
    files: dict[str, str | None] = field(default_factory=dict)  # file -> text (None: delete)
    builder: str = "dummy"
    overrides: dict[str, object] = field(default_factory=dict)
    pagefind_fails: bool = False  # the search indexer fails (a stand-in program exits with 1)


def page(body: str = "", front: str = "") -> str:
    """A specialty page like specialties/grief.md, with its body or front matter changed."""
    text = (BASE / GRIEF).read_text(encoding="utf-8")
    if front:
        text = re.sub(r"\A---\n.*?\n---\n", front, text, flags=re.S)
    if body:
        text = text.replace("## Your first step", body + "\n\n## Your first step")
    return text


PRODUCTION = {"practice_build_for": "production"}
GRIEF_FINGERPRINT = "cf9f8ea46083402c"  # grief.md's text as it is (make sign-off prints it)
CLINICIAN_A = "Example Clinician A, LCSW (example)"  # as practice.yaml names clinician-a


def signed_grief(lines: str) -> Bad:
    """grief.md signed off (its fingerprint) with these sign-off lines; a production build."""
    return Bad(
        replace=[(GRIEF, "related: []", f"review_fingerprint: {GRIEF_FINGERPRINT}\n{lines}\nrelated: []")],
        overrides=PRODUCTION,
    )


def fm(old: str, new: str) -> Bad:
    """Change one line of grief.md's front matter."""
    return Bad(replace=[(GRIEF, old, new)])


# -- The Spanish site: a translation of the tiny site (home and grief pages) ----------------
SPANISH = {"language": "es"}
TRANSLATIONS = "locales/es/translations.yaml"
GOOD_TRANSLATIONS = (
    "index:\n  reviewed_by: clinician-b\n  last_reviewed: 2026-11-20\n"
    '  description: "Un sitio pequeño para los ejemplos de la tabla de errores."\n'
    "specialties/grief:\n  reviewed_by: clinician-b\n  last_reviewed: 2026-11-20\n"
    '  description: "Ayuda amable cuando ha perdido a alguien, a su ritmo."\n'
)
GRIEF_PARAGRAPH = (
    "Loss can hurt in ways that are hard to put into words. You do not have to carry it "
    "alone. Some of your {term}`parts` may feel numb, and some may feel too much."
)
CATALOGUES = {
    "index": {
        "What we help with": "En qué le ayudamos",
        "About us": "Sobre nosotros",
        "Home": "Inicio",
        "This small site holds one page of each kind. Each row of the error table changes one "
        "thing in it.": "Este sitio pequeño tiene una página de cada tipo. Cada fila de la tabla "
        "de errores cambia algo en él.",
    },
    "specialties/grief": {
        "Grief": "Duelo",
        GRIEF_PARAGRAPH: "Una pérdida puede doler de formas difíciles de decir. No tiene que cargar "
        "con esto a solas. Algunas de sus {term}`partes <parts>` pueden sentirse "
        "adormecidas, y otras, desbordadas.",
        "Your first step": "Su primer paso",
        "Call us at {practice}`phone` for a short first talk.": (
            "Llámenos al {practice}`phone` para una primera charla breve."
        ),
        "If you need help now": "Si necesita ayuda ahora",
        "Sources": "Fuentes",
        NIMH_SOURCE: NIMH_SOURCE,
    },
}


def po_text(entries: dict[str, str]) -> str:
    """A catalogue (.po) holding ``entries`` ({English: Spanish})."""

    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for english, spanish in entries.items():
        lines += [f"msgid {quoted(english)}", f"msgstr {quoted(spanish)}", ""]
    return "\n".join(lines)


def spanish(
    *,
    grief: dict[str, str] | None = None,
    translations: str = GOOD_TRANSLATIONS,
    replace: list[tuple[str, str, str]] | None = None,
    files: dict | None = None,
    overrides: dict | None = None,
) -> Bad:
    """The tiny site's Spanish build (``-D language=es``), with one thing changed."""
    catalogues = {
        "index": CATALOGUES["index"],
        "specialties/grief": {**CATALOGUES["specialties/grief"], **(grief or {})},
    }
    made = {
        TRANSLATIONS: translations,
        **{f"locales/es/LC_MESSAGES/{name}.po": po_text(entries) for name, entries in catalogues.items()},
        **(files or {}),
    }
    return Bad(replace=replace or [], files=made, overrides={**SPANISH, **(overrides or {})})


def translations_file(text: str) -> Bad:
    """A mistake in translations.yaml: every build checks the file."""
    return Bad(files={TRANSLATIONS: text})


CASES: dict[str, Bad] = {
    # -- front matter (practice.metadata) ----------------------------------------------
    "no-front-matter": Bad(files={GRIEF: re.sub(r"\A---\n.*?\n---\n\n", "", page(), flags=re.S)}),
    "bad-yaml": fm("description: Kind help", "description: Grief: kind help"),
    "front-matter-not-mapping": Bad(files={GRIEF: page(front="---\n- kind: specialty\n---\n")}),
    "field-missing": fm("audience: [clients, families]\n", ""),
    "review-missing": fm("reviewed_by: clinician-a\n", ""),
    "field-unknown": fm("related: []", "related: []\nauthor: clinician-a"),
    "field-invalid": fm("kind: specialty", "kind: speciality"),
    "description-too-long": fm(
        "description: Kind help when you have lost someone, at your own pace.",
        "description: Kind help when you have lost someone close to you, a parent, a partner, a "
        "child or a friend, at your own pace, in person or online, with a therapist who listens.",
    ),
    "description-sentences": fm("at your own pace.", "at your own pace. We can help."),
    "audience-unknown": fm("audience: [clients, families]", "audience: [clients, family]"),
    "reviewer-unknown": fm("reviewed_by: clinician-a", "reviewed_by: clinician-c"),
    "review-fields-partial": Bad(
        replace=[
            (
                "about.md",
                "audience: [clients, families]\n",
                "audience: [clients, families]\nreviewed_by: clinician-a\n",
            )
        ]
    ),
    "last-reviewed-future": fm("last_reviewed: 2026-11-20", "last_reviewed: 2026-12-20"),
    "next-review-order": fm("next_review: 2027-11-20", "next_review: 2026-11-01"),
    "next-review-too-late": fm("next_review: 2027-11-20", "next_review: 2030-11-20"),
    "related-not-docname": fm("related: []", "related: [../about.md]"),
    # -- not ready to publish (practice.not-ready, production builds only) ------------
    "not-ready-draft": Bad(
        replace=[(GRIEF, "kind: specialty\n", "kind: specialty\nstatus: draft\n")], overrides=PRODUCTION
    ),
    "not-ready-prompt": Bad(files={GRIEF: page("Write here: one clear next step.")}, overrides=PRODUCTION),
    "not-ready-changed": Bad(
        replace=[(GRIEF, "related: []", "review_fingerprint: 0123456789abcdef\nrelated: []")],
        overrides=PRODUCTION,
    ),
    "not-ready-unfingerprinted": Bad(overrides=PRODUCTION),
    "not-ready-unsigned": Bad(
        replace=[(GRIEF, "related: []", f"review_fingerprint: {GRIEF_FINGERPRINT}\nrelated: []")],
        overrides=PRODUCTION,
    ),
    "not-ready-other-person": signed_grief('signed_by: "Dana Real, LCSW"'),
    "not-ready-example-review": signed_grief(f'signed_by: "{CLINICIAN_A}"\nexample_review: true'),
    # -- example details (practice.example-details, production builds only) -------------
    "example-flag-on": Bad(overrides=PRODUCTION),
    "example-detail": Bad(overrides=PRODUCTION),
    # -- related topics (practice.related) ---------------------------------------------
    "related-unknown": fm("related: []", "related: [approaches/grief-work]"),
    "related-self": fm("related: []", "related: [specialties/grief]"),
    "topic-cards-empty": Bad(
        replace=[
            (
                "index.md",
                "\n```{toctree}\n:caption: What we help with",
                "\n```{topic-cards} specialty\n```\n\n```{toctree}\n:caption: What we help with",
            )
        ]
    ),
    # -- review dates (practice.review-overdue) ----------------------------------------
    "review-overdue": Bad(
        replace=[
            (GRIEF, "last_reviewed: 2026-11-20", "last_reviewed: 2025-06-02"),
            (GRIEF, "next_review: 2027-11-20", "next_review: 2026-06-02"),
        ]
    ),
    # -- words (practice.language, practice.claims, practice.reading-level) -------------
    "language": Bad(files={GRIEF: page("Being called an addict can hurt.")}),
    "claims": Bad(files={GRIEF: page("We can cure your grief.")}),
    "claims-ifs": Bad(files={GRIEF: page("IFS is an evidence-based therapy for addiction.")}),
    "reading-level": Bad(
        files={
            GRIEF: page(
                "Bereavement frequently precipitates considerable psychological disorganization, "
                "particularly when circumstances surrounding the bereavement were unanticipated, "
                "traumatic or accompanied by unresolved interpersonal ambivalence. Professional "
                "intervention facilitates integration of the experience, restoration of functioning "
                "and reconstruction of meaning, although individual trajectories demonstrate "
                "considerable variability."
            )
        }
    ),
    "reading-level-paragraph": Bad(
        files={
            GRIEF: page()
            + (
                "\nGrief counselling, when it is offered to bereaved individuals experiencing "
                "complicated or prolonged reactions, characteristically emphasizes the gradual "
                "reconstruction of meaning and the restoration of interpersonal functioning.\n"
            )
        }
    ),
    # -- practice.yaml (practice.data, fatal errors) -----------------------------------
    "practice-field-missing": Bad(replace=[("practice.yaml", "\nemail: ", "\nemial: ")]),
    "practice-phone-link": Bad(
        replace=[("practice.yaml", 'phone_link: "+15555550142"', 'phone_link: "(555) 555-0142"')]
    ),
    "practice-example-flag": Bad(replace=[("practice.yaml", "\nexample: true", "\nexample: maybe")]),
    "practice-no-clinicians": Bad(replace=[("practice.yaml", "clinicians:\n", "clinician:\n")]),
    "practice-clinician-not-mapping": Bad(
        replace=[("practice.yaml", "clinicians:\n", "clinicians:\n  - Example Clinician C\n")]
    ),
    "practice-clinician-field": Bad(replace=[("practice.yaml", "    credentials: LPC (example)\n", "")]),
    "practice-clinician-id": Bad(replace=[("practice.yaml", "id: clinician-b", "id: Clinician B")]),
    "practice-clinician-id-twice": Bad(replace=[("practice.yaml", "id: clinician-b", "id: clinician-a")]),
    "practice-clinician-github": Bad(
        replace=[("practice.yaml", "    # github: example-clinician-b ", "    github: '@sam-lee' #")]
    ),
    "practice-clinician-github-twice": Bad(
        replace=[
            ("practice.yaml", "  - id: clinician-a\n", "  - id: clinician-a\n    github: Dana-Rivera\n"),
            ("practice.yaml", "    # github: example-clinician-b ", "    github: dana-rivera #"),
        ]
    ),
    "practice-bad-yaml": Bad(replace=[("practice.yaml", "tagline: ", "tagline: [")]),
    "practice-not-mapping": Bad(files={"practice.yaml": "- name: Example Counseling Practice\n"}),
    "practice-missing-file": Bad(files={"practice.yaml": None}),
    "practice-unknown-field": Bad(replace=[("practice.yaml", "\nservices:", "\nservice:")]),
    "practice-group-not-mapping": Bad(
        replace=[
            ("practice.yaml", '\nprivacy:\n  notice_url: ""', '\nprivacy: "https://example.com/notice.pdf"')
        ]
    ),
    "practice-detail-unknown": Bad(replace=[("practice.yaml", "  languages: ", "  language: ")]),
    "practice-detail-not-text": Bad(
        replace=[("practice.yaml", '  languages: "English (example)."', "  languages: [English, Spanish]")]
    ),
    "practice-detail-not-flag": Bad(
        replace=[("practice.yaml", "  sees_minors: false", '  sees_minors: "no"')]
    ),
    # (the list's items stay, under a name of their own: the row is about 'approaches')
    "practice-detail-not-list": Bad(
        replace=[("practice.yaml", "  approaches:\n", "  approaches: Motivational interviewing\n  others:\n")]
    ),
    "practice-phone": Bad(replace=[("practice.yaml", "phone: (555) 555-0142", "phone: 555-0142")]),
    "practice-phone-mismatch": Bad(
        replace=[("practice.yaml", 'phone_link: "+15555550142"', 'phone_link: "+15555550143"')]
    ),
    "practice-email": Bad(
        replace=[("practice.yaml", "email: hello@example.com", "email: hello at example.com")]
    ),
    "practice-booking-url": Bad(
        replace=[("practice.yaml", "booking_url: https://example.com/book", "booking_url: example.com/book")]
    ),
    "practice-notice-url": Bad(
        replace=[("practice.yaml", 'notice_url: ""', 'notice_url: "www.example.com/notice.pdf"')]
    ),
    "unknown-key": Bad(files={GRIEF: page("Fax us at {practice}`fax`.")}),
    "fact-unknown": Bad(files={GRIEF: page("```{practice-facts}\nservices.parking\n```")}),
    "if-unknown-key": Bad(files={GRIEF: page("```{practice-if} privacy.notice\nSee our notice.\n```")}),
    "embed": Bad(files={GRIEF: page('<iframe src="https://www.youtube.com/embed/abc"></iframe>')}),
    # -- redirects.yaml (practice.redirect) and old addresses (make check) --------------
    "redirects-bad-yaml": Bad(files={"redirects.yaml": "redirects:\n  old-grief: [specialties/grief\n"}),
    "redirects-no-section": Bad(files={"redirects.yaml": "redirect:\n  old-grief: specialties/grief\n"}),
    "redirects-not-mapping": Bad(files={"redirects.yaml": "redirects:\n  - old-grief\n"}),
    "redirect-no-target": Bad(files={"redirects.yaml": "redirects:\n  old-grief:\n"}),
    "redirect-twice": Bad(
        files={"redirects.yaml": "redirects:\n  old-grief: specialties/grief\n  old-grief.html: about\n"}
    ),
    "redirect-still-a-page": Bad(files={"redirects.yaml": "redirects:\n  about: specialties/grief\n"}),
    "redirect-chain": Bad(
        files={"redirects.yaml": "redirects:\n  grief: old-grief\n  old-grief: specialties/grief\n"}
    ),
    "redirect-missing-page": Bad(files={"redirects.yaml": "redirects:\n  old-grief: specialties/greif\n"}),
    "published-url-gone": Bad(
        files={
            "published-urls.txt": "index.html\nabout.html\nglossary.html\n"
            "specialties/grief.html\nold-grief.html\n"
        }
    ),
    "page-not-published": Bad(files={"published-urls.txt": "index.html\nabout.html\nglossary.html\n"}),
    # -- links, menu and markup (Sphinx and MyST) --------------------------------------
    "broken-link": Bad(files={GRIEF: page("Read about [loss](../approaches/loss.md).")}),
    "unknown-label": Bad(files={GRIEF: page("See {ref}`grief-help-now`.")}),
    "unknown-term": Bad(files={GRIEF: page("Your {term}`Self` is calm.")}),
    "duplicate-label": Bad(files={GRIEF: page("(grief-first-step)=\n## More steps\n\nText.")}),
    "not-in-menu": Bad(
        files={
            "specialties/loss.md": page().replace("# Grief", "# Loss").replace("(grief-first-step)=\n", "")
        }
    ),
    "menu-missing-page": Bad(
        replace=[("index.md", "specialties/grief\n", "specialties/grief\nspecialties/loss\n")]
    ),
    "unknown-directive": Bad(files={GRIEF: page("```{dropdwn} Do I need to stop first?\nNo.\n```")}),
    "unknown-role": Bad(files={GRIEF: page("Call us at {pratice}`phone`.")}),
    "heading-levels": Bad(files={GRIEF: page("### A small heading\n\nText.")}),
    "missing-stylesheet": Bad(builder="html", overrides={"html_css_files": ["site.css", "extra.css"]}),
    "missing-file": Bad(builder="html", files={GRIEF: page('<img src="team.jpg" alt="Our team">')}),
    "toctree-arguments": Bad(
        builder="html",
        files={
            "_more_templates/sidebar/scroll-end.html": "{{ toctree(collapse=False, titles_only=True, "
            "includehidden=True) }}"
        },
        overrides={"templates_path": ["_more_templates", "_templates"]},
    ),
    "search-index-failed": Bad(builder="html", pagefind_fails=True),
    "page-budget": Bad(
        builder="html",
        overrides={"practice_page_budget_first_view": 8, "practice_page_budget_second_view": 6},
    ),
    # -- the Spanish site (practice.translation, and the checks in Spanish) ----------------
    "translations-bad-yaml": translations_file("index: [clinician-b\n"),
    "translations-not-mapping": translations_file("- index\n- specialties/grief\n"),
    "translation-unknown-page": translations_file(
        GOOD_TRANSLATIONS.replace("specialties/grief:", "specialties/greif:")
    ),
    "translation-not-mapping": translations_file(GOOD_TRANSLATIONS + "about: clinician-b\n"),
    "translation-field-missing": translations_file(
        GOOD_TRANSLATIONS.replace(
            '  description: "Ayuda amable cuando ha perdido a alguien, a su ritmo."\n', ""
        )
    ),
    "translation-field-unknown": translations_file(
        GOOD_TRANSLATIONS + "about:\n  reviewed_by: "
        "clinician-b\n  last_reviewed: 2026-11-20\n  description: Sobre.\n  reviewer: clinician-a\n"
    ),
    "translation-reviewer-unknown": translations_file(
        GOOD_TRANSLATIONS.replace(
            '  reviewed_by: clinician-b\n  last_reviewed: 2026-11-20\n  description: "Ayuda',
            '  reviewed_by: clinician-c\n  last_reviewed: 2026-11-20\n  description: "Ayuda',
        )
    ),
    "translation-example-review": translations_file(
        GOOD_TRANSLATIONS.replace(
            '  last_reviewed: 2026-11-20\n  description: "Ayuda',
            '  last_reviewed: 2026-11-20\n  example_review: "yes"\n  description: "Ayuda',
        )
    ),
    "translation-unsigned": spanish(overrides=PRODUCTION),
    "translation-other-person": spanish(
        translations=GOOD_TRANSLATIONS.replace(
            "  reviewed_by: clinician-b\n", '  reviewed_by: clinician-b\n  signed_by: "Robin Real, LPC"\n'
        ),
        overrides=PRODUCTION,
    ),
    "translation-example-sign-off": spanish(
        translations=GOOD_TRANSLATIONS.replace(
            "  reviewed_by: clinician-b\n",
            "  reviewed_by: clinician-b\n  signed_by: "
            '"Example Clinician B, LPC (example)"\n  example_review: true\n',
        ),
        overrides=PRODUCTION,
    ),
    "translation-date": translations_file(
        GOOD_TRANSLATIONS.replace('2026-11-20\n  description: "Ayuda', '2026-12-20\n  description: "Ayuda')
    ),
    "translation-description": translations_file(
        GOOD_TRANSLATIONS.replace("a su ritmo.", "a su ritmo. Le escuchamos.")
    ),
    "translation-no-home": translations_file(
        GOOD_TRANSLATIONS.split("specialties/grief:")[0].replace("index:", "specialties/grief:")
    ),
    "translation-stale": spanish(
        replace=[(GRIEF, "You do not have to carry it\nalone.", "You do not have to carry it on your own.")],
        overrides=PRODUCTION,
    ),
    "translation-stale-more": spanish(
        files={
            GRIEF: page("\n\n".join(f"This is new paragraph number {n} of the page." for n in range(1, 12)))
        },
        overrides=PRODUCTION,
    ),
    "practice-es-unknown": Bad(replace=[("practice.yaml", "\n  tagline: Terapia", "\n  taglin: Terapia")]),
    "practice-es-not-text": Bad(
        replace=[
            (
                "practice.yaml",
                "\n  hours: De lunes a viernes, de 9 am a 6 pm. Respondemos los mensajes en un día hábil.",
                "\n  hours: [lunes, martes]",
            )
        ]
    ),
    "practice-es-missing": spanish(
        replace=[
            (
                "practice.yaml",
                "\n  hours: De lunes a viernes, de 9 am a 6 pm. Respondemos los mensajes en un día hábil.",
                "",
            )
        ]
    ),
    "language-translation": spanish(grief={GRIEF_PARAGRAPH: "Que le llamen adicto puede doler."}),
    "claims-translation": spanish(grief={GRIEF_PARAGRAPH: "Le curamos el duelo en pocas semanas."}),
    "reading-level-translation": spanish(
        grief={
            GRIEF_PARAGRAPH: (
                "La elaboración psicoterapéutica del duelo complicado requiere habitualmente una "
                "intervención especializada, interdisciplinaria y metodológicamente fundamentada, "
                "orientada a la reconstrucción significativa de la experiencia, la reorganización "
                "identitaria y la integración emocional progresiva de la pérdida."
            )
        }
    ),
    "reading-level-paragraph-translation": spanish(
        grief={
            GRIEF_PARAGRAPH: (
                "El acompañamiento psicoterapéutico del duelo prolongado enfatiza característicamente la "
                "reconstrucción progresiva del significado y la restauración del funcionamiento "
                "interpersonal de las personas afectadas."
            )
        }
    ),
    "practice-today": Bad(overrides={"practice_today": "28/11/2026"}),
    "language-no-table": Bad(overrides={"language": "fr"}),
    "overdue-setting": Bad(overrides={"practice_overdue_reviews": "warn"}),
}

# Messages in the catalogs that are not problems, so have no row.
NOT_PROBLEMS = {
    "review-overdue-notice": "printed, not a warning, when practice_overdue_reviews = 'publish'",
    "hosting-ads-notice": "printed, not a warning, on a Read the Docs Community address",
    "hosting-check-notice": "printed, not a warning, on Read the Docs with a custom domain",
    "sign-off-steps": "the end of each not-ready-* message",
    "not-ready-notice": "printed, not a warning, for a page not ready to publish in a preview",
    "not-ready-summary": "printed, not a warning, after those notices",
    "not-ready-draft-banner": "the banner on a draft in a preview",
    "not-ready-changed-banner": "the banner on a page changed since its sign-off, in a preview",
    "not-ready-prompt-banner": "the banner on a page with prompts left, in a preview",
    "translation-stale-notice": "printed, not a warning, for a Spanish page with English left, in a preview",
    "translation-stale-banner": "the banner on such a page, in a preview",
    "reading-level-joined": "the end of a reading-level-paragraph message, for short paragraphs "
    "graded together",
    "reading-level-catalogue-line": "part of a reading-level-paragraph-translation message",
    "page-budget-first": "part of a page-budget message",
    "page-budget-second": "part of a page-budget message",
    "sign-off-after-setup": "the end of each not-ready-* message while practice.yaml holds example details",
    "not-ready-unsigned-banner": "the banner on a page whose review names no signer, in a preview",
    "not-ready-other-person-banner": "the banner on a page signed off by another person, in a preview",
    "not-ready-example-review-banner": "the banner on a page with an example sign-off, in a preview",
    "topic-cards-untranslated": "printed, not a warning, in a translation's build for a card "
    "its catalogue does not translate yet",
    "translation-not-signed-banner": "the banner on a translation with no real sign-off, in a preview",
}


def make_site(tmp_path: Path, bad: Bad) -> Path:
    site = tmp_path / "site"
    shutil.copytree(BASE, site)
    for name in LINKED:
        (site / name).symlink_to(ROOT / name)
    for name in COPIED:
        shutil.copy(ROOT / name, site / name)
    (site / "redirects.yaml").write_text("redirects:\n", encoding="utf-8")
    (site / "published-urls.txt").write_text(
        "index.html\nabout.html\nglossary.html\nspecialties/grief.html\n", encoding="utf-8"
    )
    for name, old, new in bad.replace:
        path = site / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{name} has no {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    for name, text in bad.files.items():
        if text is None:
            (site / name).unlink()
        else:
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            (site / name).write_text(text, encoding="utf-8")
    return site


def messages_for(site: Path, bad: Bad) -> list[str]:
    """Every message the build (and `make check`'s address check) gives for ``site``."""
    overrides = {"nitpicky": True, "practice_today": TODAY, **bad.overrides}
    with contextlib.ExitStack() as stack:
        if bad.pagefind_fails:
            stack.enter_context(failing_pagefind(site.parent))
        return _messages_for(site, bad, overrides)


@contextlib.contextmanager
def failing_pagefind(folder: Path):
    """Make the search indexer a program that fails, as Pagefind does on a full disk."""
    fake = [sys.executable, "-c", "import sys; print('Error: disk full'); sys.exit(1)"]
    real = search._pagefind
    search._pagefind = lambda: fake
    try:
        yield
    finally:
        search._pagefind = real


def _messages_for(site: Path, bad: Bad, overrides: dict[str, object]) -> list[str]:
    nocolor()
    sphinx.locale.translators.clear()  # not the words of a language built before
    warnings = io.StringIO()
    found: list[str] = []
    try:
        with patch_docutils(site), docutils_namespace(), contextlib.redirect_stdout(io.StringIO()):
            app = Sphinx(
                site,
                site,
                site / "_build" / bad.builder,
                site / "_build" / "doctrees",
                bad.builder,
                confoverrides=overrides,
                status=None,
                warning=warnings,
                freshenv=True,
            )
            app.build()
        found += check.published_url_problems(site, set(app.env.found_docs), app.config.redirects)
    except SphinxError as error:
        found.append(str(error))
    for line in warnings.getvalue().splitlines():
        if check.INIT_WARNING.match(line) or not found:
            found.append(line)
        elif line.strip():
            found[-1] += "\n" + line  # a message of several lines
    return [check.relative(message, site) for message in found]


def read_table() -> dict[str, str]:
    """{code: example message} from every table in CONTRIBUTING.md's error section."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("## When the build says no", 1)[1]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        if len(cells) != 4 or not cells[0].startswith("`") or set(cells[0]) <= {"-", "`"}:
            continue
        code, example = cells[0].strip("`"), cells[1]
        assert code not in rows, f"the code {code} has two rows"
        rows[code] = re.sub(r"^``\s?|\s?``$", "", example)
    return rows


def matches(example: str, message: str) -> bool:
    pattern = ".*?".join(re.escape(part) for part in example.split("…"))
    return re.fullmatch(pattern, message, flags=re.S) is not None


TABLE = read_table()


def test_every_row_has_a_bad_input_and_every_bad_input_a_row():
    assert sorted(set(TABLE) - set(CASES)) == [], "rows with no bad input in CASES"
    assert sorted(set(CASES) - set(TABLE)) == [], "bad inputs with no row in CONTRIBUTING.md"


@pytest.mark.parametrize("code", sorted(CASES))
def test_the_example_is_what_the_bad_input_gives(tmp_path, code):
    produced = messages_for(make_site(tmp_path, CASES[code]), CASES[code])
    example = TABLE.get(code)
    assert example is not None, f"CONTRIBUTING.md has no row {code}"
    assert any(matches(example, message) for message in produced), (
        f"row {code}: its example\n  {example}\nis not among the messages its bad input gives:\n  "
        + "\n  ".join(produced)
    )


def test_every_warning_subtype_has_a_row():
    defined = {subtype.value for subtype in messages.Subtype}
    shown = set(re.findall(r"\[practice\.([\w-]+)\]", "\n".join(TABLE.values())))
    assert sorted(defined - shown) == [], "warning subtypes with no row in the error table"


def test_every_catalogued_message_has_a_row():
    catalogued = set(messages.MESSAGES) - set(NOT_PROBLEMS)
    assert sorted(catalogued - set(TABLE)) == [], "messages with no row (code = message id)"


def test_the_tiny_site_itself_is_clean(tmp_path):
    assert messages_for(make_site(tmp_path, Bad()), Bad()) == []


if __name__ == "__main__":
    import tempfile

    for code in sys.argv[1:] or sorted(CASES):
        with tempfile.TemporaryDirectory() as folder:
            print(f"{code}:")
            for message in messages_for(make_site(Path(folder), CASES[code]), CASES[code]):
                print(f"    {message}")
