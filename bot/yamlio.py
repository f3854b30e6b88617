"""Safe YAML loading that remembers the line and column of every key and value."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:  # the C loader is ~6x faster; fall back to pure Python where libyaml is missing
    SafeLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment,unused-ignore]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    SafeLoader = yaml.SafeLoader

Path_ = tuple[str | int, ...]
MAX_NODES = 2_000_000  # stops alias bombs ("billion laughs") from exhausting memory
STR_TAG = "tag:yaml.org,2002:str"  # what SafeLoader resolves quoted and plain words to


class Mark(NamedTuple):
    """A 1-based position in a file, as editors and compilers count.

    A tuple rather than a dataclass: a big knowledge base makes half a million of them.
    """

    line: int
    column: int


# each mapping's children by their key as paths name it: the key's node and the value's node
_Children = dict[str, tuple[Node, Node]]


@dataclass
class LoadedYaml:
    """Plain Python data plus where each piece of it was written.

    Positions are looked up in the node tree when asked for (validation asks for a few per
    entry), not recorded for every value while the data is built.
    """

    data: Any
    duplicate_keys: list[tuple[Path_, Mark]] = field(default_factory=list)
    root: Node | None = None
    children: dict[int, _Children] = field(default_factory=dict)  # by id() of a MappingNode

    def mark(self, path: Path_) -> Mark:
        """Where `path` was written, or its nearest written ancestor."""
        return _mark(self._find(path)[1])

    def key_mark(self, path: Path_) -> Mark:
        """Where the key of `path` was written (for unknown-key errors)."""
        key, value, found = self._find(path)
        return _mark(key if found and key is not None else value)

    def item_marks(self, path: Path_) -> list[Mark]:
        """Where each item of the list at `path` was written (empty when it is no list)."""
        node, found = self._find(path)[1:]
        if not found or not isinstance(node, SequenceNode):
            return []
        return [_mark(item) for item in node.value]

    def _find(self, path: Path_) -> tuple[Node | None, Node | None, bool]:
        """The key and value nodes of `path`, or those of its nearest ancestor and False."""
        key: Node | None = None
        node = self.root
        for part in path:
            if isinstance(node, MappingNode) and isinstance(part, str):
                pair = self.children[id(node)].get(part)
                if pair is None:
                    return key, node, False
                key, node = pair
            elif (
                isinstance(node, SequenceNode) and type(part) is int and 0 <= part < len(node.value)
            ):
                key, node = None, node.value[part]
            else:
                return key, node, False
        return key, node, True


class YamlSyntaxError(Exception):
    """The text is not YAML we can read; carries the position the parser stopped at."""

    def __init__(self, message: str, mark: Mark) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


def _mark(node: Node | None) -> Mark:
    if node is None:  # an empty document
        return Mark(1, 1)
    start = node.start_mark
    return Mark(start.line + 1, start.column + 1)


class _Builder:
    """Turns a composed node tree into Python data, keeping each mapping's children by key.

    Nodes are visited depth first, each counted as it is reached (aliases expand, so one node
    may be reached many times); only values with a tag other than text go through PyYAML's
    constructor (numbers, dates, true/false, nothing), text is the node's own value.
    """

    def __init__(self, loader: yaml.SafeLoader, result: LoadedYaml) -> None:
        self.loader = loader
        self.result = result
        self.count = 0

    def visit(self, node: Node) -> None:
        """Count a node reached; refuse a document that expands without bound."""
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlSyntaxError(
                "document too large (aliases expanding without bound?)", _mark(node)
            )

    def build(self, node: Node, path: Path_) -> Any:
        """The data of a counted node; `path` names it in duplicate-key problems."""
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.visit(item)
                if isinstance(item, ScalarNode) and item.tag == STR_TAG:
                    items.append(item.value)
                else:
                    items.append(self.build(item, (*path, index)))
            return items
        return self.scalar(node)

    def mapping(self, node: MappingNode, path: Path_) -> dict[Any, Any]:
        self.loader.flatten_mapping(node)  # resolves "<<" merge keys like PyYAML would
        mapping: dict[Any, Any] = {}
        children: _Children = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag == STR_TAG:
                key = name = key_node.value
            else:
                try:
                    key = self.loader.construct_object(key_node, deep=True)
                except ValueError as error:  # "2023-02-30:" looks like a date but is none
                    raise YamlSyntaxError(
                        f"invalid key {key_node.value!r}: {error}", _mark(key_node)
                    ) from None
                if not isinstance(key, str | int | float | bool) and key is not None:
                    raise YamlSyntaxError("mapping keys must be plain values", _mark(key_node))
                name = str(key)
            if key in mapping:
                self.result.duplicate_keys.append(((*path, name), _mark(key_node)))
            children[name] = (key_node, value_node)
            self.visit(value_node)
            if isinstance(value_node, ScalarNode) and value_node.tag == STR_TAG:
                mapping[key] = value_node.value
            else:
                mapping[key] = self.build(value_node, (*path, name))
        self.result.children[id(node)] = children
        return mapping

    def scalar(self, node: Node) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except ValueError as error:  # e.g. 2023-02-30 looks like a date but is none
            raise YamlSyntaxError(f"invalid value {node.value!r}: {error}", _mark(node)) from None


def load_yaml(text: str) -> LoadedYaml:
    """Parse one YAML document safely; raise YamlSyntaxError with a position on any problem."""
    loader = SafeLoader(text)
    result = LoadedYaml(data=None)
    try:
        node = loader.get_single_node()
        if node is not None:
            result.root = node
            builder = _Builder(loader, result)
            builder.visit(node)
            result.data = builder.build(node, ())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
        message = error.problem or error.context or "invalid YAML"
        raise YamlSyntaxError(message, position) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(str(error).splitlines()[0], Mark(1, 1)) from None
    finally:
        loader.dispose()
    return result
