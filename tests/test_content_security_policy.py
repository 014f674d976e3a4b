"""The Content-Security-Policy: in every built page, first in its <head>, allowing
only the site's own files, with a hash for each inline script and style the page
really has; and a page that embeds what the policy would block fails the build."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from browser import site_page_paths

HEAD_ITEM = re.compile(r"<(script|link|style)\b", re.I)
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def built_pages(site):
    return site_page_paths(site)  # the editor at admin/ has its own (tests/test_editor.py)


def policy_of(html: str) -> dict[str, list[str]]:
    found = META.search(html)
    assert found, "no Content-Security-Policy meta tag"
    directives = {}
    for part in found.group(1).split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_every_page_carries_the_policy_before_anything_it_governs(site):
    for path in built_pages(site):
        html = path.read_text(encoding="utf-8")
        meta = META.search(html)
        assert meta, f"{path.relative_to(site)}: no Content-Security-Policy"
        first = HEAD_ITEM.search(html)
        assert first is None or meta.start() < first.start(), (
            f"{path.relative_to(site)}: the policy comes after a <{first.group(1)}>"
        )


def test_the_policy_allows_only_this_site(site):
    for path in built_pages(site):
        policy = policy_of(path.read_text(encoding="utf-8"))
        name = path.relative_to(site)
        assert policy["default-src"] in (["'self'"], ["'none'"]), name
        for directive, values in policy.items():
            assert "'unsafe-inline'" not in values and "'unsafe-eval'" not in values, (name, directive)
            assert not [v for v in values if v.startswith(("http", "*")) or v in ("https:", "http:")], (
                name,
                directive,
                values,
            )
        assert policy["form-action"] in (["'self'"], ["'none'"]), name
        assert policy["base-uri"] in (["'self'"], ["'none'"]), name
        if policy["default-src"] == ["'self'"]:
            assert policy["object-src"] == ["'none'"], name


def test_each_inline_script_and_style_is_allowed_by_its_hash(site):
    problems = []
    for path in built_pages(site):
        html = path.read_text(encoding="utf-8")
        policy = policy_of(html)
        name = path.relative_to(site)
        for attrs, text in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", html, re.S):
            if "application/ld+json" in attrs:
                continue  # data, not run
            if sha256(text) not in policy["script-src"]:
                problems.append(f"{name}: inline script {text.strip()[:50]!r} is not allowed")
        for text in re.findall(r"<style>(.*?)</style>", html, re.S):
            if sha256(text) not in policy.get("style-src", []):
                problems.append(f"{name}: inline style {text[:50]!r} is not allowed")
        for text in set(re.findall(r'\sstyle="([^"]*)"', html)):
            if sha256(text) not in policy.get("style-src", []):
                problems.append(f"{name}: style attribute {text!r} is not allowed")
        for handler in re.findall(r"<[^>]*\son[a-z]+=", html):
            problems.append(f"{name}: an event handler attribute: {handler[:60]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.sphinx("html", testroot="embed")
def test_embedded_html_the_policy_would_block_fails_with_file_and_line(app, warning):
    app.build()
    out = warning.getvalue()
    for line, found in ((11, "<iframe"), (13, 'src="https://'), (15, "style=")):
        assert re.search(
            rf"index\.md:{line}: WARNING: this page embeds HTML that the site's "
            rf"privacy rules block \(\"{re.escape(found)}",
            out,
        ), out
    assert out.count("[practice.embed]") == 3, out
