"""After every build, each file a page links to must be in the output.

A page can link to a file that the build never wrote: a stylesheet the assets step
did not make (it links ``_static/css/pending.css`` until that step has done it), an
image named in pasted HTML (Sphinx checks Markdown images, not HTML ones), a static
file that a setting names but that is not in ``_static/``. The browser would show
the page unstyled, or with a broken image, and the build would say nothing.

So when the build has finished (after the assets step and the search index), every
built page's ``href`` and ``src`` attributes that lead to a file of the site (not
``http:``, ``mailto:``, ``tel:``, ``#part``, ...) are looked up in the output, and a
missing one fails the build (``practice.missing-file``), naming the page and the file.
Addresses from the site's root (``/_static/...``, as on the 404 page) are looked up
under ``notfound_urls_prefix`` when that setting is there.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging

from .messages import WARNING_TYPE, Subtype, render

logger = logging.getLogger(__name__)

NOT_PAGES = {"_static", "_sources", "_images", "pagefind"}
# href and src attributes of tags; scripts' and styles' own text is left out first.
REFERENCE = re.compile(r'<[a-zA-Z][^>]*?\s(?:href|src)="([^"]*)"')
SCRIPT_OR_STYLE_TEXT = re.compile(r"(<(script|style)\b[^>]*>).*?(</\2>)", re.DOTALL | re.IGNORECASE)


def built_pages(outdir: Path) -> list[Path]:
    return sorted(path for path in outdir.rglob("*.html")
                  if not NOT_PAGES & set(path.relative_to(outdir).parts))


def local_references(text: str) -> set[str]:
    """The paths of the page's href/src values that lead to this site's files."""
    text = SCRIPT_OR_STYLE_TEXT.sub(r"\1\3", text)
    found = set()
    for value in REFERENCE.findall(text):
        value = value.replace("&amp;", "&")
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or not parts.path:
            continue  # another site, mailto:, tel:, data:, or only #part or ?query
        found.add(unquote(parts.path))
    return found


class Output:
    """Looks up paths in the built site, each once."""

    def __init__(self, outdir: Path, root_prefix: str) -> None:
        self.outdir = outdir
        self.root_prefix = "/" + root_prefix.strip("/") + "/" if root_prefix.strip("/") else "/"
        self._exists: dict[str, bool] = {}

    def target(self, page: str, path: str) -> str | None:
        """The file ``path`` on ``page`` leads to, from the output's top (None: elsewhere)."""
        if path.startswith("/"):
            if not path.startswith(self.root_prefix):
                return None  # outside the site's address
            return posixpath.normpath(path[len(self.root_prefix):] or ".")
        return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))

    def exists(self, target: str) -> bool:
        if target not in self._exists:
            path = self.outdir / target
            self._exists[target] = (not target.startswith("..")
                                    and (path.is_file() or (path / "index.html").is_file()))
        return self._exists[target]


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    outdir = Path(app.builder.outdir)
    output = Output(outdir, getattr(app.config, "notfound_urls_prefix", None) or "/")
    missing: dict[str, list[str]] = {}  # file -> pages that link to it
    for path in built_pages(outdir):
        page = path.relative_to(outdir).as_posix()
        for reference in sorted(local_references(path.read_text(encoding="utf-8"))):
            target = output.target(page, reference)
            if target is not None and not output.exists(target):
                missing.setdefault(target, []).append(page)
    suffix = app.builder.out_suffix
    for target, pages in sorted(missing.items()):
        docname = pages[0].removesuffix(suffix)
        others = len(pages) - 1
        logger.warning(
            render("missing-file", page=pages[0], file=target,
                   others=f" (and {others} other page{'s' if others > 1 else ''})" if others else ""),
            type=WARNING_TYPE, subtype=Subtype.missing_file.value,
            location=docname if docname in app.env.found_docs else None)


def setup(app: Sphinx) -> None:
    # Last: after the assets step (900) and the search index (950) have written theirs.
    app.connect("build-finished", on_build_finished, priority=990)
