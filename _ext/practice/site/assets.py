"""Ship only the CSS, JavaScript and markup each page uses.

Stock Furo + sphinx-design link all their CSS and JS to every page; most of it
styles things this site never shows (code highlighting, API docs, tabs, badges).

- Scripts that a page does not use are not linked: Sphinx's doctools and search
  highlighting (only the search page keeps them, when it is Sphinx's) and
  sphinx-design's tabs (only pages with tabs keep them). Furo's own script (most of it
  a scroll-spy library) is replaced by ``_static/furo-lite.js``, which does what the
  site uses of it (theme button, header shadow, back-to-top, the highlight in "On
  this page"; each covered by a browser test). What it saves on every page is
  measured by ``bench/parts.py``.
- Each page links one stylesheet instead of Sphinx's, Furo's, sphinx-design's and the
  site's own. When the build has finished, that stylesheet is made for the page
  from those files, in their order, keeping only the rules whose selectors can match
  the page (its elements, classes and ids, and the class names its scripts add) and
  only the custom properties (``--name``) that something uses (``css_pruning``, which
  knows nothing of Sphinx). Media queries (Furo's dark mode and responsive layout)
  are pruned the same way, not dropped. It is minified and saved as
  ``_static/css/<checksum>.css``: pages that need the same rules share one file,
  which browsers cache.
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

import rjsmin
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging
from upstream import furo as upstream_furo
from upstream import sphinx as upstream_sphinx

from . import css_pruning, transfer
from .css_pruning import Stylesheets, UsedNames
from .page_cache import Stamp, stamp_of
from ..findings import warn
from ..messages import Subtype, render
from .. import priorities

logger = logging.getLogger(__name__)

CSS_DIR = "_static/css"
# A change to this module or to the pruning redoes every page. Not page_state's
# ENV_VERSION: this state is the written pages' stylesheets, not the environment, and a
# change to the cutting must redo them even when no page is read again (make livehtml
# while editing this code), without anyone remembering to raise a number.
STATE_VERSION = zlib.crc32(Path(__file__).read_bytes() + Path(css_pruning.__file__).read_bytes())
PLACEHOLDER = f"{CSS_DIR}/pending.css"
SEARCH_ONLY_SCRIPTS = {"documentation_options.js", "doctools.js", "sphinx_highlight.js"}
TABS_SCRIPT = "design-tabs.js"
# Furo's script (scroll-spy library included) gives way to the few lines the site uses
# of it: _static/furo-lite.js.
FURO_LITE = upstream_sphinx.script("_static/furo-lite.js", priority=200)


def _is_local(filename: Any) -> bool:
    return "://" not in str(filename)


# -- While writing each page -----------------------------------------------------


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    builder = app.builder
    if not app.config.practice_lean_assets or "css_files" not in context:
        return
    assert isinstance(builder, StandaloneHTMLBuilder), "only HTML builders write pages"
    originals = upstream_sphinx.stylesheets_before_page(builder)
    css_files = list(context["css_files"])
    rest = [css for css in css_files if not (_is_local(css.filename) and css in originals)]
    if len(rest) < len(css_files):
        context["css_files"] = [upstream_sphinx.stylesheet(PLACEHOLDER, priority=200), *rest]

    body = context.get("body", "")
    keep = []
    for script in context.get("script_files", []):
        name = Path(str(getattr(script, "filename", "") or "")).name
        if name in SEARCH_ONLY_SCRIPTS and not (pagename == "search" and builder.search):
            continue
        if name == TABS_SCRIPT and "sd-tab-set" not in body:
            continue
        keep.append(FURO_LITE if name == upstream_furo.SCRIPT else script)
    context["script_files"] = keep


# -- Markup ----------------------------------------------------------------------------

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
    page = upstream_furo.ICON_SPRITE.sub(lambda m: _prune_sprite(m, page), page, count=1)
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
    return transfer.built_pages(outdir)


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
    assert isinstance(app.builder, StandaloneHTMLBuilder), "only HTML builders link stylesheets"
    stylesheets = sorted(
        (css for css in upstream_sphinx.site_stylesheets(app.builder) if _is_local(css.filename)),
        key=lambda css: css.priority,
    )
    sources = []
    for css in stylesheets:
        path = outdir / str(css.filename)
        if path.is_file():
            sources.append((path.read_text(encoding="utf-8"), css.attributes.get("media")))
        else:
            warn(Subtype.assets, render("missing-stylesheet", file=css.filename), None)
    return sources


@dataclass
class _State:
    """What the last build's pass left: the parsed stylesheets, the scripts to minify,
    and each page it did, with its file's size and time then and its stylesheet."""

    key: int = 0  # checksum of the stylesheets' and scripts' text
    stylesheets: Stylesheets | None = None
    scripts: set[Path] = field(default_factory=set)
    pages: dict[str, tuple[Stamp, str]] = field(default_factory=dict)


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
    done: dict[str, tuple[Stamp, str]] = {}
    for path in _html_files(outdir):
        page = path.relative_to(outdir).as_posix()
        kept = state.pages.get(page)
        if unchanged and kept and kept[0] == stamp_of(path) and (css_dir / kept[1]).is_file():
            in_use.add(kept[1])
            done[page] = kept
            continue  # not written since an earlier pass did it: not even read
        text = path.read_text(encoding="utf-8")
        link = CSS_LINK.search(text)
        if not link:
            continue  # not a page of this build (or built without lean assets)
        if unchanged and link[2] != "pending" and (css_dir / f"{link[2]}.css").is_file():
            in_use.add(f"{link[2]}.css")
            done[page] = (stamp_of(path), f"{link[2]}.css")
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
        new = lean_markup(CSS_LINK.sub(rf'href="\g<1>{CSS_DIR}/{css_name}"', text), css)
        if new != text:
            # Whole or not at all: Pagefind reads the pages while this runs (``search``).
            partial = path.with_name(path.name + ".partial")
            partial.write_text(new, encoding="utf-8")
            partial.replace(path)
        done[page] = (stamp_of(path), css_name)
    # Sphinx copies its static files afresh on every build: minify them again.
    state.scripts = {s for s in state.scripts | set(scripts.cache) if s.is_file()}
    for script in state.scripts - set(scripts.cache):
        scripts.cache[script] = scripts._read(script)
    for stale in css_dir.glob("*.css"):
        if stale.name not in in_use:
            stale.unlink()
    state.pages = done
    state_file.write_bytes(pickle.dumps(state))


def setup(app: Sphinx) -> None:
    app.add_config_value("practice_lean_assets", True, "html", types=[bool])
    # After other handlers, which may add per-page files.
    app.connect("html-page-context", on_html_page_context, priority=priorities.LEAN_ASSETS)
    # After Furo's, which rewrites pygments.css on build-finished.
    app.connect("build-finished", on_build_finished, priority=priorities.LEAN_ASSETS_FINISH)
