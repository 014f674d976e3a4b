"""Helpers for the browser tests: find Chromium, serve the built site, list its pages.

- ``chromium()``: the path of Debian's Chromium, or a skip with the reason; with
  ``CI=true`` a missing browser (or Java, for the HTML checker) fails instead, so a
  CI run cannot pass by skipping.
- ``serve(folder)``: a static server on 127.0.0.1 on a free port, in a thread.
- ``site_pages(folder)``: every page the build produced, as paths from the site root
  (not the editor at ``admin/``, which is not a page of the site); ``site_page_paths``,
  the same as paths.
- ``LAUNCH_ARGS``: the Chromium flags that work on this machine (engineering notes).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
EDITOR = "admin"  # the browser editor's folder in the built site (tests/test_editor.py)


def skip_or_fail(reason: str) -> None:
    """Skip with ``reason``; on CI (``CI=true``) fail instead: CI must run every test."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: a skip counts as a failure here)", pytrace=False)
    pytest.skip(reason)


def chromium() -> str:
    for candidate in (os.environ.get("CHROME_PATH"), *CHROMIUM_CANDIDATES):
        if candidate and Path(candidate).is_file():
            return candidate
    skip_or_fail(
        "no Chromium found (looked for /usr/bin/chromium); "
        "install it with `apt-get install chromium` to run the browser tests"
    )
    raise AssertionError("unreachable")


def java() -> str:
    found = shutil.which("java")
    if not found:
        skip_or_fail(
            "no Java found; install it with `apt-get install default-jre-headless` to run the HTML checker"
        )
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base's name)
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a browser closing a connection early is not a test failure


class SiteServer:
    """The built site served on 127.0.0.1 by a thread; ``url(page)`` gives an address."""

    def __init__(self, folder: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self._httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def url(self, page: str = "") -> str:
        return f"{self.origin}/{page}"

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def site_page_paths(folder: Path) -> list[Path]:
    """Every HTML page of the built site, as paths (not the editor, not the assets)."""
    return [folder / name for name in site_pages(folder)]


def site_pages(folder: Path) -> list[str]:
    """Every HTML page of the built site, e.g. ``specialties/addiction.html``."""
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.html")
        if not ({"_static", "_sources", ".doctrees", EDITOR} & set(path.relative_to(folder).parts))
    )
