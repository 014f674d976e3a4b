"""The "Related topics" section of each page, built from ``related`` in both directions.

A page's related topics are, in this order:

1. the pages its own ``related`` lists;
2. the pages whose ``related`` lists it (so a link is always two-way);
3. for specialty and approach pages, the other specialty and approach pages whose
   text links to it (backlinks).

The home page is never added as a backlink. Each topic is a card: the page's title
as the link (its accessible name) and the page's description under it. When a page
changes, the pages whose cards show it are written again (``on_env_updated``).
"""

from __future__ import annotations

from collections import defaultdict

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..build_state import saved_state
from ..languages.i18n import _
from ..data.page_metadata import foot_of, pages

Card = tuple[str, str, str]  # docname, title, description


def related_docnames(env: BuildEnvironment) -> dict[str, list[str]]:
    """Every page's related pages, in order; one pass over the site, not one per page."""
    store = pages(env)
    named_by: dict[str, list[str]] = defaultdict(list)
    linked_by: dict[str, list[str]] = defaultdict(list)
    for other in sorted(store):
        if other == env.config.root_doc:
            continue
        other_info = store[other]
        for target in other_info.related:
            named_by[target].append(other)
        if other_info.is_clinical:
            for target in other_info.links:
                linked_by[target].append(other)
    result = {}
    for docname, info in store.items():
        if docname not in env.found_docs:
            continue
        backlinks = linked_by[docname] if info.is_clinical else []
        result[docname] = [
            doc
            for doc in dict.fromkeys([*info.related, *named_by[docname], *backlinks])
            if doc != docname and doc in env.found_docs
        ]
    return result


def all_cards(env: BuildEnvironment) -> dict[str, tuple[Card, ...]]:
    """Each page's related-topic cards: (docname, title, description) of each topic."""
    store = pages(env)

    def card(doc: str) -> Card:
        title = env.titles[doc].astext() if doc in env.titles else doc
        description = store[doc].description if doc in store else None
        return doc, title, description or ""

    return {
        docname: tuple(card(doc) for doc in related) for docname, related in related_docnames(env).items()
    }


def card_item(link: nodes.Element, description: str) -> nodes.list_item:
    """One card: the link to the page (its title), and the line about it under it."""
    item = nodes.list_item(classes=["related-card"])
    heading = nodes.paragraph(classes=["related-card-title"])
    heading += link
    item += heading
    if description:
        item += nodes.paragraph(description, description, classes=["related-card-description"])
    return item


def section(app: Sphinx, docname: str, topics: tuple[Card, ...]) -> nodes.section:
    block = nodes.section(classes=["related-topics"], ids=["related-topics"])
    block += nodes.title(text=_("Related topics"))
    items = nodes.bullet_list(classes=["related-cards"])
    for doc, title, description in topics:
        items += card_item(
            nodes.reference("", title, internal=True, refuri=app.builder.get_relative_uri(docname, doc)),
            description,
        )
    block += items
    return block


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    topics = saved_state(app.env).related_cards.get(docname)
    if topics:
        foot_of(doctree).append(section(app, docname, topics))


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages whose cards changed (a title, a description, a new backlink): write them again."""
    saved = saved_state(env)
    before, now = saved.related_cards, all_cards(env)
    saved.related_cards = now
    return sorted(doc for doc, topics in now.items() if before.get(doc) != topics)


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", on_doctree_resolved)
    app.connect("env-updated", on_env_updated)
