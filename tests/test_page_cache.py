"""The cache of what the page checks learned about each built page (site/page_cache.py):
an unchanged page gets the kept answer, a changed one is measured again, and a cache
from other code, or a broken one, is not used."""

from __future__ import annotations

from practice.site.page_cache import PageCache, code_version


def lengths(path, version="v1"):
    calls: list[bytes] = []

    def measure(data: bytes) -> int:
        calls.append(data)
        return len(data)

    return PageCache(path, version), measure, calls


def test_an_unchanged_page_is_not_measured_again_and_a_changed_one_is(tmp_path):
    path = tmp_path / "cache.pickle"
    cache, measure, calls = lengths(path)
    assert cache.get("a.html", b"one", measure) == 3
    assert cache.get("b.html", b"two", measure) == 3
    cache.save()

    cache, measure, calls = lengths(path)
    assert cache.get("a.html", b"one", measure) == 3
    assert calls == []
    assert cache.get("b.html", b"longer", measure) == 6
    assert calls == [b"longer"]


def test_a_page_not_asked_about_is_forgotten(tmp_path):
    path = tmp_path / "cache.pickle"
    cache, measure, _ = lengths(path)
    cache.get("gone.html", b"text", measure)
    cache.save()
    cache, measure, _ = lengths(path)
    cache.save()  # a build without gone.html
    cache, measure, calls = lengths(path)
    cache.get("gone.html", b"text", measure)
    assert calls == [b"text"]


def test_other_code_or_a_broken_file_means_measuring_again(tmp_path):
    path = tmp_path / "cache.pickle"
    cache, measure, _ = lengths(path, version="old code")
    cache.get("a.html", b"one", measure)
    cache.save()
    cache, measure, calls = lengths(path, version="new code")
    cache.get("a.html", b"one", measure)
    assert calls == [b"one"]

    path.write_bytes(b"not a pickle")
    cache, measure, calls = lengths(path)
    assert cache.get("a.html", b"one", measure) == 3
    assert calls == [b"one"]


def test_the_code_version_follows_the_source(tmp_path):
    source = tmp_path / "module.py"
    source.write_text("A = 1\n")
    before = code_version(str(source))
    source.write_text("A = 2\n")
    assert code_version(str(source)) != before
