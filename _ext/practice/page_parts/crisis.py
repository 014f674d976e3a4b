"""Crisis resources: one source for every place the site shows them.

``CRISIS_LINES`` feeds the short line in every page's header (through the
templates' ``crisis`` context) and the ``crisis-lines`` directive, the full block on
the get-help page and each specialty page. The facts and their sources are in
the project brief (clinical facts, section 1); change them here only.
"""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective

from ..languages.i18n import N_, _

CRISIS_LINES = {
    "lifeline_number": "988",
    "lifeline_tel": "tel:988",
    "lifeline_sms": "sms:988",
    "lifeline_chat": "https://988lifeline.org/chat/",
}

# Translated as a whole (its Spanish, with the Spanish-language lines, is in
# locales/es/LC_MESSAGES/practice.po), never in a page's own catalogue.
FULL_BLOCK = N_("""\
**If you are in danger or this is an emergency, call [911](tel:911).**

- **988 Suicide & Crisis Lifeline.** Call or text [988](tel:988), or chat at
  [988lifeline.org](https://988lifeline.org/chat/). Press 1 for Veterans, press 2 for
  Spanish. Free, any time, day or night.
- **SAMHSA National Helpline.** Call [1-800-662-4357](tel:+18006624357) (1-800-662-HELP),
  TTY [1-800-487-4889](tel:+18004874889). Free and private, any time, in English and
  Spanish. They help you find treatment and support near you; they do not give
  counseling. You can also text your ZIP code to 435748 (HELP4U).
- **Crisis Text Line.** Text HOME to [741741](sms:741741). Free, any time.
""")


class CrisisLinesDirective(SphinxDirective):
    """The full list of crisis resources, ready to place under a heading."""

    has_content = False
    # The block is the same on every page, and parsing Markdown is the slow part:
    # parse it once per process and give each page its own copy. (It is plain
    # CommonMark, so no page's settings could make it parse differently.)
    parsed: dict[str, nodes.container] = {}  # by language

    def run(self) -> list[nodes.Node]:
        language = self.config.language or "en"
        if language not in CrisisLinesDirective.parsed:
            block = nodes.container(classes=["crisis-lines"])
            self.state.nested_parse(
                StringList(_(FULL_BLOCK).splitlines(), source="crisis.py"), self.content_offset, block
            )
            # Not part of the page's own words: the page's catalogue never holds it.
            for node in block.findall(nodes.Element):
                node["translatable"] = False
            CrisisLinesDirective.parsed[language] = block
        copy = CrisisLinesDirective.parsed[language].deepcopy()
        # The copy belongs to this page: a message about it names this file and line.
        source, line = self.get_source_info()
        for node in copy.findall(nodes.Element):
            node.source, node.line = source, line
        return [copy]


def on_config_inited(app: Sphinx, config: Config) -> None:
    config.html_context = {**config.html_context, "crisis": CRISIS_LINES}


def setup(app: Sphinx) -> None:
    app.add_directive("crisis-lines", CrisisLinesDirective)
    app.connect("config-inited", on_config_inited)
