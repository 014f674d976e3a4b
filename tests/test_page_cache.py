"""The cache of what the page checks learned about each built page (site/page_cache.py):
an unchanged page is not read again, a page rewritten with the same bytes is not
measured again, a changed one is, and a cache from other code, or a broken one, is not
used."""

from __future__ import annotations

import os
from pathlib import Path

from practice.site.page_cache import PageCache, code_version


def lengths(path, version="v1"):
    calls: list[bytes] = []

    def measure(data: bytes) -> int:
        calls.append(data)
        return len(data)

    return PageCache(path, version), measure, calls


def page(folder, name: str, data: bytes, time_ns: int | None = None):
    path = folder / name
    path.write_bytes(data)
    if time_ns is not None:
        os.utime(path, ns=(time_ns, time_ns))
    return path


def test_an_unchanged_page_is_not_measured_again_and_a_changed_one_is(tmp_path):
    path = tmp_path / "cache.pickle"
    cache, measure, calls = lengths(path)
    a = page(tmp_path, "a.html", b"one")
    b = page(tmp_path, "b.html", b"two")
    assert cache.get("a.html", a, measure) == 3
    assert cache.get("b.html", b, measure) == 3
    cache.save()

    cache, measure, calls = lengths(path)
    assert cache.get("a.html", a, measure) == 3
    assert calls == []
    page(tmp_path, "b.html", b"longer")
    assert cache.get("b.html", b, measure) == 6
    assert calls == [b"longer"]


def test_an_unchanged_file_is_not_read_and_a_rewritten_one_is_read_not_measured(tmp_path, monkeypatch):
    path = tmp_path / "cache.pickle"
    cache, measure, _ = lengths(path)
    a = page(tmp_path, "a.html", b"one", time_ns=1_000_000_000)
    cache.get("a.html", a, measure)
    cache.save()

    cache, measure, calls = lengths(path)
    reads: list[str] = []
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self.name) or read_bytes(self))
    assert cache.get("a.html", a, measure) == 3
    assert reads == [] and calls == []  # same size and time: not even read

    page(tmp_path, "a.html", b"one", time_ns=2_000_000_000)  # the same bytes, written again
    assert cache.get("a.html", a, measure) == 3
    assert reads == ["a.html"] and calls == []  # read, and known by its bytes

    page(tmp_path, "a.html", b"three", time_ns=2_000_000_000)  # other bytes, other size
    cache.get("a.html", a, measure)
    assert calls == [b"three"]


def test_a_page_not_asked_about_is_forgotten(tmp_path):
    path = tmp_path / "cache.pickle"
    gone = page(tmp_path, "gone.html", b"text")
    cache, measure, _ = lengths(path)
    cache.get("gone.html", gone, measure)
    cache.save()
    cache, measure, _ = lengths(path)
    cache.save()  # a build without gone.html
    cache, measure, calls = lengths(path)
    cache.get("gone.html", gone, measure)
    assert calls == [b"text"]


def test_other_code_or_a_broken_file_means_measuring_again(tmp_path):
    path = tmp_path / "cache.pickle"
    a = page(tmp_path, "a.html", b"one")
    cache, measure, _ = lengths(path, version="old code")
    cache.get("a.html", a, measure)
    cache.save()
    cache, measure, calls = lengths(path, version="new code")
    cache.get("a.html", a, measure)
    assert calls == [b"one"]

    path.write_bytes(b"not a pickle")
    cache, measure, calls = lengths(path)
    assert cache.get("a.html", a, measure) == 3
    assert calls == [b"one"]


def test_the_code_version_follows_the_source(tmp_path):
    source = tmp_path / "module.py"
    source.write_text("A = 1\n")
    before = code_version(str(source))
    source.write_text("A = 2\n")
    assert code_version(str(source)) != before
