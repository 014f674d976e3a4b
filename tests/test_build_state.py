"""The build's own state is in one typed place (``practice/build_state.py``).

No module keeps the site's state as a loose ``practice_…`` attribute of Sphinx's
application, environment or builder, looked up with a default that hides a misspelt or
removed name (the live preview's stale menus came from one); a misspelt field of the
typed state fails at once.
"""

from __future__ import annotations

import pickle
import re
import shutil
from pathlib import Path

import pytest

from practice.build_state import BuildState, SavedState, build_state, saved_state

ROOT = Path(__file__).resolve().parent.parent
CODE = sorted([*(ROOT / "_ext").rglob("*.py"), *(ROOT / "tools").rglob("*.py")])


def lines_matching(pattern: str) -> list[str]:
    found = []
    for path in CODE:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(pattern, line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


def test_no_state_is_looked_up_with_a_default_or_kept_as_a_loose_attribute():
    # the issue's check: grep -rnE 'getattr\([^)]*"practice_' _ext tools prints nothing
    assert lines_matching(r'getattr\([^)]*"practice_') == []
    assert lines_matching(r'hasattr\([^)]*"practice_') == []
    assert lines_matching(r"\b(app|env|builder|other)\.practice_\w+") == []


@pytest.mark.parametrize("state", [BuildState(), SavedState()], ids=["build", "saved"])
def test_a_misspelt_field_fails(state):
    with pytest.raises(AttributeError):
        state.navigaton = None  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        state.related_card  # type: ignore[attr-defined]  # noqa: B018


def test_every_field_is_used_by_the_code():
    """A field no module reads any more is removed (so the list says what the build keeps)."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in CODE if path.name != "build_state.py")
    for state in (BuildState, SavedState):
        unused = [name for name in state.__dataclass_fields__ if not re.search(rf"\.{name}\b", text)]
        assert unused == [], f"{state.__name__} fields no module uses"


def test_a_build_keeps_its_state_there_and_the_saved_part_survives_pickling(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "site"
    shutil.copytree(rootdir / "test-reading-level", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    state = build_state(app)
    assert state.redirects_file is not None and state.redirects_file.name == "redirects.yaml"
    assert state.csp and "page" in state.csp
    assert state.pagefind is None  # started and waited for within build-finished
    assert build_state(app) is state
    saved = saved_state(app.env)
    assert saved.english_only == set() and isinstance(saved.related_cards, dict)
    again = pickle.loads(pickle.dumps(saved))
    assert again == saved
