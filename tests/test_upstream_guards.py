"""Upgrade guards: what the site takes from Sphinx, Furo and sphinx-autobuild is still there.

The site replaces or copies a few of their files (Furo's script, templates and
stylesheet; sphinx-autobuild's builder) and uses a few of their private names (all
in ``_ext/upstream/``). An upgrade can change them without any error: the site
would keep an old copy, or match text that is no longer there. So:

- each upstream file the site replaces, copies or matches has a SHA-256 fingerprint
  in ``tests/upstream_fingerprints.json``; when it changes, the test names what to
  compare and re-check;
- each private name in ``_ext/upstream/`` is used here as the site uses it.

After re-checking, record the new files:

    .venv/bin/python tests/test_upstream_guards.py --update
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import json
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

from upstream import furo as upstream_furo
from upstream import sphinx as upstream_sphinx
from upstream import sphinx_autobuild as upstream_autobuild

FINGERPRINTS = Path(__file__).with_name("upstream_fingerprints.json")
NAMES = {"furo": "Furo"}  # how each package is written in messages
UPDATE = "python tests/test_upstream_guards.py --update"


@dataclass(frozen=True)
class Watched:
    """An upstream file the site depends on, and what to re-check when it changes."""

    package: str  # distribution name, for its version
    module: str  # importable module whose folder holds the file
    path: str  # from that folder
    check: str  # what to compare and re-check

    @property
    def key(self) -> str:
        return f"{self.package}:{self.path}"

    @property
    def file(self) -> Path:
        return Path(importlib.import_module(self.module).__file__).parent / self.path


WATCHED = [
    Watched(
        "furo",
        "furo",
        "assets/scripts/furo.js",
        "compare it with _static/furo-lite.js, which replaces it (the theme button, the "
        "header's shadow, 'Back to top', the highlight in 'On this page'), and bring over "
        "what changed",
    ),
    Watched(
        "furo",
        "furo",
        "theme/furo/static/styles/furo.css",
        "each page's stylesheet is Furo's, pruned, then _static/site.css: check that the "
        "custom properties site.css sets are still Furo's names, then run the browser tests "
        "(the axe contrast tests)",
    ),
    Watched(
        "furo",
        "furo",
        "__init__.py",
        "check how it calls toctree() and the priority of its html-page-context handler "
        "(upstream/furo.py TOCTREE_CALL and HANDLER_PRIORITY, used by navigation.py) and "
        "that it still adds scripts/furo.js (replaced by the assets step)",
    ),
    Watched(
        "furo",
        "furo",
        "theme/furo/page.html",
        "_templates/page.html extends it and puts in the safety bar and the landmarks' "
        "names by replacing exact text ('<div class=\"page\">', '<aside "
        "class=\"sidebar-drawer\">', '<aside class=\"toc-drawer'): check each still "
        "occurs once, and the blocks body, content (the not-ready banner) and footer; "
        "and that the page's content is still in upstream/furo.py MAIN_CONTENT's <article> "
        "(the page budget's message)",
    ),
    Watched(
        "furo",
        "furo",
        "theme/furo/sidebar/brand.html",
        "_templates/sidebar/brand.html extends it and replaces its block brand_content: compare the two",
    ),
    Watched(
        "furo",
        "furo",
        "theme/furo/sidebar/navigation.html",
        "_templates/sidebar/navigation.html is a copy of it (captions get aria-level=2): "
        "bring over what changed",
    ),
    Watched(
        "furo",
        "furo",
        "theme/furo/sidebar/search.html",
        "_ext/practice/site/templates/sidebar/search.html is a copy of it (without Sphinx's "
        "hidden fields): bring over what changed",
    ),
    Watched(
        "furo",
        "furo",
        "theme/furo/base.html",
        "its inline theme script is allowed by its hash in every page's "
        "Content-Security-Policy (upstream/furo.py THEME_SCRIPT): check the script is "
        "still found, then run tests/test_content_security_policy.py",
    ),
    Watched(
        "furo",
        "furo",
        "theme/furo/partials/icons.html",
        "the assets step drops unused icons from this sprite by its exact text "
        "(upstream/furo.py ICON_SPRITE), and its inline styles are allowed by hash "
        "(ICON_STYLES): check both",
    ),
    Watched(
        "sphinx-autobuild",
        "sphinx_autobuild",
        "build.py",
        "tools/livehtml.py's WarmBuilder subclasses its Builder and its __call__ follows "
        "Builder.__call__ step by step: compare the two and bring over what changed",
    ),
    Watched(
        "myst-parser",
        "myst_parser",
        "sphinx_ext/main.py",
        "upstream/myst.py keeps create_myst_config's configuration dump out of the build "
        "log by its logger's name (MYST_LOGGER) and its MdParserConfig argument: check both",
    ),
    Watched(
        "sphinx-autobuild",
        "sphinx_autobuild",
        "__main__.py",
        "tools/livehtml.py replaces the name Builder in this module "
        "(upstream/sphinx_autobuild.py use_builder): check main() still builds with it",
    ),
]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def current() -> dict[str, dict[str, str]]:
    return {
        w.key: {"version": importlib.metadata.version(w.package), "sha256": sha256(w.file)} for w in WATCHED
    }


def recorded() -> dict[str, dict[str, str]]:
    return json.loads(FINGERPRINTS.read_text(encoding="utf-8"))


# -- Upstream files ------------------------------------------------------------------------


def test_every_watched_file_has_a_fingerprint_and_every_fingerprint_a_file():
    assert sorted(recorded()) == sorted(w.key for w in WATCHED), (
        f"tests/upstream_fingerprints.json and WATCHED disagree: run `{UPDATE}`"
    )


@pytest.mark.parametrize("watched", WATCHED, ids=lambda w: w.key)
def test_upstream_file_is_the_one_the_site_was_checked_against(watched):
    was = recorded().get(watched.key, {"version": "?", "sha256": ""})
    now = importlib.metadata.version(watched.package)
    name = f"{NAMES.get(watched.package, watched.package)}'s {watched.path}"
    assert watched.file.is_file(), (
        f"{name} is gone ({watched.package} {was['version']} → {now}): {watched.check}; "
        f"then remove it from WATCHED in tests/test_upstream_guards.py and run `{UPDATE}`"
    )
    assert sha256(watched.file) == was["sha256"], (
        f"{name} changed ({watched.package} {was['version']} → {now}): {watched.check}; "
        f"then update the fingerprint with `{UPDATE}`"
    )


# -- Sphinx ----------------------------------------------------------------------------------


def test_sphinx_asset_objects_carry_what_the_assets_step_reads():
    css = upstream_sphinx.stylesheet("_static/css/pending.css", priority=200)
    assert (css.filename, css.priority, css.attributes.get("rel")) == (
        "_static/css/pending.css",
        200,
        "stylesheet",
    )
    assert css == upstream_sphinx.stylesheet("_static/css/pending.css", priority=200)
    script = upstream_sphinx.script("_static/furo-lite.js", priority=200)
    assert (script.filename, script.priority) == ("_static/furo-lite.js", 200)


@pytest.mark.sphinx("html", testroot="navigation", srcdir="guards-stylesheets", freshenv=True)
def test_sphinx_builder_lists_every_pages_stylesheets(app):
    during_page = []
    app.connect(
        "html-page-context",
        lambda app_, *args: during_page.append(
            [css.filename for css in upstream_sphinx.stylesheets_before_page(app_.builder)]
        ),
    )
    app.build()
    after = [css.filename for css in upstream_sphinx.site_stylesheets(app.builder)]
    assert "_static/styles/furo.css" in after
    assert all(hasattr(css, "attributes") for css in upstream_sphinx.site_stylesheets(app.builder))
    assert during_page and all("_static/styles/furo.css" in files for files in during_page)


@pytest.mark.sphinx("html", testroot="navigation", srcdir="guards-logging", freshenv=True)
def test_sphinx_logging_internals_word_and_file_warnings_as_make_check_expects(app):
    seen = []
    app.connect(
        "source-read",
        lambda app_, docname, source: seen.append((docname, upstream_sphinx.reading_docname(app_))),
    )
    app.build()
    assert seen and all(docname == reading for docname, reading in seen), seen
    assert upstream_sphinx.LOGGING_NAMESPACE == "sphinx"
    record = logging.LogRecord("sphinx.test", logging.WARNING, __file__, 1, "a problem", None, None)
    record.location = "first"
    upstream_sphinx.WarningLogRecordTranslator(app).filter(record)
    assert record.location.endswith("first.rst")
    assert upstream_sphinx.is_suppressed_warning("practice", "missing-file", ["practice.missing-file"])
    assert not upstream_sphinx.is_suppressed_warning("practice", "embed", ["practice.claims"])


@pytest.mark.sphinx("html", testroot="governance", srcdir="guards-private-names", freshenv=True)
def test_sphinx_private_names_the_pages_use_still_do_what_the_site_expects(app):
    """Each guarded name, used as the site uses it; a failure says what to re-check."""
    app.build()
    assert upstream_sphinx.application(app.env) is app, (
        "BuildEnvironment._app is not the application any more: find how a directive reaches "
        "its application in this Sphinx (upstream/sphinx.py application())"
    )
    import sphinx.locale

    sphinx.locale.get_translation("practice")("Reviewed by")  # loads the catalogue
    assert ("general", "practice") in sphinx.locale.translators, (
        "sphinx.locale.translators no longer holds the loaded catalogues by (namespace, "
        "catalog): check sphinx/locale/__init__.py (upstream/sphinx.py forget_translations)"
    )
    upstream_sphinx.forget_translations("practice")
    assert ("general", "practice") not in sphinx.locale.translators


def test_sphinx_glossary_ids_are_what_the_spanish_link_index_says(make_app, tmp_path):
    (tmp_path / "conf.py").write_text("", encoding="utf-8")
    (tmp_path / "index.rst").write_text(
        "Words\n=====\n\n.. glossary::\n\n   Self\n      The calm centre.\n\n"
        "   Protector parts\n      Parts that keep you safe.\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=tmp_path)
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    for term in ("Self", "Protector parts"):
        term_id = upstream_sphinx.glossary_term_id(term)
        assert f'id="{term_id}"' in page, (
            f"Sphinx's glossary no longer gives a term the id {term_id!r}: check _make_id in "
            "sphinx/util/nodes.py and the glossary directive (upstream/sphinx.py glossary_term_id)"
        )


# -- MyST-Parser -------------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="governance", srcdir="guards-myst", freshenv=True)
def test_the_build_log_shows_no_dump_of_myst_configuration(app, status):
    app.build()
    log = status.getvalue()
    assert "build succeeded" in log  # the log is there, with Sphinx's own lines
    assert "MdParserConfig" not in log and "myst v" not in log, (
        "MyST's whole configuration is printed in the build log again: compare MYST_LOGGER and "
        "the record's arguments in _ext/upstream/myst.py with create_myst_config in "
        "myst_parser/sphinx_ext/main.py"
    )


# -- Furo --------------------------------------------------------------------------------------


def test_furo_calls_toctree_as_the_navigation_expects():
    import furo

    calls = []
    furo._compute_navigation_tree({"toctree": lambda **kwargs: calls.append(kwargs) or ""})
    assert calls == [upstream_furo.TOCTREE_CALL], (
        f"Furo now calls toctree({calls}); navigation.py answers only "
        f"{upstream_furo.TOCTREE_CALL}: update upstream/furo.py and navigation.py"
    )


@pytest.mark.sphinx("html", testroot="navigation")
def test_furo_page_handler_runs_between_the_navigations_two(app):
    listeners = app.events.listeners["html-page-context"]
    furo_priorities = {listener.priority for listener in listeners if listener.handler.__module__ == "furo"}
    ours = sorted(
        listener.priority
        for listener in listeners
        if listener.handler.__module__ == "practice.site.navigation"
    )
    assert furo_priorities == {upstream_furo.HANDLER_PRIORITY}
    assert ours[0] < upstream_furo.HANDLER_PRIORITY < ours[-1], (ours, furo_priorities)


@pytest.mark.sphinx("html", testroot="navigation", srcdir="guards-script", freshenv=True)
def test_furo_pages_load_the_script_furo_lite_replaces(app):
    app.build()
    html = (app.outdir / "first.html").read_text(encoding="utf-8")
    assert re.search(rf'<script src="_static/scripts/{re.escape(upstream_furo.SCRIPT)}\b', html)


def furo_template(name: str) -> str:
    import furo

    return (Path(furo.__file__).parent / "theme" / "furo" / name).read_text(encoding="utf-8")


def test_furo_templates_have_the_text_the_site_matches():
    assert upstream_furo.ICON_SPRITE.search(furo_template("partials/icons.html"))
    for template, pattern in (upstream_furo.THEME_SCRIPT, upstream_furo.ICON_STYLES):
        assert re.search(pattern, furo_template(template.lstrip("!")), re.S), template
    assert "{{ " + upstream_furo.NAVIGATION_TREE + " }}" in furo_template("sidebar/navigation.html")
    # The page budget measures the page's own content: Furo's <article> around {{ body }}.
    article = upstream_furo.MAIN_CONTENT.search(furo_template("page.html"))
    assert article and "{{ body }}" in article[2], "Furo's page.html: no main <article> around body"
    ours = (ROOT / "_templates" / "page.html").read_text(encoding="utf-8")
    # The three insertions into Furo's markup (not the translated words after them).
    replaced = re.findall(r"replace\('([^']*)',", ours)
    assert len(replaced) == 3, replaced
    for text in replaced:
        assert furo_template("page.html").count(text) == 1, (
            f"_templates/page.html replaces {text!r}, which Furo's page.html no longer has once"
        )


# -- sphinx-autobuild ------------------------------------------------------------------------


def test_sphinx_autobuild_builder_has_what_the_preview_uses(monkeypatch):
    builder = upstream_autobuild.Builder(
        ["-b", "html", ".", "_build"],
        url_host="127.0.0.1:8000",
        pre_build_commands=[],
        post_build_commands=[],
    )
    assert builder.sphinx_args == ["-b", "html", ".", "_build"]
    assert builder.uri == "http://127.0.0.1:8000"
    assert upstream_autobuild.run_commands(builder, builder.pre_build_commands, "pre-build") == 0
    failing = [[sys.executable, "-c", "raise SystemExit(3)"]]
    monkeypatch.setattr("builtins.print", lambda *args, **kwargs: None)
    monkeypatch.setattr("traceback.print_exception", lambda *args, **kwargs: None)
    assert upstream_autobuild.run_commands(builder, failing, "pre-build") == 3

    from sphinx_autobuild import __main__ as autobuild_main

    class Replacement(upstream_autobuild.Builder):
        pass

    monkeypatch.setattr(autobuild_main, "Builder", autobuild_main.Builder)  # restored after
    upstream_autobuild.use_builder(Replacement)
    assert autobuild_main.Builder is Replacement


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(f"usage: {UPDATE}\n(records the upstream files as they are now installed)")
    old = recorded() if FINGERPRINTS.exists() else {}
    new = current()
    FINGERPRINTS.write_text(json.dumps(new, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    for key in sorted(new):
        if old.get(key) != new[key]:
            print(f"recorded {key} ({old.get(key, {}).get('version', 'new')} → {new[key]['version']})")
    print(f"{FINGERPRINTS.relative_to(ROOT)}: {len(new)} files")
