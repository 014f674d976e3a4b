"""Parse YAML that staff write, once, keeping both the values and where each key is.

The checks need the values and the line of each key (to point at mistakes). Parsing
twice (``yaml.compose`` then ``yaml.safe_load``) doubled the cost of every page's
front matter; here one parse gives the node tree (with lines), and the values are
built from it. libyaml's C parser is used when PyYAML has it (the same YAML, several
times faster). When the text is not valid YAML, it is parsed again with PyYAML's own
parser, whose messages say more ("expected ',' or ']', but got ':'") and are the
ones CONTRIBUTING.md shows.
"""

from __future__ import annotations

from typing import Any

import yaml


def _load(text: str, loader_class: type) -> tuple[Any, yaml.Node | None]:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return data, root


def load_with_nodes(text: str) -> tuple[Any, yaml.Node | None]:
    """The values in ``text`` and its root node; raises ``yaml.YAMLError`` if invalid."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return _load(text, fast)
        except yaml.YAMLError:
            pass  # parse again below, for the clearer message
    return _load(text, yaml.SafeLoader)
