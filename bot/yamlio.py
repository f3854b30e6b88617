"""Safe YAML loading that remembers the line and column of every key and value."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the C loader is ~6x faster; fall back to pure Python where libyaml is missing
    SafeLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment,unused-ignore]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    SafeLoader = yaml.SafeLoader

Path_ = tuple[str | int, ...]
MAX_NODES = 2_000_000  # stops alias bombs ("billion laughs") from exhausting memory


@dataclass(frozen=True, order=True)
class Mark:
    """A 1-based position in a file, as editors and compilers count."""

    line: int
    column: int


@dataclass
class LoadedYaml:
    """Plain Python data plus where each piece of it was written."""

    data: Any
    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path_, Mark]] = field(default_factory=list)

    def mark(self, path: Path_) -> Mark:
        """Where `path` was written, or its nearest written ancestor."""
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), Mark(1, 1))

    def key_mark(self, path: Path_) -> Mark:
        """Where the key of `path` was written (for unknown-key errors)."""
        return self.keys.get(path) or self.mark(path)


class YamlSyntaxError(Exception):
    """The text is not YAML we can read; carries the position the parser stopped at."""

    def __init__(self, message: str, mark: Mark) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns a composed node tree into Python data, recording marks on the way."""

    def __init__(self, loader: yaml.SafeLoader, result: LoadedYaml) -> None:
        self.loader = loader
        self.result = result
        self.count = 0

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlSyntaxError(
                "document too large (aliases expanding without bound?)", _mark(node)
            )
        self.result.values[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            mapping: dict[Any, Any] = {}
            self.loader.flatten_mapping(node)  # resolves "<<" merge keys like PyYAML would
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node, deep=True)
                if not isinstance(key, str | int | float | bool) and key is not None:
                    raise YamlSyntaxError("mapping keys must be plain values", _mark(key_node))
                child = (*path, str(key))
                if key in mapping:
                    self.result.duplicate_keys.append((child, _mark(key_node)))
                self.result.keys[child] = _mark(key_node)
                mapping[key] = self.build(value_node, child)
            return mapping
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
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
            result.data = _Builder(loader, result).build(node, ())
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
