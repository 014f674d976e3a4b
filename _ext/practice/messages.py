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

    missing_file = "missing-file"
    """A built page links to a file of the site that is not in the output."""

    navigation = "navigation"
    """A template asks the site's navigation for a ``toctree()`` it cannot draw."""

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
    Subtype.missing_file: "A built page links to a file of the site that is not in the output.",
    Subtype.navigation: "A template asks the site's navigation for a `toctree()` it cannot draw.",
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
        "this general page has {present} but not {missing}. A general page carries all three "
        "review fields (reviewed_by, last_reviewed, next_review) or none. For example: {example}"
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
    # -- the built site (after the build) ------------------------------------------
    "missing-file": (
        "the built page {page}{others} links to {file}, which is not in the built site. "
        "If the page names that file (an image or a link in its HTML), fix the name or add "
        "the file next to the page or in _static/. Otherwise an earlier build left the "
        "output out of step: run `make clean html` to build the site from scratch."
    ),
    "missing-stylesheet": (
        "stylesheet {file} is linked but missing from the output"
    ),
    # -- templates (practice.navigation) --------------------------------------------
    "toctree-arguments": (
        "{caller} asks for toctree({call}), which the site's compact navigation "
        "(_ext/practice/navigation.py) cannot draw: {problems}. It draws Sphinx's "
        "toctree(collapse=True, titles_only=True, includehidden=True) to any maxdepth. "
        "Ask for that, or set practice_compact_navigation = False in conf.py for "
        "Sphinx's own (slow on a large site)."
    ),
}


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
