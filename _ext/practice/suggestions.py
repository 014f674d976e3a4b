"""The "did you mean ...?" part of a message: the nearest known name to a mistyped one.

Plain Python, shared by the build and ``tools/``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(value: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known name ``value`` most likely meant, or ``None`` if none is close."""
    match = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=cutoff)
    return match[0] if match else None


def did_you_mean(value: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """' (did you mean 'x'?)' for the nearest name, or '' if none is close."""
    match = closest(value, choices, cutoff)
    return f" (did you mean '{match}'?)" if match else ""
