"""Fewer full garbage collections while the site builds.

A build keeps every page's document tree in memory, and docutils makes many small
reference cycles as it parses. With Python's usual settings, the collector walks the
whole, growing heap again and again. With the thresholds below, a young collection
comes after 5,000 allocations instead of 700, and full collections almost never.

Measured gain (``bench/parts.py``, 2 December 2026, 2 cores, clean builds): at 1000
pages 21.4 s instead of 22.7 s and 20.8 s instead of 22.2 s (6%), for 37 MiB more
peak memory (287 against 250 MiB); at 300 pages 3% (7.3 s against 7.5 s). Small, but
steady, at the size the README promises, and it uses only the ``gc`` module's public
settings. Python's usual thresholds come back when the build ends, for whatever runs
next in the same process (tests). ``tests/test_garbage_collection.py`` checks both.
"""

from __future__ import annotations

import gc

from sphinx.application import Sphinx
from .. import priorities
from ..build_state import build_state

# Collect the youngest objects after 5,000 allocations (Python's default: 700), and
# the oldest only after 1,000 collections of the middle generation (default: 10).
BUILD_THRESHOLDS = (5_000, 10, 1_000)


def on_builder_inited(app: Sphinx) -> None:
    build_state(app).gc_thresholds = gc.get_threshold()
    gc.set_threshold(*BUILD_THRESHOLDS)


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    before = build_state(app).gc_thresholds
    if before is not None:
        gc.set_threshold(*before)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", on_builder_inited)
    # Last of all build-finished handlers: the assets and search steps are part of the build.
    app.connect("build-finished", on_build_finished, priority=priorities.GARBAGE_COLLECTION)
