"""What a reader's browser downloads to show each built page. Plain Python, no Sphinx.

Two figures per page, in bytes as the host sends them:

- **first view**: a visit that starts on the page, with nothing cached: its HTML and
  every file of the site that loading it fetches (stylesheets, scripts, images,
  icons, fonts, and what the stylesheets point to), each counted once;
- **second view**: the page opened from another page of the same site, whose files
  the browser has cached: its HTML and only the files that other page did not
  fetch. ``second_views`` takes the worst case over every other page (a reader may
  arrive anywhere); ``PageLoad.after`` gives it after one given page.

Text files (HTML, CSS, JavaScript, SVG, JSON, XML, plain text) count gzip-compressed
at level 6 (``LEVEL``: zlib's and the ``gzip`` command's default, and what
bench/lighthouse.py's server sends), as Read the Docs serves them compressed; other
files (PNG, JPEG, WebP, WOFF2: compressed already) count as they are. HTTP headers,
and what a script fetches later (the search index, when the reader searches), are not
counted. A host that sends brotli sends somewhat less than this.

``page_budget`` checks these figures in every build; bench/page_weight.py prints them.
"""

from __future__ import annotations

import os
import posixpath
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from upstream import furo as upstream_furo

from .page_cache import PageCache

LEVEL = 6
COMPRESSED_TYPES = {".html", ".htm", ".css", ".js", ".mjs", ".svg", ".json", ".xml", ".txt", ".map"}
EDITOR_FOLDER = "admin"  # the browser editor (editor.py): staff's, not a page of the site
NOT_PAGES = {"_static", "_sources", "_images", "pagefind", ".doctrees", EDITOR_FOLDER}

# Tags whose attributes can make the browser fetch a file while loading the page.
TAG = re.compile(
    r"<(link|script|img|source|video|audio|iframe|embed|track|input|image|use)"
    r"\b([^>]*)>",
    re.IGNORECASE,
)
ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
LOADING_LINKS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "modulepreload",
    "prefetch",
    "manifest",
    "mask-icon",
}
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']""")


def built_pages(outdir: Path) -> list[Path]:
    """The HTML pages of a built site, sorted: not in its static, source or image folders,
    nor in Pagefind's. Those folders are not entered at all: Pagefind swaps its index
    folders (``search_job``) while the checks that call this run, and a folder that goes
    while it is being listed must not fail the build."""
    found = []
    for folder, subfolders, files in os.walk(outdir):
        subfolders[:] = [
            name for name in subfolders if name not in NOT_PAGES and not name.startswith("pagefind.")
        ]
        base = Path(folder)
        found += [base / name for name in files if name.endswith(".html")]
    return sorted(found)


def sites_inside(outdir: Path) -> tuple[str, ...]:
    """The folders of a built site (``es/``) that hold another whole site: a translation,
    with its own home page and static files. For ``Site(..., skip=...)`` outside a build."""
    return tuple(
        sorted(
            f"{home.parent.name}/"
            for home in outdir.glob("*/index.html")
            if (home.parent / "_static").is_dir()
        )
    )


def compressed_size(data: bytes) -> int:
    """Bytes of ``data`` gzip-compressed at ``LEVEL`` (the gzip header and trailer included)."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, 31)
    return len(compressor.compress(data) + compressor.flush())


def sent_size(path: str, data: bytes) -> int:
    """Bytes the host sends for a file: compressed for text, as it is for the rest."""
    return compressed_size(data) if Path(path).suffix.lower() in COMPRESSED_TYPES else len(data)


def fetched_urls(html: str) -> list[str]:
    """The addresses loading a page makes the browser fetch, in the order they appear."""
    urls: list[str] = []
    for tag, attributes in TAG.findall(html):
        a = {m[1].lower(): m[2] or m[3] or "" for m in ATTRIBUTE.finditer(attributes)}
        tag = tag.lower()
        if tag == "link":
            if LOADING_LINKS & set(a.get("rel", "").lower().split()) and a.get("href"):
                urls.append(a["href"])
        elif tag in ("image", "use"):
            href = a.get("href") or a.get("xlink:href") or ""
            if href and not href.startswith("#"):
                urls.append(href)
        elif a.get("src"):
            urls.append(a["src"])
        if a.get("srcset"):
            urls += [part.split()[0] for part in a["srcset"].split(",") if part.strip()]
        if tag == "video" and a.get("poster"):
            urls.append(a["poster"])
    return urls


def main_content_size(html: str) -> int:
    """What the page's own content (its text, lists, cards, tables; Furo's main
    ``<article>``) adds to the compressed HTML: the rest is the menu and page frame."""
    without = upstream_furo.MAIN_CONTENT.sub(r"\1\3", html, count=1)
    if without == html:
        return 0
    data = html.encode("utf-8")
    return compressed_size(data) - compressed_size(without.encode("utf-8"))


@dataclass(frozen=True)
class File:
    """One file a page loads."""

    path: str  # from the top of the built site, with '/'
    raw: int  # bytes on disk
    sent: int  # bytes sent: compressed for text files


@dataclass(frozen=True)
class PageLoad:
    """What loading one built page fetches."""

    page: str  # the HTML file, from the top of the built site
    html: File
    files: tuple[File, ...]  # every other file of the site it fetches, each once, largest first
    external: tuple[str, ...]  # addresses on other sites it would fetch (none on this site)
    missing: tuple[str, ...]  # files of the site it links that are not there

    @property
    def first_view(self) -> int:
        return self.html.sent + sum(file.sent for file in self.files)

    @property
    def raw(self) -> int:
        return self.html.raw + sum(file.raw for file in self.files)

    @property
    def paths(self) -> frozenset[str]:
        return frozenset(file.path for file in self.files)

    def after(self, previous: PageLoad) -> int:
        """Bytes sent for this page when the browser has ``previous``'s files cached."""
        cached = previous.paths
        return self.html.sent + sum(file.sent for file in self.files if file.path not in cached)


# What measuring a page's own HTML gives: its size on disk, as sent, and what it fetches.
PageFacts = tuple[int, int, tuple[str, ...]]


def page_facts(page: str, data: bytes) -> PageFacts:
    return len(data), sent_size(page, data), tuple(fetched_urls(data.decode("utf-8", "replace")))


class Site:
    """Measures the pages of one built site; each shared file is read and compressed once,
    and each address is resolved once per folder.

    ``skip`` names folders (from the site's top, ending in '/') that hold another site,
    such as the Spanish site's ``es/`` in the English output: their pages are left out.
    ``cache`` keeps each page's own figures from one build to the next (``page_cache``).
    """

    def __init__(
        self, outdir: Path, skip: tuple[str, ...] = (), cache: PageCache[PageFacts] | None = None
    ) -> None:
        self.outdir = outdir.resolve()
        self.skip = skip
        self.cache = cache
        self._files: dict[str, File | None] = {}
        self._targets: dict[tuple[str, str], str | None] = {}
        self._css_urls: dict[str, list[str]] = {}

    def pages(self) -> list[str]:
        names = (path.relative_to(self.outdir).as_posix() for path in built_pages(self.outdir))
        return sorted(name for name in names if not name.startswith(self.skip))

    def _target(self, base: str, url: str) -> str | None:
        """The file ``url`` (found in ``base``) leads to, from the site's top; None: another site."""
        key = (posixpath.dirname(base), url)
        if key not in self._targets:
            self._targets[key] = self._resolve(base, url)
        return self._targets[key]

    def _resolve(self, base: str, url: str) -> str | None:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return None
        path = unquote(parts.path)
        if path.startswith("/"):
            # From the site's root (the 404 page): the host may add a prefix such as
            # /en/latest/, so try without each leading folder in turn.
            segments = path.strip("/").split("/")
            for skip in range(len(segments)):
                candidate = "/".join(segments[skip:])
                if (self.outdir / candidate).is_file():
                    return candidate
            return "/".join(segments)
        target = (self.outdir / base).parent.joinpath(path).resolve()
        if not target.is_relative_to(self.outdir):
            return None
        return target.relative_to(self.outdir).as_posix()

    def _file(self, path: str) -> File | None:
        if path not in self._files:
            full = self.outdir / path
            if full.is_file():
                data = full.read_bytes()
                self._files[path] = File(path, len(data), sent_size(path, data))
            else:
                self._files[path] = None
        return self._files[path]

    def _stylesheet_urls(self, path: str) -> list[str]:
        if path not in self._css_urls:
            text = (self.outdir / path).read_text(encoding="utf-8", errors="replace")
            self._css_urls[path] = [m[0] or m[1] for m in CSS_URL.finditer(text)]
        return self._css_urls[path]

    def load(self, page: str) -> PageLoad:
        """What loading ``page`` (an HTML file, from the site's top) fetches."""
        built = self.outdir / page
        if self.cache is None:
            raw, sent, urls = page_facts(page, built.read_bytes())
        else:
            raw, sent, urls = self.cache.get(page, built, lambda data: page_facts(page, data))
        html = File(page, raw, sent)
        files: dict[str, File] = {}
        external: list[str] = []
        missing: list[str] = []
        todo = [(page, url) for url in urls]
        while todo:
            base, url = todo.pop(0)
            parts = urlsplit(url)
            if url.startswith(("data:", "#")) or not (parts.path or parts.netloc):
                continue
            target = self._target(base, url)
            if target is None:
                external.append(url)
                continue
            if target in files or target == page:
                continue
            file = self._file(target)
            if file is None:
                missing.append(target)
                continue
            files[target] = file
            if target.endswith(".css"):
                todo += [(target, url) for url in self._stylesheet_urls(target)]
        ordered = tuple(sorted(files.values(), key=lambda f: (-f.sent, f.path)))
        return PageLoad(page, html, ordered, tuple(external), tuple(missing))

    def load_all(self) -> list[PageLoad]:
        return [self.load(page) for page in self.pages()]


def second_views(loads: list[PageLoad]) -> dict[str, tuple[int, str]]:
    """For each page: the most it sends as the second page of a visit, and the first
    page that gives that most. A site of one page: its first view.

    Pages that load the same files are taken together, so this stays quick when
    thousands of pages share a few sets of files.
    """
    by_files: dict[frozenset[str], list[PageLoad]] = defaultdict(list)
    for load in loads:
        by_files[load.paths].append(load)
    worst: dict[str, tuple[int, str]] = {}
    for load in loads:
        best: tuple[int, str] | None = None
        for group in by_files.values():
            previous = next((other for other in group if other.page != load.page), None)
            if previous is None:
                continue
            sent = load.after(previous)
            if best is None or sent > best[0]:
                best = (sent, previous.page)
        worst[load.page] = best or (load.first_view, load.page)
    return worst
