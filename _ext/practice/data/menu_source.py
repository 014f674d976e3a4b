"""The site's menu as its source holds it: the toctree blocks of a page's MyST text.

``make new-page`` adds a page to one of these lists (``tools/new_page.py``), and
``{topic-cards}`` shows the pages one of them lists (``page_parts/topic_cards.py``).
Both read the text, not the built menu: a translation's build drops the entries of
pages it leaves out, while the cards still show them, marked "(in English)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TOCTREE_START = re.compile(r"^(?P<fence>`{3,}|:{3,})\{toctree\}\s*$")
ENTRY_TARGET = re.compile(r"<([^<>]+)>\s*$")


@dataclass
class MenuList:
    """One toctree block. Line indexes count from 0; ``end`` is None when the block is
    never closed."""

    start: int
    end: int | None
    fence: str
    caption: str | None = None
    entries: list[tuple[int, str]] = field(default_factory=list)  # (line index, docname)


def menu_lists(text: str) -> list[MenuList]:
    """Every toctree block of ``text``, in order, with its caption and its pages."""
    lines = text.splitlines()
    found = []
    i = 0
    while i < len(lines):
        start = TOCTREE_START.match(lines[i].rstrip())
        if not start:
            i += 1
            continue
        fence = start["fence"]
        end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == fence), None)
        block = MenuList(i, end, fence)
        for j in range(i + 1, len(lines) if end is None else end):
            line = lines[j]
            if line.startswith(":caption:"):
                block.caption = line.removeprefix(":caption:").strip()
            elif line.strip() and not line.startswith(":"):
                target = ENTRY_TARGET.search(line.strip())
                block.entries.append((j, target[1].strip() if target else line.strip()))
        found.append(block)
        if end is None:
            break
        i = end + 1
    return found
