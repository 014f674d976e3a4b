"""What the build writes for the browser editor (_ext/practice/site/editor.py), with
Sphinx's testing fixtures and a stand-in for the npm packages: the files of /admin/,
its own policy and noindex, the editor's configuration made from the site's own rules,
and, without the packages, one line saying so and no /admin/ at all."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from browser import EDITOR, site_page_paths


def fake_packages(folder: Path) -> Path:
    """node_modules as npm ci leaves it, with empty stand-ins for the editor's files."""
    decap = folder / "decap-cms" / "dist"
    decap.mkdir(parents=True)
    for name in ("decap-cms.js", "21.decap-cms.js", "decap-cms.js.map", "5e1c.wasm", "LICENSE"):
        (decap / name).write_text(f"/* {name} */\n")
    yaml = folder / "yaml" / "browser" / "dist"
    yaml.mkdir(parents=True)
    (yaml / "index.js").write_text("export {};\n")
    return folder


@pytest.fixture
def packages(tmp_path) -> Path:
    return fake_packages(tmp_path / "node_modules")


@pytest.mark.sphinx("html", testroot="editor", srcdir="editor-built")
def test_the_build_writes_the_editor_from_the_sites_own_rules(app, packages, warning):
    app.config.practice_editor_packages = str(packages)
    app.build()
    assert "WARNING" not in warning.getvalue(), warning.getvalue()
    admin = Path(app.outdir, EDITOR)

    index = (admin / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="robots" content="noindex', index)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', index)[1]
    assert "default-src 'self'" in policy and "cdn" not in policy
    # Decap's bundle and its chunks, not its source maps or licence files.
    copied = {p.name for p in (admin).iterdir()}
    assert {"decap-cms.js", "21.decap-cms.js", "5e1c.wasm", "editor.js", "editor-data.json"} <= copied
    assert not {"decap-cms.js.map", "LICENSE"} & copied
    assert (admin / "yaml" / "index.js").is_file()

    data = json.loads((admin / "editor-data.json").read_text(encoding="utf-8"))
    collections = {c["name"]: c for c in data["config"]["collections"]}
    assert list(collections) == ["specialty", "approach", "general", "practice"]
    assert data["config"]["publish_mode"] == "editorial_workflow"
    # A page is removed with its menu entry and a redirect (the web team), not from the form.
    assert all(collections[kind]["delete"] is False for kind in ("specialty", "approach", "general"))
    assert data["config"]["load_config_file"] is False
    fields = [f["name"] for f in collections["specialty"]["fields"]]
    assert fields == ["kind", "title", "description", "card", "audience", "related", "draft", "body"]
    related = next(f for f in collections["specialty"]["fields"] if f["name"] == "related")
    assert {o["value"] for o in related["options"]} == {p["docname"] for p in data["pages"]}
    # The review lines are written by a sign-off only: no field for them.
    assert not {"reviewed_by", "last_reviewed", "next_review", "review_fingerprint"} & set(fields)
    practice = {f["name"]: f for f in collections["practice"]["files"][0]["fields"]}
    phone, message = practice["phone"]["pattern"]
    assert re.match(phone, "(555) 555-0142") and not re.match(phone, "555-0142")
    assert practice["name"]["required"] is True

    # Not a page: no sitemap entry, no link from a public page.
    sitemap = Path(app.outdir, "sitemap.xml")
    assert not sitemap.exists() or EDITOR not in sitemap.read_text(encoding="utf-8")
    for page in site_page_paths(Path(app.outdir)):
        assert f"{EDITOR}/" not in page.read_text(encoding="utf-8"), page


@pytest.mark.sphinx("html", testroot="editor", srcdir="editor-not-installed")
def test_without_the_packages_the_build_says_so_and_writes_no_editor(app, tmp_path, status, warning):
    app.config.practice_editor_packages = str(tmp_path / "node_modules")  # npm ci not run
    app.build()
    assert "WARNING" not in warning.getvalue()
    assert (
        "The editor at /admin/ is not built: its files are not installed (run `npm ci`)." in status.getvalue()
    )
    assert not Path(app.outdir, EDITOR).exists()


def test_contributing_shows_the_editors_screenshots():
    """CONTRIBUTING.md's pictures of the editor are there (make editor-screenshots retakes them)."""
    root = Path(__file__).resolve().parent.parent
    shown = re.findall(
        r"!\[[^\]]+\]\((\.github/editor-screenshots/[\w.-]+\.png)\)", (root / "CONTRIBUTING.md").read_text()
    )
    assert len(shown) >= 5
    for picture in shown:
        assert (root / picture).is_file(), picture
    taken = re.findall(r'screenshot\(page, "([\w-]+)"\)', (root / "tests" / "test_editor.py").read_text())
    assert sorted(f".github/editor-screenshots/{name}.png" for name in taken) == sorted(shown)


@pytest.mark.sphinx("html", testroot="editor", srcdir="editor-on-read-the-docs")
def test_on_read_the_docs_the_editor_knows_the_repository_and_the_preview(app, packages, monkeypatch):
    monkeypatch.setenv("READTHEDOCS_GIT_CLONE_URL", "https://github.com/example-practice/website.git")
    monkeypatch.setenv("READTHEDOCS_PROJECT", "example-practice")
    app.config.practice_editor_packages = str(packages)
    app.config.practice_editor_auth_url = "https://sign-in.example.org"
    app.build()
    data = json.loads(Path(app.outdir, EDITOR, "editor-data.json").read_text(encoding="utf-8"))
    assert data["config"]["backend"] == {
        "name": "github",
        "branch": "main",
        "repo": "example-practice/website",
        "base_url": "https://sign-in.example.org",
        # Read the Docs' commit status on a pull request: Decap links its preview from it.
        "preview_context": "docs/readthedocs.org:example-practice",
    }


def test_the_real_sites_search_index_and_pages_leave_the_editor_out(site):
    from test_publishing import indexed_urls

    if not (site / EDITOR / "index.html").is_file():
        pytest.skip("the editor's files are not installed (npm ci), so the site has no editor")
    indexed = indexed_urls(site)
    assert indexed and not [url for url in indexed if EDITOR in url]
    for page in site_page_paths(site):
        assert f'href="{EDITOR}/' not in page.read_text(encoding="utf-8"), page
        assert f'/{EDITOR}/"' not in page.read_text(encoding="utf-8"), page
