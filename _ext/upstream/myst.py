"""MyST-Parser's configuration dump, kept out of the build log.

When a build starts, ``myst_parser.sphinx_ext.main.create_myst_config`` logs, at info
level, the whole ``MdParserConfig(...)`` on one line (``"myst v%s: %s"``, with the
config object as an argument), which buries the site's own messages. MyST has no
setting to turn it off, so a logging filter on that module's logger drops that one
record, recognised by its argument, and nothing else. The logger's name is Sphinx's
prefix plus MyST's module name, which MyST does not promise to keep: the guard test
(``tests/test_upstream_guards.py``) builds a page and finds no ``MdParserConfig`` in
its log.
"""

from __future__ import annotations

import logging

from myst_parser.config.main import MdParserConfig

MYST_LOGGER = "sphinx.myst_parser.sphinx_ext.main"


class DropConfigDump(logging.Filter):
    """Drops a record whose arguments hold MyST's configuration."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        return not any(isinstance(arg, MdParserConfig) for arg in args)


def quiet_config_dump() -> None:
    """Install the filter (once per process)."""
    logger = logging.getLogger(MYST_LOGGER)
    if not any(isinstance(existing, DropConfigDump) for existing in logger.filters):
        logger.addFilter(DropConfigDump())
