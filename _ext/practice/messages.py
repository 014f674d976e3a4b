"""Every message the content checks can show, in one place.

Staff read these messages, so each one says what is wrong, where, and how to fix
it, with an example. ``Subtype`` lists the kinds of warning (each can be silenced
with ``suppress_warnings = ["practice.<subtype>"]``); ``MESSAGES`` holds the text
of each message, keyed by a short id, as ``str.format`` templates. A staff-facing
table of errors can be generated from (and checked against) these two.
"""

from __future__ import annotations

import enum

WARNING_TYPE = "practice"


class Subtype(str, enum.Enum):
    """The kinds of warning the content checks give (``type="practice"``)."""

    metadata = "metadata"
    """The front matter is missing, has an unknown field, or a field has a wrong value."""

    related = "related"
    """A ``related`` entry names a page that does not exist."""

    review_overdue = "review-overdue"
    """A page's ``next_review`` date has passed (see ``practice_overdue_reviews``)."""

    language = "language"
    """A stigmatising label is used instead of person-first language."""

    reading_level = "reading-level"
    """A page for clients or families reads above the target Flesch-Kincaid grade."""

    claims = "claims"
    """Wording promises a cure or a guaranteed result, or calls IFS evidence-based."""

    not_ready = "not-ready"
    """Production build: a draft, a "Write here:" prompt, or a change since sign-off."""

    translation = "translation"
    """The Spanish site: translations.yaml, practice.yaml's Spanish details, or a
    paragraph whose translation is missing or out of date (production builds)."""

    @property
    def doc(self) -> str:
        return SUBTYPE_DOCS[self]


# The docstrings above are for readers of the source and autodoc; an enum member
# cannot carry its own ``__doc__`` at run time, so the same lines are kept here.
SUBTYPE_DOCS = {
    Subtype.metadata: "The front matter is missing, has an unknown field, or a field has a wrong value.",
    Subtype.related: "A `related` entry names a page that does not exist.",
    Subtype.review_overdue: "A page's `next_review` date has passed (see `practice_overdue_reviews`).",
    Subtype.language: "A stigmatising label is used instead of person-first language.",
    Subtype.reading_level: "A page for clients or families reads above the target Flesch-Kincaid grade.",
    Subtype.claims: "Wording promises a cure or a guaranteed result, or calls IFS evidence-based.",
    Subtype.not_ready: "Production build: a draft, a \"Write here:\" prompt, or a change since sign-off.",
    Subtype.translation: ("The Spanish site: translations.yaml, practice.yaml's Spanish details, or a "
                          "paragraph whose translation is missing or out of date (production builds)."),
}

# What each front-matter field expects, and a correct example line.
FIELD_HELP: dict[str, tuple[str, str]] = {
    "kind": ("one of: specialty, approach, general", "kind: specialty"),
    "description": (
        "one sentence of at most 160 characters, shown in search results and when the page is shared",
        "description: Gentle, practical help for anxiety and low mood, at your own pace.",
    ),
    "audience": (
        "a list of who the page is for, from: clients, families, professionals",
        "audience: [clients, families]",
    ),
    "reviewed_by": (
        "the id of the clinician who reviewed the page, as listed in practice.yaml",
        "reviewed_by: clinician-a",
    ),
    "last_reviewed": (
        "the date of the last full review, written year-month-day, not in the future",
        "last_reviewed: 2026-11-28",
    ),
    "next_review": (
        "the date the next review is due, year-month-day, after last_reviewed and "
        "no more than 3 years after it",
        "next_review: 2027-11-28",
    ),
    "status": (
        "'draft' for a page that is not yet signed off; remove the line at sign-off",
        "status: draft",
    ),
    "review_fingerprint": (
        "the 16-letter fingerprint that make sign-off writes; do not edit it by hand "
        "(the build prints the right line to paste when a page needs signing off)",
        "review_fingerprint: 3f9a0c1d2b4e5f60",
    ),
    "related": (
        "a list of other pages, each written as its path without .md",
        "related: [approaches/internal-family-systems, specialties/trauma]",
    ),
}

MESSAGES: dict[str, str] = {
    # -- metadata --------------------------------------------------------------
    "no-front-matter": (
        "this page has no front matter. Start the file with a block between two '---' "
        "lines that says what the page is, for example: "
        "'---' / 'kind: general' / '{description_example}' / 'audience: [clients]' / '---'."
    ),
    "bad-yaml": (
        "the front matter (between the '---' lines) is not valid YAML: {problem}. "
        "Write one 'field: value' per line, and put text containing a colon in quotes, "
        "for example: {example}"
    ),
    "front-matter-not-mapping": (
        "the front matter must be 'field: value' lines, for example: kind: general"
    ),
    "field-missing": (
        "the front matter has no '{field}' (needed on {where}). Expected {expected}. "
        "Add a line like: {example}"
    ),
    "field-unknown": (
        "'{field}' is not a front-matter field we know{hint}. Fix the spelling or remove it. "
        "The fields are: {known}."
    ),
    "field-invalid": (
        "'{field}' is {value}; expected {expected}. For example: {example}"
    ),
    "description-too-long": (
        "'description' is {length} characters; keep it to 160 or fewer (one short sentence), "
        "for example: {example}"
    ),
    "description-sentences": (
        "'description' has more than one sentence; write a single sentence of at most "
        "160 characters, for example: {example}"
    ),
    "audience-unknown": (
        "'audience' has {value}, which is not one of clients, families, professionals{hint}. "
        "For example: {example}"
    ),
    "reviewer-unknown": (
        "'reviewed_by' is {value}, but practice.yaml has no clinician with that id{hint}. "
        "Use one of: {known}. For example: reviewed_by: {first}"
    ),
    "review-fields-partial": (
        "this page has {present} but not {missing}. The review fields (reviewed_by, "
        "last_reviewed, next_review, review_fingerprint) go together and are written when a "
        "clinician signs the page off: make sign-off PAGE=<page> REVIEWER=<clinician id> "
        "(CONTRIBUTING.md, \"Sign-off\"). Until then, remove them."
    ),
    "review-missing": (
        "this {kind} page has not been signed off: it has no {missing}. While it is being written, add the line 'status: draft' to its front "
        "matter (a draft shows in previews, never on the public site). When a clinician has "
        "read it, sign it off: make sign-off PAGE=<page> REVIEWER=<clinician id> "
        "(CONTRIBUTING.md, \"Sign-off\")."
    ),
    "last-reviewed-future": (
        "'last_reviewed' is {value}, which is in the future (today is {today}). "
        "Give the date the review actually happened, for example: last_reviewed: {today}"
    ),
    "next-review-order": (
        "'next_review' ({next}) must come after 'last_reviewed' ({last}). "
        "For example: next_review: {suggested}"
    ),
    "next-review-too-late": (
        "'next_review' ({next}) is more than 3 years after 'last_reviewed' ({last}). "
        "Pick a date on or before {latest}, for example: next_review: {suggested}"
    ),
    "related-not-docname": (
        "'related' has {value}; write each page as its path from the site's top folder, "
        "without .md or a leading slash or ../, for example: {suggested}"
    ),
    # -- related ---------------------------------------------------------------
    "related-unknown": (
        "'related' names {value}, but there is no such page{hint}. "
        "Write the page's path without .md, for example: approaches/internal-family-systems"
    ),
    "related-self": (
        "'related' lists this page itself ({value}); remove it."
    ),
    # -- review overdue --------------------------------------------------------
    "review-overdue": (
        "this page was due for review on {next} ({days} days ago). After a clinician "
        "reviews the whole page, update 'last_reviewed' and 'next_review', for example: "
        "last_reviewed: {today} and next_review: {suggested}. To publish while the review "
        "is pending, set practice_overdue_reviews = \"publish\" in conf.py."
    ),
    "review-overdue-notice": (
        "REVIEW OVERDUE: {file}: next review was due on {next} ({days} days ago); "
        "published anyway because practice_overdue_reviews = \"publish\"."
    ),
    # -- language ----------------------------------------------------------------
    "language": (
        "\"{found}\" is wording that labels people and can hurt; use person-first "
        "language instead, for example: {suggestion}. Only if you are quoting a word a reader "
        "may have been called, mark it as a quotation like this: {{called}}`{found}`"
    ),
    # -- reading level -----------------------------------------------------------
    "reading-level": (
        "this page reads at Flesch-Kincaid grade {grade:.1f}; pages for clients and families "
        "must be at grade {target:g} or below (aim for 6 to 7). Use shorter sentences and "
        "everyday words. The hardest sentences are: {hardest}"
    ),
    # -- claims ------------------------------------------------------------------
    "claims": (
        "\"{found}\" {problem}. {suggestion}"
    ),
}


# -- not ready to publish (fails a production build; a notice and a banner in previews) --
MESSAGES.update({
    "not-ready-draft": (
        "this page is a draft ('status: draft'), so it cannot be published. When it is "
        "finished, a clinician reads all of it and signs it off. {steps}"
    ),
    "not-ready-prompt": (
        "{count} \"{prompt}\" prompt{s} from make new-page still to replace (line{s} "
        "{lines}). Write the page's own words in place of each (the prompt says what belongs "
        "there), or delete the prompt."
    ),
    "not-ready-changed": (
        "this page changed after its review on {date} by {name}. Any change, even a typo "
        "fix, is read by a clinician before it is published (CONTRIBUTING.md, \"Sign-off\"). "
        "When a clinician has read the page as it is now, sign it off. {steps}"
    ),
    "not-ready-unfingerprinted": (
        "this page's review on {date} by {name} has no review_fingerprint, so the build "
        "cannot tell whether the page changed after it. When a clinician has read the page "
        "as it is now, sign it off. {steps}"
    ),
    "sign-off-steps": (
        "To sign off, run: make sign-off PAGE={page} REVIEWER={reviewer}\n"
        "Or, without a terminal, edit the page's front matter (between the '---' lines){draft}, "
        "and put these lines in place of any review lines there (reviewed_by is the id of the "
        "clinician who read it: {ids}):\n{lines}\n"
        "Then commit the change."
    ),
    "not-ready-notice": (
        "NOT READY TO PUBLISH: {where}: {message}"
    ),
    "not-ready-summary": (
        "{count} page(s) not ready to publish (listed above). They build here, with a banner; "
        "a production build (Read the Docs' published site, or make production) stops on them. "
        "make check says what to do for each."
    ),
    # The banner at the top of such a page in a preview.
    "not-ready-draft-banner": "Draft: not yet reviewed, do not share.",
    "not-ready-changed-banner": (
        "Changed since its review on {date} by {name}: not yet signed off, do not share."
    ),
    "not-ready-prompt-banner": "Not finished: {count} \u201c{prompt}\u201d prompt{s} still to replace.",
})


# -- publishing (notices in the build log, not warnings) --------------------------------
MESSAGES.update({
    "hosting-ads-notice": (
        "NOTICE: this build is for {url}, an address on Read the Docs' free Community "
        "plan, which shows ads on every page. The site promises no ads (privacy.md). "
        "Publish it on Read the Docs for Business (or with Gold), as the README's "
        "\"Publishing\" section says, and switch off Read the Docs' Addons."
    ),
    "hosting-check-notice": (
        "Built on Read the Docs for a custom domain: the build cannot tell the plan. "
        "Check that the project is on Read the Docs for Business (or Gold), so no ads "
        "are shown, and that its Addons are switched off (README, \"Publishing\")."
    ),
})


# -- Spanish site ------------------------------------------------------------------------
# translations.yaml (which pages are translated, who reviewed each translation),
# practice.yaml's Spanish details ('es:'), translations missing or out of date, and the
# content checks in Spanish (translation.py, translated_data.py, spanish_checks.py).
MESSAGES.update({
    "translations-bad-yaml": (
        "this file is not valid YAML ({problem}). Each translated page is a line "
        "'page/path:' with its review lines under it, indented by two spaces."
    ),
    "translations-not-mapping": (
        "expected one line 'page/path:' for each translated page, with its review lines "
        "under it, for example: 'specialties/addiction:' / '  reviewed_by: clinician-b' / "
        "'  last_reviewed: 2026-12-01' / '  description: \"...\"'."
    ),
    "translation-unknown-page": (
        "'{page}' is not a page of the site{hint}. Write the page's path without .md, "
        "for example 'specialties/addiction'."
    ),
    "translation-not-mapping": (
        "'{page}' needs its review lines under it, each indented by two spaces: "
        "reviewed_by, last_reviewed and description."
    ),
    "translation-field-missing": (
        "'{page}' has no '{field}'. Add a line under it like: {example}"
    ),
    "translation-field-unknown": (
        "'{field}' is not something translations.yaml records{hint}. Under each page write "
        "only: reviewed_by, last_reviewed, description."
    ),
    "translation-reviewer-unknown": (
        "'{page}': reviewed_by is '{value}', but practice.yaml has no clinician with that "
        "id{hint}. Use the id of the clinician who reviewed the translation, one of: {known}."
    ),
    "translation-date": (
        "'{page}': last_reviewed is {value}; write the date the translation was reviewed, "
        "year-month-day and not in the future, for example: last_reviewed: {today}"
    ),
    "translation-description": (
        "'{page}': the Spanish description {problem}; write one sentence of at most 160 "
        "characters, for example: description: \"Ayuda para la adicción, a su ritmo y sin "
        "juicios.\""
    ),
    "translation-no-home": (
        "the home page is not listed: the Spanish site starts from it. Add 'index:' with "
        "its review lines first."
    ),
    "translation-stale": (
        "this paragraph of {page} is not translated into Spanish, or its translation is out "
        "of date (the English changed after it was translated): \"{words}\". The Spanish "
        "site cannot publish a page with English in it. Update the catalogues (make "
        "translations), translate the entries of {catalogue} that are marked fuzzy or left "
        "empty, have the translation reviewed, and record the review in "
        "locales/es/translations.yaml (CONTRIBUTING.md, \"Translate a page\")."
    ),
    "translation-stale-more": (
        "{page} has {count} more paragraph(s) not translated or out of date (see {catalogue})."
    ),
    "translation-stale-notice": (
        "NOT READY TO PUBLISH: {where}: {count} paragraph(s) not translated into Spanish or out "
        "of date, the first: \"{words}\""
    ),
    "translation-stale-banner": (
        "This page is not fully translated yet: {count} paragraph(s) are still in English "
        "or out of date. Do not share it."
    ),
    # practice.yaml's Spanish details (translated_data.py)
    "practice-es-unknown": (
        "'{key}' under 'es:' is not a detail the pages show in Spanish{hint}. The details "
        "with a Spanish value are: {known}."
    ),
    "practice-es-not-text": (
        "'{key}' under 'es:' must be {kind}, like its English value."
    ),
    "practice-es-missing": (
        "'{key}' has no Spanish value, so Spanish pages would show it in English. Add it "
        "under 'es:', for example: {example}"
    ),
    # the content checks, in Spanish (spanish_checks.py)
    "language-es": (
        "\"{found}\" (in the Spanish translation, {catalogue}) is wording that labels people "
        "and can hurt; use person-first language instead, for example: {suggestion}. Only if "
        "you are quoting a word a reader may have been called, mark it as a quotation like "
        "this: {{called}}`{found}`"
    ),
    "claims-es": (
        "\"{found}\" (in the Spanish translation, {catalogue}) {problem}. {suggestion}"
    ),
    "reading-level-es": (
        "the Spanish translation of this page ({catalogue}) scores {score:.0f} on the "
        "Fernández-Huerta reading ease scale; pages for clients and families must score "
        "{target:g} or more (about grade 7 to 8). Use shorter sentences and everyday words. "
        "The hardest sentences are: {hardest}"
    ),
})


# -- settings in conf.py (stop the build at once, as Sphinx's ConfigError) -------------
SETTING_MESSAGES: dict[str, str] = {
    "practice-today": (
        "practice_today is {value!r}; write a date like '2026-11-28', or leave it empty "
        "to use today's date."
    ),
    "overdue-setting": (
        "practice_overdue_reviews is {value!r}; use \"fail\" (an overdue review stops the "
        "build) or \"publish\" (build anyway, with a notice)."
    ),
}
MESSAGES.update(SETTING_MESSAGES)


def render(message_id: str, **values: object) -> str:
    """The text of message ``message_id`` with ``values`` filled in."""
    return MESSAGES[message_id].format(**values)
