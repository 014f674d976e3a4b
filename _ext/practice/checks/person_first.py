"""Person-first language: labels that stigmatise are build errors, with a better wording.

The terms come from NIDA's "Words Matter" (clinical facts, section 2). Only wordings
that are labels in every context are matched: "user" alone, "abuse" alone
(trauma pages speak of abuse), "relapse", "clean" and "dirty" alone are too common
to judge, so the check looks for phrases ("drug user", "substance abuse",
"stay clean", "dirty test"). Names of organisations are allowed (SAMHSA,
the National Institute on Drug Abuse, Alcoholics Anonymous), and so is a marked
quotation: ``{called}`addict``` renders the word in quotes (class ``called``) and
the check leaves it alone. The front-matter description is checked too.
"""

from __future__ import annotations


from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxRole

from ..messages import Subtype, render
from .wording import check_english_wording
from ..languages.english import TABLE as ENGLISH
from .prose import CALLED_CLASS


def problems(blocks: list[tuple[str, int | None]]) -> list[tuple[int | None, str]]:
    found = []
    for rule, match, _text, line in ENGLISH.labels.find(blocks):
        word = " ".join(match.group(0).split())
        found.append((line, render("language", found=word, suggestion=rule.suggestion)))
    return found


class CalledRole(SphinxRole):
    """``{called}`addict```: a quoted label that a reader may have been called."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        return [nodes.inline(self.rawtext, f"“{self.text}”", classes=[CALLED_CLASS])], []


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    check_english_wording(app, doctree, Subtype.language, problems)


def setup(app: Sphinx) -> None:
    app.add_role("called", CalledRole())
    app.connect("doctree-read", on_doctree_read)
