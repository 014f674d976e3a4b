"""Shared test fixtures.

- ``site``: the real site, built once per test session with the strict options
  into a temporary folder, as `make html` builds it: English, and the Spanish site
  in its ``es/`` folder; tests read its HTML (``SPANISH`` is that folder's name).
- ``page``: a function giving a built page parsed with BeautifulSoup.
- ``site_copy``: a copy of the site's files to change; ``launched_copy``: such a copy
  made a real practice's site (tests/launch.py).
- Sphinx's own testing fixtures (``make_app``, ``app``, ``warning``) for the small
  test projects; ``rootdir``: the folder they copy them from, every case of
  tests/testroots.py laid out once per session.
"""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytest_plugins = ["sphinx.testing.fixtures"]

ROOT = Path(__file__).resolve().parent.parent
# The test projects (tests/testroots.py) load the site's extension by name: ["practice"].
sys.path.insert(0, str(ROOT / "_ext"))


@pytest.fixture(scope="session")
def rootdir(tmp_path_factory) -> Path:
    """A folder of test-NAME projects, each tests/roots/template plus the case's own files."""
    from testroots import lay_out_all

    return lay_out_all(tmp_path_factory.mktemp("roots"))


def build_site(
    out: Path, *extra: str, env: dict | None = None, source: Path = ROOT
) -> subprocess.CompletedProcess:
    """Build the real site (or a copy of it in ``source``) with the strict options into ``out``."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-nW",
            "--keep-going",
            "-d",
            str(out / ".doctrees"),
            *extra,
            str(source),
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=source,
    )


SPANISH = "es"


def build_spanish(
    out: Path, *extra: str, env: dict | None = None, source: Path = ROOT
) -> subprocess.CompletedProcess:
    """Build the Spanish site (``-D language=es``) into ``out`` (``site/es``, as make html)."""
    return build_site(out, "-D", f"language={SPANISH}", *extra, env=env, source=source)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> subprocess.CompletedProcess:
    out = tmp_path_factory.mktemp("site")
    result = build_site(out)
    if result.returncode == 0:
        spanish = build_spanish(out / SPANISH)
        result.returncode = spanish.returncode
        result.stdout += spanish.stdout
        result.stderr += spanish.stderr
    result.out = out
    return result


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (Playwright allows one per process)."""
    from browser import LAUNCH_ARGS, chromium

    path = chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    """The folder of the built site; fails the test if the build did not pass."""
    assert site_build.returncode == 0, f"the site build failed:\n{site_build.stderr}"
    return site_build.out


@pytest.fixture(scope="session")
def page(site):
    cache: dict[str, BeautifulSoup] = {}

    def parse(name: str) -> BeautifulSoup:
        if name not in cache:
            cache[name] = BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")
        return cache[name]

    return parse


# Not part of the site's source: left out when the site is copied for a test.
NOT_SITE = (".git", ".venv", "_build", ".pytest_cache", "__pycache__", "node_modules", "bench")


@pytest.fixture
def site_copy(tmp_path) -> Path:
    """A copy of the site's files (not .venv or _build) in a temporary folder, for
    tests that change pages or build incrementally."""
    import shutil

    dest = tmp_path / "site"
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(*NOT_SITE))
    return dest


@pytest.fixture
def launched_copy(site_copy) -> Path:
    """A copy of the site made the practice's own (tests/launch.py): its details from
    make setup, every page and translation signed off by the new clinicians."""
    from launch import launch

    return launch(site_copy)


@pytest.fixture(scope="module", autouse=True)
def stop_leftover_worker_processes():
    """Stop the helper processes that in-process Sphinx builds leave behind.

    sphinx-sitemap starts a multiprocessing Manager for every build. Its forked
    process inherits this process's open pipes, including the one to the browser
    driver, so the browser fixture would wait forever for that pipe to close at the
    end of the session. Nothing else uses them once a module's builds are done.
    """
    yield
    for child in multiprocessing.active_children():
        child.terminate()
        child.join(timeout=5)
