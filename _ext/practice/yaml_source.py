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


def scalar_lines(node: yaml.Node | None, path: str = "") -> list[tuple[str, int, str]]:
    """Every text value under ``node``, as (dotted name, line, text), in file order.

    Names read like ``fees.session``, ``clinicians[0].name``, ``services.approaches[1]``;
    a value in a mapping has the line of its key (where a person looks for it).
    """
    found: list[tuple[str, int, str]] = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = f"{path}.{key.value}" if path else str(key.value)
            if isinstance(value, yaml.ScalarNode):
                found.append((name, key.start_mark.line + 1, str(value.value)))
            else:
                found += scalar_lines(value, name)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            name = f"{path}[{index}]"
            if isinstance(item, yaml.ScalarNode):
                found.append((name, item.start_mark.line + 1, str(item.value)))
            else:
                found += scalar_lines(item, name)
    elif isinstance(node, yaml.ScalarNode):
        found.append((path, node.start_mark.line + 1, str(node.value)))
    return found
