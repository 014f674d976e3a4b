"""Which Read the Docs plan a build is for, told from the address Read the Docs gives
it: the build log warns (as a notice) where ads would be shown."""

from __future__ import annotations

import pytest

from practice.site.hosting import read_the_docs_plan


@pytest.mark.parametrize(
    "url, plan",
    [
        ("https://example-practice.readthedocs.io/en/latest/", "community"),
        ("https://example-practice--12.org.readthedocs.build/en/12/", "community"),
        ("https://example-practice.readthedocs-hosted.com/en/latest/", "business"),
        ("https://example-practice--12.com.readthedocs.build/en/12/", "business"),
        ("https://www.example-practice.com/en/latest/", "custom-domain"),
    ],
)
def test_the_plan_is_told_from_the_address(url, plan):
    assert read_the_docs_plan({"READTHEDOCS": "True", "READTHEDOCS_CANONICAL_URL": url}) == plan


def test_outside_read_the_docs_there_is_no_plan():
    assert read_the_docs_plan({"READTHEDOCS_CANONICAL_URL": "https://x.readthedocs.io/"}) is None
