"""What the checks of built pages learned about each page, kept from one build to the next.

The page budget and the linked-files check read every built page after every build,
though an edit rewrites only a few: on a site of a thousand pages, reading and
compressing the unchanged ones was most of a one-page rebuild (bench/edit_profile.py).
A ``PageCache`` keeps, for each page, what a check computed from its bytes, keyed by
a digest of those bytes, in a file of the build's doctree folder. A page whose file has
the same size and modification time as last time is not even read (as ``make`` and Git
judge files); a page whose bytes are the same as last time gets last time's answer; any
other page is computed again.
The file is also keyed by the code that computes the answers (``code_version``), so an
upgrade of that code never reuses an old answer. A missing or unreadable file is an
empty cache: the checks then read every page, as on a clean build. Plain Python, no Sphinx.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


def code_version(*sources: str | None) -> str:
    """A digest of the source files ``sources`` (modules' ``__file__``): it changes
    whenever their code does."""
    digest = hashlib.blake2b(digest_size=16)
    for source in sources:
        digest.update(Path(str(source)).read_bytes())
    return digest.hexdigest()


def page_digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


Stamp = tuple[int, int]  # a file's size and modification time (ns)


def stamp_of(path: Path) -> Stamp:
    status = path.stat()
    return status.st_size, status.st_mtime_ns


class PageCache(Generic[T]):
    """Answers about pages, by page name and the digest of its bytes.

    ``get`` returns the kept answer when the page's file is unchanged (same size and
    time) or its bytes are the ones it was computed from, else computes and keeps it;
    ``save`` writes the answers of the pages asked about in this build (a removed
    page's answer goes with it).
    """

    def __init__(self, path: Path, version: str) -> None:
        self.path = path
        # This module's own code too: a cache of another layout is never read as this one.
        self.version = f"{version}/{code_version(__file__)}"
        self._kept: dict[str, tuple[bytes, Stamp, T]] = {}
        self._used: dict[str, tuple[bytes, Stamp, T]] = {}
        try:
            saved = pickle.loads(path.read_bytes())
        except (OSError, pickle.PickleError, AttributeError, EOFError, TypeError, ValueError):
            return
        if isinstance(saved, tuple) and len(saved) == 2 and saved[0] == self.version:
            self._kept = saved[1]

    def get(self, page: str, file: Path, compute: Callable[[bytes], T]) -> T:
        """The answer for ``page``, whose built file is ``file``."""
        stamp = stamp_of(file)
        kept = self._kept.get(page)
        if kept is not None and kept[1] == stamp:
            self._used[page] = kept
            return kept[2]
        data = file.read_bytes()
        digest = page_digest(data)
        answer = kept[2] if kept is not None and kept[0] == digest else compute(data)
        self._used[page] = (digest, stamp, answer)
        return answer

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".partial")
        partial.write_bytes(pickle.dumps((self.version, self._used)))
        partial.replace(self.path)
