"""The review footer at the foot of each reviewed page (NHS pattern).

Generated from the front matter, never written by hand::

    Reviewed by Example Clinician A, LCSW        (links to about.html#clinician-<id>)
    Page last reviewed: 28 November 2026
    Next review due: 28 November 2027

Specialty and approach pages always have one; a general page has one when it
carries the review fields.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from .. import priorities
from ..languages.i18n import _, long_date
from ..data.page_metadata import foot_of, pages, reviewer


def footer(app: Sphinx, docname: str) -> nodes.container | None:
    info = pages(app.env).get(docname)
    person = reviewer(app.config, info) if info else None
    review = info.review if info else None
    if person is None or review is None:
        return None
    box = nodes.container(classes=["review-footer"], ids=["page-review"])
    who = nodes.paragraph(classes=["review-footer-reviewer"])
    who += nodes.Text(_("Reviewed by") + " ")
    about = app.config.practice_about_page
    if about in app.env.found_docs:
        uri = app.builder.get_relative_uri(docname, about) + f"#clinician-{review.reviewed_by}"
        who += nodes.reference("", person["name"], refuri=uri, internal=True)
    else:
        who += nodes.Text(person["name"])
    who += nodes.Text(f", {person['credentials']}")
    box += who
    language = app.config.language
    box += nodes.paragraph(
        text=_("Page last reviewed: {date}").format(date=long_date(review.last_reviewed, language)),
        classes=["review-footer-last"],
    )
    box += nodes.paragraph(
        text=_("Next review due: {date}").format(date=long_date(review.next_review, language)),
        classes=["review-footer-next"],
    )
    return box


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    box = footer(app, docname)
    if box is not None:
        foot_of(doctree).append(box)


def setup(app: Sphinx) -> None:
    app.add_config_value("practice_about_page", "about", "env", types=[str])
    app.connect("doctree-resolved", on_doctree_resolved, priority=priorities.REVIEW_FOOTER)
