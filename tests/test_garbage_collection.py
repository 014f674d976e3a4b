"""A build collects garbage less often (garbage_collection.py), then puts Python's
setting back for whatever runs next in the same process."""

from __future__ import annotations

import gc

import pytest

from practice.garbage_collection import BUILD_THRESHOLDS


@pytest.mark.sphinx("html", testroot="governance")
def test_builds_collect_garbage_less_often_and_restore_the_setting(app):
    usual = app.practice_gc_thresholds
    assert usual != BUILD_THRESHOLDS
    during = []
    app.connect("env-updated", lambda _app, _env: during.append(gc.get_threshold()))
    app.build()
    assert during == [BUILD_THRESHOLDS]
    assert gc.get_threshold() == usual
