"""A build collects garbage less often (garbage_collection.py), then puts Python's
setting back for whatever runs next in the same process."""

from __future__ import annotations

import gc
import shutil

from practice.site import garbage_collection


def collections_during_build(app) -> dict[int, int]:
    """How many collections of each generation the build ran."""
    counts = {0: 0, 1: 0, 2: 0}

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            counts[info["generation"]] += 1

    gc.callbacks.append(count)
    try:
        app.build()
    finally:
        gc.callbacks.remove(count)
    return counts


def test_a_build_collects_garbage_far_less_often_and_restores_the_setting(
    make_app, rootdir, tmp_path, monkeypatch
):
    usual = gc.get_threshold()
    shutil.copytree(rootdir / "test-governance", tmp_path / "tuned")
    tuned = collections_during_build(make_app("html", srcdir=tmp_path / "tuned", freshenv=True))
    assert gc.get_threshold() == usual  # put back for what runs next

    # The same build with Python's usual settings left in place.
    monkeypatch.setattr(garbage_collection, "BUILD_THRESHOLDS", usual)
    shutil.copytree(rootdir / "test-governance", tmp_path / "usual")
    untuned = collections_during_build(make_app("html", srcdir=tmp_path / "usual", freshenv=True))

    assert sum(tuned.values()) * 3 < sum(untuned.values()), (tuned, untuned)
    assert tuned[2] <= untuned[2]
