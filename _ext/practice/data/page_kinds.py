"""What a new page of each kind looks like: its folder, its place in the menu, its
front matter and the headings with their "Write here:" prompts.

One source for ``make new-page`` (tools/new_page.py) and the browser editor
(``site/editor.py``), so a page made either way is the same file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .front_matter import PROMPT


@dataclass(frozen=True)
class Kind:
    folder: str  # where the page goes, relative to the site's root
    caption: str  # caption of the hidden toctree in index.md that lists it
    sections: str  # the page's body below its title


SPECIALTY = f"""\
{PROMPT} two or three short sentences that speak to the reader. Name the pain they
may feel. Let them know they are not alone.

## How it can feel

{PROMPT} what this is like from the inside. Talk to the reader as "you". Keep each
sentence short.

## Another way to see it

{PROMPT} a kinder way to look at it. Say what the habit or the pain may be doing
for the person.

## How we help

{PROMPT} how we work with this. Link to one or two of the pages on how we work.

## Your first step

{PROMPT} one clear next step. For example: call us at {{practice}}`phone`.

## If you need help now

```{{crisis-lines}}
```

## Sources

{PROMPT} a list of the places your facts come from. Put each one on its own line
that starts with a dash.
"""

APPROACH = f"""\
{PROMPT} two or three short sentences. Say what this way of working is, in plain
words.

## What it is

{PROMPT} the main idea. If you use a word from the glossary, link it.

## What a session is like

{PROMPT} what the reader will do and feel in a session. Say that they can stop or
slow down at any time.

## What we know so far

{PROMPT} what studies show, and what they do not show yet. Be honest. Do not
promise results.

## Your first step

{PROMPT} one clear next step. For example: call us at {{practice}}`phone`.

## Sources

{PROMPT} a list of the places your facts come from. Put each one on its own line
that starts with a dash.
"""

GENERAL = f"""\
{PROMPT} two or three short sentences. Say who this page is for and what it will
help them do.

## What you need to know

{PROMPT} the main facts, in short sentences. Use a list if there are steps.

## Your next step

{PROMPT} one clear next step. For example: call us at {{practice}}`phone`.
"""

KINDS = {
    "specialty": Kind("specialties", "What we help with", SPECIALTY),
    "approach": Kind("approaches", "How we work", APPROACH),
    "general": Kind("", "About us", GENERAL),
}

DESCRIPTION = (
    f'"{PROMPT} one short sentence for search results, saying who this page is for and how we help."'
)


def slugify(title: str) -> str:
    """'Somatic therapy' -> 'somatic-therapy' (plain letters, digits and dashes)."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def render_page(kind: str, title: str) -> str:
    front_matter = (
        "---\n"
        f"kind: {kind}\n"
        f"description: {DESCRIPTION}\n"
        "audience: [clients, families]\n"
        "status: draft\n"
        "related: []\n"
        "---\n"
    )
    return f"{front_matter}\n# {title}\n\n{KINDS[kind].sections}"
