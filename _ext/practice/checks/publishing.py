"""Which pages are ready to publish, and what the build does with the others.

A page is not ready to publish when it is a draft (``status: draft``), when it still
has a "Write here:" prompt from `make new-page`, when its text changed after a
clinician signed it off (its ``review_fingerprint`` is not the fingerprint of its
text now; see ``front_matter.text_fingerprint``), or when its sign-off is not the
reviewer's own: no ``signed_by``, a reviewer whose name or credentials changed since,
or an example review (``data.sign_offs``). Nothing here needs git history: Read the
Docs clones shallowly.

``practice_build_for`` says who the build is for:

- ``"production"``, the public site (Read the Docs' builds of a branch or a tag,
  ``READTHEDOCS_VERSION_TYPE`` = ``branch`` | ``tag``; locally ``make production``):
  each such page fails the build (``practice.not-ready``) with its file, the line
  where it can, and what to do, down to the front-matter lines to paste to sign off;
- ``"preview"`` (local builds, `make livehtml`, Read the Docs' pull-request builds):
  the page builds, with a banner at its top saying what is missing, and the build
  log lists it.

In every build a draft claims no review (``PageInfo.claims_review``: no review
footer, no review in its JSON-LD), carries ``<meta name="robots" content="noindex">``,
and is left out of the sitemap and the search index.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import ENUM, Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.console import bold

from .. import findings
from ..build_state import build_state
from ..data.front_matter import PROMPT, PageInfo
from ..messages import MESSAGES, Subtype, render
from ..data.page_metadata import pages, sign_off_gap_of, today
from ..data.sign_offs import EXAMPLE_REVIEW, OTHER_PERSON, review_lines
from ..languages.i18n import _, long_date
from ..data.practice_data import clinician_by_id

logger = logging.getLogger(__name__)

BUILD_FOR = ("preview", "production")
# Read the Docs' version types that publish the site (``external`` is a pull request).
PUBLISHED_VERSION_TYPES = ("branch", "tag")
NOINDEX = '<meta name="robots" content="noindex">\n'


def build_for_default() -> str:
    kind = os.environ.get("READTHEDOCS_VERSION_TYPE", "")
    return "production" if kind in PUBLISHED_VERSION_TYPES else "preview"


@dataclass(frozen=True)
class NotReady:
    """One reason a page may not be published yet."""

    line: int | None
    message: str  # for the build log and `make check`: what is wrong and what to do
    banner: str  # for the banner at the top of the page in a preview, in its language


def banner(config: Config, key: str, **values: Any) -> str:
    """A preview banner in the build's language (``practice.po`` has the Spanish)."""
    return _(MESSAGES[key]).format(**values)


def sign_off_steps(config: Config, docname: str, info: PageInfo) -> str:
    """How to sign a page off: the command, and the lines to paste without a terminal."""
    ids = list(clinician_by_id(config))
    reviewer = info.reviewed_by if info.reviewed_by in ids else "<clinician id>"
    lines = review_lines(
        reviewer,
        config.practice_signatures.get(reviewer),
        today(config),
        config.practice_is_example,
        info.fingerprint,
    )
    return render(
        "sign-off-steps",
        page=docname,
        reviewer=reviewer,
        ids=", ".join(ids) or "(none in practice.yaml)",
        draft=" and remove the line 'status: draft'" if info.is_draft else "",
        lines="\n".join(f"    {line}" for line in lines),
    )


def sign_off_not_ready(config: Config, docname: str, info: PageInfo, gap: str) -> NotReady:
    """The page's sign-off is not its reviewer's own (``data.sign_offs``)."""
    review = info.review
    assert review is not None, "a sign-off gap is found only on a page that names a review"
    person = clinician_by_id(config).get(review.reviewed_by, {})
    name = person.get("name", review.reviewed_by)
    signed = info.signed_by or ""
    day = review.last_reviewed
    values = dict(
        date=long_date(day),
        name=name,
        signed=signed,
        reviewer=review.reviewed_by,
        now=config.practice_signatures.get(review.reviewed_by, ""),
    )
    key = {OTHER_PERSON: "not-ready-other-person", EXAMPLE_REVIEW: "not-ready-example-review"}.get(
        gap, "not-ready-unsigned"
    )
    # While the details are examples, a sign-off now would be an example review too.
    steps = (
        render("sign-off-after-setup", page=docname)
        if config.practice_is_example
        else sign_off_steps(config, docname, info)
    )
    return NotReady(
        info.line("signed_by") or info.line("reviewed_by"),
        render(key, steps=steps, **values),
        banner(config, f"{key}-banner", **{**values, "date": long_date(day, config.language)}),
    )


def not_ready(config: Config, docname: str, info: PageInfo) -> list[NotReady]:
    """Every reason ``docname`` is not ready to publish, the weightiest first."""
    found = []
    gap = sign_off_gap_of(config, info)
    if info.is_draft:
        found.append(
            NotReady(
                info.line("status"),
                render("not-ready-draft", steps=sign_off_steps(config, docname, info)),
                banner(config, "not-ready-draft-banner"),
            )
        )
    elif info.changed_since_review and (review := info.review):
        person = clinician_by_id(config).get(review.reviewed_by, {})
        values = dict(date=long_date(review.last_reviewed), name=person.get("name", review.reviewed_by))
        message = "not-ready-changed" if info.review_fingerprint else "not-ready-unfingerprinted"
        found.append(
            NotReady(
                info.line("review_fingerprint") or info.line("reviewed_by"),
                render(message, steps=sign_off_steps(config, docname, info), **values),
                banner(
                    config,
                    "not-ready-changed-banner",
                    **{**values, "date": long_date(review.last_reviewed, config.language)},
                ),
            )
        )
    elif info.has_review and gap:
        found.append(sign_off_not_ready(config, docname, info, gap))
    if info.prompt_lines:
        count = len(info.prompt_lines)
        found.append(
            NotReady(
                info.prompt_lines[0],
                render(
                    "not-ready-prompt",
                    count=count,
                    prompt=PROMPT,
                    s="s" if count > 1 else "",
                    lines=", ".join(map(str, info.prompt_lines)),
                ),
                banner(
                    config, "not-ready-prompt-banner", count=count, prompt=PROMPT, s="s" if count > 1 else ""
                ),
            )
        )
    return found


def pages_not_ready(app: Sphinx) -> dict[str, list[NotReady]]:
    """Every page of the site that is not ready to publish, with its reasons."""
    env = app.env
    result = {}
    for docname, info in sorted(pages(env).items()):
        if docname in env.found_docs:
            reasons = not_ready(app.config, docname, info)
            if reasons:
                result[docname] = reasons
    return result


def is_draft(env: BuildEnvironment, docname: str) -> bool:
    info = pages(env).get(docname)
    return info is not None and info.is_draft


def on_builder_inited(app: Sphinx) -> None:
    build_state(app).sitemap_excludes = list(getattr(app.config, "sitemap_excludes", []))


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    waiting = pages_not_ready(app)
    production = app.config.practice_build_for == "production"
    for docname, reasons in waiting.items():
        for reason in reasons:
            if production:
                findings.warn(Subtype.not_ready, reason.message, (docname, reason.line))
            else:
                where = f"{env.doc2path(docname, False)}:{reason.line or 1}"
                logger.info(bold(render("not-ready-notice", where=where, message=reason.banner)))
    if waiting and not production:
        logger.info(bold(render("not-ready-summary", count=len(waiting))))
    # sphinx-sitemap reads its exclusions as each page is written, after this.
    before = build_state(app).sitemap_excludes
    if hasattr(app.config, "sitemap_excludes") and before is not None:
        drafts = [
            app.builder.get_target_uri(doc)
            for doc in sorted(pages(env))
            if doc in env.found_docs and is_draft(env, doc)
        ]
        app.config.sitemap_excludes = [*before, *drafts]


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    info = pages(app.env).get(pagename)
    if doctree is None or info is None:
        return
    if info.is_draft:
        context["metatags"] = NOINDEX + context.get("metatags", "")
    context["practice_not_ready"] = [reason.banner for reason in not_ready(app.config, pagename, info)]


def setup(app: Sphinx) -> None:
    app.add_config_value("practice_build_for", build_for_default(), "html", types=ENUM(*BUILD_FOR))
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-updated", on_env_updated)
    app.connect("html-page-context", on_html_page_context)
