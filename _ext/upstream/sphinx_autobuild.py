"""sphinx-autobuild's internals that ``make livehtml`` uses, and why (see
``upstream/__init__.py``).

``tools/livehtml.py`` runs each rebuild in a warm build server instead of a new
Python process. sphinx-autobuild has no setting for that, so:

- ``use_builder`` replaces the ``Builder`` name in ``sphinx_autobuild.__main__``,
  which its ``main`` instantiates;
- the replacement subclasses ``Builder`` and its ``__call__`` follows the original's
  steps (pre-build commands, build, post-build commands, "Serving on" line), reading
  the attributes ``sphinx_args``, ``pre_build_commands``, ``post_build_commands``
  and ``uri`` that ``Builder.__init__`` sets;
- ``run_commands`` calls the private ``Builder._run_commands`` for the pre- and
  post-build commands, as the original does.
"""

from __future__ import annotations

from collections.abc import Sequence

from sphinx_autobuild import __main__ as _autobuild_main
from sphinx_autobuild.build import Builder
from sphinx_autobuild.utils import show_command, show_message

__all__ = ["Builder", "show_command", "show_message", "run_commands", "use_builder", "main"]


def run_commands(builder: Builder, commands: Sequence, log_context: str) -> int:
    """Run the pre- or post-build commands as sphinx-autobuild does; their exit code."""
    return builder._run_commands(commands, log_context)


def use_builder(builder_class: type[Builder]) -> None:
    """Make sphinx-autobuild's ``main`` build with ``builder_class``."""
    _autobuild_main.Builder = builder_class


def main(argv: list[str]) -> None:
    _autobuild_main.main(argv)
