"""Markup that puts the practice's details into pages.

- The ``practice`` role: ``{practice}`phone``` gives a tap-to-call link,
  ``{practice}`email``` a mail link, ``{practice}`Book a first call <booking_url>```
  a link with its own words, and any other key (``name``, ``hours``, ``fees.session``)
  its text.
- The ``clinicians`` directive: the list of clinicians, each with an anchor
  ``clinician-<id>`` that review footers link to.
- The ``practice-facts`` directive: the practical facts a reader decides on (where,
  how soon, fees, insurance, ages, languages, ...), one key per line of its content,
  as a list of "Label: value". A fact the practice has not given is left out, and
  with none the list is left out: never a placeholder sentence.
- The ``practice-if`` directive: its content only when the practice gives a value for
  the key in its argument (for example a link to a Notice of Privacy Practices).
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.utils.smartquotes import smartyPants
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole
from upstream import sphinx as upstream_sphinx

from ..languages.i18n import _
from ..data.practice_data import FACT_LABELS, OPTIONAL_GROUPS
from ..findings import warn
from ..messages import Subtype, render

logger = logging.getLogger(__name__)

LINK_WITH_TEXT = re.compile(r"^(?P<text>.+?)\s*<(?P<key>[\w.]+)>$")


def typographic(text: str) -> str:
    """Curly quotes and apostrophes, as MyST gives the page's own text ("smartquotes")."""
    return smartyPants(text, "q", "en")


def lookup(data: dict[str, Any], key: str) -> Any:
    """Follow a dotted key (``fees.session``) through the practice's data."""
    value: Any = data
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def text_keys(data: dict[str, Any], prefix: str = "") -> list[str]:
    keys = []
    for key, value in data.items():
        if isinstance(value, dict):
            keys += text_keys(value, f"{prefix}{key}.")
        elif isinstance(value, str):
            keys.append(prefix + key)
    return keys


class PracticeRole(SphinxRole):
    """``{practice}`key``` or ``{practice}`link text <key>```."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        data = self.config.practice
        match = LINK_WITH_TEXT.match(self.text)
        key = match["key"] if match else self.text.strip()
        value = lookup(data, key)
        if not isinstance(value, str):
            warn(
                Subtype.unknown_key,
                render("unknown-key", text=self.text, key=key, known=", ".join(sorted(text_keys(data)))),
                self.get_location(),
            )
            return [nodes.inline(self.rawtext, self.text)], []
        label = typographic(match["text"] if match else value)
        if key == "phone":
            return [nodes.reference(self.rawtext, label, refuri=f"tel:{data['phone_link']}")], []
        if key == "email":
            return [nodes.reference(self.rawtext, label, refuri=f"mailto:{value}")], []
        if key.endswith("_url"):
            return [nodes.reference(self.rawtext, label, refuri=value)], []
        return [nodes.inline(self.rawtext, label, classes=["practice-" + key.replace(".", "-")])], []


def given(value: Any) -> bool:
    """Whether the practice has filled in a value (empty text or list counts as not)."""
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def warn_unknown_fact(key: str, location: tuple[str, int]) -> None:
    warn(Subtype.unknown_key, render("fact-unknown", key=key, known=", ".join(FACT_LABELS)), location)


class PracticeFactsDirective(SphinxDirective):
    """The practical facts named in the content (one key per line) that the practice gives.

    With ``:plain:``, the values alone, without their labels (a list value becomes
    the list's own items), for a sentence on the page that already says what they are.
    """

    has_content = True
    option_spec = {"plain": directives.flag}

    def run(self) -> list[nodes.Node]:
        source, line = self.get_source_info()
        facts = nodes.bullet_list(classes=["practice-facts"])
        for offset, raw in enumerate(self.content):
            key = raw.strip()
            if not key:
                continue
            if key not in FACT_LABELS:
                warn_unknown_fact(key, (self.env.docname, line + 1 + offset))
                continue
            value = lookup(self.config.practice, key)
            if not given(value):
                continue
            if "plain" in self.options:
                for entry in value if isinstance(value, list) else [value]:
                    facts += nodes.list_item("", nodes.paragraph(text=typographic(entry)))
                continue
            item = nodes.list_item(classes=["practice-fact-" + key.replace(".", "-")])
            para = nodes.paragraph()
            para += nodes.strong(text=_(FACT_LABELS[key]) + ":")
            item += para
            if isinstance(value, list):
                entries = nodes.bullet_list()
                for entry in value:
                    entries += nodes.list_item("", nodes.paragraph(text=typographic(entry)))
                item += entries
            else:
                para += nodes.Text(" " + typographic(value))
            facts += item
        return [facts] if facts.children else []


class PracticeIfDirective(SphinxDirective):
    """Its content, only when the practice gives a value for the key in its argument."""

    has_content = True
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        key = self.arguments[0]
        group, _, name = key.partition(".")
        known = key in text_keys(self.config.practice) or name in OPTIONAL_GROUPS.get(group, ())
        if not known:
            warn(
                Subtype.unknown_key,
                render("if-unknown-key", key=key, known=", ".join(sorted(text_keys(self.config.practice)))),
                self.get_location(),
            )
            return []
        # The catalogues (make translations) hold the text whatever this practice gives,
        # so a translation is ready the day it fills the detail in.
        if (
            not given(lookup(self.config.practice, key))
            and upstream_sphinx.application(self.env).builder.name != "gettext"
        ):
            return []
        return self.parse_content_to_nodes(allow_section_headings=False)


class CliniciansDirective(SphinxDirective):
    """Lists the practice's clinicians from ``practice.yaml``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        result: list[nodes.Node] = []
        for clinician in self.config.practice.get("clinicians", []):
            if not isinstance(clinician, dict):
                continue
            entry = nodes.container(classes=["clinician"], ids=[f"clinician-{clinician.get('id')}"])
            heading = nodes.paragraph(classes=["clinician-name"])
            heading += nodes.strong(text=typographic(str(clinician.get("name", ""))))
            heading += nodes.Text(typographic(f", {clinician.get('credentials', '')}"))
            entry += heading
            entry += nodes.paragraph(
                text=typographic(str(clinician.get("role", ""))), classes=["clinician-role"]
            )
            entry += nodes.paragraph(text=typographic(str(clinician.get("about", ""))))
            result.append(entry)
        return result


def setup(app: Sphinx) -> None:
    app.add_role("practice", PracticeRole())
    app.add_directive("clinicians", CliniciansDirective)
    app.add_directive("practice-facts", PracticeFactsDirective)
    app.add_directive("practice-if", PracticeIfDirective)
