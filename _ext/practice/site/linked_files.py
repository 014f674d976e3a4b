"""After every build, each file a page links to must be in the output.

A page can link to a file that the build never wrote: a stylesheet the assets step
did not make (it links ``_static/css/pending.css`` until that step has done it), an
image named in pasted HTML (Sphinx checks Markdown images, not HTML ones), a static
file that a setting names but that is not in ``_static/``. The browser would show
the page unstyled, or with a broken image, and the build would say nothing.

So when the build has finished (after the assets step, while Pagefind indexes), every
built page's ``href`` and ``src`` attributes that lead to a file of the site (not
``http:``, ``mailto:``, ``tel:``, ``#part``, ...) are looked up in the output, and a
missing one fails the build (``practice.missing-file``), naming the page and the file.
Addresses from the site's root (``/_static/...``, as on the 404 page) are looked up
under ``notfound_urls_prefix`` when that setting is there. Links to another language's
site are left to that site's own build (the English site's ``es/``, built after it; a
translation's ``../`` English pages).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging

from ..messages import WARNING_TYPE, Subtype, render
from .. import priorities
from ..languages.i18n import ENGLISH
from ..languages.translation import site_languages
from .page_cache import PageCache, code_version
from .transfer import built_pages

logger = logging.getLogger(__name__)

# Searched as plain text, then checked for the space before (not data-href=...): a
# pattern that starts with \s, or with an alternation, is several times slower.
NOT_FILES = ("mailto:", "tel:", "sms:", "data:", "javascript:")
HREF = re.compile(r'href="([^"]*)"')
SRC = re.compile(r'src="([^"]*)"')


def local_references(text: str) -> set[str]:
    """The paths of the page's href/src values that lead to this site's files."""
    values = {
        m[1] for pattern in (HREF, SRC) for m in pattern.finditer(text) if text[m.start() - 1].isspace()
    }
    found = set()
    for value in values:
        if value.startswith("#") or "://" in value or value.startswith(NOT_FILES):
            continue
        parts = urlsplit(value.replace("&amp;", "&"))
        if parts.scheme or parts.netloc or not parts.path:
            continue  # another site, mailto:, tel:, data:, or only #part or ?query
        found.add(unquote(parts.path))
    return found


class Output:
    """Looks up paths in the built site, each once."""

    def __init__(self, outdir: Path, root_prefix: str) -> None:
        self.outdir = outdir
        self.root_prefix = "/" + root_prefix.strip("/") + "/" if root_prefix.strip("/") else "/"
        self._targets: dict[tuple[str, str], str | None] = {}
        self._exists: dict[str, bool] = {}

    def target(self, folder: str, path: str) -> str | None:
        """The file ``path`` leads to from a page in ``folder``, from the output's top
        (None: outside the site)."""
        key = (folder, path)
        if key not in self._targets:
            if not path.startswith("/"):
                self._targets[key] = posixpath.normpath(posixpath.join(folder, path))
            elif path.startswith(self.root_prefix):
                self._targets[key] = posixpath.normpath(path[len(self.root_prefix) :] or ".")
            else:
                self._targets[key] = None
        return self._targets[key]

    def exists(self, target: str) -> bool:
        if target not in self._exists:
            path = self.outdir / target
            self._exists[target] = not target.startswith("..") and (
                path.is_file() or (path / "index.html").is_file()
            )
        return self._exists[target]


def other_language_sites(app: Sphinx) -> tuple[str, ...]:
    """Where, from the top of this build's output, the other languages' sites start."""
    current = app.config.language or ENGLISH
    if current != ENGLISH:
        return ("../",)
    return tuple(f"{language}/" for language in site_languages(app) if language != current)


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    outdir = Path(app.builder.outdir)
    output = Output(outdir, getattr(app.config, "notfound_urls_prefix", None) or "/")
    missing: dict[str, list[str]] = {}  # file -> pages that link to it
    other_sites = other_language_sites(app)
    cache: PageCache[frozenset[str]] = PageCache(
        Path(app.doctreedir) / "practice-linked-files.pickle", code_version(__file__)
    )
    for path in built_pages(outdir):
        page = path.relative_to(outdir).as_posix()
        folder = posixpath.dirname(page)
        references = cache.get(page, path, lambda data: frozenset(local_references(data.decode())))
        for reference in sorted(references):
            target = output.target(folder, reference)
            if target is None or target.startswith(other_sites):
                continue
            if not output.exists(target):
                missing.setdefault(target, []).append(page)
    cache.save()
    suffix = app.builder.out_suffix
    for target, pages in sorted(missing.items()):
        docname = pages[0].removesuffix(suffix)
        others = len(pages) - 1
        logger.warning(
            render(
                "missing-file",
                page=pages[0],
                file=target,
                others=f" (and {others} other page{'s' if others > 1 else ''})" if others else "",
            ),
            type=WARNING_TYPE,
            subtype=Subtype.missing_file.value,
            location=docname if docname in app.env.found_docs else None,
        )


def setup(app: Sphinx) -> None:
    # After the assets step (900), while Pagefind indexes: no page links to its files.
    app.connect("build-finished", on_build_finished, priority=priorities.LINKED_FILES)
