"""The test projects made from one template (tests/testroots.py): each case is
complete, its own files win, a missing kept file is named, and no copy of a
template file (or of another case's file) creeps back under tests/roots."""

from __future__ import annotations

from pathlib import Path

import pytest
from testroots import CASES, NOT_CASES, ROOTS, TEMPLATE, Case, lay_out


def test_every_case_laid_out_has_a_conf_py_and_practice_yaml(rootdir):
    for name in CASES:
        for needed in ("conf.py", "practice.yaml"):
            assert (rootdir / f"test-{name}" / needed).is_file(), f"test-{name} has no {needed}"


def test_a_cases_own_file_wins_over_the_template(rootdir):
    template = (TEMPLATE / "index.md").read_bytes()
    assert (rootdir / "test-embed" / "index.md").read_bytes() == (
        ROOTS / "test-embed" / "index.md"
    ).read_bytes()
    assert (rootdir / "test-embed" / "index.md").read_bytes() != template
    assert "extensions = ['myst_parser', 'practice']" in (rootdir / "test-embed" / "conf.py").read_text()
    assert "myst_url_schemes" not in (rootdir / "test-missing-file" / "conf.py").read_text()
    assert (rootdir / "test-metadata-kind" / "topic.md").read_text().startswith("---\nkind: speciality\n")


def test_a_case_naming_a_missing_file_fails_with_the_file_named(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"'embed' .* keeps tests/roots/test-embed/nowhere\.md"):
        lay_out("embed", tmp_path / "embed", Case(kept=("index.md", "nowhere.md")))


def test_every_folder_under_roots_is_a_case_and_every_file_in_it_is_kept():
    folders = {path.name for path in ROOTS.iterdir() if path.is_dir()} - set(NOT_CASES)
    unused = sorted(folders - {f"test-{name}" for name in CASES})
    assert unused == [], "folders under tests/roots that no case in tests/testroots.py uses"
    for name, case in CASES.items():
        own = ROOTS / f"test-{name}"
        for path in own.rglob("*") if own.is_dir() else ():
            parts = path.relative_to(own).parts
            kept = any("/".join(parts[:n]) in case.kept for n in range(1, len(parts) + 1))
            assert kept, f"{path} is not in the kept files of the case {name!r}"


def files_under_roots() -> list[Path]:
    return [
        path
        for path in ROOTS.rglob("*")
        if path.is_file()
        and path.relative_to(ROOTS).parts[0] != "template"
        and "__pycache__" not in path.parts
    ]


def test_no_file_under_roots_is_a_copy_of_a_template_file_or_of_another():
    template = {path.read_bytes(): path.name for path in TEMPLATE.iterdir()}
    seen: dict[bytes, Path] = {}
    for path in files_under_roots():
        text = path.read_bytes()
        assert text not in template, f"{path} is a copy of the template's {template[text]}: delete it"
        assert text not in seen, f"{path} is a copy of {seen[text]}: keep one"
        seen[text] = path
    for name, case in CASES.items():
        for page, text in case.files.items():
            assert text.encode() not in template, f"the case {name!r} writes {page} as in the template"
