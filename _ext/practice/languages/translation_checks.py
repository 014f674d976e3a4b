"""The content checks on a translation, in its language, with its language's table.

The English checks (``person_first``, ``claims``, ``reading_level``) skip a
translation; these take their place, with the same warning subtypes (so
``suppress_warnings`` silences both languages' rule at once) and messages that name
the page's catalogue, where the words are to be changed. What they look for is the
language's table (``spanish.py`` for Spanish): its labels, its claims and how a claim
is denied, its reading-ease formula and limits.

- **Person-first language** and **no promises**: every prose block of the page and its
  description (from translations.yaml).
- **Reading ease**, on pages for clients and families: only translated paragraphs count
  (one left in English is reported by ``translation``); the page as a whole, with the
  three hardest sentences shown, and each translated paragraph, wherever it is on the
  page (after the sources too), graded as the English paragraphs are
  (``reading_level.passages``); the message names the line of the paragraph's entry in
  its catalogue.
"""

from __future__ import annotations

import functools
from pathlib import Path

from babel.messages.pofile import read_po
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.nodes import extract_messages

from .. import findings
from ..checks.prose import graded_paragraph_nodes, line_of, prose_elements, text_blocks
from ..checks.reading_level import (
    READERS,
    _first_words,
    _quote,
    hard_passages,
    measure,
    passages,
)
from ..data.page_metadata import pages
from ..messages import Subtype, render
from .i18n import is_translation
from .table import LanguageTable
from .tables import table_for
from .translation import catalogue_file

logger = logging.getLogger(__name__)


def language_problems(
    table: LanguageTable, blocks: list[tuple[str, int | None]], catalogue: str
) -> list[tuple[int | None, str]]:
    return [
        (
            line,
            render(
                "language-translation",
                language=table.name,
                found=" ".join(match.group(0).split()),
                suggestion=rule.suggestion,
                catalogue=catalogue,
            ),
        )
        for rule, match, _text, line in table.labels.find(blocks)
    ]


def claim_problems(
    table: LanguageTable, blocks: list[tuple[str, int | None]], catalogue: str
) -> list[tuple[int | None, str]]:
    return [
        (
            line,
            render(
                "claims-translation",
                language=table.name,
                found=" ".join(match.group(0).split()),
                problem=rule.problem,
                suggestion=rule.suggestion,
                catalogue=catalogue,
            ),
        )
        for rule, match, text, line in table.claims.find(blocks)
        if not table.negation.denies(text, match)
    ]


def translated_paragraphs(doctree: nodes.document) -> list[tuple[str, int | None]]:
    """The page's prose paragraphs that are translated (by the catalogue)."""
    return [
        (para.astext(), line_of(para))
        for para in prose_elements(doctree, (nodes.paragraph,))
        if para.get("translated")
    ]


@functools.lru_cache(maxsize=64)
def _catalogue_lines(path: str, modified: int) -> dict[str, int]:
    """{msgid: the line of its entry} in the catalogue at ``path`` (as of ``modified``)."""
    with open(path, "rb") as file:
        return {str(message.id): message.lineno or 0 for message in read_po(file) if message.id}


def catalogue_line(srcdir: str | Path, catalogue: str, message: str | None) -> int | None:
    """The line of ``message``'s entry (its msgid) in ``catalogue``, if it is there."""
    path = Path(srcdir, catalogue)
    if not message or not path.is_file():
        return None
    return _catalogue_lines(str(path), path.stat().st_mtime_ns).get(message)


def hard_paragraphs(
    app: Sphinx, table: LanguageTable, doctree: nodes.document, catalogue: str
) -> list[tuple[int | None, str]]:
    """Each translated paragraph (or short ones taken together, see ``reading_level.passages``)
    past the table's paragraph limit: (line, message), the message naming the catalogue
    and the line of the paragraph's entry in it."""
    originals = {id(node): message for node, message in extract_messages(doctree)}
    graded = [
        (node, text, line) for node, text, line in graded_paragraph_nodes(doctree) if node.get("translated")
    ]
    floor = app.config[table.paragraph_limit.config]
    min_words = app.config.practice_paragraph_min_words
    scored = passages([(text, line) for _node, text, line in graded], table.readability, min_words)
    found = []
    for passage, joined in hard_passages(scored, table.readability, floor, min_words):
        entry = catalogue_line(app.srcdir, catalogue, originals.get(id(graded[passage.main][0])))
        found.append(
            (
                passage.line,
                render(
                    "reading-level-paragraph-translation",
                    language=table.name,
                    scale=table.scale,
                    means=table.paragraph_limit.means,
                    sources=table.sources_titles[0].title(),
                    catalogue=catalogue,
                    score=passage.score,
                    floor=floor,
                    catalogue_line=render("reading-level-catalogue-line", line=entry) if entry else "",
                    words=_first_words(passage.text),
                    joined=joined,
                ),
            )
        )
    return found


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    if not is_translation(app.config):
        return
    table = table_for(app.config.language)
    env = app.env
    docname = env.docname
    catalogue = catalogue_file(app.config, docname)
    info = pages(env).get(docname)
    blocks = list(text_blocks(doctree))
    if info is not None and info.description:  # the Spanish one, from translations.yaml
        blocks.append((info.description, None))
    for line, message in language_problems(table, blocks, catalogue):
        findings.add(env, docname, Subtype.language, line, message)
    for line, message in claim_problems(table, blocks, catalogue):
        findings.add(env, docname, Subtype.claims, line, message)
    if info is None or not READERS & set(info.audience):
        return
    result = measure(translated_paragraphs(doctree), table.readability)
    if result is None:
        return
    score, words, count, hardest = result.grade, result.words, result.sentences, result.hardest
    target = app.config[table.page_limit.config]
    if app.config.practice_show_reading_grades:
        logger.info(f"{table.scale}: {docname}: {score:.0f} ({words} words, {count} sentences)")
    if (score < target) if table.readability.lower_is_harder else (score > target):
        shown = " ".join(
            f'({"line " + str(line) if line else "page"}, {value:.0f}) "{_quote(text)}"'
            for value, line, text in hardest
        )
        findings.add(
            env,
            docname,
            Subtype.reading_level,
            None,
            render(
                "reading-level-translation",
                language=table.name,
                scale=table.scale,
                means=table.page_limit.means,
                score=score,
                target=target,
                hardest=shown,
                catalogue=catalogue,
            ),
        )
    for line, message in hard_paragraphs(app, table, doctree, catalogue):
        findings.add(env, docname, Subtype.reading_level, line, message)


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", on_doctree_read)
