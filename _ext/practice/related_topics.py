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

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .page_metadata import foot_of, pages

Card = tuple[str, str, str]  # docname, title, description


def related_docnames(env: BuildEnvironment, docname: str) -> list[str]:
    store = pages(env)
    info = store.get(docname)
    if info is None:
        return []
    chosen = list(info.related)
    backlinks = []
    for other, other_info in sorted(store.items()):
        if other == env.config.root_doc:
            continue
        if docname in other_info.related:
            chosen.append(other)
        elif info.is_clinical and other_info.is_clinical and docname in other_info.links:
            backlinks.append(other)
    return [doc for doc in dict.fromkeys(chosen + backlinks)
            if doc != docname and doc in env.found_docs]


def cards(env: BuildEnvironment, docname: str) -> tuple[Card, ...]:
    store = pages(env)
    result = []
    for doc in related_docnames(env, docname):
        title = env.titles[doc].astext() if doc in env.titles else doc
        description = store[doc].description if doc in store else None
        result.append((doc, title, description or ""))
    return tuple(result)


def section(app: Sphinx, docname: str, topics: tuple[Card, ...]) -> nodes.section:
    block = nodes.section(classes=["related-topics"], ids=["related-topics"])
    block += nodes.title(text="Related topics")
    items = nodes.bullet_list(classes=["related-cards"])
    for doc, title, description in topics:
        item = nodes.list_item(classes=["related-card"])
        heading = nodes.paragraph(classes=["related-card-title"])
        heading += nodes.reference("", title, refuri=app.builder.get_relative_uri(docname, doc),
                                   internal=True)
        item += heading
        if description:
            item += nodes.paragraph(text=description, classes=["related-card-description"])
        items += item
    block += items
    return block


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    topics = cards(app.env, docname)
    if topics:
        foot_of(doctree).append(section(app, docname, topics))


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages whose cards changed (a title, a description, a new backlink): write them again."""
    before = getattr(env, "practice_related_cards", {})
    now = {docname: cards(env, docname) for docname in pages(env) if docname in env.found_docs}
    env.practice_related_cards = now
    return sorted(doc for doc, topics in now.items() if before.get(doc) != topics)


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", on_doctree_resolved)
    app.connect("env-updated", on_env_updated)
