"""The wording checks' shared part: which text of a page they read, and recording
what they find on an English page (a translation is checked by
``languages.translation_checks``, which names the catalogue to change)."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .. import findings
from ..data.page_metadata import pages
from ..languages.i18n import is_translation
from ..messages import Subtype
from .prose import text_blocks

# The last page's text to check: the language and claims checks read the same page one
# after the other, and finding its prose is most of their cost.
_last_text: tuple[nodes.document, list[tuple[str, int | None]]] | None = None


def text_to_check(env: BuildEnvironment, doctree: nodes.document) -> list[tuple[str, int | None]]:
    """The page's prose blocks and its description, with their lines: what the
    language and claims checks read."""
    global _last_text
    if _last_text is not None and _last_text[0] is doctree:
        return _last_text[1]
    blocks = list(text_blocks(doctree))
    info = pages(env).get(env.docname)
    if info is not None:
        for text, name in ((info.description, "description"), (info.card, "card")):
            if text:
                blocks.append((text, info.line(name)))
    _last_text = (doctree, blocks)
    return blocks


def check_english_wording(
    app: Sphinx,
    doctree: nodes.document,
    subtype: Subtype,
    problems: Callable[[list[tuple[str, int | None]]], list[tuple[int | None, str]]],
) -> None:
    """Record what ``problems`` finds in an English page's words (a translation is
    checked by ``languages.translation_checks``)."""
    if is_translation(app.config):
        return
    env = app.env
    for line, message in problems(text_to_check(env, doctree)):
        findings.add(env, env.docname, subtype, line, message)
