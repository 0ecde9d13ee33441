"""The inputs table of docs/inputs.md, generated from the stack-file schema (so from the model): one row
per key, with its type, default, limits and description; and the outputs table of docs/outputs.md.
(The module keeps the name it had when both tables were in the README.)"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from encrypted_workspaces.config import NAMESPACE

from .stack_file import AWS_KEYS, SECURE_VALUE, described_schema

BEGIN = "<!-- inputs-table:begin (generated from the config model by `make generate`; do not edit) -->"
END = "<!-- inputs-table:end -->"
_HEADER = ["| key | type | default | limits | description |", "| --- | --- | --- | --- | --- |"]


class _Table:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.definitions = schema["$defs"]

    def resolved(self, schema: dict[str, Any]) -> dict[str, Any]:
        """``schema`` with its ``$ref`` (to a model) merged in; ``secure:`` and null alternatives dropped."""
        if "$ref" in schema and schema["$ref"].startswith("#/$defs/"):
            target = self.definitions[schema["$ref"].rsplit("/", 1)[1]]
            schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
        alternatives = [
            a
            for a in schema.get("anyOf", [])
            if a.get("type") != "null" and a.get("$ref") != f"#/$defs/{SECURE_VALUE}"
        ]
        if len(alternatives) == 1:
            rest = {k: v for k, v in schema.items() if k != "anyOf"}
            return self.resolved({**alternatives[0], **rest})
        return schema

    def rows(self, path: str, schema: dict[str, Any], required: bool) -> Iterator[list[str]]:
        schema = self.resolved(schema)
        if "properties" in schema:  # a section: its keys, one row each
            for name, child in schema["properties"].items():
                yield from self.rows(f"{path}.{name}", child, name in schema.get("required", []))
            return
        if "patternProperties" in schema and schema.get("additionalProperties") is False:
            # A map of names to sections (workspaces.users): the entry, then the keys of one entry.
            ((names, entry),) = schema["patternProperties"].items()
            yield [
                path,
                "map",
                _default(schema, required),
                f"names `{names}`",
                _text(schema.get("description")),
            ]
            yield from self.rows(f"{path}.<name>", entry, False)
            return
        entries = schema.get("additionalProperties")
        if isinstance(entries, dict) and "properties" in self.resolved(entries):
            # A map of any names to sections (directory.ipGroups): the entry, then one entry's keys.
            yield [
                path,
                "map",
                _default(schema, required),
                self.limits(schema),
                _text(schema.get("description")),
            ]
            yield from self.rows(f"{path}.<name>", entries, False)
            return
        yield [
            path,
            self.type_name(schema),
            _default(schema, required),
            self.limits(schema),
            _text(schema.get("description")),
        ]

    def type_name(self, schema: dict[str, Any]) -> str:
        kind = schema.get("type", "")
        if kind == "array":
            return f"list of {self.type_name(self.resolved(schema.get('items', {})))}"
        if kind == "object":
            entries = schema.get("additionalProperties", {})
            return f"map of {self.type_name(self.resolved(entries))}" if isinstance(entries, dict) else "map"
        return kind

    def limits(self, schema: dict[str, Any]) -> str:
        limits = []
        if "enum" in schema:
            limits.append(", ".join(f"`{value}`" for value in schema["enum"]))
        if "then" in schema and "enum" in schema["then"] and "else" in schema:
            # A few values, or a range above them (stack_file._sizes).
            few = ", ".join(str(value) for value in schema["then"]["enum"])
            limits.append(f"{few} or {schema['else']['minimum']}..{schema.get('maximum', '')}")
        elif "minimum" in schema or "maximum" in schema:
            limits.append(f"{schema.get('minimum', '')}..{schema.get('maximum', '')}")
        if "multipleOf" in schema:
            limits.append(f"multiple of {schema['multipleOf']}")
        if "maxProperties" in schema:
            limits.append(f"at most {schema['maxProperties']} entries")
        if "minItems" in schema or "maxItems" in schema:
            limits.append(f"{schema.get('minItems', 0)}..{schema.get('maxItems', '')} entries")
        if "maxLength" in schema:
            limits.append(f"at most {schema['maxLength']} characters")
        if "pattern" in schema:
            limits.append(f"`{schema['pattern']}`")
        if "not" in schema and "pattern" in schema["not"]:
            limits.append(f"not `{schema['not']['pattern']}`")
        for keyword in ("items", "additionalProperties"):
            if isinstance(schema.get(keyword), dict) and (
                inner := self.limits(self.resolved(schema[keyword]))
            ):
                limits.append(f"each {inner}")
        if "propertyNames" in schema:
            limits.append(f"names: {self.limits(schema['propertyNames'])}")
        return "; ".join(limits)


def _default(schema: dict[str, Any], required: bool) -> str:
    if required:
        return "required"
    if "default" not in schema or schema["default"] is None:
        return "unset"
    return f"`{json.dumps(schema['default'], separators=(', ', ': '))}`"


def _text(description: str | None) -> str:
    # Markdown would take <user> for an HTML tag.
    return " ".join((description or "").split()).replace("<", "&lt;")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def inputs_table() -> str:
    """The table, Markdown, between its markers."""
    schema = described_schema()
    table = _Table(schema)
    config = schema["properties"]["config"]["properties"]
    rows = [row for key, value in AWS_KEYS.items() for row in table.rows(key, value, True)]
    for key, value in config.items():
        if key.startswith(f"{NAMESPACE}:"):
            rows += table.rows(key.removeprefix(f"{NAMESPACE}:"), value, False)
    lines = [f"| `{path}` | " + " | ".join(_cell(cell) for cell in cells) + " |" for path, *cells in rows]
    return "\n".join([BEGIN, *_HEADER, *lines, END])


def replace_table(page: str, table: str, begin: str = BEGIN, end: str = END) -> str:
    """``page`` with the text from ``begin`` to ``end`` replaced by ``table`` (which carries them)."""
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
    if not pattern.search(page):
        raise ValueError(f"no table markers ({begin} ... {end})")
    return pattern.sub(lambda _: table, page, count=1)


OUTPUTS_BEGIN = (
    "<!-- outputs-table:begin (generated from outputs.OUTPUTS by `make generate`; do not edit) -->"
)
OUTPUTS_END = "<!-- outputs-table:end -->"


def _pipes_escaped(text: str) -> str:
    """A Markdown table cell's ``|`` (``str | None``), escaped so that it does not end the cell."""
    return text.replace("|", "\\|")


def outputs_table() -> str:
    """The outputs table of docs/outputs.md: the component's outputs as declared in ``outputs.OUTPUTS``."""
    from encrypted_workspaces.outputs import OUTPUTS

    rows = [
        f"| `{output.name}` | `{output.attribute}` | `{_pipes_escaped(output.python_type)}` | "
        f"{_cell(output.description)} |"
        for output in OUTPUTS
    ]
    header = ["| output | Python attribute | type | description |", "| --- | --- | --- | --- |"]
    return "\n".join([OUTPUTS_BEGIN, *header, *rows, OUTPUTS_END])
