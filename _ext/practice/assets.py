"""Ship only the CSS, JavaScript and markup each page uses.

Stock Furo + sphinx-design link about 150 KB of CSS and JS to every page; most of it
styles things this site never shows (code highlighting, API docs, tabs, badges).

- Scripts that a page does not use are not linked: Sphinx's doctools and search
  highlighting (only the search page keeps them, when it is Sphinx's) and
  sphinx-design's tabs (only pages with tabs keep them). Furo's own script (5 KB, most
  of it a scroll-spy library) is replaced by ``_static/furo-lite.js``, which does
  what the site uses of it (theme button, header shadow, back-to-top, the highlight
  in "On this page").
- Each page links one stylesheet instead of Sphinx's, Furo's, sphinx-design's and the
  site's own. When the build has finished, that stylesheet is made for the page
  from those files, in their order, keeping only the rules whose selectors can match
  the page (its elements, classes and ids, and the class names its scripts add) and
  only the custom properties (``--name``) that something uses. Media queries
  (Furo's dark mode and responsive layout) are pruned the same way, not dropped. It
  is minified and saved as ``_static/css/<checksum>.css``: pages that need the same
  rules share one file, which browsers cache.
- The scripts pages load are minified (licence comments kept).
- Each page's markup loses the icons it never shows from Furo's icon sprite, and the
  indentation of its lines (not inside ``pre``, ``textarea``, ``script``, ``style``).

After each build this redoes every page that still links the placeholder
(``_static/css/pending.css``: Sphinx wrote it in this build) or whose stylesheet is
missing, and every page when a stylesheet or script changed (the parsed stylesheets
are kept in the doctrees folder), so a change to a stylesheet reaches pages Sphinx did
not rewrite. What to redo is read from the pages themselves, never from file times: a
clock that was ahead during the last build, or a restored cache, cannot make it skip a
page. ``practice_lean_assets = False`` (``-D practice_lean_assets=0``) restores stock
assets, for comparison in bench/.
"""

from __future__ import annotations

import pickle
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import rcssmin
import rjsmin
import tinycss2
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript
from sphinx.util import logging

from .messages import render

logger = logging.getLogger(__name__)

CSS_DIR = "_static/css"
# A change to this module redoes every page.
STATE_VERSION = zlib.crc32(Path(__file__).read_bytes())
PLACEHOLDER = f"{CSS_DIR}/pending.css"
SEARCH_ONLY_SCRIPTS = {"documentation_options.js", "doctools.js", "sphinx_highlight.js"}
TABS_SCRIPT = "design-tabs.js"
# Furo's script (scroll-spy library included) gives way to the few lines the site uses
# of it: _static/furo-lite.js.
FURO_SCRIPT = "furo.js"
FURO_LITE = _JavaScript("_static/furo-lite.js", priority=200)

# Rules inside these at-rules are pruned one by one; other at-rules are kept whole.
NESTING_AT_RULES = {"media", "supports", "layer", "container"}
ALWAYS_PRESENT = frozenset({"html", "body", "head", "*"})


def _is_local(filename: Any) -> bool:
    return "://" not in str(filename)


# -- While writing each page -----------------------------------------------------

def on_html_page_context(app: Sphinx, pagename: str, templatename: str,
                         context: dict[str, Any], doctree: nodes.document | None) -> None:
    if not app.config.practice_lean_assets or "css_files" not in context:
        return
    originals = getattr(app.builder, "_orig_css_files", app.builder._css_files)
    css_files = list(context["css_files"])
    rest = [css for css in css_files if not (_is_local(css.filename) and css in originals)]
    if len(rest) < len(css_files):
        context["css_files"] = [_CascadingStyleSheet(PLACEHOLDER, priority=200), *rest]

    body = context.get("body", "")
    keep = []
    for script in context.get("script_files", []):
        name = Path(str(getattr(script, "filename", "") or "")).name
        if name in SEARCH_ONLY_SCRIPTS and not (pagename == "search" and app.builder.search):
            continue
        if name == TABS_SCRIPT and "sd-tab-set" not in body:
            continue
        keep.append(FURO_LITE if name == FURO_SCRIPT else script)
    context["script_files"] = keep


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
        return (self.classes <= used.classes and self.ids <= used.ids
                and self.elements <= used.elements)

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
            self._add(tinycss2.parse_stylesheet(text, skip_comments=True,
                                                skip_whitespace=True), context)
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
                (name, text) for name, text in rule.declarations
                if name is None or "!important" in text or last[(where, name)] == index]

    def _add(self, nodes_: list, context: tuple[str, ...]) -> None:
        for node in nodes_:
            if node.type == "qualified-rule":
                declarations, uses = [], set()
                for item in tinycss2.parse_blocks_contents(node.content, skip_comments=True,
                                                           skip_whitespace=True):
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
                selectors = [Selector.parse(s)
                             for s in _split_selectors(tinycss2.serialize(node.prelude))]
                self.rules.append(Rule(context, selectors, declarations, uses))
            elif node.type == "at-rule" and node.lower_at_keyword != "charset":
                head = f"@{node.at_keyword} {tinycss2.serialize(node.prelude).strip()}"
                if node.lower_at_keyword in NESTING_AT_RULES and node.content is not None:
                    self._add(tinycss2.parse_rule_list(node.content, skip_comments=True,
                                                       skip_whitespace=True),
                              (*context, head))
                else:
                    text = tinycss2.serialize([node])
                    self.rules.append(Rule(context, None, [(None, text)],
                                           set(VAR_USE.findall(text))))

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
        key = (frozenset(used.classes & self._names.classes),
               frozenset(used.ids & self._names.ids),
               frozenset(used.elements & self._names.elements), frozenset(used.variables),
               frozenset(used.root_classes & self._names.classes), frozenset(used.declared))
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
                declarations = [_substitute(text, constants) for name, text in rule.declarations
                                if name is None or (name in needed and name not in constants)]
                if not declarations:
                    continue
                body = f"{','.join(selectors)}{{{';'.join(declarations)}}}"
            if rule.context != open_context:
                out.append("}" * len(open_context))
                out.append("".join(f"{head}{{" for head in rule.context))
                open_context = rule.context
            out.append(body)
        out.append("}" * len(open_context))
        return rcssmin.cssmin("".join(out))

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
                    declared.setdefault(name, []).append((rule, text[len(name) + 1:]))
        on_body = {name for name, places in declared.items()
                   if name not in used.declared
                   and all(rule.selectors and all(s.styles_body_itself() for s in rule.selectors)
                           for rule, _value in places)}
        risky = set(used.declared)
        for rule in self.rules:
            calls = [m for _n, text in rule.declarations for m in VAR_CALL.finditer(text)]
            risky.update(m[1] for m in calls if m[2] == ",")
            if rule.selectors is None or any(s.may_style_root(used.root_classes)
                                             for s in rule.selectors):
                risky.update(m[1] for m in calls)
        constants = {}
        for name, places in declared.items():
            if len(places) != 1 or name in risky or name not in on_body:
                continue
            rule, value = places[0]
            if (rule.context == () and [s.text for s in rule.selectors] == ["body"]
                    and "!important" not in value
                    and all(ref in on_body for ref in VAR_USE.findall(value))):
                constants[name] = value
        return constants


def _substitute(text: str, constants: dict[str, str]) -> str:
    for _depth in range(8):
        new = VAR_CALL.sub(lambda m: constants.get(m[1], m[0]) if m[2] == ")" else m[0], text)
        if new == text:
            break
        text = new
    return text


# -- Markup ----------------------------------------------------------------------------

SPRITE = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" style="display: none;">'
                    r"(?:\s*<symbol\b.*?</symbol>)*\s*</svg>\s*", re.DOTALL)
SYMBOL = re.compile(r'<symbol id="([^"]+)".*?</symbol>', re.DOTALL)
VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
INDENT_AND_BLANK_LINES = re.compile(r"\n[ \t\n]+")


def _prune_sprite(match: re.Match, page: str) -> str:
    sprite = SYMBOL.sub(lambda s: s[0] if f'href="#{s[1]}"' in page else "", match[0])
    return re.sub(r">\s+<", "><", sprite).strip() + "\n"


STYLE_BLOCK = re.compile(r"<style>(.*?)</style>\s*", re.DOTALL)
CUSTOM_DECLARATION = re.compile(r"(--[\w-]+)\s*:[^;{}]*;?")


def _drop_unused_variables(match: re.Match, css: str) -> str:
    """A <style> block that only sets custom properties the page's CSS never reads."""
    names = set(CUSTOM_DECLARATION.findall(match[1]))
    rest = CUSTOM_DECLARATION.sub("", match[1])
    if not names or ":" in re.sub(r"[^{}]*\{", "{", rest) or any(f"var({n}" in css for n in names):
        return match[0]
    return ""


def lean_markup(page: str, css: str | None = None) -> str:
    """The page without unused sprite icons and without indentation.

    Given the page's stylesheet, also without <style> blocks (Furo's code colours)
    that only set custom properties the stylesheet never reads.
    """
    page = SPRITE.sub(lambda m: _prune_sprite(m, page), page, count=1)
    if css is not None:
        page = STYLE_BLOCK.sub(lambda m: _drop_unused_variables(m, css), page)
    parts = VERBATIM.split(page)
    out = []
    # split() with two groups yields: text, verbatim block, tag name, text, ...
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            out.append(INDENT_AND_BLANK_LINES.sub("\n", part))
        elif kind == 1:
            out.append(part)
    return "".join(out)


# -- After the build ----------------------------------------------------------------------

# The page's one stylesheet: the placeholder until this step has done the page.
CSS_LINK = re.compile(r'href="([^"]*?)_static/css/(pending|[0-9a-f]{8})\.css(?:\?v=[0-9a-f]*)?"')
SCRIPT_SRC = re.compile(r'<script\b[^>]*\ssrc="([^"?#]+)')


def _html_files(outdir: Path) -> list[Path]:
    return [path for path in outdir.rglob("*.html")
            if not {"_static", "_sources", "pagefind"} & set(path.relative_to(outdir).parts)]


class Scripts:
    """The local scripts pages load: minified in place once, their names read once."""

    def __init__(self) -> None:
        self.cache: dict[Path, UsedNames] = {}

    def _read(self, script: Path) -> UsedNames:
        names = UsedNames()
        if script.is_file():
            text = script.read_text(encoding="utf-8", errors="replace")
            names.add_script(text)
            # Sphinx copies its static files afresh on every build, so this never
            # minifies twice; the page's ?v= checksum is the unminified file's.
            minified = rjsmin.jsmin(text, keep_bang_comments=True)
            if len(minified) < len(text):
                script.write_text(minified, encoding="utf-8")
        return names

    def for_page(self, path: Path, text: str) -> UsedNames:
        used = UsedNames()
        for src in SCRIPT_SRC.findall(text):
            if "://" in src or src.endswith("searchindex.js"):  # data, not code
                continue
            script = (path.parent / src).resolve()
            if script not in self.cache:
                self.cache[script] = self._read(script)
            used.update(self.cache[script])
        return used


def _stylesheet_sources(app: Sphinx, outdir: Path) -> list[tuple[str, str | None]]:
    stylesheets = sorted((css for css in app.builder._css_files if _is_local(css.filename)),
                         key=lambda css: css.priority)
    sources = []
    for css in stylesheets:
        path = outdir / str(css.filename)
        if path.is_file():
            sources.append((path.read_text(encoding="utf-8"), css.attributes.get("media")))
        else:
            logger.warning(render("missing-stylesheet", file=css.filename),
                           type="practice", subtype="assets")
    return sources


@dataclass
class _State:
    """What the last build's pass left: the parsed stylesheets, and the scripts to minify."""

    key: int = 0  # checksum of the stylesheets' and scripts' text
    stylesheets: Stylesheets | None = None
    scripts: set[Path] = field(default_factory=set)


def _load_state(path: Path, key: int) -> _State:
    try:
        state = pickle.loads(path.read_bytes())
    except (OSError, pickle.PickleError, AttributeError, EOFError, TypeError):
        return _State(key)
    if not isinstance(state, _State) or state.key != key:
        return _State(key)
    return state


def _scripts_text(outdir: Path) -> list[bytes]:
    """The static scripts, as Sphinx copied them: the class names they add decide rules."""
    return [path.read_bytes() for path in sorted((outdir / "_static").rglob("*.js"))]


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not app.config.practice_lean_assets:
        return
    if not isinstance(app.builder, StandaloneHTMLBuilder) or app.builder.format != "html":
        return
    outdir = Path(app.builder.outdir)
    css_dir = outdir / CSS_DIR
    css_dir.mkdir(parents=True, exist_ok=True)
    sources = _stylesheet_sources(app, outdir)
    key = zlib.crc32(repr((STATE_VERSION, sources, _scripts_text(outdir))).encode())
    state_file = Path(app.doctreedir) / "practice-assets.pickle"
    state = _load_state(state_file, key)
    unchanged = state.stylesheets is not None  # same stylesheets and scripts as last time
    if state.stylesheets is None:
        state.stylesheets = Stylesheets(sources)
    scripts = Scripts()
    in_use = set()
    for path in _html_files(outdir):
        text = path.read_text(encoding="utf-8")
        link = CSS_LINK.search(text)
        if not link:
            continue  # not a page of this build (or built without lean assets)
        if unchanged and link[2] != "pending" and (css_dir / f"{link[2]}.css").is_file():
            in_use.add(f"{link[2]}.css")
            continue  # done by an earlier pass, and nothing it depends on changed
        used = UsedNames()
        used.add_html(text)
        used.update(scripts.for_page(path, text))
        css = state.stylesheets.for_page(used)
        css_name = f"{zlib.crc32(css.encode()):08x}.css"
        target = css_dir / css_name
        if not target.is_file():
            target.write_text(css, encoding="utf-8")
        in_use.add(css_name)
        new = lean_markup(CSS_LINK.sub(lambda m: f'href="{m[1]}{CSS_DIR}/{css_name}"', text),
                          css)
        if new != text:
            # Whole or not at all: Pagefind reads the pages while this runs (``search``).
            partial = path.with_name(path.name + ".partial")
            partial.write_text(new, encoding="utf-8")
            partial.replace(path)
    # Sphinx copies its static files afresh on every build: minify them again.
    state.scripts = {s for s in state.scripts | set(scripts.cache) if s.is_file()}
    for script in state.scripts - set(scripts.cache):
        scripts.cache[script] = scripts._read(script)
    for stale in css_dir.glob("*.css"):
        if stale.name not in in_use:
            stale.unlink()
    state_file.write_bytes(pickle.dumps(state))


def setup(app: Sphinx) -> None:
    app.add_config_value("practice_lean_assets", True, "html", types=[bool])
    # After other handlers, which may add per-page files.
    app.connect("html-page-context", on_html_page_context, priority=900)
    # After Furo's, which rewrites pygments.css on build-finished.
    app.connect("build-finished", on_build_finished, priority=900)
