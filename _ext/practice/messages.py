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


class Subtype(enum.StrEnum):
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
    """A page for clients or families, or one of its paragraphs, is too hard to read
    (Flesch-Kincaid grade; Fernández-Huerta reading ease in Spanish)."""

    claims = "claims"
    """Wording promises a cure or a guaranteed result, or calls IFS evidence-based."""

    not_ready = "not-ready"
    """Production build: a draft, a "Write here:" prompt, a change since sign-off, or a
    sign-off that is not the reviewer's own (another name, or an example review)."""

    example_details = "example-details"
    """Production build: practice.yaml still says ``example: true`` or holds an example value."""

    missing_file = "missing-file"
    """A built page links to a file of the site that is not in the output."""

    navigation = "navigation"
    """A template asks the site's navigation for a ``toctree()`` it cannot draw."""

    page_budget = "page-budget"
    """A built page makes the browser download more than the page budget allows
    (``practice_page_budget_first_view``, ``practice_page_budget_second_view``)."""

    data = "data"
    """practice.yaml has an unknown field, a missing detail or a wrong value."""

    unknown_key = "unknown-key"
    """A page names a detail of the practice that practice.yaml does not have."""

    redirect = "redirect"
    """redirects.yaml is broken, or a redirect leads nowhere."""

    search = "search"
    """The search index could not be made."""

    embed = "embed"
    """A page embeds HTML that would load something from another site."""

    assets = "assets"
    """A stylesheet the site links is missing, so pages cannot get their cut-down copy."""

    translation = "translation"
    """The Spanish site: translations.yaml, practice.yaml's Spanish details, or a
    paragraph whose translation is missing or out of date (production builds)."""


# What each front-matter field expects, and a correct example line.
FIELD_HELP: dict[str, tuple[str, str]] = {
    "kind": ("one of: specialty, approach, general", "kind: specialty"),
    "description": (
        "one sentence of at most 160 characters, shown in search results and when the page is shared",
        "description: Gentle, practical help for anxiety and low mood, at your own pace.",
    ),
    "card": (
        "one short sentence of at most 160 characters, shown on the page's card on the home page",
        "card: When worry won't let go, or everything feels heavy.",
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
    "signed_by": (
        "the reviewer's name and credentials as practice.yaml had them when they signed; "
        "make sign-off writes it",
        'signed_by: "Dana Rivera, LCSW"',
    ),
    "example_review": (
        "'true', written by make sign-off while practice.yaml held example details "
        "(such a sign-off does not count on the public site)",
        "example_review: true",
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
    "front-matter-not-mapping": ("the front matter must be 'field: value' lines, for example: kind: general"),
    "field-missing": (
        "the front matter has no '{field}' (needed on {where}). Expected {expected}. "
        "Add a line like: {example}"
    ),
    "field-unknown": (
        "'{field}' is not a front-matter field we know{hint}. Fix the spelling or remove it. "
        "The fields are: {known}."
    ),
    "field-invalid": ("'{field}' is {value}; expected {expected}. For example: {example}"),
    "description-too-long": (
        "'{field}' is {length} characters; keep it to 160 or fewer (one short sentence), "
        "for example: {example}"
    ),
    "description-sentences": (
        "'{field}' has more than one sentence; write a single sentence of at most "
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
        '(CONTRIBUTING.md, "Sign-off"). Until then, remove them.'
    ),
    "review-missing": (
        "this {kind} page has not been signed off: it has no {missing}. While it is being written, "
        "add the line 'status: draft' to its front "
        "matter (a draft shows in previews, never on the public site). When a clinician has "
        "read it, sign it off: make sign-off PAGE=<page> REVIEWER=<clinician id> "
        '(CONTRIBUTING.md, "Sign-off").'
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
    "related-self": ("'related' lists this page itself ({value}); remove it."),
    "topic-cards-empty": (
        "'{{topic-cards}} {folder}' shows the pages of the menu (the lists in index.md) "
        "under the folder {folder}/, but the menu has none. Write the folder of the pages "
        "you mean ({known}), or add the pages to the menu with make new-page."
    ),
    "topic-cards-untranslated": (
        "the card of {page} is left out here until {catalogue} has its title and its "
        "description translated (make translations adds them to the catalogue)."
    ),
    # -- review overdue --------------------------------------------------------
    "review-overdue": (
        "this page was due for review on {next} ({days} days ago). After a clinician "
        "reviews the whole page, update 'last_reviewed' and 'next_review', for example: "
        "last_reviewed: {today} and next_review: {suggested}. To publish while the review "
        'is pending, set practice_overdue_reviews = "publish" in conf.py.'
    ),
    "review-overdue-notice": (
        "REVIEW OVERDUE: {file}: next review was due on {next} ({days} days ago); "
        'published anyway because practice_overdue_reviews = "publish".'
    ),
    # -- language ----------------------------------------------------------------
    "language": (
        '"{found}" is wording that labels people and can hurt; use person-first '
        "language instead, for example: {suggestion}. Only if you are quoting a word a reader "
        "may have been called, mark it as a quotation like this: {{called}}`{found}`"
    ),
    # -- reading level -----------------------------------------------------------
    "reading-level": (
        "this page reads at Flesch-Kincaid grade {grade:.1f}; pages for clients and families "
        "must be at grade {target:g} or below (aim for 6 to 7). Use shorter sentences and "
        "everyday words. The hardest sentences are: {hardest}"
    ),
    "reading-level-paragraph": (
        "this paragraph reads at Flesch-Kincaid grade {grade:.1f}; on pages for clients and "
        "families every paragraph must be at grade {ceiling:g} or below, wherever it is on the "
        "page (after Sources too), even when the page as a whole is easy (see the editorial "
        "policy). Split its long sentences and swap long words for everyday ones. "
        'It begins: "{words}"{joined}'
    ),
    "reading-level-joined": (
        " (paragraphs of fewer than {min_words} words are graded together with their "
        "neighbours: this grade is for lines {first} to {last})"
    ),
    # -- claims ------------------------------------------------------------------
    "claims": ('"{found}" {problem}. {suggestion}'),
    # -- the built site (after the build) ------------------------------------------
    "missing-file": (
        "the built page {page}{others} links to {file}, which is not in the built site. "
        "If the page names that file (an image or a link in its HTML), fix the name or add "
        "the file next to the page or in _static/. Otherwise an earlier build left the "
        "output out of step: run `make clean html` to build the site from scratch."
    ),
    "missing-stylesheet": ("stylesheet {file} is linked but missing from the output"),
    # -- the page budget (practice.page-budget) ---------------------------------------
    "page-budget": (
        "the built page {page} is over the page budget (what a reader's browser downloads, "
        "compressed): {over}. The heaviest parts: {parts}. Shorten the page (1 KiB is about "
        "500 words) or make its images smaller, or split it into two pages that link to each "
        'other. The limits and why: editorial-policy.md, "How long a page can be".'
    ),
    "page-budget-first": "a first visit downloads {weight}, {over} over the limit of {limit}",
    "page-budget-second": (
        "opened after another page of the site, it downloads {weight}, {over} over the limit of {limit}"
    ),
    # -- templates (practice.navigation) --------------------------------------------
    "toctree-arguments": (
        "{caller} asks for toctree({call}), which the site's compact navigation "
        "(_ext/practice/site/navigation.py) cannot draw: {problems}. It draws Sphinx's "
        "toctree(collapse=True, titles_only=True, includehidden=True) to any maxdepth. "
        "Ask for that, or set practice_compact_navigation = False in conf.py for "
        "Sphinx's own (slow on a large site)."
    ),
}


# -- practice.yaml (practice.data; the first three stop the build at once) -------------
MESSAGES.update(
    {
        "practice-missing-file": "{path}: cannot read the practice's details ({problem}).",
        "practice-bad-yaml": (
            "{where}: this file is not valid YAML ({problem}). "
            "Check the indentation and that text with a colon in it is in quotes."
        ),
        "practice-not-mapping": "{path}: expected 'name: value' lines, found something else.",
        "practice-unknown-field": (
            "'{key}' is not a field of the practice's details{hint}. Fix the spelling "
            "or remove it. The fields are: {known}."
        ),
        "practice-group-not-mapping": (
            "'{group}' must be a group of 'name: text' lines, each indented by two spaces under "
            "'{group}:', for example '  {first}: ...'."
        ),
        "practice-detail-unknown": (
            "'{key}' is not a detail we know{hint}. The details under '{group}' are: {known}."
        ),
        "practice-detail-not-list": (
            "'{key}' must be a list of short texts, one per line, each starting with '- '."
        ),
        "practice-detail-not-text": "'{key}' must be text; put it in quotes, for example {name}: \"...\"",
        "practice-detail-not-flag": (
            "'{key}' is {value!r}; it must be true or false, without quotes, for example '{name}: false'."
        ),
        "practice-notice-url": (
            "'{key}' is {value!r}; it must be a full web address starting with https://, for "
            'example "https://example.com/privacy-notice.pdf".'
        ),
        "practice-field-missing": (
            "'{field}' is missing or empty; give it a line like '{field}: ...' with the practice's {what}."
        ),
        "practice-phone-link": (
            "'phone_link' is {value!r}; it must be +1 and ten digits with nothing between them, "
            'for example "+15555550142".'
        ),
        "practice-phone": (
            "'phone' is {value!r}, which is not a US phone number: it needs ten digits with the "
            "area code, written the way people should read it, for example (503) 555-0142."
        ),
        "practice-phone-mismatch": (
            "'phone_link' is {value!r} but 'phone' is {phone!r}: the \"tap to call\" link would "
            "call another number. Make it {expected!r} (make setup works it out for you)."
        ),
        "practice-email": (
            "'email' is {value!r}, which is not an email address; write it like hello@yourpractice.com."
        ),
        "practice-booking-url": (
            "'booking_url' is {value!r}; it must be a full web address starting with https://, "
            'for example "https://yourpractice.com/book".'
        ),
        "practice-example-flag": (
            "'example' must be 'example: true' (the details are still examples) or "
            "'example: false' (they are the practice's real details)."
        ),
        "practice-no-clinicians": (
            "'clinicians' must list at least one clinician, each starting with '- id: ...'."
        ),
        "practice-clinician-not-mapping": "each clinician must be a group of 'field: value' lines.",
        "practice-clinician-field": "clinician {number} has no '{field}'.",
        "practice-clinician-id": (
            "clinician id {value!r} must use only lower-case letters, digits and dashes, for "
            "example 'jane-doe'."
        ),
        "practice-clinician-id-twice": "clinician id {value!r} is used twice; each id must be unique.",
        "practice-clinician-github": (
            "github {value!r} is not a GitHub username: it has 1 to 39 letters, digits and single "
            "hyphens, and does not start or end with a hyphen. Write the username as it shows on the "
            "clinician's GitHub profile, without the @, for example 'github: dana-rivera', or leave "
            "the line out."
        ),
        "practice-clinician-github-twice": (
            "github {value!r} is also the GitHub username of {first!r} (capitals do not count); "
            "an approval on GitHub signs off in one clinician's name, so give {cid!r} their own "
            "account, or leave the line out."
        ),
        # -- the practice's details in pages (practice.unknown-key) --
        "unknown-key": "{{practice}}`{text}`: the practice's details have no {key!r}. Use one of: {known}.",
        "fact-unknown": "'{key}' is not one of the practical facts a page can show. Use one of: {known}.",
        "if-unknown-key": (
            "{{practice-if}} {key}: the practice's details have no {key!r}. Use one of: {known}."
        ),
    }
)


# -- redirects.yaml (practice.redirect) -------------------------------------------------
MESSAGES.update(
    {
        "redirects-bad-yaml": (
            "this file is not valid YAML ({problem}). Each line under 'redirects:' must be two "
            "spaces, the old address, a colon and a space, then the new page."
        ),
        "redirects-no-section": "expected a line 'redirects:' with the redirects under it.",
        "redirects-not-mapping": "under 'redirects:' each line must be 'old/address: new/page'.",
        "redirect-no-target": (
            "the old address '{old}' has no new page after the colon; write it as 'old/address: new/page'."
        ),
        "redirect-twice": "the old address '{old}' is listed twice; keep one line.",
        "redirect-still-a-page": (
            "'{old}' is still a page of the site, so it cannot redirect to "
            "'{new}'. Remove this line, or move {file} first."
        ),
        "redirect-chain": (
            "'{old}' redirects to '{new}', which is itself an old address. Point it straight to '{final}'."
        ),
        "redirect-missing-page": (
            "'{old}' redirects to '{new}', which is not a page of the site.{hint} Write the new "
            "page's file name without .md, for example 'approaches/mindfulness'."
        ),
    }
)


# -- search (practice.search) and embedded HTML (practice.embed) --------------------------
MESSAGES.update(
    {
        "embed": (
            'this page embeds HTML that the site\'s privacy rules block ("{found}"): nothing '
            "from other sites, no scripts, frames or inline styles. Remove it, and link to the "
            "other site instead, for example: [Watch the video on YouTube](https://www.youtube.com/...)."
        ),
        "search-index-failed": "Pagefind could not index the site, so search will not work:\n{output}",
    }
)


# -- not ready to publish (fails a production build; a notice and a banner in previews) --
MESSAGES.update(
    {
        "not-ready-draft": (
            "this page is a draft ('status: draft'), so it cannot be published. When it is "
            "finished, a clinician reads all of it and signs it off. {steps}"
        ),
        "not-ready-prompt": (
            '{count} "{prompt}" prompt{s} from make new-page still to replace (line{s} '
            "{lines}). Write the page's own words in place of each (the prompt says what belongs "
            "there), or delete the prompt."
        ),
        "not-ready-changed": (
            "this page changed after its review on {date} by {name}. Any change, even a typo "
            'fix, is read by a clinician before it is published (CONTRIBUTING.md, "Sign-off"). '
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
        "not-ready-unsigned": (
            "this page's review on {date} by {name} does not say who signed it (no signed_by "
            "line), so nothing ties it to a person. When {name} (or another clinician) has read "
            "the page as it is now, sign it off. {steps}"
        ),
        "not-ready-other-person": (
            "this page was signed off on {date} by {signed!r}, but practice.yaml now names its "
            "reviewer ({reviewer}) {now!r}. A sign-off belongs to the person who made it: "
            "{name} reads the page as it is now and signs it off. {steps}"
        ),
        "not-ready-example-review": (
            "this page's sign-off on {date} by {signed!r} is an example review: it was made while "
            "practice.yaml held example details (example_review: true). A clinician of the "
            "practice reads the page as it is now and signs it off. {steps}"
        ),
        "sign-off-after-setup": (
            "practice.yaml still holds example details, so a sign-off now would be an example "
            "review too: put in the practice's own details first (make setup; README, \"Going "
            'live"), then the clinician who read the page runs: make sign-off PAGE={page} '
            "REVIEWER=<their id>"
        ),
        "not-ready-notice": ("NOT READY TO PUBLISH: {where}: {message}"),
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
        "not-ready-unsigned-banner": (
            "Its review on {date} does not say who signed it: not yet signed off, do not share."
        ),
        "not-ready-other-person-banner": (
            "Signed off by {signed}, not by {name}: not yet signed off, do not share."
        ),
        "not-ready-example-review-banner": (
            "Example sign-off: no clinician of the practice has reviewed this page yet."
        ),
        # -- practice.yaml's example details (practice.example-details, production only) --
        "example-flag-on": (
            "practice.yaml says 'example: true': the practice's details are still examples, and "
            'the public site is never built from examples. Run make setup (README, "Going '
            "live\"): it asks for each detail and sets 'example: false' when none is left."
        ),
        "example-detail": (
            "'{key}' is still an example ({reason}): {value!r}. The public site shows only the "
            "practice's own details: run make setup, or put the real value on this line."
        ),
    }
)


# -- publishing (notices in the build log, not warnings) --------------------------------
MESSAGES.update(
    {
        "hosting-ads-notice": (
            "NOTICE: this build is for {url}, an address on Read the Docs' free Community "
            "plan, which shows ads on every page. The site promises no ads (privacy.md). "
            "Publish it on Read the Docs for Business (or with Gold), as the README's "
            '"Publishing" section says, and switch off Read the Docs\' Addons.'
        ),
        "hosting-check-notice": (
            "Built on Read the Docs for a custom domain: the build cannot tell the plan. "
            "Check that the project is on Read the Docs for Business (or Gold), so no ads "
            'are shown, and that its Addons are switched off (README, "Publishing").'
        ),
    }
)


# -- Spanish site ------------------------------------------------------------------------
# translations.yaml (which pages are translated, who reviewed each translation),
# practice.yaml's Spanish details ('es:'), translations missing or out of date, and the
# content checks in Spanish (translation.py, translated_data.py, translation_checks.py).
MESSAGES.update(
    {
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
        "translation-field-missing": ("'{page}' has no '{field}'. Add a line under it like: {example}"),
        "translation-field-unknown": (
            "'{field}' is not something translations.yaml records{hint}. Under each page write "
            "only: reviewed_by, last_reviewed, description (make sign-off-translation adds "
            "signed_by and example_review)."
        ),
        "translation-example-review": (
            "'{page}': example_review is {value!r}; it is written by make sign-off-translation "
            "and is either 'example_review: true' or left out."
        ),
        "translation-unsigned": (
            "the translation of {page} does not say who signed its review (no signed_by line), "
            "so nothing ties it to a person. When {name} (or another clinician) has read the "
            "translation, run: make sign-off-translation PAGE={page} REVIEWER={reviewer}"
        ),
        "translation-other-person": (
            "the translation of {page} was signed off by {signed!r}, but practice.yaml now names "
            "its reviewer ({reviewer}) {now!r}. A sign-off belongs to the person who made it: "
            "{name} reads the translation, then runs: make sign-off-translation PAGE={page} "
            "REVIEWER={reviewer}"
        ),
        "translation-example-sign-off": (
            "the translation of {page} has an example review by {signed!r}: it was signed off "
            "while practice.yaml held example details. A clinician of the practice reads it, "
            "then runs: make sign-off-translation PAGE={page} REVIEWER=<their id>"
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
            'characters, for example: description: "Ayuda para la adicción, a su ritmo y sin '
            'juicios."'
        ),
        "translation-no-home": (
            "the home page is not listed: the Spanish site starts from it. Add 'index:' with "
            "its review lines first."
        ),
        "translation-stale": (
            "this paragraph of {page} is not translated into Spanish, or its translation is out "
            'of date (the English changed after it was translated): "{words}". The Spanish '
            "site cannot publish a page with English in it. Update the catalogues (make "
            "translations), translate the entries of {catalogue} that are marked fuzzy or left "
            "empty, have the translation reviewed, and record the review in "
            'locales/es/translations.yaml (CONTRIBUTING.md, "Translate a page").'
        ),
        "translation-stale-more": (
            "{page} has {count} more paragraph(s) not translated or out of date (see {catalogue})."
        ),
        "translation-stale-notice": (
            "NOT READY TO PUBLISH: {where}: {count} paragraph(s) not translated into Spanish or out "
            'of date, the first: "{words}"'
        ),
        "translation-not-signed-banner": (
            "This translation has no sign-off by a clinician of the practice yet. Do not share it."
        ),
        "translation-stale-banner": (
            "This page is not fully translated yet: {count} paragraph(s) are still in English "
            "or out of date (marked with a dashed line). Do not share it."
        ),
        # practice.yaml's Spanish details (translated_data.py)
        "practice-es-unknown": (
            "'{key}' under 'es:' is not a detail the pages show in Spanish{hint}. The details "
            "with a Spanish value are: {known}."
        ),
        "practice-es-not-text": ("'{key}' under 'es:' must be {kind}, like its English value."),
        "practice-es-missing": (
            "'{key}' has no Spanish value, so Spanish pages would show it in English. Add it "
            "under 'es:', for example: {example}"
        ),
        # the content checks on a translation (translation_checks.py), in its language's table
        "language-translation": (
            '"{found}" (in the {language} translation, {catalogue}) is wording that labels people '
            "and can hurt; use person-first language instead, for example: {suggestion}. Only if "
            "you are quoting a word a reader may have been called, mark it as a quotation like "
            "this: {{called}}`{found}`"
        ),
        "claims-translation": (
            '"{found}" (in the {language} translation, {catalogue}) {problem}. {suggestion}'
        ),
        "reading-level-translation": (
            "the {language} translation of this page ({catalogue}) scores {score:.0f} on the "
            "{scale}; pages for clients and families must score "
            "{target:g} or more ({means}). Use shorter sentences and everyday words. "
            "The hardest sentences are: {hardest}"
        ),
        "reading-level-paragraph-translation": (
            "this paragraph of the {language} translation ({catalogue}{catalogue_line}) scores "
            "{score:.0f} on the {scale}; on pages for clients and "
            "families every paragraph must score {floor:g} or more ({means}), "
            "wherever it is on the page (after {sources} too), even when the page as a whole is easy "
            "(see the editorial policy). Use shorter sentences and everyday words. "
            'It begins: "{words}"{joined}'
        ),
        "reading-level-catalogue-line": ", line {line}",
    }
)


# -- settings in conf.py (stop the build at once, as Sphinx's ConfigError) -------------
SETTING_MESSAGES: dict[str, str] = {
    "language-no-table": (
        "the site has no language table for {code!r} ({name}), so none of its checks "
        "(person-first language, claims, reading level) could read these pages, and the crisis "
        "lines and dates would have no {name} words. To build the site in {name}, add "
        "_ext/practice/languages/{code}.py with a LanguageTable like spanish.py's: its "
        "readability formula and limits, the labels and claims to flag with what to write "
        "instead, how a sentence denies a claim, its crisis-lines block (with the lines that "
        "answer in {name}), its words for dates and for the link to it; then list it in TABLES "
        "in _ext/practice/languages/tables.py. The languages with a table are: {known}."
    ),
    "practice-today": (
        "practice_today is {value!r}; write a date like '2026-11-28', or leave it empty to use today's date."
    ),
}
MESSAGES.update(SETTING_MESSAGES)


def render(message_id: str, **values: object) -> str:
    """The text of message ``message_id`` with ``values`` filled in."""
    return MESSAGES[message_id].format(**values)
