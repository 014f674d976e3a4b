"""The browser editor at ``/admin/``: Decap CMS, served from the site's own origin.

Staff who do not use a terminal write, preview and send pages for review in the
browser (README, "The editor"; CONTRIBUTING.md). Decap's files are installed from npm
at the exact versions of package-lock.json (``npm ci``; ``make html`` and ``make test``
run it), never loaded from a CDN. When the build has finished (HTML builder, the
site's own language only: the editor edits every language's files), this writes
``admin/`` into the output:

- ``index.html``: noindex, its own Content-Security-Policy (Decap needs inline styles
  and ``eval``, which the public pages' policy refuses), Decap's script and ours;
- Decap's bundle with its chunks, and the ``yaml`` library's browser build, copied
  from ``node_modules`` (only when they changed, so the live preview stays quick);
- ``editor.js``, ``editor.css``, ``preview.css`` (``editor_files/``): the page
  format that writes back unchanged bytes, the text box with its "Insert" toolbar
  and the readable preview;
- ``editor-data.json``, with Decap's configuration (JSON, not config.yml: a host may
  serve ``.yml`` with a type Decap refuses): one collection per kind of page, made from ``page_kinds.KINDS``
  (the same folder, defaults and prompts as ``make new-page``), and a form for
  ``practice.yaml`` made from ``practice_data``'s own field lists and rules;
  and what the toolbar and the preview offer: the glossary's
  words, every page with its title, the practice's details, each kind's new page.

The folder is not a page of the site: no menu, sitemap, search index, page budget or
link check sees it (``transfer.NOT_PAGES``), and no public page links to it. Without
Decap's files (``npm ci`` not run), the build says so in one line and writes nothing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging

from ..data import page_kinds
from ..data.front_matter import AUDIENCES
from ..data.practice_data import (
    CLINICIAN_ID,
    EMAIL,
    GITHUB_LOGIN,
    OPTIONAL_DETAILS,
    PHONE_LINK,
    REQUIRED_CLINICIAN_FIELDS,
    REQUIRED_TEXT_FIELDS,
)
from ..languages.i18n import ENGLISH
from .transfer import EDITOR_FOLDER

logger = logging.getLogger(__name__)

OWN_FILES = Path(__file__).with_name("editor_files")
# What of node_modules/ the editor serves: Decap's bundle (its lazily loaded chunks
# and WebAssembly beside it, not the source maps) and the yaml library's browser build.
DECAP = Path("decap-cms", "dist")
YAML_LIBRARY = Path("yaml", "browser", "dist")
# Where a new page's title goes in its template (editor.js puts the title there).
TITLE_MARK = "\u0000title\u0000"
# The page fields staff set in the form; the review fields are written only by a
# sign-off (make sign-off, or an approval), never by hand.
PAGE_FORMAT = "practice-page"
PRACTICE_FORMAT = "practice-yaml"
# A phone number as people write it: ten digits (and an optional leading 1) with any
# spaces, dashes, dots or brackets; practice_data.phone_digits is the build's rule.
PHONE = r"^[^0-9]*(1[^0-9]*)?[2-9]([^0-9]*[0-9]){9}[^0-9]*$"
POLICY = "; ".join(
    (
        "default-src 'self'",
        # Decap compiles its form schemas at run time and styles itself inline.
        "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https://avatars.githubusercontent.com",
        # Signed in with GitHub, Decap reads and writes the repository through its API.
        "connect-src 'self' https://api.github.com",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    )
)


def decap_installed(app: Sphinx) -> Path | None:
    """The installed npm packages' folder, or None when ``npm ci`` has not been run."""
    modules = Path(app.config.practice_editor_packages or Path(app.srcdir, "node_modules"))
    return modules if (modules / DECAP / "decap-cms.js").is_file() else None


def copy_changed(source: Path, target: Path, keep: re.Pattern[str]) -> None:
    """Copy the files of ``source`` whose names match ``keep`` into ``target``, skipping
    those already there with the same size and time (``copy2`` keeps the time)."""
    target.mkdir(parents=True, exist_ok=True)
    for path in source.rglob("*"):
        if path.is_dir() or not keep.search(path.name):
            continue
        copy = target / path.relative_to(source)
        there = copy.stat() if copy.exists() else None
        here = path.stat()
        if there and there.st_size == here.st_size and there.st_mtime_ns == here.st_mtime_ns:
            continue
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, copy)


def github_repository(app: Sphinx) -> str | None:
    """owner/name of the site's GitHub repository: Read the Docs' clone address, the
    ``practice_editor_repository`` setting, or the working copy's ``origin``."""
    address = os.environ.get("READTHEDOCS_GIT_CLONE_URL") or app.config.practice_editor_repository
    if not address:
        try:
            address = subprocess.run(
                ["git", "remote", "get-url", "origin"],
                cwd=app.srcdir,
                capture_output=True,
                text=True,
                check=False,
            ).stdout.strip()
        except OSError:
            address = ""
    match = re.search(r"github\.com[:/]([\w.-]+/[\w.-]+?)(?:\.git)?/?$", address or "")
    if match:
        return match[1]
    return address if re.fullmatch(r"[\w.-]+/[\w.-]+", address or "") else None


def page_fields(kind: str) -> list[dict[str, Any]]:
    """The form of a page of ``kind``: defaults from the same template as ``make new-page``."""
    return [
        {"name": "kind", "widget": "hidden", "default": kind},
        {
            "name": "title",
            "label": "Title",
            "widget": "string",
            "hint": "The page's heading and its address.",
        },
        {
            "name": "description",
            "label": "Description",
            "widget": "text",
            "default": yaml.safe_load(page_kinds.DESCRIPTION),
            "hint": "One short sentence for search results: who the page is for and how we help.",
        },
        {
            "name": "card",
            "label": "Card text",
            "widget": "string",
            "required": False,
            "hint": "Optional: the line under the title on the home page's card.",
        },
        {
            "name": "audience",
            "label": "Who it is for",
            "widget": "select",
            "multiple": True,
            "options": list(AUDIENCES),
            "default": ["clients", "families"],
        },
        {
            "name": "related",
            "label": "Related pages",
            "widget": "select",
            "multiple": True,
            "required": False,
            "options": [],  # filled in with every page by on_build_finished
            "default": [],
        },
        {
            "name": "draft",
            "label": "Draft",
            "widget": "boolean",
            "default": True,
            "required": False,
            "hint": "A draft shows in previews with a banner and is never published.",
        },
        {"name": "body", "label": "Page text", "widget": "myst", "default": page_kinds.KINDS[kind].sections},
    ]


def page_collections(pages: list[dict[str, str]]) -> list[dict[str, Any]]:
    options = [{"label": page["title"], "value": page["docname"]} for page in pages]
    collections = []
    for kind, spec in page_kinds.KINDS.items():
        fields = page_fields(kind)
        next(field for field in fields if field["name"] == "related")["options"] = options
        collections.append(
            {
                "name": kind,
                "label": spec.caption,  # the menu's own heading for these pages
                "label_singular": f"{kind} page",
                "folder": spec.folder or ".",
                "extension": "md",
                "format": PAGE_FORMAT,
                "filter": {"field": "kind", "value": kind},
                "create": True,
                # Removing a page takes its menu entry and a redirect for its address
                # (CONTRIBUTING.md, "Move or rename a page"): the web team's job.
                "delete": False,
                "slug": "{{slug}}",
                "identifier_field": "title",
                "summary": "{{title}}",
                "preview_path": f"{spec.folder}/{{{{slug}}}}.html" if spec.folder else "{{slug}}.html",
                "fields": fields,
            }
        )
    return collections


def text_field(name: str, label: str, required: bool = True, **more: Any) -> dict[str, Any]:
    return {"name": name, "label": label, "widget": "string", "required": required, **more}


def practice_collection() -> dict[str, Any]:
    """practice.yaml as a form, with the build's rules (practice_data). Decap shows a
    pattern's message after "didn't match the pattern: " and adds a full stop."""
    rules: dict[str, Any] = {
        "phone": {"pattern": [PHONE, "A US phone number, ten digits: (555) 555-0142"]},
        "phone_link": {"pattern": [PHONE_LINK.pattern, "+1 and the ten digits, nothing else: +15555550142"]},
        "email": {"pattern": [EMAIL.pattern, "An email address: hello@example.com"]},
        "booking_url": {"pattern": ["^https://", "An address that starts with https://"]},
    }
    fields: list[dict[str, Any]] = [
        {
            "name": "example",
            "label": "These are still example details",
            "widget": "boolean",
            "required": False,
            "hint": "Every page says the details are examples until this is off.",
        }
    ]
    fields += [
        text_field(name, name.replace("_", " ").capitalize(), **rules.get(name, {}))
        for name in REQUIRED_TEXT_FIELDS
    ]
    groups: dict[str, list[dict[str, Any]]] = {}
    for detail in OPTIONAL_DETAILS:
        group, name = detail.key.split(".")
        label = str(detail.fact_label or name.replace("_", " ").capitalize())
        if detail.kind == "list":
            field = {"name": name, "label": label, "widget": "list", "required": False}
        elif detail.kind == "flag":
            field = {"name": name, "label": label, "widget": "boolean", "required": False}
        elif detail.kind == "url":
            field = text_field(
                name,
                label,
                False,
                pattern=["^(https://.*)?$", "An address that starts with https://, or nothing"],
            )
        else:
            field = {"name": name, "label": label, "widget": "text", "required": False}
        groups.setdefault(group, []).append(field)
    fields += [
        {"name": group, "label": group.capitalize(), "widget": "object", "required": False, "fields": members}
        for group, members in groups.items()
    ]
    clinician_rules: dict[str, Any] = {
        "id": {"pattern": [CLINICIAN_ID.pattern, "Lower-case letters, digits and dashes: clinician-a"]},
    }
    clinician_fields = [
        text_field(name, name.capitalize(), **clinician_rules.get(name, {}))
        for name in REQUIRED_CLINICIAN_FIELDS
    ]
    clinician_fields.append(
        text_field(
            "github",
            "GitHub username",
            False,
            pattern=[f"^({GITHUB_LOGIN.pattern[1:-1]})?$", "A GitHub username, without the @"],
            hint="Their approval of a change signs off the pages it changes.",
        )
    )
    fields.append({"name": "clinicians", "label": "Clinicians", "widget": "list", "fields": clinician_fields})
    return {
        "name": "practice",
        "label": "The practice's details",
        "format": PRACTICE_FORMAT,  # Decap reads a file collection's format here, not per file
        "files": [
            {
                "name": "practice",
                "label": "Name, phone, fees and clinicians (practice.yaml)",
                "file": "practice.yaml",
                "fields": fields,
            }
        ],
    }


def editor_config(app: Sphinx, pages: list[dict[str, str]]) -> dict[str, Any]:
    backend: dict[str, Any] = {"name": "github", "branch": app.config.practice_editor_branch}
    repository = github_repository(app)
    if repository:
        backend["repo"] = repository
    if app.config.practice_editor_auth_url:
        backend["base_url"] = app.config.practice_editor_auth_url
    project = os.environ.get("READTHEDOCS_PROJECT")
    if project:  # the commit status Read the Docs gives a pull request: its preview
        backend["preview_context"] = f"docs/readthedocs.org:{project}"
    return {
        "load_config_file": False,
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "media_folder": "_static/images",
        "public_folder": "/_static/images",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [*page_collections(pages), practice_collection()],
    }


def site_pages(app: Sphinx) -> list[dict[str, str]]:
    env = app.env
    return sorted(
        (
            {
                "docname": docname,
                "title": env.titles[docname].astext(),
                "kind": str(env.metadata[docname].get("kind", "")),
            }
            for docname in env.found_docs
            if docname in env.titles
        ),
        key=lambda page: page["title"].lower(),
    )


def glossary_terms(app: Sphinx) -> list[str]:
    domain = app.env.domains.standard_domain
    return sorted(
        {name for name, _shown, kind, *_rest in domain.get_objects() if kind == "term"}, key=str.lower
    )


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception or not isinstance(app.builder, StandaloneHTMLBuilder) or app.builder.format != "html":
        return
    if (app.config.language or ENGLISH) != ENGLISH:
        return  # the English site's editor edits the translations' files too
    modules = decap_installed(app)
    if modules is None:
        logger.info("The editor at /admin/ is not built: its files are not installed (run `npm ci`).")
        return
    out = Path(app.outdir, EDITOR_FOLDER)
    copy_changed(modules / DECAP, out, re.compile(r"^(decap-cms\.js|\d+\.decap-cms\.js|.*\.wasm)$"))
    copy_changed(modules / YAML_LIBRARY, out / "yaml", re.compile(r"\.js$"))
    copy_changed(OWN_FILES, out, re.compile(r"\.(js|css)$"))
    index = (OWN_FILES / "index.html").read_text(encoding="utf-8").replace("{{ policy }}", POLICY)
    write_if_changed(out / "index.html", index)
    pages = site_pages(app)
    data = {
        "config": editor_config(app, pages),
        "titleMark": TITLE_MARK,
        "templates": {kind: page_kinds.render_page(kind, TITLE_MARK) for kind in page_kinds.KINDS},
        "folders": {kind: spec.folder for kind, spec in page_kinds.KINDS.items()},
        "terms": glossary_terms(app),
        "pages": pages,
        "practice": app.config.practice,
    }
    write_if_changed(out / "editor-data.json", json.dumps(data, ensure_ascii=False, indent=1, default=str))


def write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> None:
    # Where `npm ci` installed the packages (default: node_modules beside conf.py).
    app.add_config_value("practice_editor_packages", "", "", types=[str])
    # owner/name on GitHub, when neither Read the Docs nor `git remote` tells it.
    app.add_config_value("practice_editor_repository", "", "", types=[str])
    app.add_config_value("practice_editor_branch", "main", "", types=[str])
    # The OAuth service that signs staff in with GitHub on the published site
    # (README, "The editor": GitHub needs one; Read the Docs has none).
    app.add_config_value("practice_editor_auth_url", "", "", types=[str])
    app.connect("build-finished", on_build_finished)
