"""Cut the site's stylesheets down to the rules one page can use.

Pure functions of text, no Sphinx: given the stylesheets (in cascade order) and what
a page uses (``UsedNames``: its elements, classes and ids, the class names its scripts
may add, the custom properties set outside the CSS), ``Stylesheets.for_page`` returns
one minified stylesheet with

- only the rules with at least one selector that can match: a selector is dropped
  when it needs an element, class or id the page lacks (``:is()``, ``:not()``,
  ``:where()`` and other functional pseudo-classes never require a name; other
  pseudo-classes and pseudo-elements are ignored; escaped names are kept);
- rules inside ``@media``, ``@supports``, ``@layer`` and ``@container`` pruned the
  same way, the at-rule kept around what is left (dropped only when nothing is);
  other at-rules (``@font-face``, ``@keyframes``, ...) kept whole;
- only the custom properties (``--name``) that a kept rule uses, directly or through
  another property; a property set once on ``body`` and never changed is written in
  place of its ``var()``; a property set again later by the same selectors keeps only
  its last value.

``assets`` feeds it each built page; tests/test_css_pruning.py tests it alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import rcssmin
import tinycss2

# Rules inside these at-rules are pruned one by one; other at-rules are kept whole.
NESTING_AT_RULES = {"media", "supports", "layer", "container"}
ALWAYS_PRESENT = frozenset({"html", "body", "head", "*"})


# -- What a page uses -------------------------------------------------------------

# Found as plain text, then checked for the space before (a pattern that starts with
# \s is four times slower: it cannot skip ahead to the next 'class="').
CLASS_ATTR = re.compile(r'class="([^"]*)"')
ID_ATTR = re.compile(r'id="([^"]*)"')
ELEMENT = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
JS_STRING = re.compile(r"""["'`]([A-Za-z_][\w-]*)["'`]""")
VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
ROOT_CLASS_ATTR = re.compile(r'<html\b[^>]*\sclass="([^"]*)"')
VAR_DECLARATION = re.compile(r"(--[A-Za-z_][\w-]*)\s*:")
VAR_CALL = re.compile(r"var\(\s*(--[\w-]+)\s*(\)|,)")
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.+?)</script>", re.DOTALL)


def _attribute_values(pattern: re.Pattern, text: str) -> list[str]:
    """Values of an attribute (not of one whose name ends the same, like data-id)."""
    return [m[1] for m in pattern.finditer(text) if text[m.start() - 1].isspace()]


@dataclass
class UsedNames:
    """Elements, classes, ids and custom properties that a page (or site) uses."""

    elements: set[str] = field(default_factory=lambda: set(ALWAYS_PRESENT))
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    variables: set[str] = field(default_factory=set)
    root_classes: set[str] = field(default_factory=set)  # classes <html> may have
    declared: set[str] = field(default_factory=set)  # custom properties set outside the CSS

    def add_html(self, text: str) -> None:
        for value in ROOT_CLASS_ATTR.findall(text):
            self.root_classes.update(value.split())
        self.declared.update(VAR_DECLARATION.findall(text))
        for value in _attribute_values(CLASS_ATTR, text):
            self.classes.update(value.split())
        self.ids.update(_attribute_values(ID_ATTR, text))
        self.elements.update(name.lower() for name in ELEMENT.findall(text))
        self.variables.update(VAR_USE.findall(text))
        for script in INLINE_SCRIPT.findall(text):
            self.add_script(script)

    def add_script(self, text: str) -> None:
        # Class names a script may add at run time: any identifier-like string.
        names = JS_STRING.findall(text)
        self.classes.update(names)
        self.ids.update(names)
        self.root_classes.update(names)
        self.variables.update(VAR_USE.findall(text))
        self.declared.update(re.findall(r"""["'`](--[\w-]+)""", text))

    def update(self, other: UsedNames) -> None:
        self.elements |= other.elements
        self.classes |= other.classes
        self.ids |= other.ids
        self.variables |= other.variables
        self.root_classes |= other.root_classes
        self.declared |= other.declared


# -- Stylesheets, parsed once per build, pruned per page ----------------------------

FUNCTIONAL_PSEUDO = re.compile(r"::?[\w-]+\(")
ATTRIBUTE = re.compile(r"\[[^\]]*\]")
PSEUDO = re.compile(r"::?[\w-]+")
SIMPLE = re.compile(r"([.#]?)(-?[_a-zA-Z][\w-]*|\*)")


def _strip_functional(selector: str) -> str:
    """Drop :not(...), :is(...), :where(...) and friends: they never require a name."""
    out = []
    i = 0
    while i < len(selector):
        match = FUNCTIONAL_PSEUDO.match(selector, i)
        if match:
            depth, j = 1, match.end()
            while j < len(selector) and depth:
                depth += {"(": 1, ")": -1}.get(selector[j], 0)
                j += 1
            i = j
            continue
        out.append(selector[i])
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class Selector:
    """One selector and the names an element tree must have for it to match."""

    text: str
    classes: frozenset[str]
    ids: frozenset[str]
    elements: frozenset[str]

    # The same for the last compound (the element the rule styles), if known.
    last: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None

    @classmethod
    def parse(cls, text: str) -> Selector:
        if "\\" in text:  # escaped names: keep rather than guess
            return cls(text, frozenset(), frozenset(), frozenset())
        simple = PSEUDO.sub("", ATTRIBUTE.sub("", _strip_functional(text))).strip()
        whole = _names(simple)
        last = _names(COMBINATOR.split(simple)[-1])
        return cls(text, *whole, last=last)

    def can_match(self, used: UsedNames) -> bool:
        """False only when the selector needs an element, class or id the page lacks."""
        return self.classes <= used.classes and self.ids <= used.ids and self.elements <= used.elements

    def may_style_root(self, root_classes: set[str]) -> bool:
        """Whether the rule may style <html> itself, outside <body>."""
        if self.last is None:
            return True
        classes, ids, elements = self.last
        return not ids and elements <= {"html"} and classes <= root_classes

    def styles_body_itself(self) -> bool:
        return self.last is not None and self.last[2] == {"body"}


COMBINATOR = re.compile(r"\s*[>+~]\s*|\s+")


def _names(simple: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    classes, ids, elements = set(), set(), set()
    for prefix, name in SIMPLE.findall(simple):
        if prefix == ".":
            classes.add(name)
        elif prefix == "#":
            ids.add(name)
        elif name != "*":
            elements.add(name.lower())
    return frozenset(classes), frozenset(ids), frozenset(elements)


@dataclass
class Rule:
    """A style rule (selectors and declarations) or an at-rule kept whole."""

    context: tuple[str, ...]  # enclosing @media/@supports heads
    selectors: list[Selector] | None  # None: an at-rule such as @font-face, kept whole
    declarations: list[tuple[str | None, str]]  # (custom property name or None, text)
    uses: set[str]  # custom properties the rule's ordinary declarations use


def _split_selectors(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


class Stylesheets:
    """The site's stylesheets, in order, ready to be cut down to what a page uses."""

    def __init__(self, sources: list[tuple[str, str | None]]) -> None:
        """``sources``: (CSS text, media attribute or None) pairs, in cascade order."""
        self.rules: list[Rule] = []
        self.depends: dict[str, set[str]] = {}  # custom property -> properties it uses
        for text, media in sources:
            context = (f"@media {media}",) if media and media != "all" else ()
            self._add(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True), context)
        self._drop_overridden()

    def _drop_overridden(self) -> None:
        """Drop custom properties that a later rule with the same selectors sets again.

        (Furo sets its colours on ``body``; the site's stylesheet sets most of them
        again on ``body``: only the last one can ever apply.)
        """
        last: dict[tuple, int] = {}
        for index, rule in enumerate(self.rules):
            if rule.selectors is None:
                continue
            where = (rule.context, tuple(s.text.replace('"', "") for s in rule.selectors))
            for name, text in rule.declarations:
                if name is not None and "!important" not in text:
                    last[(where, name)] = index
        for index, rule in enumerate(self.rules):
            if rule.selectors is None:
                continue
            where = (rule.context, tuple(s.text.replace('"', "") for s in rule.selectors))
            rule.declarations = [
                (name, text)
                for name, text in rule.declarations
                if name is None or "!important" in text or last[(where, name)] == index
            ]

    def _add(self, nodes_: list, context: tuple[str, ...]) -> None:
        for node in nodes_:
            if node.type == "qualified-rule":
                declarations, uses = [], set()
                for item in tinycss2.parse_blocks_contents(
                    node.content, skip_comments=True, skip_whitespace=True
                ):
                    if item.type == "declaration":
                        value = tinycss2.serialize(item.value).strip()
                        important = "!important" if item.important else ""
                        names = set(VAR_USE.findall(value))
                        if item.name.startswith("--"):
                            self.depends.setdefault(item.name, set()).update(names)
                            declarations.append((item.name, f"{item.name}:{value}{important}"))
                        else:
                            uses |= names
                            declarations.append((None, f"{item.name}:{value}{important}"))
                    elif item.type in ("qualified-rule", "at-rule"):  # CSS nesting
                        text = tinycss2.serialize([item])
                        uses |= set(VAR_USE.findall(text))
                        declarations.append((None, text))
                selectors = [Selector.parse(s) for s in _split_selectors(tinycss2.serialize(node.prelude))]
                self.rules.append(Rule(context, selectors, declarations, uses))
            elif node.type == "at-rule" and node.lower_at_keyword != "charset":
                head = f"@{node.at_keyword} {tinycss2.serialize(node.prelude).strip()}"
                if node.lower_at_keyword in NESTING_AT_RULES and node.content is not None:
                    self._add(
                        tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True),
                        (*context, head),
                    )
                else:
                    text = tinycss2.serialize([node])
                    self.rules.append(Rule(context, None, [(None, text)], set(VAR_USE.findall(text))))

    def for_page(self, used: UsedNames) -> str:
        """The rules that can apply to a page that uses ``used``, minified.

        Pages that use the same names (of those the selectors mention) get the
        same stylesheet: it is made once.
        """
        if not hasattr(self, "_names"):
            self._names = UsedNames(set(), set(), set(), set())
            for rule in self.rules:
                for selector in rule.selectors or ():
                    self._names.classes |= selector.classes
                    self._names.ids |= selector.ids
                    self._names.elements |= selector.elements
            self._cache: dict[tuple, str] = {}
        key = (
            frozenset(used.classes & self._names.classes),
            frozenset(used.ids & self._names.ids),
            frozenset(used.elements & self._names.elements),
            frozenset(used.variables),
            frozenset(used.root_classes & self._names.classes),
            frozenset(used.declared),
        )
        if key not in self._cache:
            self._cache[key] = self._for_page(used)
        return self._cache[key]

    def _for_page(self, used: UsedNames) -> str:
        chosen: list[tuple[Rule, list[str]]] = []
        needed = set(used.variables)
        for rule in self.rules:
            if rule.selectors is None:
                chosen.append((rule, []))
            else:
                selectors = [s.text for s in rule.selectors if s.can_match(used)]
                if not selectors:
                    continue
                chosen.append((rule, selectors))
            needed |= rule.uses
        todo = list(needed)
        while todo:
            for name in self.depends.get(todo.pop(), ()):
                if name not in needed:
                    needed.add(name)
                    todo.append(name)

        constants = self._constants(used)
        out: list[str] = []
        open_context: tuple[str, ...] = ()
        for rule, selectors in chosen:
            if rule.selectors is None:
                body = rule.declarations[0][1]
            else:
                declarations = [
                    _substitute(text, constants)
                    for name, text in rule.declarations
                    if name is None or (name in needed and name not in constants)
                ]
                if not declarations:
                    continue
                body = f"{','.join(selectors)}{{{';'.join(declarations)}}}"
            if rule.context != open_context:
                out.append("}" * len(open_context))
                out.append("".join(f"{head}{{" for head in rule.context))
                open_context = rule.context
            out.append(body)
        out.append("}" * len(open_context))
        return minify("".join(out))

    def _constants(self, used: UsedNames) -> dict[str, str]:
        """Custom properties that can be written in place of each ``var()``.

        A property qualifies when it is set once, by a plain ``body`` rule outside
        any media query, without ``!important``; is never used with a fallback or by
        a rule that may style <html> (outside <body>, where it is not set); and
        refers only to properties that are set on ``body`` alone (so no element
        between ``body`` and the one styled can change what it means). Nothing on
        the page (a style attribute, a script) may set it either.
        """
        declared: dict[str, list[tuple[Rule, str]]] = {}
        for rule in self.rules:
            for name, text in rule.declarations:
                if name is not None:
                    declared.setdefault(name, []).append((rule, text[len(name) + 1 :]))
        on_body = {
            name
            for name, places in declared.items()
            if name not in used.declared
            and all(
                rule.selectors and all(s.styles_body_itself() for s in rule.selectors)
                for rule, _value in places
            )
        }
        risky = set(used.declared)
        for rule in self.rules:
            calls = [m for _n, text in rule.declarations for m in VAR_CALL.finditer(text)]
            risky.update(m[1] for m in calls if m[2] == ",")
            if rule.selectors is None or any(s.may_style_root(used.root_classes) for s in rule.selectors):
                risky.update(m[1] for m in calls)
        constants = {}
        for name, places in declared.items():
            if len(places) != 1 or name in risky or name not in on_body:
                continue
            rule, value = places[0]
            if (
                rule.context == ()
                and [s.text for s in rule.selectors or ()] == ["body"]
                and "!important" not in value
                and all(ref in on_body for ref in VAR_USE.findall(value))
            ):
                constants[name] = value
        return constants


def _substitute(text: str, constants: dict[str, str]) -> str:
    for _depth in range(8):
        new = VAR_CALL.sub(lambda m: constants.get(m[1], m[0]) if m[2] == ")" else m[0], text)
        if new == text:
            break
        text = new
    return text


def minify(css: str) -> str:
    return rcssmin.cssmin(css)
