"""The habits of a kept Python project: the code is linted, formatted and type-checked.

ruff and mypy are pinned with the other test packages and configured in pyproject.toml
(``[tool.ruff]``, ``[tool.mypy]``: mypy reads ``_ext/`` and ``tools/``). To fix what these
tests report:

    .venv/bin/ruff format .         # formats every file
    .venv/bin/ruff check --fix .    # fixes what it can; the rest it names, with the line
    .venv/bin/mypy                  # names each type error, with the line
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

TOOLS = {
    "ruff check": [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
    "ruff format --check": [sys.executable, "-m", "ruff", "format", "--check", "--no-cache", "."],
    "mypy": [sys.executable, "-m", "mypy", "--cache-dir", "/dev/null"],
}


@pytest.mark.parametrize("name", list(TOOLS))
def test_the_code_passes(name):
    result = subprocess.run(TOOLS[name], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, f"{name} found problems:\n{result.stdout}{result.stderr}"
