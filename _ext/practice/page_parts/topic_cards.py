"""``{topic-cards} FOLDER``: a card for each page of the menu under one folder.

The home page shows the specialties and the approaches as cards::

    ```{topic-cards} specialties
    ```

Each card is one page the site's menu (the toctrees of the home page, in their order)
lists under that folder: its title as the link and, under it, its ``card`` line (or its
description when it has none), drawn as the cards of "Related topics" are. So a page that
``make new-page`` adds to the menu gets its card by itself, and no reviewed page has to change for it.

In a translation's build a translated page's card is in that language (its title, and
the description in ``translations.yaml``); a page left in English keeps its card,
linked to the English page and marked "(in English)", with its title and description
from the catalogue of the page that shows the cards (``make translations`` adds them
there). Until the catalogue has both, that card is left out of the translation, and
the build log says so. The menu is read from the home page's text (``menu_source``)
because the translation's own menu drops the pages it leaves out.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from upstream import sphinx as upstream_sphinx

from .. import findings
from ..build_state import build_state
from ..data.front_matter import read_front_matter
from ..data.menu_source import menu_lists
from ..languages.i18n import is_translation
from ..languages.translation import (
    HEADING,
    catalogue_file,
    catalogue_messages,
    english_only,
    site_languages,
    translations,
)
from ..messages import Subtype, render
from .practice_markup import typographic
from .related_topics import card_item

logger = logging.getLogger(__name__)


def title_and_card(path: Path) -> tuple[str, str, bool]:
    """A page's first heading, and what its card says: its ``card`` line, or else its
    description (and whether it was the card line), from its source."""
    text = path.read_text(encoding="utf-8")
    data = read_front_matter(text).data or {}
    shown = data.get("card") or data.get("description") or ""
    title = next((match[1] for line in text.splitlines() if (match := HEADING.match(line))), "")
    return title, " ".join(str(shown).split()), bool(data.get("card"))


class TopicCardsDirective(SphinxDirective):
    """The cards of the menu's pages under the folder named in the argument."""

    required_arguments = 1
    has_content = False

    @property
    def app(self) -> Sphinx:
        return upstream_sphinx.application(self.env)

    def run(self) -> list[nodes.Node]:
        folder = self.arguments[0].strip().strip("/")
        docs = self.menu_pages(folder)
        if not docs:
            known = sorted({doc.partition("/")[0] for doc in self.menu() if "/" in doc})
            _source, line = self.get_source_info()
            findings.add(
                self.env,
                self.env.docname,
                Subtype.related,
                line,
                render("topic-cards-empty", folder=folder, known=", ".join(known) or "none"),
            )
            return []
        cards = nodes.bullet_list(classes=["related-cards", "topic-cards"])
        for doc in docs:
            card = self.card(doc)
            if card is not None:
                cards += card
        return [cards] if cards.children else []

    def menu(self) -> list[str]:
        """The pages the home page's menu lists, in order (its text, not the built menu)."""
        root = self.config.root_doc
        path = Path(self.env.doc2path(root))
        self.env.note_dependency(str(path))
        return [doc for block in menu_lists(path.read_text(encoding="utf-8")) for _line, doc in block.entries]

    def menu_pages(self, folder: str) -> list[str]:
        in_site = self.env.found_docs | english_only(self.env)
        return [doc for doc in self.menu() if doc.startswith(folder + "/") and doc in in_site]

    def card(self, doc: str) -> nodes.list_item | None:
        path = Path(self.env.srcdir, build_state(self.app).source_docs.get(doc, doc + ".md"))
        self.env.note_dependency(str(path))
        title, text, is_card_line = title_and_card(path)
        if self.app.builder.name == "gettext":
            return self.card_to_translate(doc, title, text, is_card_line)
        if not is_translation(self.config):
            return self.card_item(doc, None, typographic(text), title)
        # A translation: Sphinx's own title for a translated page; the rest from the
        # catalogue of this page, but for a translated page's description.
        messages = catalogue_messages(self.app, self.env.docname)
        left_in_english = doc in english_only(self.env)
        link_text = messages.get(title, "") if left_in_english else None
        entry = translations(self.app, self.config.language).get(doc)
        if not is_card_line and entry is not None and entry.description:
            text = entry.description
        else:
            text = messages.get(text, "")
        if not text or link_text == "":
            logger.info(
                render(
                    "topic-cards-untranslated",
                    page=doc,
                    catalogue=catalogue_file(self.config, self.env.docname),
                ),
                location=self.get_location(),
            )
            return None
        return self.card_item(doc, link_text, text, title)

    def card_item(self, doc: str, title: str | None, description: str, source_title: str) -> nodes.list_item:
        """A card: the page's title (Sphinx's own, unless ``title`` is given) as the link.
        Until Sphinx puts its title in, the link holds the title of the page's source,
        which is what the checks of this page read."""
        link = addnodes.pending_xref(
            "",
            refdomain="std",
            reftype="doc",
            reftarget="/" + doc,
            refdoc=self.env.docname,
            refexplicit=title is not None,
            refwarn=True,
        )
        text = title or source_title or doc
        link += nodes.inline(text, text, classes=["xref", "std", "std-doc"])
        return card_item(link, description)

    def card_to_translate(
        self, doc: str, title: str, text: str, is_card_line: bool
    ) -> nodes.list_item | None:
        """For ``make translations``: what a translation's card takes from this page's
        catalogue, as its messages: the title and card text of a page that some language
        leaves in English, and a translated page's card line."""
        everywhere = all(doc in translations(self.app, language) for language in site_languages(self.app))
        messages = ([] if everywhere else [title]) + ([text] if is_card_line or not everywhere else [])
        if not messages:
            return None
        source, line = self.get_source_info()
        item = nodes.list_item()
        for message in messages:
            paragraph = nodes.paragraph(message, message)
            paragraph.source, paragraph.line = source, line
            item += paragraph
        return item


def setup(app: Sphinx) -> None:
    app.add_directive("topic-cards", TopicCardsDirective)
