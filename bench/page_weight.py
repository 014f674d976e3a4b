"""What each built page costs to load: its HTML and every local file it makes the
browser fetch (stylesheets, scripts, images, icons, fonts and images the stylesheets
point to), uncompressed and gzip-compressed, each file counted once per page.

    python bench/page_weight.py _build/html        # a table, heaviest pages first
"""

from __future__ import annotations

import gzip
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")
LOADING_LINKS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload",
                 "modulepreload", "prefetch", "manifest", "mask-icon"}


class _Subresources(HTMLParser):
    """Collects the URLs of files that loading a page fetches."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "link" and LOADING_LINKS & set(a.get("rel", "").lower().split()):
            self.urls.append(a.get("href", ""))
        elif tag in ("script", "img", "iframe", "audio", "video", "source", "embed",
                     "track", "input") and a.get("src"):
            self.urls.append(a["src"])
        if a.get("srcset"):
            self.urls += [part.split()[0] for part in a["srcset"].split(",") if part.strip()]
        if tag in ("image", "use") and "://" not in a.get("href", "#") \
                and not a.get("href", "#").startswith("#"):
            self.urls.append(a["href"])
        if tag == "video" and a.get("poster"):
            self.urls.append(a["poster"])


@dataclass
class PageWeight:
    page: Path
    files: dict[Path, int]  # every local file loaded, with its size
    raw: int
    gzipped: int
    external: list[str]  # URLs on other sites that the page would load


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def _local(base: Path, url: str, site: Path) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        # Site-absolute (the 404 page): try the site root, then without a prefix
        # such as /en/latest/ that the host adds.
        segments = path.strip("/").split("/")
        for skip in range(len(segments)):
            target = site.resolve().joinpath(*segments[skip:])
            if target.is_file():
                return target
        return site.resolve().joinpath(*segments)
    target = (base.parent / path).resolve()
    return target if target.is_relative_to(site.resolve()) else None


def page_weight(site: Path, page: Path) -> PageWeight:
    """The bytes loading ``page`` (a built HTML file under ``site``) fetches."""
    parser = _Subresources()
    text = page.read_bytes()
    parser.feed(text.decode("utf-8"))
    files: dict[Path, int] = {page.resolve(): len(text)}
    gz = _gzip_size(text)
    external: list[str] = []
    todo = [(page, url) for url in parser.urls]
    while todo:
        base, url = todo.pop()
        if url.startswith("data:"):
            continue
        target = _local(base, url, site)
        if target is None:
            external.append(url)
            continue
        if target in files or not target.is_file():
            continue
        data = target.read_bytes()
        files[target] = len(data)
        gz += _gzip_size(data)
        if target.suffix == ".css":
            todo += [(target, u) for u in CSS_URL.findall(data.decode("utf-8", "replace"))]
    return PageWeight(page, files, sum(files.values()), gz, external)


def site_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html")
                  if not {"_static", "_sources", "pagefind", ".doctrees"}
                  & set(path.relative_to(site).parts))


def main(argv: list[str]) -> int:
    site = Path(argv[1] if len(argv) > 1 else "_build/html")
    weights = sorted((page_weight(site, p) for p in site_pages(site)), key=lambda w: -w.raw)
    print(f"{'page':45} {'raw KiB':>8} {'gzip KiB':>9} files")
    for w in weights:
        print(f"{str(w.page.relative_to(site)):45} {w.raw / 1024:8.1f} {w.gzipped / 1024:9.1f} "
              f"{len(w.files)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
