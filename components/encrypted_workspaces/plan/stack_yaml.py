"""Reading a stack file's YAML as Pulumi does, and refusing what it would refuse or read differently.

Pulumi reads stack files with Go's ``gopkg.in/yaml.v3`` into untyped values, then hands objects to the
program as JSON. PyYAML's own resolver is YAML 1.1, which reads many plain scalars differently, so
this loader resolves plain scalars as yaml.v3 does (``resolve.go``): ``true``/``false`` (3 spellings
each) are booleans, ``~``/``null``/empty are null, integers as Go's ``strconv.ParseInt(s, 0, 64)``
after removing ``_`` (so ``0x1F``, ``0o17``, ``0b11`` and ``017`` are numbers), floats by yaml.v3's
pattern, and everything else is text: ``yes``, ``on``, ``2:00`` and ``2024-01-01`` included (yaml.v3
decodes timestamps into an untyped value as text). A plain scalar that YAML 1.1 readers would read as
something else (a boolean, a sexagesimal number, a date) is refused with "quote it", so that a reader
of the file and Pulumi never disagree on what it says.

Also refused, with the file and line: a key that is not a string, a key given twice (yaml.v3:
"mapping key already defined"), a tag with no JSON form (``!!binary``, ``!!set``, ``!!timestamp``,
``!!omap``, ``!!pairs``, custom tags), a non-finite number (JSON has none), a collection that contains
itself, nesting deeper than ``MAX_DEPTH``, and excessive aliasing (yaml.v3's budget, which stops
"billion laughs"). These checks walk the composed node graph before anything is constructed, without
recursion and memoizing shared (aliased) nodes, so a hostile file costs time and memory in proportion
to its size, not to its expansion. A UTF-8 BOM and CRLF line ends are accepted, as Pulumi accepts them;
bytes that are not UTF-8 are refused naming the file.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# libyaml's C parser and composer when PyYAML has it: a stack with 5,000 users composes in 0.05 s
# instead of 0.8 s.
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from encrypted_workspaces.errors import ConfigError

try:
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML without libyaml
    _Parser = None

# Stack files nest a handful of levels (config, key, a user, a setting); libyaml stops at 1000.
MAX_DEPTH = 64

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
MERGE = "tag:yaml.org,2002:merge"
# A plain scalar that yaml.v3 reads as text and YAML 1.1 as something else: refused by the checks.
YAML11_AMBIGUOUS = "tag:encrypted-workspaces,2026:yaml11-ambiguous"
JSON_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, SEQ, MAP, MERGE, YAML11_AMBIGUOUS})

_V3_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_V3_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_V3_SPECIAL_FLOATS = {
    **dict.fromkeys((".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"), math.inf),
    **dict.fromkeys(("-.inf", "-.Inf", "-.INF"), -math.inf),
    **dict.fromkeys((".nan", ".NaN", ".NAN"), math.nan),
}
# yaml.v3 resolve.go: yamlStyleFloat
_V3_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_GO_INT = re.compile(r"[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)")
_INT64 = (-(2**63), 2**64 - 1)  # ParseInt, then ParseUint

# What YAML 1.1 readers (PyYAML's resolver) read as other than text. (The 1.1 spec's y and n are left
# out, as PyYAML leaves them out: they are common keys, and text to most readers.)
_YAML11_BOOL = frozenset(["yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"])
_YAML11_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_YAML11_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?"
)
_NUMBER_START = frozenset("0123456789+-.")


def _go_int(text: str) -> int | None:
    """``strconv.ParseInt(text, 0, 64)`` (or ParseUint) after yaml.v3 removes underscores, else None."""
    plain = text.replace("_", "")
    if not _GO_INT.fullmatch(plain):
        return None
    sign = -1 if plain[0] == "-" else 1
    digits = plain.lstrip("+-")
    prefix = digits[:2].lower()
    base = {"0x": 16, "0o": 8, "0b": 2}.get(prefix)
    if base:
        value = int(digits[2:], base)
    elif len(digits) > 1 and digits[0] == "0":
        value = int(digits[1:], 8)
    else:
        value = int(digits)
    value *= sign
    return value if _INT64[0] <= value <= _INT64[1] else None


def go_float(text: str) -> float:
    """A float as yaml.v3 reads it (the text is one resolve_plain resolved as FLOAT)."""
    if text in _V3_SPECIAL_FLOATS:
        return _V3_SPECIAL_FLOATS[text]
    return float(text.replace("_", ""))


def resolve_plain(text: str) -> str:
    """The tag yaml.v3 gives a plain scalar (or YAML11_AMBIGUOUS where YAML 1.1 reads it otherwise)."""
    if text in _V3_NULL:
        return NULL
    if text in _V3_BOOL:
        return BOOL
    if text == "<<":
        return MERGE
    if text[0] in _NUMBER_START:
        if text in _V3_SPECIAL_FLOATS:
            return FLOAT
        if _go_int(text) is not None:
            return INT
        if _V3_FLOAT.fullmatch(text.replace("_", "")):
            return FLOAT
        if _YAML11_SEXAGESIMAL.fullmatch(text) or _YAML11_TIMESTAMP.fullmatch(text):
            return YAML11_AMBIGUOUS
        return STR
    if text in _YAML11_BOOL:
        return YAML11_AMBIGUOUS
    return STR


def yaml11_reading(text: str) -> str:
    """What a YAML 1.1 reader makes of a YAML11_AMBIGUOUS scalar, for the error message."""
    if text in _YAML11_BOOL:
        return f"the boolean {'true' if text.lower() in ('yes', 'on') else 'false'}"
    if _YAML11_SEXAGESIMAL.fullmatch(text):
        return "a base-60 number"
    return "a date or timestamp"


class _Resolver(BaseResolver):
    """yaml.v3's resolution of plain scalars; quoted scalars are text; collections are maps and lists."""

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            return resolve_plain(value) if implicit[0] else STR
        return SEQ if kind is SequenceNode else MAP


class _Constructor(yaml.constructor.SafeConstructor):
    """JSON's types only, numbers as yaml.v3 reads them. The checks run before construction."""

    yaml_constructors: dict = {}

    def construct_go_int(self, node: ScalarNode) -> int | float:
        text = self.construct_scalar(node)
        value = _go_int(text)
        return value if value is not None else self.construct_go_float(node)

    def construct_go_float(self, node: ScalarNode) -> float:
        return go_float(self.construct_scalar(node))

    def construct_bool(self, node: ScalarNode) -> bool:
        text = self.construct_scalar(node)
        return _V3_BOOL.get(text, text.lower() in ("yes", "on", "true"))


_Constructor.add_constructor(NULL, yaml.constructor.SafeConstructor.construct_yaml_null)
_Constructor.add_constructor(BOOL, _Constructor.construct_bool)
_Constructor.add_constructor(INT, _Constructor.construct_go_int)
_Constructor.add_constructor(FLOAT, _Constructor.construct_go_float)
_Constructor.add_constructor(STR, yaml.constructor.SafeConstructor.construct_yaml_str)
_Constructor.add_constructor(YAML11_AMBIGUOUS, yaml.constructor.SafeConstructor.construct_yaml_str)
_Constructor.add_constructor(SEQ, yaml.constructor.SafeConstructor.construct_yaml_seq)
_Constructor.add_constructor(MAP, yaml.constructor.SafeConstructor.construct_yaml_map)


# libyaml's parser and composer, or PyYAML's own in Python: the same checks and constructors either way.
_READING = (_Parser,) if _Parser is not None else (Reader, Scanner, Parser, Composer)


class StackLoader(*_READING, _Constructor, _Resolver):
    def __init__(self, stream):
        for base in _READING:
            if base is Reader or base is _Parser:
                base.__init__(self, stream)
            else:
                base.__init__(self)
        _Constructor.__init__(self)
        _Resolver.__init__(self)


@dataclass(frozen=True)
class Problem:
    """One problem of the document: where (a key path, or None outside ``config:``) and its mark."""

    path: str | None
    line: int
    column: int
    message: str


def allowed_alias_ratio(decodes: int) -> float:
    """yaml.v3 decode.go allowedAliasRatio: 99% aliasing up to 400,000 decodes, 10% from 4,000,000."""
    if decodes <= 400_000:
        return 0.99
    if decodes >= 4_000_000:
        return 0.10
    return 0.99 - 0.89 * (decodes - 400_000) / 3_600_000


_TYPED_SCALARS = frozenset({INT, FLOAT, BOOL, NULL})


def _fits(tag: str, text: str) -> bool:
    """Whether an explicitly tagged scalar (``!!int 12``) is one yaml.v3 would read as that type."""
    resolved = resolve_plain(text) if text else NULL
    return resolved == tag or (tag == FLOAT and resolved == INT)


class _Stop(Exception):
    """A structural problem, after which the rest of the walk would mean nothing."""

    def __init__(self, node: Node, path: str | None, message: str):
        mark = node.start_mark
        self.problem = Problem(path, mark.line + 1, mark.column + 1, message)


def _config_path(parts: tuple, project: str | None) -> str | None:
    """``("config", "aws:region")`` -> ``aws:region``; deeper parts joined with '.'; None outside config.

    A key without a namespace is the project's, as Pulumi reads it: ``tags`` -> ``<project>:tags``.
    """
    if project is None or len(parts) < 2 or parts[0] != "config":
        return None
    first = str(parts[1])
    return ".".join([first if ":" in first else f"{project}:{first}", *(str(part) for part in parts[2:])])


def check_nodes(root: Node, project: str | None = None) -> list[Problem]:
    """Every problem of a composed document, walked iteratively with shared nodes visited once.

    Stops at the first structural problem (self-containing collection, too deep, too many aliases),
    after which the rest of the walk would mean nothing. Problems under ``config:`` are keyed by their
    config key path when ``project`` is given; others by line and column.
    """
    problems: list[Problem] = []

    def add(node: Node, parts: tuple, message: str) -> None:
        mark = node.start_mark
        problems.append(Problem(_config_path(parts, project), mark.line + 1, mark.column + 1, message))

    sizes: dict[int, int] = {}  # id(node) -> nodes in its expansion
    on_path: set[int] = set()
    # (node, key path parts, depth, children pushed?)
    stack: list[tuple[Node, tuple, int, bool]] = [(root, (), 1, False)]
    while stack:
        node, parts, depth, expanded = stack.pop()
        identity = id(node)
        if expanded:
            on_path.discard(identity)
            children = (
                [child for pair in node.value for child in pair]
                if isinstance(node, MappingNode)
                else node.value
            )
            sizes[identity] = 1 + sum(sizes[id(child)] for child in children)
            continue
        if identity in sizes:
            continue
        if identity in on_path:
            message = "contains itself (an alias to a collection inside that collection); JSON cannot"
            raise _Stop(node, _config_path(parts, project), message)
        if depth > MAX_DEPTH:
            raise _Stop(node, None, f"is nested more than {MAX_DEPTH} levels deep")
        if node.tag not in JSON_TAGS:
            add(
                node,
                parts,
                f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} has no JSON form; "
                "Pulumi config holds only maps, lists, strings, numbers, booleans and null",
            )
            sizes[identity] = 1
            continue
        if isinstance(node, ScalarNode):
            if node.tag == YAML11_AMBIGUOUS:
                reading = yaml11_reading(node.value)
                add(
                    node,
                    parts,
                    f"{node.value!r} is text to Pulumi (YAML 1.2) but {reading} to YAML 1.1 "
                    f"readers; quote it ('{node.value}') if you mean text",
                )
            elif node.tag in _TYPED_SCALARS and not _fits(node.tag, node.value):
                tag = node.tag.replace("tag:yaml.org,2002:", "!!")
                add(node, parts, f"{node.value!r} is not a valid {tag}")
            elif node.tag == FLOAT and not math.isfinite(go_float(node.value)):
                add(node, parts, f"{node.value!r} is not a finite number; JSON (Pulumi config) has none")
            sizes[identity] = 1
            continue
        on_path.add(identity)
        stack.append((node, parts, depth, True))
        if isinstance(node, SequenceNode):
            for index in range(len(node.value) - 1, -1, -1):
                stack.append((node.value[index], (*parts, index), depth + 1, False))
            continue
        seen: dict[str, Node] = {}
        for key, value in reversed(node.value):
            if key.tag == MERGE:
                sizes[id(key)] = 1
                stack.append((value, parts, depth + 1, False))
                continue
            if not isinstance(key, ScalarNode) or key.tag not in (STR, YAML11_AMBIGUOUS):
                shown = key.value if isinstance(key, ScalarNode) else "a collection"
                add(key, parts, f"keys must be strings (got {shown!r} as a key); quote it")
                stack.append((key, parts, depth + 1, False))
            else:
                if key.tag == YAML11_AMBIGUOUS:
                    reading = yaml11_reading(key.value)
                    add(
                        key,
                        (*parts, key.value),
                        f"the key {key.value!r} is text to Pulumi but {reading} "
                        f"to YAML 1.1 readers; quote it ('{key.value}')",
                    )
                sizes[id(key)] = 1
            stack.append((value, (*parts, key.value), depth + 1, False))
        for key, _ in node.value:
            if key.tag in (STR, YAML11_AMBIGUOUS) and isinstance(key, ScalarNode):
                if key.value in seen:
                    first = seen[key.value].start_mark.line + 1
                    message = f"the key {key.value!r} is given twice (first on line {first})"
                    add(key, (*parts, key.value), message)
                seen[key.value] = key
    problems.sort(key=lambda problem: (problem.line, problem.column))
    expanded = sizes[id(root)]
    unique = len(sizes)
    aliased = expanded - unique
    if aliased > 100 and expanded > 1000 and aliased / expanded > allowed_alias_ratio(expanded):
        message = f"aliases expand {unique} nodes to {expanded}: excessive aliasing (as Pulumi refuses)"
        raise _Stop(root, None, message)
    return problems


def _text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ConfigError([f"{path}: is a directory, not a stack file"]) from None
    except FileNotFoundError:
        raise ConfigError([f"{path}: no such file"]) from None
    except OSError as error:
        raise ConfigError([f"{path}: cannot read ({error.strerror})"]) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(
            [
                f"{path}: is not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
                "Pulumi reads stack files as UTF-8"
            ]
        ) from None


def _line(path: Path, problem: Problem) -> str:
    if problem.path is not None:
        return f"{problem.path}: {problem.message} (line {problem.line})"
    return f"{path}: line {problem.line}, column {problem.column}: {problem.message}"


def load_yaml(path: Path, project: str | None = None) -> Any:
    """The document in ``path`` as Pulumi reads it; ConfigError with one line per problem otherwise.

    ``project``: the file is that project's stack file, and problems under ``config:`` are reported
    at their config key paths.
    """
    text = _text(path)
    loader = None
    try:
        loader = StackLoader(text)
        node = loader.get_single_node()
        if node is None:
            return None
        problems = check_nodes(node, project)
        if problems:
            raise ConfigError([_line(path, problem) for problem in problems])
        return loader.construct_document(node)
    except _Stop as stop:
        raise ConfigError([_line(path, stop.problem)]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "position", None)
        if isinstance(mark, int):  # a ReaderError: a character offset
            where = f" (character {mark + 1})"
        else:
            where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(error, "problem", None) or getattr(error, "reason", None) or error
        raise ConfigError([f"{path}: not valid YAML{where}: {problem}"]) from None
    except RecursionError:
        # The composer (libyaml's too) recurses per level of nesting: past Python's limit, it is this.
        message = f"is nested too deeply (a stack file needs at most {MAX_DEPTH} levels)"
        raise ConfigError([f"{path}: {message}"]) from None
    finally:
        if loader is not None:
            loader.dispose()
