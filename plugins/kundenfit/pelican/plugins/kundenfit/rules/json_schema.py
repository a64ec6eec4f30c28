"""Export the declared shape of a rule file (`shape`) as a JSON Schema for editors.

With the schema named in a rule file's first line (``# yaml-language-server: $schema=…``),
VS Code and every editor with the YAML language server complete keys, show the German help
texts and flag unknown keys and wrong values while the coach types. Draft-07, the newest
draft the YAML language server supports. Only the shape is in it: whether an id named
somewhere (a `cap`, a rule in a quiz) exists is for the build to say, with file and line.

The plugin ships the schema as `rule-file.schema.json` beside this module; `kundenfit
schema` prints it, and a test keeps the shipped file equal to `rule_file_schema()`.
"""

from __future__ import annotations

import json
from pathlib import Path

from .limits import MAX_INT_DIGITS
from .shape import (
    ANSWER_MAP,
    BAND,
    BAND_PATTERN,
    BOOL,
    CHOICE,
    COUNT,
    FILE,
    ID,
    ID_OR_IDS,
    ID_PATTERN,
    IDS,
    ITEMS,
    POSITIVE,
    SHAPES,
    TEXT,
    TEXTS,
    TOPIC_MAP,
    TRUE,
    EntriesAgree,
    Excludes,
    Key,
    Needs,
    NeedsOneOf,
    Shape,
    When,
)

SCHEMA_FILE = Path(__file__).with_name("rule-file.schema.json")
DRAFT = "http://json-schema.org/draft-07/schema#"
_LARGEST = 10**MAX_INT_DIGITS - 1  # longer numbers are read as text

# `patternErrorMessage` is what VS Code's YAML extension shows instead of the bare pattern.
_ID = {
    "type": "string",
    "pattern": ID_PATTERN.pattern,
    "patternErrorMessage": "Eine Id aus Kleinbuchstaben, Ziffern und Bindestrichen, z. B. grenzen.",
}
_LABEL = {"type": "string", "pattern": r"\S", "patternErrorMessage": "Ein Text, nicht leer."}
# A number is taken as text too (the YAML language server reads `1.5` as a number).
_TEXT = {**_LABEL, "type": ["string", "number"]}
_COUNT = {"type": "integer", "minimum": 0, "maximum": _LARGEST}

_VALUES = {
    TEXT: _TEXT,
    TEXTS: {"type": "array", "items": _LABEL},
    ID: _ID,
    IDS: {"type": "array", "items": _ID, "uniqueItems": True},
    ID_OR_IDS: {"anyOf": [_ID, {"type": "array", "items": _ID, "uniqueItems": True, "minItems": 1}]},
    COUNT: _COUNT,
    POSITIVE: {**_COUNT, "minimum": 1},
    TRUE: {"const": True},
    BOOL: {"type": "boolean"},
    BAND: {
        "anyOf": [
            _COUNT,
            {
                "type": "string",
                "pattern": BAND_PATTERN.pattern,
                "patternErrorMessage": "Ein Punktebereich wie 16-20 oder eine ganze Zahl ab 0.",
            },
        ]
    },
    TOPIC_MAP: {"type": "object", "propertyNames": _ID, "additionalProperties": _LABEL},
    ANSWER_MAP: {"type": "object", "propertyNames": _ID, "additionalProperties": _COUNT},
}


def rule_file_schema() -> dict:
    """Return the JSON Schema of a rule file, made from `shape.SHAPES`."""
    schema = {"$schema": DRAFT, "title": "Kundenfit-Regeldatei", **_mapping(FILE)}
    schema["definitions"] = {name: _mapping(shape) for name, shape in SHAPES.items() if shape is not FILE}
    return schema


def schema_text() -> str:
    """Return the schema as the shipped file holds it (keys in their declared order)."""
    return json.dumps(rule_file_schema(), ensure_ascii=False, indent=2) + "\n"


def _mapping(shape: Shape) -> dict:
    result = {
        "type": "object",
        "description": shape.help,
        "properties": {key.name: _value(key) for key in shape.keys},
        "additionalProperties": False,
    }
    required = [key.name for key in shape.keys if key.required]
    if required:
        result["required"] = required
    rules = [_rule(rule, shape) for rule in shape.rules]
    if rules:
        result["allOf"] = rules
    return result


def _value(key: Key) -> dict:
    if key.kind == ITEMS:
        value = {"type": "array", "items": {"$ref": f"#/definitions/{key.of}"}}
    elif key.kind == CHOICE:
        value = {"enum": list(key.choices)}
    else:
        value = dict(_VALUES[key.kind])
    if key.min_items:
        value["minItems"] = key.min_items
    if key.max_length is not None:
        value["maxLength"] = key.max_length
    return {"description": key.help, **value}


def _written(key: str, value: object = None) -> dict:
    """A schema matching mappings where `key` is written (and holds `value`, if given)."""
    if value is None:
        return {"required": [key]}
    return {"required": [key], "properties": {key: {"const": value}}}


def _rule(rule, shape: Shape) -> dict:
    """Turn one declared rule between keys of `shape` into JSON Schema."""
    if isinstance(rule, Excludes):
        return {"if": _written(rule.key, rule.value), "then": _forbid(rule.others)}
    if isinstance(rule, NeedsOneOf):
        # A switch (`open`) counts only when it is on.
        return {"anyOf": [_written(k, True if shape.key(k).kind == TRUE else None) for k in rule.keys]}
    if isinstance(rule, Needs):
        return {"dependencies": {rule.key: list(rule.others)}}
    if isinstance(rule, EntriesAgree):
        unless_key, unless_value = rule.unless
        return {
            "properties": {
                rule.key: {
                    "anyOf": [
                        {"items": _forbid((rule.each,))},
                        {"items": {"anyOf": [_written(rule.each), _written(unless_key, unless_value)]}},
                    ]
                }
            }
        }
    if isinstance(rule, When):
        then: dict = {"properties": {name: False for name in rule.forbid}}
        for list_key, names in rule.entries_forbid.items():
            then["properties"][list_key] = {"items": _forbid(names)}
        for list_key, names in rule.entries_require.items():
            then["properties"][list_key] = {"items": {"required": list(names)}}
        return {"if": _written(rule.key, rule.value), "then": then}
    raise TypeError(f"unknown rule {rule!r}")


def _forbid(names) -> dict:
    """Mappings where none of `names` is written (shown by editors as "not allowed")."""
    return {"properties": {name: False for name in names}}
