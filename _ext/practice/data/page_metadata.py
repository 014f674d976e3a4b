"""Check every page's front matter while it is read, and keep what it says.

The schema and its messages are in ``front_matter``. Here the build reads each
page's source for its front matter (MyST passes lists as JSON text and drops the
lines; reading the block again gives real dates and the line of each field), records
each problem as a ``metadata`` finding, and stores the valid values in
the ``pages`` store (``page_state``) for the footer, related topics and structured data.
Related pages are checked against the site's pages on every build (``related``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.errors import ConfigError
from sphinx.util import docname_join

from .. import findings, priorities
from .front_matter import PageInfo, prompt_lines, read_front_matter, text_fingerprint, validate
from ..messages import Subtype, render
from ..page_state import store
from ..build_state import saved_state
from ..suggestions import did_you_mean
from .practice_data import clinician_by_id
from .sign_offs import SignOff, sign_off_gap


def today(config: Config) -> dt.date:
    """The date reviews are judged against: ``practice_today`` if set (tests), else today."""
    return dt.date.fromisoformat(config.practice_today) if config.practice_today else dt.date.today()


def pages(env: BuildEnvironment) -> dict[str, PageInfo]:
    """Each page's front matter, as ``PageInfo`` (kept in ``page_state``)."""
    return store(env, "pages")


def sign_off_gap_of(config: Config, info: PageInfo) -> str | None:
    """Why the page's sign-off does not count (``sign_offs.sign_off_gap``), or ``None``."""
    return sign_off_gap(
        SignOff(info.reviewed_by, info.signed_by, info.example_review),
        config.practice_signatures,
        config.practice_is_example,
        public=config.practice_build_for == "production",
    )


def reviewer(config: Config, info: PageInfo) -> dict | None:
    """The clinician who reviewed the page, from practice.yaml; ``None`` if the page
    claims no review (none recorded, a draft, or a sign-off that is not that person's)."""
    review = info.review
    if review is None or not info.claims_review or sign_off_gap_of(config, info):
        return None
    return clinician_by_id(config).get(review.reviewed_by)


def foot_of(doctree: nodes.document) -> nodes.Element:
    """Where generated parts go at the end of a page: its last top-level section."""
    sections = [child for child in doctree.children if isinstance(child, nodes.section)]
    return sections[-1] if sections else doctree


def linked_docs(doctree: nodes.document, docname: str) -> tuple[str, ...]:
    """The pages this page links to in its body (Markdown links and {doc} roles)."""
    found = []
    for ref in doctree.findall(addnodes.pending_xref):
        target = ref.get("reftarget")
        if not target:
            continue
        if ref.get("refdomain") == "doc":
            found.append(target)
        elif ref.get("refdomain") == "std" and ref.get("reftype") == "doc":
            found.append(
                docname_join(docname, target.removeprefix("/"))
                if not target.startswith("/")
                else target.removeprefix("/")
            )
    return tuple(dict.fromkeys(doc for doc in found if doc != docname))


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    docname = env.docname
    path = Path(env.doc2path(docname))
    if path.suffix != ".md":
        return
    ids = list(clinician_by_id(app.config))
    text = path.read_text(encoding="utf-8")
    info, problems = validate(
        read_front_matter(text), ids, today(app.config), app.config.practice_extra_front_matter_keys
    )
    info.links = linked_docs(doctree, docname)
    info.fingerprint = text_fingerprint(text)
    info.prompt_lines = prompt_lines(text)
    pages(env)[docname] = info
    for problem in problems:
        findings.add(env, docname, Subtype.metadata, problem.line, problem.message)


def nearest_docname(value: str, docnames: set[str]) -> str:
    """The existing page a mistyped name most likely meant, as ' (did you mean ...)'."""
    same_file = sorted(doc for doc in docnames if doc.rsplit("/", 1)[-1] == value.rsplit("/", 1)[-1])
    return f" (did you mean '{same_file[0]}'?)" if same_file else did_you_mean(value, docnames)


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """Check related pages exist; every build, since pages come and go."""
    for docname, info in sorted(pages(env).items()):
        if docname not in env.found_docs:
            continue
        for target in info.related:
            location = (docname, info.line("related"))
            if target == docname:
                findings.warn(Subtype.related, render("related-self", value=f"'{target}'"), location)
            elif target not in env.found_docs and target not in saved_state(env).english_only:
                findings.warn(
                    Subtype.related,
                    render(
                        "related-unknown", value=f"'{target}'", hint=nearest_docname(target, env.found_docs)
                    ),
                    location,
                )


def on_config_inited(app: Sphinx, config: Config) -> None:
    if config.practice_today:
        try:
            dt.date.fromisoformat(config.practice_today)
        except ValueError:
            raise ConfigError(render("practice-today", value=config.practice_today)) from None


def setup(app: Sphinx) -> None:
    app.setup_extension("practice.page_state")
    app.add_config_value("practice_today", "", "env", types=[str])
    app.add_config_value("practice_extra_front_matter_keys", [], "env", types=[list, tuple])
    app.connect("config-inited", on_config_inited)
    # Before the other checks, which read this page's front matter from the store.
    app.connect("doctree-read", on_doctree_read, priority=priorities.FRONT_MATTER)
    app.connect("env-updated", on_env_updated)
