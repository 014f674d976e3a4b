"""What the extension keeps between the events of a build, in one typed place.

Two kinds of state, each a dataclass with a declared, typed field for every value (and
``slots``, so reading or writing a field that is not declared, a misspelt or removed
one, raises ``AttributeError`` and fails the build or a test instead of quietly giving
a default):

- ``BuildState``, of one build (one Sphinx application): what one event hands to a
  later one of the same build, such as the redirects read at ``config-inited``, the
  Pagefind process started at ``build-finished``, or what the live preview remembers
  of the pages before they are read. Never saved. ``build_state(app)``.
- ``SavedState``, saved with the build environment between builds (so an incremental
  build compares with the last one): the related-topic cards every page showed, and,
  in a translation's build, the pages left in English. ``saved_state(env)``.

Per-page values read from the pages go in ``page_state``'s stores instead (purged and
merged page by page). Raise ``page_state.ENV_VERSION`` when ``SavedState`` changes.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

if TYPE_CHECKING:
    from .languages.translation import EnglishIndex, Translation
    from .page_parts.related_topics import Card
    from .site.navigation import CompactNavigation

BUILD_KEY = "practice_build_state"  # in the application's __dict__
SAVED_KEY = "practice_saved_state"  # in the environment's __dict__ (pickled with it)


@dataclass(slots=True)
class BuildState:
    """The values one build's events hand to each other (see the module's docstring)."""

    # languages/translation.py (config-inited): every page's source file, and each
    # language's translated pages from locales/<language>/translations.yaml
    source_docs: dict[str, str] = field(default_factory=dict)
    translations: dict[str, dict[str, Translation]] = field(default_factory=dict)
    # site/redirects.py (config-inited): redirects.yaml and its redirects
    # {old: (new, line)}; a translation's build keeps only its own pages' (translation.py)
    redirects_file: Path | None = None
    redirects: dict[str, tuple[str, int]] = field(default_factory=dict)
    # site/live_preview.py (env-get-outdated): what other pages showed of each changed
    # page, and the pages added or removed since the last build
    shapes_before: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    pages_added_or_removed: bool = False
    pages_removed: set[str] = field(default_factory=set)
    # site/navigation.py: the compact menu of this build's writing phase (made when first needed)
    navigation: CompactNavigation | None = None
    # site/search.py: the Pagefind process, from its start to its end in build-finished
    pagefind: subprocess.Popen[bytes] | None = None
    # page_parts/csp.py (builder-inited, HTML builders): each page's Content-Security-Policy
    csp: dict[str, str] | None = None
    # checks/publishing.py (builder-inited): conf.py's sitemap exclusions, before the drafts
    sitemap_excludes: list[str] | None = None


@dataclass(slots=True)
class SavedState:
    """The values kept with the environment from one build to the next."""

    # page_parts/related_topics.py: each page's related-topic cards, as last written
    related_cards: dict[str, tuple[Card, ...]] = field(default_factory=dict)
    # languages/translation.py (builder-inited, a translation's build): the pages left
    # in English, and where their headings and glossary terms are
    english_only: set[str] = field(default_factory=set)
    english_index: EnglishIndex | None = None


def build_state(app: Sphinx) -> BuildState:
    """This build's ``BuildState`` (made with the application: see ``setup``)."""
    state = app.__dict__.get(BUILD_KEY)
    if not isinstance(state, BuildState):
        state = app.__dict__[BUILD_KEY] = BuildState()
    return state


def saved_state(env: BuildEnvironment) -> SavedState:
    """The environment's ``SavedState`` (a new one in a new environment)."""
    state = env.__dict__.get(SAVED_KEY)
    if not isinstance(state, SavedState):
        state = env.__dict__[SAVED_KEY] = SavedState()
    return state


def setup(app: Sphinx) -> dict[str, Any]:
    build_state(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
