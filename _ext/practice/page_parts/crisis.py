"""Crisis resources: one source for every place the site shows them.

``CRISIS_LINES`` feeds the short line in every page's header (through the
templates' ``crisis`` context) and the ``crisis-lines`` directive, the full block on
the get-help page and each specialty page, whose words are each language's table's
(``languages/english.py``, ``languages/spanish.py``). The facts and their sources are in
the project brief (clinical facts, sections 1 and 13); change the numbers here only.
"""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective

from ..languages.tables import table_for

CRISIS_LINES = {
    "lifeline_number": "988",
    "lifeline_tel": "tel:988",
    "lifeline_sms": "sms:988",
    "lifeline_chat": "https://988lifeline.org/chat/",
}


def full_block(language: str | None) -> str:
    """The full list of crisis lines, in Markdown, in ``language``: its table's block
    (each language says which lines answer in it), with the numbers above."""
    return table_for(language).crisis_block.format(**CRISIS_LINES)


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
                StringList(full_block(language).splitlines(), source="crisis.py"), self.content_offset, block
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
