"""The Spanish site: which pages it has, links to the others, and stale translations.

``locales/es/translations.yaml`` lists the translated pages, each with who reviewed
its translation and when, and its Spanish description::

    specialties/addiction:
      reviewed_by: clinician-b
      signed_by: "Example Clinician B, LPC (example)"
      last_reviewed: 2026-12-01
      example_review: true
      description: "Ayuda para la adicción, a su ritmo y sin juicios."

``make sign-off-translation`` writes the review lines (``tools/sign_off.py``); like a
page's sign-off, a translation's counts only while it is its reviewer's own
(``data.sign_offs``): a production build fails on one that is not, naming the line.

Every build reads and checks it (a mistake names the file and the line): the English
build to link each translated page to its Spanish version (``language_links``), the
Spanish build (``-D language=es``) to build only those pages.

- **No half-English pages.** In the Spanish build every other page is left out
  (``exclude_patterns``). A link, card or ``{ref}``/``{term}`` from a Spanish page to
  one of them becomes a link to the English page, marked "(en inglés)"; the menu
  lists only the Spanish pages (a toctree entry to an English-only page is dropped,
  without the warning Sphinx would give).
- **Translations can't go stale in silence.** After Sphinx's ``Locale`` transform,
  every translatable paragraph, heading or list item that it did not translate (no
  entry in the page's catalogue, an empty one, or one marked fuzzy because the
  English changed) is recorded. A production build (``practice_build_for``, see
  ``publishing``) fails on each, naming the page, the line and the paragraph's first
  words, and what to do; a preview builds the page with a Spanish banner and prints
  a notice; ``make check`` lists them under "Not ready to publish".
- The review footer of a Spanish page adds who reviewed the translation and when.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from gettext import NullTranslations
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.errors import ConfigError
from sphinx.locale import init as init_locale
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import docname_join, logging
from sphinx.util.console import bold
from sphinx.util.i18n import docname_to_domain
from sphinx.util.matching import get_matching_files
from sphinx.util.nodes import extract_messages

from upstream import sphinx as upstream_sphinx

from .. import findings, priorities
from .i18n import ENGLISH, _, is_translation, long_date
from ..messages import Subtype, render
from ..checks.prose import line_of
from ..yaml_source import load_with_nodes
from ..build_state import build_state, saved_state
from ..page_state import store
from ..suggestions import did_you_mean

logger = logging.getLogger(__name__)

TRANSLATIONS_FILE = "translations.yaml"
FIELDS = ("reviewed_by", "last_reviewed", "description")
SIGNATURE_FIELDS = ("signed_by", "example_review")  # written by make sign-off-translation
EXAMPLES = {
    "reviewed_by": "  reviewed_by: clinician-b",
    "last_reviewed": "  last_reviewed: 2026-12-01",
    "description": '  description: "Ayuda para la adicción, a su ritmo y sin juicios."',
}
MAX_DESCRIPTION = 160
TWO_SENTENCES = re.compile(r"[.!?][\"'”’)]*\s+[A-ZÁÉÍÓÚÑ¿¡]")
# At most this many paragraphs are named one by one per page; then a count.
STALE_SHOWN = 10
ENGLISH_ONLY_CLASS = "english-only"
UNTRANSLATED_CLASS = "untranslated"


@dataclass(frozen=True)
class Translation:
    """One translated page, as translations.yaml records it."""

    docname: str
    reviewed_by: str | None
    last_reviewed: dt.date | None
    description: str | None
    line: int
    signed_by: str | None = None
    example_review: bool = False
    lines: dict[str, int] | None = None  # the line of each of its fields

    def line_of(self, name: str) -> int:
        return (self.lines or {}).get(name, self.line)


@dataclass(frozen=True)
class Stale:
    """A paragraph (or heading, list item) that the Spanish page shows in English."""

    line: int | None
    words: str


# -- translations.yaml -------------------------------------------------------------------


def translations_path(srcdir: str | os.PathLike, language: str) -> Path:
    return Path(srcdir, "locales", language, TRANSLATIONS_FILE)


def source_docs(srcdir: str | os.PathLike, config: Config) -> dict[str, str]:
    """Every page of the site (the English sources): {docname: file}, as Sphinx finds them."""
    # (MyST adds ".md" to source_suffix late in config-inited: ask the registry too.)
    suffixes = tuple(dict.fromkeys([*config.source_suffix, ".md", ".rst"]))
    found = {}
    for name in get_matching_files(
        srcdir, ["**"], [*config.exclude_patterns, *config.templates_path, "locales"]
    ):
        name = str(name)
        for suffix in suffixes:
            if name.endswith(suffix):
                found[name[: -len(suffix)]] = name
    return found


def load_translations(
    path: Path, pages: set[str], clinicians: list[str], today: dt.date
) -> tuple[dict[str, Translation], list[tuple[int, str]]]:
    """Read translations.yaml: the translated pages and the (line, message) problems.

    A missing file means no translations. A file that is not YAML raises ``ConfigError``.
    """
    if not path.is_file():
        return {}, []
    try:
        data, root = load_with_nodes(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError(
            f"{where}: " + render("translations-bad-yaml", problem=getattr(exc, "problem", None) or exc)
        ) from exc
    if data is None:
        return {}, []
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        return {}, [(1, render("translations-not-mapping"))]
    found: dict[str, Translation] = {}
    problems: list[tuple[int, str]] = []
    for key, value in root.value:
        page, line = str(key.value), key.start_mark.line + 1
        entry = data.get(key.value)
        if page not in pages:
            problems.append(
                (line, render("translation-unknown-page", page=page, hint=did_you_mean(page, pages)))
            )
            continue
        if not isinstance(entry, dict):
            problems.append((line, render("translation-not-mapping", page=page)))
            continue
        lines = (
            {str(k.value): k.start_mark.line + 1 for k, _v in value.value}
            if isinstance(value, yaml.MappingNode)
            else {}
        )
        for field in entry:
            if field not in (*FIELDS, *SIGNATURE_FIELDS):
                problems.append(
                    (
                        lines.get(str(field), line),
                        render(
                            "translation-field-unknown",
                            field=field,
                            hint=did_you_mean(str(field), (*FIELDS, *SIGNATURE_FIELDS)),
                        ),
                    )
                )
        for field in FIELDS:
            if entry.get(field) in (None, ""):
                problems.append(
                    (
                        line,
                        render(
                            "translation-field-missing",
                            page=page,
                            field=field,
                            example=EXAMPLES[field].strip(),
                        ),
                    )
                )
        reviewer = entry.get("reviewed_by")
        if reviewer not in (None, "") and reviewer not in clinicians:
            problems.append(
                (
                    lines.get("reviewed_by", line),
                    render(
                        "translation-reviewer-unknown",
                        page=page,
                        value=reviewer,
                        hint=did_you_mean(str(reviewer), clinicians),
                        known=", ".join(clinicians) or "(none)",
                    ),
                )
            )
            reviewer = None
        day = entry.get("last_reviewed")
        if isinstance(day, dt.datetime):
            day = day.date()
        if day not in (None, "") and (not isinstance(day, dt.date) or day > today):
            problems.append(
                (
                    lines.get("last_reviewed", line),
                    render("translation-date", page=page, value=day, today=today.isoformat()),
                )
            )
            day = None
        description = entry.get("description")
        if description not in (None, ""):
            text = " ".join(str(description).split())
            problem = None
            if len(text) > MAX_DESCRIPTION:
                problem = f"is {len(text)} characters"
            elif TWO_SENTENCES.search(text):
                problem = "has more than one sentence"
            if problem:
                problems.append(
                    (
                        lines.get("description", line),
                        render("translation-description", page=page, problem=problem),
                    )
                )
            description = text
        signed_by = entry.get("signed_by")
        example_review = entry.get("example_review", False)
        if not isinstance(example_review, bool):
            problems.append(
                (
                    lines.get("example_review", line),
                    render("translation-example-review", page=page, value=example_review),
                )
            )
            example_review = False
        found[page] = Translation(
            page,
            reviewer or None,
            day or None,
            description or None,
            line,
            " ".join(str(signed_by).split()) if signed_by else None,
            example_review,
            lines,
        )
    if found and "index" not in found:
        problems.append((1, render("translation-no-home")))
    return found, problems


def translations(app: Sphinx, language: str) -> dict[str, Translation]:
    """The pages translated into ``language`` (read and checked once per build)."""
    return build_state(app).translations.get(language, {})


def site_languages_in(srcdir: str | os.PathLike) -> list[str]:
    """The languages the site is translated into: each folder of locales/ with a translations.yaml."""
    root = Path(srcdir, "locales")
    if not root.is_dir():
        return []
    return sorted(path.parent.name for path in root.glob(f"*/{TRANSLATIONS_FILE}"))


def site_languages(app: Sphinx) -> list[str]:
    return site_languages_in(app.srcdir)


def english_only(env: BuildEnvironment) -> set[str]:
    """In a translation's build: the site's pages that are not translated (left out)."""
    return saved_state(env).english_only


def on_config_inited(app: Sphinx, config: Config) -> None:
    from ..data.page_metadata import today
    from ..data.practice_data import clinician_by_id

    pages = source_docs(app.srcdir, config)
    state = build_state(app)
    state.source_docs = pages
    clinicians = list(clinician_by_id(config))
    state.translations = {}
    languages = site_languages(app)
    if is_translation(config) and config.language not in languages:
        languages.append(config.language)
    for language in languages:
        path = translations_path(app.srcdir, language)
        found, problems = load_translations(path, set(pages), clinicians, today(config))
        # Each build checks the file, but one message per problem is enough in the log
        # of `make html` (which builds both): the translation's build says it.
        if language == config.language or not is_translation(config):
            for line, message in problems:
                findings.warn(Subtype.translation, message, f"{path}:{line}")
        state.translations[language] = found
    if not is_translation(config):
        return
    translated = translations(app, config.language)
    # Only the translated pages are part of this site (no half-English pages).
    config.exclude_patterns = [
        *config.exclude_patterns,
        *(f"{doc}.*" for doc in sorted(pages) if doc not in translated),
    ]
    # Old addresses: only those of translated pages exist in this site (redirects.py has
    # read redirects.yaml; its checks of the others are the English build's).
    if state.redirects_file is not None:
        kept = {
            old: value for old, value in state.redirects.items() if value[0].partition("#")[0] in translated
        }
        state.redirects = kept
        config.redirects = {old: uri for old, uri in config.redirects.items() if old in kept}
    # A toctree entry for an English-only page is left out of the menu on purpose.
    config.suppress_warnings = [*config.suppress_warnings, "toc.excluded"]
    if hasattr(config, "notfound_context"):
        config.notfound_context = {**config.notfound_context, "title": _("Page not found")}
    if not config.html_baseurl:
        # A local build: the translation sits in a folder of the English site (_build/html/es).
        for name in ("site_url", "ogp_site_url"):
            if getattr(config, name, None):
                setattr(config, name, getattr(config, name).rstrip("/") + f"/{config.language}/")
        if hasattr(config, "notfound_urls_prefix"):
            prefix = (config.notfound_urls_prefix or "/").rstrip("/")
            config.notfound_urls_prefix = f"{prefix}/{config.language}/"


# -- Links to the English-only pages ---------------------------------------------------------

HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$")
LABEL = re.compile(r"^\((?P<label>[^()\s]+)\)=\s*$")
GLOSSARY_START = re.compile(r"^(`{3,}|:{3,})\{glossary\}")


@dataclass
class EnglishIndex:
    """What the translation needs to know of the pages it leaves out: their titles,
    labels and glossary terms, read from their sources (they are not built here)."""

    titles: dict[str, str]
    labels: dict[str, tuple[str, str, str]]  # label -> (docname, anchor, heading)
    terms: dict[str, tuple[str, str, str]]  # term, lower case -> (docname, anchor, term)


def english_index(srcdir: str | os.PathLike, docs: dict[str, str]) -> EnglishIndex:
    index = EnglishIndex({}, {}, {})
    for docname, name in docs.items():
        try:
            lines = Path(srcdir, name).read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        fence = None
        for number, line in enumerate(lines):
            if fence is None and (heading := HEADING.match(line)):
                index.titles.setdefault(docname, heading[1])
            if label := LABEL.match(line):
                heading = next(
                    (
                        HEADING.match(after)
                        for after in lines[number + 1 : number + 3]
                        if HEADING.match(after)
                    ),
                    None,
                )
                index.labels[label["label"].lower()] = (
                    docname,
                    label["label"],
                    heading[1] if heading else label["label"],
                )
            if fence is None and (start := GLOSSARY_START.match(line)):
                fence = start[1]
            elif fence is not None and line.startswith(fence[:3]) and not line.strip(fence[0]):
                fence = None
            elif fence is not None and line.strip() and not line[0].isspace() and not line.startswith(":"):
                term = line.strip()
                index.terms[term.lower()] = (docname, upstream_sphinx.glossary_term_id(term), term)
    return index


def root_from_base(base: str, current: str, language: str) -> str:
    """The address of ``language``'s site, from the address of this one (``base``)."""
    base = base.rstrip("/") + "/"
    segment = re.compile(rf"/{re.escape(current)}/(?=[^/]+/$)")
    if segment.search(base):  # Read the Docs: .../en/latest/ and .../es/latest/
        return segment.sub(f"/{language}/", base, count=1)
    # No language in the address: the translation lives in a folder of the English site.
    english = base if current == ENGLISH else base.removesuffix(f"{current}/")
    return english if language == ENGLISH else f"{english}{language}/"


def language_root(config: Config, language: str) -> str:
    """The address of ``language``'s site: absolute when the build knows its own
    (Read the Docs: .../en/latest/ and .../es/latest/), else relative to this site's root."""
    current = config.language or ENGLISH
    if config.html_baseurl:
        return root_from_base(config.html_baseurl, current, language)
    if language == current:
        return ""
    return "../" if language == ENGLISH else ("../" if current != ENGLISH else "") + f"{language}/"


def page_in_language(config: Config, from_docname: str, docname: str, language: str, anchor: str = "") -> str:
    """The link from ``from_docname`` (in this build) to ``docname`` in ``language``'s site."""
    root = language_root(config, language)
    hash_ = f"#{anchor}" if anchor else ""
    if re.match(r"^[a-z]+://", root):
        return f"{root}{docname}.html{hash_}"
    # Relative: from the page's folder, as short as it can be (pages must stay light).
    return posixpath.relpath(f"{root}{docname}.html", posixpath.dirname(from_docname) or ".") + hash_


def english_link(
    config: Config, from_docname: str, docname: str, anchor: str, content: list[nodes.Node]
) -> nodes.reference:
    link = nodes.reference(
        "",
        "",
        refuri=page_in_language(config, from_docname, docname, ENGLISH, anchor),
        internal=False,
        classes=[ENGLISH_ONLY_CLASS],
    )
    link.extend(content)
    link += nodes.Text(" ")
    link += nodes.inline("", _("(in English)"), classes=["english-only-note"])
    return link


class EnglishOnlyLinks(SphinxPostTransform):
    """In a translation: links to pages left out of it lead to the English page, marked so.

    Before MyST's and Sphinx's resolvers (priorities 9 and 10), which would warn that the
    page does not exist.
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        if not is_translation(self.config) or not english_only(self.env):
            return
        index = saved_state(self.env).english_index
        assert index is not None, "translation.on_builder_inited makes it with english_only"
        left_out = english_only(self.env)
        std = self.env.domains.standard_domain
        docname = self.env.docname
        for node in list(self.document.findall(addnodes.pending_xref)):
            domain, kind, target = node.get("refdomain"), node.get("reftype"), node.get("reftarget", "")
            found: tuple[str, str, str] | None = None  # docname, anchor, implicit text
            if domain == "doc" and kind == "myst" and target in left_out:
                found = (target, node.get("reftargetid") or "", index.titles.get(target, target))
            elif domain == "std" and kind == "doc":
                doc = (
                    target.removeprefix("/")
                    if target.startswith("/")
                    else docname_join(node.get("refdoc", docname), target)
                )
                if doc in left_out:
                    found = (doc, "", index.titles.get(doc, doc))
            elif (
                domain == "std"
                and kind == "ref"
                and target.lower() not in std.labels
                and target.lower() in index.labels
            ):
                found = index.labels[target.lower()]
            elif (
                domain == "std"
                and kind == "term"
                and target.lower() not in std._terms
                and target.lower() in index.terms
            ):
                found = index.terms[target.lower()]
            if found is None:
                continue
            doc, anchor, implicit = found
            if node.get("refexplicit") or kind == "term":
                content = [child.deepcopy() for child in node.children]
            else:
                content = [nodes.inline(implicit, implicit)]
            link = english_link(self.config, node.get("refdoc", docname), doc, anchor, content)
            node.replace_self(link)
            card_title = _card_title(link)
            if card_title is not None:
                # A card is a link as a whole, with its text hidden: say it in its title too.
                card_title += nodes.Text(" ")
                card_title += nodes.inline("", _("(in English)"), classes=["english-only-note"])


def _card_title(node: nodes.Node) -> nodes.Element | None:
    """The title of the sphinx-design card that ``node`` is the link of, if it is one."""
    parent = node.parent
    while parent is not None and "sd-card" not in parent.get("classes", ()):
        parent = parent.parent
    if parent is None:
        return None
    return next(
        iter(
            parent.findall(lambda n: isinstance(n, nodes.Element) and "sd-card-title" in n.get("classes", ()))
        ),
        None,
    )


def on_builder_inited(app: Sphinx) -> None:
    saved = saved_state(app.env)
    if not is_translation(app.config):
        saved.english_only, saved.english_index = set(), None
        return
    docs = build_state(app).source_docs
    translated = translations(app, app.config.language)
    left_out = {doc: name for doc, name in docs.items() if doc not in translated}
    saved.english_only = set(left_out)
    saved.english_index = english_index(app.srcdir, left_out)


# -- Stale translations -----------------------------------------------------------------------


def _store(env: BuildEnvironment) -> dict[str, list[Stale]]:
    return store(env, "stale_translations")


def catalogue_file(config: Config, docname: str) -> str:
    domain = docname_to_domain(docname, config.gettext_compact)
    return f"{config.locale_dirs[0]}/{config.language}/LC_MESSAGES/{domain}.po"


def _first_words(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def catalogue_messages(app: Sphinx, docname: str) -> dict[str, str]:
    """The translated messages of ``docname``'s catalogue, {English: translation}."""
    config = app.config
    domain = docname_to_domain(docname, config.gettext_compact)
    dirs = [Path(app.srcdir, directory) for directory in config.locale_dirs]
    catalog, has_catalog = init_locale(dirs, config.language, domain)
    merged: dict[str, str] = {}
    if has_catalog:
        chain = []
        current: NullTranslations | None = catalog
        while current is not None:
            chain.append(getattr(current, "_catalog", None) or {})
            current = getattr(current, "_fallback", None)
        for entries in reversed(chain):
            merged |= entries
    return merged


def stale_paragraphs(app: Sphinx, doctree: nodes.document) -> list[Stale]:
    """Every translatable part of the page that the Locale transform left in English."""
    merged = catalogue_messages(app, app.env.docname)
    found = []
    for node, message in extract_messages(doctree):
        if isinstance(node, addnodes.translatable):
            translated = bool(merged.get(message, "").strip())
        else:
            translated = bool(node.get("translated"))
        if not translated and re.search(r"[A-Za-z]", message):
            found.append(Stale(line_of(node), _first_words(node.astext() or message)))
            if isinstance(node, nodes.Element) and not isinstance(node, addnodes.translatable):
                # In a preview: lang="en" for screen readers, and a dashed line for the translator.
                node["classes"] += ["language-en", UNTRANSLATED_CLASS]
    return found


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    if not is_translation(app.config):
        return
    stale = stale_paragraphs(app, doctree)
    if stale:
        _store(app.env)[app.env.docname] = stale
    else:
        _store(app.env).pop(app.env.docname, None)


def stale_messages(app: Sphinx) -> dict[str, list[tuple[int | None, str]]]:
    """Each Spanish page with paragraphs left in English: [(line, message)], for the log
    and `make check`."""
    env = app.env
    result = {}
    for docname, stale in sorted(_store(env).items()):
        if docname not in env.found_docs:
            continue
        page = env.doc2path(docname, False)
        catalogue = catalogue_file(app.config, docname)
        messages = [
            (item.line, render("translation-stale", page=page, words=item.words, catalogue=catalogue))
            for item in stale[:STALE_SHOWN]
        ]
        if len(stale) > STALE_SHOWN:
            messages.append(
                (
                    stale[STALE_SHOWN].line,
                    render(
                        "translation-stale-more",
                        page=page,
                        count=len(stale) - STALE_SHOWN,
                        catalogue=catalogue,
                    ),
                )
            )
        result[docname] = messages
    return result


def translation_gap(config: Config, entry: Translation) -> str | None:
    """Why the translation's sign-off does not count (``data.sign_offs``), or ``None``."""
    from ..data.sign_offs import SignOff, sign_off_gap

    return sign_off_gap(
        SignOff(entry.reviewed_by, entry.signed_by, entry.example_review),
        config.practice_signatures,
        config.practice_is_example,
        public=config.practice_build_for == "production",
    )


def translation_sign_off_messages(app: Sphinx) -> list[tuple[str, int, str]]:
    """(file, line, message) for each translation whose sign-off is not its reviewer's own."""
    from ..data.practice_data import clinician_by_id
    from ..data.sign_offs import EXAMPLE_REVIEW, OTHER_PERSON

    config = app.config
    path = translations_path(app.srcdir, config.language)
    found = []
    for docname, entry in sorted(translations(app, config.language).items()):
        gap = translation_gap(config, entry)
        if not gap or not entry.reviewed_by:
            continue
        person = clinician_by_id(config).get(entry.reviewed_by, {})
        key = {OTHER_PERSON: "translation-other-person", EXAMPLE_REVIEW: "translation-example-sign-off"}.get(
            gap, "translation-unsigned"
        )
        found.append(
            (
                str(path),
                entry.line_of("signed_by" if entry.signed_by else "reviewed_by"),
                render(
                    key,
                    page=docname,
                    signed=entry.signed_by or "",
                    reviewer=entry.reviewed_by,
                    name=person.get("name", entry.reviewed_by),
                    now=config.practice_signatures.get(entry.reviewed_by, ""),
                    language=config.language,
                ),
            )
        )
    return found


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    if not is_translation(app.config):
        return
    if app.config.practice_build_for == "production":
        for docname, messages in stale_messages(app).items():
            for line, message in messages:
                findings.warn(Subtype.translation, message, (docname, line))
        for path, line, message in translation_sign_off_messages(app):
            findings.warn(Subtype.not_ready, message, f"{path}:{line}")
        return
    for docname, stale in sorted(_store(env).items()):
        if docname in env.found_docs:
            where = f"{env.doc2path(docname, False)}:{stale[0].line or 1}"
            logger.info(
                bold(render("translation-stale-notice", where=where, count=len(stale), words=stale[0].words))
            )


# -- The page: banner and the translation's review ----------------------------------------


def spanish_banners(app: Sphinx, pagename: str) -> list[str]:
    """What keeps a translated page from being published, in the page's language: the
    English page's reasons (``publishing.not_ready``, whose banners are in the build's
    language), then the translation's own."""
    from ..messages import MESSAGES
    from ..data.page_metadata import pages
    from ..checks.publishing import not_ready

    info = pages(app.env).get(pagename)
    banners = [reason.banner for reason in not_ready(app.config, pagename, info)] if info else []
    entry = translations(app, app.config.language).get(pagename)
    if entry is not None and translation_gap(app.config, entry):
        banners.append(_(MESSAGES["translation-not-signed-banner"]))
    stale = _store(app.env).get(pagename)
    if stale:
        banners.append(_(MESSAGES["translation-stale-banner"]).format(count=len(stale)))
    return banners


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if not is_translation(app.config):
        return
    # Sphinx's translations.js is for its own search, which the site does not use.
    if "script_files" in context:
        context["script_files"] = [
            script
            for script in context["script_files"]
            if not str(getattr(script, "filename", script)).endswith("translations.js")
        ]
    if doctree is not None:
        context["practice_not_ready"] = spanish_banners(app, pagename)


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """The translation's review, under the page's review footer."""
    if not is_translation(app.config):
        return
    entry = translations(app, app.config.language).get(docname)
    if entry is None or not entry.reviewed_by or not entry.last_reviewed:
        return
    from ..data.practice_data import clinician_by_id

    person = clinician_by_id(app.config).get(entry.reviewed_by)
    if translation_gap(app.config, entry):
        return  # not its reviewer's own sign-off: claim no review
    box = next((n for n in doctree.findall(nodes.container) if "review-footer" in n["classes"]), None)
    if person is None or box is None:
        return
    box += nodes.paragraph(
        text=_("Translation reviewed by {name} on {date}").format(
            name=person["name"], date=long_date(entry.last_reviewed, app.config.language)
        ),
        classes=["review-footer-translation"],
    )


def on_doctree_read_description(app: Sphinx, doctree: nodes.document) -> None:
    """A translated page's description (meta tags, cards, JSON-LD) is its Spanish one."""
    if not is_translation(app.config):
        return
    from ..data.page_metadata import pages

    entry = translations(app, app.config.language).get(app.env.docname)
    info = pages(app.env).get(app.env.docname)
    if entry is None or info is None or not entry.description:
        return
    info.description = entry.description
    app.env.metadata[app.env.docname]["description"] = entry.description


def setup(app: Sphinx) -> None:
    # After practice_data (which loads the clinicians) and before the others read the pages.
    app.connect("config-inited", on_config_inited, priority=priorities.TRANSLATIONS_FILE)
    app.connect("builder-inited", on_builder_inited)
    app.add_post_transform(EnglishOnlyLinks)
    app.connect("doctree-read", on_doctree_read)
    # After page_metadata (400) stores the front matter, before the checks read it.
    app.connect("doctree-read", on_doctree_read_description, priority=priorities.SPANISH_DESCRIPTION)
    app.setup_extension("practice.page_state")
    app.connect("env-updated", on_env_updated)
    # After the review footer (600).
    app.connect("doctree-resolved", on_doctree_resolved, priority=priorities.TRANSLATION_REVIEW)
    # After publishing.py (500), whose banners are English.
    app.connect("html-page-context", on_html_page_context, priority=priorities.SPANISH_BANNERS)
