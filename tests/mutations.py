"""Broken files for fuzzing the loaders: valid files, damaged the ways real files get damaged.

A broken file starts from a valid one (the example session or a built-in questionnaire). Its
JSON is changed first (fields deleted, renamed or duplicated, wrong types, nulls everywhere,
NaN, huge numbers, huge strings, deep nesting, long lists), then its bytes (wrong encodings,
truncation, flipped bits, inserted or overwritten garbage).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from factories import individual_example
from hostile import HOSTILE_TEXTS
from hypothesis import strategies as st

from partnerworkshop.model.session import Session
from partnerworkshop.model.storage import session_to_json
from partnerworkshop.resources import resource_path

Node = Any
NodePath = tuple[str | int, ...]


class Raw:
    """JSON text written into the file as it is: what the json module would never write."""

    def __init__(self, text: str) -> None:
        self.text = text


def to_json_text(tree: Node, ensure_ascii: bool = False) -> str:
    """The tree as JSON text on one line (the json module is fastest without indentation)."""
    raws: list[str] = []

    def hold(node: object) -> str:
        if not isinstance(node, Raw):
            raise TypeError(type(node).__name__)
        raws.append(node.text)
        return f"\x00raw-{len(raws) - 1}\x00"

    text = json.dumps(tree, ensure_ascii=ensure_ascii, allow_nan=True, default=hold)
    for index, raw in enumerate(raws):
        text = text.replace(json.dumps(f"\x00raw-{index}\x00"), raw, 1)
    return text


@dataclass(frozen=True, repr=False)
class Seed:
    """A valid file to start from: its bytes, its JSON and the path of every node in it."""

    name: str
    data: bytes
    tree: Node
    paths: tuple[NodePath, ...]

    @property
    def positions(self) -> st.SearchStrategy[int]:
        """Where in the file a change goes: the index of one of its nodes."""
        return _positions(len(self.paths))

    def __repr__(self) -> str:
        return f"Seed({self.name!r})"


@functools.cache
def _positions(count: int) -> st.SearchStrategy[int]:
    return st.integers(0, count - 1)


def _paths(tree: Node) -> tuple[NodePath, ...]:
    found: list[NodePath] = []
    stack: list[tuple[NodePath, Node]] = [((), tree)]
    while stack:
        path, node = stack.pop()
        found.append(path)
        if isinstance(node, dict):
            stack.extend(((*path, key), child) for key, child in node.items())
        elif isinstance(node, list):
            stack.extend(((*path, index), child) for index, child in enumerate(node))
    return tuple(sorted(found, key=lambda path: [str(part) for part in path]))


def load_seed(*parts: str) -> Seed:
    data = resource_path(*parts).read_bytes()
    tree = json.loads(data)
    return Seed(parts[-1], data, tree, _paths(tree))


def session_seed(name: str, session: Session) -> Seed:
    data = session_to_json(session).encode("utf-8")
    tree = json.loads(data)
    return Seed(name, data, tree, _paths(tree))


EXAMPLE_SESSION = load_seed("examples", "northwind-contoso.pws.json")
# The example with Northwind's representatives answering individually and anonymously.
INDIVIDUAL_SESSION = session_seed("individual answers", individual_example(anonymous=True))
TEMPLATES = (
    load_seed("templates", "partnership-meaning.json"),
    load_seed("templates", "partnership-meaning-short.json"),
)


# --- changes to the JSON ------------------------------------------------------------------


def _existing(tree: Node, path: NodePath) -> NodePath:
    """The longest start of ``path`` that is still in the tree (earlier changes may cut it)."""
    node = tree
    for depth, key in enumerate(path):
        in_object = isinstance(node, dict) and isinstance(key, str) and key in node
        in_list = isinstance(node, list) and isinstance(key, int) and key < len(node)
        if not (in_object or in_list):
            return path[:depth]
        node = node[key]
    return path


def _replaced(tree: Node, path: NodePath, change: Callable[[Node], Node]) -> Node:
    """A copy of the tree with the node at ``path`` changed; only nodes on the way are copied."""
    if not path:
        return change(tree)
    key, rest = path[0], path[1:]
    copy: Any = dict(tree) if isinstance(tree, dict) else list(tree)
    copy[key] = _replaced(tree[key], rest, change)
    return copy


def _nulls_everywhere(node: Node) -> Node:
    if isinstance(node, dict):
        return {key: _nulls_everywhere(child) for key, child in node.items()}
    if isinstance(node, list):
        return [_nulls_everywhere(child) for child in node]
    return None


def _other_type(node: Node) -> Node:
    """The same content as another JSON type: numbers as text, text as numbers, and so on."""
    if isinstance(node, bool):
        return "true" if node else 0
    if isinstance(node, int | float):
        return str(node)
    if isinstance(node, str):
        return int(node) if node.isdigit() and len(node) < 100 else len(node)
    if node is None:
        return "null"
    if isinstance(node, list):
        return {str(index): child for index, child in enumerate(node)}
    if isinstance(node, dict):
        return list(node.values())
    return node


def _object_text(pairs: list[tuple[str, Node]]) -> Raw:
    """A JSON object that may hold the same key twice."""
    members = (f"{json.dumps(key)}: {to_json_text(value)}" for key, value in pairs)
    return Raw("{" + ", ".join(members) + "}")


def _nested(depth: int, opening: str) -> Raw:
    closing = {"[": "]", '{"a": ': "}"}[opening]
    return Raw(opening * depth + "0" + closing * depth)


FIXED_VALUES: list[Node] = [
    None,
    True,
    False,
    0,
    -1,
    1.5,
    2**63,
    -(2**64),
    10**300,
    math.nan,
    math.inf,
    -math.inf,
    "",
    " ",
    "null",
    "1",
    "#1F5F8B",
    "2026-02-30",
    "9999-99-99T99:99:99",
    "../../etc/passwd",
    "scale",
    [],
    {},
    [None],
    [[]],
    {"": None},
    {"__class__": "os.system", "args": ["echo"]},
    {"py/object": "subprocess.Popen"},
    "!!python/object/apply:os.system ['echo']",
    "__import__('os').system('echo')",
    Raw("1" + "0" * 4300),
    Raw("-" + "9" * 5000),
    Raw("1e999"),
    Raw("-1e999"),
    Raw("1" + "0" * 400 + ".5e-10"),
    Raw("NaN"),
    Raw("-Infinity"),
    Raw('"\\ud800"'),
    Raw('"a\\udc00b"'),
    Raw('"\\ud83d\\ude00"'),
    Raw('"\\u0000"'),
    *HOSTILE_TEXTS.values(),
]

huge_strings = st.builds(
    lambda piece, count: piece * count,
    st.sampled_from(["x", "\u202e", "🤝", "e\u0301", "\\", '"', "\x00", "<b>"]),
    st.sampled_from([501, 10_001, 100_001, 400_000]),
)
deep_nesting = st.builds(
    _nested, st.sampled_from([30, 200, 900, 990, 3_000, 100_000]), st.sampled_from(["[", '{"a": '])
)
long_lists = st.builds(
    lambda item, count: [item] * count,
    st.sampled_from([None, 0, "name", "x", {}, [], {"what": "x"}]),
    st.sampled_from([22, 1_001, 100_000]),
)
hostile_values: st.SearchStrategy[Node] = st.one_of(
    st.sampled_from(FIXED_VALUES),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    huge_strings,
    deep_nesting,
    long_lists,
    st.dictionaries(st.text(max_size=8), st.none() | st.integers(), max_size=3),
)


CHANGES = st.sampled_from(
    [
        "replace",
        "other type",
        "delete",
        "nulls everywhere",
        "duplicate key",
        "rename key",
        "extra key",
        "repeat",
    ]
)
REPEATS = st.sampled_from([2, 3, 1_000])
NEW_KEYS = st.sampled_from(
    ["", "x" * 1_000, "\u202etitle", "line\nbreak", "\ud800", "FORMAT", "format", "value"]
) | st.text(max_size=10)
DUPLICATE_VALUES = st.none() | hostile_values


@st.composite
def changed_tree(draw: st.DrawFn, seed: Seed) -> Node:
    """The seed's JSON with one to four changes, each somewhere in the file."""
    tree = seed.tree
    for _ in range(draw(st.integers(1, 4))):
        path = _existing(tree, seed.paths[draw(seed.positions)])
        parent_path, key = (path[:-1], path[-1]) if path else ((), None)
        change = draw(CHANGES)
        if change == "replace" or key is None:
            value = draw(hostile_values)
            tree = _replaced(tree, path, lambda _, value=value: value)
        elif change == "other type":
            tree = _replaced(tree, path, _other_type)
        elif change == "nulls everywhere":
            tree = _replaced(tree, path, _nulls_everywhere)
        elif change == "delete":
            tree = _replaced(tree, parent_path, lambda parent, key=key: _without(parent, key))
        elif change == "repeat":
            times = draw(REPEATS)
            tree = _replaced(
                tree, parent_path, lambda parent, k=key, t=times: _repeat(parent, k, t)
            )
        else:
            new_key = draw(NEW_KEYS)
            duplicate = draw(DUPLICATE_VALUES)
            tree = _replaced(
                tree,
                parent_path,
                lambda parent, k=key, c=change, n=new_key, d=duplicate: _with_key(
                    parent, k, c, n, d
                ),
            )
    return tree


def _without(parent: Node, key: str | int) -> Node:
    if isinstance(parent, dict):
        return {name: child for name, child in parent.items() if name != key}
    if isinstance(parent, list):
        return [child for index, child in enumerate(parent) if index != key]
    return parent


def _repeat(parent: Node, key: str | int, times: int) -> Node:
    if isinstance(parent, list):
        index = int(key)
        return parent[:index] + [parent[index]] * times + parent[index + 1 :]
    return parent


def _with_key(parent: Node, key: str | int, change: str, new_key: str, duplicate: Node) -> Node:
    if not isinstance(parent, dict):
        return parent
    pairs = list(parent.items())
    if change == "duplicate key":
        original = parent[key]
        pairs.append((str(key), original if duplicate is None else duplicate))
        return _object_text(pairs)
    if change == "rename key":
        return {(new_key if name == key else name): child for name, child in pairs}
    return {**parent, new_key: duplicate}


# --- changes to the bytes -----------------------------------------------------------------

ENCODINGS = st.sampled_from(
    [
        "utf-8",
        "utf-8",
        "utf-8",
        "utf-8-sig",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "latin-1",
        "cp1252",
        "ascii",
    ]
)
DAMAGES = st.sampled_from(["truncate", "flip", "insert", "delete", "overwrite", "garbage"])
LEVELS = st.sampled_from(["json", "json", "bytes", "json and bytes"])
FLIPS = st.integers(1, 255)
DELETIONS = st.integers(1, 64)
SHORT_GARBAGE = st.binary(min_size=1, max_size=64)
GARBAGE = st.binary(max_size=512)


def encoded(text: str, encoding: str) -> bytes:
    """The text in the encoding; characters it cannot hold (lone surrogates in any) become "?"."""
    return text.encode(encoding, errors="replace")


@st.composite
def damaged_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """The bytes with zero to three kinds of damage."""
    for _ in range(draw(st.integers(0, 3))):
        size = len(data)
        position = draw(st.integers(0, size))
        damage = draw(DAMAGES)
        if damage == "truncate":
            data = data[:position]
        elif damage == "flip" and size:
            at = min(position, size - 1)
            data = data[:at] + bytes([data[at] ^ draw(FLIPS)]) + data[at + 1 :]
        elif damage == "insert":
            data = data[:position] + draw(SHORT_GARBAGE) + data[position:]
        elif damage == "delete":
            data = data[:position] + data[position + draw(DELETIONS) :]
        elif damage == "overwrite":
            garbage = draw(SHORT_GARBAGE)
            data = data[:position] + garbage + data[position + len(garbage) :]
        elif damage == "garbage":
            data = draw(GARBAGE)
    return data


@st.composite
def broken_files(draw: st.DrawFn, seeds: tuple[Seed, ...]) -> tuple[Seed, bytes]:
    """A seed and a broken (or, by chance, still valid) version of its file."""
    seed = draw(st.sampled_from(seeds))
    level = draw(LEVELS)
    if level == "bytes":
        data = seed.data
    else:
        tree = draw(changed_tree(seed))
        text = to_json_text(tree, ensure_ascii=draw(st.booleans()))
        data = encoded(text, draw(ENCODINGS))
    if level != "json":
        data = draw(damaged_bytes(data))
    return seed, data
