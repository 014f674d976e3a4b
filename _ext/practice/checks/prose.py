"""Find the prose of a page in its doctree, for the reading-level and language checks.

Prose means paragraphs (list items hold paragraphs too) in the body. Left out:
headings, the glossary's terms, card titles, code, the crisis-lines block, the
generated review footer and related topics, and the list of citations under a
"Sources" heading (an organisation's or a work's own title, in its own words, is not
our writing). Any other text in a Sources section, such as a paragraph after the
list, is checked like the rest of the page, and so are words added to a citation
entry after the work it cites (``citation_additions``, ``graded_paragraphs``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from docutils import nodes

SKIP_CLASSES = {"crisis-lines", "review-footer", "related-topics", "sd-card-title"}
SOURCES_TITLES = {"sources", "references", "fuentes", "referencias"}
SKIP_NODES = (
    nodes.literal_block,
    nodes.raw,
    nodes.comment,
    nodes.system_message,
    nodes.doctest_block,
    nodes.substitution_definition,
)
# The role that marks a quoted label (see ``person_first``).
CALLED_CLASS = "called"


def is_sources_section(node: nodes.Node) -> bool:
    return (
        isinstance(node, nodes.section)
        and len(node) > 0
        and isinstance(node[0], nodes.title)
        and re.sub(r"\s*\(.*\)$", "", node[0].astext().strip().lower()) in SOURCES_TITLES
    )


def is_citation_list(node: nodes.Node) -> bool:
    """A list whose entries are citations: directly under a "Sources" heading."""
    return (
        isinstance(node, (nodes.bullet_list, nodes.enumerated_list))
        and node.parent is not None
        and is_sources_section(node.parent)
    )


def excluded_here(node: nodes.Element) -> bool:
    """True if ``node`` starts a part of the page that is not the page's own prose."""
    return (
        isinstance(node, SKIP_NODES)
        or is_citation_list(node)
        or bool(SKIP_CLASSES.intersection(node.get("classes", ())))
    )


def prose_elements(node: nodes.Element, kinds: tuple[type[nodes.Element], ...]) -> Iterator[nodes.Element]:
    """The elements of ``kinds`` under ``node``, in page order, leaving out the parts
    that are not prose (one walk that skips those parts whole)."""
    for child in node.children:
        if isinstance(child, nodes.Element) and not excluded_here(child):
            if isinstance(child, kinds):
                yield child
            yield from prose_elements(child, kinds)


def line_of(node: nodes.Node) -> int | None:
    current = node
    while current is not None:
        if getattr(current, "line", None):
            return current.line
        current = current.parent
    return None


def paragraphs(doctree: nodes.document) -> Iterator[tuple[str, int | None]]:
    """Each prose paragraph's text and line."""
    for para in prose_elements(doctree, (nodes.paragraph,)):
        yield para.astext(), line_of(para)


BLOCKS = (nodes.paragraph, nodes.title, nodes.term, nodes.rubric, nodes.caption, nodes.line, nodes.field_name)


def checkable_text(node: nodes.Element) -> str:
    """The text of a block with quoted labels and code blanked out (same length)."""
    parts = []
    for text in node.findall(nodes.Text):
        skip = False
        parent = text.parent
        while parent is not None and parent is not node.parent:
            if isinstance(parent, (nodes.literal, nodes.raw)) or CALLED_CLASS in parent.get("classes", []):
                skip = True
                break
            parent = parent.parent
        value = str(text)
        parts.append(" " * len(value) if skip else value)
    return "".join(parts)


def after_citation(paragraph: nodes.paragraph) -> str:
    """The words of a citation entry after its cited work: after its last link, or after
    its title (in italics) if it has no link. Blanked before that point (same length)."""
    texts = list(paragraph.findall(nodes.Text))
    cited = [
        i
        for i, text in enumerate(texts)
        if any(isinstance(parent, (nodes.reference, nodes.emphasis)) for parent in _parents(text, paragraph))
    ]
    start = cited[-1] + 1 if cited else 0
    return "".join(re.sub(r"[^\n]", " ", str(t)) if i < start else str(t) for i, t in enumerate(texts))


def _parents(node: nodes.Node, stop: nodes.Element) -> Iterator[nodes.Element]:
    parent = node.parent
    while parent is not None and parent is not stop:
        yield parent
        parent = parent.parent


def _addition_line(text: str, line: int | None) -> int | None:
    """The line of the first word of ``text`` (blanked where it cites), which starts at ``line``."""
    return line + text[: len(text) - len(text.lstrip())].count("\n") if line else None


# The list of practical facts from practice.yaml (``practice_markup``'s ``practice-facts``).
FACTS_CLASS = "practice-facts"


def _as_sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def graded_paragraph_nodes(node: nodes.Element) -> Iterator[tuple[nodes.paragraph, str, int | None]]:
    """Every prose paragraph (node, text, line) under ``node``, in page order, wherever
    it is, a Sources section included; of a citation entry, only the words after the
    work it cites (see ``after_citation``), if any; the facts of a ``practice-facts``
    list together, as one paragraph (node: its first)."""
    for child in node.children:
        if not isinstance(child, nodes.Element):
            continue
        if is_citation_list(child):
            for paragraph in child.findall(nodes.paragraph):
                text = after_citation(paragraph)
                if text.strip(" .,;:"):
                    yield paragraph, text.strip(), _addition_line(text, line_of(paragraph))
        elif FACTS_CLASS in child.get("classes", ()) and not excluded_here(child):
            # practice.yaml's facts, one short "Label: value" line each: graded as one block,
            # so a fact added or removed there does not change how the page's prose is grouped
            items = [para for para in child.findall(nodes.paragraph)]
            if items:
                text = " ".join(_as_sentence(para.astext()) for para in items)
                yield items[0], text, line_of(child)
        elif not excluded_here(child):
            if isinstance(child, nodes.paragraph):
                yield child, child.astext(), line_of(child)
            else:
                yield from graded_paragraph_nodes(child)


def graded_paragraphs(doctree: nodes.document) -> list[tuple[str, int | None]]:
    """Every paragraph that is graded (text, line): see ``graded_paragraph_nodes``."""
    return [(text, line) for _node, text, line in graded_paragraph_nodes(doctree)]


def citation_additions(doctree: nodes.document) -> Iterator[tuple[str, int | None]]:
    """Words added to the entries of a Sources list, after the work each one cites (a
    sentence typed on the line after the last entry joins that entry): checked too."""
    for section in doctree.findall(is_sources_section):
        for child in section.children:
            if is_citation_list(child):
                for paragraph in child.findall(nodes.paragraph):
                    text = after_citation(paragraph)
                    if text.strip(" .,;:"):
                        yield text, line_of(paragraph)


def text_blocks(doctree: nodes.document) -> Iterator[tuple[str, int | None]]:
    """Every block of visible words (paragraphs and headings) to scan for wording."""
    for block in prose_elements(doctree, BLOCKS):
        if any(isinstance(child, BLOCKS) for child in block.findall(include_self=False)):
            continue  # its inner blocks are scanned on their own
        yield checkable_text(block), line_of(block)
    yield from citation_additions(doctree)


@dataclass(frozen=True)
class WordRule:
    """One wording rule of a language: a pattern (case-insensitive), the plain lower-case
    words of which every match contains one, and what to write instead."""

    pattern: str
    triggers: tuple[str, ...]
    suggestion: str
    problem: str = ""  # what is wrong, where the message says it (claims)


def label(triggers: tuple[str, ...], pattern: str, suggestion: str) -> WordRule:
    """A label that can hurt (person-first language), and what to write instead."""
    return WordRule(pattern, triggers, suggestion)


def claim(triggers: tuple[str, ...], pattern: str, problem: str, suggestion: str) -> WordRule:
    """A promise or an overclaim: what is wrong with it, and how to say it instead."""
    return WordRule(pattern, triggers, suggestion, problem)


class WordRules:
    """A language's rules of one kind, searched in one pass; the first rule that
    matches a stretch of text wins."""

    def __init__(self, rules: Iterable[WordRule]) -> None:
        self.rules = tuple(rules)
        self.pattern = re.compile(
            "|".join(f"(?P<r{number}>{rule.pattern})" for number, rule in enumerate(self.rules)),
            re.IGNORECASE,
        )
        self.triggers = tuple(dict.fromkeys(word for rule in self.rules for word in rule.triggers))

    def find(
        self, blocks: Iterable[tuple[str, int | None]]
    ) -> Iterator[tuple[WordRule, re.Match, str, int | None]]:
        """Each match in ``blocks``: its rule, the match, its block's text and its line."""
        for match, text, line in find_all(self.pattern, blocks, self.triggers):
            assert match.lastgroup is not None  # every alternative is a named group
            yield self.rules[int(match.lastgroup[1:])], match, text, line


@dataclass(frozen=True)
class Negation:
    """How a language denies a claim: its words for "not", and what ends a sentence."""

    words: re.Pattern
    sentence_marks: str = ".!?"

    def denies(self, text: str, match: re.Match, words_before: int = 5) -> bool:
        """True if the match is said not to be so: "there is no cure", "IFS is not yet ..."."""
        start = max(text.rfind(mark, 0, match.start()) for mark in self.sentence_marks)
        before = text[start + 1 : match.start()].split()[-words_before:]
        return bool(self.words.search(" ".join(before)) or self.words.search(match.group(0)))


def find_all(
    pattern: re.Pattern, blocks: Iterable[tuple[str, int | None]], triggers: tuple[str, ...]
) -> Iterator[tuple[re.Match, str, int | None]]:
    """Each match of ``pattern`` in ``blocks`` with its text and file line.

    ``triggers`` are lower-case words of which every match contains one. A block
    without any is skipped: looking for a word is about fifty times faster than
    trying each of the pattern's alternatives at each letter.
    """
    for text, line in blocks:
        lowered = text.lower()
        if not any(word in lowered for word in triggers):
            continue
        for match in pattern.finditer(text):
            yield match, text, (line + text.count("\n", 0, match.start())) if line else None
