"""Markup that puts the practice's details into pages.

- The ``practice`` role: ``{practice}`phone``` gives a tap-to-call link,
  ``{practice}`email``` a mail link, ``{practice}`Book a first call <booking_url>```
  a link with its own words, and any other key (``name``, ``hours``, ``fees.session``)
  its text.
- The ``clinicians`` directive: the list of clinicians, each with an anchor
  ``clinician-<id>`` that review footers link to.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from docutils.utils.smartquotes import smartyPants
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

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
            logger.warning(
                f"{{practice}}`{self.text}`: the practice's details have no {key!r}. "
                f"Use one of: {', '.join(sorted(text_keys(data)))}.",
                type="practice", subtype="unknown-key", location=self.get_location())
            return [nodes.inline(self.rawtext, self.text)], []
        label = typographic(match["text"] if match else value)
        if key == "phone":
            return [nodes.reference(self.rawtext, label, refuri=f"tel:{data['phone_link']}")], []
        if key == "email":
            return [nodes.reference(self.rawtext, label, refuri=f"mailto:{value}")], []
        if key.endswith("_url"):
            return [nodes.reference(self.rawtext, label, refuri=value)], []
        return [nodes.inline(self.rawtext, label, classes=["practice-" + key.replace(".", "-")])], []


class CliniciansDirective(SphinxDirective):
    """Lists the practice's clinicians from ``practice.yaml``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        result = []
        for clinician in self.config.practice.get("clinicians", []):
            if not isinstance(clinician, dict):
                continue
            entry = nodes.container(classes=["clinician"], ids=[f"clinician-{clinician.get('id')}"])
            heading = nodes.paragraph(classes=["clinician-name"])
            heading += nodes.strong(text=typographic(str(clinician.get("name", ""))))
            heading += nodes.Text(typographic(f", {clinician.get('credentials', '')}"))
            entry += heading
            entry += nodes.paragraph(text=typographic(str(clinician.get("role", ""))),
                                     classes=["clinician-role"])
            entry += nodes.paragraph(text=typographic(str(clinician.get("about", ""))))
            result.append(entry)
        return result


def setup(app: Sphinx) -> None:
    app.add_role("practice", PracticeRole())
    app.add_directive("clinicians", CliniciansDirective)
